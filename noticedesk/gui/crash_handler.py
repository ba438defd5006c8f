"""An error no message was written for, in the window: a report on disk and one clear box.

The program keeps running (the case store has already saved every change the user saw), so
the user can carry on or restart; the report holds no client data (see core.crash_report).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from noticedesk.core.crash_report import write_crash_report


def install_crash_handler(data_dir: Path, parent: Callable[[], QWidget | None]) -> None:
    previous = sys.excepthook

    def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        try:
            where = str(write_crash_report(data_dir, exc.with_traceback(tb)))
        except OSError:
            where = ""
        show_crash_box(parent(), where)

    sys.excepthook = handle


def show_crash_box(parent: QWidget | None, report: str) -> QMessageBox:
    text = QCoreApplication.translate(
        "CrashHandler",
        "Something went wrong that NoticeDesk did not expect. Your ticks and statuses are "
        "saved. If it happens again, restart NoticeDesk and send this report to your "
        "support contact:",
    )
    box = QMessageBox(QMessageBox.Icon.Warning, "NoticeDesk", f"{text}\n{report}", parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # never exec(): an error inside a modal loop must not stack further loops
    return box
