"""The office and incident dialogs, opened from the window with open() and answered in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.office import load_office
from noticedesk.core.office_store import load_office_profile
from noticedesk.gui.incident_dialog import IncidentDialog
from noticedesk.gui.office_dialog import OfficeDialog

from .window_fixtures import WindowFactory, new_session, open_session, unfiled_sample_incident

VALID_NUMBER = "5010405000003"  # the sample office's: check digit 5 over 010405000003


def press(dialog: OfficeDialog | IncidentDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(button).click()


def test_office_dialog_refuses_a_wrong_check_digit_and_saves_a_right_one(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir))
    window.office_action.trigger()
    dialog = window.office_dialog
    assert dialog.isVisible()
    sample = load_office(sample_dir() / "office.toml")
    for key in ("name", "registration_number", "representative_title", "representative_name"):
        dialog.field(key).setText(getattr(sample, key))
    dialog.field("address").setText(sample.address)
    dialog.field("phone").setText("０３－５３２１－００００")  # typed in Japanese input mode
    dialog.field("corporate_number").setText("6010405000003")  # one digit off
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert "check digit" in dialog.errors.text()
    assert load_office_profile(data_dir) is None  # nothing saved yet

    dialog.field("corporate_number").setText("５０１０４０５０００００３")
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    saved = load_office_profile(data_dir)
    assert saved is not None
    assert saved.corporate_number == VALID_NUMBER
    assert saved.phone == "03-5321-0000"
    assert saved.name == "さくら台社会保険労務士法人"


def test_office_dialog_names_every_missing_required_field(qtbot: QtBot) -> None:
    from noticedesk.core.office import OfficeProfile

    dialog = OfficeDialog(OfficeProfile(name="テスト事務所"))
    qtbot.addWidget(dialog)
    dialog.open()
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    text = dialog.errors.text()
    for label in ("Registration number", "Representative", "Address", "Phone"):
        assert label in text
    assert "Office name" not in text


def test_incident_dialog_shows_deadlines_that_follow_the_art_7_flag(qtbot: QtBot) -> None:
    incident = unfiled_sample_incident()  # discovered 2023-06-05, flag on
    dialog = IncidentDialog(incident, today=dt.date(2023, 7, 1), language="en")
    qtbot.addWidget(dialog)
    dialog.open()
    assert "2023-08-04" in dialog.deadlines_label.text()  # 60 days
    assert "34 day(s) left" in dialog.deadlines_label.text()
    assert "21 day(s) overdue" in dialog.deadlines_label.text()  # preliminary: 2023-06-10
    dialog.unauthorized.setChecked(False)
    assert "2023-07-05" in dialog.deadlines_label.text()  # 30 days
    assert "4 day(s) left" in dialog.deadlines_label.text()
    dialog.discovered_on.setDate(QDate(2023, 6, 28))
    assert "overdue" not in dialog.deadlines_label.text()


def test_incident_dialog_saves_to_the_case_and_refuses_a_missing_item(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())
    window = make_window(session, today=dt.date(2023, 6, 20))
    assert window.banner.isVisible()  # the preliminary report was due 2023-06-10
    window.incident_action.trigger()
    dialog = window.incident_dialog
    dialog.items["cause"].setPlainText("")
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert "(4) Cause" in dialog.errors.text()

    dialog.items["cause"].setPlainText("第三者による不正アクセス")
    dialog.items["data_items"].setPlainText("氏名, 住所、生年月日")
    dialog.discovered_on.setDate(QDate(2023, 6, 18))
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    assert window.banner.isHidden()  # new discovery date: nothing overdue on 2023-06-20
    window.close()
    stored = open_session(data_dir)
    try:
        incident = stored.incident
        assert incident is not None
        assert incident.items["cause"] == "第三者による不正アクセス"
        assert incident.data_items == ("氏名", "住所", "生年月日")
        assert incident.discovered_on == dt.date(2023, 6, 18)
        assert incident.contact  # a field the dialog does not show is kept
    finally:
        stored.close()


def test_setting_a_filed_date_ends_the_overdue_banner(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())  # 速報 due 2023-06-10, 確報 2023-08-04
    window = make_window(session, today=dt.date(2023, 8, 10))
    assert window.banner.isVisible()
    assert "Preliminary report" in window.banner.text() and "Final" in window.banner.text()

    window.incident_action.trigger()
    dialog = window.incident_dialog
    assert not dialog.preliminary_filed.date.isEnabled()  # not filed: no date to edit
    dialog.preliminary_filed.checkbox.setChecked(True)
    dialog.preliminary_filed.date.setDate(QDate(2023, 6, 1))  # before discovery: a typo
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert "before the discovery date" in dialog.errors.text()
    dialog.preliminary_filed.date.setDate(QDate(2023, 6, 9))
    assert "Preliminary report: filed (2023-06-09)" in dialog.deadlines_label.text()
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    # The final report is still not filed: the banner names it alone.
    assert window.banner.isVisible()
    assert "Preliminary" not in window.banner.text()
    assert "Preliminary report: filed (2023-06-09)" in window.deadlines_label.text()

    window.incident_action.trigger()
    dialog = window.incident_dialog
    assert dialog.preliminary_filed.checkbox.isChecked()
    dialog.final_filed.checkbox.setChecked(True)
    dialog.final_filed.date.setDate(QDate(2023, 7, 28))
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    assert window.banner.isHidden()
    window.close()
    stored = open_session(data_dir)
    try:
        assert stored.incident is not None
        assert stored.incident.preliminary_filed_on == dt.date(2023, 6, 9)
        assert stored.incident.final_filed_on == dt.date(2023, 7, 28)
    finally:
        stored.close()
