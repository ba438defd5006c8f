"""The regulator's (個人情報保護委員会) deadlines for an incident, and the rule behind each.

The rules, as the PPC's guideline (通則編) states them and as practice applies them (the worked
example is in ``docs/legal-basis.md``):

- **Day 1 is the day the business learned of the event** (通則編 3-5-3-3/3-5-3-4: 「当該事態を
  知った時点から」; the 確報's 30/60 days count that day, unlike 民法140条's default).
- **速報** (法26条1項, 規則8条1項): "promptly", which the guideline glosses as 概ね3～5日. We
  show the 5th day as an approximate target and do not move it for closed days: it is a gloss,
  not a deadline the rule fixes.
- **確報** (規則8条2項): within 30 days, or 60 days when the event may have been done for an
  unauthorized purpose (規則7条3号: unauthorized access, ransomware). When that last day is a
  Saturday, Sunday, national holiday (国民の祝日に関する法律, via ``jpholiday``) or 12/29–1/3,
  the deadline is the next day that is none of these (通則編 3-5-3-4, as practice reads it).
- **The office's call wins**: an office may set a deadline itself (a different day of learning,
  a ministry's own practice). The overriding date is used everywhere, and the computed one and
  the rule stay visible beside it.

Once the office has filed a report (``filed_on``), its deadline is met and never overdue, even
when it was filed late: the window then shows the filing, not a countdown. A late filing is
still visible through ``filed_late``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import jpholiday

PRELIMINARY_DAYS = 5
FINAL_DAYS = 30
FINAL_DAYS_UNAUTHORIZED = 60

_WEEKDAYS_JA = ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")


def closed_reason(day: dt.date) -> tuple[str, str] | None:
    """Why ``day`` is not a day a deadline can fall on, in Japanese and English; None if open.

    Closed: Saturdays, Sundays, national holidays (substitute holidays included) and the
    government's year-end closure, 12/29–1/3 (行政機関の休日に関する法律 1条).
    """
    holiday = jpholiday.is_holiday_name(day)
    if holiday:
        return f"祝日（{holiday}）", f"a national holiday ({holiday})"
    if (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3):
        return "年末年始（12月29日～1月3日）", "the year-end closure (29 Dec – 3 Jan)"
    if day.weekday() >= 5:
        return _WEEKDAYS_JA[day.weekday()], day.strftime("a %A")
    return None


def next_open_day(day: dt.date) -> dt.date:
    """``day`` itself when open, else the first open day after it."""
    while closed_reason(day) is not None:
        day += dt.timedelta(days=1)
    return day


def nth_day(day_one: dt.date, n: int) -> dt.date:
    """The n-th day counting ``day_one`` as day 1."""
    return day_one + dt.timedelta(days=n - 1)


@dataclass(frozen=True, slots=True)
class Deadline:
    """One report's deadline and how it was reached.

    ``due`` is the day that counts (the office's date when it set one); ``computed`` is the day
    the rule gives; ``nth`` the n-th day before any move past a closed day. Fields in the order
    the two constructors below pass them.
    """

    kind: str  # "preliminary" or "final"
    day_one: dt.date  # the day the business learned of the event
    days: int  # 5 (速報, approximate), 30 or 60 (確報)
    computed: dt.date
    nth: dt.date
    approximate: bool = False
    unauthorized: bool = False  # 60 days under 規則7条3号
    override: dt.date | None = None  # the office's own date
    filed_on: dt.date | None = None  # the day the office filed this report with the PPC

    @property
    def due(self) -> dt.date:
        """The day that counts: the office's own date when it set one, else the rule's."""
        return self.override or self.computed

    @property
    def filed(self) -> bool:
        return self.filed_on is not None

    @property
    def filed_late(self) -> bool:
        return self.filed_on is not None and self.filed_on > self.due

    @property
    def moved(self) -> bool:
        """The n-th day was closed and the deadline moved to the next open day."""
        return self.computed != self.nth

    def days_left(self, today: dt.date) -> int:
        """Days until the deadline; 0 on the day itself, negative once overdue."""
        return (self.due - today).days

    def overdue(self, today: dt.date) -> bool:
        return self.filed_on is None and today > self.due

    def basis(self, date_text: Callable[[dt.date], str], language: str = "ja") -> str:
        """The rule used, in a sentence: printed beside the deadline in the window and letters.

        ``date_text`` writes a date in the style of the place it is shown (西暦 or 和暦).
        """
        if language.startswith("en"):
            return self._basis_en(date_text)
        day_one = date_text(self.day_one)
        if self.kind == "preliminary":
            text = f"{day_one}を1日目として{self.days}日目、「速やかに」の目安である概ね3～5日以内の末日"
        else:
            cause = "規則第7条第3号の事態のため" if self.unauthorized else ""
            text = f"{cause}{day_one}を1日目として{self.days}日目"
            if self.moved:
                reason = closed_reason(self.nth)
                assert reason is not None
                text += f"。{date_text(self.nth)}が{reason[0]}のため翌開庁日"
        if self.override is not None:
            text = f"事務所の判断による期限。規定による計算では{date_text(self.computed)}、{text}"
        return text

    def _basis_en(self, date_text: Callable[[dt.date], str]) -> str:
        day_one = date_text(self.day_one)
        if self.kind == "preliminary":
            text = f"day {self.days} counting {day_one} as day 1, the end of the 3–5 day guide"
        else:
            cause = " (rule art. 7 no. 3)" if self.unauthorized else ""
            text = f"day {self.days} counting {day_one} as day 1{cause}"
            if self.moved:
                reason = closed_reason(self.nth)
                assert reason is not None
                text += f"; {date_text(self.nth)} is {reason[1]}, so the next open day"
        if self.override is not None:
            text = f"set by the office (the rule gives {date_text(self.computed)}: {text})"
        return text


@dataclass(frozen=True, slots=True)
class Deadlines:
    preliminary: Deadline
    final: Deadline


def final_days(unauthorized_purpose: bool) -> int:
    return FINAL_DAYS_UNAUTHORIZED if unauthorized_purpose else FINAL_DAYS


def preliminary_deadline(
    day_one: dt.date,
    *,
    filed_on: dt.date | None = None,
    override: dt.date | None = None,
) -> Deadline:
    """速報: the 5th day counting ``day_one`` as day 1, approximate, never moved."""
    nth = nth_day(day_one, PRELIMINARY_DAYS)
    return Deadline(
        "preliminary", day_one, PRELIMINARY_DAYS, nth, nth, True, False, override, filed_on
    )


def final_deadline(
    day_one: dt.date,
    unauthorized_purpose: bool,
    *,
    filed_on: dt.date | None = None,
    override: dt.date | None = None,
) -> Deadline:
    """確報: the 30th (60th) day counting ``day_one`` as day 1, moved past a closed day."""
    days = final_days(unauthorized_purpose)
    nth = nth_day(day_one, days)
    return Deadline(
        "final",
        day_one,
        days,
        next_open_day(nth),
        nth,
        False,
        unauthorized_purpose,
        override,
        filed_on,
    )


def deadlines_for(
    discovered_on: dt.date,
    unauthorized_purpose: bool,
    *,
    preliminary_filed_on: dt.date | None = None,
    final_filed_on: dt.date | None = None,
    preliminary_override: dt.date | None = None,
    final_override: dt.date | None = None,
) -> Deadlines:
    return Deadlines(
        preliminary=preliminary_deadline(
            discovered_on, filed_on=preliminary_filed_on, override=preliminary_override
        ),
        final=final_deadline(
            discovered_on,
            unauthorized_purpose,
            filed_on=final_filed_on,
            override=final_override,
        ),
    )
