"""Recording clients' answers from the window: the dialog, the undo stack, the 回答待ち filter and
the reminder list, with the Edit menu's actions for them.

An answer is written to the case first and shown after (like a tick): if the case cannot be
written the table must not claim otherwise, and nothing goes on the undo stack. The tick the
answer sets is read back from the case, which decided it (a withdrawal puts back the tick from
before the first answer only when nobody changed it since). While an export runs nothing is
recorded: the export took the ticks when it started.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox

from noticedesk.core.case.answers import Answer, awaiting, reminder_due
from noticedesk.core.user_error import error_text
from noticedesk.gui.answers.answer_dialog import AnswerDialog
from noticedesk.gui.answers.answer_history import AnswerCommand
from noticedesk.gui.answers.reminder_list import ReminderListDialog
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.filter import RosterFilterModel

# Exports the given documents for the given clients into a folder (the window's export path).
ExportKinds = Callable[[Path, list[str], list[str]], None]


class AnswerRecording(QObject):
    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        undo_stack: QUndoStack,
        proxy: RosterFilterModel,
        chooser: FileChooser,
        export: ExportKinds,
        select_rows: Callable[[list[int]], None],
    ) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.undo_stack = undo_stack
        self.proxy = proxy
        self.chooser = chooser
        self._export = export
        self._select_rows = select_rows
        self.dialog: AnswerDialog | None = None
        self.reminders: ReminderListDialog | None = None

        self.record_action = QAction(self)
        self.record_action.setShortcut(QKeySequence("Ctrl+R"))
        self.record_action.triggered.connect(self.record_selection)
        self.withdraw_action = QAction(self)
        self.withdraw_action.triggered.connect(self.withdraw_selection)
        self.awaiting_action = QAction(self)
        self.awaiting_action.setCheckable(True)
        self.awaiting_action.toggled.connect(self.proxy.set_awaiting_only)
        self.reminders_action = QAction(self)
        self.reminders_action.triggered.connect(self.show_reminders)
        self.retranslate()

    def add_menus(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in (
            self.record_action,
            self.withdraw_action,
            self.awaiting_action,
            self.reminders_action,
        ):
            menu.addAction(action)

    def retranslate(self) -> None:
        self.record_action.setText(self.tr("&Record answer…"))
        self.record_action.setStatusTip(
            self.tr(
                "Record the answer on the reply slip for the selected clients (the tick follows)"
            )
        )
        self.withdraw_action.setText(self.tr("&Withdraw answer"))
        self.awaiting_action.setText(self.tr("Show only clients &awaiting an answer"))
        self.reminders_action.setText(self.tr("Clients to re&mind…"))
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, AnswerCommand):
                command.retranslate()

    def set_enabled(self, enabled: bool) -> None:
        for action in (self.record_action, self.withdraw_action, self.reminders_action):
            action.setEnabled(enabled)

    # -- recording -------------------------------------------------------------------------
    def _selected_keys(self) -> list[str]:
        model = self.host.model
        return [model.row_at(r).key for r in self.host.selected_source_rows()]

    def _refused(self) -> bool:
        if self.state.session is None:
            return True
        if self.state.exporting:
            self.host.show_status(
                QCoreApplication.translate(
                    "MainWindow", "Please wait until the export has finished."
                ),
                8000,
            )
            return True
        return False

    def record_selection(self) -> None:
        """Open the answer dialog for the selected clients (non-blocking)."""
        if self._refused():
            return
        keys = self._selected_keys()
        if not keys:
            self.host.show_status(self.tr("Select the clients first."), 5000)
            return
        model = self.host.model
        names = [model.row_at(model.row_of_key(k) or 0).client.name for k in keys]
        start = model.answer_of(keys[:1])[keys[0]] if len(keys) == 1 else None
        dialog = AnswerDialog(names, self.state.today(), start, self.host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def chosen() -> None:
            self.dialog = None
            answer = dialog.answer()
            if answer is not None:
                self.record(keys, answer)

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        dialog.open()

    def record(self, keys: list[str], answer: Answer) -> None:
        """Save ``answer`` for the clients, show it and make it undoable."""
        self._change(dict.fromkeys(keys, answer))

    def withdraw_selection(self) -> None:
        if self._refused():
            return
        keys = [k for k, a in self.host.model.answer_of(self._selected_keys()).items() if a]
        if not keys:
            self.host.show_status(self.tr("The selected clients have no recorded answer."), 5000)
            return
        self._change(dict.fromkeys(keys))

    def _change(self, after: dict[str, Answer | None]) -> None:
        if self._refused():
            return
        before = self._save(after)
        if before is None or not before:
            return
        # Only what changed goes on the stack (an answer recorded again unchanged is not).
        after = {key: after[key] for key in before}
        self.undo_stack.push(AnswerCommand(self.apply, before, after))
        count = len(after)
        self.host.show_status(self.tr("%n answer(s) saved.", "", count), 5000)

    def apply(self, values: dict[str, Answer | None]) -> bool:
        """Write ``values`` to the case and show them (undo and redo come here)."""
        return self._save(values) is not None

    def _save(self, values: dict[str, Answer | None]) -> dict[str, Answer | None] | None:
        session = self.state.session
        if session is None:
            return None
        try:
            before = session.set_answers(values)
        except Exception as exc:  # the case could not be written: say so, change nothing
            self.host.show_message(
                QMessageBox.Icon.Critical,
                self.tr("The answer could not be saved"),
                QCoreApplication.translate(
                    "MainWindow", "The case file could not be written. Nothing was changed."
                )
                + "\n\n"
                + error_text(exc, self.state.language),
            )
            return None
        model = self.host.model
        model.set_answers(values)
        model.set_individual(session.ticks_of(list(values)))
        self.proxy.refilter()
        return before

    # -- the reminder list -----------------------------------------------------------------
    def show_reminders(self) -> None:
        session = self.state.session
        if session is None:
            return
        entries = session.store.clients()
        answers = session.store.answers()
        incident = session.incident
        reply_by = incident.reply_by if incident is not None else None
        keys = [entry.key for entry in entries]
        pairs = [(entry.key, bool(entry.individual)) for entry in entries]
        late = set(reminder_due(pairs, answers, reply_by, self.state.today()))
        dialog = ReminderListDialog(
            [entry for entry in entries if entry.key in late],
            len(awaiting(keys, answers)),
            reply_by,
            self.export_reminders,
            self.select_clients,
            self.host.window(),
            self.state.language,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "reminders", None))
        self.reminders = dialog
        dialog.open()

    def export_reminders(self, keys: list[str]) -> None:
        """Ask for a folder, then write the reminder for these clients there."""
        start = self.state.settings.last_folder("export")
        self.chooser.choose_folder(
            self.host.window(),
            self.tr("Folder for the reminders"),
            start,
            lambda folder: self._export(Path(folder), ["reminder"], keys),
        )

    def select_clients(self, keys: list[str]) -> None:
        model = self.host.model
        rows = [row for row in (model.row_of_key(k) for k in keys) if row is not None]
        self._select_rows(rows)
