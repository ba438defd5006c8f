"""The neighbours of the selected client are rendered ahead, so moving down the table is
instant, and the client asked for still wins over a neighbour being rendered."""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.shared.session import CaseSession
from tests.helpers.converters import FakeConverter
from tests.helpers.windows import (
    ROWS,
    OpenedUrls,
    WindowFactory,
    prepared_session,
    select_client,
    wait_previewed,
    write_roster,
)

FIRST, SECOND, THIRD, FOURTH = "code:C0001", "code:C0002", "code:C0003", "code:C0004"


class KeptRunningConverter(FakeConverter):
    """A converter that stays running (as ``ResidentConverter``), whose calls from number
    ``hold_from`` on wait for ``release``."""

    stays_running = True

    def __init__(self, hold_from: int | None = None) -> None:
        super().__init__(pages=1)
        self.hold_from = hold_from
        self.release = threading.Event()
        self.held = threading.Event()

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        call = len(self.batches) + 1
        if self.hold_from is not None and call >= self.hold_from:
            self.held.set()
            assert self.release.wait(30), "the test never released the converter"
        return super().convert(documents)


def ready_session(data_dir: Path, tmp_path: Path) -> CaseSession:
    return prepared_session(data_dir, write_roster(tmp_path / "顧問先一覧.csv", ROWS))


@pytest.fixture
def make_window(make_window: WindowFactory, opened: OpenedUrls) -> WindowFactory:
    return functools.partial(make_window, preview=True, open_url=opened)


def test_the_next_and_previous_clients_come_from_the_cache(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = KeptRunningConverter()
    window = make_window(ready_session(data_dir, tmp_path), converter=converter)
    select_client(window, SECOND)
    wait_previewed(qtbot, window, SECOND)
    # The client asked for (the tab on screen first, then the others), then the one below it,
    # then the one above it (four documents each: the reply slip the sample asks back, or for
    # THIRD, which reports individually, the guide instead).
    assert [len(batch) for batch in converter.batches] == [1, 3, 4, 4]
    for neighbour in (THIRD, FIRST):
        select_client(window, neighbour)
        wait_previewed(qtbot, window, neighbour)
        assert window.preview.shown_client is not None
        assert window.preview.shown_client.key == neighbour
    # Each neighbour was shown from the cache; only its own neighbour further on is new.
    assert len(converter.batches) == 5  # FOURTH, below THIRD; FIRST has nothing above it


def test_the_tab_on_screen_is_shown_before_the_others_are_made(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = KeptRunningConverter(hold_from=2)  # the other tabs' call is held
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), converter=converter, runner=ThreadPoolRunner(pool)
    )
    panel = window.preview
    try:
        select_client(window, SECOND)
        qtbot.waitUntil(converter.held.is_set, timeout=10_000)
        assert panel.shown_client is not None and panel.shown_client.key == SECOND
        assert len(panel.strip.labels) == 1  # its first tab's page is on screen …
        assert panel.kinds() == ["cover", "internal", "report", "reply"]  # … every tab it gets
        panel.print_preview()  # asked for while the other tabs are on their way
        assert panel.print_dialog is None
        converter.release.set()
        wait_previewed(qtbot, window, SECOND)
        qtbot.waitUntil(lambda: panel.print_dialog is not None, timeout=5000)
    finally:
        converter.release.set()
        pool.waitForDone(10_000)
    result = panel.result
    assert result is not None and not result.partial
    assert all(document.pdf is not None for document in result.documents)
    assert panel.print_dialog is not None
    panel.print_dialog.close()


def test_a_converter_that_starts_per_call_renders_only_what_is_asked(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = FakeConverter(pages=1)  # no stays_running: a second of a core per neighbour
    window = make_window(ready_session(data_dir, tmp_path), converter=converter)
    select_client(window, SECOND)
    wait_previewed(qtbot, window, SECOND)
    assert len(converter.batches) == 1


def test_the_client_asked_for_wins_over_a_neighbour_being_rendered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = KeptRunningConverter(hold_from=3)  # the first neighbour's call is held
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), converter=converter, runner=ThreadPoolRunner(pool)
    )
    panel = window.preview
    seen: list[str] = []
    panel.pages_shown.connect(lambda key, _kind, _pages: seen.append(key))
    try:
        select_client(window, THIRD)
        qtbot.waitUntil(converter.held.is_set, timeout=10_000)  # THIRD on screen, FOURTH …
        assert panel.shown_client is not None and panel.shown_client.key == THIRD
        assert not panel.busy.isVisible()  # … quietly
        select_client(window, FIRST)  # … when the user jumps elsewhere
        assert panel.title.text() == "㈱髙橋製作所"
        converter.release.set()
        wait_previewed(qtbot, window, FIRST)
        qtbot.waitUntil(lambda: not window.preview.jobs.is_busy(), timeout=5000)
    finally:
        converter.release.set()
        pool.waitForDone(10_000)
    assert set(seen) == {THIRD, FIRST}  # the neighbour was never put on screen
    # THIRD (two calls), FOURTH (the neighbour already running), FIRST (two calls), then
    # SECOND (FIRST's next row); THIRD's other neighbour, SECOND, was dropped from the queue
    # by the jump and made later.
    assert len(converter.batches) == 6


def test_closing_the_window_stops_the_converter_kept_running(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = KeptRunningConverter()
    stopped: list[bool] = []
    converter.shut_down = lambda: stopped.append(True)  # type: ignore[attr-defined]
    window = make_window(ready_session(data_dir, tmp_path), converter=converter)
    select_client(window, SECOND)
    wait_previewed(qtbot, window, SECOND)
    assert not stopped
    window.close()
    assert stopped  # no LibreOffice left behind once the window has gone


def test_nothing_more_is_converted_once_the_window_is_closed(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    converter = KeptRunningConverter(hold_from=2)  # the other tabs are on their way …
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), converter=converter, runner=ThreadPoolRunner(pool)
    )
    try:
        select_client(window, SECOND)
        qtbot.waitUntil(converter.held.is_set, timeout=10_000)
        threading.Timer(0.3, converter.release.set).start()
        window.close()  # … when staff close the window (it waits for the running job)
        qtbot.wait(200)  # the job's answer arrives after the window has closed
    finally:
        converter.release.set()
        pool.waitForDone(10_000)
    qtbot.wait(100)
    assert len(converter.batches) == 2  # no neighbour rendered ahead for a closed window
    assert not window.preview.jobs.is_busy()
