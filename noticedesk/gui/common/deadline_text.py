"""How a regulator deadline reads in the window: its date and the days left, or how late it is,
and the rule that gave the date (its *basis*).

A filed report reads as filed, with its filing date ("速報：報告済（2023年6月9日）"): once filed the
countdown no longer matters to staff. A deadline the office set itself says so in the short text
("確報：2023年8月10日（事務所が設定・残り12日）"); the rule's own date is in its basis sentence,
which the core writes (``Deadline.basis``) so the window and the letters word it alike. The
window writes dates 2023年8月3日 in Japanese and 2023-08-03 in English, whatever date style the
office chose for its letters.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from noticedesk.core.dates import seireki
from noticedesk.core.deadlines import Deadline, Deadlines
from noticedesk.gui.common.form_parts import ERROR_STYLE, HINT_STYLE


def deadline_name(deadline: Deadline) -> str:
    if deadline.kind == "preliminary":
        return QCoreApplication.translate("Deadlines", "Preliminary report")
    return QCoreApplication.translate("Deadlines", "Final report")


def date_text(day: dt.date, language: str) -> str:
    return seireki(day) if language == "ja" else day.isoformat()


def describe(deadline: Deadline, today: dt.date, language: str) -> str:
    """e.g. "Final report: 2023-08-03 (12 days left)" / "… (3 days overdue)" / "… filed (…)",
    or "… (set by the office; 12 days left)" for a date the office set."""
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
    if deadline.override is not None:
        dated = QCoreApplication.translate(
            "Deadlines",
            "%1 (set by the office; %2)",
            "a due date the office set itself, and the days left",
        )
    else:
        dated = QCoreApplication.translate("Deadlines", "%1 (%2)", "a due date and the days left")
    return _join(
        deadline_name(deadline),
        dated.replace("%1", date_text(deadline.due, language)).replace("%2", left),
    )


def basis(deadline: Deadline, language: str) -> str:
    """The rule used for ``deadline``, as a sentence in ``language`` (the core's wording)."""
    return deadline.basis(lambda day: date_text(day, language), language)


def basis_lines(deadlines: Deadlines, language: str) -> str:
    """Both deadlines' rules, one line each, named: the status bar's tooltip."""
    return "\n".join(
        _join(deadline_name(d), basis(d, language))
        for d in (deadlines.preliminary, deadlines.final)
    )


def _join(name: str, text: str) -> str:
    # Japanese punctuation is full-width (速報：2023年6月9日（残り3日）), English half-width.
    pattern = QCoreApplication.translate("Deadlines", "%1: %2", "a deadline's name and its state")
    return pattern.replace("%1", name).replace("%2", text)


def joined(texts: list[str]) -> str:
    """Both deadlines on one line of the status bar."""
    separator = QCoreApplication.translate("Deadlines", "  |  ", "between the two deadlines")
    return separator.join(texts)


def overdue(deadlines: Deadlines, today: dt.date) -> list[Deadline]:
    return [d for d in (deadlines.preliminary, deadlines.final) if d.overdue(today)]


class DeadlineView(QWidget):
    """One deadline as it stands (red when overdue) and, beneath it, the rule that gave it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.status)
        layout.addWidget(self.basis)

    def show_deadline(self, deadline: Deadline, today: dt.date, language: str) -> None:
        self.status.setText(describe(deadline, today, language))
        late = deadline.overdue(today)
        self.status.setStyleSheet(f"{ERROR_STYLE} font-weight: bold;" if late else "")
        self.basis.setText(basis(deadline, language))

    def text(self) -> str:
        return f"{self.status.text()}\n{self.basis.text()}"
