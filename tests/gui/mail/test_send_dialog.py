"""File → Send by e-mail and the office dialog's mail settings, driven as staff would, against
a real SMTP server started by the test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.mail.settings import mail_settings
from noticedesk.core.secrets import SecretStore
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.mail.plan_model import STATE, TO
from tests.helpers.converters import FakeConverter
from tests.helpers.documents import sample_office
from tests.helpers.smtp_server import MailServer
from tests.helpers.windows import WindowFactory, prepared_session

WITH_ADDRESS = 27


def test_the_send_dialog_shows_the_plan_one_message_and_sends_listing_failures(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    with MailServer(tmp_path, refuse=["soumu02@client02.example.jp"]) as server:
        session = prepared_session(data_dir, sample_dir() / "roster.csv")
        session.save_office(
            dataclasses.replace(
                session.office(),
                smtp_host="127.0.0.1",
                smtp_port=str(server.port),
                smtp_security="none",
            )
        )
        window = make_window(session)
        window.mail_flow.find_converter = FakeConverter
        window.menus.mail_action.trigger()
        dialog = window.mail_flow.dialog
        assert dialog is not None and dialog.isVisible()
        model = dialog.model
        assert model.rowCount() == 40
        assert "27 client(s) will get a message; 13 will not" in dialog.summary.text()
        assert "PDF" in dialog.summary.text()
        states = [model.index(row, STATE).data() for row in range(40)]
        assert states.count("to be sent") == WITH_ADDRESS
        assert states.count("no e-mail address") == 40 - WITH_ADDRESS

        dialog.table.selectRow(0)
        shown = dialog.message.toPlainText()
        assert "Subject: 【ご報告】" in shown and "To: soumu01@client01.example.jp" in shown
        assert "01_送付状_㈱髙橋製作所.pdf" in shown
        dialog.table.selectRow(2)  # C0003 has no address
        assert "No message goes to this client" in dialog.message.toPlainText()
        assert model.index(0, TO).data() == "soumu01@client01.example.jp"

        dialog.pace.setValue(600)
        dialog.send_button.click()
        assert not dialog.running
        assert len(server.received) == WITH_ADDRESS - 1
    assert "C0002" in dialog.failures.toPlainText() and "550" in dialog.failures.toPlainText()
    assert "26 sent, 1 failed" in dialog.status.text()
    assert model.index(0, STATE).data() == "Sent" and model.index(1, STATE).data() == "Failed"
    # Planned again from the case: only the client that failed is left to send.
    assert dialog.send_button.text() == "Send 1 message(s)"
    # The window's status columns follow what the case recorded.
    row = window.model.row_at(0)
    assert row.statuses["cover"] == "sent"
    # Opened again, the dialog sends only to the client that failed.
    dialog.close()
    window.menus.mail_action.trigger()
    again = window.mail_flow.dialog
    assert again is not None and again is not dialog
    assert again.model.index(0, STATE).data().startswith("already sent by e-mail 20")
    assert [e.client.code for e in again.plan.to_send] == ["C0002"]


def test_the_office_dialog_keeps_mail_settings_and_the_password_apart(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with MailServer(tmp_path, tls=True, users={"info": "s3cret"}) as server:
        monkeypatch.setenv("SSL_CERT_FILE", str(server.cafile))
        dialog = OfficeDialog(sample_office(), language="en")
        qtbot.addWidget(dialog)
        box = dialog.mail
        box.runner = ImmediateRunner()
        box.host.setText("127.0.0.1")
        box.port.setText(str(server.port))
        box.security.setCurrentIndex(box.security.findData("none"))
        box.user.setText("info")
        box.password.setText("s3cret")
        dialog.accept()
        assert "own network" in dialog.errors.text()  # no encryption needs the confirmation
        assert not dialog.result()
        box.security.setCurrentIndex(box.security.findData("starttls"))
        box.send_test()
        assert "Sent to info@sakuradai-sr.example.jp" in box.test_result.text()
        assert server.received[-1].recipients == ["info@sakuradai-sr.example.jp"]
        dialog.accept()
    profile = dialog.profile()
    assert (profile.smtp_host, profile.smtp_user) == ("127.0.0.1", "info")
    assert mail_settings(profile).security == "starttls"
    assert "s3cret" not in str(profile.to_mapping())
    assert SecretStore().get(mail_settings(profile).password_name) == "s3cret"


def test_a_client_already_sent_to_gets_it_again_only_when_the_office_confirms(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    with MailServer(tmp_path, drop_after_data=1) as server:
        session = prepared_session(data_dir, sample_dir() / "roster.csv")
        session.save_office(
            dataclasses.replace(
                session.office(),
                smtp_host="127.0.0.1",
                smtp_port=str(server.port),
                smtp_security="none",
            )
        )
        window = make_window(session)
        window.mail_flow.find_converter = FakeConverter
        window.menus.mail_action.trigger()
        dialog = window.mail_flow.dialog
        assert dialog is not None
        dialog.pace.setValue(600)
        dialog.send_button.click()
        assert len(server.received) == WITH_ADDRESS  # the first one arrived, unanswered
        assert "1 with an unknown outcome" in dialog.status.text()
        assert not dialog.send_button.isEnabled()  # nothing left that may be sent unasked

        dialog.table.selectRow(0)  # C0001: outcome unknown
        assert dialog.resend_button.isEnabled() and dialog.confirm_button.isEnabled()
        dialog.resend_button.click()
        question = dialog.question
        assert question is not None and "C0001" in question.text()
        question.button(QMessageBox.StandardButton.Cancel).click()
        assert not dialog.send_button.isEnabled()  # cancelled: still nothing to send

        dialog.table.selectRow(1)  # C0002: sent
        assert dialog.resend_button.isEnabled() and not dialog.confirm_button.isEnabled()
        dialog.resend_button.click()
        assert dialog.question is not None
        dialog.question.buttons()[0].click()  # "Send again"
        assert [e.client.code for e in dialog.plan.to_send] == ["C0002"]
        dialog.send_button.click()
        assert len(server.received) == WITH_ADDRESS + 1

        dialog.table.selectRow(0)
        dialog.confirm_button.click()
        assert dialog.question is not None
        dialog.question.buttons()[0].click()  # "Record as sent"
    assert len(server.received) == WITH_ADDRESS + 1  # recording sent nothing
    assert not dialog.send_button.isEnabled()  # the confirmation was for that run only
    states = {e.client.code: e.reason.value for e in dialog.plan.entries}
    assert states["C0001"] == "already_sent" and states["C0002"] == "already_sent"
