"""The office and incident dialogs, opened from the window with open() and answered in place.

The office dialog applies the core's rule (``OfficeProfile.problems``), so the tests compare
its messages with the core's, word for word. The incident dialog's deadlines follow the PPC's
rule as the core counts it: the day of discovery is day 1 (2023-06-05 → 速報 2023-06-09, 確報
2023-07-04 for 30 days, 2023-08-03 for 60).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.office import FIELD_ORDER, OfficeProfile, load_office
from noticedesk.core.office_store import load_office_profile
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.dialogs.incident import IncidentDialog
from noticedesk.gui.dialogs.office import OfficeDialog, form_labels, validate_profile
from tests.helpers.windows import WindowFactory, new_session, open_session, unfiled_sample_incident

VALID_NUMBER = "5010405000003"  # the sample office's: check digit 5 over 010405000003


def press(dialog: OfficeDialog | IncidentDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(button).click()


def test_office_dialog_refuses_a_wrong_check_digit_and_saves_a_right_one(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir))
    window.menus.office_action.trigger()
    dialog = window.case_details.office_dialog
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
    assert dialog.focusWidget() is dialog.field("corporate_number")
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
    profile = OfficeProfile(name="テスト事務所")
    dialog = OfficeDialog(profile)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    lines = dialog.errors.text().split("\n")
    assert [field for field, _ in validate_profile(profile, "en")] == [
        "registration_number",
        "representative_title",
        "representative_name",
        "address",
        "phone",
    ]
    assert lines == [p.text("en") for p in profile.problems()]
    assert "registration number" in lines[0]
    assert not any("office name" in line for line in lines)  # the name was filled in
    assert dialog.focusWidget() is dialog.field("registration_number")  # the first at fault


def test_office_dialog_refuses_1234567890123_exactly_as_the_core_does(
    qtbot: QtBot, translation: Translation
) -> None:
    # The number the old placeholder showed: its check digit (1) is not 9 - (Σ mod 9).
    profile = dataclasses.replace(
        load_office(sample_dir() / "office.toml"), corporate_number="1234567890123"
    )
    assert [p.field for p in profile.problems()] == ["corporate_number"]
    for language in ("en", "ja"):
        assert translation.switch(language)
        dialog = OfficeDialog(profile)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.errors.text() == profile.problems()[0].text(language)
        assert dialog.focusWidget() is dialog.field("corporate_number")
        dialog.field("corporate_number").setText(VALID_NUMBER)
        with qtbot.waitSignal(dialog.finished):
            dialog.accept()
        assert dialog.profile().problems() == []


def test_every_field_of_the_office_profile_has_its_row_in_the_core_order() -> None:
    assert list(form_labels()) == list(FIELD_ORDER)


def test_office_kind_and_date_style_are_chosen_and_saved(qtbot: QtBot) -> None:
    sample = load_office(sample_dir() / "office.toml")
    dialog = OfficeDialog(dataclasses.replace(sample, kind="", date_style="seireki"))
    qtbot.addWidget(dialog)
    dialog.open()
    kind, style = dialog.choice("kind"), dialog.choice("date_style")
    assert [kind.itemData(i) for i in range(kind.count())] == ["", "corporation", "individual"]
    assert kind.currentText() == "Read from the name"
    assert style.currentText() == "Western calendar: 2023年7月28日"
    kind.setCurrentIndex(kind.findData("individual"))
    style.setCurrentIndex(style.findData("wareki"))
    assert style.currentText() == "Japanese era: 令和5年7月28日"
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    saved = dialog.profile()
    assert (saved.kind, saved.date_style) == ("individual", "wareki")
    assert saved.self_reference == "当事務所"  # the name says 法人; the choice wins
    assert saved.date_text(dt.date(2023, 7, 28)) == "令和5年7月28日"


def test_a_kind_the_core_does_not_know_is_kept_and_named(qtbot: QtBot) -> None:
    profile = dataclasses.replace(load_office(sample_dir() / "office.toml"), kind="法人")
    dialog = OfficeDialog(profile)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.choice("kind").currentText() == "法人"
    assert dialog.profile() == profile  # not silently replaced
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text() == profile.problems()[0].text("en")
    assert dialog.focusWidget() is dialog.choice("kind")


def test_incident_dialog_shows_deadlines_that_follow_the_art_7_flag(qtbot: QtBot) -> None:
    incident = unfiled_sample_incident()  # discovered 2023-06-05, flag on
    dialog = IncidentDialog(incident, today=dt.date(2023, 7, 1), language="en")
    qtbot.addWidget(dialog)
    dialog.open()
    # Day 1 is 2023-06-05: the 60th day is 2023-08-03 (a Thursday), 33 days after 2023-07-01.
    final = dialog.final_view.status.text()
    assert final == "Final report: 2023-08-03 (33 day(s) left)"
    # The 5th day is 2023-06-09, 22 days before 2023-07-01.
    preliminary = dialog.preliminary_view.status.text()
    assert preliminary == "Preliminary report: 2023-06-09 (22 day(s) overdue)"
    dialog.unauthorized.setChecked(False)
    # The 30th day is 2023-07-04, a Tuesday: not moved; 3 days after 2023-07-01.
    assert dialog.final_view.status.text() == "Final report: 2023-07-04 (3 day(s) left)"
    dialog.discovered_on.setDate(QDate(2023, 6, 28))
    assert "overdue" not in dialog.deadlines_text()


def test_incident_dialog_saves_to_the_case_and_names_a_missing_item(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())
    window = make_window(session, today=dt.date(2023, 6, 20))
    assert window.status_area.banner.isVisible()  # the preliminary report was due 2023-06-09
    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    dialog.items["cause"].setPlainText("")
    assert dialog.missing_fields() == ["cause"]
    assert "(4) Cause" in dialog.missing_note.text()
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)  # saved all the same
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.state.session is not None and window.state.session.incident is not None
    assert window.state.session.incident.items["cause"] == ""

    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    assert dialog.items["cause"].toPlainText() == ""
    dialog.items["cause"].setPlainText("第三者による不正アクセス")
    assert dialog.missing_note.isHidden()
    dialog.items["data_items"].setPlainText("氏名, 住所、生年月日")
    dialog.discovered_on.setDate(QDate(2023, 6, 18))
    dialog.clients_notified.set_value(dt.date(2023, 6, 19))  # not before the discovery
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    assert window.status_area.banner.isHidden()  # new discovery date: nothing overdue on 2023-06-20
    window.close()
    stored = open_session(data_dir)
    try:
        incident = stored.incident
        assert incident is not None
        assert incident.items["cause"] == "第三者による不正アクセス"
        assert incident.data_items == ("氏名", "住所", "生年月日")
        assert incident.discovered_on == dt.date(2023, 6, 18)
        assert incident.contact == unfiled_sample_incident().contact  # untouched, kept
    finally:
        stored.close()


def test_setting_a_filed_date_ends_the_overdue_banner(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())  # 速報 due 2023-06-09, 確報 2023-08-03
    window = make_window(session, today=dt.date(2023, 8, 10))
    assert window.status_area.banner.isVisible()
    assert (
        "Preliminary report" in window.status_area.banner.text()
        and "Final" in window.status_area.banner.text()
    )

    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    assert not dialog.preliminary_filed.date.isEnabled()  # not filed: no date to edit
    dialog.preliminary_filed.checkbox.setChecked(True)
    dialog.preliminary_filed.date.setDate(QDate(2023, 6, 1))  # before discovery: a typo
    press(dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert "before the discovery date" in dialog.errors.text()
    assert dialog.focusWidget() is dialog.preliminary_filed.date
    dialog.preliminary_filed.date.setDate(QDate(2023, 6, 9))
    assert dialog.preliminary_view.status.text() == "Preliminary report: filed (2023-06-09)"
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    # The final report is still not filed: the banner names it alone.
    assert window.status_area.banner.isVisible()
    assert "Preliminary" not in window.status_area.banner.text()
    assert "Preliminary report: filed (2023-06-09)" in window.status_area.deadlines_label.text()

    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    assert dialog.preliminary_filed.checkbox.isChecked()
    dialog.final_filed.checkbox.setChecked(True)
    dialog.final_filed.date.setDate(QDate(2023, 7, 28))
    with qtbot.waitSignal(dialog.finished):
        press(dialog, QDialogButtonBox.StandardButton.Save)
    assert window.status_area.banner.isHidden()
    window.close()
    stored = open_session(data_dir)
    try:
        assert stored.incident is not None
        assert stored.incident.preliminary_filed_on == dt.date(2023, 6, 9)
        assert stored.incident.final_filed_on == dt.date(2023, 7, 28)
    finally:
        stored.close()


def test_office_dialog_groups_a_bare_phone_at_its_area_code(qtbot: QtBot) -> None:
    dialog = OfficeDialog(OfficeProfile(name="藤沢社会保険労務士法人"))
    qtbot.addWidget(dialog)
    dialog.field("phone").setText("０４６６２５１２３４")  # typed in Japanese input mode
    dialog.field("fax").setText("0471671235")
    profile = dialog.profile()
    assert (profile.phone, profile.fax) == ("0466-25-1234", "04-7167-1235")
