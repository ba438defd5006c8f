"""File → Export with envelopes and labels: chosen in the dialog beside the documents, made for
the chosen clients, on the chosen sheet from the chosen label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from noticedesk.core.documents.print_files import PRINT_FOLDER
from noticedesk.gui.export.dialog import ExportDialog
from noticedesk.gui.window.main_window import MainWindow
from tests.gui.export.test_export_from_window import select_codes
from tests.helpers.address_sheets import grid_cells
from tests.helpers.windows import WindowFactory, prepared_session


def open_dialog(window: MainWindow, out: Path) -> ExportDialog:
    window.export_flow.start()
    dialog = window.export_flow.dialog
    assert dialog is not None
    dialog.folder.setText(str(out))
    return dialog


def test_labels_alone_for_the_selected_rows_from_the_chosen_label(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    select_codes(window, "C0002", "C0004")
    out = tmp_path / "out"
    dialog = open_dialog(window, out)
    for box in dialog.kind_boxes.values():
        box.setChecked(False)
    choices = dialog.address_choices
    assert not choices.layout_choice.isEnabled()  # greyed until labels are ticked
    choices.labels_box.setChecked(True)
    choices.layout_choice.setCurrentIndex(choices.layout_choice.findData("a4-24"))
    assert choices.start.maximum() == 24
    choices.start.setValue(3)
    dialog.selected_button.setChecked(True)
    assert (
        dialog.summary.text() == "This writes the envelopes or labels of the chosen clients only."
    )
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    box = window.last_message
    assert box is not None and box.windowTitle() == "Export finished", box.text() if box else ""
    labels_file = out / PRINT_FOLDER / "宛名ラベル_a4-24.docx"
    assert str(labels_file) in box.text()
    labels = [cell for row in grid_cells(labels_file.read_bytes()) for cell in row]
    assert labels[:2] == ["", ""]
    assert "有限会社山﨑商店" in labels[2] and "御中" in labels[2]  # no contact person: 御中
    assert "合同会社ミナト企画①" in labels[3]
    assert all(cell == "" for cell in labels[4:])
    assert not any(p.is_dir() and p.name.startswith("C000") for p in out.iterdir())


def test_envelopes_beside_the_letters_in_the_chosen_size(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window(prepared_session(data_dir, roster_file))
    out = tmp_path / "out"
    dialog = open_dialog(window, out)
    choices = dialog.address_choices
    choices.envelope_box.setChecked(True)
    choices.envelope_size.setCurrentIndex(choices.envelope_size.findData("kaku2"))
    assert dialog.kinds() == ["internal", "report", "cover", "individual", "reply", "envelope"]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    rows = grid_cells((out / PRINT_FOLDER / "封筒_角形2号.docx").read_bytes())
    assert len(rows) == 10  # five clients, two blocks each
    assert (out / "C0001_㈱髙橋製作所").is_dir()  # and the letters, as always


def test_a_broken_office_sheet_file_is_named_and_the_bundled_sheets_stay(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    (data_dir / "label_layouts.toml").write_text("[layouts.own]\ncolumns = 2\n", encoding="utf-8")
    window = make_window(prepared_session(data_dir, roster_file))
    dialog = open_dialog(window, tmp_path / "out")
    problem = dialog.address_choices.problem
    assert not problem.isHidden()
    assert "label_layouts.toml" in problem.text() and "own" in problem.text()
    layouts = dialog.address_choices.layout_choice
    assert [layouts.itemData(i) for i in range(layouts.count())] == ["a4-12", "a4-24", "a4-18"]
