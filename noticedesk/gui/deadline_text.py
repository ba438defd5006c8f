"""How a regulator deadline reads in the window: its date and the days left, or how late it is.

A filed report reads as filed, with its filing date ("速報: 報告済 (2023年6月9日)"): once filed the
countdown no longer matters to staff.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from noticedesk.core.dates import seireki
from noticedesk.core.deadlines import Deadline, Deadlines


def deadline_name(deadline: Deadline) -> str:
    if deadline.kind == "preliminary":
        return QCoreApplication.translate("Deadlines", "Preliminary report")
    return QCoreApplication.translate("Deadlines", "Final report")


def date_text(day: dt.date, language: str) -> str:
    return seireki(day) if language == "ja" else day.isoformat()


def describe(deadline: Deadline, today: dt.date, language: str) -> str:
    """e.g. "Final report: 2023-08-04 (12 days left)" / "… (3 days overdue)" / "… filed (…)"."""
    if deadline.filed_on is not None:
        filed = QCoreApplication.translate("Deadlines", "filed (%1)").replace(
            "%1", date_text(deadline.filed_on, language)
        )
        return _join(deadline_name(deadline), filed)
    days = deadline.days_left(today)
    if days > 0:
        left = QCoreApplication.translate("Deadlines", "%n day(s) left", "", days)
    elif days == 0:
        left = QCoreApplication.translate("Deadlines", "due today")
    else:
        left = QCoreApplication.translate("Deadlines", "%n day(s) overdue", "", -days)
    dated = QCoreApplication.translate("Deadlines", "%1 (%2)", "a due date and the days left")
    return _join(
        deadline_name(deadline),
        dated.replace("%1", date_text(deadline.due, language)).replace("%2", left),
    )


def _join(name: str, text: str) -> str:
    # Japanese punctuation is full-width (速報：2023年6月10日（あと3日）), English half-width.
    pattern = QCoreApplication.translate("Deadlines", "%1: %2", "a deadline's name and its state")
    return pattern.replace("%1", name).replace("%2", text)


def joined(texts: list[str]) -> str:
    """Both deadlines on one line of the status bar."""
    separator = QCoreApplication.translate("Deadlines", "  |  ", "between the two deadlines")
    return separator.join(texts)


def overdue(deadlines: Deadlines, today: dt.date) -> list[Deadline]:
    return [d for d in (deadlines.preliminary, deadlines.final) if d.overdue(today)]
