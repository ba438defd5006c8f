"""Printing a batch from the window: several clients' documents in one print preview, and the
export's print files, driven as staff would.

The converter is ``FakeConverter``: real PDFs (PDFium) whose pages name the .docx bytes they
were made from, so each printed page can be traced to the exact document it shows.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QThreadPool
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import PRINT_FOLDER, render_document
from noticedesk.core.documents.pages import page_count, page_text, rasterise
from noticedesk.core.office import load_office
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.preview.print_preview import paint_pages
from noticedesk.gui.preview.print_selection import PrintKindsDialog, SelectionPrint
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.converters import FakeConverter, make_pdf, marker
from tests.helpers.windows import (
    ROWS,
    prepared_session,
    write_roster,
)


def ready_session(data_dir: Path, tmp_path: Path, name: str = "テスト事案") -> CaseSession:
    tmp_path.mkdir(parents=True, exist_ok=True)
    roster = write_roster(tmp_path / "顧問先一覧.csv", ROWS)
    return prepared_session(data_dir, roster, name=name)


def select_codes(window: MainWindow, *codes: str) -> None:
    """Select the rows of ``codes`` (the first becomes the current row), as Ctrl+click does."""
    model, proxy, table = window.model, window.proxy, window.table
    selection = table.selectionModel()
    selection.clearSelection()
    for number, code in enumerate(codes):
        source = next(r for r in range(model.rowCount()) if model.row_at(r).client.code == code)
        index = proxy.mapFromSource(model.index(source, 1))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if number == 0:
            flags |= QItemSelectionModel.SelectionFlag.Current
        selection.setCurrentIndex(index, flags) if number == 0 else selection.select(index, flags)


def selection_print(window: MainWindow) -> SelectionPrint:
    found = window.preview.selection_print
    assert isinstance(found, SelectionPrint)
    return found


def printed(selection: SelectionPrint) -> list[tuple[str, str]]:
    """(client code, kind) of each document in the print preview, in print order."""
    return [(item.client.code, item.document.kind) for item in selection.last_items]


def choose_kinds(dialog: PrintKindsDialog, kinds: set[str]) -> None:
    for kind, box in dialog.kind_boxes.items():
        box.setChecked(kind in kinds)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_ctrl_p_on_several_clients_prints_the_chosen_documents_client_by_client(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter(pages=1)
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    select_codes(window, "C0001", "C0002", "C0003")
    assert window.preview.menu_print_action is not None
    window.preview.menu_print_action.trigger()

    selection = selection_print(window)
    dialog = selection.kinds_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.kinds() == ["cover", "internal", "report", "individual"]  # first time: all
    assert dialog.count.text() == "Documents to print: 10"  # 3 × 3, and C0003's own guide
    choose_kinds(dialog, {"cover", "individual"})

    preview = selection.print_dialog
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    assert preview.windowTitle() == "Print preview — 3 client(s)"
    # Table order, each client's documents in envelope order; the guide only for C0003.
    assert printed(selection) == [
        ("C0001", "cover"),
        ("C0002", "cover"),
        ("C0003", "cover"),
        ("C0003", "individual"),
    ]
    office, incident = load_office(sample_dir() / "office.toml"), window.state.session.incident
    for item in selection.last_items:
        expected = render_document(item.document.kind, item.client, office, incident)
        assert item.document.docx == expected  # the export's own bytes
        assert item.document.pdf is not None
        assert page_text(item.document.pdf, 0).startswith(marker(expected))
    assert len(fake.batches) == 1  # one converter call for the whole batch
    assert selection.progress_dialog is None
    preview.close()


def test_the_chosen_documents_are_remembered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1))
    select_codes(window, "C0001", "C0002")
    window.preview.menu_print_action.trigger()
    choose_kinds(selection_print(window).kinds_dialog, {"report"})
    assert printed(selection_print(window)) == [("C0001", "report"), ("C0002", "report")]
    window.close()

    again = make_window(
        ready_session(data_dir, tmp_path / "again", "翌日"), converter=FakeConverter(pages=1)
    )
    select_codes(again, "C0004", "C0005")
    again.preview.menu_print_action.trigger()
    assert selection_print(again).kinds_dialog.kinds() == ["report"]


def test_the_panels_button_prints_its_tab_for_every_selected_client(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1))
    panel = window.preview
    panel.dock.show()
    select_codes(window, "C0002")
    qtbot.waitUntil(lambda: panel.shown_client is not None and not panel.is_busy())
    panel.show_kind("report")
    select_codes(window, "C0002", "C0004", "C0005")
    panel.print_action.trigger()
    selection = selection_print(window)
    assert selection.kinds_dialog is None  # no question: the tab says which document
    assert printed(selection) == [("C0002", "report"), ("C0004", "report"), ("C0005", "report")]


def test_one_selected_client_still_prints_its_own_envelope(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1))
    select_codes(window, "C0003")
    window.preview.menu_print_action.trigger()
    qtbot.waitUntil(lambda: window.preview.print_dialog is not None)
    assert selection_print(window).kinds_dialog is None
    assert window.preview.print_dialog.windowTitle().endswith("株式会社さくら運輸")


def test_the_newest_request_wins_and_the_older_one_stops_early(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    gate = threading.Event()
    fake = FakeConverter(pages=1, gate=gate)
    pool = QThreadPool()
    runner = ThreadPoolRunner(pool)
    window = make_window(ready_session(data_dir, tmp_path), converter=fake, runner=runner)
    selection = selection_print(window)
    selection.chunk_size = 2
    opened: list[object] = []
    selection.opened.connect(opened.append)
    clients = {c.code: c for c in (row.client for row in window.model.rows())}

    selection.run([clients["C0001"], clients["C0002"], clients["C0004"]], ["cover"])
    assert fake.started.wait(10)  # the first chunk of the older batch is converting
    selection.run([clients["C0005"]], ["report"])
    gate.set()
    qtbot.waitUntil(lambda: bool(opened) and not pool.activeThreadCount(), timeout=10_000)

    assert opened == [selection.print_dialog]  # only one preview opened: the newest
    assert printed(selection) == [("C0005", "report")]
    # The older batch stopped after its first chunk: C0004's letter was never converted.
    office, incident = load_office(sample_dir() / "office.toml"), window.state.session.incident
    never = render_document("cover", clients["C0004"], office, incident)
    assert never not in fake.converted
    assert selection.progress_dialog is None
    selection.print_dialog.close()


def test_cancel_in_the_progress_dialog_stops_the_batch(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    gate = threading.Event()
    fake = FakeConverter(pages=1, gate=gate)
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), converter=fake, runner=ThreadPoolRunner(pool)
    )
    selection = selection_print(window)
    selection.chunk_size = 1
    opened: list[object] = []
    selection.opened.connect(opened.append)
    clients = [row.client for row in window.model.rows()]
    selection.run(clients, ["cover"])
    assert fake.started.wait(10)
    progress = selection.progress_dialog
    assert progress is not None
    progress.findChild(QPushButton).click()  # its Cancel button
    assert selection.progress_dialog is None
    gate.set()
    qtbot.waitUntil(lambda: not pool.activeThreadCount(), timeout=10_000)
    qtbot.wait(50)  # let the queued outcome arrive
    assert opened == [] and window.last_message is None
    assert len(fake.converted) == 1  # stopped before the second chunk


def test_without_a_converter_it_says_what_is_needed(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=None)
    select_codes(window, "C0001", "C0002")
    window.preview.menu_print_action.trigger()
    choose_kinds(selection_print(window).kinds_dialog, {"cover"})
    box = window.last_message
    assert box is not None and "LibreOffice" in box.text()
    assert selection_print(window).print_dialog is None


class TwoSidedPdfPrinter(QPrinter):
    """A PDF printer that reports two-sided printing, as a duplex printer chosen in the print
    dialog does (Qt's PDF engine itself always reports one-sided)."""

    def duplex(self) -> QPrinter.DuplexMode:
        return QPrinter.DuplexMode.DuplexLongSide


def test_two_sided_printing_starts_each_document_on_a_fresh_sheet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    documents = [make_pdf(["a"]), make_pdf(["b", "c"]), make_pdf(["d"])]
    for printer, expected in ((QPrinter(), 4), (TwoSidedPdfPrinter(), 5)):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target = tmp_path / f"{expected}.pdf"
        printer.setOutputFileName(str(target))
        assert paint_pages(printer, documents) == expected
        assert page_count(target.read_bytes()) == expected
    # Two-sided: "a", its blank back, "b", "c", "d" — "b" starts on a fresh sheet.
    pages = rasterise((tmp_path / "5.pdf").read_bytes(), 72)
    assert [min(page.pixels) < 128 for page in pages] == [True, False, True, True, True]


# --- the export's print files, from the window ----------------------------------------------


def test_the_export_dialog_makes_print_files_when_ticked_and_remembers_it(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter())
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None
    assert not dialog.print_files_box.isChecked()  # off until ticked once
    assert dialog.print_files_box.text().startswith("Also make print files")
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    dialog.print_files_box.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    box = window.last_message
    assert box is not None and box.windowTitle() == "Export finished"
    assert str(out / PRINT_FOLDER) in box.text()
    made = sorted(p.name for p in (out / PRINT_FOLDER).iterdir())
    assert made == [
        "01_送付状_全顧問先.docx",
        "02_従業員向け通知（社内掲示用）_全顧問先.docx",
        "03_委託元への報告形式通知_全顧問先.docx",
        "04_個別報告のご案内_個別報告の顧問先.docx",
        "05_回答書_共同報告の顧問先.docx",  # the sample asks the joint-report clients for it back
    ]
    box.button(QMessageBox.StandardButton.Cancel).click()
    window.close()

    again = make_window(
        ready_session(data_dir, tmp_path / "again", "翌日"), converter=FakeConverter()
    )
    again.export_flow.start()
    assert again.export_flow.dialog.print_files_box.isChecked()
