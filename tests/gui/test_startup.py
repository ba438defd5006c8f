"""Starting the program: --demo, FILE, the last case, and no credential store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from noticedesk.core.case import CaseStore, PassphraseKeySource
from noticedesk.gui.app import build_window
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.dialogs.first_case import FirstCaseDialog
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import ROWS

CASE_NAME = "2023年7月 システム障害"


@pytest.fixture
def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
    ThreadPoolRunner().wait(10_000)


def _start(
    qtbot: QtBot, app: QApplication, data: Path, started: list[MainWindow], **kw: object
) -> MainWindow:
    window = build_window(app, data, "en", **kw)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    started.append(window)
    return window


def test_demo_opens_the_bundled_sample_case(
    qtbot: QtBot, app: QApplication, tmp_path: Path, started: list[MainWindow]
) -> None:
    window = _start(qtbot, app, tmp_path, started, demo=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 40)
    assert window.windowTitle().startswith("NoticeDesk")
    assert "reporting individually: 6" in window.status_area.counts_label.text()
    assert window.state.session is not None and window.state.session.incident is not None
    assert window.state.session.office().name == "さくら台社会保険労務士法人"


def _case_question(qtbot: QtBot, window: MainWindow) -> FirstCaseDialog:
    qtbot.waitUntil(lambda: window.roster_loading.new_case.dialog is not None)
    dialog = window.roster_loading.new_case.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _ok(dialog: FirstCaseDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_file_on_the_command_line_asks_for_a_case_and_reopens_it(
    qtbot: QtBot, app: QApplication, data_dir: Path, roster_file: Path, started: list[MainWindow]
) -> None:
    window = _start(qtbot, app, data_dir, started, roster=str(roster_file))
    dialog = _case_question(qtbot, window)
    assert dialog.name.text() == ""  # never the file's name by default
    dialog.name.setText(CASE_NAME)
    _ok(dialog)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS), timeout=10_000)
    assert window.windowTitle() == f"NoticeDesk — {CASE_NAME}"
    recovery = window.case_commands.recovery_dialog  # shown once, to write down
    assert recovery is not None and recovery.isVisible()
    assert re.fullmatch(r"([0-9A-Z]{5}-){4}[0-9A-Z]{5}", recovery.code_field.text())
    assert (
        window.state.session is not None and window.state.session.recovery_code is None
    )  # not kept
    window.close()
    again = _start(qtbot, app, data_dir, started)
    qtbot.waitUntil(lambda: again.model.rowCount() == len(ROWS))  # the last case, by keyring


def test_without_a_credential_store_only_a_passphrase_is_left_to_choose(
    qtbot: QtBot,
    app: QApplication,
    data_dir: Path,
    roster_file: Path,
    started: list[MainWindow],
    memory_keyring: object,
) -> None:
    memory_keyring.locked = True  # type: ignore[attr-defined]
    window = _start(qtbot, app, data_dir, started, roster=str(roster_file))
    dialog = _case_question(qtbot, window)
    dialog.name.setText(CASE_NAME)
    _ok(dialog)  # the key kept on this computer: refused here
    qtbot.waitUntil(lambda: window.roster_loading.new_case.dialog is dialog)
    assert dialog.isVisible() and dialog.name.text() == CASE_NAME
    assert not dialog.store_problem.isHidden()
    assert not dialog.protection.keep_button.isEnabled()
    assert CaseStore.list_cases(data_dir) == []  # nothing made yet
    dialog.protection.passphrase.setText("さくら台2023")
    dialog.protection.confirm.setText("さくら台2023")
    _ok(dialog)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ROWS), timeout=10_000)
    window.close()
    store = CaseStore.open(data_dir, CASE_NAME, PassphraseKeySource("さくら台2023"))
    try:
        assert len(store.clients()) == len(ROWS)
    finally:
        store.close()


def test_demo_in_a_named_data_folder_is_kept_and_reopened(
    qtbot: QtBot, app: QApplication, data_dir: Path, started: list[MainWindow]
) -> None:
    first = _start(qtbot, app, data_dir, started, demo=True, throwaway=False)
    qtbot.waitUntil(lambda: first.model.rowCount() == 40)
    row = [first.model.row_at(r).client.code for r in range(40)].index("C0001")
    first.ticking.apply({first.model.row_at(row).key: True})
    first.close()
    second = _start(qtbot, app, data_dir, started, demo=True, throwaway=False)
    qtbot.waitUntil(lambda: second.model.rowCount() == 40)
    assert second.model.row_at(row).individual  # the same case, not a fresh copy
    assert [c.name for c in CaseStore.list_cases(data_dir)] == ["サンプル事案"]
