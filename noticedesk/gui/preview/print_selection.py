"""Print preview of the selected clients: every chosen document of each, in one print job.

With several rows selected, File → Print preview… (Ctrl+P) asks which documents to print in a
small dialog (ticked as last time; the first time, the preview's current tab), and the
preview panel's own "Print preview…" button prints its current tab's document for all of them.

Decisions:
- Clients come in the order the table shows them (staff sort by postal code or code to match
  the envelopes), each client's documents in envelope order: the pile from the printer is
  folded client by client.
- The documents are converted in one job off the GUI thread, chunk by chunk, through the
  preview's converter and cache (``print_batch``), with a progress dialog that can stop it.
- The newest request wins (``NewestRequest``, as in the preview): starting another batch stops
  the previous one at its next chunk and its result is dropped, so an old selection never opens
  over a newer one; so does another case being opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.core.documents.print_batch import (
    CHUNK_SIZE,
    BatchCancelled,
    BatchItem,
    batch_documents,
    convert_batch,
)
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.export.print_choices import PrintChoices
from noticedesk.gui.preview.jobs import PreviewJobs
from noticedesk.gui.preview.newest import NewestRequest
from noticedesk.gui.preview.print_preview import open_print_preview
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.model import document_titles
from noticedesk.gui.templates.folder import TemplateFolder

ENVELOPE_ORDER = sorted(DOCUMENT_KINDS, key=lambda k: KINDS[k].file_prefix)


class PrintKindsDialog(QDialog):
    """Which documents to print for the selected clients (non-blocking: use ``open()``)."""

    def __init__(
        self, clients: Sequence[Client], kinds: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview of the selected clients"))
        self._clients = list(clients)
        individual = sum(1 for c in self._clients if c.individual)
        intro = QLabel(
            self.tr("%1 client(s) selected. Their documents are printed client by client.").replace(
                "%1", str(len(self._clients))
            ),
            self,
        )
        intro.setWordWrap(True)
        titles = document_titles()
        group = QGroupBox(self.tr("Documents"), self)
        group_layout = QVBoxLayout(group)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in ENVELOPE_ORDER:
            box = QCheckBox(f"{KINDS[kind].file_prefix} {titles[kind]}", group)
            box.setObjectName(kind)
            box.setChecked(kind in kinds)
            if KINDS[kind].for_individual_only:
                box.setToolTip(
                    self.tr("Only for clients who report individually (%1 selected)").replace(
                        "%1", str(individual)
                    )
                )
            box.toggled.connect(self._update_count)
            self.kind_boxes[kind] = box
            group_layout.addWidget(box)
        self.count = QLabel(self)
        self.errors = error_label(self)
        buttons = dialog_buttons(self, accept_text=self.tr("&Print preview"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(group)
        layout.addWidget(self.count)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self._update_count()

    def kinds(self) -> list[str]:
        return [kind for kind in ENVELOPE_ORDER if self.kind_boxes[kind].isChecked()]

    def document_count(self) -> int:
        kinds = self.kinds()
        return sum(
            1
            for client in self._clients
            for kind in kinds
            if KINDS[kind].applies_to(client.individual)
        )

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("Documents to print: %1").replace("%1", str(self.document_count()))
        )

    def accept(self) -> None:
        if not self.kinds():
            self.errors.setText(self.tr("Tick at least one document."))
            self.errors.show()
            return
        super().accept()


class SelectionPrint(QObject):
    """Print preview of several clients, from the window's selection."""

    progressed = Signal(int, int, int)  # request, done, total; emitted from the worker
    chunk_size = CHUNK_SIZE  # documents per converter call
    opened = Signal(object)  # the print preview dialog, once it is shown

    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        templates: TemplateFolder,
        jobs: PreviewJobs,
        current_kind: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.templates = templates
        self.jobs = jobs  # the preview's converter and cache are shared
        self._current_kind = current_kind  # the preview's tab: the first choice of kinds
        self.kinds_dialog: PrintKindsDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.print_dialog: QPrintPreviewDialog | None = None
        self.last_items: list[BatchItem] = []
        self._requests = NewestRequest()
        self._running: set[int] = set()
        self.progressed.connect(self._show_progress)
        state.session_changed.connect(self.cancel)  # another case's clients must not open

    # -- what is selected ----------------------------------------------------------------
    def selected_clients(self) -> list[Client]:
        """The selected clients in the table's order, each with its tick as shown."""
        model = self.host.model
        clients = []
        for source_row in self.host.selected_source_rows():
            row = model.row_at(source_row)
            clients.append(replace(row.client, individual=row.individual))
        return clients

    def has_several(self) -> bool:
        return self.state.session is not None and len(self.host.selected_source_rows()) > 1

    def busy(self) -> bool:
        return self._requests.newest in self._running

    # -- asking ----------------------------------------------------------------------------
    def start(self) -> None:
        """Ask which documents to print for the selected clients, then make the preview."""
        clients = self.selected_clients()
        if not clients:
            return
        choices = PrintChoices(self.state.settings)
        remembered = choices.print_kinds()
        current = self._current_kind()
        kinds = remembered or ([current] if current else list(ENVELOPE_ORDER))
        dialog = PrintKindsDialog(clients, kinds, self.host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kinds_dialog = dialog

        def chosen() -> None:
            self.kinds_dialog = None
            choices.set_print_kinds(dialog.kinds())
            self.run(clients, dialog.kinds())

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: setattr(self, "kinds_dialog", None))
        dialog.open()

    # -- the job -----------------------------------------------------------------------------
    def run(self, clients: Sequence[Client], kinds: Sequence[str]) -> None:
        """Convert the documents of ``clients`` (``kinds``) and open their print preview."""
        reason = self._blocked_reason()
        session = self.state.session
        if reason or session is None:
            self.host.show_message(QMessageBox.Icon.Information, self.tr("Print preview"), reason)
            return
        office = session.office()
        incident = session.incident
        assert incident is not None  # else _blocked_reason says so
        templates_dir = self.templates.folder()
        cache = self.jobs.cache
        request = self._requests.next()
        self._running.add(request)
        clients, kinds = list(clients), list(kinds)
        self._open_progress(len(clients))
        report = self.progressed.emit
        chunk_size = self.chunk_size
        outdated = self._requests.outdated(request)

        def job() -> list[BatchItem]:
            items = batch_documents(clients, office, incident, kinds, templates_dir)
            return convert_batch(
                cache,
                items,
                chunk_size=chunk_size,
                progress=lambda done, total: report(request, done, total),
                cancelled=outdated,
            )

        self.state.runner.run(
            job,
            partial(self._finished, request, len(clients)),
            partial(self._failed, request),
        )

    def cancel(self) -> None:
        """Stop the running batch at its next chunk; its result will not be shown."""
        self._requests.drop()
        self._close_progress()

    def _blocked_reason(self) -> str:
        session = self.state.session
        if session is None:
            return self.tr("No case is open.")
        if session.incident is None:
            return self.tr(
                "Enter the incident (Case → Incident and deadlines…) to print the documents."
            )
        try:
            session.office()
        except Exception as exc:
            return error_text(exc, self.state.language)
        folder = self.templates.folder()
        if folder is not None and not folder.is_dir():
            return self.tr(
                "The template folder %1 is not found (Settings → Template folder…)."
            ).replace("%1", str(folder))
        if self.jobs.converter is None:
            return self.tr(
                "To print the documents as they are exported, NoticeDesk needs LibreOffice "
                "(free) or Microsoft Word on this PC."
            )
        return ""

    def _open_progress(self, clients: int) -> None:
        progress = self.progress_dialog
        if progress is None:
            progress = QProgressDialog(self.host.window())
            progress.setWindowTitle(self.tr("Print preview"))
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.setMinimumDuration(300)  # a batch already converted opens at once
            progress.canceled.connect(self.cancel)
            self.progress_dialog = progress
        progress.setRange(0, 0)
        progress.setValue(0)
        progress.setLabelText(
            self.tr("Preparing the documents of %1 client(s)…").replace("%1", str(clients))
        )

    @Slot(int, int, int)
    def _show_progress(self, request: int, done: int, total: int) -> None:
        progress = self.progress_dialog
        if progress is None or not self._requests.is_newest(request):
            return
        progress.setRange(0, max(total, 1))
        progress.setLabelText(
            self.tr("Preparing the pages… %1 of %2 document(s)")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        progress.setValue(done)  # last: it may process events (and the batch's end) on a modal

    def _close_progress(self) -> None:
        progress = self.progress_dialog
        self.progress_dialog = None
        if progress is not None and shiboken6.isValid(progress):
            progress.canceled.disconnect(self.cancel)
            progress.close()
            progress.deleteLater()

    def _finished(self, request: int, clients: int, items: list[BatchItem]) -> None:
        if not shiboken6.isValid(self):
            return  # the window has gone
        self._running.discard(request)
        if not self._requests.is_newest(request):
            return  # a newer request replaced this one
        self._close_progress()
        self.last_items = items
        pdfs = [item.document.pdf for item in items if item.document.pdf is not None]
        title = self.tr("Print preview — %1 client(s)").replace("%1", str(clients))
        self.print_dialog = open_print_preview(self.host.window(), pdfs, title)
        self.opened.emit(self.print_dialog)

    def _failed(self, request: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._running.discard(request)
        if isinstance(exc, BatchCancelled) or not self._requests.is_newest(request):
            return
        self._close_progress()
        self.host.show_message(
            QMessageBox.Icon.Warning,
            self.tr("The print preview could not be made"),
            error_text(exc, self.state.language),
        )


__all__ = ["PrintKindsDialog", "SelectionPrint"]
