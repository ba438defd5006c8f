"""The document preview: the selected client's documents as the pages that will be printed.

A dock beside the table (tabbed with the problems list; its place, size and visibility are
kept in the window state, its zoom in the settings). It shows one tab per document the client
gets, the pages stacked vertically, fitted to the panel's width or at 100 %.

Where the pages come from (one source of truth): the documents are rendered with the export's
own ``render_document``, converted to PDF by LibreOffice or Word, and that PDF is drawn by
PDFium; the print preview paints the same PDF. The slow part runs in ``PreviewJobs`` (one job
at a time on the window's runner, the newest request wins); the request and the job that
answers it are in ``requests``; the pages on screen in ``pages``; the dock and its menu
entries are added by ``dock.install_preview``.

Decisions:
- the dock renders only while it is visible: a hidden preview costs nothing;
- the preview starts hidden (View → Document preview, or File → Print preview…) and is
  remembered as the user leaves it; on a PC with Word a conversion starts Word in the
  background, which should not happen on every click unless the user asked for the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QShowEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import KINDS
from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.documents.pdf_resident import find_preview_converter
from noticedesk.core.documents.preview import PreviewDocument, client_documents, write_preview_copy
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.file_chooser import OpenUrl
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.preview.jobs import Ahead, FindConverter, PreviewJobs
from noticedesk.gui.preview.pages import PageView, pixmap_of
from noticedesk.gui.preview.print_preview import open_print_preview
from noticedesk.gui.preview.print_selection import SelectionPrint
from noticedesk.gui.preview.requests import PreviewInputs, PreviewRequest, PreviewResult, Zoom
from noticedesk.gui.table.model import document_titles


class PreviewPanel(QWidget):
    """The preview of one client's documents. ``inputs`` says what is selected right now."""

    pages_shown = Signal(str, str, int)  # client key, document kind, pages on screen
    failed = Signal(str)  # the message shown when a preview could not be made

    def __init__(
        self,
        runner: TaskRunner,
        settings: WindowSettings,
        inputs: Callable[[], PreviewInputs],
        *,
        find: FindConverter = find_preview_converter,
        ahead: Ahead | None = None,
        open_url: OpenUrl = QDesktopServices.openUrl,
        language: Callable[[], str] = lambda: "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._inputs = inputs
        self.open_url = open_url
        self._language = language
        self.jobs = PreviewJobs(runner, self._showing, find=find, ahead=ahead, parent=self)
        self.jobs.started.connect(self._job_started)
        self.jobs.finished.connect(self._show_result)
        self.jobs.failed.connect(self._show_failure)
        self.jobs.idle.connect(lambda: self._set_busy(False))
        self._result: PreviewResult | None = None  # what is on screen
        self._kinds: list[str] = []
        self._kind = ""  # the tab chosen last, kept across clients that have it
        self._print_when_ready = False
        self._stale = False  # inputs changed while hidden
        self.print_dialog: QPrintPreviewDialog | None = None
        self.last_opened: Path | None = None
        self.dock: QDockWidget | None = None  # set by install_preview
        self.menu_print_action: QAction | None = None  # File → Print preview…
        self.selection_print: SelectionPrint | None = None  # several clients (install_preview)
        self._build()
        self.retranslate()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.zoom_group = QActionGroup(self)
        self.fit_action = QAction(self, checkable=True)
        self.actual_action = QAction(self, checkable=True)
        for action, mode in ((self.fit_action, "fit"), (self.actual_action, "actual")):
            action.setData(mode)
            self.zoom_group.addAction(action)
        zoom = self.settings.preview_zoom()
        (self.actual_action if zoom == "actual" else self.fit_action).setChecked(True)
        self.zoom_group.triggered.connect(self._zoom_chosen)

        self.print_action = QAction(self)
        self.print_action.triggered.connect(self._print_clicked)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.open_in_word)

        # Word failed and LibreOffice draws the pages instead, or LibreOffice cannot be kept
        # running (``pdf_resident``): said once, and kept in view.
        self.converter_note = QLabel(self)
        self.converter_note.setObjectName("converter_note")
        self.converter_note.setWordWrap(True)
        self.converter_note.hide()

        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for action in (self.fit_action, self.actual_action, self.print_action, self.open_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tools.addWidget(button)
        tools.addStretch(1)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        tools.addWidget(self.busy)

        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_chosen)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(12)
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self.look_for_converter_again)
        message_page = QWidget(self)
        message_layout = QVBoxLayout(message_page)
        message_layout.addWidget(self.message)
        message_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        message_layout.addStretch(1)

        self.pages = PageView(self)
        self.pages.width_settled.connect(self._refit)
        self.strip = self.pages.strip

        self.stack = QStackedWidget(self)
        self.stack.addWidget(message_page)
        self.stack.addWidget(self.pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.converter_note)
        layout.addLayout(tools)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self._show_message("")

    def retranslate(self) -> None:
        self.fit_action.setText(self.tr("Fit width"))
        self.actual_action.setText(self.tr("100 %"))
        self.print_action.setText(self.tr("Print preview…"))
        self.print_action.setToolTip(
            self.tr(
                "Print every document of this client, exactly as it is exported; with several "
                "clients selected, this tab's document of each of them"
            )
        )
        self.open_action.setText(self.tr("Open in Word"))
        self.open_action.setToolTip(
            self.tr("Open a read-only copy of this document in Word (or the program for .docx)")
        )
        self.retry_button.setText(self.tr("Check again"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Document preview"))
        if self.menu_print_action is not None:
            self.menu_print_action.setText(self.tr("&Print preview…"))
        titles = document_titles()
        for index, kind in enumerate(self._kinds):
            self.tabs.setTabText(index, titles.get(kind, kind))
        self._update_title()
        if self._result is None and self.stack.currentIndex() == 0:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the converter ---------------------------------------------------------------------
    def set_converter(self, converter: PdfConverter | None) -> None:
        """Use ``converter`` from now on (None: none on this PC); forgets the old pages."""
        self.jobs.set_converter(converter)
        self._result = None
        self.refresh()

    def look_for_converter_again(self) -> None:
        self.jobs.look_again()
        self._result = None
        self.refresh(force=True)

    # -- requests ----------------------------------------------------------------------------
    def zoom(self) -> Zoom:
        mode = "actual" if self.actual_action.isChecked() else "fit"
        width = self.pages.page_width()
        return Zoom(mode, width, float(self.logicalDpiX()), self.devicePixelRatioF())

    def refresh(self, *, force: bool = False) -> None:
        """Show the documents of what is selected now (if the panel is on screen, or ``force``)."""
        if not force and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        inputs = self._inputs()
        if inputs.client is None or inputs.office is None or inputs.incident is None:
            self.jobs.drop()
            self._result = None
            self._print_when_ready = False
            self._set_tabs([])
            self._update_title(inputs.client)
            self._show_message(inputs.note)
            self._set_busy(False)
            return
        zoom, converter = self.zoom(), self.jobs.converter
        wanted = self.jobs.wanted
        if (
            wanted is not None
            and (
                wanted.client,
                wanted.office,
                wanted.incident,
                wanted.templates,
                wanted.zoom,
                wanted.converter,
            )
            == (inputs.client, inputs.office, inputs.incident, inputs.templates, zoom, converter)
            and (self.jobs.running is wanted or (self._showing(wanted) and self._has_documents()))
        ):
            return  # the same documents are on screen or on their way
        self._set_busy(True)  # the newest request starts when a running one ends
        self.jobs.want(self.jobs.request(inputs, zoom, self._kind))
        self._update_title(inputs.client)

    def _has_documents(self) -> bool:
        return self._result is not None and bool(self._result.documents)

    def _showing(self, request: PreviewRequest) -> bool:
        return self._result is not None and self._result.request is request

    def _job_started(self, request: PreviewRequest) -> None:
        self._set_busy(True)
        if self._result is None or self._result.request.client.key != request.client.key:
            # Another client: its old pages must not stand under the new name meanwhile.
            self.strip.set_pages([])
            self._show_message(self.tr("Making the preview…"))

    def _show_failure(self, request: PreviewRequest, exc: BaseException) -> None:
        self._print_when_ready = False
        self._result = PreviewResult(request, [])
        text = error_text(exc, self._language())
        self._set_busy(False)
        self._show_message(self.tr("The preview could not be made.") + "\n\n" + text)
        self.failed.emit(text)

    # -- showing -----------------------------------------------------------------------------
    def _show_result(self, result: PreviewResult) -> None:
        self._result = result
        self._set_busy(False)
        self._set_tabs([d.kind for d in result.documents])
        if result.request.converter is None:
            self._show_no_converter()
            self._print_when_ready = False
            return
        self._show_converter_note(result.request.converter)
        self._show_kind()
        if self._print_when_ready and not result.partial:
            self._print_when_ready = False
            self._open_print_dialog(result)

    def _show_converter_note(self, converter: PdfConverter) -> None:
        """The reason the first converter gave way, once it did (Word to LibreOffice,
        ``pdf_word``; LibreOffice kept running to one start per client, ``pdf_resident``)."""
        notice = getattr(converter, "notice", None)
        if notice is None or not self.converter_note.isHidden():
            return
        self.converter_note.setText(notice[0] if self._language() == "ja" else notice[1])
        self.converter_note.show()

    def _show_kind(self) -> None:
        result = self._result
        if result is None or not self._kind or self._kind not in result.pages:
            return
        ratio = result.request.zoom.ratio
        images = result.pages[self._kind]
        self.strip.set_pages([pixmap_of(image, ratio) for image in images])
        self.stack.setCurrentWidget(self.pages)
        self.retry_button.hide()
        self.pages_shown.emit(result.request.client.key, self._kind, len(images))

    def _set_tabs(self, kinds: list[str]) -> None:
        if kinds != self._kinds:
            titles = document_titles()
            self.tabs.blockSignals(True)
            while self.tabs.count():
                self.tabs.removeTab(0)
            for kind in kinds:
                self.tabs.addTab(titles.get(kind, kind))
                self.tabs.setTabToolTip(self.tabs.count() - 1, KINDS[kind].title)
            self._kinds = list(kinds)
            self.tabs.blockSignals(False)
        if kinds:
            kind = self._kind if self._kind in kinds else kinds[0]
            self._kind = kind
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(kinds.index(kind))
            self.tabs.blockSignals(False)
        self.tabs.setVisible(bool(kinds))

    def _tab_chosen(self, index: int) -> None:
        if 0 <= index < len(self._kinds):
            self._kind = self._kinds[index]
            self._show_kind()

    def _zoom_chosen(self, action: QAction) -> None:
        self.settings.set_preview_zoom(str(action.data()))
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.retry_button.hide()
        self.stack.setCurrentIndex(0)

    def _show_no_converter(self) -> None:
        self._show_message(
            self.tr(
                "To show the documents as they will be printed, NoticeDesk needs LibreOffice "
                "(free) or Microsoft Word on this PC. Install one of them, then press “Check "
                "again”.\n\nUntil then, “Open in Word” opens the document in the program that "
                "opens Word files on this PC."
            )
        )
        self.retry_button.show()

    def _update_title(self, client: Client | None = None) -> None:
        wanted = self.jobs.wanted
        if client is None and wanted is not None:
            client = wanted.client
        self.title.setText(client.name if client is not None else "")
        ready = wanted is not None
        self.print_action.setEnabled(ready)
        self.open_action.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # -- fit to width on resize ----------------------------------------------------------------
    def _refit(self) -> None:
        result = self._result
        if not self.fit_action.isChecked() or result is None or result.request.converter is None:
            return
        if abs(self.zoom().width - result.request.zoom.width) > 8:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self.jobs.wanted is None:
            QTimer.singleShot(0, self.refresh)

    # -- what tests and the window ask -------------------------------------------------------
    @property
    def shown_kind(self) -> str:
        return self._kind if self._result is not None else ""

    @property
    def shown_client(self) -> Client | None:
        return self._result.request.client if self._result is not None else None

    @property
    def result(self) -> PreviewResult | None:
        return self._result

    def kinds(self) -> list[str]:
        return list(self._kinds)

    def show_kind(self, kind: str) -> None:
        if kind in self._kinds:
            self.tabs.setCurrentIndex(self._kinds.index(kind))

    def message_text(self) -> str:
        return self.message.text() if self.stack.currentIndex() == 0 else ""

    def is_busy(self) -> bool:
        return self.jobs.is_busy()

    # -- print preview and Word -------------------------------------------------------------
    def _print_clicked(self) -> None:
        """With several clients selected, this tab's document for each of them; else this
        client's documents."""
        several = self.selection_print
        if several is not None and self._kind and several.has_several():
            several.run(several.selected_clients(), [self._kind])
            return
        self.print_preview()

    def print_preview(self) -> None:
        """Open the print preview of the client's documents, once their PDFs exist."""
        result = self._result
        wanted = self.jobs.wanted
        if result is not None and result.request is wanted:
            if result.pages and not result.partial:
                self._open_print_dialog(result)
                return
            if result.documents and result.request.converter is None:
                self._show_no_converter()  # nothing to print from: the panel says why
                return
        self._print_when_ready = True
        self.refresh(force=True)  # a failed attempt is tried again

    def _open_print_dialog(self, result: PreviewResult) -> None:
        pdfs = [d.pdf for d in result.documents if d.pdf is not None]
        title = self.tr("Print preview — %1").replace("%1", result.request.client.name)
        self.print_dialog = open_print_preview(self.window(), pdfs, title)

    def open_in_word(self) -> None:
        """Write the shown document to a temporary folder, read-only, and open it."""
        document = self._current_document()
        wanted = self.jobs.wanted
        if document is None or wanted is None:
            return
        try:
            path = write_preview_copy(document, wanted.client)
        except OSError as exc:
            self._show_message(
                self.tr("The document could not be written to a temporary folder.")
                + "\n\n"
                + error_text(exc, self._language())
            )
            return
        self.last_opened = path
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._show_message(
                self.tr("No program on this PC opens Word documents (.docx).") + f"\n\n{path}"
            )

    def _current_document(self) -> PreviewDocument | None:
        wanted = self.jobs.wanted
        if wanted is None:
            return None
        result = self._result
        if result is not None and result.request is wanted:
            found = result.document(self._kind) or (
                result.documents[0] if result.documents else None
            )
            if found is not None:
                return found
        # Not rendered yet (or it failed): render now; it takes a millisecond.
        documents = client_documents(
            wanted.client, wanted.office, wanted.incident, templates_dir=wanted.templates.folder
        )
        return next((d for d in documents if d.kind == self._kind), documents[0])
