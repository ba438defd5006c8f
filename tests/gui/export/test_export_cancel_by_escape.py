"""Esc on the export's progress dialog cancels the export, as its Cancel button does.

Found on a real display: the dialog carried two Esc shortcuts (the first Cancel button's and
the one that replaced it), which Qt treats as ambiguous and runs neither, so Esc did nothing
and the export wrote every document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.tasks import ImmediateRunner
from tests.helpers.windows import WindowFactory, prepared_session, status_text, write_roster


class HeldRunner:
    """Keeps the export's task until the test lets it run: the progress dialog stays open."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, func: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        self.tasks.append((func, on_done, on_error))

    def release(self) -> None:
        while self.tasks:
            ImmediateRunner().run(*self.tasks.pop(0))


def test_escape_on_the_progress_dialog_cancels_the_export(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    rows = [
        f"C{i:04d},株式会社顧問先{i:02d},164-0001,東京都中野区中野3丁目5番{i}号,03-6363-97{i:02d},,"
        for i in range(1, 4)
    ]
    roster = write_roster(tmp_path / "顧問先一覧.csv", rows)
    runner = HeldRunner()
    window = make_window(prepared_session(data_dir, roster), runner=runner)
    out = tmp_path / "out"
    window.export_flow.run(out, ["cover"])
    progress = window.export_flow.progress_dialog
    assert progress is not None
    progress.activateWindow()
    assert QTest.qWaitForWindowActive(progress)

    QTest.keyClick(progress, Qt.Key.Key_Escape)

    assert progress.labelText().startswith("Stopping")  # the user sees it stopping
    assert window.export_flow.cancel_button is not None
    assert not window.export_flow.cancel_button.isEnabled()
    runner.release()
    box = window.last_message
    assert box is not None and box.windowTitle() == "Export cancelled"
    assert not list(out.glob("*/*.docx"))
    assert status_text(window, "C0001", "cover") == "Not made"
    assert window.export_flow.progress_dialog is None and not window.state.exporting
