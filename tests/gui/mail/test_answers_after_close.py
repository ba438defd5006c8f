"""A mail dialog closed while its worker is busy: the worker's answer arrives for a dialog that
is gone, and must be dropped, not end in the crash dialog (found on a real display: a message
asked for in the send dialog, the dialog closed while LibreOffice made its PDFs)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.dialogs.office import OfficeDialog
from tests.helpers.converters import FakeConverter
from tests.helpers.documents import sample_office
from tests.helpers.smtp_server import MailServer
from tests.helpers.windows import WindowFactory, prepared_session


class HeldRunner:
    """Keeps each task until ``release()``, as a busy worker does."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, func: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        self.jobs.append((func, on_done, on_error))

    def release(self) -> None:
        jobs, self.jobs = self.jobs, []
        for func, on_done, on_error in jobs:
            ImmediateRunner().run(func, on_done, on_error)


def deleted(widget: QWidget) -> bool:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return not shiboken6.isValid(widget)


def test_a_message_made_after_the_send_dialog_closed_is_dropped(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = prepared_session(data_dir, sample_dir() / "roster.csv")
    session.save_office(
        dataclasses.replace(session.office(), smtp_host="127.0.0.1", smtp_security="none")
    )
    held = HeldRunner()
    window = make_window(session, runner=held)
    window.mail_flow.find_converter = FakeConverter
    held.release()  # whatever the window started for itself
    window.menus.mail_action.trigger()
    dialog = window.mail_flow.dialog
    assert dialog is not None
    dialog.table.selectRow(0)
    assert len(held.jobs) == 1  # the message is being made
    dialog.close()
    qtbot.waitUntil(lambda: deleted(dialog))
    assert window.mail_flow.dialog is None
    held.release()  # raised "already deleted" before the fix
    window.menus.mail_action.trigger()  # and the window goes on as before
    again = window.mail_flow.dialog
    assert again is not None and again.isVisible()
    assert again.send_button.isEnabled()


def test_a_test_message_answered_after_the_office_dialog_closed_is_dropped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with MailServer(tmp_path) as server:
        dialog = OfficeDialog(sample_office(), language="en")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box = dialog.mail
        held = HeldRunner()
        box.runner = held
        box.host.setText("127.0.0.1")
        box.port.setText(str(server.port))
        box.security.setCurrentIndex(box.security.findData("none"))
        box.plain_ok.setChecked(True)
        dialog.show()
        box.send_test()
        assert not box.test_button.isEnabled()  # the server has not answered yet
        dialog.reject()  # the office gives up waiting
        qtbot.waitUntil(lambda: deleted(dialog))
        held.release()  # raised "already deleted" before the fix
        assert len(server.received) == 1  # the message went; its answer had nowhere to go
