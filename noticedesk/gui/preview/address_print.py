"""File → Print envelopes and labels…: the envelopes or a label sheet of the selected rows (or
of every client), in Qt's print preview.

Decisions:
- The pages are the export's own: the same ``render_envelopes`` / ``render_labels`` bytes,
  turned into PDF by the preview's converter and cache, then drawn by ``open_print_preview``.
  Printing from here and printing the exported file give the same sheet.
- One kind per preview: an envelope and an A4 label sheet are different paper, and the
  printer is set from the first page.
- The selected rows in the table's order (staff sort by postal code to match the post's
  bundles), or every client in the list's order; the dialog says how many of each.
- Rendering and converting run on the worker; the status bar says it is preparing (no modal
  progress: a sheet converts in a second or two). A newer request, or another case being
  opened, drops the older one's result.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.addresses import render_envelopes, render_labels
from noticedesk.core.clients import Client
from noticedesk.core.documents.address_files import AddressOptions
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.export.address_choices import AddressChoices, office_layouts
from noticedesk.gui.preview.jobs import PreviewJobs
from noticedesk.gui.preview.newest import NewestRequest
from noticedesk.gui.preview.print_preview import open_print_preview
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState

ENVELOPE, LABELS = "envelope", "labels"
SELECTED, ALL = "selected", "all"


class AddressPrintDialog(QDialog):
    """Envelopes or labels, for which clients (non-blocking: use ``open()``)."""

    def __init__(
        self,
        selected: int,
        clients: int,
        choices: AddressChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print envelopes and labels"))
        who = QGroupBox(self.tr("Clients"), self)
        self.selected_button = QRadioButton(
            self.tr("Se&lected rows (%1)").replace("%1", str(selected)), who
        )
        self.selected_button.setObjectName(SELECTED)
        self.selected_button.setEnabled(selected > 0)
        self.all_button = QRadioButton(
            self.tr("&All clients (%1)").replace("%1", str(clients)), who
        )
        self.all_button.setObjectName(ALL)
        (self.selected_button if selected > 0 else self.all_button).setChecked(True)
        self.who_buttons = QButtonGroup(self)
        who_layout = QVBoxLayout(who)
        for button in (self.selected_button, self.all_button):
            self.who_buttons.addButton(button)
            who_layout.addWidget(button)
        # One kind per preview: the two boxes behave as a choice of one.
        self.choices = choices
        choices.setParent(self)
        choices.note.hide()
        boxes = QButtonGroup(self)
        boxes.setExclusive(True)
        boxes.addButton(choices.envelope_box)
        boxes.addButton(choices.labels_box)
        if not choices.kinds():
            choices.envelope_box.setChecked(True)
        self.errors = error_label(self)
        buttons = dialog_buttons(self, accept_text=self.tr("&Print preview"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(choices)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def who(self) -> str:
        checked = self.who_buttons.checkedButton()
        return checked.objectName() if checked is not None else ALL

    def kind(self) -> str:
        return LABELS if self.choices.labels_box.isChecked() else ENVELOPE

    def options(self) -> AddressOptions:
        options = self.choices.options()
        assert options is not None  # one of the two is always ticked
        return options


class AddressPrint(QObject):
    """Print preview of envelopes or labels, from the window's rows."""

    opened = Signal(object)  # the print preview dialog, once it is shown

    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        jobs: PreviewJobs,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.jobs = jobs  # the preview's converter and cache are shared
        self.action = QAction(parent if isinstance(parent, QWidget) else None)
        self.action.triggered.connect(self.start)
        self.dialog: AddressPrintDialog | None = None
        self.print_dialog: QPrintPreviewDialog | None = None
        self.last_docx: bytes | None = None  # the document the last preview shows
        self._requests = NewestRequest()
        state.session_changed.connect(self.cancel)
        state.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.action.setText(self.tr("Print &envelopes and labels…"))

    def cancel(self, *_: object) -> None:
        self._requests.drop()

    # -- which clients ---------------------------------------------------------------------
    def _selected(self) -> list[Client]:
        model = self.host.model
        return [model.row_at(row).client for row in self.host.selected_source_rows()]

    def _all(self) -> list[Client]:
        return [row.client for row in self.host.model.rows()]

    # -- asking ----------------------------------------------------------------------------
    def start(self) -> None:
        reason = self._blocked_reason()
        if reason:
            self.host.show_message(
                QMessageBox.Icon.Information, self.tr("Print envelopes and labels"), reason
            )
            return
        selected, every = self._selected(), self._all()
        layouts, problem = office_layouts(self.state.data_dir, self.state.language)
        choices = AddressChoices(layouts, problem)
        dialog = AddressPrintDialog(len(selected), len(every), choices, self.host.window())
        self.dialog = dialog

        def chosen() -> None:
            self.dialog = None
            clients = selected if dialog.who() == SELECTED else every
            self.run(clients, dialog.kind(), dialog.options())
            dialog.deleteLater()

        def dropped() -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(dropped)
        dialog.open()

    def _blocked_reason(self) -> str:
        session = self.state.session
        if session is None:
            return self.tr("No case is open.")
        if self.host.model.rowCount() == 0:
            return self.tr("The case has no clients yet: open a client list first.")
        if self.jobs.converter is None:
            return self.tr(
                "To print the envelopes and labels as they are exported, NoticeDesk needs "
                "LibreOffice (free) or Microsoft Word on this PC."
            )
        return ""

    # -- the job ---------------------------------------------------------------------------
    def run(self, clients: list[Client], kind: str, options: AddressOptions) -> None:
        """Render the envelopes or labels of ``clients`` and open their print preview."""
        session = self.state.session
        if session is None or not clients:
            return
        try:
            office = session.office()
        except Exception as exc:
            self.host.show_error(self.tr("The office profile could not be read"), exc)
            return
        cache = self.jobs.cache
        request = self._requests.next()
        self.host.show_status(self.tr("Preparing the pages…"))

        def render() -> bytes:
            if kind == ENVELOPE:
                return render_envelopes(clients, office, options.envelope)
            return render_labels(clients, options.layout, options.start)

        def job() -> tuple[bytes, bytes]:
            docx = render()
            (pdf,) = cache.pdfs([docx])
            return docx, pdf

        title = (
            self.tr("Envelopes (%1) — %2 client(s)").replace("%1", options.envelope.title)
            if kind == ENVELOPE
            else self.tr("Address labels (%1) — %2 client(s)").replace("%1", options.layout.title)
        ).replace("%2", str(len(clients)))
        self.state.runner.run(job, self._finished(request, title), self._failed(request))

    def _finished(self, request: int, title: str) -> Callable[[tuple[bytes, bytes]], None]:
        def done(result: tuple[bytes, bytes]) -> None:
            if not shiboken6.isValid(self) or not self._requests.is_newest(request):
                return
            self.host.show_status("")
            self.last_docx, pdf = result
            self.print_dialog = open_print_preview(self.host.window(), [pdf], title)
            self.opened.emit(self.print_dialog)

        return done

    def _failed(self, request: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self) or not self._requests.is_newest(request):
                return
            self.host.show_status("")
            self.host.show_message(
                QMessageBox.Icon.Warning,
                self.tr("The envelopes or labels could not be made"),
                error_text(exc, self.state.language),
            )

        return failed


__all__ = ["AddressPrint", "AddressPrintDialog"]
