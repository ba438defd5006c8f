"""The office dialog's outgoing mail settings, with "Send a test message".

The values are fields of the office profile (``core.mail.settings``); the password goes only
to the OS credential store (named to staff as ``key_storage_name`` says), when the dialog is saved or a test message is sent, and is never
shown again (an empty field keeps the stored one). Choosing no encryption asks for an explicit
confirmation that the server is on the office's own network, as ``noticedesk office set
smtp_security none --allow-unencrypted`` does.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from noticedesk.core.mail.settings import (
    PLAIN,
    SSL,
    STARTTLS,
    MailSettings,
    MailSettingsError,
    check_field,
    mail_password,
    mail_settings,
    store_password,
)
from noticedesk.core.mail.transport import SmtpTransport
from noticedesk.core.mail.trial import send_trial_message
from noticedesk.core.office import OfficeProfile
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.key_storage_text import key_storage_name
from noticedesk.gui.common.tasks import TaskRunner, ThreadPoolRunner

_YES = ("yes", "true", "1", "on", "はい")  # as ``core.mail.settings`` reads the copy choice


class MailSettingsBox(QGroupBox):
    def __init__(
        self,
        profile: OfficeProfile,
        profile_now: Callable[[], OfficeProfile],
        language: str = "ja",
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Outgoing mail (for sending the documents by e-mail)"))
        self.profile_now = profile_now
        self.language = language
        self.runner: TaskRunner = runner or ThreadPoolRunner()
        self._original = profile  # a value left as it was is saved as it was ("" stays "")
        self.host = QLineEdit(profile.smtp_host, self)
        self.host.setPlaceholderText("smtp.example.jp")
        self.port = QLineEdit(profile.smtp_port, self)
        self.port.setPlaceholderText(self.tr("usual port"))
        self.security = QComboBox(self)
        for value, text in (
            (STARTTLS, self.tr("STARTTLS (port 587)")),
            (SSL, self.tr("SSL/TLS (port 465)")),
            (PLAIN, self.tr("None (a server on the office's own network only)")),
        ):
            self.security.addItem(text, value)
        self.security.setCurrentIndex(
            max(0, self.security.findData(profile.smtp_security or STARTTLS))
        )
        self.plain_ok = QCheckBox(
            self.tr(
                "This server is on the office's own network (the password and documents go unencrypted)"
            ),
            self,
        )
        self.plain_ok.setChecked(profile.smtp_security == PLAIN)
        self.user = QLineEdit(profile.smtp_user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("kept in %1; left empty, the saved one is used").replace(
                "%1", key_storage_name()
            )
        )
        self.from_address = QLineEdit(profile.mail_from, self)
        self.from_address.setPlaceholderText(self.tr("the office's e-mail"))
        self.copy = QCheckBox(self.tr("Send the office a copy (Cc) of each message"), self)
        self.copy.setChecked(profile.mail_cc_office.strip().lower() in _YES)
        self.test_button = QPushButton(self.tr("Send a test message"), self)
        self.test_button.clicked.connect(self.send_test)
        self.test_result = QLabel("", self)
        self.test_result.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Server (SMTP)"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Encryption"), self.security)
        form.addRow("", self.plain_ok)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sender address"), self.from_address)
        form.addRow("", self.copy)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)
        self.security.currentIndexChanged.connect(self._security_changed)
        self._security_changed()

    def _security_changed(self, *_: object) -> None:
        self.plain_ok.setVisible(self.security.currentData() == PLAIN)

    def values(self) -> dict[str, str]:
        """The profile's mail fields as entered (a choice left as shown keeps its stored
        spelling: an unset security shows as STARTTLS, its default, and stays unset)."""
        security = str(self.security.currentData())
        if security == (self._original.smtp_security or STARTTLS):
            security = self._original.smtp_security
        copy = "yes" if self.copy.isChecked() else ""
        if bool(copy) == (self._original.mail_cc_office.strip().lower() in _YES):
            copy = self._original.mail_cc_office
        return {
            "smtp_host": self.host.text().strip(),
            "smtp_port": self.port.text().strip(),
            "smtp_security": security,
            "smtp_user": self.user.text().strip(),
            "mail_from": self.from_address.text().strip(),
            "mail_cc_office": copy,
        }

    def problem(self) -> str:
        """Why these settings may not be saved ("" when they may)."""
        if self.security.currentData() == PLAIN and not self.plain_ok.isChecked():
            return self.tr(
                "Sending without encryption needs the confirmation that the server is on the "
                "office's own network."
            )
        for key, value in self.values().items():
            try:
                check_field(key, value)
            except MailSettingsError as exc:
                return exc.text(self.language)
        return ""

    def save_password(self, settings: MailSettings | None = None) -> None:
        """Keep a typed password in the credential store (SecretStoreUnavailable if none)."""
        typed = self.password.text()
        if not typed:
            return
        settings = settings or mail_settings(self.profile_now())
        if settings.user:
            store_password(settings, typed)
            self.password.clear()

    def send_test(self) -> None:
        """A test message to the office's own address, on the worker."""
        try:
            settings = mail_settings(self.profile_now())
            self.save_password(settings)
            password = mail_password(settings)
        except Exception as exc:
            self.test_result.setText(error_text(exc, self.language))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending a test message…"))

        # The dialog may be saved or cancelled (and deleted) before the server answers, which
        # can take the connection's whole timeout: the answer then has nowhere to go.
        def sent(_message_id: object) -> None:
            if not shiboken6.isValid(self):
                return
            self.test_button.setEnabled(True)
            self.test_result.setText(
                self.tr("Sent to %1: check that it arrived.").replace("%1", settings.office_address)
            )

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.test_button.setEnabled(True)
            self.test_result.setText(error_text(exc, self.language))

        self.runner.run(
            lambda: send_trial_message(settings, SmtpTransport(settings, password)), sent, failed
        )
