"""Build the Word templates in this folder: ``python templates/build_templates.py``.

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
    """The office as it signs: the 登録番号 is the representative's (a 社労士法人 has none)."""
    para(doc, "{{ office.name }}", align=RIGHT)
    para(
        doc,
        "{% if office.representative_title %}{{ office.representative_title }}　{% endif %}"
        "社会保険労務士　{{ office.representative_name }}",
        align=RIGHT,
    )
    if full:
        para(doc, "（登録番号　{{ office.registration_number }}）", align=RIGHT)
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


def event_dates(doc: DocumentObject) -> None:
    """発生日 as known (不明 is said, never the discovery date copied), and 発覚日."""
    body(
        doc,
        "発生日：{% if incident.occurred_on %}{{ incident.occurred_on|date }}"
        "{% else %}不明（調査中）{% endif %}　発覚日：{{ incident.discovered_on|date }}",
    )


def advice_list(doc: DocumentObject, lead: str = "念のため、次の点にご注意ください。") -> None:
    """What people can do to protect themselves (規則10条: 本人の権利利益の保護に必要な範囲)."""
    tag(doc, "{%p if advice %}")
    body(doc, lead)
    tag(doc, "{%p for a in advice %}")
    body(doc, "・{{ a }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def contact_block(doc: DocumentObject, heading_text: str = "【お問い合わせ先】") -> None:
    """The contact desk every document refers to (その他参考となる事項 points here)."""
    heading(doc, heading_text)
    body(doc, "{{ contact.desk }}")
    body(
        doc,
        "電話　{{ contact.phone }}{% if contact.email %}　メール　{{ contact.email }}{% endif %}",
    )
    tag(doc, "{%p if contact.hours %}")
    body(doc, "受付時間　{{ contact.hours }}")
    tag(doc, "{%p endif %}")


def office_filing(doc: DocumentObject) -> None:
    """What the office has filed with the PPC and when, or by when it will."""
    body(
        doc,
        "{% if deadlines.final_filed %}{{ office.self }}は、"
        "{% if deadlines.preliminary_filed %}{{ deadlines.preliminary_filed|date }}に速報を、"
        "{% endif %}{{ deadlines.final_filed|date }}に確報を、個人情報保護委員会へ提出いたしました。"
        "{% elif deadlines.preliminary_filed %}{{ office.self }}は、"
        "{{ deadlines.preliminary_filed|date }}に速報を個人情報保護委員会へ提出いたしました。"
        "確報は{{ deadlines.final|date }}までに提出いたします（{{ deadlines.final_basis }}）。"
        "{% else %}{{ office.self }}は、個人情報保護委員会へ速報を速やかに"
        "（目安：概ね{{ deadlines.preliminary|date }}まで）、確報を{{ deadlines.final|date }}までに"
        "提出いたします（確報の期限：{{ deadlines.final_basis }}）。{% endif %}",
    )


def build_cover() -> DocumentObject:
    doc = new_document("送付状")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|date }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=False)
    title(doc, "{{ incident.subject }}に関するご報告及び個人情報保護法に基づくご対応について")
    body(
        doc,
        "拝啓　時下ますますご清栄のこととお慶び申し上げます。平素は{{ office.self }}に格別の"
        "ご高配を賜り、厚く御礼申し上げます。",
    )
    body(
        doc,
        "さて、{% if incident.clients_notified_on %}{{ incident.clients_notified_on|date }}付けで"
        "第一報をお伝えいたしました{% else %}{{ office.self }}が業務に利用しているシステム"
        "（{{ incident.vendor }}「{{ incident.system }}」）における{% endif %}"
        "{{ incident.subject }}（以下「本件」といいます。）につきまして、その後の状況と"
        "{{ client.other }}にお願いしたいご対応を、下記のとおりご報告申し上げます。"
        "{{ client.other }}には多大なご迷惑とご心配をおかけしておりますことを、"
        "心よりお詫び申し上げます。",
    )
    para(doc, "敬具", align=RIGHT)
    ki(doc)

    heading(doc, "【本件の概要】")
    body(doc, "{{ item.overview }}")
    event_dates(doc)
    tag(doc, "{%p if incident.vendor_report_url %}")
    body(
        doc,
        "{{ incident.vendor }}が公表している報告は、次のURLでご覧いただけます。"
        "{{ incident.vendor_report_url }}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if incident.office_news_url %}")
    body(
        doc,
        "{{ office.self }}のウェブサイトにも経過を掲載しております。{{ incident.office_news_url }}",
    )
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if incident.service_status %}")
    heading(doc, "【業務の再開について】")
    body(doc, "{{ incident.service_status }}")
    tag(doc, "{%p endif %}")

    heading(doc, "【個人情報保護委員会への報告について】")
    body(
        doc,
        "本件は、個人情報保護法第26条第1項に定める報告対象事態に該当するおそれがあるため、"
        "個人データの取扱いの委託を受けている{{ office.self }}と、委託元である顧問先様の双方に"
        "個人情報保護委員会への報告義務がございます。",
    )
    office_filing(doc)
    # Every paragraph about the joint report follows the client's choice (the tick).
    tag(doc, "{%p if client.individual %}")
    body(
        doc,
        "{{ client.other }}からは、個人情報保護委員会へ個別に報告を行われる旨を承っております。"
        "このため、{{ office.self }}が顧問先様と連名で行う報告の一覧には、{{ client.other }}を"
        "記載いたしません。{{ client.other }}による報告の期限と必要な事項を、別紙"
        "「個別報告のご案内」にまとめましたので、ご活用ください"
        "{% if deadlines.client_final %}（{{ client.other }}の確報の期限："
        "{{ deadlines.client_final|date }}）{% endif %}。",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "{{ office.self }}は、顧問先様との連名による報告として、顧問先様の次の事項を一覧に"
        "まとめ、{{ office.self }}から一括して"
        "{% if deadlines.final_filed %}報告しております{% else %}報告いたします{% endif %}。このため、{{ client.other }}から"
        "同委員会へ別途報告を行っていただく必要はございません。一覧に記載する{{ client.other }}の"
        "情報は次のとおりです。",
    )
    tag(doc, "{%p for j in joint %}")
    body(doc, "　{{ j.label }}：{{ j.value }}")
    tag(doc, "{%p endfor %}")
    body(
        doc,
        "本人の数は、{{ client.other }}の従業員（退職された方を含みます。）及び被扶養者の方のうち、"
        "当該システムに登録されていた方の人数です。記載に誤りや変更がございましたら、"
        "{{ office.self }}までお知らせください。",
    )
    body(
        doc,
        "なお、{{ client.other }}において個別に同委員会へ報告する方法を選択されることも可能です。"
        "その場合は、お手数ですが{{ office.self }}までご一報ください。一覧から"
        "{{ client.other }}を除き、報告に必要な事項と期限をご案内いたします。",
    )
    # A client in the joint report answers on the enclosed slip (sent when the office set a
    # reply-by date); what silence means is the office's rule (incident.silence_rule;
    # docs/legal-basis.md: the default is the seed letter's reading).
    body(
        doc,
        "{% if dates.reply_by %}報告の方法につきましては、同封の「回答書」にご記入のうえ、"
        "{{ dates.reply_by|date }}までに"
        "{% if office.fax %}ＦＡＸ{% if office.email %}又は{% endif %}{% endif %}"
        "{% if office.email %}メール{% endif %}"
        "{% if not office.fax and not office.email %}郵送{% endif %}にて{{ office.self }}まで"
        "ご返送くださいますようお願い申し上げます。{% endif %}"
        "{% if incident.silence_joint %}"
        "{% if dates.reply_by %}ご回答{% else %}ご連絡{% endif %}のない場合は、"
        "{{ office.self }}より一括して報告させていただきます。"
        "{% else %}{% if not dates.reply_by %}報告の方法を{{ office.self }}までお知らせください。"
        "{% endif %}ご回答をいただくまでは、{{ client.other }}を報告の一覧に記載いたしませんので、"
        "必ずご{% if dates.reply_by %}返送{% else %}連絡{% endif %}ください。{% endif %}",
    )
    tag(doc, "{%p endif %}")

    heading(doc, "【従業員の皆様への通知について】")
    body(
        doc,
        "本件は、個人情報保護法第26条第2項に基づき、本人（{{ client.other }}の従業員の皆様。"
        "退職された方及び被扶養者の方を含みます。）へ所定の事項を通知する必要がある事態に該当する"
        "ものと考えております{% if incident.unauthorized_purpose %}（不正の目的をもって行われた"
        "おそれがある個人データの漏えい等が発生したおそれがある事態：同法施行規則第7条第3号）"
        "{% endif %}。",
    )
    body(
        doc,
        "円滑にご通知いただけますよう、{{ office.self }}において次の文書を作成し、同封いたしました。",
    )
    body(doc, "①　{{ client.other }}の社内掲示・回覧用の通知文書（従業員の皆様宛て）")
    body(doc, "②　{{ office.self }}から{{ client.other }}への報告形式の通知文書")
    body(
        doc,
        "①の文書の日付{% if not client.representative %}及び代表者名{% endif %}は空欄として"
        "おりますので、ご通知の際にご記入ください。ご配布、ご掲示または社内ネットワークへの掲載等に"
        "より従業員の皆様へご通知いただくとともに、社内の掲示等をご覧になれない退職された方及び"
        "被扶養者の方には、郵送等により個別にお知らせくださいますようお願いいたします。"
        "なお、{{ client.other }}所定の様式によるご通知を妨げるものではございません。",
    )

    heading(doc, "【費用について】")
    body(
        doc,
        "従業員の皆様への通知に要した印刷費用、郵送費用等の諸経費につきましては、"
        "差し出がましい申し出ではございますが、{{ office.self }}にご請求いただければと存じます。",
    )
    tag(doc, "{%p if client.in_association %}")
    heading(doc, "【労働保険事務組合にご加入のお客様へ】")
    tag(doc, "{%p if association.status %}")
    body(
        doc,
        "{{ client.other }}がご加入の{{ association.name }}が利用するシステムにつきましては、"
        "{{ association.status }}",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "{{ client.other }}がご加入の{{ association.name }}が利用するシステムの復旧状況につきましては、"
        "同組合からのお知らせをご確認いただくか、{{ office.self }}までお問い合わせください。",
    )
    tag(doc, "{%p endif %}")
    body(doc, "引き続きご不便をおかけいたしますことを、重ねてお詫び申し上げます。")
    tag(doc, "{%p endif %}")
    contact_block(doc)
    ijou(doc)
    return doc


