"""An error no message was written for, in the window: a report on disk and one clear box.

The program keeps running (the case store has already saved every change the user saw), so
the user can carry on or restart; the report holds no client data (see core.crash_report).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from noticedesk.core.crash_report import write_crash_report


def install_crash_handler(data_dir: Path, parent: Callable[[], QWidget | None]) -> None:
    """Report unexpected errors; one box at a time.

    An error in a paint or a model's ``data()`` comes back on every repaint, and each box makes
    the window repaint: while a box is open, an error already reported is dropped and a new
    one is only written to disk, so neither boxes nor report files pile up.
    """
    previous = sys.excepthook
    shown: dict[str, Any] = {"box": None, "seen": set()}

    def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        box = shown["box"]
        if box is not None and not (shiboken6.isValid(box) and box.isVisible()):
            box, shown["box"], shown["seen"] = None, None, set()
        signature = _signature(kind, tb)
        if signature in shown["seen"]:
            return
        shown["seen"].add(signature)
        try:
            where = str(write_crash_report(data_dir, exc.with_traceback(tb)))
        except OSError:
            where = ""
        if box is None:
            shown["box"] = show_crash_box(parent(), where)

    sys.excepthook = handle


def _signature(kind: type[BaseException], tb: TracebackType | None) -> tuple[str, ...]:
    """The same error from the same place (its type and the code it passed through)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    return (kind.__qualname__, *(f"{f.filename}:{f.lineno}" for f in frames))


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
