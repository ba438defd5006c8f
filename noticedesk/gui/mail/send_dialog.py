"""The send dialog: who will get what and who will not, any one message read as it will be
sent, then the run on the worker with progress, stop, and the failures listed at the end.

Everything slow runs on the task runner: a message for reading is composed there (its
documents rendered and converted), and so is the whole run (``core.mail.delivery.send_plan``,
the command line's path). The progress bar lives in the dialog, not in a modal progress
dialog, so no ``setValue`` runs the event loop under a handler. Stop sets a flag the run reads
between messages; a message being handed over is finished first.

A client already sent to, or whose last message's outcome is unknown, gets a message again
only after the office says so in a question naming the client and the earlier message
("Send again…"); "Record as sent…" records an unknown outcome as sent, sending nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection

import shiboken6
from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case.store import CaseStore
from noticedesk.core.mail.delivery import MailJob, RunResult, compose, confirm_sent, send_plan
from noticedesk.core.mail.message import readable
from noticedesk.core.mail.plan import MailPlan, PlannedMail, Reason
from noticedesk.core.mail.transport import SmtpTransport
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.mail.plan_model import MailPlanModel

DEFAULT_PER_MINUTE = 20


class MailSendDialog(QDialog):
    progressed = Signal(int, int)  # from the worker; delivered on the GUI thread
    run_finished = Signal(object)  # the RunResult, once the run is over

    def __init__(
        self,
        plan: MailPlan,
        job: MailJob,
        store: CaseStore,
        runner: TaskRunner,
        transport: Callable[[], SmtpTransport],
        language: str = "ja",
        parent: QWidget | None = None,
        replan: Callable[[Collection[str]], MailPlan] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send by e-mail"))
        self.resize(980, 640)
        self.plan, self.job, self.store = plan, job, store
        self.runner = runner
        self.make_transport = transport
        self.replan = replan  # the plan again, with the clients the office confirmed for resending
        self.resend: set[str] = set()
        self.question: QMessageBox | None = None
        self.language = language
        self.running = False
        self.run_result: RunResult | None = None
        self._stop = threading.Event()
        self._shown = 0  # the newest message asked for; older answers are dropped

        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        self.model = MailPlanModel(
            plan.entries, lambda e: job.maker.names(e.client, e.kinds), language, self
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((70, 200, 240, 260, 150)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.message = QPlainTextEdit(self)
        self.message.setReadOnly(True)
        self.message.setPlaceholderText(
            self.tr("Select a client to read its message as it will be sent.")
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.message)
        splitter.setSizes([330, 230])

        self.pace = QSpinBox(self)
        self.pace.setRange(1, 600)
        self.pace.setValue(DEFAULT_PER_MINUTE)
        self.pace.setSuffix(self.tr(" per minute"))
        self.pace.setToolTip(
            self.tr("Many providers refuse or delay senders that send faster than they allow.")
        )
        pace_label = QLabel(self.tr("At most"), self)
        pace_label.setBuddy(self.pace)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(1, len(plan.to_send)))
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel("", self)
        self.failures = QPlainTextEdit(self)
        self.failures.setReadOnly(True)
        self.failures.setMaximumHeight(120)
        self.failures.hide()

        self.resend_button = QPushButton(self.tr("Send again…"), self)
        self.resend_button.setToolTip(
            self.tr("Send this client its message again (it was sent, or its outcome is unknown)")
        )
        self.resend_button.clicked.connect(self.ask_resend)
        self.confirm_button = QPushButton(self.tr("Record as sent…"), self)
        self.confirm_button.setToolTip(
            self.tr("The message whose outcome is unknown did arrive: record it, send nothing")
        )
        self.confirm_button.clicked.connect(self.ask_confirm)
        self._selected_entry(None)
        self.send_button = QPushButton(self)
        self._count_button()
        self.send_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        decisions = QHBoxLayout()
        decisions.addWidget(self.resend_button)
        decisions.addWidget(self.confirm_button)
        decisions.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(pace_label)
        controls.addWidget(self.pace)
        controls.addWidget(self.progress, 1)
        controls.addStretch(0)
        controls.addWidget(self.send_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(decisions)
        layout.addWidget(self.status)
        layout.addWidget(self.failures)
        layout.addLayout(controls)
        self.progressed.connect(self._show_progress)

    # -- what the dialog says before a run -----------------------------------------------
    def _summary_text(self) -> str:
        converter = self.job.maker.converter
        if converter is not None:
            attach = self.tr("The documents are attached as PDF (made by %1).").replace(
                "%1", converter.name
            )
        else:
            attach = self.tr(
                "No PDF converter (Microsoft Word or LibreOffice) was found: the documents are "
                "attached as Word files (.docx)."
            )
        counts = self.tr("%1 client(s) will get a message; %2 will not (see the State column).")
        counts = counts.replace("%1", str(len(self.plan.to_send)))
        counts = counts.replace("%2", str(len(self.plan.not_sent)))
        sender = self.tr("From %1 through %2.").replace("%1", self.job.settings.sender)
        sender = sender.replace("%2", f"{self.job.settings.host}:{self.job.settings.port}")
        return f"{counts} {attach} {sender}"

    def _count_button(self) -> None:
        self.send_button.setText(self.tr("Send %n message(s)", "", len(self.plan.to_send)))
        self.send_button.setEnabled(bool(self.plan.to_send) and not self.running)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        self._selected_entry(self.model.entry(min(rows)) if rows else None)
        if rows:
            self.show_message(min(rows))

    def _selected_entry(self, entry: PlannedMail | None) -> None:
        reason = entry.reason if entry is not None else None
        usable = self.replan is not None and not self.running
        self.resend_button.setEnabled(usable and reason in (Reason.ALREADY_SENT, Reason.UNCERTAIN))
        self.confirm_button.setEnabled(usable and reason is Reason.UNCERTAIN)

    def current_entry(self) -> PlannedMail | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    # -- the office's explicit decisions on a client already sent to ---------------------
    def _ask(self, text: str, yes: str, then: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished(_code: int) -> None:
            self.question = None
            if box.clickedButton() is accept:
                then()

        box.finished.connect(finished)
        self.question = box
        box.open()

    def ask_resend(self) -> None:
        entry = self.current_entry()
        if entry is None or (entry.previous is None and entry.reason is not Reason.ALREADY_SENT):
            return
        when = entry.previous.at[:16].replace("T", " ") if entry.previous else ""
        text = self.tr(
            "%1 was already sent a message (%2). Send it again? It will get the message twice "
            "if the first one arrived."
        )
        text = text.replace("%1", f"{entry.client.code} {entry.client.name}").replace("%2", when)
        key = entry.key
        self._ask(text, self.tr("Send again"), lambda: self._resend(key))

    def _resend(self, key: str) -> None:
        self.resend.add(key)
        self._plan_again()

    def ask_confirm(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.reason is not Reason.UNCERTAIN or entry.previous is None:
            return
        text = self.tr(
            "Record the message to %1 (Message-ID %2) as sent? Do so only after finding it in "
            "the sent mail or the server's log; nothing is sent."
        )
        text = text.replace("%1", f"{entry.client.code} {entry.client.name}")
        text = text.replace("%2", entry.previous.message_id)

        def confirm() -> None:
            confirm_sent(self.store, entry)
            self._plan_again()

        self._ask(text, self.tr("Record as sent"), confirm)

    def _plan_again(self) -> None:
        if self.replan is None:
            self.send_button.setEnabled(False)
            return
        self.plan = self.replan(self.resend)
        self.model.set_entries(self.plan.entries)
        self.summary.setText(self._summary_text())
        self._count_button()
        self._selected_entry(None)

    def show_message(self, row: int) -> None:
        """Read the message of ``row`` as it will be sent (composed on the worker)."""
        entry = self.model.entry(row)
        if not entry.will_send:
            self.message.setPlainText(
                self.tr("No message goes to this client: %1.").replace(
                    "%1", entry.reason.label_en if self.language == "en" else entry.reason.label
                )
            )
            return
        if self.running:
            return  # the run uses the documents' maker; reading waits until it is over
        self._shown += 1
        asked = self._shown
        self.message.setPlainText(self.tr("Preparing the message…"))

        # The dialog may be closed (and deleted) while its documents are converted: the
        # answer then has nowhere to go.
        def shown(text: object) -> None:
            if shiboken6.isValid(self) and asked == self._shown:
                self.message.setPlainText(str(text))

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and asked == self._shown:
                self.message.setPlainText(error_text(exc, self.language))

        self.runner.run(lambda: readable(compose(self.job, entry).message), shown, failed)

    # -- the run ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.running or not self.plan.to_send:
            return
        self.running = True
        self.resend.clear()  # a confirmation is for this run only
        self._stop = stop = threading.Event()
        self.send_button.setEnabled(False)
        self._selected_entry(None)
        self.close_button.setEnabled(False)
        self.pace.setEnabled(False)
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self.progress.show()
        self.failures.hide()
        self.status.setText(self.tr("Sending…"))
        per_minute = self.pace.value()
        report = self.progressed.emit

        def progress(done: int, total: int, _entry: PlannedMail) -> None:
            report(done, total)

        def work() -> RunResult:
            return send_plan(
                self.store,
                self.plan,
                self.job,
                self.make_transport(),
                per_minute=per_minute,
                progress=progress,
                cancelled=stop.is_set,
            )

        self.runner.run(work, self._done, self._failed)

    def reject(self) -> None:
        """Closing waits for the run: the case is written after every message."""
        if self.running:
            self.stop()
            return
        super().reject()

    def stop(self) -> None:
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the message being sent…"))

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.running = False
        self.stop_button.hide()
        self.close_button.setEnabled(True)
        self.pace.setEnabled(True)  # a provider that throttled the run wants a slower next one

    def _done(self, result: object) -> None:
        assert isinstance(result, RunResult)
        self.run_result = result
        self._finish()
        self._plan_again()  # from what the case recorded: a failed client may be sent again
        for outcome in result.outcomes:
            label = {
                "sent": self.tr("Sent"),
                "failed": self.tr("Failed"),
                "uncertain": self.tr("Outcome unknown"),
            }[outcome.state]
            self.model.set_state(outcome.entry.key, label)
        self.progress.setValue(len(result.sent) + len(result.failed) + len(result.uncertain))
        text = self.tr("%1 sent, %2 failed, %3 with an unknown outcome.")
        text = text.replace("%1", str(len(result.sent))).replace("%2", str(len(result.failed)))
        text = text.replace("%3", str(len(result.uncertain)))
        if result.cancelled:
            text += " " + self.tr("Stopped: the others were not sent.")
        if result.stopped is not None:
            text += " " + error_text(result.stopped, self.language)
        self.status.setText(text)
        lines = [
            f"{o.entry.client.code} {o.entry.client.name}: {o.detail}" for o in result.failed
        ] + [
            f"{o.entry.client.code} {o.entry.client.name}: "
            + self.tr(
                "outcome unknown (Message-ID %1): check the sent mail before sending again"
            ).replace("%1", o.message_id)
            for o in result.uncertain
        ]
        for outcome in result.sent:
            lines += [
                f"{outcome.entry.client.code} {outcome.entry.client.name}: {address}: {reply}"
                for address, reply in outcome.refused.items()
            ]
        if lines:
            self.failures.setPlainText("\n".join(lines))
            self.failures.show()
        self.run_finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self._plan_again()  # never the old plan: some of it may have been sent and recorded
        self.status.setText(error_text(exc, self.language))
