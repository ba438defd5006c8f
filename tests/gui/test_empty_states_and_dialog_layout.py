"""What staff see before anything is loaded, and dialogs that read whole and answer the keyboard.

Each test drives the window or a dialog as a user would (real CP932 rosters, a real case) and
checks what ends up on screen: the hint in an empty table, the problems list and its full
message, the overdue banner's link, Alt+key accelerators, sizes that fit a laptop screen, texts
that are not cut off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.office import OfficeProfile
from noticedesk.gui.clients.problems_panel import COL_ROW
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.dialogs.case_dialogs import OpenCaseDialog, RecoveryOpenDialog
from noticedesk.gui.dialogs.incident import (
    PREFERRED_SIZE,
    TAB_CONTACT,
    TAB_FACTS,
    TAB_ITEMS,
    TAB_OTHER,
    IncidentDialog,
)
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.dialogs.passphrase import PassphraseDialog
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    drop_files,
    new_session,
    unfiled_sample_incident,
    write_roster,
)

LAPTOP_SCREEN = (1366, 768)  # still the most common office laptop in Japan


def ink_in_middle(widget: QWidget) -> int:
    """How many pixels in the middle third of ``widget`` differ from its background."""
    image: QImage = widget.grab().toImage()
    background = QColor(image.pixel(2, 2))
    w, h = image.width(), image.height()
    return sum(
        1
        for x in range(w // 3, 2 * w // 3, 3)
        for y in range(h // 3, 2 * h // 3, 3)
        if QColor(image.pixel(x, y)) != background
    )


def press_alt(qtbot: QtBot, dialog: QWidget, key: Qt.Key) -> QWidget | None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    return QApplication.focusWidget()


# -- the empty window -------------------------------------------------------------------------


def test_an_empty_table_says_to_drop_the_client_list_until_one_is_read(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    hint = window.table.empty_hint()
    assert "Drag and drop the client list" in hint and "Ctrl+O" in hint
    assert ink_in_middle(window.table.viewport()) > 0  # it is painted, not only computed
    assert window.problems_dock.isHidden()  # no empty list of problems beside it

    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    assert window.table.empty_hint() == ""
    assert window.problems_dock.isHidden()  # this list has no problems


def test_a_search_that_hides_every_client_says_so(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    window.search.setText("存在しない会社")
    assert window.proxy.rowCount() == 0
    assert "No client matches the search" in window.table.empty_hint()
    assert "Drag and drop" not in window.table.empty_hint()
    window.search.clear()
    assert window.table.empty_hint() == ""


def test_the_empty_table_speaks_japanese(
    make_window: WindowFactory, translation: Translation
) -> None:
    assert translation.switch("ja")
    window = make_window(None, language="ja", show=False)
    hint = window.table.empty_hint()
    assert "顧問先一覧" in hint and "ドラッグ＆ドロップ" in hint
    assert window.problems_dock.toggleViewAction().text() == "顧問先一覧の問題(&P)"
    header = window.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "顧問先名"  # the office's word for its clients, as everywhere else
    assert "共同報告" in window.status_area.counts_label.text()  # the joint report, as in the CLI


def test_space_in_the_search_box_is_typed_not_a_tick(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    # The menu shows Space where shortcuts go, but Space is the table's, not the action's.
    assert window.menus.tick_action.text().endswith("\tSpace")
    assert window.menus.tick_action.shortcut().isEmpty()
    ticked = window.model.count_individual()
    window.table.selectRow(0)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "03 6363")
    assert window.search.text() == "03 6363"
    assert window.proxy.rowCount() == 1  # both words narrow the list
    assert window.model.count_individual() == ticked


# -- the problems list ---------------------------------------------------------------------------


def test_the_problems_list_shows_the_current_message_whole(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    rows = [
        *ROWS[:2],
        "C0003,株式会社さくら運輸,810-0001,福岡県福岡市中央区天神4丁目2番27号,092-845-2013,,たぶん",
        "C0004,合同会社ミナト企画,22-12,神奈川県横浜市西区みなとみらい1丁目8番2号,045-629-3363,,",
    ]
    roster = write_roster(tmp_path / "顧問先一覧.csv", rows)
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(rows))
    panel = window.problems
    assert window.problems_dock.isVisible()
    assert "until then the documents cannot be exported" in panel.summary.text()

    # The first line is current: an error, whose message the narrow column cannot hold.
    error_text = panel.model.issue_at(0).text("en")
    assert "たぶん" in error_text
    assert panel.detail.isVisible() and panel.detail.text() == f"Error: {error_text}"
    panel.view.setCurrentIndex(panel.model.index(1, COL_ROW))
    assert panel.detail.text().startswith("Warning: ") and "22-12" in panel.detail.text()

    # Errors and warnings differ by icon, not only by colour.
    icons = [
        panel.model.data(panel.model.index(row, COL_ROW), Qt.ItemDataRole.DecorationRole)
        for row in range(2)
    ]
    assert all(icon is not None and not icon.isNull() for icon in icons)
    assert icons[0].cacheKey() != icons[1].cacheKey()


# -- the overdue banner --------------------------------------------------------------------------


def test_the_overdue_banner_links_to_the_filing_dates(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    session = new_session(data_dir)
    session.set_incident(unfiled_sample_incident())  # 速報 due 2023-06-09 (day 5 from 06-05)
    window = make_window(session, today=dt.date(2023, 6, 20))
    banner = window.status_area.banner
    assert banner.isVisible()
    assert "11 day(s) overdue" in banner.text()
    assert 'href="incident"' in banner.text()
    banner.linkActivated.emit("incident")  # what a click on the link sends
    dialog = window.case_details.incident_dialog
    assert dialog.isVisible()
    dialog.preliminary_filed.checkbox.setChecked(True)
    dialog.preliminary_filed.date.setDate(QDate(2023, 6, 9))
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert banner.isHidden()


# -- the incident dialog -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_incident_dialog_fits_a_laptop_screen(
    qtbot: QtBot, language: str, translation: Translation
) -> None:
    translation.switch(language)
    dialog = IncidentDialog(unfiled_sample_incident(), dt.date(2023, 7, 1), language)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() - 80 and dialog.height() <= room.height() - 80
    # It may shrink to a laptop screen: the nine items scroll, nothing else needs room.
    width, height = LAPTOP_SCREEN
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= width - 80 and minimum.height() <= height - 80
    # The date boxes keep a date's width instead of running across the dialog.
    assert dialog.discovered_on.width() < dialog.title.width() // 2


@pytest.mark.parametrize("language", ["en", "ja"])
def test_on_a_laptop_the_facts_and_deadlines_need_no_scrolling(
    qtbot: QtBot, language: str, translation: Translation
) -> None:
    # A day-1 incident: every report item missing makes the note beneath the tabs its longest.
    translation.switch(language)
    dialog = IncidentDialog(None, dt.date(2023, 6, 5), language)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert len(dialog.missing_fields()) == 12
    width, height = LAPTOP_SCREEN
    taskbar = 40
    dialog.resize(min(PREFERRED_SIZE[0], width - 80), height - taskbar - 80)
    QApplication.processEvents()
    facts = dialog.tabs.widget(TAB_FACTS)
    assert isinstance(facts, QScrollArea)
    # Every date and both deadlines with their rules are in view at once.
    assert facts.verticalScrollBar().maximum() == 0
    assert facts.horizontalScrollBar().maximum() == 0


def test_each_report_item_box_shows_its_lines_without_scrolling(qtbot: QtBot) -> None:
    dialog = IncidentDialog(unfiled_sample_incident(), dt.date(2023, 7, 1), "en")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(TAB_ITEMS)
    overview, people = dialog.items["overview"], dialog.items["people"]
    for box, lines in ((overview, 4), (people, 2)):
        box.setPlainText("\n".join("発生日時及び経緯" for _ in range(lines)))
        QApplication.processEvents()
        assert box.verticalScrollBar().maximum() == 0, box.objectName()
        box.setPlainText("\n".join("発生日時及び経緯" for _ in range(lines + 2)))
        QApplication.processEvents()
        assert box.verticalScrollBar().maximum() > 0  # sized to the lines, not to the page


def test_alt_and_a_number_goes_to_that_report_item(qtbot: QtBot) -> None:
    dialog = IncidentDialog(unfiled_sample_incident(), dt.date(2023, 7, 1), "en")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    press_alt(qtbot, dialog, Qt.Key.Key_I)  # the tab of the report items
    assert dialog.tabs.currentIndex() == TAB_ITEMS
    assert press_alt(qtbot, dialog, Qt.Key.Key_4) is dialog.items["cause"]
    press_alt(qtbot, dialog, Qt.Key.Key_L)  # back to the facts and deadlines
    assert dialog.tabs.currentIndex() == TAB_FACTS
    assert press_alt(qtbot, dialog, Qt.Key.Key_D) is dialog.discovered_on
    assert press_alt(qtbot, dialog, Qt.Key.Key_U) is dialog.unauthorized
    assert press_alt(qtbot, dialog, Qt.Key.Key_P) is dialog.preliminary_filed.checkbox
    assert press_alt(qtbot, dialog, Qt.Key.Key_O) is dialog.occurred_on.date
    assert press_alt(qtbot, dialog, Qt.Key.Key_K) is dialog.occurred_on.unknown
    assert press_alt(qtbot, dialog, Qt.Key.Key_C) is dialog.clients_notified.checkbox
    assert press_alt(qtbot, dialog, Qt.Key.Key_R) is dialog.preliminary_override.checkbox
    assert press_alt(qtbot, dialog, Qt.Key.Key_A) is dialog.final_override.checkbox
    press_alt(qtbot, dialog, Qt.Key.Key_E)
    assert dialog.tabs.currentIndex() == TAB_CONTACT
    assert press_alt(qtbot, dialog, Qt.Key.Key_D) is dialog.contact
    press_alt(qtbot, dialog, Qt.Key.Key_H)
    assert dialog.tabs.currentIndex() == TAB_OTHER
    assert press_alt(qtbot, dialog, Qt.Key.Key_A) is dialog.associations.view


def test_missing_items_are_listed_in_japanese_style_and_do_not_stop_a_save(
    qtbot: QtBot, translation: Translation
) -> None:
    incident = dataclasses.replace(
        unfiled_sample_incident(),
        items={**unfiled_sample_incident().items, "cause": "", "other": ""},
    )
    assert translation.switch("ja")
    dialog = IncidentDialog(incident, dt.date(2023, 7, 1), "ja")
    qtbot.addWidget(dialog)
    dialog.open()
    note = dialog.missing_note
    assert note.isVisible()
    assert "後から入力できます" in note.text()
    assert (
        '<a href="cause">(4) 原因</a>／<a href="other">(9) その他参考となる事項</a>' in note.text()
    )
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.incident().items["cause"] == ""


# -- the other dialogs -----------------------------------------------------------------------


def test_the_office_dialog_fields_answer_alt_keys(qtbot: QtBot) -> None:
    dialog = OfficeDialog(OfficeProfile())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert press_alt(qtbot, dialog, Qt.Key.Key_A) is dialog.field("address")
    assert press_alt(qtbot, dialog, Qt.Key.Key_H) is dialog.field("phone")
    assert press_alt(qtbot, dialog, Qt.Key.Key_N) is dialog.field("name")
    assert press_alt(qtbot, dialog, Qt.Key.Key_K) is dialog.choice("kind")
    assert press_alt(qtbot, dialog, Qt.Key.Key_D) is dialog.choice("date_style")
    # The messages are the core's, naming the field without its accelerator.
    dialog.accept()
    assert "The office profile has no address" in dialog.errors.text()
    assert "&" not in dialog.errors.text()


def test_the_case_list_shows_each_time_whole(qtbot: QtBot, data_dir: Path) -> None:
    for name in ("2023年6月 社労夢障害（顧問先への通知と個人情報保護委員会への報告）", "8月の事案"):
        store, _code = CaseStore.create(data_dir, name, KeyringKeySource())
        store.close()
    dialog = OpenCaseDialog(CaseStore.list_cases(data_dir), "8月の事案")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    tree = dialog.list
    metrics = tree.fontMetrics()
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        when = item.text(1)
        assert when[4] == "/" and when[7] == "/"  # 2023/07/28 14:05
        assert tree.columnWidth(1) >= metrics.horizontalAdvance(when)
        assert tree.columnWidth(2) >= metrics.horizontalAdvance(item.text(2))
    names = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
    assert "8月の事案 (open now)" in names


def test_the_recovery_code_entry_starts_in_the_code_box(qtbot: QtBot) -> None:
    dialog = RecoveryOpenDialog(["6月の事案", "8月の事案"], "8月の事案", lambda *_: "")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.code.hasFocus())
    assert dialog.case.currentText() == "8月の事案"
    assert press_alt(qtbot, dialog, Qt.Key.Key_C) is dialog.case


def test_a_passphrase_dialog_without_explanation_starts_with_the_question(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("", new=False, error="The passphrase is wrong.")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "" not in shown
    assert shown[0] == "Type the passphrase of the case."
    assert press_alt(qtbot, dialog, Qt.Key.Key_P) is dialog.passphrase


def test_the_templates_dialog_grows_to_show_every_problem(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window(new_session(data_dir))
    window.menus.templates_action.trigger()
    dialog = window.templates.dialog
    qtbot.waitExposed(dialog)
    before = dialog.height()
    folder = tmp_path / "事務所のテンプレート"
    folder.mkdir()
    (folder / "cover.docx").write_bytes(b"not a Word file")  # as a failed copy leaves it
    dialog.choose(folder)
    assert "cover.docx" in dialog.problems_text()
    QApplication.processEvents()
    assert dialog.height() > before
    # No line of the templates list is squeezed below its height.
    for label in dialog.source_labels.values():
        assert label.height() >= label.sizeHint().height()
    assert dialog.problems_label.height() >= dialog.problems_label.heightForWidth(
        dialog.problems_label.width()
    )
    window.close()
