"""A second start's request in the running window: come forward, open the file it was given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from noticedesk.core.single_instance import HandOff
from noticedesk.gui.window.main_window import MainWindow


def open_handed_off(window: MainWindow, request: HandOff) -> None:
    """Raise the window and read the first file, as a drop on the window would; the window
    reads one client list at a time (a busy window says so in its status bar)."""
    bring_forward(window)
    if request.files:
        window.roster_loading.load_roster(request.files[0])


def bring_forward(window: QWidget) -> None:
    """Restored if minimised, shown, raised and given the focus."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
