"""Rosters as offices save them and cases in the test's data folder, for the window tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.incident import Incident, load_incident
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow

HEADER = "顧問先コード,事業所名,郵便番号,所在地,電話番号,労働保険事務組合,個別報告希望"

ROWS = [
    "C0001,㈱髙橋製作所,164-0001,東京都中野区中野3丁目5番13号,03-6363-9779,,",
    "C0002,有限会社山﨑商店,166-0003,東京都杉並区高円寺南5丁目7番2号,03-4712-2144,,",
    "C0003,株式会社さくら運輸,810-0001,福岡県福岡市中央区天神4丁目2番27号,092-845-2013,福岡SR経営労務センター,○",
    "C0004,合同会社ミナト企画①,220-0012,神奈川県横浜市西区みなとみらい1丁目8番2号,045-629-3363,,",
    "C0005,株式会社青葉ソフト,330-0854,埼玉県さいたま市大宮区桜木町5丁目6番4号,048-612-9974,,はい",
]


def write_roster(path: Path, rows: list[str], *, title: bool = True) -> Path:
    """A roster as Excel saves it in Japan: CP932, CRLF, a title line above the header."""
    lines = (["顧問先一覧（テスト用）,,,,,,", "2023年7月25日現在,,,,,,"] if title else []) + [
        HEADER,
        *rows,
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


WindowFactory = Callable[..., MainWindow]


def drop_files(window: MainWindow, *paths: Path) -> bool:
    """Send the drag-enter and drop a file manager sends; True if the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = window.rect().center()
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def unfiled_sample_incident() -> Incident:
    """The sample incident as it stood before the office filed either report."""
    incident = load_incident(sample_dir() / "incident.toml")
    return dataclasses.replace(incident, preliminary_filed_on=None, final_filed_on=None)


def new_session(data_dir: Path, name: str = "テスト事案") -> CaseSession:
    store, _code = CaseStore.create(data_dir, name, KeyringKeySource())
    return CaseSession(store, data_dir, name)


def prepared_session(
    data_dir: Path, roster: Path, *, name: str = "テスト事案", incident: bool = True
) -> CaseSession:
    """A case with ``roster`` imported, the sample office profile and (unless told otherwise)
    the sample incident: ready to preview, print and export."""
    from noticedesk.core.office import load_office
    from noticedesk.core.roster import import_roster

    session = new_session(data_dir, name)
    session.import_roster(import_roster(roster))
    if incident:
        session.set_incident(load_incident(sample_dir() / "incident.toml"))
    session.save_office(load_office(sample_dir() / "office.toml"))
    return session


def open_session(data_dir: Path, name: str = "テスト事案") -> CaseSession:
    store = CaseStore.open(data_dir, name, KeyringKeySource())
    return CaseSession(store, data_dir, name)


def english_window(
    qtbot: Any,
    data_dir: Path,
    session: CaseSession | None,
    *,
    runner: Any = None,
    converter: object | None = None,
) -> MainWindow:
    """A shown English window on 2023-07-28 with Qt's own file dialogs and no real browser."""
    import datetime as dt

    from noticedesk.gui.common.file_chooser import FileChooser
    from noticedesk.gui.common.settings import WindowSettings
    from noticedesk.gui.common.tasks import ImmediateRunner

    window = MainWindow(
        WindowSettings(data_dir),
        runner or ImmediateRunner(),
        session=session,
        language="en",
        today=lambda: dt.date(2023, 7, 28),
        chooser=FileChooser(native=False),
        open_url=lambda _url: True,
    )
    qtbot.addWidget(window)
    if converter is not None:
        window.preview.set_converter(converter)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_windows(windows: list[MainWindow]) -> None:
    """Let each window's worker finish, then close its case (a fixture's teardown)."""
    for window in windows:
        wait = getattr(window.state.runner, "wait", None)
        if wait is not None:
            wait(10_000)
        if window.state.session is not None:
            window.state.session.close()
