"""The regulator's list: exactly the non-opted clients, every cell text, nothing a formula."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from noticedesk.core.documents import PPC_LIST_NAME, write_ppc_list
from tests.helpers.documents import client, sample_incident, sample_office

DANGEROUS = ["=1+1", "+81-3-1234-5678", "-5", "@SUM(A1)", '=HYPERLINK("http://x","y")']


def rows(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_lists_exactly_the_clients_who_did_not_opt_out(tmp_path: Path) -> None:
    clients = [
        client("株式会社一", phone="03-0000-0001", corporate_number="9499836243985", people="12"),
        client("株式会社二", individual=True, people="30"),
        client("株式会社三", postal_code="060-0001", address="北海道札幌市", phone="011-000-0000"),
        client("株式会社四", individual=True),
    ]
    path = tmp_path / PPC_LIST_NAME
    assert write_ppc_list(clients, sample_office(), sample_incident(), path) == 2
    table = rows(path)
    assert table[0] == ("名称", "郵便番号", "所在地", "電話番号", "法人番号", "本人の数")
    assert [r[0] for r in table[1:]] == ["株式会社一", "株式会社三"]
    assert table[2] == ("株式会社三", "060-0001", "北海道札幌市", "011-000-0000", None, None)
    assert table[1][4] == "9499836243985"
    assert table[1][5] == "12"


def test_names_are_written_out_and_the_totals_count_unknowns_apart(tmp_path: Path) -> None:
    clients = [
        client("㈱髙橋製作所", people="12"),
        client("(有)大和工業", people="30"),
        client("医療法人社団 緑会"),  # count unknown
        client("株式会社四", individual=True, people="500"),  # reports itself: not counted
    ]
    path = tmp_path / PPC_LIST_NAME
    write_ppc_list(clients, sample_office(), sample_incident(), path)
    assert [r[0] for r in rows(path)[1:]] == [
        "株式会社髙橋製作所",
        "有限会社大和工業",
        "医療法人社団 緑会",
    ]
    totals = load_workbook(path)["集計"]
    values = {row[0].value: row[1].value for row in totals.iter_rows(min_row=2)}
    assert values["報告の一覧に記載した委託元の数"] == "3"
    assert values["本人の数の合計（人数が判明している委託元の分）"] == "42"
    assert values["本人の数が確認中の委託元の数"] == "1"


def test_the_list_follows_the_office_date_style(tmp_path: Path) -> None:
    office = dataclasses.replace(sample_office(), date_style="wareki")
    path = tmp_path / PPC_LIST_NAME
    write_ppc_list([client("株式会社一")], office, sample_incident(), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert "令和5年7月28日" in sheet.oddHeader.right.text
    assert "2023年" not in sheet.oddHeader.right.text


def test_formula_like_names_stay_text(tmp_path: Path) -> None:
    clients = [client(name, phone=name, address=name) for name in DANGEROUS]
    path = tmp_path / "list.xlsx"
    write_ppc_list(clients, sample_office(), sample_incident(), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    for row, name in enumerate(DANGEROUS, start=2):
        for column in (1, 3, 4):
            cell = sheet.cell(row=row, column=column)
            assert cell.value == name
            assert cell.data_type == "s"
            assert cell.number_format == "@"
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_control_characters_and_ampersand_in_office_name(tmp_path: Path) -> None:
    office = dataclasses.replace(sample_office(), name="A&B社労士\x07事務所")
    path = tmp_path / "list.xlsx"
    write_ppc_list([client("株式会社\x0bベル")], office, sample_incident(), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.cell(row=2, column=1).value == "株式会社ベル"
    assert "A&&B社労士事務所" in sheet.oddHeader.right.text


def test_never_overwrites_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"the office's own file")
    with pytest.raises(FileExistsError):
        write_ppc_list([client("株式会社一")], sample_office(), sample_incident(), path)
    assert path.read_bytes() == b"the office's own file"
    assert [p.name for p in tmp_path.iterdir()] == ["list.xlsx"]
    write_ppc_list([client("株式会社一")], sample_office(), sample_incident(), path, overwrite=True)
    assert rows(path)[1][0] == "株式会社一"
