"""A list dropped with no case open: the office names the case and chooses how it is kept.

The windows here ask as the program does (the factory the test windows use to make a case
without asking is taken away). The recovery code that follows is never covered by an error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseError, CaseStore
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.dialogs.first_case import FirstCaseDialog
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow
from tests.core.roster.test_mapping import office_list
from tests.helpers.keyring_memory import MemoryKeyring
from tests.helpers.windows import ROWS, WindowFactory, drop_files

CASE_NAME = "2023年7月 システム障害"


def asking_window(make_window: WindowFactory, **options: object) -> MainWindow:
    window = make_window(None, **options)
    window.roster_loading.new_session_for = None  # as the program builds it: the office is asked
    return window


def asked(qtbot: QtBot, window: MainWindow) -> FirstCaseDialog:
    qtbot.waitUntil(lambda: window.roster_loading.new_case.dialog is not None)
    dialog = window.roster_loading.new_case.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def press(dialog: object, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)  # type: ignore[attr-defined]
    box.button(button).click()


def test_the_case_is_named_by_the_office_not_after_the_file(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = asking_window(make_window)
    assert drop_files(window, roster_file)
    dialog = asked(qtbot, window)
    assert dialog.name.text() == ""
    assert dialog.name.placeholderText() == "e.g. July 2023 system outage"
    assert any("“顧問先一覧.csv”" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.passphrase() is None  # the key kept on this computer, unless chosen
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and dialog.errors.text() == "Please enter a name for the case."
    dialog.name.setText(CASE_NAME)
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    assert [c.name for c in CaseStore.list_cases(data_dir)] == [CASE_NAME]
    assert window.windowTitle() == f"NoticeDesk — {CASE_NAME}"
    assert window.model.rowCount() == len(ROWS)
    recovery = window.case_commands.recovery_dialog
    assert recovery is not None and recovery.isVisible()  # the code, to write down, once
    assert window.state.settings.last_case() == CASE_NAME


def test_cancelling_makes_no_case_and_says_the_list_was_not_imported(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = asking_window(make_window)
    assert drop_files(window, roster_file)
    press(asked(qtbot, window), QDialogButtonBox.StandardButton.Cancel)
    assert CaseStore.list_cases(data_dir) == []
    assert window.state.session is None and window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == (
        "No case was made, so 顧問先一覧.csv was not imported."
    )
    assert not window.state.busy


def test_a_passphrase_can_be_chosen_instead(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    window = asking_window(make_window)
    assert drop_files(window, roster_file)
    dialog = asked(qtbot, window)
    dialog.name.setText(CASE_NAME)
    dialog.protection.passphrase_button.setChecked(True)
    dialog.protection.passphrase.setText("さくら台2023")
    dialog.protection.confirm.setText("さくら台2023")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    (summary,) = CaseStore.list_cases(data_dir)
    assert summary.protection == "passphrase"
    assert window.model.rowCount() == len(ROWS)


def test_where_the_key_cannot_be_kept_here_only_a_passphrase_is_left(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    roster_file: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.locked = True
    window = asking_window(make_window)
    assert drop_files(window, roster_file)
    dialog = asked(qtbot, window)
    dialog.name.setText(CASE_NAME)
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    again = asked(qtbot, window)
    assert again is dialog and dialog.name.text() == CASE_NAME  # the name kept
    assert "could not be kept in this computer's key storage" in dialog.store_problem.text()
    assert not dialog.protection.keep_button.isEnabled()
    assert dialog.protection.passphrase_button.isChecked()
    assert CaseStore.list_cases(data_dir) == []  # nothing made yet
    dialog.protection.passphrase.setText("さくら台2023")
    dialog.protection.confirm.setText("さくら台2023")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    (summary,) = CaseStore.list_cases(data_dir)
    assert (summary.name, summary.protection) == (CASE_NAME, "passphrase")
    assert window.model.rowCount() == len(ROWS)


@pytest.mark.parametrize(
    ("platform", "keep"),
    [
        ("win32", "この PC（Windows の資格情報）に鍵を保管する"),
        ("darwin", "この Mac のキーチェーンに鍵を保管する"),
        ("linux", "この PC の鍵の保管場所に鍵を保管する"),
    ],
)
def test_the_choice_is_worded_in_each_systems_own_words(
    make_window: WindowFactory,
    qtbot: QtBot,
    roster_file: Path,
    translation: Translation,
    platform: str,
    keep: str,
) -> None:
    assert translation.switch("ja")
    window = asking_window(make_window, language="ja", translation=translation)
    window.roster_loading.new_case.platform = platform
    assert drop_files(window, roster_file)
    dialog = asked(qtbot, window)
    assert dialog.windowTitle() == "事案を作成して取り込む"
    assert dialog.name.placeholderText() == "例：2023年7月 システム障害"
    assert dialog.protection.keep_button.text() == keep
    words = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "資格情報ストア" not in words and "keyring" not in words.lower()
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert window.statusBar().currentMessage() == (
        "事案を作成しなかったため、顧問先一覧.csv は取り込んでいません。"
    )


def test_the_columns_are_asked_first_then_the_case(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = asking_window(make_window)
    assert drop_files(window, office_list(tmp_path / "顧問先一覧.csv"))
    qtbot.waitUntil(lambda: window.roster_loading.columns.dialog is not None)
    assert window.roster_loading.new_case.dialog is None  # no case is made for a list unread
    columns = window.roster_loading.columns.dialog
    assert columns is not None
    press(columns, QDialogButtonBox.StandardButton.Ok)
    dialog = asked(qtbot, window)
    dialog.name.setText(CASE_NAME)
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.model.rowCount() == 3
    assert [window.model.row_at(r).individual for r in range(3)] == [False, True, False]


def test_an_error_waits_until_the_recovery_code_is_closed(
    make_window: WindowFactory,
    qtbot: QtBot,
    roster_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(self: CaseSession, roster: object) -> None:
        raise CaseError("取り込めませんでした。", "The list could not be taken in.")

    monkeypatch.setattr(CaseSession, "import_roster", refuse)
    window = asking_window(make_window)
    assert drop_files(window, roster_file)
    dialog = asked(qtbot, window)
    dialog.name.setText(CASE_NAME)
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    recovery = window.case_commands.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    assert window.last_message is None  # held back: nothing on top of the code
    recovery.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    box = window.last_message
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "The list could not be taken in." in box.text()
