"""The office's own list as it comes: headers NoticeDesk does not know, said by a column mapping.

An office's list headed 顧問先No, 会社名, 〒, 住所1, 住所2, TEL, 個別報告する, 備考 (CP932, a title
line above): what the automatic reading is sure of, what it only guesses, what a mapping reads,
what is not used, and every sentence a mapping that cannot be used gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.core.clients import RosterError, Severity
from noticedesk.core.roster import (
    Certainty,
    ColumnMapping,
    MappingError,
    import_roster,
    read_table,
)
from noticedesk.core.roster.headers import guess_field
from noticedesk.core.roster.layout import layout_key
from tests.helpers.paths import SAMPLE
from tests.helpers.rosters import write_csv, write_xlsx

OFFICE_HEADER = ["顧問先No", "会社名", "〒", "住所1", "住所2", "TEL", "個別報告する", "備考"]
OFFICE_ROWS = [
    ["101", "㈱髙橋製作所", "1640001", "東京都中野区中野3-5-13", "髙橋ビル2F", "0363639779", "", ""],
    ["102", "有限会社山﨑商店", "166-0003", "東京都杉並区高円寺南5-7-2", "", "03-4712-2144", "○", "メモ"],
    ["103", "株式会社①番館", "810-0001", "福岡県福岡市中央区天神4-2-27", "", "092-845-2013", "", ""],
]  # fmt: skip
CHOSEN = "code=顧問先No,address=住所1,individual=個別報告する"


def office_list(path: Path, rows: list[list[str]] = OFFICE_ROWS) -> Path:
    return write_csv(path, rows, header=OFFICE_HEADER)


# -- what the automatic reading is sure of ------------------------------------------------------


def test_known_headers_are_sure_and_lookalikes_are_only_guessed(tmp_path: Path) -> None:
    layout = read_table(office_list(tmp_path / "顧問先.csv")).layout
    assert layout.header_row == 3  # two title lines above, as Excel numbers rows
    assert layout.headers == tuple(OFFICE_HEADER)
    sure = {f: m.header for f, m in layout.matches.items() if m.certainty is Certainty.EXACT}
    assert sure == {"name": "会社名", "postal_code": "〒", "phone": "TEL"}
    assert layout.guessed == ["code", "address", "individual"]
    assert layout.matches["individual"].header == "個別報告する"
    assert layout.needs_asking
    assert layout.proposal().columns["code"] == "顧問先No"
    assert layout.proposal().columns["email"] == ""


def test_the_preview_is_the_first_rows_numbered_as_in_excel(tmp_path: Path) -> None:
    rows = [*OFFICE_ROWS[:1], [""] * 8, *OFFICE_ROWS[1:]] * 3
    layout = read_table(office_list(tmp_path / "顧問先.csv", rows)).layout
    assert layout.preview_rows == (4, 6, 7, 8, 10)  # the blank lines are skipped
    assert layout.preview[0][1] == "㈱髙橋製作所"
    assert len(layout.preview[0]) == len(OFFICE_HEADER)


def test_the_bundled_sample_is_read_without_asking() -> None:
    layout = read_table(SAMPLE / "roster.csv").layout
    assert not layout.needs_asking
    assert layout.guessed == [] and layout.doubled == ()
    assert layout.unused(None) == ["備考"]


def test_two_columns_with_a_known_name_for_one_field_are_asked_about(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "顧問先.csv",
        [["㈱髙橋製作所", "03-6363-9779", "090-1234-5678"]],
        header=["事業所名", "電話番号", "TEL"],
    )
    layout = read_table(path).layout
    assert layout.doubled == ("phone",)
    assert layout.needs_asking
    roster = import_roster(path)  # read anyway, as before: the leftmost one
    assert roster.clients[0].phone == "03-6363-9779"
    assert roster.unused_columns == ["TEL"]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("顧問先No", "code"),
        ("顧問先No.", "code"),
        ("会社CD", "code"),
        ("住所1", "address"),
        ("電話2", "phone"),
        ("個別報告する", "individual"),
        ("会社名カナ", "name"),
        ("備考", None),
        ("電話番号", None),  # a known name is sure, not a guess
        ("", None),
    ],
)
def test_what_a_header_is_guessed_to_hold(header: str, field: str | None) -> None:
    assert guess_field(header) == field


# -- without a mapping: nothing unread goes unsaid -----------------------------------------------


def test_columns_no_field_takes_are_listed_and_lookalikes_warned_about(tmp_path: Path) -> None:
    roster = import_roster(office_list(tmp_path / "顧問先.csv"))
    assert roster.columns == {"name": "会社名", "postal_code": "〒", "phone": "TEL"}
    assert roster.unused_columns == ["顧問先No", "住所1", "住所2", "個別報告する", "備考"]
    assert roster.clients[1].extra["個別報告する"] == "○"  # kept, but not read as the answer
    assert not roster.clients[1].individual
    unread = [i for i in roster.issues if i.code == "column_not_read"]
    assert [i.column for i in unread] == ["顧問先No", "住所1", "個別報告する"]
    assert all(i.severity is Severity.WARNING and i.row is None for i in unread)
    assert "「個別報告する」の列は読み込んでいません" in unread[2].message
    assert "individual report" in unread[2].message_en


def test_the_sample_roster_has_one_column_not_used_and_no_warning() -> None:
    roster = import_roster(SAMPLE / "roster.csv")
    assert roster.unused_columns == ["備考"]
    assert roster.issues == []


# -- with a mapping ------------------------------------------------------------------------------


def test_a_mapping_reads_the_columns_it_names_and_the_known_ones_besides(tmp_path: Path) -> None:
    roster = import_roster(
        office_list(tmp_path / "顧問先.csv"), columns=ColumnMapping.parse(CHOSEN)
    )
    assert roster.columns == {
        "name": "会社名",
        "code": "顧問先No",
        "postal_code": "〒",
        "address": "住所1",
        "phone": "TEL",
        "individual": "個別報告する",
    }
    first, second, _third = roster.clients
    assert (first.code, first.postal_code, first.phone) == ("101", "164-0001", "03-6363-9779")
    assert second.individual and not first.individual
    assert second.extra == {"住所2": "", "備考": "メモ"}
    assert roster.unused_columns == ["住所2", "備考"]
    assert [i.code for i in roster.issues] == []


def test_an_empty_header_says_the_list_has_no_column_for_that_field(tmp_path: Path) -> None:
    # 担当者 here is the office's own staff member, not the client's contact.
    path = write_csv(
        tmp_path / "顧問先.csv",
        [["㈱髙橋製作所", "東京都中野区", "03-6363-9779", "佐藤"]],
        header=["事業所名", "所在地", "電話番号", "担当者"],
    )
    assert import_roster(path).clients[0].contact_person == "佐藤"
    roster = import_roster(path, columns=ColumnMapping.parse("contact_person="))
    assert roster.clients[0].contact_person == ""
    assert roster.unused_columns == ["担当者"]
    assert roster.issues == []


def test_a_field_is_named_by_its_name_or_either_label_and_a_header_loosely(tmp_path: Path) -> None:
    path = office_list(tmp_path / "顧問先.csv")
    mapping = ColumnMapping.parse(" 顧問先コード = 顧問先no , Individual Report=個別報告する")
    assert mapping.columns == {"code": "顧問先no", "individual": "個別報告する"}
    roster = import_roster(path, columns=mapping)
    assert roster.columns["code"] == "顧問先No"  # the header as the list writes it
    assert roster.clients[0].code == "101"


def test_a_column_without_a_header_and_a_repeated_one_are_named_for_a_mapping(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "顧問先.csv",
        [["㈱髙橋製作所", "C-1", "鈴木", "佐藤"]],
        header=["事業所名", "", "担当", "担当"],
    )
    layout = read_table(path).layout
    assert layout.headers == ("事業所名", "B列", "担当", "担当（D列）")
    roster = import_roster(path, columns=ColumnMapping.parse("code=B列,contact_person=担当（D列）"))
    client = roster.clients[0]
    assert (client.code, client.contact_person) == ("C-1", "佐藤")
    assert client.extra == {"担当": "鈴木"}


def test_a_list_with_no_known_name_column_is_read_once_its_column_is_named(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "取引先.csv",
        [["髙橋製作所", "東京都中野区", "03-6363-9779"]],
        header=["取引先", "住所", "電話"],
    )
    with pytest.raises(RosterError, match="--columns name="):
        import_roster(path)
    layout = read_table(path).layout
    assert layout.header_row == 3 and not layout.name_found and layout.needs_asking
    roster = import_roster(path, columns=ColumnMapping.parse("name=取引先"))
    assert [c.name for c in roster.clients] == ["髙橋製作所"]
    assert roster.clients[0].address == "東京都中野区"


def test_in_a_workbook_the_mapping_chooses_the_sheet_that_has_its_headers(tmp_path: Path) -> None:
    other = [["事業所名", "所在地"], ["別の表", "東京都"]]
    ours = [OFFICE_HEADER, *OFFICE_ROWS]
    path = write_xlsx(tmp_path / "顧問先.xlsx", {"集計": other, "顧問先": ours})
    assert import_roster(path).source.sheet == "集計"
    roster = import_roster(path, columns=ColumnMapping.parse("name=会社名," + CHOSEN))
    assert roster.source.sheet == "顧問先"
    assert len(roster.clients) == 3 and roster.clients[1].individual


# -- a mapping that cannot be used is a sentence ------------------------------------------------


def test_an_unknown_field_names_the_fields_there_are() -> None:
    with pytest.raises(MappingError) as caught:
        ColumnMapping.parse("kode=顧問先No")
    assert "「kode」という項目はありません" in caught.value.message
    assert "code（顧問先コード）" in caught.value.message
    assert "individual" in caught.value.message_en


def test_a_header_the_list_lacks_names_the_headers_it_has(tmp_path: Path) -> None:
    path = office_list(tmp_path / "顧問先.csv")
    with pytest.raises(MappingError) as caught:
        import_roster(path, columns=ColumnMapping.parse("code=顧客番号"))
    assert caught.value.message == (
        "「顧問先.csv」に見出し「顧客番号」が見つかりません。見出しの行（3 行目）にあるのは: "
        "顧問先No、会社名、〒、住所1、住所2、TEL、個別報告する、備考"
    )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("code", "「項目=見出し」の形"),
        ("name=会社名,contact_person=会社名", "二つの項目"),
    ],
)
def test_a_mapping_that_contradicts_itself_is_refused(text: str, sentence: str) -> None:
    with pytest.raises(MappingError, match=sentence):
        ColumnMapping.parse(text)


def test_the_client_name_cannot_be_left_out(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="事業所名の列は省けません"):
        import_roster(office_list(tmp_path / "顧問先.csv"), columns=ColumnMapping.parse("name="))


def test_a_mapping_file_is_toml_at_the_top_or_under_columns(tmp_path: Path) -> None:
    top = tmp_path / "top.toml"
    top.write_text('code = "顧問先No"\n"個別報告" = "個別報告する"\n', encoding="utf-8")
    under = tmp_path / "under.toml"
    under.write_text('[columns]\ncode = "顧問先No"\n', encoding="utf-8")
    assert ColumnMapping.load(top).columns == {"code": "顧問先No", "individual": "個別報告する"}
    assert ColumnMapping.load(under).columns == {"code": "顧問先No"}
    broken = tmp_path / "broken.toml"
    broken.write_text("code = 顧問先No\n", encoding="utf-8")
    with pytest.raises(MappingError, match="TOML として読めません"):
        ColumnMapping.load(broken)
    with pytest.raises(MappingError, match=r"missing\.toml"):
        ColumnMapping.load(tmp_path / "missing.toml")


# -- the key a layout is remembered by ----------------------------------------------------------


def test_a_layout_is_known_again_however_it_is_saved(tmp_path: Path) -> None:
    csv = read_table(office_list(tmp_path / "顧問先.csv")).layout.key
    book = write_xlsx(tmp_path / "顧問先.xlsx", {"顧問先": [OFFICE_HEADER, *OFFICE_ROWS]})
    assert read_table(book).layout.key == csv
    wide = ["顧問先Ｎｏ", *OFFICE_HEADER[1:5], "ＴＥＬ", *OFFICE_HEADER[6:]]
    assert layout_key(wide) == csv and layout_key([*OFFICE_HEADER, "", ""]) == csv
    assert layout_key([*OFFICE_HEADER, "FAX"]) != csv
    assert layout_key(OFFICE_HEADER[::-1]) != csv
