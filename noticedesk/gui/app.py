"""Start the window (replaced by the full main window)."""

from __future__ import annotations

import argparse
import sys


def run_window(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("NoticeDesk")
    window.show()
    return int(app.exec())
