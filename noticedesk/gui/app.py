"""Start the window: ``noticedesk [--demo] [--lang ja|en] [--data-dir DIR] [FILE]``.

The demo honours the data folder like every other mode: with ``--data-dir`` or
``NOTICEDESK_DATA_DIR`` its case is kept there (opened again by the next ``--demo``, its key kept
as any case's, its recovery code shown once). With neither, its data is fictional and lives in a
temporary folder removed when the window closes, so a fresh machine needs no credential store
and keeps nothing. The status bar says which, and where.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from noticedesk.core import native_crash
from noticedesk.core.case import CaseStore
from noticedesk.core.paths import data_dir as resolve_data_dir
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.gui.common.app_icon import application_icon
from noticedesk.gui.common.crash_handler import install_crash_handler
from noticedesk.gui.common.i18n import Translation, choose_language
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.second_start import is_throwaway_demo, take_server
from noticedesk.gui.shared.session import DEMO_CASE_NAME, open_demo
from noticedesk.gui.window.hand_off import open_handed_off
from noticedesk.gui.window.main_window import MainWindow


def run_window(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("NoticeDesk")
    app.setOrganizationName("NoticeDesk")

    data, demo_dir = window_data_dir(args)
    server = take_server()  # the channel second starts hand their files over (second_start)
    if demo_dir is None:  # a throwaway demo's folder is removed at the end, an open file with it
        native_crash.enable(data)
    app.setWindowIcon(application_icon())

    window = build_window(
        app, data, args.lang, demo=args.demo, roster=args.roster, throwaway=demo_dir is not None
    )
    install_crash_handler(data, lambda: window)
    if server is not None:
        server.handed_off.connect(partial(open_handed_off, window))
    window.show()
    if getattr(args, "quit_after_start", False):
        # Start-up check for a packaged build: open, show the case, report, leave.
        def report_and_quit() -> None:
            print(f"{window.windowTitle()}: {window.model.rowCount()} clients", flush=True)
            app.quit()

        QTimer.singleShot(0, lambda: QTimer.singleShot(0, report_and_quit))
    try:
        return int(app.exec())
    finally:
        if server is not None:
            server.close()
        if demo_dir is not None:
            demo_dir.cleanup()


def window_data_dir(
    args: argparse.Namespace,
) -> tuple[Path, tempfile.TemporaryDirectory[str] | None]:
    """The data folder, and the temporary folder to remove at the end (the demo's, when no
    data folder is named: its data is fictional, so a fresh machine needs no keyring and keeps
    nothing; ``--data-dir`` or ``NOTICEDESK_DATA_DIR`` keeps it where the user says)."""
    if is_throwaway_demo(args):
        demo_dir = tempfile.TemporaryDirectory(prefix="noticedesk-demo-")
        return Path(demo_dir.name), demo_dir
    return resolve_data_dir(args.data_dir), None


def build_window(
    app: QApplication,
    data: Path,
    lang: str | None,
    *,
    demo: bool = False,
    roster: str | None = None,
    throwaway: bool = True,
) -> MainWindow:
    """The window with its settings, language and case; the case opens once the loop runs."""
    settings = WindowSettings(data)
    translation = Translation(app)
    language = choose_language(lang, settings.language())
    translation.switch(language)
    window = MainWindow(settings, ThreadPoolRunner(), language=language, translation=translation)
    opener = window.case_commands.opener

    def load_file() -> None:
        if roster:
            window.roster_loading.load_roster(Path(roster))

    def demo_opened() -> None:
        if window.state.session is not None:
            window.show_status(demo_text(data, throwaway))
        load_file()

    def start_demo() -> None:
        if not throwaway and any(c.name == DEMO_CASE_NAME for c in CaseStore.list_cases(data)):
            opener.open_named(DEMO_CASE_NAME, demo_opened)  # with the key it needs, as any case
            return
        try:
            # A kept demo case shows its recovery code once, as any new case does.
            window.state.set_session(open_demo(data, None if throwaway else opener.key_source()))
        except SecretStoreUnavailable as exc:
            # The key cannot be kept on this computer: a passphrase, as for any new case.
            opener.ask_new_passphrase(exc, start_demo)
            return
        except Exception as exc:
            opener.report_failure(exc, load_file)
            return
        demo_opened()

    def start() -> None:
        if demo:
            start_demo()
        else:
            opener.open_last(load_file)

    QTimer.singleShot(0, start)  # after the first paint: the window shows at once
    return window


def demo_text(data: Path, throwaway: bool) -> str:
    """Where the demo keeps its data, for the status bar."""
    if throwaway:
        return QCoreApplication.translate(
            "Demo",
            "Sample case: its data is in a temporary folder (%1), removed when NoticeDesk closes.",
        ).replace("%1", str(data))
    return QCoreApplication.translate("Demo", "Sample case: its data is kept in %1.").replace(
        "%1", str(data)
    )
