"""What a part of the window may ask of the window itself: ``WindowHost``.

The parts (ticking, the export, the Case menu, the preview…) are given the ``WindowState`` for
what they share and a ``WindowHost`` for the rest: a parent for their dialogs, the table's model
and selection, and the three ways the window speaks to the user (the status bar, a message, a
question). ``MainWindow`` is the one implementation; a part never reaches past this list into
the window's widgets, and mypy checks that it does not.

Every box is non-blocking (shown with ``open()``); the window keeps the last one so tests can
answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from noticedesk.gui.table.model import RosterTableModel


class WindowHost(Protocol):
    @property
    def model(self) -> RosterTableModel:
        """The case's clients as the table holds them (source rows, not the view's)."""
        ...

    def window(self) -> QWidget:
        """The window: the parent of a part's dialogs (``QWidget.window()``)."""
        ...

    def selected_source_rows(self) -> list[int]:
        """The model rows selected in the table (the current row if none is), in order."""
        ...

    def current_source_row(self) -> int | None:
        """The model row of the table's current cell, if there is one."""
        ...

    def show_status(self, text: str, msecs: int = 0) -> None:
        """A line in the status bar ("" clears it); ``msecs`` 0 keeps it until the next."""
        ...

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A message with an OK button."""
        ...

    def ask(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        accept_text: str,
        on_accept: Callable[[], Any],
        *,
        close_text: str | None = None,
    ) -> QMessageBox:
        """A question: ``on_accept`` runs if the button ``accept_text`` is pressed."""
        ...

    def show_error(self, title: str, exc: BaseException) -> None:
        """A warning whose text is the user's sentence for ``exc``, in the interface language."""
        ...