def build_internal() -> DocumentObject:
    """The client's own notice to its employees (法26条2項, 規則10条), in the client's voice."""
    doc = new_document("従業員向け通知（社内掲示用）")
    header_footer(doc, "社内掲示・回覧用", "{{ client.name }}")
    para(doc, "{{ dates.blank }}", align=RIGHT)
    para(doc, "従業員の皆様（退職された方を含みます。）", before=6)
    para(doc, "及びご家族（被扶養者）の皆様へ")
    para(doc, "{{ client.name }}", align=RIGHT)
    para(
        doc,
        "{% if client.representative %}{{ client.representative }}"
        "{% else %}代表者　　　　　　　　　　{% endif %}",
        align=RIGHT,
    )
    title(doc, "個人情報の漏えいのおそれに関するお知らせとお詫び")
    body(
        doc,
        "{{ client.self }}が社会保険・労働保険の手続き等を委託している{{ office.name }}が"
        "利用するシステムにおいて障害が発生し、皆様の個人情報が漏えいしたおそれがあることが"
        "判明しました。個人情報の保護に関する法律第26条第2項に基づき、下記のとおりお知らせいたします。",
    )
    body(doc, "皆様には多大なご心配とご迷惑をおかけしますことを、深くお詫び申し上げます。")
    ki(doc)
    heading(doc, "１．概要")
    body(
        doc,
        "{{ office.name }}が社会保険・労働保険の手続き等に利用している{{ incident.vendor }}の"
        "システム「{{ incident.system }}」において、{{ incident.subject }}が発生しました。"
        "{% if incident.clients_notified_on %}{{ client.self }}は、"
        "{{ incident.clients_notified_on|date }}に{{ office.same }}から本件の報告を受けました。"
        "{% endif %}{{ employee.overview }}",
    )
    event_dates(doc)
    heading(doc, "２．漏えい等が発生し、又は発生したおそれがある個人データの項目")
    tag(doc, "{%p for d in data_items %}")
    body(doc, "・{{ d }}")
    tag(doc, "{%p endfor %}")
    heading(doc, "３．原因")
    body(doc, "{{ employee.cause }}")
    heading(doc, "４．二次被害又はそのおそれの有無及びその内容")
    body(doc, "{{ employee.secondary_damage }}")
    heading(doc, "５．その他参考となる事項")
    body(doc, "{{ employee.other }}")
    advice_list(doc)
    heading(doc, "６．お問い合わせ先")
    body(
        doc,
        "{{ client.name }}{% if client.contact_person %}　担当：{{ client.contact_person }}{% endif %}"
        "{% if client.phone %}　電話：{{ client.phone }}{% endif %}",
    )
    body(
        doc,
        "本件の委託先の窓口：{{ contact.desk }}　電話　{{ contact.phone }}"
        "{% if contact.hours %}（受付時間　{{ contact.hours }}）{% endif %}",
    )
    ijou(doc)
    return doc


