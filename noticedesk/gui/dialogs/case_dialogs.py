"""The dialogs of the Case menu: a new case, its recovery code, opening a case, the code.

Like the other dialogs they only ask and check; ``case_commands`` does the work. A recovery
code is shown once, in a dialog of its own with a copy button, because it is the only way into
the case on another PC and is kept nowhere else.

A new case asks for its name (empty, with an example: an incident, never a client) and how it
is protected, in the system's own words (``common.key_storage_text``): the key kept on this
computer, or a passphrase typed twice here. ``ProtectionChoice`` is that choice as one widget,
for any dialog that makes a case.

Times in the case list read as Windows writes them in Japan (2023/07/28 14:05), whatever the
language; each dialog leaves spare height above its buttons, never between its lines.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case import CaseSummary
from noticedesk.gui.common.form_parts import dialog_buttons, error_label, hint
from noticedesk.gui.common.key_storage_text import (
    keep_on_this_computer_hint,
    keep_on_this_computer_text,
    passphrase_hint,
    passphrase_text,
    protection_name,
)
from noticedesk.gui.dialogs.passphrase import MIN_LENGTH

TIME_FORMAT = "%Y/%m/%d %H:%M"

KEEP_ON_THIS_COMPUTER, PASSPHRASE = "keyring", "passphrase"  # as ``CaseSummary.protection``


class ProtectionChoice(QGroupBox):
    """How a new case is protected: its key kept on this computer (the default), or a
    passphrase, typed twice here. ``problem()`` says what is still wrong ("" when nothing)."""

    def __init__(self, parent: QWidget | None = None, *, platform: str | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How the case is protected"))
        self.keep_button = QRadioButton(keep_on_this_computer_text(platform), self)
        self.keep_button.setObjectName(KEEP_ON_THIS_COMPUTER)
        self.keep_button.setChecked(True)
        self.passphrase_button = QRadioButton(passphrase_text(), self)
        self.passphrase_button.setObjectName(PASSPHRASE)
        self.buttons = QButtonGroup(self)
        self.buttons.addButton(self.keep_button)
        self.buttons.addButton(self.passphrase_button)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(
            self.tr("At least %1 characters").replace("%1", str(MIN_LENGTH))
        )
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        fields = QFormLayout()
        fields.setContentsMargins(24, 0, 0, 0)  # under its option
        fields.addRow(self.tr("&Passphrase"), self.passphrase)
        fields.addRow(self.tr("A&gain"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keep_button)
        layout.addWidget(_indented(hint(keep_on_this_computer_hint(), self)))
        layout.addWidget(self.passphrase_button)
        layout.addWidget(_indented(hint(passphrase_hint(), self)))
        layout.addLayout(fields)
        self.passphrase_button.toggled.connect(self._follow)
        self._follow(False)

    def _follow(self, passphrase: bool) -> None:
        self.passphrase.setEnabled(passphrase)
        self.confirm.setEnabled(passphrase)
        if passphrase:
            self.passphrase.setFocus()

    def protection(self) -> str:
        """``KEEP_ON_THIS_COMPUTER`` or ``PASSPHRASE``."""
        return PASSPHRASE if self.passphrase_button.isChecked() else KEEP_ON_THIS_COMPUTER

    def value(self) -> str:
        """The passphrase typed ("" when the key is kept on this computer)."""
        return self.passphrase.text() if self.protection() == PASSPHRASE else ""

    def problem(self) -> str:
        if self.protection() != PASSPHRASE:
            return ""
        if len(self.passphrase.text()) < MIN_LENGTH:
            return self.tr("The passphrase must have at least %1 characters.").replace(
                "%1", str(MIN_LENGTH)
            )
        if self.passphrase.text() != self.confirm.text():
            return self.tr("The two passphrases differ.")
        return ""


def _indented(widget: QWidget) -> QWidget:
    widget.setContentsMargins(24, 0, 0, 0)
    return widget


class NewCaseDialog(QDialog):
    """The name of a new case (with the warning that names are stored readable) and how it is
    protected."""

    def __init__(
        self, existing: Sequence[str], parent: QWidget | None = None, *, platform: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self._existing = {name.strip() for name in existing}
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. July 2023 system outage"))
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
        self.protection = ProtectionChoice(self, platform=platform)
        self.errors = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Case &name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.protection)
        layout.addWidget(self.errors)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self, accept_text=self.tr("&Create")))

    def case_name(self) -> str:
        return self.name.text().strip()

    def accept(self) -> None:
        problem = new_case_problem(self.case_name(), self._existing, self.protection)
        if problem:
            self.errors.setText(problem)
            self.errors.show()
            return
        super().accept()


def new_case_problem(name: str, existing: Collection[str], protection: ProtectionChoice) -> str:
    """What stops a new case from being made with this name and protection ("" when nothing):
    every dialog that makes a case asks this."""
    if not name:
        return QCoreApplication.translate("NewCaseDialog", "Please enter a name for the case.")
    if name in existing:
        return QCoreApplication.translate("NewCaseDialog", "A case with this name already exists.")
    return protection.problem()


class RecoveryCodeDialog(QDialog):
    """The recovery code of a new case, shown once."""

    def __init__(self, code: str, case_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery code"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "The case “%1” was created. Write this recovery code on paper now and keep it "
                "in a safe place: it opens the case on another PC, or on this one if the key "
                "kept here is lost. It is shown only this once and kept nowhere else."
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
        for summary in cases:
            when = summary.last_opened or summary.created
            name = summary.name
            if name == current:
                name = self.tr("%1 (open now)").replace("%1", summary.name)
            item = QTreeWidgetItem(
                [
                    name,
                    when.strftime(TIME_FORMAT),
                    protection_name(summary.protection),
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
