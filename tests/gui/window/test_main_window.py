"""The window driven as staff use it: drop a file, tick, undo, search, reopen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseStore
from noticedesk.gui.table.model import COL_CODE, COL_INDIVIDUAL, COL_NAME, RowRole
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    drop_files,
    new_session,
    open_session,
    unfiled_sample_incident,
    write_roster,
)


def names_shown(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.data(proxy.index(r, COL_NAME)) for r in range(proxy.rowCount())]


def ticks_in_store(data_dir: Path) -> dict[str, bool]:
    session = open_session(data_dir)
    try:
        return {cc.client.code: cc.individual for cc in session.store.clients()}
    finally:
        session.close()


def loaded_window(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster: Path
) -> MainWindow:
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    return window


def click_tick(qtbot: QtBot, window: MainWindow, proxy_row: int) -> None:
    index = window.proxy.index(proxy_row, COL_INDIVIDUAL)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_dropping_a_cp932_roster_shows_its_clients_and_problems(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    bad_row = "C0006,株式会社不明回答,100-0001,東京都千代田区千代田1番1号,03-3213-1111,,たぶん"
    roster = write_roster(tmp_path / "顧問先一覧.csv", [*ROWS, bad_row])
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster)
    qtbot.waitUntil(lambda: window.model.rowCount() == 6)
    assert "㈱髙橋製作所" in names_shown(window)
    assert "有限会社山﨑商店" in names_shown(window)
    assert "合同会社ミナト企画①" in names_shown(window)
    # ○ and はい are read as opting for an individual report.
    assert "reporting individually: 2" in window.status_area.counts_label.text()
    assert "in the joint report: 4" in window.status_area.counts_label.text()
    # The unknown answer is listed with the row number Excel shows (2 title rows + header).
    problems = window.problems.model
    rows = [problems.issue_at(i).row for i in range(problems.rowCount())]
    assert 9 in rows
    # Double-clicking the problem selects that client in the table.
    line = rows.index(9)
    view = window.problems.view
    rect = view.visualRect(problems.index(line, 2))
    # A real double-click starts with a click; QTest's double-click alone has no press.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.table.selectionModel().selectedRows()
    assert [window.proxy.data(i, RowRole).client.code for i in selected] == ["C0006"]


def test_a_drop_that_is_not_a_roster_is_refused_before_reading(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    note = tmp_path / "メモ.docx"
    note.write_bytes(b"PK\x03\x04")
    window = make_window(None)
    assert not drop_files(window, note)
    assert window.model.rowCount() == 0


def test_two_rosters_dropped_at_once_import_neither_and_say_so(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    assert window.state.session is not None

    def imports() -> int:
        return sum(e.action == "import" for e in window.state.session.store.audit_entries())

    before = imports()
    last_month = tmp_path / "顧問先一覧_6月.csv"
    last_month.write_bytes(roster_file.read_bytes())
    assert drop_files(window, last_month, roster_file)
    qtbot.wait(50)  # a deferred import would have started by now
    box = window.last_message
    assert box is not None and "2 files were dropped" in box.text()
    assert imports() == before


def test_an_unreadable_file_leaves_the_case_as_it_was(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    broken = tmp_path / "壊れた一覧.xlsx"
    broken.write_bytes(b"this is not a workbook at all\n")
    failures: list[str] = []
    window.roster_loading.roster_failed.connect(failures.append)
    assert drop_files(window, broken)
    qtbot.waitUntil(lambda: bool(failures))
    assert window.model.rowCount() == len(ROWS)
    box = window.last_message
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "壊れた一覧.xlsx" in box.text()
    assert failures[0] in box.text()  # the importer's own sentence, not a traceback
    assert "Traceback" not in box.text()
    assert len(ticks_in_store(data_dir)) == len(ROWS)


def test_clicking_the_tick_cell_saves_the_tick(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    row = names_shown(window).index("㈱髙橋製作所")
    click_tick(qtbot, window, row)
    assert window.proxy.index(row, COL_INDIVIDUAL).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert ticks_in_store(data_dir)["C0001"] is True
    click_tick(qtbot, window, row)
    assert ticks_in_store(data_dir)["C0001"] is False


def test_space_ticks_every_selected_row_and_undo_redo_follow(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    before = ticks_in_store(data_dir)
    selection = window.table.selectionModel()
    for code in ("C0001", "C0002"):
        row = [
            window.proxy.index(r, COL_CODE).data() for r in range(window.proxy.rowCount())
        ].index(code)
        selection.select(
            window.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    after = ticks_in_store(data_dir)
    assert after["C0001"] and after["C0002"]
    assert "reporting individually: 4" in window.status_area.counts_label.text()

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ticks_in_store(data_dir) == before
    assert "reporting individually: 2" in window.status_area.counts_label.text()
    qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ticks_in_store(data_dir) == after


def test_space_on_a_mixed_selection_ticks_all_then_unticks_all(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    window.table.selectAll()  # C0003 and C0005 are ticked already, the others not
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert all(ticks_in_store(data_dir).values())
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert not any(ticks_in_store(data_dir).values())
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [k for k, v in ticks_in_store(data_dir).items() if v] == ["C0003", "C0005"]


def test_clicking_a_tick_inside_a_selection_ticks_the_selection(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.proxy.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    click_tick(qtbot, window, 1)
    ticks = ticks_in_store(data_dir)
    assert ticks["C0001"] and ticks["C0002"]
    assert len(window.table.selectionModel().selectedRows()) == 2  # the selection stays


def test_typing_in_the_search_box_narrows_the_rows(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    qtbot.keyClicks(window.search, "03-")  # Tokyo numbers
    assert sorted(names_shown(window)) == sorted(["㈱髙橋製作所", "有限会社山﨑商店"])
    assert window.status_area.shown_label.text() == "2 of 5 shown"
    qtbot.keyClicks(window.search, "4")
    assert names_shown(window) == ["有限会社山﨑商店"]
    window.search.clear()
    assert len(names_shown(window)) == 5
    # Japanese arrives from the input method as committed text, not as key presses.
    window.search.insert("ｓｒ")  # full-width letters find 福岡SR経営労務センター
    assert names_shown(window) == ["株式会社さくら運輸"]
    window.search.clear()
    window.search.insert("東京都　有限")  # a full-width space separates two words
    assert names_shown(window) == ["有限会社山﨑商店"]


def test_the_tick_is_in_the_case_after_closing_and_reopening(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    row = names_shown(window).index("有限会社山﨑商店")
    click_tick(qtbot, window, row)
    window.close()
    assert window.state.session is not None
    reopened = make_window(open_session(data_dir))
    row = names_shown(reopened).index("有限会社山﨑商店")
    assert reopened.proxy.index(row, COL_INDIVIDUAL).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert "reporting individually: 3" in reopened.status_area.counts_label.text()


def test_reimport_reports_what_changed(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    new_row = "C0009,株式会社新規顧問先,100-0001,東京都千代田区千代田1番1号,03-3213-1111,,"
    # C0004 left; C0009 arrived; C0003's answer in the file is now blank (the case keeps ○).
    changed = [ROWS[0], ROWS[1], ROWS[2].removesuffix("○"), ROWS[4], new_row]
    second = write_roster(tmp_path / "顧問先一覧_8月.csv", changed)
    assert drop_files(window, second)
    qtbot.waitUntil(
        lambda: (
            window.roster_loading.last_diff is not None
            and "株式会社新規顧問先" in names_shown(window)
        )
    )
    box = window.last_message
    assert box is not None
    assert "Added: 1" in box.text() and "Removed: 1" in box.text()
    assert "differ from the file: 1" in box.text()
    assert "合同会社ミナト企画①" in box.detailedText()
    assert "合同会社ミナト企画①" not in names_shown(window)


def test_an_overdue_deadline_shows_a_red_banner(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())  # discovered 2023-06-05: day 1
    early = make_window(session, today=dt.date(2023, 6, 7))
    assert early.status_area.banner.isHidden()
    assert "2 day(s) left" in early.status_area.deadlines_label.text()  # 速報: day 5 is 2023-06-09
    assert (
        "57 day(s) left" in early.status_area.deadlines_label.text()
    )  # art. 7 no. 3: day 60, 2023-08-03
    early.close()
    late = make_window(open_session(data_dir), today=dt.date(2023, 6, 12))
    assert late.status_area.banner.isVisible()
    assert "3 day(s) overdue" in late.status_area.banner.text()
    assert "Final" not in late.status_area.banner.text()


def test_window_title_names_the_program_and_the_case(
    make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir, "2023年6月 システム障害"))
    assert window.windowTitle() == "NoticeDesk — 2023年6月 システム障害"
    assert make_window(None).windowTitle() == "NoticeDesk"


def test_a_file_dropped_with_no_case_open_makes_a_case_named_after_it(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(None)
    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    assert [c.name for c in CaseStore.list_cases(data_dir)] == ["顧問先一覧"]
    assert window.windowTitle() == "NoticeDesk — 顧問先一覧"


def test_sorting_by_a_header_keeps_the_selected_client_selected(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = loaded_window(make_window, qtbot, data_dir, roster_file)
    row = names_shown(window).index("株式会社さくら運輸")
    window.table.selectRow(row)
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_INDIVIDUAL) + header.sectionSize(COL_INDIVIDUAL) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    ticked_first = [
        window.proxy.index(r, COL_INDIVIDUAL).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
        for r in range(window.proxy.rowCount())
    ]
    assert ticked_first == [True, True, False, False, False]
    selected = window.table.selectionModel().selectedRows()
    assert [window.proxy.data(i, RowRole).client.code for i in selected] == ["C0003"]
