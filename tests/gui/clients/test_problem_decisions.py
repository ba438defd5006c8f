"""Blocking problems fixed where they are seen: the problems list offers each error's decisions,
applies them through the case (kept and logged), updates the table and File → Export at once,
keeps the decided line listed and marked, and withdraws a decision again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseStore, Decision, KeyringKeySource
from noticedesk.gui.clients.problems_panel import COL_MESSAGE, COL_ROW, ProblemLine
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import ROWS, WindowFactory, prepared_session, write_roster

NAMELESS, UNKNOWN, SHARED = 9, 10, 11  # rows as Excel shows them (two title rows, a header)
BAD_ROWS = [
    *ROWS,  # rows 4–8, clean
    "C0006,,100-0005,東京都千代田区丸の内1丁目1番1号,03-1111-1111,,",
    "C0007,株式会社不明回答,100-0001,東京都千代田区千代田1番1号,03-3213-1111,,たぶん",
    "C0003,株式会社大阪別会社,530-0001,大阪府大阪市北区梅田1丁目1番1号,06-6111-2222,,",
]


@pytest.fixture
def window(make_window: WindowFactory, data_dir: Path, tmp_path: Path) -> MainWindow:
    session = prepared_session(data_dir, write_roster(tmp_path / "顧問先一覧.csv", BAD_ROWS))
    return make_window(session)


def show_line(window: MainWindow, row: int) -> ProblemLine:
    """Make the error of spreadsheet row ``row`` the current line, as a click on it does."""
    panel = window.problems
    line = next(
        i for i, ln in enumerate(panel.model.lines()) if ln.issue.row == row and ln.kept.is_error
    )
    panel.view.setCurrentIndex(panel.model.index(line, COL_MESSAGE))
    return panel.model.line_at(line)


def buttons(window: MainWindow) -> list[str]:
    return [b.text() for b in window.problems.buttons]


def names(window: MainWindow) -> dict[int, tuple[str, bool]]:
    return {r.client.row: (r.client.name, r.individual) for r in window.model.rows()}


def export_enabled(window: MainWindow) -> bool:
    return window.menus.export_action.isEnabled()


def test_each_error_offers_its_decisions_and_an_answer_ticks_the_client(
    window: MainWindow,
) -> None:
    assert window.problems_dock.isVisible()
    assert not export_enabled(window)
    reason = window.export_flow.blocked_reason()  # every blocking problem, at once
    for row in (NAMELESS, UNKNOWN, SHARED):
        assert f"Row {row} / " in reason
    assert "The client code “C0003” is also used in row 6." in reason

    line = show_line(window, UNKNOWN)
    assert buttons(window) == [
        "Answer: joint report",
        "Answer: reports individually",
        "Leave this row out of this case",
    ]
    window.problems.button("Answer: reports individually").click()

    assert names(window)[UNKNOWN] == ("株式会社不明回答", True)  # the table, at once
    panel = window.problems
    current = panel.current_line()
    assert current is not None and current.kept.id == line.kept.id  # still the same problem
    shown = panel.model.data(panel.view.currentIndex(), Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("[Reports individually] ")
    icon = panel.model.data(panel.model.index(panel.view.currentIndex().row(), COL_ROW),
                            Qt.ItemDataRole.DecorationRole)  # fmt: skip
    error_icon = panel.model.data(panel.model.index(0, COL_ROW), Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() != error_icon.cacheKey()  # marked settled, not only by colour
    store = window.state.session.store  # type: ignore[union-attr]
    user = store.resolutions()[line.kept.id].user
    assert f"Decided: Reports individually (by {user}, " in panel.detail.text()
    assert buttons(window) == ["Withdraw the decision"]
    entry = store.audit_entries()[-1]
    assert entry.action == "resolve" and entry.user == user
    assert "Row 10" in window.statusBar().currentMessage()
    assert "2 error(s)" not in panel.summary.text() and "cannot be exported" in panel.summary.text()


def test_a_name_is_asked_without_blocking_and_the_client_appears(
    window: MainWindow, qtbot: QtBot
) -> None:
    show_line(window, NAMELESS)
    assert buttons(window) == ["Enter the name…", "Leave this row out of this case"]
    window.problems.button("Enter the name…").click()
    dialog = window.problem_decisions.name_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert "client on row 9" in dialog.labelText() and "has only this name" in dialog.labelText()
    dialog.setTextValue("株式会社丸の内")
    dialog.accept()
    assert names(window)[NAMELESS] == ("株式会社丸の内", False)
    assert window.problem_decisions.name_dialog is None
    assert "[Name entered: “株式会社丸の内”]" in window.problems.model.data(
        window.problems.view.currentIndex(), Qt.ItemDataRole.DisplayRole
    )


def test_when_every_error_is_decided_export_turns_on_and_a_withdrawal_turns_it_off(
    window: MainWindow,
) -> None:
    store = window.state.session.store  # type: ignore[union-attr]
    show_line(window, NAMELESS)
    window.problems.button("Leave this row out of this case").click()
    show_line(window, UNKNOWN)
    window.problems.button("Answer: joint report").click()
    assert not export_enabled(window)

    # The last one from the line's context menu: the same choices.
    line = show_line(window, SHARED)
    panel = window.problems
    rect = panel.view.visualRect(panel.view.currentIndex())
    panel.view.customContextMenuRequested.emit(rect.center())
    assert panel.menu is not None
    texts = [a.text() for a in panel.menu.actions()]
    assert texts == ["Leave this row out of this case", "Keep both"]
    panel.menu.actions()[1].trigger()
    panel.menu.close()

    assert export_enabled(window)
    assert window.export_flow.blocked_reason() == ""
    assert names(window)[SHARED] == ("株式会社大阪別会社", False)  # kept: a client of its own
    assert "Every error is decided" in panel.summary.text()
    assert store.resolutions()[line.kept.id].decision is Decision.KEEP_BOTH
    assert "told apart by its name and address" in panel.detail.text()

    show_line(window, SHARED)
    window.problems.button("Withdraw the decision").click()
    assert not export_enabled(window)
    assert SHARED not in names(window)  # held again: its code is row 6's
    assert store.audit_entries()[-1].action == "withdraw"
    assert buttons(window) == ["Leave this row out of this case", "Keep both"]
    assert f"Row {SHARED} of the file: C0003 / 株式会社大阪別会社" in panel.detail.text()


def test_a_refused_decision_says_why_and_changes_nothing(
    make_window: WindowFactory, data_dir: Path, tmp_path: Path
) -> None:
    twice = "C9,株式会社同名,100-0001,東京都千代田区千代田1番1号,03-3213-1111,,"
    rows = [*ROWS[:2], twice.replace("C9", ""), twice.replace("C9", "")]  # rows 6, 7: no code
    window = make_window(prepared_session(data_dir, write_roster(tmp_path / "一覧.csv", rows)))
    show_line(window, 7)
    before = window.state.session.store.audit_entries()  # type: ignore[union-attr]
    window.problems.button("Keep both").click()
    box = window.last_message
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "cannot be kept as two clients" in box.text()
    assert window.state.session.store.audit_entries() == before  # type: ignore[union-attr]
    assert buttons(window) == ["Leave this row out of this case", "Keep both"]


def test_no_decision_while_an_export_writes(window: MainWindow) -> None:
    show_line(window, UNKNOWN)
    window.state.set_exporting(True)
    try:
        window.problems.button("Answer: joint report").click()
        assert "wait until the export has finished" in window.statusBar().currentMessage()
        assert window.state.session.store.resolutions() == {}  # type: ignore[union-attr]
    finally:
        window.state.set_exporting(False)


def test_a_decision_made_on_the_command_line_is_shown(window: MainWindow, data_dir: Path) -> None:
    other = CaseStore.open(data_dir, "テスト事案", KeyringKeySource())
    try:
        unknown = next(k for k in other.roster_issues() if k.issue.row == UNKNOWN)
        other.resolve(unknown.id, Decision.INDIVIDUAL)
    finally:
        other.close()
    assert window.case_watcher.check()
    line = show_line(window, UNKNOWN)
    assert line.settled is not None and line.own
    assert names(window)[UNKNOWN][1] is True


def test_the_decisions_speak_japanese(
    make_window: WindowFactory, data_dir: Path, tmp_path: Path, translation: Translation
) -> None:
    assert translation.switch("ja")
    session = prepared_session(data_dir, write_roster(tmp_path / "顧問先一覧.csv", BAD_ROWS))
    window = make_window(session, language="ja", translation=translation, show=False)
    show_line(window, UNKNOWN)
    assert buttons(window) == [
        "答えを決める：共同報告",
        "答えを決める：個別報告",
        "この行を今回は除く",
    ]
    show_line(window, SHARED)
    assert buttons(window) == ["この行を今回は除く", "両方残す"]
    window.problems.button("両方残す").click()
    panel = window.problems
    assert panel.model.data(panel.view.currentIndex(), Qt.ItemDataRole.DisplayRole).startswith(
        "【両方残す】顧問先コード「C0003」は行 6 でも使われています。"
    )
    assert "決定: 両方残す" in panel.detail.text()
    assert buttons(window) == ["決定を取り消す"]
    show_line(window, NAMELESS)
    window.problems.button("名称を入力…").click()
    dialog = window.problem_decisions.name_dialog
    assert dialog is not None and dialog.windowTitle() == "顧問先の名称"
    dialog.reject()
