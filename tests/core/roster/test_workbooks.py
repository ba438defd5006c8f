"""Reading rosters kept in workbooks: XLSX with notes sheets and numeric columns, ODS, XLS."""

from __future__ import annotations

import datetime
from pathlib import Path

from noticedesk.core.roster import import_roster
from tests.helpers.rosters import HEADER, client_row, good_rows, roster_sheet, write_ods, write_xlsx

NAMES = ["㈱髙橋製作所", "有限会社山﨑商店", "株式会社①番館"]


def test_notes_sheet_before_the_roster_is_skipped(tmp_path: Path) -> None:
    notes = [["注意事項"], ["事業所名", "正式名称を記入してください"], ["電話番号", "市外局番から"]]
    path = write_xlsx(
        tmp_path / "roster.xlsx", {"注意事項": notes, "顧問先一覧": roster_sheet(good_rows())}
    )
    roster = import_roster(path)
    assert roster.source.sheet == "顧問先一覧"
    assert roster.source.file_format == "xlsx"
    assert roster.source.header_row == 3
    assert [c.name for c in roster.clients] == NAMES
    assert [c.row for c in roster.clients] == [4, 5, 6]
    assert roster.individual[0].name == "株式会社①番館"


def test_first_sheet_with_a_roster_header_wins(tmp_path: Path) -> None:
    memo = [["メモ"], ["2023年7月25日 電話あり"]]
    later = roster_sheet([client_row(name="別シートの会社")])
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"メモ": memo, "一覧": roster_sheet(good_rows()), "旧一覧": later},
    )
    assert import_roster(path).source.sheet == "一覧"


def test_a_hidden_sheet_before_the_roster_is_not_taken_for_it(tmp_path: Path) -> None:
    # Offices hide last year's list instead of deleting it; Excel shows only the current one.
    import openpyxl

    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "2022年度": roster_sheet([client_row(name="廃業した会社")]),
            "顧問先一覧": roster_sheet(good_rows()),
        },
    )
    book = openpyxl.load_workbook(path)
    book["2022年度"].sheet_state = "hidden"
    book.save(path)
    roster = import_roster(path)
    assert roster.source.sheet == "顧問先一覧"
    assert [c.name for c in roster.clients] == NAMES


def test_a_two_row_header_made_with_merged_cells_is_read_as_one(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "結合見出し.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["顧問先一覧"])
    sheet.append(["事業所名", "所在地", "連絡先", None, "個別報告"])
    sheet.append([None, None, "電話番号", "FAX", None])
    sheet.append(["㈱髙橋製作所", "東京都中野区中野3丁目5番13号", "0363639779", "03-6363-9780", ""])
    sheet.append(["有限会社山﨑商店", "東京都杉並区高円寺南5丁目7番2号", "03-4712-2144", "", "○"])
    for cells in ("A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        sheet.merge_cells(cells)
    book.save(path)

    roster = import_roster(path)
    assert roster.source.header_row == 3
    assert [c.name for c in roster.clients] == ["㈱髙橋製作所", "有限会社山﨑商店"]
    assert [c.row for c in roster.clients] == [4, 5]
    assert roster.clients[0].phone == "03-6363-9779"
    assert roster.clients[1].individual
    assert roster.clients[0].extra.get("FAX") == "03-6363-9780"


def test_numeric_phone_and_postal_columns_get_their_zeros_back(tmp_path: Path) -> None:
    rows = [
        client_row(postal=1640001, phone=363639779),  # 03-6363-9779 stored as a number
        client_row("C0002", "有限会社山﨑商店", postal=600001, phone=9012345678),
        client_row(
            "C0003", "株式会社①番館", postal=10010, phone=921234567, corporate=9499836243985
        ),
    ]
    roster = import_roster(write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(rows)}))
    phones = [c.phone for c in roster.clients]
    postals = [c.postal_code for c in roster.clients]
    assert phones == ["03-6363-9779", "090-1234-5678", "092-123-4567"]
    assert postals == ["164-0001", "060-0001", "001-0010"]
    assert roster.clients[2].corporate_number == "9499836243985"
    restored = [(i.row, i.column, i.code, i.severity.value) for i in roster.issues]
    assert restored == [
        (4, "電話番号", "phone_zero_restored", "warning"),
        (5, "郵便番号", "postal_zero_restored", "warning"),
        (5, "電話番号", "phone_zero_restored", "warning"),
        (6, "郵便番号", "postal_zero_restored", "warning"),
        (6, "電話番号", "phone_zero_restored", "warning"),
    ]
    assert "363639779 → 03-6363-9779" in roster.issues[0].message
    assert "363639779 → 03-6363-9779" in roster.issues[0].message_en


