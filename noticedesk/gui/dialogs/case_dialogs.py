"""The dialogs of the Case menu: a new case, its recovery code, opening a case, the code.

Like the other dialogs they only ask and check; ``case_commands`` does the work. A recovery
code is shown once, in a dialog of its own with a copy button, because it is the only way into
the case on another PC and is kept nowhere else.

Times in the case list read as Windows writes them in Japan (2023/07/28 14:05), whatever the
language; each dialog leaves spare height above its buttons, never between its lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case import CaseSummary
from noticedesk.gui.common.form_parts import dialog_buttons, error_label

TIME_FORMAT = "%Y/%m/%d %H:%M"


class NewCaseDialog(QDialog):
    """The name of a new case, with the warning that names are stored readable."""

    def __init__(self, existing: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self._existing = {name.strip() for name in existing}
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 2023-06 payroll system outage"))
        warning = QLabel(
            self.tr(
                "The case name is stored unencrypted so that the list of cases can be shown "
                "before any key is asked for. Do not use a client's name: name the incident "
                "instead."
            ),
            self,
        )
        warning.setObjectName("nameWarning")
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a5a00;")
        self.errors = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Case &name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.errors)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self, accept_text=self.tr("&Create")))

    def case_name(self) -> str:
        return self.name.text().strip()

    def accept(self) -> None:
        name = self.case_name()
        problem = ""
        if not name:
            problem = self.tr("Please enter a name for the case.")
        elif name in self._existing:
            problem = self.tr("A case with this name already exists.")
        if problem:
            self.errors.setText(problem)
            self.errors.show()
            return
        super().accept()


class RecoveryCodeDialog(QDialog):
    """The recovery code of a new case, shown once."""

    def __init__(self, code: str, case_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery code"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "The case “%1” was created. Write this recovery code on paper now and keep it "
                "in a safe place: it opens the case on another PC, or on this one if its "
                "credential store is lost. It is shown only this once and kept nowhere else."
            ).replace("%1", case_name),
            self,
        )
        intro.setWordWrap(True)
        self.code_field = QLineEdit(code, self)
        self.code_field.setReadOnly(True)
        self.code_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.code_field.setFont(font)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.code_field, 1)
        row.addWidget(self.copy_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("I have written it down")
        )
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code_field.text())
        self.copy_button.setText(self.tr("Copied"))


class OpenCaseDialog(QDialog):
    """The cases in the data folder, the one opened last first."""

    def __init__(
        self, cases: Sequence[CaseSummary], current: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open case"))
        self.resize(620, 360)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Case"), self.tr("Last opened"), self.tr("Protection")])
        protection = {
            "keyring": self.tr("Credential store"),
            "passphrase": self.tr("Passphrase"),
            "ephemeral": self.tr("Temporary key"),
        }
        for summary in cases:
            when = summary.last_opened or summary.created
            name = summary.name
            if name == current:
                name = self.tr("%1 (open now)").replace("%1", summary.name)
            item = QTreeWidgetItem(
                [
                    name,
                    when.strftime(TIME_FORMAT),
                    protection.get(summary.protection, summary.protection),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.name)
            self.list.addTopLevelItem(item)
        # The name takes the room left; the time and protection are always read whole.
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.errors = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.errors)
        layout.addWidget(dialog_buttons(self, accept_text=self.tr("&Open")))

    def select(self, name: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentItem(item)

    def chosen_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        if self.chosen_name() is None:
            self.errors.setText(self.tr("Choose a case."))
            self.errors.show()
            return
        super().accept()


# Tries the code on the named case: "" when it opened, else the sentence to show.
TryCode = Callable[[str, str], str]


class RecoveryOpenDialog(QDialog):
    """A case and its recovery code; stays open with the reason while the code is wrong."""

    def __init__(
        self,
        names: Sequence[str],
        preselected: str | None,
        try_code: TryCode,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open with the recovery code"))
        self.setMinimumWidth(520)
        self._try_code = try_code
        intro = QLabel(
            self.tr(
                "Type the recovery code written down when the case was created (25 letters "
                "and digits; hyphens and spaces do not matter). The case's key is then saved "
                "on this PC, so it opens without the code next time."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.case = QComboBox(self)
        self.case.addItems(list(names))
        if preselected is not None and preselected in names:
            self.case.setCurrentText(preselected)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.errors = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("&Case"), self.case)
        form.addRow(self.tr("&Recovery code"), self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self, accept_text=self.tr("&Open")))
        # The case is usually the right one already: the code is what there is to type.
        self.code.setFocus()

    def accept(self) -> None:
        if not self.code.text().strip():
            problem = self.tr("Please type the recovery code.")
        else:
            problem = self._try_code(self.case.currentText(), self.code.text())
        if problem:
            self.errors.setText(problem)
            self.errors.show()
            self.code.setFocus()
            return
        super().accept()