def build_report() -> DocumentObject:
    """The office's notice to the client (法26条1項ただし書, 規則9条): all nine items, dated."""
    doc = new_document("委託元への報告形式通知")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|date }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=True)
    title(doc, "個人データの漏えい等のおそれに関するご報告（通知）")
    body(
        doc,
        "{{ office.self }}は、{{ client.other }}から委託を受けて取り扱っている個人データについて、"
        "漏えい等が発生したおそれがある事態が生じたことから、個人情報の保護に関する法律第26条"
        "第1項ただし書及び同法施行規則第9条に基づき、下記のとおり{{ client.other }}に通知いたします。"
        "{% if incident.clients_notified_on %}本件については{{ incident.clients_notified_on|date }}に"
        "第一報をお伝えしておりますが、本通知は、その後判明した事項を含め、現時点で"
        "{{ office.self }}が把握している事項をまとめたものです。{% endif %}",
    )
    body(
        doc,
        "{{ client.other }}には多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。",
    )
    ki(doc)
    event_dates(doc)
    items_table(doc)
    para(doc, "")
    # Addressed to the client: the advice is for the people it will notify.
    advice_list(doc, "従業員の皆様へのご通知に当たっては、次の点も併せてお知らせください。")
    heading(doc, "【個人情報保護委員会への報告について】")
    office_filing(doc)
    # A client that reports itself files these items in its own name; the others are in the
    # office's joint report (連名, 通則編 3-5-3-2).
    tag(doc, "{%p if client.individual %}")
    body(
        doc,
        "{{ client.other }}は個別に個人情報保護委員会へ報告されると承っておりますので、"
        "{{ client.other }}は{{ office.self }}の報告の一覧には含まれておりません。本通知の内容を"
        "{{ client.other }}の報告にご活用ください"
        "{% if deadlines.client_final %}（{{ client.other }}の確報の期限："
        "{{ deadlines.client_final|date }}）{% endif %}。",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "本通知の内容は、{{ office.self }}が顧問先様との連名により個人情報保護委員会へ報告する"
        "事項と同一です。{{ client.other }}は、同報告に添付する顧問先の一覧に記載しております。",
    )
    tag(doc, "{%p endif %}")
    contact_block(doc)
    ijou(doc)
    return doc


