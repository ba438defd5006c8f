"""Review of the window: each test here proves a bug found by reading the code, now fixed, or
guards the one mistake this program must never make (a tick on the wrong client).

Slow work is held by ``HeldRunner`` until the test releases it, so "while an export runs" or
"while a batch converts" is a state the test sets up exactly, not a race it hopes to win.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from noticedesk.core.documents.kinds import DOCUMENT_KINDS
from noticedesk.gui.common.crash_handler import install_crash_handler
from noticedesk.gui.common.tasks import ImmediateRunner, ThreadPoolRunner
from noticedesk.gui.preview.print_selection import SelectionPrint
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.table.model import (
    COL_CODE,
    COL_FIRST_STATUS,
    COL_INDIVIDUAL,
    COL_NAME,
    RowRole,
)
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.converters import FakeConverter
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    open_session,
    prepared_session,
    write_roster,
)


class HeldRunner:
    """Keeps each task until ``release()``: the window sees work in progress meanwhile."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, func: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        self.jobs.append((func, on_done, on_error))

    def release(self) -> None:
        jobs, self.jobs = self.jobs, []
        for func, on_done, on_error in jobs:
            ImmediateRunner().run(func, on_done, on_error)


def ready_session(data_dir: Path, tmp_path: Path, name: str = "テスト事案") -> CaseSession:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return prepared_session(data_dir, write_roster(tmp_path / f"{name}.csv", ROWS), name=name)


def ticks_in_store(data_dir: Path, name: str = "テスト事案") -> dict[str, bool]:
    session = open_session(data_dir, name)
    try:
        return {cc.client.code: cc.individual for cc in session.store.clients()}
    finally:
        session.close()


def proxy_row_of(window: MainWindow, code: str) -> int:
    proxy = window.proxy
    codes = [proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())]
    return codes.index(code)


