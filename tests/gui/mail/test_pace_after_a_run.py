"""The pace can be changed again once a run is over (found on a real display: after a run was
stopped, the pace stayed greyed out, so an office whose provider throttled the run could not
send the rest more slowly)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from tests.helpers.converters import FakeConverter
from tests.helpers.smtp_server import MailServer
from tests.helpers.windows import WindowFactory, prepared_session


def test_the_pace_is_free_again_after_a_run_that_left_clients_to_send(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    # One client refused: it stays to be sent, after the office has looked into it.
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
        assert dialog is not None
        dialog.pace.setValue(600)
        dialog.send_button.click()
        assert not dialog.running and dialog.run_result is not None
    assert [o.entry.client.code for o in dialog.run_result.failed] == ["C0002"]
    assert dialog.send_button.isEnabled()  # someone is left to send
    assert dialog.pace.isEnabled()
    dialog.pace.setValue(5)
    assert dialog.pace.value() == 5