def test_excel_values_become_printable_text(tmp_path: Path) -> None:
    header = [*HEADER, "契約日", "確認済"]
    row = [*client_row(employees=25, individual=True), datetime.datetime(2020, 4, 1), False]
    path = write_xlsx(tmp_path / "roster.xlsx", {"一覧": [header, row]})
    client = import_roster(path).clients[0]
    assert client.employees == "25"
    assert client.individual is True
    assert client.extra["契約日"] == "2020-04-01"
    assert client.extra["確認済"] == "False"


def test_roster_starting_away_from_a1_keeps_excel_row_numbers(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "一覧"
    sheet["C5"] = "顧問先一覧"
    for col, text in enumerate(["事業所名", "所在地", "電話番号"], start=3):
        sheet.cell(row=7, column=col, value=text)
    for col, text in enumerate(["㈱髙橋製作所", "東京都中野区", "03-6363-9779"], start=3):
        sheet.cell(row=8, column=col, value=text)
    sheet.cell(row=10, column=3, value="株式会社①番館")
    path = tmp_path / "roster.xlsx"
    book.save(path)

    roster = import_roster(path)
    assert roster.source.header_row == 7
    assert [c.row for c in roster.clients] == [8, 10]
    assert [i.row for i in roster.issues] == [10, 10]  # no address, no phone


def test_xlsm_is_read(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(good_rows())})
    macro = path.rename(tmp_path / "roster.xlsm")
    assert [c.name for c in import_roster(macro).clients] == NAMES


def test_xlsx_named_xls_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(good_rows())})
    renamed = path.rename(tmp_path / "export.xls")
    roster = import_roster(renamed)
    assert roster.source.file_format == "xlsx"
    assert [c.name for c in roster.clients] == NAMES


def test_ods_is_read(tmp_path: Path) -> None:
    rows = [client_row(phone="0363639779", postal="1640001")]
    roster = import_roster(write_ods(tmp_path / "roster.ods", rows))
    assert roster.source.file_format == "ods"
    assert roster.clients[0].name == "㈱髙橋製作所"
    assert roster.clients[0].phone == "03-6363-9779"
    assert roster.clients[0].postal_code == "164-0001"


def test_legacy_xls_is_read(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("顧問先一覧")
    for r, row in enumerate(roster_sheet([client_row(phone=363639779, postal=1640001)])):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "roster.xls"
    book.save(str(path))

    roster = import_roster(path)
    assert roster.source.file_format == "xls"
    client = roster.clients[0]
    assert (client.row, client.name, client.phone, client.postal_code) == (
        4, "㈱髙橋製作所", "03-6363-9779", "164-0001",
    )  # fmt: skip


def test_numeric_people_counts_and_a_warning_at_the_excel_cell(tmp_path: Path) -> None:
    rows = [
        client_row(employees=3, people=9),
        client_row("C0002", "有限会社山﨑商店", employees=120, people=1085.0),
        client_row("C0003", "株式会社①番館", employees=8, people="約30"),
    ]
    roster = import_roster(write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(rows)}))
    assert [(c.employees, c.people) for c in roster.clients] == [
        ("3", "9"), ("120", "1085"), ("8", "約30"),
    ]  # fmt: skip
    found = [(i.row, i.column, i.code) for i in roster.issues]
    assert found == [(6, "対象者数", "people_unreadable")]
