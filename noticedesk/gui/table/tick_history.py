"""Undo and redo for individual-report ticks.

A command remembers each client's value before and after, so undoing a tick of a mixed selection
puts every row back as it was. Each redo and undo is written to the case at once through
``save(values)``: the case file, not the window, is the record of who opted out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from noticedesk.gui.table.model import RosterTableModel

# Writes the values to the case; returns False (after telling the user) when it could not.
Save = Callable[[dict[str, bool]], bool]


class TickCommand(QUndoCommand):
    def __init__(
        self,
        model: RosterTableModel,
        save: Save,
        before: dict[str, bool],
        after: dict[str, bool],
        *,
        saved: bool = False,
    ) -> None:
        """``saved``: the window already wrote ``after`` (so a failed save is never pushed)."""
        super().__init__()
        self._skip_next_save = saved
        self._model = model
        self._save = save
        self._before = dict(before)
        self._after = dict(after)
        self.retranslate()

    def retranslate(self) -> None:
        """Describe the tick in the current language (the Undo and Redo menus show it)."""
        ticked = sum(self._after.values())
        if ticked:
            text = QCoreApplication.translate("TickCommand", "Tick %n client(s)", "", ticked)
        else:
            text = QCoreApplication.translate(
                "TickCommand", "Untick %n client(s)", "", len(self._after)
            )
        self.setText(text)

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, values: dict[str, bool]) -> None:
        # Saved first: if the case cannot be written the table must not claim otherwise.
        if self._skip_next_save:
            self._skip_next_save = False
        elif not self._save(values):
            self.setObsolete(True)  # the stack drops a command that no longer matches the case
            return
        self._model.set_individual(values)


def retranslate_ticks(stack: QUndoStack) -> None:
    """Describe every tick on ``stack`` again, after a switch of language."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, TickCommand):
            command.retranslate()


def toggled_values(current: dict[str, bool]) -> dict[str, bool]:
    """What a click or Space does to a selection: tick all unless all are ticked already.

    The same rule as a mixed selection in Explorer's check boxes: one press makes the
    selection uniform, a second press flips it.
    """
    target = not all(current.values())
    return dict.fromkeys(current, target)
