"""File → Export of what is chosen: the selected rows, the rows the search shows, only what is
not yet exported; and one client exported again after its data was fixed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import DocumentStatus
from noticedesk.core.documents import PPC_LIST_NAME
from noticedesk.gui.export.dialog import ExportDialog
from noticedesk.gui.window.main_window import MainWindow
from tests.gui.export.test_export_from_window import press_export, select_codes
from tests.helpers.documents import document_text
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    drop_files,
    open_session,
    prepared_session,
    status_text,
    stored_statuses,
    write_roster,
)


def open_dialog(window: MainWindow, out: Path) -> ExportDialog:
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None
    dialog.folder.setText(str(out))
    return dialog


def client_folders(out: Path) -> list[str]:
    return sorted(p.name.split("_")[0] for p in out.iterdir() if p.is_dir())


def listed(out: Path) -> list[str]:
    sheet = load_workbook(out / PPC_LIST_NAME).active
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def finished(window: MainWindow) -> str:
    box = window.last_message
    assert box is not None and box.windowTitle() == "Export finished", box.text() if box else None
    return box.text()


def test_the_selected_rows_are_exported_and_the_list_still_names_every_joint_client(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    select_codes(window, "C0002", "C0003")
    out = tmp_path / "out"
    dialog = open_dialog(window, out)
    assert dialog.all_button.isChecked()  # the whole case unless told otherwise
    assert dialog.all_button.text() == "&All clients (5)"
    assert dialog.selected_button.text() == "Se&lected rows (2)"
    assert not dialog.shown_button.isEnabled()  # no search typed
    # Three documents each, the reply slip for the three in the joint report (the sample asks
    # for it back by a date) and the guide for the two who report themselves.
    assert "20 document(s) for 5 client(s)" in dialog.summary.text()
    assert dialog.print_files_box.isEnabled()

    dialog.selected_button.setChecked(True)
    # C0002: four documents with its reply slip; C0003 reports itself: the guide instead.
    assert "8 document(s) for 2 client(s)" in dialog.summary.text()
    assert not dialog.print_files_box.isEnabled()  # the print files need every client
    press_export(dialog)

    text = finished(window)
    assert "8 document(s) for 2 client(s)" in text
    assert "always written for the whole case" in text
    assert client_folders(out) == ["C0002", "C0003"]
    assert listed(out) == ["株式会社髙橋製作所", "有限会社山﨑商店", "合同会社ミナト企画①"]
    assert status_text(window, "C0002", "cover") == "Exported"
    assert status_text(window, "C0001", "cover") == "Not made"
    stored = stored_statuses(data_dir)
    assert stored["C0003"]["individual"] is DocumentStatus.EXPORTED
    assert "C0001" not in {code for code, statuses in stored.items() if statuses}


def test_the_rows_the_search_shows_are_exported(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    window.search.setText("東京都")  # 中野区 and 杉並区
    out = tmp_path / "out"
    dialog = open_dialog(window, out)
    assert dialog.shown_button.isEnabled()
    assert dialog.shown_button.text() == "Rows the searc&h shows (2)"
    dialog.shown_button.setChecked(True)
    assert dialog.client_keys() == ["code:C0001", "code:C0002"]
    dialog.kind_boxes["internal"].setChecked(False)
    assert "6 document(s) for 2 client(s)" in dialog.summary.text()
    press_export(dialog)
    assert "6 document(s) for 2 client(s)" in finished(window)
    assert client_folders(out) == ["C0001", "C0002"]


def test_only_what_is_not_yet_exported_after_a_first_export_of_the_cover_letters(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    out = tmp_path / "out"
    window.export_flow.run(out, ["cover"])
    finished(window)
    window.status_marking.actions[(DocumentStatus.SENT, "cover")].trigger()  # no selection: none
    letter = next(out.glob("C0001_*/01_*.docx"))
    before = letter.stat().st_mtime_ns

    dialog = open_dialog(window, out)
    dialog.pending_box.setChecked(True)
    assert not dialog.print_files_box.isEnabled()
    # The other two letters of five clients, the reply slip of the three in the joint report
    # and the guide of the two who report themselves: 5 x 2 + 3 + 2.
    assert "15 document(s) for 5 client(s)" in dialog.summary.text()
    press_export(dialog)
    box = window.last_message
    assert box is not None and box.windowTitle() == "Overwrite?"
    assert "1 file(s)" in box.text()  # the regulator's list alone is in the way
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "15 document(s) for 5 client(s)" in finished(window)
    assert letter.stat().st_mtime_ns == before  # the letters already out are not touched
    assert status_text(window, "C0004", "report") == "Exported"

    dialog = open_dialog(window, out)
    dialog.pending_box.setChecked(True)
    assert "Nothing to write" in dialog.summary.text()
    press_export(dialog)
    assert dialog.isVisible() and "Nothing to write" in dialog.errors.text()
    dialog.reject()


def test_a_client_whose_data_was_fixed_is_exported_again_by_selecting_its_row(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    out = tmp_path / "out"
    window.export_flow.run(out, ["cover", "report"])
    finished(window)
    window.last_message.close()  # type: ignore[union-attr]
    # The office corrects 山﨑商店's address in the list and reads it in again.
    fixed = [row.replace("高円寺南5丁目7番2号", "阿佐谷北1丁目1番1号") for row in ROWS]
    assert drop_files(window, write_roster(tmp_path / "顧問先一覧_修正.csv", fixed))
    qtbot.waitUntil(lambda: "阿佐谷北" in window.model.row_at(1).client.address)
    others = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx") if "C0002" not in str(p)}

    select_codes(window, "C0002")
    dialog = open_dialog(window, out)
    dialog.selected_button.setChecked(True)
    dialog.kind_boxes["internal"].setChecked(False)
    press_export(dialog)
    box = window.last_message
    assert box is not None and box.windowTitle() == "Overwrite?"
    assert "3 file(s)" in box.text()  # its two documents and the regulator's list
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "3 document(s) for 1 client(s)" in finished(window)  # and its new reply slip
    assert {p: p.stat().st_mtime_ns for p in others} == others
    letter = next(out.glob("C0002_*/01_*.docx"))
    assert "阿佐谷北" in document_text(letter.read_bytes())  # what goes to the PPC, fixed
    assert status_text(window, "C0002", "cover") == "Exported"

    session = open_session(data_dir)
    try:
        last = [e for e in session.store.audit_entries() if e.action == "export"][-1]
        assert "山﨑" in last.summary() and "髙橋" not in last.summary()
    finally:
        session.close()
