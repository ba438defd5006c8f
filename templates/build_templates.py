"""Build the four Word templates in this folder: ``python templates/build_templates.py``.

The .docx files are what offices open and edit in Word; this script is how they were made and
how to make them again after a change here. Tags are plain docxtpl/Jinja (``{{ … }}``,
``{%p if … %}``, ``{%tr for … %}``), each kept in a single run so Word shows it readably.
The names a template may use are listed in ``noticedesk/core/documents/context.py``.

Layout: A4, margins 30/25/25/25 mm, body ＭＳ 明朝 10.5 pt, headings ＭＳ ゴシック, East Asian
fonts set on the styles and on every run (``w:eastAsia``) so Word does not substitute a Latin
face; the date and the sender block right-aligned; 記 … 以上 around the particulars.
The output is reproducible: fixed document properties and zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

MINCHO = "ＭＳ 明朝"
GOTHIC = "ＭＳ ゴシック"
HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def set_fonts(rpr_parent: object, face: str) -> None:
    """ascii, hAnsi and eastAsia all set to ``face``; language Japanese."""
    if hasattr(rpr_parent, "get_or_add_rPr"):
        rpr = rpr_parent.get_or_add_rPr()
    else:  # w:rPrDefault in the document defaults is not a python-docx element class
        rpr = rpr_parent.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_parent.insert(0, rpr)  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "ja-JP")


def new_document(title: str) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)

    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")), MINCHO)
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    set_fonts(normal.element, MINCHO)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Title", "Heading 1", "Heading 2"):
        style = styles[name]
        set_fonts(style.element, GOTHIC)
        style.font.bold = True
        style.font.color.rgb = None
        style.font.italic = False
    styles["Title"].font.size = Pt(14)
    styles["Heading 1"].font.size = Pt(11)
    styles["Heading 2"].font.size = Pt(10.5)

    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.subject = "個人情報の漏えい等に関する通知"
    props.keywords = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return doc


def run_in(
    paragraph: Paragraph,
    text: str,
    *,
    gothic: bool = False,
    bold: bool = False,
    size: float | None = None,
) -> None:
    run = paragraph.add_run(text)
    set_fonts(run._r, GOTHIC if gothic else MINCHO)
    if bold:
        run.bold = True
    if size:
        run.font.size = Pt(size)


def para(
    doc: DocumentObject,
    text: str = "",
    *,
    align: object = None,
    gothic: bool = False,
    bold: bool = False,
    size: float | None = None,
    indent: bool = False,
    before: float | None = None,
    after: float | None = None,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(10.5)
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    if text:
        run_in(paragraph, text, gothic=gothic, bold=bold, size=size)
    return paragraph


def tag(doc: DocumentObject, text: str) -> None:
    """A paragraph holding only a ``{%p … %}`` tag; docxtpl removes it when rendering."""
    para(doc, text)


def heading(doc: DocumentObject, text: str) -> None:
    para(doc, text, gothic=True, bold=True, before=6)


def body(doc: DocumentObject, text: str) -> None:
    paragraph = para(doc, text, indent=True)
    paragraph.paragraph_format.left_indent = Pt(10.5)


def title(doc: DocumentObject, text: str) -> None:
    para(doc, text, align=CENTER, gothic=True, bold=True, size=14, before=12, after=12)


def page_field(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def header_footer(doc: DocumentObject, header_text: str, footer_text: str) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.alignment = RIGHT
    run_in(head, header_text, size=8)
    foot = section.footer.paragraphs[0]
    foot.alignment = CENTER
    run_in(foot, footer_text + "　－ ", size=8)
    page_field(foot)
    run_in(foot, " －", size=8)


def sender_block(doc: DocumentObject, *, full: bool) -> None:
    para(doc, "{{ office.name }}", align=RIGHT)
    para(doc, "{{ office.representative }}", align=RIGHT)
    if full:
        para(doc, "社会保険労務士 登録番号　{{ office.registration_number }}", align=RIGHT)
        para(
            doc,
            "{% if office.postal_code %}〒{{ office.postal_code }}　{% endif %}{{ office.address }}",
            align=RIGHT,
        )
        para(
            doc,
            "電話　{{ office.phone }}{% if office.fax %}　FAX　{{ office.fax }}{% endif %}",
            align=RIGHT,
        )
        tag(doc, "{%p if office.email %}")
        para(doc, "メール　{{ office.email }}", align=RIGHT)
        tag(doc, "{%p endif %}")


def addressee(doc: DocumentObject) -> None:
    """「御中」for the company, or the company and「様」for a named person, never both."""
    tag(doc, "{%p if client.contact_person %}")
    para(doc, "{{ client.name }}", before=6)
    para(doc, "{{ client.contact_person }}　様")
    tag(doc, "{%p else %}")
    para(doc, "{{ client.name }}　御中", before=6)
    tag(doc, "{%p endif %}")


def ki(doc: DocumentObject) -> None:
    para(doc, "記", align=CENTER, before=6, after=6)


def ijou(doc: DocumentObject) -> None:
    para(doc, "以上", align=RIGHT, before=6)


def items_table(doc: DocumentObject) -> None:
    """The nine report items: a header row and one row per item via a ``{%tr for %}`` loop."""
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(12), Mm(48), Mm(100))
    for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_column.w = width  # Word and LibreOffice lay out columns from the grid
    header_row = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
    header_row.append(repeat)
    texts = (
        ("項番", "報告事項", "内容"),
        ("{%tr for r in report_items %}", "", ""),
        ("{{ r.no }}", "{{ r.label }}", "{{ r.value }}"),
        ("{%tr endfor %}", "", ""),
    )
    for row, row_texts in zip(table.rows, texts, strict=True):
        for cell, width, text in zip(row.cells, widths, row_texts, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            if text:
                run_in(paragraph, text, gothic=row is table.rows[0], bold=row is table.rows[0])
    for cell in table.rows[2].cells[:1]:
        cell.paragraphs[0].alignment = CENTER
    for cell in table.rows[0].cells:
        cell.paragraphs[0].alignment = CENTER


def build_cover() -> DocumentObject:
    doc = new_document("送付状")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|seireki }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=False)
    title(doc, "利用システムの障害に関するご報告および個人情報保護法に基づくご対応について")
    body(
        doc,
        "拝啓　時下ますますご清栄のこととお慶び申し上げます。平素より当法人に対しまして、"
        "格別のご厚情を賜り厚くお礼申し上げます。",
    )
    body(
        doc,
        "この度、当法人が業務に利用しているシステム（{{ incident.vendor }}　{{ incident.system }}）"
        "において発生した{{ incident.title }}に関し、下記のとおりご報告申し上げます。"
        "お客様には多大なご迷惑とご心配をおかけしておりますことを、心よりお詫び申し上げます。",
    )
    para(doc, "敬具", align=RIGHT)
    ki(doc)
    heading(doc, "１．発生した事象")
    body(doc, "{{ item.overview }}")
    tag(doc, "{%p if incident.vendor_report_url %}")
    body(
        doc,
        "詳細につきましては、{{ incident.vendor }}が公表している報告を次のURLにてご確認いただけます。"
        "{{ incident.vendor_report_url }}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if incident.office_news_url %}")
    body(doc, "当法人のウェブサイトにも経過を掲載しております。{{ incident.office_news_url }}")
    tag(doc, "{%p endif %}")
    heading(doc, "２．個人情報保護委員会への報告について")
    body(
        doc,
        "当法人は、個人情報保護法に基づき、委託先として個人情報保護委員会へ報告を行います。"
        "顧問先様につきましては、名称・所在地・電話番号を一覧にまとめて当法人から一括して"
        "報告いたしますので、貴社から同委員会へ別途報告を行っていただく必要はございません。",
    )
    body(
        doc,
        "なお、貴社において個別に同委員会へ報告を行う方法を選択されることも可能です。"
        "個別に報告される場合は、お手数ですが当法人（電話　{{ office.phone }}"
        "{% if office.email %}、メール　{{ office.email }}{% endif %}）までご一報ください。"
        "一括報告の対象から除き、報告に必要な事項をご案内いたします。",
    )
    tag(doc, "{%p if client.individual %}")
    body(
        doc,
        "貴社からは個別に報告を行われる旨を承っております。報告に必要な事項を別紙"
        "「個別報告のご案内」にまとめましたので、ご活用ください"
        "（確報の期限：{{ deadlines.final|seireki }}）。",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "３．従業員の皆様への通知について")
    tag(doc, "{%p if incident.unauthorized_purpose %}")
    body(
        doc,
        "本件は「不正の目的をもって行われたおそれがある個人データの漏えい等が発生したおそれが"
        "ある事態」（個人情報保護法第26条、同法施行規則第7条第3号）に該当するため、"
        "貴社の従業員の皆様（退職された方及び被扶養者の方を含みます）へ、所定の事項を"
        "通知する必要がございます。",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "本件は個人情報保護法第26条に定める事態に該当するため、貴社の従業員の皆様"
        "（退職された方及び被扶養者の方を含みます）へ、所定の事項を通知する必要がございます。",
    )
    tag(doc, "{%p endif %}")
    body(
        doc, "円滑にご通知いただけますよう、当法人において次の通知文書を作成し、同封いたしました。"
    )
    body(doc, "①　貴社の社内掲示・回覧用の通知文書（従業員の皆様宛て）")
    body(doc, "②　当法人から貴社への報告形式の通知文書")
    body(
        doc,
        "ご配布、ご掲示または社内ネットワークへの掲載等により、従業員の皆様へご通知いただければ"
        "幸いです。なお、貴社所定の様式によるご通知を妨げるものではございません。",
    )
    heading(doc, "４．費用について")
    body(
        doc,
        "従業員の皆様への通知に要した印刷費用、郵送費用等の諸経費につきましては、"
        "差し出がましい申し出ではございますが、当法人にご請求いただければと存じます。",
    )
    tag(doc, "{%p if client.in_association %}")
    heading(doc, "５．労働保険事務組合にご加入のお客様へ")
    tag(doc, "{%p if association.status %}")
    body(
        doc,
        "貴社がご加入の{{ association.name }}が利用するシステムにつきましては、"
        "{{ association.status }}",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "貴社がご加入の{{ association.name }}が利用するシステムの復旧状況につきましては、"
        "同組合からのお知らせをご確認いただくか、当法人までお問い合わせください。",
    )
    tag(doc, "{%p endif %}")
    body(doc, "引き続きご不便をおかけいたしますことを、重ねてお詫び申し上げます。")
    tag(doc, "{%p endif %}")
    heading(doc, "お問い合わせ先")
    body(
        doc,
        "{{ incident.contact or office.name }}　電話　{{ office.phone }}"
        "{% if office.email %}　メール　{{ office.email }}{% endif %}",
    )
    ijou(doc)
    return doc


def build_internal() -> DocumentObject:
    doc = new_document("従業員向け通知（社内掲示用）")
    header_footer(doc, "社内掲示・回覧用", "{{ client.name }}")
    para(doc, "{{ dates.notice|wareki }}", align=RIGHT)
    para(doc, "従業員各位（退職された方を含む）", before=6)
    para(doc, "{{ client.name }}", align=RIGHT)
    title(doc, "個人情報の漏えいのおそれに関するお知らせ")
    body(
        doc,
        "当社が社会保険・労働保険の手続き等を委託している{{ office.name }}が利用するシステム"
        "（{{ incident.vendor }}　{{ incident.system }}）において障害が発生し、"
        "従業員の皆様（退職された方及び被扶養者の方を含みます）の個人情報が漏えいしたおそれが"
        "あることが判明しました。個人情報保護法第26条第2項に基づき、同法人からの報告により"
        "下記のとおりお知らせいたします。",
    )
    body(doc, "皆様にはご心配をおかけしますことを、深くお詫び申し上げます。")
    ki(doc)
    heading(doc, "１．概要")
    body(doc, "{{ item.overview }}")
    heading(doc, "２．漏えい等が発生し、又は発生したおそれがある個人データの項目")
    tag(doc, "{%p for d in data_items %}")
    body(doc, "・{{ d }}")
    tag(doc, "{%p endfor %}")
    heading(doc, "３．原因")
    body(doc, "{{ item.cause }}")
    heading(doc, "４．二次被害又はそのおそれの有無及びその内容")
    body(doc, "{{ item.secondary_damage }}")
    heading(doc, "５．その他参考となる事項")
    body(doc, "{{ item.other }}")
    heading(doc, "６．お問い合わせ先")
    body(
        doc,
        "{{ client.name }}{% if client.contact_person %}　担当：{{ client.contact_person }}{% endif %}",
    )
    tag(doc, "{%p if client.phone or client.email %}")
    body(
        doc,
        "{% if client.phone %}電話：{{ client.phone }}{% endif %}"
        "{% if client.phone and client.email %}　{% endif %}"
        "{% if client.email %}メール：{{ client.email }}{% endif %}",
    )
    tag(doc, "{%p endif %}")
    body(doc, "委託先：{{ incident.contact or office.name }}　電話　{{ office.phone }}")
    ijou(doc)
    return doc


def build_report() -> DocumentObject:
    doc = new_document("委託元への報告形式通知")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|wareki }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=True)
    title(doc, "個人データの漏えい等のおそれに関するご報告（通知）")
    body(
        doc,
        "当法人は、貴社から委託を受けて取り扱っている個人データについて、漏えい等が発生した"
        "おそれがある事態が生じたことから、個人情報の保護に関する法律第26条第1項ただし書及び"
        "同法施行規則第9条に基づき、下記のとおり貴社に通知いたします。",
    )
    body(doc, "貴社には多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。")
    ki(doc)
    para(
        doc,
        "発生日：{{ incident.occurred_on|wareki }}　発覚日：{{ incident.discovered_on|wareki }}"
        "（{{ incident.discovered_on|seireki }}）",
        after=6,
    )
    items_table(doc)
    para(doc, "")
    # A client that reports itself files these items in its own name; the others are
    # covered by the office's joint report.
    tag(doc, "{%p if client.individual %}")
    body(
        doc,
        "本通知は、当法人が把握している報告事項をまとめたものです。貴社から個人情報保護委員会へ"
        "個別に報告される際にご活用ください。",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "本通知は、貴社に代わって当法人が個人情報保護委員会へ報告する事項と同一の内容です。",
    )
    tag(doc, "{%p endif %}")
    ijou(doc)
    return doc


def build_individual() -> DocumentObject:
    doc = new_document("個別報告のご案内")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|seireki }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=False)
    title(doc, "個人情報保護委員会への個別報告に必要な事項のご案内")
    body(
        doc,
        "貴社におかれましては、本件について個人情報保護委員会へ個別に報告を行われる旨、"
        "承りました。貴社は当法人の一括報告の対象から除かれますので、報告に必要な事項を、"
        "当法人が把握している範囲で下記にまとめました。報告は個人情報保護委員会のウェブサイトの"
        "報告フォームから行うことができます。",
    )
    ki(doc)
    heading(doc, "１．報告の期限")
    body(
        doc,
        "速報：発覚日（{{ incident.discovered_on|wareki }}）から速やかに"
        "（概ね{{ deadlines.preliminary|wareki }}まで）",
    )
    body(
        doc,
        "確報：{{ deadlines.final|wareki }}（{{ deadlines.final|seireki }}）まで"
        "（発覚日から{{ deadlines.final_days }}日以内"
        "{% if incident.unauthorized_purpose %}。不正の目的をもって行われたおそれがある事態"
        "（施行規則第7条第3号）のため{% endif %}）",
    )
    heading(doc, "２．報告事項（当法人が把握している内容）")
    items_table(doc)
    heading(doc, "３．貴社でご確認・ご記入いただく事項")
    body(doc, "・貴社の名称、所在地、代表者の氏名、法人番号")
    body(
        doc,
        "・本人の数（貴社の従業員、退職者及び被扶養者のうち当該システムに登録されていた方の数）",
    )
    body(doc, "・本人への対応の実施状況（貴社から従業員の皆様へ通知された日及び方法）")
    body(doc, "・報告を担当される方のご連絡先")
    heading(doc, "４．お問い合わせ先")
    body(doc, "{{ office.name }}　電話　{{ office.phone }}")
    ijou(doc)
    return doc


BUILDERS = {
    "cover": build_cover,
    "internal": build_internal,
    "report": build_report,
    "individual": build_individual,
}


def drop_thumbnail(doc: DocumentObject) -> None:
    """python-docx's default package carries a generic thumbnail image; Word needs none."""
    rels = doc.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(rel_id)


def reproducible_bytes(doc: DocumentObject) -> bytes:
    """The .docx with fixed zip timestamps, so rebuilding gives identical files."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_all(target: Path = HERE) -> list[Path]:
    written = []
    for kind, builder in BUILDERS.items():
        doc = builder()
        drop_thumbnail(doc)
        path = target / f"{kind}.docx"
        path.write_bytes(reproducible_bytes(doc))
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written_path)
