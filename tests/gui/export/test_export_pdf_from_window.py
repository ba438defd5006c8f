"""The export dialog's file format: PDFs from the window, and what it says without a converter.

A stand-in converter (``FakeConverter``) makes the PDFs; LibreOffice's own run is tested in
``tests/system/test_export_pdf_libreoffice.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noticedesk.gui.export import flow as export_flow
from noticedesk.gui.export.dialog import PDF_ONLY, WORD, WORD_AND_PDF
from tests.gui.export.test_export_from_window import press_export, ready_session
from tests.helpers.converters import FakeConverter
from tests.helpers.windows import WindowFactory, status_text


def test_pdf_only_from_the_dialog_writes_pdfs_and_marks_them_exported(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    roster_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    converter = FakeConverter(pages=1)
    monkeypatch.setattr(export_flow, "find_converter", lambda **_options: converter)
    window = make_window(ready_session(data_dir, roster_file))
    out = tmp_path / "PDF"
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None and dialog.file_format() == WORD  # the first time
    dialog.folder.setText(str(out))
    pdf_only = dialog.findChild(type(dialog.all_button), PDF_ONLY)
    assert pdf_only is not None
    pdf_only.setChecked(True)
    press_export(dialog)

    box = window.last_message
    assert box is not None and box.windowTitle() == "Export finished"
    assert "PDF only" in box.text()
    assert list(out.rglob("*.docx")) == [] and len(list(out.rglob("*.pdf"))) == 20
    assert status_text(window, "C0001", "report") == "Exported"

    window.export_flow.start()  # the choice is remembered
    again = window.export_flow.dialog
    assert again is not None and again.file_format() == PDF_ONLY
    again.reject()


def test_without_a_converter_the_pdf_choices_are_greyed_and_say_why(
    make_window: WindowFactory,
    data_dir: Path,
    roster_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export_flow, "find_converter", lambda **_options: None)
    window = make_window(ready_session(data_dir, roster_file))
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None
    buttons = {b.objectName(): b for b in dialog.format_buttons.buttons()}
    assert buttons[WORD].isEnabled() and buttons[WORD].isChecked()
    assert not buttons[WORD_AND_PDF].isEnabled() and not buttons[PDF_ONLY].isEnabled()
    note = dialog.findChild(type(dialog.summary), "no_pdf")
    assert note is not None and "neither was found on this PC" in note.text()
    dialog.reject()
