"""Undo and redo for recorded answers, on the window's one undo stack beside the ticks.

A command remembers each client's answer before and after (None: none). Undo writes the
answers before back to the case (a client that had none is awaited again, its tick back to
what it was), redo writes the answers after; each through ``apply(values)``, which saves to
the case and shows the result, as ticks do (``table.tick_history``). Ctrl+Z after recording
an answer therefore takes back the answer and the tick it set in one step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from noticedesk.core.case.answers import Answer

# Writes the answers to the case and shows them; False (after telling the user) if it could not.
Apply = Callable[[dict[str, Answer | None]], bool]


class AnswerCommand(QUndoCommand):
    def __init__(
        self,
        apply: Apply,
        before: dict[str, Answer | None],
        after: dict[str, Answer | None],
    ) -> None:
        """Pushed after ``after`` was saved and shown: the first redo does nothing."""
        super().__init__()
        self._apply = apply
        self._before = dict(before)
        self._after = dict(after)
        self._first = True
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self._after)
        if all(answer is None for answer in self._after.values()):
            text = QCoreApplication.translate("Answers", "Withdraw %n answer(s)", "", count)
        else:
            text = QCoreApplication.translate("Answers", "Record %n answer(s)", "", count)
        self.setText(text)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._after)

    def undo(self) -> None:
        self._run(self._before)

    def _run(self, values: dict[str, Answer | None]) -> None:
        if not self._apply(values):
            self.setObsolete(True)  # the case could not be written: drop what no longer fits
