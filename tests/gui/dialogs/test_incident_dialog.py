"""The incident dialog: every field a document prints, partial saves, refused dates, the
deadlines with the rule behind each, the office's own deadlines and the associations table.

Dates follow the PPC's rule as the core counts it: the day of discovery is day 1, so discovery
on 2023-06-05 gives 速報 2023-06-09 (day 5) and, under rule art. 7 no. 3, 確報 2023-08-03
(day 60, a Thursday).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from noticedesk.core.dates import seireki
from noticedesk.core.incident import Incident
from noticedesk.gui.dialogs.association_table import COL_NAME, COL_STATUS
from noticedesk.gui.dialogs.incident import TAB_FACTS, TAB_ITEMS, TAB_OTHER, IncidentDialog
from tests.helpers.windows import WindowFactory, new_session, open_session, unfiled_sample_incident

DISCOVERED = dt.date(2023, 6, 5)


def save(qtbot: QtBot, dialog: IncidentDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    with qtbot.waitSignal(dialog.finished):
        box.button(QDialogButtonBox.StandardButton.Save).click()


def opened(qtbot: QtBot, incident: Incident | None, language: str = "en") -> IncidentDialog:
    dialog = IncidentDialog(incident, dt.date(2023, 7, 1), language)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


# -- a partial incident ------------------------------------------------------------------------


def test_a_partial_incident_saves_and_round_trips_every_new_field(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir), today=dt.date(2023, 6, 5))
    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    # Day 1: only what is known yet.
    assert dialog.occurred_on.unknown.isChecked()  # a blank incident: 発生日 unknown
    dialog.title.setText("利用システムへの不正アクセス")
    dialog.discovered_on.setDate(QDate(2023, 6, 5))
    dialog.occurred_on.unknown.setChecked(False)
    dialog.occurred_on.date.setDate(QDate(2023, 6, 4))
    dialog.clients_notified.set_value(dt.date(2023, 6, 6))
    dialog.notice_date.setDate(QDate(2023, 6, 7))
    dialog.unauthorized.setChecked(True)
    dialog.preliminary_override.set_value(dt.date(2023, 6, 8))
    dialog.final_override.set_value(dt.date(2023, 8, 4))
    dialog.employee_overview.setPlainText("皆様の個人情報が漏えいしたおそれがあります。")
    dialog.contact.setText("個人情報対応窓口")
    dialog.contact_phone.setText("0120-000-111")
    dialog.contact_email.setText("privacy@example.jp")
    dialog.contact_hours.setText("平日9時～17時")
    dialog.service_status.setPlainText("7月15日に業務を再開しました。")
    dialog.vendor_report_url.setText("https://vendor.example.jp/topics/")
    dialog.office_news_url.setText("https://office.example.jp/news/")
    dialog.associations.add()
    model = dialog.associations.model
    model.setData(model.index(0, COL_NAME), "東京SR経営労務センター")
    model.setData(model.index(0, COL_STATUS), "7月中に復旧の見込みです。")

    missing = dialog.missing_fields()
    assert missing[:2] == ["vendor", "system"]  # the title is there
    assert missing[2:] == [
        "overview",
        "data_items",
        "people",
        "cause",
        "secondary_damage",
        "response_to_individuals",
        "publication",
        "prevention",
        "other",
    ]
    assert dialog.missing_note.isVisible()
    save(qtbot, dialog)  # the nine items can wait: the note said so, and the save goes through

    window.close()
    stored_session = open_session(data_dir)
    try:
        stored = stored_session.incident
    finally:
        stored_session.close()
    assert stored is not None
    expected = {
        "title": "利用システムへの不正アクセス",
        "vendor": "",
        "occurred_on": dt.date(2023, 6, 4),
        "discovered_on": dt.date(2023, 6, 5),
        "clients_notified_on": dt.date(2023, 6, 6),
        "notice_date": dt.date(2023, 6, 7),
        "unauthorized_purpose": True,
        "preliminary_due_override": dt.date(2023, 6, 8),
        "final_due_override": dt.date(2023, 8, 4),
        "preliminary_filed_on": None,
        "final_filed_on": None,
        "employee_overview": "皆様の個人情報が漏えいしたおそれがあります。",
        "contact": "個人情報対応窓口",
        "contact_phone": "0120-000-111",
        "contact_email": "privacy@example.jp",
        "contact_hours": "平日9時～17時",
        "service_status": "7月15日に業務を再開しました。",
        "vendor_report_url": "https://vendor.example.jp/topics/",
        "office_news_url": "https://office.example.jp/news/",
        "associations": {"東京SR経営労務センター": "7月中に復旧の見込みです。"},
    }
    assert {key: getattr(stored, key) for key in expected} == expected
    assert stored.items["cause"] == ""

    # Opened again, the dialog shows what was saved and gives back the same incident.
    again = opened(qtbot, stored)
    assert not again.occurred_on.unknown.isChecked()
    assert again.final_override.checkbox.isChecked()
    assert again.contact_hours.text() == "平日9時～17時"
    assert again.incident() == stored


def test_an_unknown_occurrence_date_stays_unknown(qtbot: QtBot) -> None:
    incident = dataclasses.replace(unfiled_sample_incident(), occurred_on=None)
    dialog = opened(qtbot, incident)
    assert dialog.occurred_on.unknown.isChecked()
    assert not dialog.occurred_on.date.isEnabled()
    assert dialog.incident().occurred_on is None
    assert dialog.incident() == incident


# -- dates that cannot be right ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "make_wrong"),
    [
        ("occurred_on", lambda d: d.occurred_on.date.setDate(QDate(2023, 6, 6))),
        ("clients_notified_on", lambda d: d.clients_notified.set_value(dt.date(2023, 6, 1))),
        ("notice_date", lambda d: d.notice_date.setDate(QDate(2023, 5, 31))),
        ("final_due_override", lambda d: d.final_override.set_value(dt.date(2023, 6, 4))),
    ],
)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_an_impossible_date_is_refused_and_the_cursor_put_on_it(
    qtbot: QtBot, field: str, make_wrong: object, language: str
) -> None:
    dialog = opened(qtbot, unfiled_sample_incident(), language)
    dialog.tabs.setCurrentIndex(TAB_ITEMS)  # the faulty date is on another tab
    make_wrong(dialog)  # type: ignore[operator]
    problems = dialog.incident().date_problems()
    assert [p.field for p in problems] == [field]
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text() == problems[0].text(language)
    assert dialog.tabs.currentIndex() == TAB_FACTS
    targets = {
        "occurred_on": dialog.occurred_on.date,
        "clients_notified_on": dialog.clients_notified.date,
        "notice_date": dialog.notice_date,
        "final_due_override": dialog.final_override.date,
    }
    assert dialog.focusWidget() is targets[field]


# -- the deadlines and the rule behind them ----------------------------------------------------


def test_the_deadlines_show_the_rule_that_gave_them(qtbot: QtBot) -> None:
    incident = unfiled_sample_incident()
    assert (incident.discovered_on, incident.unauthorized_purpose) == (DISCOVERED, True)
    dialog = opened(qtbot, incident)
    final = incident.deadlines.final
    assert final.due == dt.date(2023, 8, 3)
    assert dialog.final_view.status.text() == "Final report: 2023-08-03 (33 day(s) left)"
    basis = dialog.final_view.basis.text()
    assert basis == final.basis(lambda day: day.isoformat(), "en")
    assert "2023-06-05" in basis and "60" in basis and "7" in basis
    assert dialog.preliminary_view.status.text().startswith("Preliminary report: 2023-06-09 ")
    assert dialog.preliminary_view.basis.text() == incident.deadlines.preliminary.basis(
        lambda day: day.isoformat(), "en"
    )
    # The rule follows the flag: 30 days, day 30 is Tuesday 2023-07-04.
    dialog.unauthorized.setChecked(False)
    thirty = dataclasses.replace(incident, unauthorized_purpose=False).deadlines.final
    assert thirty.due == dt.date(2023, 7, 4)
    assert dialog.final_view.basis.text() == thirty.basis(lambda day: day.isoformat(), "en")


def test_the_rule_is_written_in_japanese_with_japanese_dates(qtbot: QtBot) -> None:
    incident = unfiled_sample_incident()
    dialog = opened(qtbot, incident, "ja")
    basis = dialog.final_view.basis.text()
    assert basis == incident.deadlines.final.basis(seireki, "ja")
    assert "2023年6月5日" in basis


def test_an_override_replaces_the_date_and_keeps_the_rule_in_view(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    filed_preliminary = dataclasses.replace(
        unfiled_sample_incident(), preliminary_filed_on=dt.date(2023, 6, 9)
    )
    session.set_incident(filed_preliminary)
    # 2023-08-05: the rule's 確報 deadline (2023-08-03) has passed.
    window = make_window(session, today=dt.date(2023, 8, 5))
    assert window.status_area.banner.isVisible()
    assert "Final report: 2023-08-03 (2 day(s) overdue)" in window.status_area.banner.text()

    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    override = dialog.final_override
    assert not override.date.isEnabled()
    assert override.date.date() == QDate(2023, 8, 3)  # ticking starts from the rule's date
    override.checkbox.setChecked(True)
    override.date.setDate(QDate(2023, 8, 10))
    status = dialog.final_view.status.text()
    assert status == "Final report: 2023-08-10 (set by the office; 5 day(s) left)"
    basis = dialog.final_view.basis.text()
    assert "set by the office" in basis
    assert "2023-08-03" in basis  # the computed date stays visible
    saved = dialog.incident()
    assert basis == saved.deadlines.final.basis(lambda day: day.isoformat(), "en")
    save(qtbot, dialog)

    assert window.status_area.banner.isHidden()  # the office's date has not passed
    label = window.status_area.deadlines_label
    assert "Final report: 2023-08-10 (set by the office; 5 day(s) left)" in label.text()
    tooltip = label.toolTip()
    assert f"Final report: {basis}" in tooltip
    assert "Preliminary report: " in tooltip

    window.close()
    stored = open_session(data_dir)
    try:
        assert stored.incident is not None
        assert stored.incident.final_due_override == dt.date(2023, 8, 10)
        assert stored.incident.deadlines.final.due == dt.date(2023, 8, 10)
    finally:
        stored.close()


def test_the_status_bar_explains_each_deadline_in_a_tooltip(
    make_window: WindowFactory, data_dir: Path
) -> None:
    session = new_session(data_dir)
    incident = unfiled_sample_incident()
    session.set_incident(incident)
    window = make_window(session, today=dt.date(2023, 6, 7))
    deadlines = incident.deadlines
    assert window.status_area.deadlines_label.toolTip() == (
        "Preliminary report: "
        + deadlines.preliminary.basis(lambda day: day.isoformat(), "en")
        + "\nFinal report: "
        + deadlines.final.basis(lambda day: day.isoformat(), "en")
    )


# -- the missing note --------------------------------------------------------------------------


def test_a_name_in_the_missing_note_takes_the_cursor_to_its_field(qtbot: QtBot) -> None:
    incident = unfiled_sample_incident()
    incident = dataclasses.replace(incident, vendor="", items={**incident.items, "cause": ""})
    dialog = opened(qtbot, incident)
    assert dialog.missing_fields() == ["vendor", "cause"]
    assert '<a href="cause">(4) Cause</a>' in dialog.missing_note.text()
    dialog.missing_note.linkActivated.emit("cause")
    assert dialog.tabs.currentIndex() == TAB_ITEMS
    assert dialog.focusWidget() is dialog.items["cause"]
    dialog.missing_note.linkActivated.emit("vendor")
    assert dialog.tabs.currentIndex() == TAB_FACTS
    assert dialog.focusWidget() is dialog.vendor
    dialog.vendor.setText("株式会社エムケイシステム")
    dialog.items["cause"].setPlainText("不正アクセス")
    assert dialog.missing_note.isHidden()


# -- the associations --------------------------------------------------------------------------


def test_the_association_table_edits_round_trip(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    incident = unfiled_sample_incident()
    assert list(incident.associations) == ["東京SR経営労務センター", "福岡SR経営労務センター"]
    session.set_incident(incident)
    window = make_window(session)
    window.menus.incident_action.trigger()
    dialog = window.case_details.incident_dialog
    dialog.tabs.setCurrentIndex(TAB_OTHER)
    editor = dialog.associations
    model = editor.model
    assert model.rowCount() == 2
    assert model.index(0, COL_NAME).data() == "東京SR経営労務センター"

    # A status edited in place.
    assert model.setData(model.index(0, COL_STATUS), "  復旧しました。 ")
    # A row added and typed into, as staff would: Add opens the name cell's editor.
    editor.add_button.click()
    typing = editor.view.focusWidget()  # the cell's editor
    assert isinstance(typing, QLineEdit)
    typing.setText("大阪SR経営労務センター")  # an input method's commit (keyClicks is ASCII only)
    qtbot.keyClick(typing, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: model.index(2, COL_NAME).data() == "大阪SR経営労務センター")
    assert model.setData(model.index(2, COL_STATUS), "8月上旬の復旧見込みです。")
    # A name already listed is refused, and the editor says why.
    assert not model.setData(model.index(2, COL_NAME), "東京SR経営労務センター")
    assert model.index(2, COL_NAME).data() == "大阪SR経営労務センター"
    assert editor.notice.isVisible() and "東京SR経営労務センター" in editor.notice.text()
    # A blank row is not an association.
    editor.add_button.click()
    # The Fukuoka row removed through the selection.
    editor.view.clearSelection()
    assert not editor.remove_button.isEnabled()
    editor.view.selectRow(1)
    assert editor.remove_button.isEnabled()
    editor.remove_button.click()
    assert model.rowCount() == 3

    expected = {
        "東京SR経営労務センター": "復旧しました。",
        "大阪SR経営労務センター": "8月上旬の復旧見込みです。",
    }
    assert dialog.incident().associations == expected
    save(qtbot, dialog)
    window.close()
    stored = open_session(data_dir)
    try:
        assert stored.incident is not None
        assert stored.incident.associations == expected
        assert list(stored.incident.associations) == list(expected)  # the order entered
    finally:
        stored.close()
