"""`noticedesk --demo` honours the data folder like every other mode, and says where it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.cli.main import window_parser
from noticedesk.core.case import CaseStore
from noticedesk.gui.app import build_window, window_data_dir
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.keyring_memory import MemoryKeyring


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
        if window.state.session is not None:
            window.state.session.close()
    ThreadPoolRunner().wait(10_000)


def start(qtbot: QtBot, started: list[MainWindow], data: Path, throwaway: bool) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, data, "en", demo=True, throwaway=throwaway)
    qtbot.addWidget(window)
    window.show()
    started.append(window)
    return window


def test_the_demo_keeps_its_data_in_the_folder_named_by_option_or_environment(
    tmp_path: Path, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, temporary = window_data_dir(window_parser().parse_args(["--demo"]))
    assert (data, temporary) == (isolated_data_dir, None)  # NOTICEDESK_DATA_DIR
    named = tmp_path / "stick"
    args = window_parser().parse_args(["--demo", "--data-dir", str(named)])
    assert window_data_dir(args) == (named, None)
    monkeypatch.delenv("NOTICEDESK_DATA_DIR")
    data, temporary = window_data_dir(window_parser().parse_args(["--demo"]))
    assert temporary is not None and data == Path(temporary.name)  # thrown away at the end
    temporary.cleanup()


def test_a_kept_demo_says_where_its_data_is(
    qtbot: QtBot, started: list[MainWindow], data_dir: Path
) -> None:
    window = start(qtbot, started, data_dir, throwaway=False)
    qtbot.waitUntil(lambda: window.model.rowCount() == 40)
    assert window.statusBar().currentMessage() == f"Sample case: its data is kept in {data_dir}."
    assert [c.name for c in CaseStore.list_cases(data_dir)] == ["サンプル事案"]


def test_a_throwaway_demo_says_it_is_temporary(
    qtbot: QtBot, started: list[MainWindow], tmp_path: Path
) -> None:
    window = start(qtbot, started, tmp_path, throwaway=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 40)
    assert window.statusBar().currentMessage() == (
        f"Sample case: its data is in a temporary folder ({tmp_path}), "
        "removed when NoticeDesk closes."
    )


def test_a_kept_demo_takes_a_passphrase_where_the_key_cannot_be_kept_here(
    qtbot: QtBot, started: list[MainWindow], data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.locked = True
    window = start(qtbot, started, data_dir, throwaway=False)
    opener = window.case_commands.opener
    qtbot.waitUntil(lambda: opener.dialog is not None)
    dialog = opener.dialog
    assert dialog is not None
    dialog.passphrase.setText("さくら台2023")
    dialog.confirm.setText("さくら台2023")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40)
    (summary,) = CaseStore.list_cases(data_dir)
    assert summary.protection == "passphrase"
