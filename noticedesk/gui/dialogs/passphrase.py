"""Asking for a passphrase when the OS credential store cannot hold the case key.

One dialog says why (the store's own explanation, in the interface language) and asks for the
passphrase; for a new case it asks twice so a typo does not lock the office out. The passphrase
lives only in memory for this session and is never written anywhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from noticedesk.gui.common.form_parts import dialog_buttons, error_label

MIN_LENGTH = 8


class PassphraseDialog(QDialog):
    def __init__(
        self, explanation: str, *, new: bool, error: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase"))
        self.setMinimumWidth(480)
        self._new = new
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        intro.setVisible(bool(explanation))  # an empty line would only push the form down
        ask = QLabel(
            self.tr("Choose a passphrase for this case (at least %1 characters).").replace(
                "%1", str(MIN_LENGTH)
            )
            if new
            else self.tr("Type the passphrase of the case."),
            self,
        )
        ask.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        if new:
            form.addRow(self.tr("&Again"), self.confirm)
        else:
            self.confirm.hide()
        self.errors = error_label(self, error)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(ask)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.passphrase.text()

    def accept(self) -> None:
        text = self.passphrase.text()
        problem = ""
        if self._new and len(text) < MIN_LENGTH:
            problem = self.tr("The passphrase must have at least %1 characters.").replace(
                "%1", str(MIN_LENGTH)
            )
        elif self._new and text != self.confirm.text():
            problem = self.tr("The two passphrases differ.")
        elif not text:
            problem = self.tr("Please type the passphrase.")
        if problem:
            self.errors.setText(problem)
            self.errors.show()
            return
        super().accept()