def build_individual() -> DocumentObject:
    """For a client that reports itself: its own deadlines, what the office filed, where to file."""
    doc = new_document("個別報告のご案内")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.notice|date }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=False)
    title(doc, "個人情報保護委員会への個別報告に必要な事項のご案内")
    body(
        doc,
        "{{ client.other }}におかれましては、本件について個人情報保護委員会へ個別に報告を行われる旨、"
        "承りました。{{ client.other }}は{{ office.self }}が顧問先様と連名で行う報告の一覧から"
        "除かれますので、{{ client.other }}の報告の期限と必要な事項を、{{ office.self }}が把握して"
        "いる範囲で下記にまとめました。",
    )
    ki(doc)
    heading(doc, "１．{{ client.other }}の報告の期限")
    tag(doc, "{%p if deadlines.client_final %}")
    body(
        doc,
        "{{ client.other }}が本件を知った日は、{{ office.self }}から第一報をお伝えした"
        "{{ incident.clients_notified_on|date }}と考えられますので、期限はこの日を1日目として"
        "数えています。",
    )
    body(
        doc,
        "速報：速やかに（目安：概ね{{ deadlines.client_preliminary|date }}まで）"
        "{% if dates.notice > deadlines.client_preliminary %}。この目安は既に過ぎておりますので、"
        "まだ提出されていない場合は、直ちにご提出ください。{% endif %}",
    )
    body(
        doc,
        "確報：{{ deadlines.client_final|date }}まで（{{ deadlines.client_final_basis }}）",
    )
    body(
        doc,
        "※{{ client.other }}がこれより前に本件を知っていた場合は、その日から数えます。確報の期限が"
        "土曜日、日曜日、祝日又は年末年始（12月29日～1月3日）に当たるときは、その翌開庁日として"
        "います。",
    )
    tag(doc, "{%p else %}")
    body(
        doc,
        "{{ client.other }}が本件を知った日から、速報は速やかに（概ね3～5日以内）、確報は"
        "{{ deadlines.final_days }}日以内に提出します（知った日を1日目として数えます）。",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "２．報告の方法")
    body(
        doc,
        "個人情報保護委員会のウェブサイトの「漏えい等報告フォーム」から報告します"
        "（https://www.ppc.go.jp/personalinfo/legal/leakAction/）。業種によっては、"
        "同委員会が報告を受ける権限を事業所管大臣に委任しており、その場合は所管の省庁へ報告"
        "します。同ページの案内に沿ってご確認ください。",
    )
    heading(doc, "３．{{ office.self }}の報告の状況")
    office_filing(doc)
    body(doc, "{{ client.other }}は、{{ office.self }}の報告の一覧には記載しておりません。")
    heading(doc, "４．報告事項（{{ office.self }}が把握している内容）")
    event_dates(doc)
    items_table(doc)
    para(doc, "")
    heading(doc, "５．{{ client.other }}でご確認・ご記入いただく事項")
    body(doc, "・{{ client.other }}の名称、所在地、代表者の氏名、法人番号")
    body(
        doc,
        "・本人の数（{{ client.other }}の従業員、退職者及び被扶養者のうち、当該システムに"
        "登録されていた方の数。{{ office.self }}の顧問先一覧では{{ client.people_count }}）",
    )
    body(doc, "・本人への対応の実施状況（従業員の皆様へ通知した日及び方法）")
    body(doc, "・公表の実施状況及び{{ client.other }}としての再発防止のための措置")
    body(doc, "・報告を担当される方のご連絡先")
    contact_block(doc, "６．お問い合わせ先")
    ijou(doc)
    return doc


