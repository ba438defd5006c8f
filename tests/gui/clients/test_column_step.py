"""The office's own list dropped on the window: the column step asks, imports, remembers.

The list is headed 顧問先No, 会社名, 〒, 住所1, 住所2, TEL, 個別報告する, 備考 (CP932, as Excel
saves it). NoticeDesk is sure of 会社名, 〒 and TEL and only guesses the rest, so the first drop
asks; the answer is remembered, and the next list with the same header row is read without a
question.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.core.column_mappings import mappings_path, remembered_mapping
from noticedesk.core.roster import read_table
from noticedesk.gui.clients import column_step
from noticedesk.gui.dialogs.column_mapping import ColumnMappingDialog
from noticedesk.gui.window.main_window import MainWindow
from tests.core.roster.test_mapping import OFFICE_ROWS as ROWS
from tests.core.roster.test_mapping import office_list
from tests.helpers.rosters import write_csv
from tests.helpers.windows import WindowFactory, drop_files, new_session


def press(dialog: ColumnMappingDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(button).click()


def asked(qtbot: QtBot, window: MainWindow) -> ColumnMappingDialog:
    """The column step, once the drop (deferred to the event loop) has been read."""
    qtbot.waitUntil(lambda: window.roster_loading.columns.dialog is not None)
    dialog = window.roster_loading.columns.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_first_drop_asks_with_the_guesses_and_the_first_rows(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, office_list(tmp_path / "顧問先一覧_7月.csv"))
    dialog = asked(qtbot, window)
    assert not window.state.busy and window.model.rowCount() == 0  # nothing imported yet
    chosen = {f: dialog.combos[f].currentText() for f in dialog.combos}
    assert {f: h for f, h in chosen.items() if h != "(none)"} == {
        "name": "会社名",
        "code": "顧問先No",
        "postal_code": "〒",
        "address": "住所1",
        "phone": "TEL",
        "individual": "個別報告する",
    }
    guessed = [f for f, mark in dialog.guess_marks.items() if not mark.isHidden()]
    assert guessed == ["code", "address", "individual"]
    model = dialog.preview_model
    assert (model.rowCount(), model.columnCount()) == (3, 8)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "会社名\n→ Client name"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "住所2\n(not used)"
    assert model.headerData(0, Qt.Orientation.Vertical) == "4"  # the Excel row
    assert model.index(1, 6).data() == "○"
    assert dialog.unused_label.text().endswith(": 住所2, 備考")
    assert "header on row 3" in dialog.findChildren(type(dialog.unused_label))[0].text()


def test_the_choice_is_imported_remembered_and_not_asked_again(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(new_session(data_dir))
    first = office_list(tmp_path / "顧問先一覧_7月.csv")
    assert drop_files(window, first)
    dialog = asked(qtbot, window)
    dialog.choose("address", "住所2")  # the office's own choice, over the guess
    dialog.choose("address", "住所1")
    dialog.choose("contact_person", "備考")
    assert dialog.unused() == ["住所2"]
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    assert window.roster_loading.columns.dialog is None
    assert window.model.rowCount() == 3
    rows = {window.model.row_at(r).client.code: window.model.row_at(r) for r in range(3)}
    assert rows["102"].individual and not rows["101"].individual
    assert rows["101"].client.address == "東京都中野区中野3-5-13"
    assert rows["102"].client.contact_person == "メモ"
    status = window.statusBar().currentMessage()
    assert "Read 顧問先一覧_7月.csv: 3 client(s)." in status
    assert "Columns not used: 住所2." in status
    key = read_table(first).layout.key
    remembered = remembered_mapping(data_dir, key)
    assert remembered is not None and remembered.columns["contact_person"] == "備考"

    # Next month's list, the same header row: read at once, as chosen.
    later = office_list(tmp_path / "顧問先一覧_8月.csv", [*ROWS, ["104", "合同会社ミナト企画", "", "", "", "", "○", ""]])  # fmt: skip
    assert drop_files(window, later)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.roster_loading.columns.dialog is None
    assert "Columns as chosen before for this header row." in window.statusBar().currentMessage()
    assert window.model.row_at(
        next(r for r in range(4) if window.model.row_at(r).client.code == "104")
    ).individual


def test_cancelling_the_step_imports_nothing_and_says_so(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, office_list(tmp_path / "顧問先一覧.csv"))
    press(asked(qtbot, window), QDialogButtonBox.StandardButton.Cancel)
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == (
        "顧問先一覧.csv was not imported: the columns were not confirmed."
    )
    assert not mappings_path(data_dir).exists()  # nothing chosen, nothing remembered
    assert not window.state.busy


def test_a_list_with_no_known_name_column_asks_until_one_is_chosen(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "取引先.csv",
        [["髙橋製作所", "東京都中野区", "03-6363-9779", "○"]],
        header=["取引先", "住所", "電話", "個別"],
    )
    window = make_window(new_session(data_dir))
    assert drop_files(window, path)
    dialog = asked(qtbot, window)
    intro = dialog.findChildren(type(dialog.unused_label))[0].text()
    assert "No column is headed with a client name NoticeDesk knows." in intro
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()
    assert dialog.errors.text() == "Choose the column that holds the client name."
    dialog.choose("name", "取引先")
    dialog.choose("individual", "個別")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.model.rowCount() == 1
    assert window.model.row_at(0).individual


def test_a_sure_list_is_read_without_a_question(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    assert window.roster_loading.columns.dialog is None
    assert not mappings_path(data_dir).exists()


def test_a_choice_that_cannot_be_remembered_still_imports_and_says_so(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(column_step, "remember_mapping", refuse)
    window = make_window(new_session(data_dir))
    assert drop_files(window, office_list(tmp_path / "顧問先一覧.csv"))
    press(asked(qtbot, window), QDialogButtonBox.StandardButton.Ok)
    assert window.model.rowCount() == 3
    assert "could not be remembered (Permission denied)" in window.statusBar().currentMessage()
