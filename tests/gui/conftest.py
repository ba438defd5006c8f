"""Window tests: real CP932 roster files, a real case store, tasks run at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow

from .window_fixtures import ROWS, WindowFactory, new_session, write_roster


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "顧問先一覧.csv", ROWS)


@pytest.fixture
def data_dir(isolated_data_dir: Path) -> Path:
    return isolated_data_dir


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> Iterator[WindowFactory]:
    """Build a window over a case in the test's data folder (keyring key, in-memory store)."""
    windows: list[MainWindow] = []

    def factory(
        session: CaseSession | None = None,
        today: dt.date = dt.date(2023, 6, 7),
        language: str = "en",
    ) -> MainWindow:
        window = MainWindow(
            WindowSettings(data_dir),
            ImmediateRunner(),
            session=session,
            language=language,
            today=lambda: today,
            new_session_for=lambda path: new_session(data_dir, path.stem),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.state.session is not None:
            window.state.session.close()
