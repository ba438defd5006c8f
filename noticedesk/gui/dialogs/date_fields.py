"""Date inputs for the incident: a date that may be unset, and a date that may be unknown.

Decisions:
- **Unset is a tick, not an empty date.** QDateEdit cannot be empty, so a date that may be
  missing (a report not filed yet, a deadline the rule sets, the first notice not sent) is a
  checkbox and a date; the date is used only while the box is ticked, and is greyed out
  otherwise. While unticked the date still shows a useful starting point (``set_default``: today
  for a filing, the computed deadline for an override), so ticking needs no more typing when
  that day is right.
- **Unknown is the opposite tick.** 発生日 may be unknown (it then prints 不明（調査中）): its box
  says "unknown", and ticking it greys the date out.
- Dates are written yyyy/MM/dd in either language, the way Japanese forms write them, and keep
  a date's width rather than stretching across the dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

DATE_FORMAT = "yyyy/MM/dd"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def date_row(edit: QWidget, *more: QWidget) -> QWidget:
    """``edit`` (and ``more`` beside it) at their own width, not stretched across the dialog."""
    row = QWidget(edit.parentWidget())
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in (edit, *more):
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


class OptionalDateEdit(QWidget):
    """A checkbox and a date: the date counts only while the box is ticked."""

    changed = Signal()  # ticked, unticked, or the date changed

    def __init__(self, text: str, day: dt.date | None, default: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.checkbox = QCheckBox(text, self)
        self.date = date_edit(day or default, self)
        self.checkbox.setChecked(day is not None)
        self.date.setEnabled(day is not None)
        self.checkbox.toggled.connect(self.date.setEnabled)
        self.checkbox.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.date)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return pydate(self.date.date()) if self.checkbox.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        # Ticked first: an unticked date may be reset to its default by a listener.
        self.checkbox.setChecked(day is not None)
        if day is not None:
            self.date.setDate(qdate(day))

    def set_default(self, day: dt.date) -> None:
        """The date shown while unticked (no signal: the value is still None)."""
        if not self.checkbox.isChecked() and self.date.date() != qdate(day):
            blocked = self.date.blockSignals(True)
            self.date.setDate(qdate(day))
            self.date.blockSignals(blocked)

    def focus_target(self) -> QWidget:
        """Where the cursor goes when this date is at fault: the date if in use, else the box."""
        return self.date if self.checkbox.isChecked() else self.checkbox


class UnknownDateEdit(QWidget):
    """A date and an "unknown" box beside it; ticked, the value is None."""

    changed = Signal()

    def __init__(self, text: str, day: dt.date | None, default: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.date = date_edit(day or default, self)
        self.unknown = QCheckBox(text, self)
        self.unknown.setChecked(day is None)
        self.date.setEnabled(day is not None)
        self.unknown.toggled.connect(lambda unknown: self.date.setEnabled(not unknown))
        self.unknown.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date)
        layout.addWidget(self.unknown)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return None if self.unknown.isChecked() else pydate(self.date.date())

    def set_value(self, day: dt.date | None) -> None:
        if day is not None:
            self.date.setDate(qdate(day))
        self.unknown.setChecked(day is None)

    def focus_target(self) -> QWidget:
        return self.unknown if self.unknown.isChecked() else self.date
