"""For the window tests: rosters as offices save them, cases in the test's data folder, the one
window factory (``open_window``, and the ``make_window`` fixture over it), and what drives a
window as staff do (a dropped file, a selected client)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, DocumentStatus, KeyringKeySource
from noticedesk.core.clients import Roster
from noticedesk.core.incident import Incident, load_incident
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner, TaskRunner
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.table.model import COL_FIRST_STATUS, RosterTableModel
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


TODAY = dt.date(2023, 6, 7)  # the day a window believes it is, unless a test says otherwise

# ``converter``'s default: the window keeps the converter it found on this machine.
FOUND_CONVERTER: Any = object()


class OpenedUrls:
    """Stands in for the browser: records each URL the window would open."""

    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


def open_window(
    data_dir: Path,
    session: CaseSession | None = None,
    *,
    qtbot: QtBot | None = None,
    language: str = "en",
    today: dt.date = TODAY,
    runner: TaskRunner | None = None,
    converter: Any = FOUND_CONVERTER,
    new_session_for: Callable[[Path], CaseSession] | None = None,
    chooser: FileChooser | None = None,
    open_url: Callable[[QUrl], bool] | None = None,
    translation: Translation | None = None,
    read_roster: Callable[[Path], Roster] | None = None,
    show: bool = True,
    preview: bool = False,
) -> MainWindow:
    """The window every test drives, over ``session`` in ``data_dir``.

    By default: English, on ``TODAY``, tasks run at once, Qt's own file dialogs, no real
    browser, a file dropped with no case open making a case in ``data_dir`` (keyring key), the
    converter found on this machine (``converter=None``: none), shown. ``preview`` also shows
    the preview panel. With ``qtbot`` the window is closed when the test ends; the
    ``make_window`` fixture (tests/gui/conftest.py) also closes its case: use this function
    directly only where a test owns the window's end itself (``close_windows``).
    """
    options: dict[str, Any] = {}
    if read_roster is not None:
        options["read_roster"] = read_roster
    window = MainWindow(
        WindowSettings(data_dir),
        runner or ImmediateRunner(),
        session=session,
        language=language,
        translation=translation,
        today=lambda: today,
        new_session_for=new_session_for or (lambda path: new_session(data_dir, path.stem)),
        chooser=chooser or FileChooser(native=False),
        open_url=open_url or (lambda _url: True),
        **options,
    )
    if qtbot is not None:
        qtbot.addWidget(window)
    if converter is not FOUND_CONVERTER:
        window.preview.set_converter(converter)
    if show:
        window.show()
    if preview:
        assert window.preview.dock is not None
        window.preview.dock.show()
        window.preview.dock.raise_()
    return window


def close_windows(windows: list[MainWindow]) -> None:
    """Let each window's worker finish, then close its case (a fixture's teardown)."""
    for window in windows:
        wait = getattr(window.state.runner, "wait", None)
        if wait is not None:
            wait(10_000)
        if window.state.session is not None:
            window.state.session.close()


def select_client(window: MainWindow, key: str) -> None:
    """Make the client ``key`` the current, selected row, as a click on it does."""
    row = window.model.row_of_key(key)
    assert row is not None
    index = window.proxy.mapFromSource(window.model.index(row, 1))
    window.table.setCurrentIndex(index)
    window.table.selectRow(index.row())


def wait_previewed(qtbot: QtBot, window: MainWindow, key: str, timeout: int = 5000) -> None:
    """Wait until the preview shows the documents of client ``key`` and has nothing left to do."""
    panel = window.preview

    def shown() -> bool:
        client = panel.shown_client
        return client is not None and client.key == key and not panel.is_busy()

    qtbot.waitUntil(shown, timeout=timeout)


STATUS_KINDS = ("internal", "report", "cover", "individual")  # DOCUMENT_KINDS: the status columns


def status_text(window: MainWindow, code: str, kind: str) -> str:
    """What the table's status column of ``kind`` shows for the client ``code``."""
    model: RosterTableModel = window.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).client.code == code)
    return str(model.index(row, COL_FIRST_STATUS + STATUS_KINDS.index(kind)).data())


def stored_statuses(data_dir: Path) -> dict[str, dict[str, DocumentStatus]]:
    """Each client's document statuses as the case file holds them."""
    session = open_session(data_dir)
    try:
        return {
            cc.client.code: {kind: entry.status for kind, entry in cc.statuses.items()}
            for cc in session.store.clients()
        }
    finally:
        session.close()
