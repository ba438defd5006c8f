"""Window tests: real CP932 roster files, a real case store, tasks run at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import (
    ROWS,
    OpenedUrls,
    WindowFactory,
    close_windows,
    open_window,
    write_roster,
)


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "顧問先一覧.csv", ROWS)


@pytest.fixture
def data_dir(isolated_data_dir: Path) -> Path:
    return isolated_data_dir


@pytest.fixture
def translation() -> Iterator[Translation]:
    """The program's and Qt's own translators, installed; back to English when the test ends."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = Translation(app)
    yield installed
    installed.switch("en")


@pytest.fixture
def opened() -> OpenedUrls:
    """What the windows would have opened in the browser or in Word."""
    return OpenedUrls()


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> Iterator[WindowFactory]:
    """``make_window(session, **options)``: a window over ``session`` in the test's data folder
    (``open_window`` says the options); when the test ends each one's work is waited for, its
    case closed and the window closed."""
    windows: list[MainWindow] = []

    def factory(session: CaseSession | None = None, **options: Any) -> MainWindow:
        window = open_window(data_dir, session, qtbot=qtbot, **options)
        windows.append(window)
        return window

    yield factory
    close_windows(windows)
