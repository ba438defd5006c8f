"""Row problems and cell normalisation, found in real CP932 files as offices write them."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from noticedesk.core import corporate_number
from noticedesk.core.clients import Roster, Severity
from noticedesk.core.roster import import_roster
from noticedesk.core.roster.cells import corporate_numbers
from tests.helpers.rosters import CORPORATE_OK, client_row, good_rows, write_csv


def _import(tmp_path: Path, rows: list[list[object]]) -> Roster:
    return import_roster(write_csv(tmp_path / "roster.csv", rows))


def _found(roster: Roster) -> list[tuple[int | None, str | None, str, str]]:
    return [(i.row, i.column, i.code, i.severity.value) for i in roster.issues]


def test_every_issue_and_refusal_speaks_both_languages(tmp_path: Path) -> None:
    rows = [
        client_row(phone="03-12", postal="12-34", corporate="9499836243984", individual="未定",
                   employees="多数", email="soumu＠", association="○", people="約30",
                   self_reference="わたくしども"),
        client_row("C0001", "", address=""),
        client_row("C0001", "(株)髙橋製作所", address="東京都中野区中野3-5-13", phone="3"),
    ]  # fmt: skip
    roster = _import(tmp_path, rows)
    assert len(roster.issues) >= 12
    for issue in roster.issues:
        assert issue.message and issue.message_en and issue.code
        assert issue.message != issue.message_en


def test_missing_name_is_an_error_and_the_row_is_not_a_client(tmp_path: Path) -> None:
    rows = [*good_rows(), client_row("C0009", "", phone="03-1111-2222")]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(7, "事業所名", "missing_name", "error")]
    assert [c.row for c in roster.clients] == [4, 5, 6]


def test_duplicate_client_is_found_through_spelling_differences(tmp_path: Path) -> None:
    rows = [
        *good_rows(),
        # ㈱ vs (株), full-width vs half-width digits, 丁目番号 vs hyphens: still the same client.
        client_row("C0010", "（株）髙橋製作所", address="東京都中野区中野３－５－１３"),
        client_row("C0011", "㈱髙橋製作所", address="東京都中野区中野1丁目1番1号"),  # other branch
    ]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(7, "事業所名", "duplicate_client", "error")]
    assert "行 4" in roster.issues[0].message
    assert "row 4" in roster.issues[0].message_en
    assert len(roster.clients) == 5  # both stay visible so the user can choose


def test_duplicate_code_is_an_error(tmp_path: Path) -> None:
    rows = [*good_rows(), client_row("C0002", "株式会社さくら運輸", address="福岡県福岡市")]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(7, "顧問先コード", "duplicate_code", "error")]
    assert "C0002" in roster.issues[0].message and "行 5" in roster.issues[0].message


@pytest.mark.parametrize(
    "answer", ["○", "〇", "◯", "✓", "✔", "レ", "ﾚ", "はい", "有", "あり", "希望", "yes", "YES", "1",
               "true", "TRUE", " ○ "]
)  # fmt: skip
def test_yes_answers(tmp_path: Path, answer: str) -> None:
    # ✓ and ✔ are not in CP932: offices that use them save UTF-8.
    encoding = "utf-8-sig" if answer in "✓✔" else "cp932"
    path = write_csv(tmp_path / "roster.csv", [client_row(individual=answer)], encoding=encoding)
    roster = import_roster(path)
    assert roster.clients[0].individual is True
    assert roster.issues == []


@pytest.mark.parametrize(
    "answer", ["", "×", "いいえ", "無", "なし", "no", "No", "0", "false", "FALSE", "－"]
)
def test_no_answers(tmp_path: Path, answer: str) -> None:
    roster = _import(tmp_path, [client_row(individual=answer)])
    assert roster.clients[0].individual is False
    assert roster.issues == []


def test_unknown_answer_is_an_error_and_other_rows_still_count(tmp_path: Path) -> None:
    rows = [client_row(individual="検討中"), *good_rows()[1:]]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(4, "個別報告希望", "answer_unknown", "error")]
    assert "検討中" in roster.issues[0].message
    assert [c.name for c in roster.individual] == ["株式会社①番館"]
    assert roster.clients[0].individual is False


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("03-6363-9779", "03-6363-9779"),
        ("0363639779", "03-6363-9779"),
        ("０３－６３６３－９７７９", "03-6363-9779"),
        ("03(6363)9779", "03-6363-9779"),
        ("(03)6363-9779", "03-6363-9779"),
        ("03 6363 9779", "03-6363-9779"),
        ("09012345678", "090-1234-5678"),
        ("0921234567", "092-123-4567"),
        ("0661234567", "06-6123-4567"),
        ("0120123456", "0120-123-456"),
        ("0422-12-3456", "0422-12-3456"),  # the user's grouping of a 4-digit area code stays
        ("+81-3-6363-9779", "03-6363-9779"),
        ("09012345678.0", "090-1234-5678"),
        ("05012345678", "050-1234-5678"),
        ("08001234567", "0800-123-4567"),
        ("08012345678", "080-1234-5678"),
        ("0570123456", "0570-123-456"),
    ],
)
def test_phone_numbers_are_hyphenated_with_exact_digits(
    tmp_path: Path, written: str, printed: str
) -> None:
    roster = _import(tmp_path, [client_row(phone=written)])
    assert roster.clients[0].phone == printed
    assert roster.issues == []


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("363639779", "03-6363-9779"),
        ("9012345678", "090-1234-5678"),
        ("9012345678.0", "090-1234-5678"),
    ],
)
def test_phone_that_lost_its_zero_is_restored_with_a_warning(
    tmp_path: Path, written: str, printed: str
) -> None:
    roster = _import(tmp_path, [client_row(phone=written)])
    assert roster.clients[0].phone == printed
    assert _found(roster) == [(4, "電話番号", "phone_zero_restored", "warning")]


@pytest.mark.parametrize("written", ["03-123", "内線のみ", "03-6363-9779 / 090-1234-5678", "12345"])
def test_unreadable_phone_is_kept_as_written_with_a_warning(tmp_path: Path, written: str) -> None:
    roster = _import(tmp_path, [client_row(phone=written)])
    assert roster.clients[0].phone == written
    assert _found(roster) == [(4, "電話番号", "phone_unreadable", "warning")]
    assert written in roster.issues[0].message


def test_missing_phone_matters_only_for_the_joint_report(tmp_path: Path) -> None:
    rows = [client_row(phone=""), client_row("C0002", "株式会社①番館", phone="", individual="○")]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(4, "電話番号", "phone_missing", "warning")]


@pytest.mark.parametrize(
    ("written", "printed", "codes"),
    [
        ("164-0001", "164-0001", []),
        ("1640001", "164-0001", []),
        ("〒164-0001", "164-0001", []),
        ("１６４ー０００１", "164-0001", []),
        ("600001", "060-0001", ["postal_zero_restored"]),
        ("10010", "001-0010", ["postal_zero_restored"]),
        ("164-00", "164-00", ["postal_unreadable"]),
    ],
)
def test_postal_codes(tmp_path: Path, written: str, printed: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(postal=written)])
    assert roster.clients[0].postal_code == printed
    assert [i.code for i in roster.issues] == codes


@pytest.mark.parametrize(
    ("written", "stored", "codes"),
    [
        (CORPORATE_OK, CORPORATE_OK, []),
        ("９４９９８３６２４３９８５", CORPORATE_OK, []),
        ("9-4998-3624-3985", CORPORATE_OK, []),
        ("9499836243984", "9499836243984", ["corporate_number_invalid"]),
        ("949983624398", "949983624398", ["corporate_number_invalid"]),
        ("9.49984E+12", "9.49984E+12", ["corporate_number_exponent"]),
    ],
)
def test_corporate_numbers(tmp_path: Path, written: str, stored: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(corporate=written)])
    assert roster.clients[0].corporate_number == stored
    assert [i.code for i in roster.issues] == codes
    assert all(i.severity is Severity.WARNING for i in roster.issues)


def test_column_wise_check_digit_agrees_with_the_scalar_rule() -> None:
    rng = random.Random(3)
    numbers = []
    for _ in range(2000):
        base = f"{rng.randrange(10**12):012d}"
        digit = corporate_number.check_digit(base)
        if rng.random() < 0.5:
            digit = (digit + rng.randint(1, 8)) % 10
        numbers.append(f"{digit}{base}")
    invalid = corporate_numbers(pd.Series(numbers, dtype=str)).invalid.tolist()
    assert invalid == [not corporate_number.is_valid(n) for n in numbers]
    assert 500 < sum(invalid) < 1500


@pytest.mark.parametrize(
    ("written", "stored", "codes"),
    [
        ("福岡SR経営労務センター", "福岡SR経営労務センター", []),
        ("", "", []),
        ("×", "", []),
        ("○", "労働保険事務組合", ["association_unnamed"]),
        ("はい", "労働保険事務組合", ["association_unnamed"]),
    ],
)
def test_association_answers(tmp_path: Path, written: str, stored: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(association=written)])
    assert roster.clients[0].association == stored
    assert roster.clients[0].in_association is bool(stored)
    assert [i.code for i in roster.issues] == codes


@pytest.mark.parametrize(
    ("written", "stored", "codes"),
    [
        ("25", "25", []),
        ("１，２００人", "1200", []),
        ("40名", "40", []),
        ("約50", "約50", ["employees_unreadable"]),
    ],
)
def test_employees(tmp_path: Path, written: str, stored: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(employees=written)])
    assert roster.clients[0].employees == stored
    assert [i.code for i in roster.issues] == codes


@pytest.mark.parametrize(
    ("written", "stored", "codes"),
    [
        ("243", "243", []),
        ("30名", "30", []),
        ("１，２３４人", "1234", []),
        ("1,085", "1085", []),
        ("30.0", "30", []),  # a number that went through Excel as a float
        ("０", "0", []),
        ("", "", []),
        # Not known yet: blank, which already means unknown, and nothing to warn about.
        ("不明", "", []),
        ("未確認", "", []),
        ("-", "", []),
        ("－", "", []),
        ("約30", "約30", ["people_unreadable"]),
        ("30～40", "30～40", ["people_unreadable"]),
    ],
)
def test_people_counts(tmp_path: Path, written: str, stored: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(employees="12", people=written)])
    assert roster.clients[0].people == stored
    assert roster.clients[0].employees == "12"
    assert [i.code for i in roster.issues] == codes


def test_an_approximate_people_count_is_flagged_where_excel_shows_it(tmp_path: Path) -> None:
    rows = [
        *good_rows(),
        client_row("C0004", "株式会社さくら運輸", address="福岡市", people="約30"),
    ]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [(7, "対象者数", "people_unreadable", "warning")]
    issue = roster.issues[0]
    assert "「約30」" in issue.message and "“約30”" in issue.message_en
    assert roster.clients[3].people == "約30"  # kept as written, never turned into a number


def test_representative_is_kept_as_written(tmp_path: Path) -> None:
    roster = _import(tmp_path, [client_row(representative="　代表取締役　髙橋　一郎 ")])
    assert roster.clients[0].representative == "代表取締役　髙橋　一郎"
    assert roster.issues == []


@pytest.mark.parametrize(
    ("name", "written", "stored", "voice"),
    [
        ("株式会社多摩歯科クリニック", "当院", "当院", "当院"),
        ("㈱髙橋製作所", "弊社", "弊社", "弊社"),
        ("医療法人社団 緑会", "当クリニック", "当クリニック", "当クリニック"),
        ("医療法人社団 緑会", "", "", "当法人"),
    ],
)
def test_self_reference_overrides_the_legal_form(
    tmp_path: Path, name: str, written: str, stored: str, voice: str
) -> None:
    roster = _import(tmp_path, [client_row(name=name, self_reference=written)])
    client = roster.clients[0]
    assert (client.self_reference, client.voice.self) == (stored, voice)
    assert roster.issues == []


@pytest.mark.parametrize("written", ["わたくしども", "社", "当", "当社は、", "当 院"])
def test_an_unknown_self_reference_is_dropped_with_a_warning(tmp_path: Path, written: str) -> None:
    roster = _import(tmp_path, [client_row(name="医療法人社団 緑会", self_reference=written)])
    client = roster.clients[0]
    assert client.self_reference == ""
    assert client.voice.self == "当法人"  # the legal form decides instead
    assert _found(roster) == [(4, "自称", "self_reference_unreadable", "warning")]
    assert f"「{written}」" in roster.issues[0].message


@pytest.mark.parametrize(
    ("written", "stored", "codes"),
    [
        ("soumu@example.jp", "soumu@example.jp", []),
        ("ｓｏｕｍｕ＠ｅｘａｍｐｌｅ．ｊｐ", "soumu@example.jp", []),
        ("a@example.jp; b@example.jp", "a@example.jp; b@example.jp", []),
        ("soumu@", "soumu@", ["email_invalid"]),
    ],
)
def test_emails(tmp_path: Path, written: str, stored: str, codes: list[str]) -> None:
    roster = _import(tmp_path, [client_row(email=written)])
    assert roster.clients[0].email == stored
    assert [i.code for i in roster.issues] == codes


def test_code_is_half_width(tmp_path: Path) -> None:
    roster = _import(tmp_path, [client_row(code="Ｃ０００１")])
    assert roster.clients[0].code == "C0001"
    assert roster.clients[0].key == "code:C0001"


def test_missing_address_and_phone_columns_are_file_wide_warnings(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("事業所名,担当者\r\n㈱髙橋製作所,鈴木\r\n".encode("cp932"))
    roster = import_roster(path)
    assert [(i.row, i.column, i.code) for i in roster.issues] == [
        (None, None, "missing_column"),
        (None, None, "missing_column"),
    ]
    assert "所在地" in roster.issues[0].message and "電話番号" in roster.issues[1].message


def test_problems_in_many_rows_are_each_reported_in_row_order(tmp_path: Path) -> None:
    rows = [
        client_row(phone="03-12"),
        client_row("C0002", "有限会社山﨑商店", address="東京都杉並区", individual="？"),
        client_row("C0003", "株式会社①番館", address="福岡県", corporate="123"),
        client_row("C0004", "株式会社さくら運輸", address="福岡市", phone="092-845-2013"),
    ]
    roster = _import(tmp_path, rows)
    assert _found(roster) == [
        (4, "電話番号", "phone_unreadable", "warning"),
        (5, "個別報告希望", "answer_unknown", "error"),
        (6, "法人番号", "corporate_number_invalid", "warning"),
    ]
    assert len(roster.clients) == 4
    assert [len(roster.errors), len(roster.warnings)] == [1, 2]
