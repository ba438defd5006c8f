"""Editing the incident: the nine report items, the dates and the art. 7 no. 3 flag.

The regulator's deadlines follow the discovery date and the flag as they are edited, with the
days left counted from ``today`` (passed in, so tests fix the date). Each report has an optional
filing date (a "filed on" box and a date): a filed report is shown as filed, not as overdue. A
filing date before the discovery date is refused as a typo. Fields the dialog does not
show (URLs, association notes, contact) are kept as they were. Like the office dialog it only
returns the edited ``incident()``; the window saves it to the case.

Layout decisions: the dialog fits a 1366×768 laptop screen (the nine items scroll); each item's
box is sized in lines of the current font, so it holds the same text at any Windows scaling;
dates keep a date's width; every field has an Alt+key, the items Alt+1 … Alt+9.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QGuiApplication, QTextLayout
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.deadlines import deadlines_for
from noticedesk.core.incident import REPORT_ITEMS, Incident
from noticedesk.gui import deadline_text


def item_labels() -> dict[str, str]:
    return {
        "overview": QCoreApplication.translate("IncidentDialog", "(1) Overview"),
        "data_items": QCoreApplication.translate(
            "IncidentDialog", "(2) Personal data items (separate with 、 or commas)"
        ),
        "people": QCoreApplication.translate("IncidentDialog", "(3) Number of people affected"),
        "cause": QCoreApplication.translate("IncidentDialog", "(4) Cause"),
        "secondary_damage": QCoreApplication.translate(
            "IncidentDialog", "(5) Secondary damage or its risk"
        ),
        "response_to_individuals": QCoreApplication.translate(
            "IncidentDialog", "(6) Steps taken toward the people"
        ),
        "publication": QCoreApplication.translate("IncidentDialog", "(7) Public announcement"),
        "prevention": QCoreApplication.translate(
            "IncidentDialog", "(8) Measures against recurrence"
        ),
        "other": QCoreApplication.translate("IncidentDialog", "(9) Other useful information"),
    }


# Height of each item's box, in lines of text: the long items get more room.
ITEM_LINES = {"overview": 4, "cause": 3, "prevention": 3}
DEFAULT_ITEM_LINES = 2
PREFERRED_SIZE = (760, 760)
SCREEN_MARGIN = 80  # room left for the title bar and the taskbar


def _with_accelerator(label: str) -> str:
    """ "(4) Cause" → "(&4) Cause": Alt+4 goes to the fourth item, in either language."""
    if len(label) > 2 and label[0] == "(" and label[1].isdigit():
        return "(&" + label[1:]
    return label


def blank_incident(today: dt.date) -> Incident:
    return Incident(
        title="",
        vendor="",
        system="",
        discovered_on=today,
        notice_date=today,
        unauthorized_purpose=False,
        items={key: "" for key, _ in REPORT_ITEMS},
    )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FiledDateEdit(QWidget):
    """ "Filed on" as a checkbox and a date; the date is used only while the box is ticked."""

    def __init__(self, filed_on: dt.date | None, today: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.checkbox = QCheckBox(self.tr("Filed on"), self)
        self.date = QDateEdit(_qdate(filed_on or today), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy/MM/dd")
        self.checkbox.setChecked(filed_on is not None)
        self.date.setEnabled(filed_on is not None)
        self.checkbox.toggled.connect(self.date.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.date)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return _pydate(self.date.date()) if self.checkbox.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        if day is not None:
            self.date.setDate(_qdate(day))
        self.checkbox.setChecked(day is not None)


class IncidentDialog(QDialog):
    def __init__(
        self,
        incident: Incident | None,
        today: dt.date,
        language: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incident"))
        self._fit_to_screen(parent)
        self._today = today
        self._language = language
        self._original = incident or blank_incident(today)
        inc = self._original

        self.title = QLineEdit(inc.title, self)
        self.vendor = QLineEdit(inc.vendor, self)
        self.system = QLineEdit(inc.system, self)
        self.discovered_on = QDateEdit(_qdate(inc.discovered_on), self)
        self.notice_date = QDateEdit(_qdate(inc.notice_date), self)
        for edit in (self.discovered_on, self.notice_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy/MM/dd")
        # A short box and the rule beneath it, each on one line: the old single line made the
        # dialog wider than a laptop screen in English, and a wrapped note leaves gaps in a form.
        self.unauthorized = QCheckBox(
            self.tr("May have been done for an &unauthorized purpose (rule art. 7 no. 3)"), self
        )
        self.unauthorized.setChecked(inc.unauthorized_purpose)
        rule = QLabel(
            self.tr(
                "Unauthorized access, ransomware and the like: final report within 60 days, not 30."
            ),
            self,
        )
        rule.setObjectName("ruleNote")
        rule.setStyleSheet("color: #5f5f5f;")
        rule.setContentsMargins(22, 0, 0, 0)  # under the box's text, not under the box
        flag = QVBoxLayout()
        flag.setSpacing(2)
        flag.addWidget(self.unauthorized)
        flag.addWidget(rule)
        self.preliminary_filed = FiledDateEdit(inc.preliminary_filed_on, today, self)
        self.final_filed = FiledDateEdit(inc.final_filed_on, today, self)
        self.deadlines_label = QLabel(self)
        self.deadlines_label.setWordWrap(True)

        facts = QFormLayout()
        facts.addRow(self.tr("&Title"), self.title)
        facts.addRow(self.tr("&Vendor"), self.vendor)
        facts.addRow(self.tr("S&ystem"), self.system)
        facts.addRow(
            self._label(self.tr("&Discovered on"), self.discovered_on),
            _date_row(self.discovered_on),
        )
        facts.addRow(
            self._label(self.tr("Date on the docu&ments"), self.notice_date),
            _date_row(self.notice_date),
        )
        facts.addRow("", flag)
        facts.addRow(
            self._label(self.tr("&Preliminary report (速報)"), self.preliminary_filed.checkbox),
            self.preliminary_filed,
        )
        facts.addRow(
            self._label(self.tr("&Final report (確報)"), self.final_filed.checkbox),
            self.final_filed,
        )
        facts.addRow(self.tr("Deadlines"), self.deadlines_label)

        self.items: dict[str, QPlainTextEdit] = {}
        items_box = QWidget(self)
        items_layout = QVBoxLayout(items_box)
        for key, label in item_labels().items():
            text = QPlainTextEdit(items_box)
            text.setObjectName(key)
            text.setPlainText(inc.items.get(key, ""))
            text.setTabChangesFocus(True)
            text.setFixedHeight(_height_for_lines(text, ITEM_LINES.get(key, DEFAULT_ITEM_LINES)))
            self.items[key] = text
            title = QLabel(_with_accelerator(label), items_box)
            title.setBuddy(text)
            title.setWordWrap(True)
            items_layout.addWidget(title)
            items_layout.addWidget(text)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(items_box)
        group = QGroupBox(self.tr("The nine report items (rule art. 8(1))"), self)
        QVBoxLayout(group).addWidget(scroll)

        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(group, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

        self.discovered_on.dateChanged.connect(self._show_deadlines)
        self.unauthorized.toggled.connect(self._show_deadlines)
        for filed in (self.preliminary_filed, self.final_filed):
            filed.checkbox.toggled.connect(self._show_deadlines)
            filed.date.dateChanged.connect(self._show_deadlines)
        self._show_deadlines()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        width, height = PREFERRED_SIZE
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - SCREEN_MARGIN)
            height = min(height, room.height() - SCREEN_MARGIN)
        self.resize(width, height)

    def _show_deadlines(self) -> None:
        deadlines = deadlines_for(
            _pydate(self.discovered_on.date()),
            self.unauthorized.isChecked(),
            preliminary_filed_on=self.preliminary_filed.value(),
            final_filed_on=self.final_filed.value(),
        )
        lines = [
            deadline_text.describe(d, self._today, self._language)
            for d in (deadlines.preliminary, deadlines.final)
        ]
        late = deadline_text.overdue(deadlines, self._today)
        self.deadlines_label.setText("\n".join(lines))
        self.deadlines_label.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")

    def incident(self) -> Incident:
        items = {key: edit.toPlainText().strip() for key, edit in self.items.items()}
        raw_items = items["data_items"].replace(",", "、").replace("，", "、").replace("\n", "、")
        data_items = tuple(s.strip() for s in raw_items.split("、") if s.strip())
        items["data_items"] = "、".join(data_items)
        return dataclasses.replace(
            self._original,
            title=self.title.text().strip(),
            vendor=self.vendor.text().strip(),
            system=self.system.text().strip(),
            discovered_on=_pydate(self.discovered_on.date()),
            notice_date=_pydate(self.notice_date.date()),
            unauthorized_purpose=self.unauthorized.isChecked(),
            items=items,
            data_items=data_items,
            preliminary_filed_on=self.preliminary_filed.value(),
            final_filed_on=self.final_filed.value(),
        )

    def accept(self) -> None:
        # Every item is required by the rule; a notice missing one is not the notice the law
        # asks for, so the dialog says which are empty instead of saving a half incident.
        missing = [
            label
            for key, label in item_labels().items()
            if not self.items[key].toPlainText().strip()
        ]
        separator = "、" if self._language == "ja" else "; "
        problems = [self.tr("Please fill in: ") + separator.join(missing)] if missing else []
        discovered = _pydate(self.discovered_on.date())
        for name, filed in (
            (self.tr("Preliminary report (速報)"), self.preliminary_filed),
            (self.tr("Final report (確報)"), self.final_filed),
        ):
            day = filed.value()
            if day is not None and day < discovered:
                problems.append(
                    self.tr("%1: the filing date is before the discovery date.").replace("%1", name)
                )
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return
        self.errors.hide()
        super().accept()


def _date_row(edit: QDateEdit) -> QWidget:
    """A date edit at a date's width, not stretched across the dialog."""
    row = QWidget(edit.parentWidget())
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    layout.addStretch(1)
    return row


def _height_for_lines(edit: QPlainTextEdit, lines: int) -> int:
    """The height that shows ``lines`` lines of Japanese text in ``edit``.

    Measured on a Japanese line rather than from the font's metrics: where the interface font
    has no kanji, they come from a fallback font with taller lines.
    """
    layout = QTextLayout("漢字かなAg", edit.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    line_height = max(math.ceil(line.height()), edit.fontMetrics().lineSpacing())
    margins = edit.contentsMargins()  # the frame
    document_margin = math.ceil(edit.document().documentMargin())
    # The margin above and below the text, and one more: with less, QPlainTextEdit counts
    # the last line as cut off and shows a scroll bar.
    return line_height * lines + 3 * document_margin + margins.top() + margins.bottom()
