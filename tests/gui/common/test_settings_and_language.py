"""Settings that survive a restart, and the Japanese interface."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import bundled_dir
from noticedesk.gui.common.i18n import Translation, choose_language
from noticedesk.gui.common.settings import SETTINGS_VERSION, WindowSettings
from noticedesk.gui.table.model import COL_INDIVIDUAL
from tests.helpers.windows import ROWS, WindowFactory, drop_files, new_session

TS_FILE = bundled_dir("resources") / "i18n" / "noticedesk_ja.ts"


def test_settings_are_an_ini_file_in_the_data_folder_with_a_version(data_dir: Path) -> None:
    settings = WindowSettings(data_dir)
    settings.set_language("en")
    settings.add_recent_file(data_dir / "一覧A.csv")
    settings.add_recent_file(data_dir / "一覧B.xlsx")
    settings.add_recent_file(data_dir / "一覧A.csv")  # moves to the top, no duplicate
    settings.set_column_widths([80, 200, 300])
    settings.sync()
    assert (data_dir / "settings.ini").is_file()
    raw = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert int(raw.value("version")) == SETTINGS_VERSION
    again = WindowSettings(data_dir)
    assert again.language() == "en"
    assert [p.name for p in again.recent_files()] == ["一覧A.csv", "一覧B.xlsx"]
    assert again.column_widths() == [80, 200, 300]


def test_geometry_column_widths_and_recent_files_come_back(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = make_window(new_session(data_dir))
    assert drop_files(window, roster_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS))
    window.resize(720, 520)  # inside the 800x600 offscreen screen
    window.table.setColumnWidth(1, 333)
    window.close()
    second = make_window(None)
    assert second.table.columnWidth(1) == 333
    assert second.size().width() == 720
    recent = [a.text() for a in second.menus.recent_menu.actions()]
    assert recent == ["&1 顧問先一覧.csv"]
    second.menus.recent_menu.actions()[0].trigger()  # reopening it from the menu reads it again
    qtbot.waitUntil(lambda: second.model.rowCount() == len(ROWS))


def test_language_comes_from_the_option_then_the_settings_then_the_system() -> None:
    japan, us = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), QLocale("en_US")
    assert choose_language(None, None, japan) == "ja"
    assert choose_language(None, None, us) == "en"
    assert choose_language(None, "ja", us) == "ja"
    assert choose_language("en", "ja", japan) == "en"


def test_every_string_has_a_finished_japanese_translation() -> None:
    root = ET.parse(TS_FILE).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if (m.find("translation") is None)
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []
    assert (TS_FILE.with_suffix(".qm")).stat().st_size > 0


def test_the_window_speaks_japanese_and_switches_to_english(
    make_window: WindowFactory, data_dir: Path, roster_file: Path, translation: Translation
) -> None:
    assert translation.switch("ja")
    window = make_window(new_session(data_dir), language="ja", translation=translation, show=False)
    assert window.menus.file_menu.title() == "ファイル(&F)"
    header = window.model.headerData(COL_INDIVIDUAL, Qt.Orientation.Horizontal)
    assert header == "個別報告"
    # Qt's own strings come from qtbase_ja: the standard Cancel button.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    window.set_language("en")
    assert window.menus.file_menu.title() == "&File"
    assert window.state.settings.language() == "en"
    assert window.menus.language_actions["en"].isChecked()


def test_the_new_commands_and_filed_reports_read_in_japanese(
    make_window: WindowFactory, data_dir: Path, translation: Translation
) -> None:
    from noticedesk.core.bundled import sample_dir
    from noticedesk.core.incident import load_incident

    assert translation.switch("ja")
    session = new_session(data_dir)
    session.set_incident(load_incident(sample_dir() / "incident.toml"))
    window = make_window(
        session, language="ja", translation=translation, today=dt.date.today(), show=False
    )
    # The sample office filed both reports: no countdown, no banner, years later.
    assert window.status_area.deadlines_label.text() == (
        "速報：報告済（2023年6月9日）　｜　確報：報告済（2023年7月28日）"
    )
    assert window.status_area.banner.isHidden()
    assert window.menus.export_action.text() == "書き出し(&E)…"
    assert window.menus.export_action.shortcut().toString() == "Ctrl+E"
    edit_menus = [a.text() for a in window.menus.edit_menu.actions()]
    assert "印刷済にする(&P)" in edit_menus and "送付済にする(&S)" in edit_menus
    case_menu = [a.text() for a in window.menus.case_menu.actions()]
    for text in ("新しい事案(&N)…", "事案を開く(&C)…", "回復コードで開く(&R)…"):
        assert text in case_menu
    assert "監査ログを書き出す(&A)…" in case_menu
