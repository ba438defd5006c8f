"""The office's decisions on the roster's problems, made from the problems list.

The problems panel asks (``decision_requested``, ``withdraw_requested``); this part writes the
decision through the core (``CaseStore.resolve`` / ``withdraw``: kept in the case, sealed and
logged with who and when), then shows the case afresh through the state: the table (a row
left out goes, a named row or a kept repeat comes in, a decided answer ticks), the problems
with their decisions, and File → Export, which follows ``export_blockers`` as every face does.

Decisions:
- A name is asked for in a non-blocking dialog (``open()``), which says that a row without a
  name was read for nothing else, so the client has only its name until a corrected list is
  imported.
- Nothing is decided while an import reads or an export writes (the case must not change
  under them): the status bar says to wait.
- The undo history of ticks is cleared with the new rows, as after an import: a decision can
  take a client out of the table. A decision is undone by withdrawing it (its button in the
  list), which is logged too.
- A refusal (a name another client has, two rows that cannot be told apart) is the core's
  sentence in a message; nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from noticedesk.core.case import CaseStore, Decision, Resolution
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState


class ProblemDecisions(QObject):
    def __init__(self, state: WindowState, host: WindowHost) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.name_dialog: QInputDialog | None = None  # open while a name is asked (tests fill it)

    def decide(self, problem_id: str, decision: str) -> None:
        """Apply ``decision`` (a ``Decision`` value) to the problem; a name is asked first."""
        if not self._may_change():
            return
        wanted = Decision(decision)
        if wanted is Decision.NAME:
            self._ask_name(problem_id)
            return
        self._change(lambda store: store.resolve(problem_id, wanted), withdrawn=False)

    def withdraw(self, problem_id: str) -> None:
        if self._may_change():
            self._change(lambda store: store.withdraw(problem_id), withdrawn=True)

    def _ask_name(self, problem_id: str) -> None:
        session = self.state.session
        assert session is not None  # _may_change said so
        row = next((k.issue.row for k in session.store.roster_issues() if k.id == problem_id), None)
        dialog = QInputDialog(self.host.window())
        dialog.setWindowTitle(QCoreApplication.translate("ProblemDecisions", "Name of the client"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "ProblemDecisions",
                "The name of the client on row %1, as this case keeps it (the file is not "
                "changed). A row without a name was read for nothing else: the client has "
                "only this name until a corrected list is imported.",
            ).replace("%1", str(row))
        )
        label = dialog.findChild(QLabel)
        if label is not None:  # a sentence, not a one-word prompt
            label.setWordWrap(True)
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 60)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(QCoreApplication.translate("ProblemDecisions", "Save the name"))
        dialog.textValueSelected.connect(partial(self._named, problem_id))
        dialog.finished.connect(self._forget_dialog)
        self.name_dialog = dialog
        dialog.open()

    def _forget_dialog(self, _result: int) -> None:
        self.name_dialog = None

    def _named(self, problem_id: str, name: str) -> None:
        if not name.strip() or not self._may_change():
            return
        self._change(lambda store: store.resolve(problem_id, Decision.NAME, name), withdrawn=False)

    def _may_change(self) -> bool:
        state = self.state
        if state.session is None:
            return False
        waiting = state.why_busy()
        if waiting:
            self.host.show_status(waiting, 8000)
            return False
        return True

    def _change(self, change: Callable[[CaseStore], Resolution], *, withdrawn: bool) -> None:
        session = self.state.session
        if session is None:
            return
        try:
            resolution = change(session.store)
        except Exception as exc:  # the core's sentence: nothing was changed
            self.host.show_error(
                QCoreApplication.translate("ProblemDecisions", "The decision was not saved"), exc
            )
            return
        self.state.set_session(session)  # the same case, shown afresh
        language = self.state.language
        if withdrawn:
            text = QCoreApplication.translate(
                "ProblemDecisions", "Row %1: the decision “%2” was withdrawn."
            )
        else:
            text = QCoreApplication.translate(
                "ProblemDecisions", "Row %1: %2 — saved in the case and logged."
            )
        self.host.show_status(
            text.replace("%1", str(resolution.row)).replace("%2", resolution.label(language)),
            8000,
        )
