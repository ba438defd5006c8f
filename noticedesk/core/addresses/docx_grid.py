"""Word pages made of a fixed grid: envelopes and label sheets (python-docx, no template).

Decisions:
- Generated in code rather than from a docxtpl template: a label's position must be exact to
  a fraction of a millimetre, and only a table with a fixed layout (``w:tblLayout fixed``),
  exact row heights (``w:trHeight hRule=exact``), rows that never split, and cell widths given
  in twips gives that in both Word and LibreOffice. A template staff could edit would move
  the labels off the sheet with one careless drag.
- One table flows over the pages: the page's text area is made exactly as tall as the rows of
  one sheet (or one envelope), so each sheet's rows start on a new page at the same place, and
  no empty paragraph is needed between pages (that paragraph would push a page of its own).
  Word requires a paragraph after the last table; it is 1 pt high and fits in the slack left
  under the last row.
- Every text run names ＭＳ 明朝 for Latin and East Asian text alike, with an exact line
  spacing (``fitting.LINE_FACTOR``), so what ``fitting`` measured is what is laid out.
- The bytes are the same for the same input (fixed times in the zip and the document's
  properties): the print preview and the export show one document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from lxml import etree

from noticedesk.core.addresses.address_block import printable
from noticedesk.core.addresses.fitting import LINE_FACTOR, FittedBlock

FONT = "ＭＳ 明朝"
TWIPS_PER_MM = 1440 / 25.4
_FIXED_TIME = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


@dataclass(frozen=True, slots=True)
class Cell:
    block: FittedBlock | None  # None: an empty cell (a label left free)
    padding: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom mm
    valign: str = "center"  # "top", "center" or "bottom"


@dataclass(frozen=True, slots=True)
class Row:
    height: float  # mm
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Page:
    width: float  # mm
    height: float
    top: float
    left: float
    rows_per_page: int  # the next page's rows start on a new page


def grid_document(page: Page, columns: Sequence[float], rows: Sequence[Row], title: str) -> bytes:
    """A .docx whose body is one fixed table (``columns`` widths in mm) flowing over pages."""
    document = Document()
    rows_twips = sum(twips(row.height) for row in rows[: page.rows_per_page])
    _page_setup(document, page, sum(columns), rows_twips)
    _default_font(document)
    properties = document.core_properties
    properties.title = title
    properties.author = "NoticeDesk"
    properties.created = properties.modified = _FIXED_TIME.replace(tzinfo=None)
    properties.last_modified_by = "NoticeDesk"
    properties.revision = 1
    body = document.element.body
    table = _table(columns, rows)
    section = body.find(qn("w:sectPr"))
    assert section is not None
    section.addprevious(table)
    last = _element("w:p")  # the paragraph Word requires after a table, 1 pt high
    _tiny(last)
    section.addprevious(last)
    return _stable_bytes(document)


def _page_setup(document: DocxDocument, page: Page, width: float, rows_twips: int) -> None:
    section = document.sections[0]
    section.page_width = Mm(page.width)
    section.page_height = Mm(page.height)
    section.top_margin = Mm(page.top)
    section.left_margin = Mm(page.left)
    section.right_margin = Mm(max(page.width - page.left - width, 0))
    # The text area holds the rows of one page and a little slack (for the last paragraph),
    # never a further row.
    room = twips(page.height) - twips(page.top) - rows_twips
    bottom_twips = room - min(twips(1.0), room)
    section.bottom_margin = max(bottom_twips, 0) * 635  # EMU per twip
    section.header_distance = 0
    section.footer_distance = 0


def _default_font(document: DocxDocument) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        _fonts(rpr)
    normal = document.styles["Normal"]
    normal.paragraph_format.space_before = 0
    normal.paragraph_format.space_after = 0


def _fonts(rpr: etree._Element) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _element(tag: str, **attrs: str | int) -> etree._Element:
    element: etree._Element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


# The table is written as XML text and parsed once: building it element by element through
# python-docx costs about ten times as much (3 s for a thousand envelopes).
_NONE = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_ZERO = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))
_RUN_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
_TINY = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _table(columns: Sequence[float], rows: Sequence[Row]) -> etree._Element:
    widths = [twips(width) for width in columns]
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>',
        f"<w:tblBorders>{_NONE}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        f"<w:tblCellMar>{_ZERO}</w:tblCellMar>",
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    for row in rows:
        parts.append(_row(row, widths))
    parts.append("</w:tbl>")
    table: etree._Element = parse_xml("".join(parts))
    return table


def _row(row: Row, widths: Sequence[int]) -> str:
    cells = "".join(_cell(cell, width) for cell, width in zip(row.cells, widths, strict=True))
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{twips(row.height)}" w:hRule="exact"/>'
        f"</w:trPr>{cells}</w:tr>"
    )


def _cell(cell: Cell, width: int) -> str:
    left, top, right, bottom = (twips(value) for value in cell.padding)
    margins = (
        f'<w:top w:w="{top}" w:type="dxa"/><w:left w:w="{left}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/>'
    )
    lines = cell.block.lines if cell.block is not None else ()
    body = "".join(
        _paragraph(line.text, line.size, line.space_before, line.align) for line in lines
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcMar>{margins}</w:tcMar>'
        f'<w:vAlign w:val="{cell.valign}"/></w:tcPr>{body or _TINY}</w:tc>'
    )


def _paragraph(text: str, size: float, space_before: float, align: str) -> str:
    # No extra space between Japanese and Latin text or digits (Word and LibreOffice add a
    # quarter em there by default), so a line is as wide as ``text_width`` measures it.
    half_points = round(size * 2)
    return (
        '<w:p><w:pPr><w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:before="{round(space_before * TWIPS_PER_MM)}" w:after="0" '
        f'w:line="{round(size * LINE_FACTOR * 20)}" w:lineRule="exact"/>'
        f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{_jc(align)}"/></w:pPr>'
        f'<w:r><w:rPr>{_RUN_FONTS}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        f'</w:rPr><w:t xml:space="preserve">{escape(printable(text))}</w:t></w:r></w:p>'
    )


def _jc(align: str) -> str:
    return {"left": "left", "center": "center", "right": "right"}.get(align, "left")


def _tiny(paragraph: etree._Element) -> None:
    """A paragraph 1 pt high (the one Word requires after a table, or in an empty cell)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = _element("w:pPr")
        paragraph.insert(0, properties)
    properties.append(_element("w:spacing", before=0, after=0, line=20, lineRule="exact"))
    marks = _element("w:rPr")
    marks.append(_element("w:sz", val=2))
    properties.append(marks)


def _stable_bytes(document: DocxDocument) -> bytes:
    """The saved document with every zip entry dated alike (python-docx stamps the time)."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()


__all__ = ["Cell", "Page", "Row", "grid_document", "twips"]