def select_codes(window: MainWindow, *codes: str) -> None:
    selection = window.table.selectionModel()
    selection.clearSelection()
    for code in codes:
        selection.select(
            window.proxy.index(proxy_row_of(window, code), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def click_tick(qtbot: QtBot, window: MainWindow, proxy_row: int) -> None:
    rect = window.table.visualRect(window.proxy.index(proxy_row, COL_INDIVIDUAL))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- the tick lands on the client the user sees -------------------------------------------------


def test_after_sort_and_search_a_click_ticks_the_client_on_that_row(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    click_header(qtbot, window, COL_NAME)
    click_header(qtbot, window, COL_NAME)  # descending: the file's order is turned round
    window.search.insert("東京都")  # C0001 and C0002 only
    assert window.proxy.rowCount() == 2
    before = ticks_in_store(data_dir)

    row = proxy_row_of(window, "C0002")
    assert window.proxy.index(row, COL_NAME).data() == "有限会社山﨑商店"
    click_tick(qtbot, window, row)

    after = ticks_in_store(data_dir)
    assert {code for code in after if after[code] != before[code]} == {"C0002"}
    shown = window.proxy.index(row, COL_INDIVIDUAL).data(Qt.ItemDataRole.CheckStateRole)
    assert shown == Qt.CheckState.Checked
    assert window.proxy.index(row, 0).data(RowRole).client.code == "C0002"


def test_after_sort_and_search_space_ticks_only_the_selected_clients_shown(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    window.table.selectAll()  # every client selected, then the search hides three of them
    click_header(qtbot, window, COL_CODE)
    click_header(qtbot, window, COL_CODE)
    window.search.insert("株式会社")  # C0003, C0005 (both ticked in the file) and no other
    shown = sorted(window.proxy.index(r, COL_CODE).data() for r in range(window.proxy.rowCount()))
    assert shown == ["C0003", "C0005"]
    window.table.selectAll()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)  # both ticked already: unticks both

    assert ticks_in_store(data_dir) == {
        "C0001": False,
        "C0002": False,
        "C0003": False,
        "C0004": False,
        "C0005": False,
    }
    window.undo_stack.undo()
    assert [code for code, on in ticks_in_store(data_dir).items() if on] == ["C0003", "C0005"]


# --- the case does not change under a running export --------------------------------------------


def test_a_tick_while_the_export_runs_is_refused_and_said(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    runner = HeldRunner()
    window = make_window(ready_session(data_dir, tmp_path), runner=runner)
    before = ticks_in_store(data_dir)
    window.export_flow.run(tmp_path / "out", ["report"])
    assert window.state.exporting

    select_codes(window, "C0001")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    click_tick(qtbot, window, proxy_row_of(window, "C0002"))

    # The joint list being written names C0001 and C0002: the case must keep saying so.
    assert ticks_in_store(data_dir) == before
    assert "export" in window.statusBar().currentMessage()
    runner.release()
    assert not window.state.exporting
    qtbot.keyClick(window.table, Qt.Key.Key_Space)  # once it has finished, ticking works
    assert ticks_in_store(data_dir)["C0001"] is True


def test_undo_and_redo_wait_while_the_export_runs(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    runner = HeldRunner()
    window = make_window(ready_session(data_dir, tmp_path), runner=runner)
    select_codes(window, "C0001")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    ticked = ticks_in_store(data_dir)
    assert ticked["C0001"] is True

    window.export_flow.run(tmp_path / "out", ["report"])
    assert not window.menus.undo_action.isEnabled()
    window.menus.undo_action.trigger()
    assert ticks_in_store(data_dir) == ticked
    runner.release()
    assert window.menus.undo_action.isEnabled()
    window.menus.undo_action.trigger()
    assert ticks_in_store(data_dir)["C0001"] is False


# --- a print batch does not outlive its case or its window ----------------------------------------


def test_closing_the_window_stops_a_running_print_batch(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    gate = threading.Event()
    fake = FakeConverter(pages=1, gate=gate)
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), runner=ThreadPoolRunner(pool), converter=fake
    )
    selection = window.preview.selection_print
    assert isinstance(selection, SelectionPrint)
    selection.chunk_size = 1
    clients = [row.client for row in window.model.rows()]
    selection.run(clients, ["cover"])
    assert fake.started.wait(10)  # the first letter is converting

    opener = threading.Timer(0.2, gate.set)  # the converter finishes its chunk meanwhile
    opener.start()
    assert window.close()
    opener.join()
    assert pool.waitForDone(10_000)
    # Four more letters would have kept the converter (and the program) busy after closing.
    assert len(fake.converted) == 1


def test_switching_case_drops_the_print_batch_of_the_previous_case(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    runner = HeldRunner()
    window = make_window(
        ready_session(data_dir, tmp_path), runner=runner, converter=FakeConverter(pages=1)
    )
    selection = window.preview.selection_print
    assert isinstance(selection, SelectionPrint)
    opened: list[object] = []
    selection.opened.connect(opened.append)
    selection.run([row.client for row in window.model.rows()], ["cover"])

    window.state.set_session(ready_session(data_dir, tmp_path / "second", "別の事案"))
    runner.release()

    assert opened == [] and selection.print_dialog is None
    assert selection.progress_dialog is None


# --- one crash box, not one per repaint -----------------------------------------------------------


def test_an_error_repeating_on_every_repaint_opens_one_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    parent = QWidget()
    qtbot.addWidget(parent)
    install_crash_handler(tmp_path, lambda: parent)
    for _ in range(3):  # the same broken paint, three repaints in a row
        raise_and_report("paint failed")

    boxes = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert len(list((tmp_path / "logs").glob("crash-*.txt"))) == 1
    boxes[0].close()

    raise_and_report("paint failed")  # after the box is closed, the next error is shown again
    boxes = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    boxes[0].close()


def raise_and_report(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


# --- a tick repaints every cell that depends on it --------------------------------------------------


def test_a_tick_announces_the_own_report_guide_cell_it_changes(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    guide = COL_FIRST_STATUS + DOCUMENT_KINDS.index("individual")
    row = proxy_row_of(window, "C0001")  # in the joint report: it gets no guide, shown "—"
    assert window.proxy.index(row, guide).data() == "—"
    announced: list[tuple[int, int, int, int]] = []
    window.proxy.dataChanged.connect(
        lambda first, last, _roles=(): announced.append(
            (first.row(), last.row(), first.column(), last.column())
        )
    )
    click_tick(qtbot, window, row)

    assert window.proxy.index(row, guide).data() == "Not made"
    # The view repaints only the cells announced: the guide's cell must be among them, or it
    # keeps showing "—" for a client who now gets the guide.
    assert any(r0 <= row <= r1 and c0 <= guide <= c1 for r0, r1, c0, c1 in announced)
