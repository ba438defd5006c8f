"""Editing the office's own details (事務所情報), printed on every document.

The dialog checks what the documents need before it closes: the required fields are filled and a
法人番号, when given, has the right check digit. It does not save; the window saves the
``profile()`` it returns through the office store, so the dialog is testable on its own.
"""

from __future__ import annotations

import dataclasses
import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core import corporate_number
from noticedesk.core.office import REQUIRED, OfficeProfile

_REQUIRED_KEYS = {key for key, _ in REQUIRED}


def field_labels() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("OfficeDialog", "Office name"),
        "corporate_number": QCoreApplication.translate("OfficeDialog", "Corporate number"),
        "registration_number": QCoreApplication.translate("OfficeDialog", "Registration number"),
        "representative_title": QCoreApplication.translate(
            "OfficeDialog", "Representative's title"
        ),
        "representative_name": QCoreApplication.translate("OfficeDialog", "Representative"),
        "postal_code": QCoreApplication.translate("OfficeDialog", "Postal code"),
        "address": QCoreApplication.translate("OfficeDialog", "Address"),
        "phone": QCoreApplication.translate("OfficeDialog", "Phone"),
        "fax": QCoreApplication.translate("OfficeDialog", "Fax"),
        "email": QCoreApplication.translate("OfficeDialog", "E-mail"),
        "contact_person": QCoreApplication.translate("OfficeDialog", "Contact person"),
        "website": QCoreApplication.translate("OfficeDialog", "Website"),
    }


def form_labels() -> dict[str, str]:
    """The form's labels: the field names with a keyboard accelerator (Alt+letter)."""
    return {
        "name": QCoreApplication.translate("OfficeDialog", "Office &name"),
        "corporate_number": QCoreApplication.translate("OfficeDialog", "&Corporate number"),
        "registration_number": QCoreApplication.translate("OfficeDialog", "Re&gistration number"),
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
    }


def validate_profile(profile: OfficeProfile) -> list[tuple[str, str]]:
    """(field, message) for every problem, in the order of the form."""
    labels = field_labels()
    problems: list[tuple[str, str]] = []
    for field in labels:
        if field in _REQUIRED_KEYS and not getattr(profile, field).strip():
            problems.append(
                (
                    field,
                    QCoreApplication.translate("OfficeDialog", "%1 is required.").replace(
                        "%1", labels[field]
                    ),
                )
            )
        if (
            field == "corporate_number"
            and profile.corporate_number
            and not corporate_number.is_valid(profile.corporate_number)
        ):
            problems.append(
                (
                    field,
                    QCoreApplication.translate(
                        "OfficeDialog",
                        "The corporate number must be 13 digits with a correct check digit.",
                    ),
                )
            )
    return problems


class OfficeDialog(QDialog):
    def __init__(self, profile: OfficeProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office profile"))
        self.setMinimumWidth(520)
        self._original = profile
        self._fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in form_labels().items():
            edit = QLineEdit(getattr(profile, key), self)
            edit.setObjectName(key)
            self._fields[key] = edit
            form.addRow(f"{label} *" if key in _REQUIRED_KEYS else label, edit)  # buddy: edit
        self._fields["corporate_number"].setPlaceholderText("1234567890123")
        self._fields["postal_code"].setPlaceholderText("160-0023")
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        note = QLabel(self.tr("* required for the documents"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors)
        layout.addStretch(1)  # room left over goes above the buttons, not between the lines
        layout.addWidget(buttons)

    def field(self, key: str) -> QLineEdit:
        return self._fields[key]

    def profile(self) -> OfficeProfile:
        values = {key: edit.text().strip() for key, edit in self._fields.items()}
        # Digits typed full-width (１２３) are what staff often type in Japanese input mode.
        for key in ("corporate_number", "postal_code", "phone", "fax"):
            values[key] = unicodedata.normalize("NFKC", values[key])
        values["corporate_number"] = values["corporate_number"].replace("-", "").replace(" ", "")
        return dataclasses.replace(self._original, **values)

    def accept(self) -> None:
        problems = validate_profile(self.profile())
        if problems:
            self.errors.setText("\n".join(message for _, message in problems))
            self.errors.show()
            self._fields[problems[0][0]].setFocus()
            return
        self.errors.hide()
        super().accept()
