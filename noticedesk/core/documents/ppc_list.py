"""The list of clients attached to the office's joint report to the 個人情報保護委員会.

It holds exactly the clients who did not opt to report individually, in roster order, with
名称・郵便番号・所在地・電話番号・法人番号・本人の数 (``joint_report.LIST_COLUMNS``: the cover
letter tells each client the same values). Names are written out in full (㈱ → 株式会社). A
second sheet, 集計, gives the totals the office's report needs (規則8条1項3号: 本人の数), with
the clients whose count is unknown counted apart rather than guessed. Every cell is stored as a text string: a name
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
from noticedesk.core.documents.xml_text import xml_safe
from noticedesk.core.incident import Incident
from noticedesk.core.joint_report import LIST_COLUMNS, joint_clients, list_values, totals
from noticedesk.core.office import OfficeProfile

PPC_LIST_NAME = "個人情報保護委員会_報告対象顧問先一覧.xlsx"
SHEET_TITLE = "報告対象顧問先"
TOTALS_TITLE = "集計"

# Column widths in characters, by header.
WIDTHS: dict[str, int] = {
    "名称": 36,
    "郵便番号": 10,
    "所在地": 50,
    "電話番号": 15,
    "法人番号": 15,
    "本人の数": 10,
}
_WRAPPED = {"名称", "所在地"}
_FONT = "ＭＳ ゴシック"
HEADER_STYLE = "一覧見出し"
TEXT_STYLE = "一覧本文"
WRAPPED_STYLE = "一覧本文（折り返し）"


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
    for column, (header, _attr) in enumerate(LIST_COLUMNS, start=1):
        _set_text(sheet, 1, column, header, HEADER_STYLE)
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[header]
    styles = [WRAPPED_STYLE if header in _WRAPPED else TEXT_STYLE for header, _a in LIST_COLUMNS]
    for row, client in enumerate(joint_clients(clients), start=2):
        for column, (_header, value) in enumerate(list_values(client), start=1):
            _set_text(sheet, row, column, value, styles[column - 1])
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.left.text = _header_text("個人情報保護委員会への報告　対象委託元一覧")
    sheet.oddHeader.right.text = _header_text(
        xml_safe(f"{office.name}　{office.date_text(incident.notice_date)}")
    )
    sheet.oddFooter.center.text = "&P / &N"
    _totals_sheet(workbook, clients, office, incident)
    workbook.properties.creator = xml_safe(office.name)
    workbook.properties.title = "個人情報保護委員会への報告　対象委託元一覧"
    return workbook


def _totals_sheet(
    workbook: Workbook, clients: Sequence[Client], office: OfficeProfile, incident: Incident
) -> None:
    """What the office's own report states about the list as a whole."""
    sheet = workbook.create_sheet(TOTALS_TITLE)
    summary = totals(clients)
    rows = (
        ("項目", "内容"),
        ("報告の一覧に記載した委託元の数", f"{summary.clients}"),
        ("本人の数の合計（人数が判明している委託元の分）", f"{summary.people}"),
        ("本人の数が確認中の委託元の数", f"{summary.unknown}"),
        ("一覧の作成日", office.date_text(incident.notice_date)),
        ("作成者", office.name),
    )
    for row, (label, value) in enumerate(rows, start=1):
        style = HEADER_STYLE if row == 1 else TEXT_STYLE
        _set_text(sheet, row, 1, label, style)
        _set_text(sheet, row, 2, value, style)
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 36


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
