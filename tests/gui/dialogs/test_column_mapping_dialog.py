"""The column step's dialog on its own: one column per field, what is not used, in Japanese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from noticedesk.core.roster import ColumnLayout, ColumnMapping, read_table
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.dialogs.column_mapping import NONE, ColumnMappingDialog
from tests.helpers.rosters import write_csv

HEADER = ["顧問先No", "会社名", "〒", "住所1", "住所2", "TEL", "個別報告する", "備考"]
ROW = ["101", "㈱髙橋製作所", "1640001", "東京都中野区", "2F", "0363639779", "○", ""]


def office_layout(tmp_path: Path) -> ColumnLayout:
    return read_table(write_csv(tmp_path / "顧問先.csv", [ROW], header=HEADER)).layout


def test_a_column_chosen_for_a_field_leaves_the_field_that_had_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ColumnMappingDialog(office_layout(tmp_path))
    qtbot.addWidget(dialog)
    dialog.choose("contact_person", "TEL")
    assert dialog.column_of("phone") == NONE
    assert dialog.combos["contact_person"].currentText() == "TEL"
    model = dialog.preview_model
    assert model.headerData(5, Qt.Orientation.Horizontal) == "TEL\n→ Contact person"
    assert dialog.mapping() == ColumnMapping(
        {
            "name": "会社名",
            "code": "顧問先No",
            "postal_code": "〒",
            "address": "住所1",
            "phone": "",
            "individual": "個別報告する",
            "contact_person": "TEL",
            "email": "",
            "corporate_number": "",
            "representative": "",
            "self_reference": "",
            "association": "",
            "employees": "",
            "people": "",
        }
    )
    dialog.choose("individual", "")
    assert dialog.unused() == ["住所2", "個別報告する", "備考"]
    assert model.headerData(6, Qt.Orientation.Horizontal) == "個別報告する\n(not used)"
    assert model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_step_speaks_japanese(qtbot: QtBot, tmp_path: Path, translation: Translation) -> None:
    assert translation.switch("ja")
    dialog = ColumnMappingDialog(office_layout(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "列の対応：顧問先.csv"
    labels = [label.text() for label in dialog.findChildren(type(dialog.unused_label))]
    assert "事業所名（必須）" in labels and "個別報告" in labels
    shown = [f for f, mark in dialog.guess_marks.items() if not mark.isHidden()]
    assert shown == ["code", "address", "individual"]
    assert {mark.text() for mark in dialog.guess_marks.values()} == {"推測"}
    intro = labels[0]
    assert intro.startswith("「顧問先.csv」（見出しは 3 行目）のどの列に何が書かれているか")
    assert "見出しから推測した項目：顧問先コード、所在地、個別報告" in intro
    assert dialog.unused_label.text() == (
        "使わない列（顧問先ごとに残しますが、標準の文書には載りません）：住所2、備考"
    )
    header = dialog.preview_model.headerData(4, Qt.Orientation.Horizontal)
    assert header == "住所2\n（使わない）"
    assert dialog.combos["code"].itemText(0) == "（なし）"
