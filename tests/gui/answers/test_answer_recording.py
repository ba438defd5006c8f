"""Answers to the reply slip recorded in the window: the dialog, the tick that follows, Ctrl+Z,
the 回答待ち filter, the count in the status bar and the reminder list with its export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from noticedesk.core.case.answers import AnswerChoice, AnswerVia
from noticedesk.gui.answers.answer_dialog import AnswerDialog
from noticedesk.gui.answers.reminder_list import ReminderListDialog
from noticedesk.gui.table.model import COL_ANSWER
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import (
    WindowFactory,
    open_session,
    prepared_session,
    select_client,
)

AFTER_REPLY_BY = dt.date(2023, 8, 14)  # the sample incident asks for answers by 2023-08-10


def stored(data_dir: Path) -> tuple[dict[str, bool], dict[str, object]]:
    """Each client's tick and answer as the case file holds them, by code."""
    session = open_session(data_dir)
    try:
        clients = session.store.clients()
        answers = session.store.answers()
        ticks = {c.client.code: c.individual for c in clients}
        return ticks, {c.client.code: answers.get(c.key) for c in clients}
    finally:
        session.close()


def key_of(window: MainWindow, code: str) -> str:
    return next(r.key for r in window.model.rows() if r.client.code == code)


def answer_cell(window: MainWindow, code: str) -> str:
    row = window.model.row_of_key(key_of(window, code))
    assert row is not None
    return str(window.model.index(row, COL_ANSWER).data())


def record(window: MainWindow, code: str, choice: AnswerChoice, via: AnswerVia) -> None:
    """What staff do: select the client, Edit → Record answer…, mark, choose, save."""
    select_client(window, key_of(window, code))
    window.answers.record_action.trigger()
    dialog = window.answers.dialog
    assert isinstance(dialog, AnswerDialog)
    dialog.choose(choice)
    dialog.via.setCurrentIndex(dialog.via.findData(via.value))
    dialog.taken_by.setText("高橋")
    dialog.accept()


def test_an_answer_recorded_ticks_the_client_and_ctrl_z_takes_both_back(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    assert answer_cell(window, "C0001") == "Awaited"
    assert "awaiting an answer: 5" in window.status_area.counts_label.text()

    record(window, "C0001", AnswerChoice.INDIVIDUAL, AnswerVia.FAX)
    ticks, answers = stored(data_dir)
    assert ticks["C0001"] is True
    given = answers["C0001"]
    assert given is not None and (given.via, given.taken_by) == (AnswerVia.FAX, "高橋")  # type: ignore[attr-defined]
    assert given.day == dt.date(2023, 6, 7)  # type: ignore[attr-defined]  # the window's today
    assert answer_cell(window, "C0001") == "Own report"
    assert window.model.individual_of([key_of(window, "C0001")]) == {key_of(window, "C0001"): True}
    assert "awaiting an answer: 4" in window.status_area.counts_label.text()

    window.undo_stack.undo()
    ticks, answers = stored(data_dir)
    assert ticks["C0001"] is False and answers["C0001"] is None
    assert answer_cell(window, "C0001") == "Awaited"
    assert "awaiting an answer: 5" in window.status_area.counts_label.text()
    window.undo_stack.redo()
    assert stored(data_dir)[0]["C0001"] is True


def test_a_dialog_without_a_choice_is_not_saved(
    make_window: WindowFactory, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    select_client(window, key_of(window, "C0002"))
    window.answers.record_action.trigger()
    dialog = window.answers.dialog
    assert dialog is not None
    dialog.accept()
    assert dialog.isVisible() and "Mark what the client answered" in dialog.errors.text()
    dialog.reject()
    assert stored(data_dir)[1]["C0002"] is None


def test_a_joint_answer_unticks_and_withdrawing_puts_the_tick_back(
    make_window: WindowFactory, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    assert stored(data_dir)[0]["C0003"] is True  # the file says ○
    record(window, "C0003", AnswerChoice.JOINT, AnswerVia.PHONE)
    assert stored(data_dir)[0]["C0003"] is False
    select_client(window, key_of(window, "C0003"))
    window.answers.withdraw_action.trigger()
    ticks, answers = stored(data_dir)
    assert ticks["C0003"] is True and answers["C0003"] is None
    assert window.model.individual_of([key_of(window, "C0003")])[key_of(window, "C0003")]


def test_the_awaiting_filter_shows_only_the_silent_clients_and_follows_new_answers(
    make_window: WindowFactory, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    record(window, "C0002", AnswerChoice.JOINT, AnswerVia.EMAIL)
    window.awaiting_button.click()
    assert window.answers.awaiting_action.isChecked()
    shown = {window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())}
    assert shown == {"C0001", "C0003", "C0004", "C0005"}
    assert "4 of 5 shown" in window.status_area.shown_label.text()
    record(window, "C0004", AnswerChoice.JOINT, AnswerVia.POST)
    assert window.proxy.rowCount() == 3
    window.search.setText("青葉")  # the filter and a search together
    assert [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())] == ["C0005"]
    window.search.clear()
    window.awaiting_button.click()
    assert window.proxy.rowCount() == 5


def test_the_reminder_list_names_the_overdue_clients_and_exports_their_reminders(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file), today=AFTER_REPLY_BY)
    record(window, "C0001", AnswerChoice.JOINT, AnswerVia.FAX)
    chosen: list[Path] = []

    def choose_folder(parent: object, title: str, start: object, done: object) -> None:
        chosen.append(tmp_path / "催促")
        done(tmp_path / "催促")  # type: ignore[operator]

    window.answers.chooser.choose_folder = choose_folder  # type: ignore[method-assign]
    window.answers.reminders_action.trigger()
    dialog = window.answers.reminders
    assert isinstance(dialog, ReminderListDialog)
    # Not C0003 and C0005, who report individually: their choice is known.
    assert dialog.clients.topLevelItemCount() == 2
    names = [dialog.clients.topLevelItem(i).text(0) for i in range(2)]
    assert names == ["C0002", "C0004"]
    assert "2023-08-10" in dialog.note.text()
    dialog.export_button.click()
    written = sorted(p.name for p in (tmp_path / "催促").rglob("11_*.docx"))
    assert len(written) == 2
    assert not list((tmp_path / "催促").glob("C0001*"))
    session = open_session(data_dir)
    try:
        statuses = {
            c.client.code: c.status("reminder").status.value for c in session.store.clients()
        }
    finally:
        session.close()
    assert statuses["C0002"] == "exported" and statuses["C0001"] == "not_yet"


def test_before_the_reply_by_date_the_reminder_list_is_empty_and_says_why(
    make_window: WindowFactory, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file), today=dt.date(2023, 8, 10))
    window.answers.reminders_action.trigger()
    dialog = window.answers.reminders
    assert dialog is not None
    assert dialog.clients.topLevelItemCount() == 0
    assert not dialog.export_button.isEnabled()
    assert "No client is past the reply-by date 2023-08-10. 5 client(s)" in dialog.note.text()
    dialog.reject()