def checkbox_line(doc: DocumentObject, text: str) -> None:
    """One of the two answers: a box to mark, then the answer in the client's voice."""
    paragraph = para(doc, before=6)
    paragraph.paragraph_format.left_indent = Pt(21)
    paragraph.paragraph_format.first_line_indent = Pt(-21)
    run_in(paragraph, "□　", size=14)
    run_in(paragraph, text)


def reply_slip(doc: DocumentObject, *, reminder: bool) -> None:
    """The reply slip (回答書): addressed to the office, in the client's voice, the client's
    name filled in, the two answers, a date and a signature line. Where to send it (the
    office's fax and e-mail) and by when are printed at the top, where staff look first."""
    para(doc, "【ご返送先】{{ office.name }}", align=RIGHT, size=9)
    para(
        doc,
        "{% if office.fax %}ＦＡＸ　{{ office.fax }}{% endif %}"
        "{% if office.fax and office.email %}　／　{% endif %}"
        "{% if office.email %}メール　{{ office.email }}{% endif %}",
        align=RIGHT,
        size=9,
    )
    if reminder:
        para(doc, "お手数ですが、お早めにご返送ください。", align=RIGHT, size=9)
    else:
        tag(doc, "{%p if dates.reply_by %}")
        para(doc, "ご回答期限：{{ dates.reply_by|date }}", align=RIGHT, gothic=True, bold=True)
        tag(doc, "{%p endif %}")
    para(doc, "{{ office.name }}　御中", before=12)
    title(doc, "回　答　書")
    para(doc, "（{{ incident.subject }}に関する個人情報保護委員会への報告について）", align=CENTER)
    body(
        doc,
        "{{ dates.notice|date }}付けでご案内のありました個人情報保護委員会への報告の方法について、"
        "下記のとおり回答いたします。",
    )
    ki(doc)
    para(doc, "いずれか一方に✓をご記入ください。", size=9)
    checkbox_line(
        doc,
        "{{ office.name }}が顧問先と連名で行う報告（一括報告）に、{{ client.self }}を含めて"
        "ください。",
    )
    checkbox_line(
        doc,
        "{{ client.self }}が自ら個人情報保護委員会へ報告します（{{ office.name }}の報告の"
        "一覧には含めないでください）。",
    )
    para(doc, "")
    para(doc, "回答日　{{ dates.blank }}", before=12)
    para(doc, "名　　称　{{ client.name }}", before=6)
    para(doc, "所 在 地　{{ client.address }}", before=6)
    para(doc, "ご担当者　　　　　　　　　　　　　　　　　電話　{{ client.phone }}", before=6)
    para(doc, "ご署名（記名押印）　　　　　　　　　　　　　　　　　　　　印", before=18)
    ijou(doc)
    para(
        doc,
        "{% if incident.silence_joint %}※ご回答のない場合は、{{ office.name }}より一括して報告"
        "させていただきます。{% else %}※ご回答をいただくまでは、{{ office.name }}の報告の一覧に"
        "記載いたしません。{% endif %}",
        size=9,
        before=12,
    )
    para(
        doc,
        "※ご不明な点は、{{ contact.desk }}（電話　{{ contact.phone }}）までお問い合わせください。",
        size=9,
    )


