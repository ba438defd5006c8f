"""The running window, handed a file by a second start, comes forward and reads it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from noticedesk.core.single_instance import HandOff
from noticedesk.gui.window.hand_off import open_handed_off
from tests.helpers.windows import ROWS, WindowFactory, new_session


def test_a_handed_off_list_is_read_into_the_open_case(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    window.showMinimized()
    open_handed_off(window, HandOff((roster_file,)))
    assert not window.isMinimized() and window.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))


def test_a_start_without_a_file_only_brings_the_window_forward(
    make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir))
    window.showMinimized()
    open_handed_off(window, HandOff())
    assert not window.isMinimized()
    assert window.model.rowCount() == 0
