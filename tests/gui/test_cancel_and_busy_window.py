"""Cancelling an export from its progress dialog, and the window while it is busy or going.

Each test drives the window as staff would and checks what they would see: the files on disk,
the status columns, the menus, the pointer refusing a drop, the Undo menu's words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noticedesk.core.case import DocumentStatus, recorded_export
from noticedesk.core.clients import Roster
from noticedesk.core.roster import import_roster
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.tasks import ImmediateRunner, ThreadPoolRunner
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    drop_files,
    new_session,
    open_window,
    prepared_session,
    status_text,
    stored_statuses,
    write_roster,
)


def fifteen_clients(tmp_path: Path) -> Path:
    rows = [
        f"C{i:04d},株式会社顧問先{i:02d},164-0001,東京都中野区中野3丁目5番{i}号,03-6363-97{i:02d},,"
        for i in range(1, 16)
    ]
    return write_roster(tmp_path / "顧問先一覧.csv", rows)


class HeldRunner:
    """Keeps each task until the test lets it run: the window stays busy meanwhile."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, func: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        self.tasks.append((func, on_done, on_error))

    def release(self) -> None:
        while self.tasks:
            ImmediateRunner().run(*self.tasks.pop(0))


def cancel_pressed(window: MainWindow) -> None:
    button = window.export_flow.cancel_button
    assert button is not None and button.isVisible() and button.text() == "Cancel"
    button.click()


# -- 1. cancelling an export -----------------------------------------------------------------


def test_cancel_stops_the_export_and_marks_only_what_was_written(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, fifteen_clients(tmp_path)))
    out = tmp_path / "out"

    def press_cancel_once_ten_are_written(done: int, _total: int) -> None:
        if done == 10:  # the dialog reads "10 of 15"
            cancel_pressed(window)

    window.export_flow.progressed.connect(press_cancel_once_ten_are_written)
    window.export_flow.run(out, ["cover"])

    letters = sorted(out.glob("*/01_送付状_*.docx"))
    assert [p.parent.name[:5] for p in letters] == [f"C{i:04d}" for i in range(1, 11)]
    assert not (out / "個人情報保護委員会_報告対象顧問先一覧.xlsx").exists()
    box = window.last_message
    assert box is not None and box.windowTitle() == "Export cancelled"
    assert "10 document(s) for 10 client(s)" in box.text()
    assert str(out) in box.text()
    assert status_text(window, "C0010", "cover") == "Exported"
    assert status_text(window, "C0011", "cover") == "Not made"
    stored = stored_statuses(data_dir)
    assert stored["C0001"] == {"cover": DocumentStatus.EXPORTED}
    assert stored["C0011"] == {}
    # The window is usable again: another export, an import.
    assert window.export_flow.progress_dialog is None and not window.state.exporting
    assert window.menus.export_action.isEnabled() and window.menus.open_action.isEnabled()


