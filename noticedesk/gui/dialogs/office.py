"""Editing the office's own details (事務所情報), printed on every document.

The dialog checks what the documents need before it closes, with the one rule every face uses,
``OfficeProfile.problems()``: the window, the export and the command line refuse the same
profile for the same reasons (a 法人番号 whose check digit is wrong, a required field left
blank). Each problem is shown in the interface language and the cursor goes to the first field
at fault. It does not save; the window saves the ``profile()`` it returns through the office
store, so the dialog is testable on its own.

Decisions:
- **The kind of office** is a choice, not free text: 名前から判断 (the core reads 「…法人」 in the
  name), 社会保険労務士法人 or 個人事務所. It decides 当法人／当事務所 in the letters.
- **The date style** is shown with an example (2023年7月28日 / 令和5年7月28日), which says
  more than the words 西暦 and 和暦.
- A value read from an office file that is neither (a typo in TOML) is kept as an extra entry
  of its combo box, so the core's problem names it and staff choose a right one; it is never
  silently replaced.
- Messages are in the language the dialog's own labels are in: given by the caller, else the
  installed translation's (a window without its Japanese catalogue speaks English throughout).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core import dates, phone_numbers
from noticedesk.core.office import (
    CORPORATION,
    FIELD_ORDER,
    INDIVIDUAL,
    REQUIRED_KEYS,
    SEIREKI,
    WAREKI,
    OfficeProfile,
)
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.dialogs.office_mail import MailSettingsBox

CHOICE_KEYS = ("kind", "date_style")  # combo boxes; every other field is a line of text
_EXAMPLE_DAY = dt.date(2023, 7, 28)


def form_labels() -> dict[str, str]:
    """The form's labels in the order of the form, each with a keyboard accelerator."""
    labels = {
        "name": QCoreApplication.translate("OfficeDialog", "Office &name"),
        "kind": QCoreApplication.translate("OfficeDialog", "&Kind of office"),
        "corporate_number": QCoreApplication.translate("OfficeDialog", "&Corporate number"),
        "registration_number": QCoreApplication.translate(
            "OfficeDialog", "Representative's re&gistration number"
        ),
        "representative_title": QCoreApplication.translate(
            "OfficeDialog", "Representative's &title"
        ),
        "representative_name": QCoreApplication.translate("OfficeDialog", "&Representative"),
        "postal_code": QCoreApplication.translate("OfficeDialog", "&Postal code"),
        "address": QCoreApplication.translate("OfficeDialog", "&Address"),
        "phone": QCoreApplication.translate("OfficeDialog", "P&hone"),
        "fax": QCoreApplication.translate("OfficeDialog", "&Fax"),
        "email": QCoreApplication.translate("OfficeDialog", "&E-mail"),
        "contact_person": QCoreApplication.translate("OfficeDialog", "C&ontact person"),
        "website": QCoreApplication.translate("OfficeDialog", "&Website"),
        "date_style": QCoreApplication.translate("OfficeDialog", "&Dates in the documents"),
    }
    # The core's order; a field the form does not know yet is left out rather than breaking the
    # dialog (a test checks that every core field has its row).
    return {key: labels[key] for key in FIELD_ORDER if key in labels}


def choices(key: str) -> list[tuple[str, str]]:
    """(stored value, text shown) for a combo-box field."""
    if key == "kind":
        return [
            ("", QCoreApplication.translate("OfficeDialog", "Read from the name")),
            (
                CORPORATION,
                QCoreApplication.translate("OfficeDialog", "Corporation (社会保険労務士法人)"),
            ),
            (
                INDIVIDUAL,
                QCoreApplication.translate("OfficeDialog", "Individual office (個人事務所)"),
            ),
        ]
    return [
        (
            SEIREKI,
            QCoreApplication.translate("OfficeDialog", "Western calendar: %1").replace(
                "%1", dates.seireki(_EXAMPLE_DAY)
            ),
        ),
        (
            WAREKI,
            QCoreApplication.translate("OfficeDialog", "Japanese era: %1").replace(
                "%1", dates.wareki(_EXAMPLE_DAY)
            ),
        ),
    ]


