"""The Help menu's dialogs on their own, and how the place a case's key is kept is named."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.key_storage_text import (
    keep_on_this_computer_text,
    key_storage_name,
    protection_name,
)
from noticedesk.gui.dialogs.about import GUIDE_HEADING, GuideDialog, guide_text
from noticedesk.gui.dialogs.case_dialogs import NewCaseDialog, OpenCaseDialog
from tests.helpers.paths import REPO

CATALOGUE = REPO / "resources" / "i18n" / "noticedesk_ja.ts"


def test_the_guide_is_the_readme_section_without_its_pictures(qtbot: QtBot, tmp_path: Path) -> None:
    readme = "\n".join(
        [
            "# NoticeDesk",
            GUIDE_HEADING,
            "",
            "1. **事案 → 新しい事案**: one case per incident.",
            "![a picture](docs/preview.png)",
            "## The command line",
            "noticedesk export",
        ]
    )
    text = guide_text(readme)
    assert text.startswith("# A day's work") and "新しい事案" in text
    assert "preview.png" not in text and "command line" not in text
    assert guide_text("# nothing here") == ""

    missing = GuideDialog(tmp_path / "README.md")
    qtbot.addWidget(missing)
    assert "not included in this installation" in missing.browser.toPlainText()


@pytest.mark.parametrize(
    ("platform", "option", "place"),
    [
        ("win32", "この PC（Windows の資格情報）に鍵を保管する", "Windows の資格情報"),
        ("darwin", "この Mac のキーチェーンに鍵を保管する", "この Mac のキーチェーン"),
        ("linux", "この PC の鍵の保管場所に鍵を保管する", "この PC の鍵の保管場所"),
    ],
)
def test_the_new_case_dialog_names_the_key_storage_in_the_systems_words(
    qtbot: QtBot, translation: Translation, platform: str, option: str, place: str
) -> None:
    assert translation.switch("ja")
    dialog = NewCaseDialog([], platform=platform)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == ""
    assert dialog.name.placeholderText() == "例：2023年7月 システム障害"
    assert dialog.protection.keep_button.text() == option
    assert dialog.protection.passphrase_button.text() == "パスフレーズで保護する"
    assert keep_on_this_computer_text(platform) == option
    assert key_storage_name(platform) == place
    assert protection_name("keyring", platform) == place


def test_the_list_of_cases_names_the_protection_in_plain_words(
    qtbot: QtBot, translation: Translation
) -> None:
    import datetime as dt

    from noticedesk.core.case import CaseSummary

    assert translation.switch("ja")
    when = dt.datetime(2023, 7, 28, 14, 5).astimezone()
    cases = [
        CaseSummary("a", "7月の事案", when, None, "keyring"),
        CaseSummary("b", "8月の事案", when, None, "passphrase"),
    ]
    dialog = OpenCaseDialog(cases, None)
    qtbot.addWidget(dialog)
    shown = [dialog.list.topLevelItem(i).text(2) for i in range(2)]
    assert shown == [key_storage_name(), "パスフレーズ"]


JARGON = ("credential store", "keyring", "資格情報ストア", "キーリング", "secret service")


def test_no_window_text_speaks_of_credential_stores_or_keyrings() -> None:
    """Every string of the window, in English and in Japanese, as the catalogue holds them."""
    found = []
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        if not message.findall("location"):
            continue  # no longer in the code
        for text in (message.findtext("source") or "", message.findtext("translation") or ""):
            if any(word in text.casefold() for word in JARGON):
                found.append(text)
    assert found == []
