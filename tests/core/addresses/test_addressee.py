"""Who an envelope or label is addressed to: 御中 or 様, never both; the address split sensibly."""

from __future__ import annotations

import itertools

import pytest

from noticedesk.core.addresses.address_block import address_parts, addressee, postal_line
from noticedesk.core.addresses.text_width import text_em, wrap
from tests.helpers.documents import client


def test_a_named_contact_person_gets_sama_and_the_company_no_onchu() -> None:
    block = addressee(client("株式会社さくら運輸", contact_person="山﨑 健太"))
    assert block.company == "株式会社さくら運輸"
    assert block.person == "山﨑 健太\u3000様"
    assert "御中" not in block.company + block.person


def test_without_a_contact_person_the_company_gets_onchu() -> None:
    block = addressee(client("㈱髙橋製作所", contact_person=""))
    assert block.company == "株式会社髙橋製作所\u3000御中"  # ㈱ written out, as letters print it
    assert block.person == ""
    assert "様" not in block.company


@pytest.mark.parametrize(
    ("name", "person", "company", "printed_person"),
    [
        ("株式会社青葉ソフト", "伊藤 翔様", "株式会社青葉ソフト", "伊藤 翔\u3000様"),
        ("株式会社青葉ソフト", "伊藤 翔 殿", "株式会社青葉ソフト", "伊藤 翔\u3000様"),
        ("株式会社青葉ソフト　御中", "伊藤 翔", "株式会社青葉ソフト", "伊藤 翔\u3000様"),
        ("株式会社青葉ソフト御中", "", "株式会社青葉ソフト\u3000御中", ""),
        ("株式会社青葉ソフト", "　", "株式会社青葉ソフト\u3000御中", ""),
    ],
)
def test_an_honorific_already_in_the_list_is_never_doubled_nor_mixed(
    name: str, person: str, company: str, printed_person: str
) -> None:
    block = addressee(client(name, contact_person=person))
    assert (block.company, block.person) == (company, printed_person)
    printed = block.company + block.person
    assert printed.count("御中") + printed.count("様") == 1
    assert "殿" not in printed


def test_postal_codes_are_written_with_the_mark_and_a_hyphen() -> None:
    assert postal_line("1640001") == "〒164-0001"
    assert postal_line("〒１６４－０００１") == "〒164-0001"
    assert postal_line("") == ""
    assert postal_line("164-00") == "〒164-00"  # printed as written rather than lost


@pytest.mark.parametrize(
    ("address", "parts"),
    [
        (
            "東京都新宿区西新宿三丁目2番11号　新宿三井ビル別館7階",
            ("東京都新宿区西新宿三丁目２番１１号", "新宿三井ビル別館７階"),
        ),
        (
            "大阪府大阪市北区梅田1丁目1番3号大阪駅前第3ビル12階",
            ("大阪府大阪市北区梅田１丁目１番３号", "大阪駅前第３ビル１２階"),
        ),
        ("東京都港区芝1-2-3 芝ビル5F", ("東京都港区芝１－２－３", "芝ビル５F")),
        ("北海道札幌市中央区北1条西2丁目1番地", ("北海道札幌市中央区北１条西２丁目１番地",)),
        ("東京都中野区中野3丁目5番13号", ("東京都中野区中野３丁目５番１３号",)),
    ],
)
def test_the_building_goes_on_its_own_line(address: str, parts: tuple[str, ...]) -> None:
    assert address_parts(address) == parts


DIGITS = set("0123456789０１２３４５６７８９")


@pytest.mark.parametrize("width", [6, 8, 9.5, 11, 14, 17])
def test_a_long_address_is_never_broken_inside_a_number(width: float) -> None:
    for part in address_parts(
        "神奈川県横浜市西区みなとみらい5丁目16番19号　横浜ランドマークタワー12階"
    ):
        lines = wrap(part, width)
        assert "".join(lines) == part.replace("\u3000", "")
        for before, after in itertools.pairwise(lines):
            assert not (before[-1] in DIGITS and (after[0] in DIGITS or after[0] in "丁番号階"))
        assert all(text_em(line) <= width for line in lines if len(line) > 3)


def test_widths_count_full_width_as_one_em_and_half_width_as_half() -> None:
    assert text_em("株式会社") == 4
    assert text_em("abc") == 1.5
    # Latin capitals count wider (proportional faces), and a half/full meeting a quarter em.
    assert text_em("株式会社KOMORI") == pytest.approx(4 + 6 * 0.8 + 0.25)