def test_cancel_from_the_gui_thread_reaches_the_export_on_its_worker(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runner = ThreadPoolRunner()
    window = make_window(prepared_session(data_dir, fifteen_clients(tmp_path)), runner=runner)
    pressed = threading.Event()
    real_export = recorded_export.export_case

    def waits_for_the_user(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int) -> None:
            report(done, total)
            if done:  # the worker goes on only once the user has had time to press Cancel
                pressed.wait(10)

        return real_export(*args, **{**kwargs, "progress": progress})

    monkeypatch.setattr(recorded_export, "export_case", waits_for_the_user)
    seen_while_stopping: list[str] = []

    def press(done: int, _total: int) -> None:  # delivered on the GUI thread
        if done and not pressed.is_set():
            cancel_pressed(window)
            dialog = window.export_flow.progress_dialog
            assert dialog is not None and dialog.isVisible()  # stays until the engine stops
            seen_while_stopping.append(dialog.labelText())
            assert window.export_flow.cancel_button is not None
            assert not window.export_flow.cancel_button.isEnabled()
            pressed.set()

    window.export_flow.progressed.connect(press)
    window.export_flow.run(tmp_path / "out", ["cover"])
    qtbot.waitUntil(
        lambda: (
            window.last_message is not None
            and window.last_message.windowTitle() == "Export cancelled"
        ),
        timeout=30_000,
    )
    runner.wait(5000)
    assert seen_while_stopping and seen_while_stopping[0].startswith("Stopping")
    assert len(list((tmp_path / "out").glob("*/*.docx"))) == 10
    assert "10 document(s)" in window.last_message.text()
    assert status_text(window, "C0011", "cover") == "Not made"


# -- 2. no drop while busy -------------------------------------------------------------------


def test_a_drag_is_refused_while_a_file_is_read_or_documents_are_written(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    runner = HeldRunner()
    window = make_window(prepared_session(data_dir, roster_file), runner=runner)
    other = write_roster(tmp_path / "別の一覧.csv", ROWS[:2])

    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.state.busy)
    reading = window.statusBar().currentMessage()
    assert not drop_files(window, other)  # the pointer shows "not allowed"
    assert window.statusBar().currentMessage() == reading  # and nothing else happens
    runner.release()
    assert not window.state.busy

    window.export_flow.run(tmp_path / "out", ["cover"])
    assert window.state.exporting
    assert not drop_files(window, other)
    runner.release()
    assert not window.state.exporting
    assert drop_files(window, other)  # accepted again once the export is done
    qtbot.waitUntil(lambda: window.state.busy)
    runner.release()
    assert window.model.rowCount() == 2


# -- 3. a deferred drop goes with its window ---------------------------------------------------


def test_a_drop_still_pending_when_the_window_goes_is_dropped_with_it(
    qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    read: list[Path] = []

    def reader(path: Path) -> Roster:
        read.append(path)
        return import_roster(path)

    # Not the fixture's: this window is gone before the test ends.
    window = open_window(data_dir, runner=HeldRunner(), read_roster=reader, show=False)
    assert drop_files(window, roster_file)  # the load is deferred to the event loop
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(20)  # the deferred call would have run here (and hit a deleted window)
    assert read == []


# -- 4 and 5. switching the language ------------------------------------------------------------


def test_undo_and_redo_name_the_last_tick_in_the_new_language(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, translation: Translation
) -> None:
    assert translation.switch("ja")
    session = new_session(data_dir)
    session.import_roster(import_roster(roster_file))
    window = make_window(
        session, runner=HeldRunner(), language="ja", translation=translation, show=False
    )
    first = window.model.row_at(0).client.key
    window.ticking.apply({first: True})
    assert "1 件の個別報告をチェック" in window.menus.undo_action.text()

    window.set_language("en")
    assert window.menus.undo_action.text() == "&Undo: Tick 1 client(s)"
    window.menus.undo_action.trigger()
    assert window.menus.undo_action.text() == "&Undo"
    assert window.menus.redo_action.text() == "&Redo: Tick 1 client(s)"

    window.set_language("ja")
    assert window.menus.redo_action.text() == "やり直し(&R)：1 件の個別報告をチェック"
    assert window.menus.undo_action.text() == "元に戻す(&U)"
    window.menus.redo_action.trigger()
    assert window.model.individual_of([first]) == {first: True}


def test_switching_the_language_leaves_no_translator_behind(translation: Translation) -> None:
    app = QApplication.instance()
    assert app is not None

    def translators() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(app.findChildren(QTranslator))

    before = translators()
    assert translation.switch("ja")
    with_japanese = translators()
    assert with_japanese == before + 2  # ours and Qt's own
    for language in ("en", "ja", "en", "ja", "ja"):
        translation.switch(language)
    assert translators() == with_japanese
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    translation.switch("en")
    assert translators() == before
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


# -- 6. Open recent only with something in it ---------------------------------------------------


def test_open_recent_stays_disabled_while_it_is_empty(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    assert window.state.settings.recent_files() == []
    assert not window.menus.recent_menu.isEnabled()

    window.export_flow.run(tmp_path / "out", ["cover"])
    assert window.last_message is not None
    assert window.last_message.windowTitle() == "Export finished"
    assert not window.menus.recent_menu.isEnabled()

    assert drop_files(window, tmp_path / "消えた一覧.csv")  # a file that is not there
    qtbot.waitUntil(
        lambda: (
            window.last_message is not None
            and window.last_message.windowTitle() == "The file could not be read"
        )
    )
    assert not window.menus.recent_menu.isEnabled()

    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.state.settings.recent_files() == [roster_file])
    assert window.menus.recent_menu.isEnabled()
