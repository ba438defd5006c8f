"""File → Send by e-mail…: check what the messages need, then open the send dialog.

The checks are the command line's (``noticedesk mail``): the case may be exported (no roster
errors left), the office profile and the incident are complete, the mail settings can be used
and, for an account with a user, its password is in the credential store. Each missing piece
is said in one sentence, with a button that opens the dialog that fills it in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pdf import PdfConverter, find_converter
from noticedesk.core.mail.delivery import RunResult
from noticedesk.core.mail.job import make_job
from noticedesk.core.mail.plan import plan_mail
from noticedesk.core.mail.settings import mail_password
from noticedesk.core.mail.transport import SmtpTransport
from noticedesk.core.user_error import UserError, error_text
from noticedesk.gui.case.details import CaseDetails
from noticedesk.gui.export.flow import ExportFlow, missing_for_export
from noticedesk.gui.mail.send_dialog import MailSendDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.templates.folder import TemplateFolder


class MailFlow(QObject):
    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        templates: TemplateFolder,
        details: CaseDetails,
        export_flow: ExportFlow,
    ) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.templates = templates
        self.details = details
        self.export_flow = export_flow  # for its "why not now" (the same rule)
        self.dialog: MailSendDialog | None = None
        self.find_converter: Callable[[], PdfConverter | None] = find_converter  # tests: a stand-in

    def start(self) -> None:
        session = self.state.session
        reason = self.export_flow.blocked_reason()
        if reason or session is None:
            self.host.show_message(QMessageBox.Icon.Warning, self.tr("Cannot send yet"), reason)
            return
        try:
            office_missing, incident_missing = missing_for_export(
                session, self.host.model.count_individual() > 0, self.state.language
            )
        except Exception as exc:
            self.host.show_error(self.tr("The office profile could not be read"), exc)
            return
        if office_missing or incident_missing:
            self.export_flow._offer_to_complete(office_missing, incident_missing)
            return
        office, incident = session.office(), session.incident
        assert incident is not None
        try:
            job = make_job(
                office,
                incident,
                default_kinds(incident),  # as the export: with the reply slip the letter mentions
                converter=self.find_converter(),
                templates_dir=self.templates.folder(),
            )
            password = mail_password(job.settings)
        except UserError as exc:
            self._offer_settings(error_text(exc, self.state.language))
            return
        if job.settings.user and password is None:
            self._offer_settings(
                self.tr(
                    "The mail server's password is not stored yet: enter it in the office profile."
                )
            )
            return
        store = session.store
        kinds = default_kinds(incident)
        plan = plan_mail(store.clients(), store.mail_records(), kinds)
        settings = job.settings
        dialog = MailSendDialog(
            plan,
            job,
            store,
            self.state.runner,
            lambda: SmtpTransport(settings, password),
            self.state.language,
            self.host.window(),
            replan=lambda resend: plan_mail(
                store.clients(), store.mail_records(), kinds, resend=resend
            ),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.run_finished.connect(self._recorded)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _offer_settings(self, text: str) -> None:
        self.host.ask(
            QMessageBox.Icon.Warning,
            self.tr("The mail settings are not complete"),
            text,
            self.tr("Open the office profile…"),
            self.details.edit_office,
        )

    def _recorded(self, result: object) -> None:
        """The table's status columns follow what the case recorded as sent."""
        assert isinstance(result, RunResult)
        for outcome in result.sent:
            for kind in outcome.entry.kinds:
                self.host.model.set_status(outcome.entry.key, kind, "sent")
