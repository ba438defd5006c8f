"""ヘルプ: the guide, the data folder, the licences and the version, from the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

import noticedesk
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.dialogs.about import AboutDialog, GuideDialog, LicencesDialog
from tests.helpers.windows import OpenedUrls, WindowFactory, new_session


def test_the_help_menu_reads_in_japanese_and_opens_the_data_folder(
    make_window: WindowFactory, data_dir: Path, translation: Translation, opened: OpenedUrls
) -> None:
    assert translation.switch("ja")
    window = make_window(
        new_session(data_dir), language="ja", translation=translation, open_url=opened
    )
    menus = window.menus
    assert menus.help_menu.title() == "ヘルプ(&H)"
    assert [a.text() for a in menus.help_menu.actions() if not a.isSeparator()] == [
        "使い方(&H)…",
        "データフォルダを開く(&D)",
        "ライセンス(&L)…",
        "バージョン情報(&A)…",
    ]
    assert window.menuBar().actions()[-1].menu() is menus.help_menu  # the last menu
    menus.help.folder_action.trigger()
    assert opened.urls == [QUrl.fromLocalFile(str(data_dir))]


def test_about_names_the_version_the_qt_it_runs_on_and_the_data_folder(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, opened: OpenedUrls
) -> None:
    window = make_window(None, open_url=opened)
    window.menus.help.about_action.trigger()
    dialog = window.menus.help.dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "About NoticeDesk"
    assert noticedesk.__version__ in dialog.findChild(type(dialog.folder), "title").text()
    versions = dialog.versions.text()
    assert "Qt 6." in versions and "PySide6 6." in versions and "Python 3." in versions
    assert dialog.folder.text() == str(data_dir)
    dialog.open_folder.click()
    assert opened.urls == [QUrl.fromLocalFile(str(data_dir))]
    dialog.reject()
    qtbot.waitUntil(lambda: window.menus.help.dialog is None)


def test_f1_shows_the_readme_guide_and_the_licences_are_listed(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(None)
    help_commands = window.menus.help
    assert help_commands.guide_action.shortcut().toString() == "F1"
    help_commands.guide_action.trigger()
    guide = help_commands.dialog
    assert isinstance(guide, GuideDialog)
    text = guide.browser.toPlainText()
    assert text.startswith("A day's work in the window")
    assert "ファイル → 書き出し" in text and "印刷用にまとめたファイルも作る" in text
    assert "The command line" not in text  # the next section is not part of it
    guide.reject()

    help_commands.licences_action.trigger()
    licences = help_commands.dialog
    assert isinstance(licences, LicencesDialog)
    notices = licences.browser.toPlainText()
    summary = notices.split("=" * 78)[1].splitlines()
    pyside = next(line for line in summary if line.lower().startswith("pyside6"))
    assert "LGPL-3.0" in pyside
    assert {"pandas", "keyring", "openpyxl", "cryptography", "docxtpl"} <= {
        line.split()[0].lower() for line in summary if line.strip()
    }
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices  # the texts follow the list
    licences.reject()
