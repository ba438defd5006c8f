"""File → Print envelopes and labels…: the chosen clients' envelopes or label sheet in the
print preview, made from the very bytes the export writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.core.addresses import envelope_size, find_layout, render_envelopes, render_labels
from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents.address_files import AddressOptions
from noticedesk.core.documents.pages import page_text
from noticedesk.core.office import load_office
from noticedesk.gui.preview.address_print import AddressPrint, AddressPrintDialog
from noticedesk.gui.window.main_window import MainWindow
from tests.gui.preview.test_print_selection import ready_session, select_codes
from tests.helpers.converters import FakeConverter, marker


def open_choice(window: MainWindow) -> tuple[AddressPrint, AddressPrintDialog]:
    printing = window.address_print
    printing.action.trigger()
    dialog = printing.dialog
    assert dialog is not None and dialog.isVisible()
    return printing, dialog


def press_ok(dialog: AddressPrintDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_labels_of_the_selected_rows_from_a_chosen_label(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter(pages=1)
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    select_codes(window, "C0003", "C0001")
    assert window.address_print.action in window.menus.file_menu.actions()
    printing, dialog = open_choice(window)
    assert dialog.selected_button.isChecked()
    assert dialog.selected_button.text() == "Se&lected rows (2)"
    assert dialog.choices.envelope_box.isChecked()  # one of the two, envelopes first
    dialog.choices.labels_box.setChecked(True)
    assert not dialog.choices.envelope_box.isChecked()  # one kind per preview
    choices = dialog.choices
    choices.layout_choice.setCurrentIndex(choices.layout_choice.findData("a4-12"))
    choices.start.setValue(2)
    press_ok(dialog)

    preview = printing.print_dialog
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    assert preview.windowTitle().startswith("Address labels (A4 12面")
    # The table's order, whatever the order of the clicks; the export's own bytes.
    model = window.model
    clients = [model.row_at(row).client for row in window.selected_source_rows()]
    assert [c.code for c in clients] == ["C0001", "C0003"]
    expected = render_labels(clients, find_layout("a4-12"), 2)
    assert printing.last_docx == expected
    assert fake.converted == [expected]
    preview.close()


def test_envelopes_of_every_client(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter(pages=1)
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    select_codes(window, "C0002")
    printing, dialog = open_choice(window)
    dialog.all_button.setChecked(True)
    sizes = dialog.choices.envelope_size
    sizes.setCurrentIndex(sizes.findData("kaku2"))
    press_ok(dialog)
    qtbot.waitUntil(lambda: printing.print_dialog is not None)
    everyone = [row.client for row in window.model.rows()]
    office = load_office(sample_dir() / "office.toml")
    expected = render_envelopes(everyone, office, envelope_size("kaku2"))
    assert printing.last_docx == expected
    assert fake.converted == [expected]
    assert printing.print_dialog.windowTitle() == "Envelopes (角形2号) — 5 client(s)"
    printing.print_dialog.close()


def test_without_a_converter_it_says_what_is_needed(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=None)
    window.address_print.action.trigger()
    assert window.address_print.dialog is None
    box = window.last_message
    assert box is not None and "LibreOffice" in box.text()


def test_an_address_that_cannot_be_printed_is_named_not_a_traceback(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1))
    printing = window.address_print
    client = window.model.row_at(0).client
    printing.run([replace(client, address="")], "labels", AddressOptions())
    box = window.last_message
    assert box is not None and box.windowTitle() == "The envelopes or labels could not be made"
    assert "row 4" in box.text() or "4行目" in box.text()


def test_the_printed_page_is_the_converted_document(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1))
    select_codes(window, "C0001")
    printing, dialog = open_choice(window)
    press_ok(dialog)
    assert printing.last_docx is not None
    pdf = window.preview.jobs.cache.cached_pdf(printing.last_docx)
    assert pdf is not None and page_text(pdf, 0).startswith(marker(printing.last_docx))
