"""File → Export and marking documents by hand, driven from the window as staff would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import DocumentStatus
from noticedesk.core.incident import load_incident
from noticedesk.core.office import OfficeProfile, load_office
from noticedesk.core.roster import import_roster
from noticedesk.gui.clients.status_marking import ALL_KINDS
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.table.model import COL_CODE
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import (
    ROWS,
    STATUS_KINDS,
    OpenedUrls,
    WindowFactory,
    drop_files,
    new_session,
    open_session,
    prepared_session,
    status_text,
    stored_statuses,
    write_roster,
)


def ready_session(data_dir: Path, roster: Path) -> CaseSession:
    return prepared_session(data_dir, roster)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window the active one, as a click on it would (shortcuts need that)."""

    def active() -> bool:
        window.activateWindow()
        return window.isActiveWindow()

    qtbot.waitUntil(active)


def choose_folder_in_dialog(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """Press Browse… in the export dialog and pick ``folder`` in Qt's own file dialog."""
    dialog = window.export_flow.dialog
    assert dialog is not None
    dialog.browse.click()
    chooser = window.chooser.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.setDirectory(str(folder.parent))
    chooser.selectFile(str(folder))
    chooser.accept()
    assert dialog.folder.text() == str(folder)


def press_export(dialog: object) -> None:
    box = dialog.findChild(QDialogButtonBox)  # type: ignore[attr-defined]
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_ctrl_e_exports_every_document_and_the_status_columns_follow(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    opened = OpenedUrls()
    window = make_window(ready_session(data_dir, roster_file), open_url=opened)
    out = tmp_path / "書き出し"
    out.mkdir()
    assert status_text(window, "C0001", "report") == "Not made"
    activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    choose_folder_in_dialog(qtbot, window, out)
    press_export(window.export_flow.dialog)

    box = window.last_message
    assert box is not None and box.windowTitle() == "Export finished"
    # 5 clients x 3 documents, the reply slip the sample asks back from the 3 in the joint
    # report, and the own-report guide for the 2 who report individually.
    assert "20 document(s) for 5 client(s)" in box.text()
    assert "names 3 client(s) in the joint report" in box.text()
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders[0] == "C0001_㈱髙橋製作所"
    letter = next((out / folders[0]).glob("03_*.docx"))
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    # The letter writes ㈱ out in full (core/legal_forms.py); the folder keeps the roster's
    # spelling. 髙 survives either way.
    assert "株式会社髙橋製作所" in text

    assert status_text(window, "C0001", "report") == "Exported"
    assert status_text(window, "C0001", "individual") == "—"  # joint report: no guide
    stored = stored_statuses(data_dir)
    assert stored["C0001"] == dict.fromkeys(("internal", "report", "cover", "reply"), "exported")
    assert stored["C0003"]["individual"] == DocumentStatus.EXPORTED
    assert "documents pending: 0" in window.status_area.counts_label.text()

    box.button(QMessageBox.StandardButton.Yes).click()  # "Open the folder"
    assert opened.urls == [QUrl.fromLocalFile(str(out))]
    session = open_session(data_dir)
    try:
        exports = [e for e in session.store.audit_entries() if e.action == "export"]
        assert str(letter) in "".join(e.summary() for e in exports)
    finally:
        session.close()


def test_existing_files_are_kept_unless_the_user_says_overwrite(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(ready_session(data_dir, roster_file))
    out = tmp_path / "out"
    window.export_flow.run(out, ["cover"])
    letter = next(out.glob("C0002_*/01_*.docx"))
    letter.write_bytes(b"edited by hand")

    window.export_flow.run(out, ["cover"])
    box = window.last_message
    assert box is not None and box.windowTitle() == "Overwrite?"
    # Five cover letters and the regulator's list.
    assert "6 file(s) to be written already exist" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert letter.read_bytes() == b"edited by hand"  # nothing was touched

    window.export_flow.run(out, ["cover"])
    box = window.last_message
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert letter.read_bytes().startswith(b"PK")  # a real .docx again
    assert window.last_message is not None
    assert window.last_message.windowTitle() == "Export finished"


def test_a_missing_office_detail_is_named_and_its_dialog_offered(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    session = new_session(data_dir)
    session.import_roster(import_roster(roster_file))
    session.set_incident(load_incident(sample_dir() / "incident.toml"))
    window = make_window(session)
    window.menus.export_action.trigger()
    box = window.last_message
    assert box is not None and box.windowTitle() == "Something is missing"
    for problem in OfficeProfile().problems():  # the core's rule, as the command line says it
        assert f"・{problem.text('en')}" in box.text()
    assert window.export_flow.dialog is None  # no folder asked for yet
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.case_details.office_dialog.isVisible()


@pytest.mark.parametrize("individual", [True, False])
def test_the_first_notice_date_is_asked_for_only_when_a_client_reports_itself(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path, individual: bool
) -> None:
    # ROWS[2] and ROWS[4] answer ○ / はい: they report individually.
    rows = ROWS if individual else [ROWS[0], ROWS[1], ROWS[3]]
    roster = write_roster(tmp_path / "顧問先一覧.csv", rows)
    session = prepared_session(data_dir, roster)
    incident = session.incident
    assert incident is not None
    session.set_incident(dataclasses.replace(incident, clients_notified_on=None))
    window = make_window(session)
    assert (window.model.count_individual() > 0) is individual
    window.menus.export_action.trigger()
    if individual:
        box = window.last_message
        assert box is not None and box.windowTitle() == "Something is missing"
        unsent = dataclasses.replace(incident, clients_notified_on=None)
        expected = unsent.problems(individual_clients=True)
        assert [p.field for p in expected] == ["clients_notified_on"]
        assert f"・{expected[0].text('en')}" in box.text()
        assert window.export_flow.dialog is None
    else:
        assert window.export_flow.dialog is not None  # straight on to choosing the folder
        window.export_flow.dialog.reject()


def test_a_roster_with_errors_disables_export_and_says_why(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    bad_row = "C0006,株式会社不明回答,100-0001,東京都千代田区千代田1番1号,03-3213-1111,,たぶん"
    roster = write_roster(tmp_path / "顧問先一覧.csv", [*ROWS, bad_row])
    session = new_session(data_dir)
    session.set_incident(load_incident(sample_dir() / "incident.toml"))
    session.save_office(load_office(sample_dir() / "office.toml"))
    window = make_window(session)
    assert not window.menus.export_action.isEnabled()  # no clients yet
    assert "no clients" in window.menus.export_action.statusTip()
    assert drop_files(window, roster)
    qtbot.waitUntil(lambda: window.model.rowCount() == 6)
    assert not window.menus.export_action.isEnabled()
    assert "1 error(s)" in window.menus.export_action.statusTip()

    fixed = write_roster(tmp_path / "顧問先一覧_修正.csv", [*ROWS, bad_row.replace("たぶん", "")])
    assert drop_files(window, fixed)
    qtbot.waitUntil(lambda: window.menus.export_action.isEnabled())


def test_the_export_runs_off_the_gui_thread_with_progress(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    runner = ThreadPoolRunner()
    window = make_window(ready_session(data_dir, roster_file), runner=runner)
    seen: list[tuple[int, int]] = []
    window.export_flow.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(window.export_flow.exported, timeout=30_000):
        window.export_flow.run(tmp_path / "out", list(STATUS_KINDS))
        assert window.export_flow.progress_dialog is not None
        assert not window.menus.export_action.isEnabled()  # no second export meanwhile
        assert not window.menus.open_action.isEnabled()  # and no import under it
        assert not window.case_commands.open_action.isEnabled()  # nor another case
        assert not window.close()  # the files would be written but not recorded
    runner.wait(5000)
    assert seen[-1] == (17, 17)
    assert window.export_flow.progress_dialog is None
    assert window.menus.export_action.isEnabled()
    assert status_text(window, "C0005", "individual") == "Exported"


def select_codes(window: MainWindow, *codes: str) -> None:
    selection = window.table.selectionModel()
    selection.clear()
    shown = [window.proxy.index(r, COL_CODE).data() for r in range(window.proxy.rowCount())]
    for code in codes:
        selection.select(
            window.proxy.index(shown.index(code), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


@pytest.mark.parametrize("status", [DocumentStatus.PRINTED, DocumentStatus.SENT])
def test_marking_the_selection_printed_or_sent_is_saved(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    roster_file: Path,
    status: DocumentStatus,
) -> None:
    window = make_window(ready_session(data_dir, roster_file))
    select_codes(window, "C0001", "C0003")  # joint report, and individual report
    window.status_marking.actions[(status, "cover")].trigger()
    stored = stored_statuses(data_dir)
    assert stored["C0001"] == {"cover": status}
    assert stored["C0003"] == {"cover": status}
    assert "C0002" not in {c for c, s in stored.items() if s}
    label = "Printed" if status is DocumentStatus.PRINTED else "Sent"
    assert status_text(window, "C0001", "cover") == label

    window.status_marking.actions[(status, ALL_KINDS)].trigger()
    stored = stored_statuses(data_dir)
    assert set(stored["C0003"]) == set(STATUS_KINDS)
    assert "individual" not in stored["C0001"]  # no guide for a client in the joint report
    assert status_text(window, "C0003", "individual") == label


def test_the_table_context_menu_offers_the_marks(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(ready_session(data_dir, roster_file))
    select_codes(window, "C0002")
    rect = window.table.visualRect(window.proxy.index(0, COL_CODE))
    window.table.customContextMenuRequested.emit(rect.center())
    menu = window.table_menu
    titles = [a.text() for a in menu.actions()]
    assert "Mark as &printed" in titles and "Mark as &sent" in titles
    sent = next(a for a in menu.actions() if a.text() == "Mark as &sent").menu()
    next(a for a in sent.actions() if a.text() == "&All documents").trigger()
    assert stored_statuses(data_dir)["C0002"] == dict.fromkeys(
        ("internal", "report", "cover"), DocumentStatus.SENT
    )
    menu.close()


def test_a_first_export_proposes_a_folder_under_documents_named_after_the_case(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(ready_session(data_dir, roster_file))
    assert window.state.settings.last_folder("export") is None
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None
    proposed = Path(dialog.folder.text())
    assert proposed.parent.name == "NoticeDesk"
    assert proposed.name == window.state.session.name
    dialog.close()


def test_an_export_stopped_part_way_still_marks_what_it_wrote(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    roster_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from noticedesk.core.case import recorded_export
    from noticedesk.core.documents import ExportProblem, InputProblem

    window = make_window(ready_session(data_dir, roster_file))
    first = window.model.row_at(0).client
    letter = tmp_path / "out" / "01_送付状.docx"

    def stops_after_one(*args: object, **kwargs: object) -> None:
        letter.parent.mkdir(parents=True)
        letter.write_bytes(b"a letter")
        problem = ExportProblem([InputProblem("途中で止まりました", "It stopped part-way")])
        problem.written = {first.key: [("cover", letter)]}
        raise problem

    monkeypatch.setattr(recorded_export, "export_case", stops_after_one)
    window.export_flow.run(tmp_path / "out", ["cover", "internal"])

    assert window.last_message is not None
    assert "It stopped part-way" in window.last_message.text()
    assert status_text(window, first.code, "cover") == "Exported"
    assert status_text(window, first.code, "internal") == "Not made"
    assert stored_statuses(data_dir)[first.code]["cover"] is DocumentStatus.EXPORTED
