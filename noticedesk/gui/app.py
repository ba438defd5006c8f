"""Start the window: ``noticedesk [--demo] [--lang ja|en] [--data-dir DIR] [FILE]``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from noticedesk.core.paths import data_dir as resolve_data_dir
from noticedesk.gui.common.crash_handler import install_crash_handler
from noticedesk.gui.common.i18n import Translation, choose_language
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.shared.session import open_demo
from noticedesk.gui.window.main_window import MainWindow


def run_window(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("NoticeDesk")
    app.setOrganizationName("NoticeDesk")

    # The demo's data is fictional and thrown away afterwards, so a fresh machine needs no
    # keyring and leaves nothing behind; --data-dir keeps it where the user says.
    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    if args.demo and not args.data_dir:
        demo_dir = tempfile.TemporaryDirectory(prefix="noticedesk-demo-")
        data = Path(demo_dir.name)
    else:
        data = resolve_data_dir(args.data_dir)

    window = build_window(
        app, data, args.lang, demo=args.demo, roster=args.roster, throwaway=demo_dir is not None
    )
    install_crash_handler(data, lambda: window)
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
        if demo_dir is not None:
            demo_dir.cleanup()


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

    def start() -> None:
        if demo:
            try:
                # A kept demo case shows its recovery code once, as any new case does.
                window.state.set_session(
                    open_demo(data, None if throwaway else opener.key_source())
                )
            except Exception as exc:
                opener.report_failure(exc, load_file)
                return
            load_file()
        else:
            opener.open_last(load_file)

    QTimer.singleShot(0, start)  # after the first paint: the window shows at once
    return window