def build_reply() -> DocumentObject:
    """The reply slip sent with the cover letter (see ``reply_slip``)."""
    doc = new_document("回答書")
    header_footer(doc, "回答書　{{ client.name }}", "{{ office.name }}")
    reply_slip(doc, reminder=False)
    return doc


def build_reminder() -> DocumentObject:
    """A second request to a client that has not answered by the reply-by date, with the
    slip again on its own page."""
    doc = new_document("回答書ご返送のお願い")
    header_footer(doc, "{{ client.name }}　御中", "{{ office.name }}")
    para(doc, "{{ dates.today|date }}", align=RIGHT)
    addressee(doc)
    sender_block(doc, full=False)
    title(doc, "「回答書」ご返送のお願い")
    body(
        doc,
        "拝啓　時下ますますご清栄のこととお慶び申し上げます。平素は{{ office.self }}に格別の"
        "ご高配を賜り、厚く御礼申し上げます。",
    )
    body(
        doc,
        "さて、{{ dates.notice|date }}付けでお送りいたしました{{ incident.subject }}に関する"
        "ご報告におきまして、個人情報保護委員会への報告の方法についてご回答をお願いして"
        "おりましたが、{% if dates.reply_by %}{{ dates.reply_by|date }}のご回答期限を過ぎ、"
        "{% endif %}本日まで{{ office.self }}ではご回答を確認できておりません。"
        "行き違いにご返送いただいておりましたら、何卒ご容赦ください。",
    )
    body(
        doc,
        "ご多用のところ誠に恐れ入りますが、同封の回答書にご記入のうえ、"
        "{% if office.fax %}ＦＡＸ{% if office.email %}又は{% endif %}{% endif %}"
        "{% if office.email %}メール{% endif %}"
        "{% if not office.fax and not office.email %}郵送{% endif %}にて{{ office.self }}まで"
        "ご返送くださいますようお願い申し上げます。",
    )
    body(
        doc,
        "{% if incident.silence_joint %}なお、ご回答のない場合は、{{ office.self }}より顧問先様"
        "との連名により一括して報告させていただきます。{% else %}なお、ご回答をいただくまでは、"
        "{{ client.other }}を{{ office.self }}の報告の一覧に記載いたしませんので、必ずご返送"
        "ください。{% endif %}",
    )
    para(doc, "敬具", align=RIGHT)
    contact_block(doc)
    doc.add_page_break()
    reply_slip(doc, reminder=True)
    return doc


BUILDERS = {
    "cover": build_cover,
    "internal": build_internal,
    "report": build_report,
    "individual": build_individual,
    "reply": build_reply,
    "reminder": build_reminder,
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
