"""Reading CSV/TXT rosters as offices save them: encodings, line endings, title rows, headers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from noticedesk.core.clients import RosterError
from noticedesk.core.roster import SUPPORTED_SUFFIXES, import_roster
from tests.helpers.paths import SAMPLE
from tests.helpers.rosters import HEADER, client_row, good_rows, write_csv

NAMES = ["㈱髙橋製作所", "有限会社山﨑商店", "株式会社①番館"]


def test_supported_suffixes_are_the_published_ones() -> None:
    assert SUPPORTED_SUFFIXES == (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("cp932", b"", "cp932"),
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ],
)
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_encodings_and_line_endings_are_detected(
    tmp_path: Path, encoding: str, bom: bytes, expected: str, newline: str
) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows(), encoding=encoding, newline=newline)
    if bom:
        path.write_bytes(bom + path.read_bytes())

    roster = import_roster(path)

    assert [c.name for c in roster.clients] == NAMES
    assert roster.source.encoding == expected
    assert roster.source.file_format == "csv"
    assert roster.clients[1].contact_person == "髙木 真理"
    assert roster.issues == []


def test_cp932_characters_that_shift_jis_lacks_survive(tmp_path: Path) -> None:
    rows = [client_row(name="㈱髙﨑①商会", address="東京都港区芝公園４丁目２番８号　髙﨑ビル")]
    roster = import_roster(write_csv(tmp_path / "roster.csv", rows))
    client = roster.clients[0]
    assert client.name == "㈱髙﨑①商会"
    # Free text is printed as written: full-width digits and the inner full-width space stay.
    assert client.address == "東京都港区芝公園４丁目２番８号　髙﨑ビル"


def test_title_rows_are_skipped_and_rows_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    roster = import_roster(write_csv(tmp_path / "roster.csv", good_rows()))
    assert roster.source.header_row == 3
    assert [c.row for c in roster.clients] == [4, 5, 6]


def test_blank_lines_count_as_rows_but_are_not_clients(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = [
        "事業所名,所在地,電話番号",
        "",
        "㈱髙橋製作所,東京都中野区,03-6363-9779",
        ",,",
        "株式会社①番館,福岡県福岡市,092-845-2013",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    assert [(c.row, c.name) for c in roster.clients] == [(3, "㈱髙橋製作所"), (5, "株式会社①番館")]


def test_a_cell_with_a_line_break_keeps_row_numbers_right(tmp_path: Path) -> None:
    rows = [
        client_row(address="東京都中野区中野3丁目5番13号\n中野ビル2階"),
        client_row("C0002", "有限会社山﨑商店", phone="03-4712-2144x"),
    ]
    roster = import_roster(write_csv(tmp_path / "roster.csv", rows))
    assert roster.clients[0].address == "東京都中野区中野3丁目5番13号\n中野ビル2階"
    # Excel shows the second client on row 5 even though the file has an extra line.
    assert [i.row for i in roster.issues] == [5]
    assert roster.issues[0].code == "phone_unreadable"


def test_utf16_tab_separated_text_from_excel_is_read(tmp_path: Path) -> None:
    # Excel's "Unicode テキスト" is UTF-16 with a BOM, tab-separated, saved as .txt.
    lines = ["\t".join(HEADER), *("\t".join(str(v) for v in row) for row in good_rows())]
    path = tmp_path / "roster.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    roster = import_roster(path)
    assert [c.name for c in roster.clients] == NAMES
    assert roster.source.encoding == "utf-16"


def test_encoding_override_wins_over_detection(tmp_path: Path) -> None:
    # Pure-kana text that is valid in both UTF-8 and CP932 would be detected as UTF-8;
    # the user's choice reads it as what it is.
    path = write_csv(tmp_path / "roster.csv", good_rows(), encoding="cp932")
    assert import_roster(path, encoding="cp932").clients[0].name == "㈱髙橋製作所"
    with pytest.raises(RosterError) as refused:
        import_roster(path, encoding="utf-8")
    assert "行目" in refused.value.message
    assert "utf-8" in refused.value.message_en


def test_shift_jis_requested_is_read_as_cp932(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    roster = import_roster(path, encoding="shift_jis")
    assert roster.source.encoding == "cp932"
    assert roster.clients[2].name == "株式会社①番館"


def test_unknown_encoding_name_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    with pytest.raises(RosterError, match="文字コード「klingon」"):
        import_roster(path, encoding="klingon")


def test_euc_jp_file_is_recognised(tmp_path: Path) -> None:
    rows = [client_row(name="株式会社さくら運輸", contact="山田 太郎") for _ in range(1)]
    rows += [
        client_row(f"C00{n}", f"株式会社みなと商事{n}", address="神奈川県横浜市西区みなとみらい")
        for n in range(10, 40)
    ]
    path = write_csv(tmp_path / "roster.csv", rows, encoding="euc_jp")
    roster = import_roster(path)
    assert roster.clients[0].name == "株式会社さくら運輸"
    assert roster.source.encoding is not None and "euc" in roster.source.encoding


def test_one_damaged_byte_flags_its_row_and_keeps_the_others(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    data = path.read_bytes()
    # Replace 山 in row 5 by a byte pair that decodes in neither CP932 nor UTF-8.
    at = data.index("山﨑商店".encode("cp932"))
    path.write_bytes(data[:at] + b"\x85\x40" + data[at + 2 :])

    roster = import_roster(path)

    assert [c.row for c in roster.clients] == [4, 5, 6]
    damaged = [i for i in roster.issues if i.code == "undecodable_text"]
    assert [(i.row, i.column, i.severity.value) for i in damaged] == [(5, "事業所名", "error")]
    assert roster.clients[0].name == "㈱髙橋製作所"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("会社名", "name"),
        ("顧問先名", "name"),
        ("名称", "name"),
        ("Company Name", "name"),
        ("ＮＡＭＥ", "name"),
        ("事業所名（正式名称）", "name"),
    ],
)
def test_name_header_spellings(tmp_path: Path, header: str, field: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(
        f"{header},住所,TEL\r\n㈱髙橋製作所,東京都中野区,0363639779\r\n".encode("cp932")
    )
    roster = import_roster(path)
    assert roster.columns[field] == header
    assert roster.clients[0].name == "㈱髙橋製作所"
    assert roster.clients[0].phone == "03-6363-9779"


def test_english_and_full_width_headers_map_to_fields(tmp_path: Path) -> None:
    header = ["Code", "Company", "〒", "Address", "ＴＥＬ", "Contact", "E-mail", "法人番号",
              "Employees", "Association", "Individual"]  # fmt: skip
    row = ["7", "Aoba Soft K.K.", "3300854", "Saitama", "048-612-9974", "Ito", "a@b.jp",
           "9499836243985", "12", "", "yes"]  # fmt: skip
    path = tmp_path / "roster.csv"
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    roster = import_roster(path)
    assert set(roster.columns) == {
        "code", "name", "postal_code", "address", "phone", "contact_person", "email",
        "corporate_number", "employees", "association", "individual",
    }  # fmt: skip
    client = roster.clients[0]
    assert (client.code, client.postal_code, client.individual) == ("7", "330-0854", True)


def test_unknown_and_unnamed_columns_are_kept_as_extras(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = [
        "事業所名,所在地,電話番号,備考,,備考,業種",
        "㈱髙橋製作所,東京都中野区,03-6363-9779,代表者変更予定,要連絡,二重,製造業",
        "株式会社①番館,福岡県福岡市,092-845-2013,,,,",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    assert roster.clients[0].extra == {
        "備考": "代表者変更予定",
        "E列": "要連絡",
        "備考（F列）": "二重",
        "業種": "製造業",
    }
    assert roster.clients[1].extra["業種"] == ""


def test_rows_wider_than_the_header_area_are_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = ["顧問先一覧", "事業所名,所在地,電話番号"]
    lines += [f"株式会社{n},東京都,03-1234-{n:04d}" for n in range(250)]
    lines.append("株式会社末尾,東京都,03-1234-9999,はみ出し")
    path.write_bytes("\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    assert len(roster.clients) == 251
    assert roster.clients[-1].extra == {"D列": "はみ出し"}


def test_private_use_characters_are_flagged(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    data = path.read_bytes()
    at = data.index("山﨑商店".encode("cp932"))
    path.write_bytes(data[:at] + b"\xf0\x40" + data[at + 2 :])  # CP932's first 外字 code
    roster = import_roster(path)
    flagged = [(i.row, i.column, i.code) for i in roster.issues]
    assert flagged == [(5, "事業所名", "private_use_character")]
    assert roster.clients[1].name == "有限会社\ue000﨑商店"


def test_the_bundled_sample_reads_people_counts_and_representatives() -> None:
    roster = import_roster(SAMPLE / "roster.csv")
    assert len(roster.clients) == 40
    assert roster.issues == []
    by_code = {c.code: c for c in roster.clients}
    # 対象者数 counts retirees and dependants too, so it is not the headcount.
    assert (by_code["C0001"].employees, by_code["C0001"].people) == ("3", "9")
    assert by_code["C0013"].people == "1085"  # written "1,085", as Excel shows a formatted cell
    assert sum(int(c.people) > int(c.employees) for c in roster.clients if c.people) >= 30
    # A blank 対象者数 stays blank: the count is not known yet.
    assert [c.code for c in roster.clients if not c.people] == ["C0010", "C0019", "C0030", "C0040"]
    assert by_code["C0001"].representative == "代表取締役　髙橋　一郎"
    assert by_code["C0006"].representative.startswith("理事長　")
    assert by_code["C0016"].representative.startswith("代表理事　")
    assert 24 <= sum(bool(c.representative) for c in roster.clients) <= 30
    assert [c.code for c in roster.clients if c.self_reference] == ["C0036"]
    assert by_code["C0036"].voice.self == "当院"
    assert (by_code["C0020"].name, by_code["C0020"].voice.self) == ("ソレイユ美容室", "当事業所")
    # The characters plain Shift_JIS lacks are still in it.
    names = "".join(c.name + c.representative for c in roster.clients)
    assert all(ch in names for ch in "㈱髙﨑①")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("対象者数", "people"),
        ("対象人数", "people"),
        ("本人の数", "people"),
        ("対象者", "people"),
        ("人数（人）", "people"),
        ("漏えい対象者数", "people"),
        ("登録者数", "people"),
        ("People", "people"),
        ("Affected", "people"),
        ("代表者", "representative"),
        ("代表者氏名", "representative"),
        ("代表者役職・氏名", "representative"),
        ("Representative", "representative"),
        ("自称", "self_reference"),
        ("文書上の呼称", "self_reference"),
        ("自社の呼び方", "self_reference"),
        ("Self Reference", "self_reference"),
        ("被保険者数", "employees"),
        ("Headcount", "employees"),
    ],
)
def test_people_representative_and_self_reference_header_spellings(
    tmp_path: Path, header: str, field: str
) -> None:
    path = tmp_path / "roster.csv"
    lines = [f"事業所名,所在地,電話番号,{header}", "㈱髙橋製作所,東京都中野区,03-6363-9779,"]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    assert import_roster(path).columns[field] == header


def test_headcount_and_people_in_one_file_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = [
        "事業所名,所在地,電話番号,人数,従業員数",
        "㈱髙橋製作所,東京都中野区,03-6363-9779,９名,3",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    client = roster.clients[0]
    assert (client.employees, client.people) == ("3", "9")
    assert (roster.columns["employees"], roster.columns["people"]) == ("従業員数", "人数")
    assert roster.issues == []


def test_a_bare_headcount_like_column_is_the_people_count(tmp_path: Path) -> None:
    # 「人数」 in a breach roster counts the people affected, not the current staff.
    path = tmp_path / "roster.csv"
    lines = ["事業所名,所在地,電話番号,人数", "㈱髙橋製作所,東京都中野区,03-6363-9779,12"]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    assert (roster.clients[0].people, roster.clients[0].employees) == ("12", "")
    assert "employees" not in roster.columns
    assert roster.clients[0].extra == {}


def test_a_roster_without_the_new_columns_leaves_them_unknown(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = ["事業所名,所在地,電話番号,従業員数", "医療法人社団 緑会,東京都新宿区,03-6183-6146,65"]
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    roster = import_roster(path)
    client = roster.clients[0]
    assert (client.people, client.representative, client.self_reference) == ("", "", "")
    assert client.voice.self == "当法人"  # from the legal form
    assert roster.issues == []
