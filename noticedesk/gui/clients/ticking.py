"""Ticking "reports individually" from the window: by click, by Space, undone and redone.

A tick is written to the case first and shown after: if the case file cannot be written the
table must not claim otherwise, and nothing is pushed on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from noticedesk.core.user_error import error_text
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.tick_history import TickCommand, toggled_values


class Ticking(QObject):
    def __init__(self, state: WindowState, host: WindowHost, undo_stack: QUndoStack) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.undo_stack = undo_stack

    def tick_from_click(self, source_row: int, wanted: bool) -> None:
        """A click in the tick column: the whole selection follows if the row is in it."""
        model = self.host.model
        rows = self.host.selected_source_rows()
        if source_row not in rows:
            rows = [source_row]
        self.apply({model.row_at(r).key: wanted for r in rows})

    def toggle_selection(self) -> None:
        model = self.host.model
        rows = self.host.selected_source_rows()
        if not rows:
            return
        keys = [model.row_at(r).key for r in rows]
        self.apply(toggled_values(model.individual_of(keys)))

    def apply(self, after: dict[str, bool]) -> None:
        """Save the ticks to the case, then show them and make them undoable."""
        if self.state.exporting:
            # The export took the ticks when it started: the joint list it is writing must
            # still match the case when it is recorded, so no tick changes until it ends.
            self.host.show_status(self.state.why_busy(), 8000)
            return
        model = self.host.model
        before = model.individual_of(after)
        if before == after:
            return
        if not self.save(after):
            return
        self.undo_stack.push(TickCommand(model, self.save, before, after, saved=True))

    def save(self, values: dict[str, bool]) -> bool:
        session = self.state.session
        if session is None:
            return True
        try:
            session.save_individual(values)
        except Exception as exc:  # the case could not be written: say so, change nothing
            self.host.show_message(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("MainWindow", "The tick could not be saved"),
                QCoreApplication.translate(
                    "MainWindow", "The case file could not be written. Nothing was changed."
                )
                + "\n\n"
                + error_text(exc, self.state.language),
            )
            return False
        return True
