"""Phone numbers grouped by area code as 総務省's numbering plan has them.

Each row is a real area code with a real exchange (市外局番 from 総務省「市外局番の一覧」; the
exchanges are those of a city hall or prefectural office in that area, the subscriber number
made up). A geographic number is 10 digits: area code (2 to 5 digits with its 0), exchange,
and a 4-digit subscriber number. Non-geographic numbers: 0A0-CDEF-GHJK for 050 (IP), 070/080/090
(mobile) and 020 (無線呼出し・IoT); 0AB0-DEF-GHJ for 0120, 0570, 0990, 0180 (10 digits) and
0800-DEF-GHJK (11 digits).
"""

from __future__ import annotations

import pandas as pd
import pytest

from noticedesk.core.phone_numbers import hyphenated, read_phone
from noticedesk.core.roster.cells import phones

AREA_CODES = [
    # The six the issue found printed with the wrong area code, and 020 that was refused.
    ("0466251234", "0466-25-1234"),  # 藤沢 (was 046-625-1234)
    ("0471671234", "04-7167-1234"),  # 柏: area code 04, 4-digit exchange (was 047-167-1234)
    ("0557361234", "0557-36-1234"),  # 伊東
    ("0980531234", "0980-53-1234"),  # 名護
    ("0993221234", "0993-22-1234"),  # 指宿
    ("0180993000", "0180-993-000"),  # テレドーム (was 018-099-3000, an 秋田 number)
    ("02012345678", "020-1234-5678"),  # 020 (11 digits)
    # The large cities: 2- and 3-digit area codes.
    ("0353211234", "03-5321-1234"),  # 東京23区
    ("0662081234", "06-6208-1234"),  # 大阪
    ("0112111234", "011-211-1234"),  # 札幌
    ("0456711234", "045-671-1234"),  # 横浜
    ("0529611234", "052-961-1234"),  # 名古屋
    ("0927111234", "092-711-1234"),  # 福岡
    # Where 3 and 4 digits share a start: 042 (立川) and 0422 (武蔵野), 04 (所沢) and 0466.
    ("0425281234", "042-528-1234"),  # 立川
    ("0422511234", "0422-51-1234"),  # 武蔵野
    ("0429981234", "04-2998-1234"),  # 所沢
    ("0499221234", "04992-2-1234"),  # 大島: a 5-digit area code
    # Service numbers.
    ("0120444444", "0120-444-444"),  # フリーダイヤル
    ("08001234567", "0800-123-4567"),  # フリーアクセス (11 digits)
    ("0570064000", "0570-064-000"),  # ナビダイヤル
    ("0990123456", "0990-123-456"),
    ("05012345678", "050-1234-5678"),  # IP電話
    ("07012345678", "070-1234-5678"),
    ("08012345678", "080-1234-5678"),
    ("09012345678", "090-1234-5678"),
]


@pytest.mark.parametrize(("digits", "printed"), AREA_CODES)
def test_bare_digits_are_grouped_at_the_real_area_code(digits: str, printed: str) -> None:
    reading = read_phone(digits)
    assert (reading.value, reading.readable, reading.zero_restored) == (printed, True, False)


@pytest.mark.parametrize(("digits", "printed"), AREA_CODES)
def test_a_roster_column_prints_the_same_grouping(digits: str, printed: str) -> None:
    # The same digits as Excel keeps them in a numeric column: the leading zero gone.
    column = pd.Series([digits, digits[1:], "03-5321-1234"])
    checked = phones(column)
    assert checked.value.tolist() == [printed, printed, "03-5321-1234"]
    assert checked.repaired.tolist() == [False, True, False]
    assert not checked.unreadable.any()


@pytest.mark.parametrize(
    "written",
    ["0466-25-1234", "046-625-1234", "0422-12-3456", "04992-2-1234", "03(5321)1234"],
)
def test_the_users_own_grouping_is_kept(written: str) -> None:
    # Their exchange, their print: a plan update must not rewrite what they wrote.
    assert hyphenated(written) == written.replace("(", "-").replace(")", "-")


@pytest.mark.parametrize(
    "written",
    ["0201234567", "0012345678", "03-123", "0466-25-12345678", "内線12", "03-5321-1234x"],
)
def test_what_the_plan_cannot_group_is_kept_as_written(written: str) -> None:
    reading = read_phone(written)
    assert (reading.value, reading.readable) == (written, False)


def test_an_office_phone_typed_full_width_or_bare_is_hyphenated() -> None:
    assert hyphenated("０４６６２５１２３４") == "0466-25-1234"
    assert hyphenated(" 0466251234 ") == "0466-25-1234"
    assert hyphenated("") == ""
    assert hyphenated("代表 0466-25-1234") == "代表 0466-25-1234"
