"""Recording one answer for the selected client(s): what they answered, when, how, who took it.

The day defaults to today (the day the fax or call came is usually the day it is typed in;
a fax found on Monday morning is dated as it came), how it came to fax (the slip is a fax
form), and who took it to the OS user, as the log would name them. A client that answered
before shows its answer as the starting point, so a correction changes only what differs.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case.answers import Answer, AnswerChoice, AnswerVia
from noticedesk.core.case.audit import current_user
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.dialogs.date_fields import date_edit, date_row, pydate
from noticedesk.gui.table.answer_words import choice_titles, via_titles


class AnswerDialog(QDialog):
    def __init__(
        self,
        names: list[str],
        today: dt.date,
        start: Answer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``names``: the clients the answer is for (shown, the first few); ``start``: the
        answer to begin from (the client's recorded one)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record answer"))
        self.setMinimumWidth(460)
        shown = "、".join(names[:3])
        if len(names) > 3:
            shown += self.tr(" and %n more", "", len(names) - 3)
        self.clients_label = QLabel(shown, self)
        self.clients_label.setWordWrap(True)

        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[AnswerChoice, QRadioButton] = {}
        choice_box = QVBoxLayout()
        for choice, title in choice_titles().items():
            button = QRadioButton(title, self)
            button.setObjectName(choice.value)
            self.choices.addButton(button)
            self.choice_buttons[choice] = button
            choice_box.addWidget(button)
        if start is not None:
            self.choice_buttons[start.choice].setChecked(True)

        self.day = date_edit(start.day if start else today, self)
        self.via = QComboBox(self)
        for via, title in via_titles().items():
            self.via.addItem(title, via.value)
        self.via.setCurrentIndex(self.via.findData((start.via if start else AnswerVia.FAX).value))
        self.taken_by = QLineEdit(start.taken_by if start else current_user(), self)

        form = QFormLayout()
        form.addRow(self.tr("Client(s)"), self.clients_label)
        form.addRow(self.tr("Answer"), choice_box)
        form.addRow(self.tr("&Received on"), date_row(self.day))
        form.addRow(self.tr("&Came by"), self.via)
        form.addRow(self.tr("&Taken by"), self.taken_by)
        self.errors = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Save))

    def choose(self, choice: AnswerChoice) -> None:
        self.choice_buttons[choice].setChecked(True)

    def answer(self) -> Answer | None:
        """The answer as entered; None while no choice is marked."""
        chosen = [c for c, b in self.choice_buttons.items() if b.isChecked()]
        if not chosen:
            return None
        return Answer(
            chosen[0],
            pydate(self.day.date()),
            AnswerVia(str(self.via.currentData())),
            self.taken_by.text().strip() or current_user(),
        )

    def accept(self) -> None:
        if self.answer() is None:
            self.errors.setText(self.tr("Mark what the client answered."))
            self.errors.show()
            return
        self.errors.hide()
        super().accept()
