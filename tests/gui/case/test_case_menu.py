"""The Case menu: new case and its recovery code, open, open with the code, the audit log."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseStore, KeyringKeySource, PassphraseKeySource
from noticedesk.core.roster import import_roster
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.keyring_memory import MemoryKeyring
from tests.helpers.windows import WindowFactory, new_session

CODE = re.compile(r"([0-9A-Z]{5}-){4}[0-9A-Z]{5}")


def ok(dialog: object) -> None:
    box = dialog.findChild(QDialogButtonBox)  # type: ignore[attr-defined]
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def create_with_code(data_dir: Path, name: str) -> str:
    store, code = CaseStore.create(data_dir, name, KeyringKeySource())
    store.close()
    return code


def test_a_new_case_warns_about_names_and_shows_its_code_once(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir, "既存の事案"))
    window.case_commands.new_action.trigger()
    dialog = window.case_commands.dialog
    warning = dialog.findChild(type(dialog.errors), "nameWarning")
    assert "Do not use a client's name" in warning.text()
    dialog.name.setText("既存の事案")
    ok(dialog)
    assert dialog.isVisible() and "already exists" in dialog.errors.text()

    dialog.name.setText("2023年6月 システム障害")
    ok(dialog)
    assert window.windowTitle() == "NoticeDesk — 2023年6月 システム障害"
    assert window.model.rowCount() == 0
    shown = window.case_commands.recovery_dialog
    assert shown.isVisible()
    code = shown.code_field.text()
    assert CODE.fullmatch(code)
    assert "paper" in shown.findChildren(type(dialog.errors))[0].text()
    shown.copy_button.click()
    assert QApplication.clipboard().text() == code
    assert (
        window.state.session is not None and window.state.session.recovery_code is None
    )  # not kept
    assert {c.name for c in CaseStore.list_cases(data_dir)} == {
        "既存の事案",
        "2023年6月 システム障害",
    }


def test_open_case_lists_the_cases_and_switches(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path
) -> None:
    other = new_session(data_dir, "8月の事案")
    other.import_roster(import_roster(roster_file))
    other.close()
    window = make_window(new_session(data_dir, "6月の事案"))
    window.case_commands.open_action.trigger()
    dialog = window.case_commands.dialog
    names = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert names == ["6月の事案 (open now)", "8月の事案"]
    dialog.select("8月の事案")
    ok(dialog)
    assert window.windowTitle() == "NoticeDesk — 8月の事案"
    assert window.model.rowCount() == 5


def test_a_case_without_its_key_here_opens_with_the_recovery_code_and_keeps_the_key(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    code = create_with_code(data_dir, "持ち込んだ事案")
    memory_keyring.secrets.clear()  # as on another PC: the case file came, its key did not
    window: MainWindow = make_window(None)
    window.case_commands.open_named("持ち込んだ事案")
    box = window.last_message
    assert box is not None and "recovery code" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()  # "Open with the recovery code…"

    dialog = window.case_commands.dialog
    assert dialog.case.currentText() == "持ち込んだ事案"
    dialog.code.setText("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    ok(dialog)
    assert dialog.isVisible() and "wrong" in dialog.errors.text()
    dialog.code.setText(code.lower().replace("-", " "))  # as typed from paper
    ok(dialog)
    assert window.windowTitle() == "NoticeDesk — 持ち込んだ事案"
    assert window.last_message is not None
    assert "opens here by itself" in window.last_message.text()
    window.state.session.close()  # type: ignore[union-attr]
    CaseStore.open(data_dir, "持ち込んだ事案", KeyringKeySource()).close()  # no code needed


def test_where_no_key_can_be_kept_here_the_recovered_case_takes_a_passphrase(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    code = create_with_code(data_dir, "鍵のない PC")
    memory_keyring.secrets.clear()
    memory_keyring.locked = True
    window = make_window(None)
    window.case_commands.recover_action.trigger()
    dialog = window.case_commands.dialog
    dialog.code.setText(code)
    ok(dialog)
    ask = window.case_commands.dialog  # the passphrase, asked once
    assert "key storage is not available" in ask.findChildren(type(ask.errors))[0].text()
    ask.passphrase.setText("さくら台2023")
    ask.confirm.setText("さくら台2023")
    ok(ask)
    window.state.session.close()  # type: ignore[union-attr]
    CaseStore.open(data_dir, "鍵のない PC", PassphraseKeySource("さくら台2023")).close()


def test_the_audit_log_is_exported_and_never_replaced_unasked(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, roster_file: Path, tmp_path: Path
) -> None:
    session = new_session(data_dir)
    session.import_roster(import_roster(roster_file))
    window = make_window(session)
    window.chooser.native = False
    target = tmp_path / "監査ログ.csv"

    def export() -> None:
        window.case_commands.audit_action.trigger()
        chooser = window.chooser.dialog
        assert isinstance(chooser, QFileDialog)
        assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        chooser.setDirectory(str(tmp_path))
        chooser.selectFile(str(target))
        chooser.accept()

    export()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads it as UTF-8
    text = data.decode("utf-8-sig")
    assert text.startswith("番号,日時,操作者,操作,内容")
    assert "顧問先一覧の取込" in text and "㈱髙橋製作所" in text

    target.write_text("控え", "utf-8")
    export()
    box = window.last_message
    assert box is not None and box.windowTitle() == "Overwrite?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert target.read_text("utf-8") == "控え"
    export()
    window.last_message.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert "顧問先一覧の取込" in target.read_text("utf-8-sig")


def test_a_new_case_can_be_protected_by_a_passphrase_typed_twice(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(None)
    window.case_commands.new_action.trigger()
    dialog = window.case_commands.dialog
    assert dialog.name.text() == ""  # nothing proposed: the office names the incident
    choice = dialog.protection
    assert choice.keep_button.isChecked() and not choice.passphrase.isEnabled()
    dialog.name.setText("2023年7月 システム障害")
    choice.passphrase_button.setChecked(True)
    assert choice.passphrase.isEnabled()
    choice.passphrase.setText("短い")
    ok(dialog)
    assert dialog.isVisible() and "at least 8 characters" in dialog.errors.text()
    choice.passphrase.setText("さくら台2023年7月")
    choice.confirm.setText("さくら台2023年7月!")
    ok(dialog)
    assert "differ" in dialog.errors.text()
    choice.confirm.setText("さくら台2023年7月")
    ok(dialog)

    assert window.windowTitle() == "NoticeDesk — 2023年7月 システム障害"
    (summary,) = CaseStore.list_cases(data_dir)
    assert summary.protection == "passphrase"
    assert memory_keyring.secrets == {}  # nothing of it kept on this computer
    window.state.session.close()  # type: ignore[union-attr]
    CaseStore.open(data_dir, summary.name, PassphraseKeySource("さくら台2023年7月")).close()


def test_cancelling_a_new_case_says_none_was_made(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(new_session(data_dir, "既存の事案"))
    window.case_commands.new_action.trigger()
    dialog = window.case_commands.dialog
    dialog.name.setText("作りかけ")
    dialog.reject()
    assert window.statusBar().currentMessage() == "No case was created."
    assert [c.name for c in CaseStore.list_cases(data_dir)] == ["既存の事案"]
    assert window.windowTitle() == "NoticeDesk — 既存の事案"
