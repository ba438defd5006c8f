"""The list of clients attached to the office's joint report to the 個人情報保護委員会.

It holds exactly the clients who did not opt to report individually, in roster order, with
名称・郵便番号・所在地・電話番号・法人番号. Every cell is stored as a text string: a name
such as ``=HYPERLINK(…)`` or ``+81…`` stays text in Excel and can never become a formula,
and phone numbers and postal codes keep their leading zeros. The cells are also formatted as
text (``@``) so that a value typed over one stays text. Printing: A4 landscape, one page wide,
the header row repeated, the office's name and the page number in the page header and footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from noticedesk.core.atomic import atomic_path
from noticedesk.core.clients import Client
from noticedesk.core.dates import seireki
from noticedesk.core.documents.xml_text import xml_safe
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

PPC_LIST_NAME = "個人情報保護委員会_報告対象顧問先一覧.xlsx"
SHEET_TITLE = "報告対象顧問先"

# (header, Client attribute, column width in characters)
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("名称", "name", 36),
    ("郵便番号", "postal_code", 10),
    ("所在地", "address", 50),
    ("電話番号", "phone", 15),
    ("法人番号", "corporate_number", 15),
)
_FONT = "ＭＳ ゴシック"
HEADER_STYLE = "一覧見出し"
TEXT_STYLE = "一覧本文"
WRAPPED_STYLE = "一覧本文（折り返し）"


def joint_clients(clients: Sequence[Client]) -> list[Client]:
    """The clients in the joint report: everyone who did not opt to report individually."""
    return [c for c in clients if not c.individual]


def _header_text(text: str) -> str:
    # In Excel's page-header codes "&" starts a command; a literal one is written "&&".
    return text.replace("&", "&&")


def _styles(workbook: Workbook) -> None:
    """Named styles, registered once: assigning one per cell is far cheaper than building
    fonts and borders cell by cell (a list of thousands of clients)."""
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    workbook.add_named_style(
        NamedStyle(
            name=HEADER_STYLE,
            font=Font(name=_FONT, bold=True),
            fill=PatternFill("solid", fgColor="DDEBF7"),
            alignment=Alignment(horizontal="center", vertical="center"),
            border=border,
            number_format="@",
        )
    )
    for name, wrap in ((TEXT_STYLE, False), (WRAPPED_STYLE, True)):
        workbook.add_named_style(
            NamedStyle(
                name=name,
                font=Font(name=_FONT),
                alignment=Alignment(vertical="top", wrap_text=wrap),
                border=border,
                number_format="@",
            )
        )


def _set_text(sheet: Worksheet, row: int, column: int, value: str, style: str) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = xml_safe(value)
    cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
    cell.style = style  # number format "@": a value typed over it stays text too


def build_workbook(
    clients: Sequence[Client], office: OfficeProfile, incident: Incident
) -> Workbook:
    workbook = Workbook()
    _styles(workbook)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    for column, (header, _attr, width) in enumerate(COLUMNS, start=1):
        _set_text(sheet, 1, column, header, HEADER_STYLE)
        sheet.column_dimensions[get_column_letter(column)].width = width
    styles = [
        WRAPPED_STYLE if attr in ("name", "address") else TEXT_STYLE for _h, attr, _w in COLUMNS
    ]
    for row, client in enumerate(joint_clients(clients), start=2):
        for column, (_header, attr, _width) in enumerate(COLUMNS, start=1):
            _set_text(sheet, row, column, str(getattr(client, attr)), styles[column - 1])
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.left.text = _header_text("個人情報保護委員会への報告　対象委託元一覧")
    sheet.oddHeader.right.text = _header_text(
        xml_safe(f"{office.name}　{seireki(incident.notice_date)}")
    )
    sheet.oddFooter.center.text = "&P / &N"
    workbook.properties.creator = xml_safe(office.name)
    workbook.properties.title = "個人情報保護委員会への報告　対象委託元一覧"
    return workbook


def write_ppc_list(
    clients: Sequence[Client],
    office: OfficeProfile,
    incident: Incident,
    path: Path,
    *,
    overwrite: bool = False,
) -> int:
    """Write the list to ``path`` (atomically; never over an existing file unless asked).

    Returns the number of clients listed.
    """
    workbook = build_workbook(clients, office, incident)
    with atomic_path(path, overwrite=overwrite) as tmp:
        workbook.save(tmp)
    return len(joint_clients(clients))