def ui_language() -> str:
    """The language the dialogs' labels are shown in: Japanese while its catalogue is
    installed, else English (the source strings)."""
    probe = QCoreApplication.translate("OfficeDialog", "Office name")
    return "en" if probe == "Office name" else "ja"


def validate_profile(profile: OfficeProfile, language: str | None = None) -> list[tuple[str, str]]:
    """(field, message) for every problem, in the order of the form: the core's rule, worded in
    the interface language."""
    language = language or ui_language()
    return [(problem.field, problem.text(language)) for problem in profile.problems()]


class OfficeDialog(QDialog):
    def __init__(
        self,
        profile: OfficeProfile,
        parent: QWidget | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office profile"))
        self.setMinimumWidth(520)
        self._original = profile
        self._language = language
        self._fields: dict[str, QLineEdit] = {}
        self._choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key, label in form_labels().items():
            editor: QWidget
            if key in CHOICE_KEYS:
                editor = self._combo(key, str(getattr(profile, key)))
            else:
                edit = QLineEdit(getattr(profile, key), self)
                edit.setObjectName(key)
                self._fields[key] = editor = edit
            form.addRow(f"{label} *" if key in REQUIRED_KEYS else label, editor)  # buddy: editor
        self._fields["corporate_number"].setPlaceholderText(self.tr("13 digits (法人 only)"))
        self._fields["postal_code"].setPlaceholderText("160-0023")
        self.mail = MailSettingsBox(profile, self.profile, language or ui_language(), self)
        self.errors = error_label(self)
        note = QLabel(self.tr("* required for the documents"), self)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mail)
        layout.addWidget(note)
        layout.addWidget(self.errors)
        layout.addStretch(1)  # room left over goes above the buttons, not between the lines
        layout.addWidget(buttons)

    def _combo(self, key: str, value: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(key)
        for stored, text in choices(key):
            combo.addItem(text, stored)
        if combo.findData(value) < 0:
            # Not a value the core knows: keep it visible so the problem names it.
            combo.addItem(value, value)
        combo.setCurrentIndex(combo.findData(value))
        self._choices[key] = combo
        return combo

    def field(self, key: str) -> QLineEdit:
        return self._fields[key]

    def choice(self, key: str) -> QComboBox:
        """The combo box of ``kind`` or ``date_style``."""
        return self._choices[key]

    def profile(self) -> OfficeProfile:
        values = {key: edit.text().strip() for key, edit in self._fields.items()}
        # Digits typed full-width (１２３) are what staff often type in Japanese input mode.
        for key in ("corporate_number", "postal_code", "phone", "fax"):
            values[key] = unicodedata.normalize("NFKC", values[key])
        values["corporate_number"] = values["corporate_number"].replace("-", "").replace(" ", "")
        for key in ("phone", "fax"):
            values[key] = phone_numbers.hyphenated(values[key])
        for key, combo in self._choices.items():
            values[key] = str(combo.currentData())
        return dataclasses.replace(self._original, **values, **self.mail.values())

    def accept(self) -> None:
        problems = validate_profile(self.profile(), self._language)
        if problems:
            self.errors.setText("\n".join(message for _, message in problems))
            self.errors.show()
            key = problems[0][0]
            widget = self._fields.get(key) or self._choices.get(key)
            if widget is not None:
                widget.setFocus()
            return
        mail_problem = self.mail.problem()
        if not mail_problem:
            try:
                self.mail.save_password()
            except Exception as exc:  # no credential store, or a mail value it cannot use
                mail_problem = error_text(exc, self._language or ui_language())
        if mail_problem:
            self.errors.setText(mail_problem)
            self.errors.show()
            return
        self.errors.hide()
        super().accept()
