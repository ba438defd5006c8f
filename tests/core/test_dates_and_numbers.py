import datetime as dt

import pytest

from noticedesk.core import corporate_number
from noticedesk.core.dates import seireki, wareki
from noticedesk.core.deadlines import deadlines_for


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 7, 28), "令和5年7月28日"),
        (dt.date(2019, 5, 1), "令和元年5月1日"),
        (dt.date(2019, 4, 30), "平成31年4月30日"),
        (dt.date(1989, 1, 8), "平成元年1月8日"),
        (dt.date(1989, 1, 7), "昭和64年1月7日"),
    ],
)
def test_wareki_follows_the_era_boundaries(day: dt.date, expected: str) -> None:
    assert wareki(day) == expected


def test_seireki_has_no_leading_zeros() -> None:
    assert seireki(dt.date(2023, 7, 8)) == "2023年7月8日"


def test_corporate_number_check_digit() -> None:
    # 法人番号 of the National Tax Agency's own published example, 1234567890123 has base
    # 234567890123; compute its digit and check that one wrong digit is caught.
    base = "234567890123"
    good = f"{corporate_number.check_digit(base)}{base}"
    assert corporate_number.is_valid(good)
    wrong = f"{(int(good[0]) + 1) % 10}{base}"
    assert not corporate_number.is_valid(wrong)
    assert not corporate_number.is_valid(good[:-1])
    assert not corporate_number.is_valid("１" + good[1:])  # full-width must be normalised first


def test_known_corporate_number_is_valid() -> None:
    # 国税庁's corporate number (published): 7000012050002
    assert corporate_number.is_valid("7000012050002")


def test_final_deadline_doubles_for_unauthorized_purpose() -> None:
    found = dt.date(2023, 6, 5)  # day 1
    assert deadlines_for(found, False).final.due == dt.date(2023, 7, 4)  # day 30, a Tuesday
    assert deadlines_for(found, True).final.due == dt.date(2023, 8, 3)  # day 60, a Thursday
    late = deadlines_for(found, True).preliminary  # day 5: 2023-06-09
    assert late.overdue(dt.date(2023, 6, 10))
    assert not late.overdue(dt.date(2023, 6, 9))
    assert late.days_left(dt.date(2023, 6, 8)) == 1
