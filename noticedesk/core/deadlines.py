"""The regulator's (個人情報保護委員会) deadlines for an incident.

Decision: the preliminary report (速報) is "prompt", which the PPC's guidelines gloss as about
3–5 days from learning of the incident; we show the 5th day as its deadline and call it
approximate. The final report (確報) is due within 30 days, or 60 days when the incident may
have been done for an unauthorized purpose (施行規則 7条3号: unauthorized access, ransomware).
Days are counted from the day after discovery (民法140条: the first day is not counted).

Once the office has filed a report (``filed_on``), its deadline is met and never overdue, even
when it was filed late: the window then shows the filing, not a countdown. A late filing is
still visible through ``filed_late``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRELIMINARY_DAYS = 5
FINAL_DAYS = 30
FINAL_DAYS_UNAUTHORIZED = 60


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: str  # "preliminary" or "final"
    due: dt.date
    filed_on: dt.date | None = None  # the day the office filed this report with the PPC

    @property
    def filed(self) -> bool:
        return self.filed_on is not None

    @property
    def filed_late(self) -> bool:
        return self.filed_on is not None and self.filed_on > self.due

    def days_left(self, today: dt.date) -> int:
        """Days until the deadline; 0 on the day itself, negative once overdue."""
        return (self.due - today).days

    def overdue(self, today: dt.date) -> bool:
        return self.filed_on is None and today > self.due


@dataclass(frozen=True, slots=True)
class Deadlines:
    preliminary: Deadline
    final: Deadline


def deadlines_for(
    discovered_on: dt.date,
    unauthorized_purpose: bool,
    *,
    preliminary_filed_on: dt.date | None = None,
    final_filed_on: dt.date | None = None,
) -> Deadlines:
    final_days = FINAL_DAYS_UNAUTHORIZED if unauthorized_purpose else FINAL_DAYS
    return Deadlines(
        preliminary=Deadline(
            "preliminary",
            discovered_on + dt.timedelta(days=PRELIMINARY_DAYS),
            preliminary_filed_on,
        ),
        final=Deadline("final", discovered_on + dt.timedelta(days=final_days), final_filed_on),
    )
