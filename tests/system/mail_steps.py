"""The mail day (``mail``): the documents sent by e-mail to every client with an address.

A fresh data folder: a new case, the office's client list opened, the incident's facts from the
sample. Then, as an office meets e-mail the first time: the outgoing mail settings typed into
the office dialog key by key (server, port, encryption, user, password, sender) and the test
message sent, the dialog cancelled before the server answers (the server holds that answer);
the same again with the test message's answer awaited, and the dialog saved. File → Send by
e-mail: a message asked for and the dialog closed before it is made; opened again, one
client's message read as it will be sent (its PDFs made by LibreOffice on a worker), the pace
raised, the run started and stopped once a message has gone, then started again for the rest
with the event loop held up meanwhile (progress reports and the run's end then arrive
together), the end summary read, the dialog closed; opened again, it offers nothing to send.

The SMTP server is the test process's own (``tests.helpers.smtp_server``: STARTTLS and AUTH,
its certificate trusted through ``SSL_CERT_FILE``); its port is in ``WORK/mail-server.json``.
What it received is checked there, after the day.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from noticedesk.core.bundled import sample_dir
from noticedesk.core.incident import load_incident
from noticedesk.core.mail.settings import PLAIN, STARTTLS, mail_password, mail_settings
from noticedesk.core.office_store import load_office_profile
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.dialogs.office_mail import MailSettingsBox
from noticedesk.gui.mail.plan_model import NAME
from noticedesk.gui.mail.send_dialog import MailSendDialog
from tests.system.driving import (
    Step,
    StepFailed,
    Wait,
    click,
    focused,
    gone,
    hold_event_loop,
    key,
    opened,
    shown,
    type_keys,
)

if TYPE_CHECKING:
    from tests.system.day_steps import WorkingDay

MAIL_USER = "sakuradai"
MAIL_PASSWORD = "Tr0ub4dor-3"
MAIL_FROM = "notice@sakuradai-sr.example.jp"  # the office's own e-mail gets the test message
PER_MINUTE = 600  # the dialog's highest pace: the local server throttles nobody


def server_port(day: WorkingDay) -> int:
    return int(json.loads((day.work / "mail-server.json").read_text("utf-8"))["port"])


class MailDay:
    def __init__(self, day: WorkingDay) -> None:
        self.day = day

    def steps(self) -> list[tuple[str, Callable[[], Step]]]:
        day = self.day
        return [
            ("start", day.start),
            ("new-case", day.new_case),
            ("open-roster", day.open_roster),
            ("incident", self.incident),
            ("cancel-test-message", self.cancel_test_message),
            ("mail-settings", self.mail_settings),
            ("close-while-reading", self.close_while_reading),
            ("send-by-mail", self.send_by_mail),
            ("nothing-twice", self.nothing_twice),
            ("quit", day.quit),
        ]

    def incident(self) -> Step:
        """The incident's facts: entered through their dialog on the first day's case; here
        they come from the sample, so the messages have what they need."""
        session = self.day.window.state.session
        if session is None:
            raise StepFailed("no case is open")
        session.set_incident(load_incident(sample_dir() / "incident.toml"))
        self.day.expected["case"] = session.name
        yield Wait("the incident is saved", lambda: session.incident is not None)

    # -- the office dialog's mail settings -----------------------------------------------
    def open_office_dialog(self) -> Step:
        day = self.day
        window = day.window
        details = window.case_details
        yield from day.choose(window.menus.case_menu, window.menus.office_action)
        yield shown(lambda: details.office_dialog, "the office profile")
        dialog = details.office_dialog
        assert dialog is not None
        yield from opened(dialog)

    def office_dialog(self) -> OfficeDialog:
        dialog = self.day.window.case_details.office_dialog
        if dialog is None:
            raise StepFailed("the office profile is not open")
        return dialog

    def cancel_test_message(self) -> Step:
        """The test message sent, the dialog cancelled before the server answers (the test's
        server holds its answer to the first message): the answer comes to a dialog that is
        gone."""
        yield from self.open_office_dialog()
        dialog = self.office_dialog()
        yield from self.fill_settings(dialog.mail)
        yield from click(dialog.mail.test_button)
        yield Wait(
            "the test message is on its way", lambda: not dialog.mail.test_button.isEnabled()
        )
        yield from key("Escape")
        yield gone(dialog, "the office profile")
        pool = QThreadPool.globalInstance()
        yield Wait("the server has answered", lambda: pool.activeThreadCount() == 0, timeout=60)
        ticks = iter(range(5))  # a few turns of the event loop: the answer is delivered
        yield Wait("the answer is delivered", lambda: next(ticks, None) is None)
        profile = load_office_profile(self.day.data_dir)
        if profile is not None and profile.smtp_host:
            raise StepFailed("the cancelled dialog saved the mail settings")

    def fill_settings(self, box: MailSettingsBox) -> Step:
        for field, text in (
            (box.host, "127.0.0.1"),
            (box.port, str(server_port(self.day))),
            (box.user, MAIL_USER),
            (box.password, MAIL_PASSWORD),
            (box.from_address, MAIL_FROM),
        ):
            yield from self.type_into(field, text)
        # No encryption first: the confirmation appears; then STARTTLS, the server's own.
        yield from self.choose_security(box.security, PLAIN)
        yield Wait("the own-network confirmation is shown", box.plain_ok.isVisible)
        yield from self.choose_security(box.security, STARTTLS)
        yield Wait("the own-network confirmation is hidden", lambda: not box.plain_ok.isVisible())

    def mail_settings(self) -> Step:
        day = self.day
        port = server_port(day)
        yield from self.open_office_dialog()
        dialog = self.office_dialog()
        box = dialog.mail
        yield from self.fill_settings(box)
        office = dialog.profile()
        wanted = QCoreApplication.translate("MailSettingsBox", "Sent to %1: check that it arrived.")
        wanted = wanted.replace("%1", mail_settings(office).office_address)
        yield from click(box.test_button)
        yield Wait(
            "the test message went out",
            lambda: box.test_button.isEnabled() and box.test_result.text() != "",
            timeout=60,
        )
        if box.test_result.text() != wanted:
            raise StepFailed(f"the test message says: {box.test_result.text()!r}")
        if box.password.text():
            raise StepFailed("the password is still in its field after the test message")
        yield from day.shot("test-message-sent")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        yield from click(buttons.button(QDialogButtonBox.StandardButton.Save))
        yield gone(dialog, "the office profile")

        def saved() -> bool:
            profile = load_office_profile(day.data_dir)
            return profile is not None and profile.smtp_port == str(port)

        yield Wait("the mail settings are saved", saved)
        settings = mail_settings(load_office_profile(day.data_dir))  # type: ignore[arg-type]
        if (settings.host, settings.security, settings.user, settings.sender) != (
            "127.0.0.1",
            STARTTLS,
            MAIL_USER,
            MAIL_FROM,
        ):
            raise StepFailed(f"the settings saved are {settings}")
        if mail_password(settings) != MAIL_PASSWORD:
            raise StepFailed("the password is not in the credential store")

    def type_into(self, field: QLineEdit, text: str) -> Step:
        """Click into an empty field and type ``text`` key by key."""
        yield from click(field)
        yield focused(field)
        yield from key("ctrl+a", "BackSpace")
        yield from type_keys(text)
        yield Wait(f"the field shows {text!r}", lambda: field.text() == text)

    def choose_security(self, combo: QComboBox, value: str) -> Step:
        yield from click(combo)
        yield shown(combo.view, "the list of encryptions")
        steps = combo.findData(value) - combo.currentIndex()
        yield from key(*(["Down"] * steps if steps > 0 else ["Up"] * -steps), "Return")
        yield Wait(f"{value} is chosen", lambda: combo.currentData() == value)
        yield gone(combo.view(), "the list of encryptions")

    # -- File → Send by e-mail -------------------------------------------------------------
    def open_send_dialog(self) -> Step:
        day = self.day
        window = day.window
        flow = window.mail_flow
        yield from day.choose(window.menus.file_menu, window.menus.mail_action)
        yield shown(lambda: flow.dialog, "the send dialog", timeout=30)
        dialog = flow.dialog
        assert isinstance(dialog, MailSendDialog)
        yield from opened(dialog)

    def send_dialog(self) -> MailSendDialog:
        dialog = self.day.window.mail_flow.dialog
        if dialog is None:
            raise StepFailed("the send dialog is not open")
        return dialog

    def close_while_reading(self) -> Step:
        """A message asked for and the dialog closed before it is made (its PDFs take a
        LibreOffice start): the message arrives for a dialog that is gone."""
        yield from self.open_send_dialog()
        dialog = self.send_dialog()
        row = dialog.plan.entries.index(dialog.plan.to_send[1])  # on screen, not yet read
        yield from click(
            dialog.table.viewport(), dialog.table.visualRect(dialog.model.index(row, NAME))
        )
        preparing = QCoreApplication.translate("MailSendDialog", "Preparing the message…")
        yield Wait("the message is being made", lambda: dialog.message.toPlainText() == preparing)
        yield from key("Escape")
        yield gone(dialog, "the send dialog")
        pool = QThreadPool.globalInstance()
        yield Wait("the message is made", lambda: pool.activeThreadCount() == 0, timeout=60)
        ticks = iter(range(5))  # a few turns of the event loop: the answer is delivered
        yield Wait("the answer is delivered", lambda: next(ticks, None) is None)

    def send_by_mail(self) -> Step:
        """One dialog from opening to closing (no window is left open between steps)."""
        yield from self.open_send_dialog()
        yield from self.read_a_message()
        yield from self.stop_after_the_first()
        yield from self.send_to_all()

    def read_a_message(self) -> Step:
        dialog = self.send_dialog()
        plan = dialog.plan
        if not plan.to_send or not plan.not_sent:
            raise StepFailed(
                f"{len(plan.to_send)} to send, {len(plan.not_sent)} not: the sample list has both"
            )
        if dialog.job.maker.file_format != "pdf":
            raise StepFailed("no PDF converter found: the documents would go as Word files")
        entry = plan.to_send[0]
        row = plan.entries.index(entry)
        yield from click(
            dialog.table.viewport(), dialog.table.visualRect(dialog.model.index(row, NAME))
        )
        names = dialog.job.maker.names(entry.client, entry.kinds)
        wanted = [f"To: {', '.join(entry.to)}", "Subject: ", *names]

        def composed() -> bool:
            text = dialog.message.toPlainText()
            return all(part in text for part in wanted)

        yield Wait(f"the message to {entry.client.name} is shown", composed, timeout=60)
        yield from self.day.shot("message-read")
        self.day.expected["mail"] = {
            e.key: {"to": list(e.to), "attachments": dialog.job.maker.names(e.client, e.kinds)}
            for e in plan.to_send
        }
        self.day.expected["not_mailed"] = len(plan.not_sent)

    def stop_after_the_first(self) -> Step:
        """The pace raised, the run started and stopped once a message has gone: the message
        being sent is finished, the rest stay to be sent."""
        dialog = self.send_dialog()
        total = len(dialog.plan.to_send)
        yield from click(dialog.pace)
        yield focused(dialog.pace)
        yield from key("ctrl+a", "BackSpace")
        yield from type_keys(str(PER_MINUTE))
        yield Wait(f"{PER_MINUTE} a minute is set", lambda: dialog.pace.value() == PER_MINUTE)
        yield from click(dialog.send_button)
        yield Wait("the run has started", lambda: dialog.running, timeout=20)
        yield Wait("a message has gone", lambda: dialog.progress.value() >= 1, timeout=60)
        yield from click(dialog.stop_button)
        yield Wait(
            "the run has stopped",
            lambda: not dialog.running and dialog.run_result is not None,
            timeout=30,
        )
        result = dialog.run_result
        assert result is not None
        if not result.cancelled or not 1 <= len(result.sent) < total or result.failed:
            raise StepFailed(f"the stopped run says: {dialog.status.text()!r}")
        if not dialog.pace.isEnabled() or not dialog.send_button.isEnabled():
            raise StepFailed("after the stop, the pace or the send button is greyed out")
        if len(dialog.plan.to_send) != total - len(result.sent):
            raise StepFailed(
                f"{len(dialog.plan.to_send)} left to send after {len(result.sent)} of {total}"
            )
        yield from self.day.shot("mail-stopped")
        self.day.expected["stopped_after"] = len(result.sent)

    def send_to_all(self) -> Step:
        dialog = self.send_dialog()
        total = len(dialog.plan.to_send)
        if not dialog.send_button.isEnabled():
            raise StepFailed("the send button is greyed out")
        yield from click(dialog.send_button)
        yield Wait("the run has started", lambda: dialog.running, timeout=20)
        # The window held up while the worker sends (a slow repaint, a loaded office PC): the
        # worker's progress reports and the run's end arrive together, as in the export.
        pool = QThreadPool.globalInstance()
        hold_event_loop(lambda: pool.activeThreadCount() == 0, 120)
        yield Wait(
            "the run has ended and says so",
            lambda: not dialog.running and dialog.run_result is not None,
            timeout=30,
        )
        result = dialog.run_result
        assert result is not None
        if (len(result.sent), len(result.failed), len(result.uncertain)) != (total, 0, 0):
            raise StepFailed(f"the run ended: {dialog.status.text()!r}")
        if result.stopped is not None or result.cancelled:
            raise StepFailed(f"the run stopped: {dialog.status.text()!r}")
        if str(total) not in dialog.status.text():
            raise StepFailed(f"the summary says: {dialog.status.text()!r}")
        if dialog.progress.value() != dialog.progress.maximum():
            raise StepFailed(
                f"the progress stopped at {dialog.progress.value()} of {dialog.progress.maximum()}"
            )
        if dialog.send_button.isEnabled() or dialog.failures.isVisible():
            raise StepFailed("after sending everything the dialog still offers to send")
        if not dialog.close_button.isEnabled() or dialog.stop_button.isVisible():
            raise StepFailed("the dialog cannot be closed after the run")
        yield from self.day.shot("mail-sent")
        yield from click(dialog.close_button)
        yield gone(dialog, "the send dialog")
        window = self.day.window
        wanted = set(self.day.expected["mail"])  # type: ignore[arg-type]
        unsent = [
            row.key
            for row in window.model.rows()
            if row.key in wanted and "sent" not in row.statuses.values()
        ]
        if unsent:
            raise StepFailed(f"the table does not show these as sent: {unsent[:5]}")

    def nothing_twice(self) -> Step:
        yield from self.open_send_dialog()
        dialog = self.send_dialog()
        if dialog.plan.to_send or dialog.send_button.isEnabled():
            raise StepFailed(f"{len(dialog.plan.to_send)} messages offered a second time")
        yield from self.day.shot("nothing-to-send")
        yield from key("Escape")
        yield gone(dialog, "the send dialog")
