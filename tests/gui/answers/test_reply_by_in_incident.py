"""The reply slip's date and the rule for silence, entered in the incident dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.gui.dialogs.incident import IncidentDialog
from tests.helpers.windows import unfiled_sample_incident


def opened(qtbot: QtBot) -> IncidentDialog:
    dialog = IncidentDialog(unfiled_sample_incident(), dt.date(2023, 7, 1), "en")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_reply_by_date_and_the_silence_rule_are_read_from_and_saved_to_the_incident(
    qtbot: QtBot,
) -> None:
    dialog = opened(qtbot)
    assert dialog.reply_by.value() == dt.date(2023, 8, 10)
    assert dialog.silence_rule.currentData() == "joint"
    dialog.reply_by.date.setDate(QDate(2023, 8, 18))
    dialog.silence_rule.setCurrentIndex(dialog.silence_rule.findData("hold"))
    saved = dialog.incident()
    assert (saved.reply_by, saved.silence_rule) == (dt.date(2023, 8, 18), "hold")
    dialog.reply_by.checkbox.setChecked(False)
    assert dialog.incident().reply_by is None


def test_a_reply_by_date_before_the_letter_is_refused_with_the_field_named(
    qtbot: QtBot,
) -> None:
    dialog = opened(qtbot)
    dialog.reply_by.date.setDate(QDate(2023, 7, 20))  # the letter is dated 2023-07-28
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "reply-by date is before the date on the documents" in dialog.errors.text()


def test_alt_b_and_alt_n_reach_the_reply_fields(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.reply_by.checkbox
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.silence_rule
