"""The document preview: the selected client's documents as the pages that will be printed.

A dock beside the table (tabbed with the problems list; its place, size and visibility are
kept in the window state, its zoom in the settings). It shows one tab per document the client
gets, the pages stacked vertically, fitted to the panel's width or at 100 %.

Where the pages come from (one source of truth): the documents are rendered with the export's
own ``render_document``, converted to PDF by LibreOffice or Word, and that PDF is drawn by
PDFium; the print preview paints the same PDF. Everything slow runs on the window's task runner:

- one job at a time: a converter start costs about a second of a core, so clicking through ten
  clients runs at most the current job and then the newest selection, never ten;
- the newest selection wins: a result that arrives for an older request is dropped (it stays
  in the cache, so going back to that client is instant);
- the dock renders only while it is visible: a hidden preview costs nothing.

The dock and its menu entries are added by ``preview_dock.install_preview``; the request and
the job that answers it are in ``preview_requests``.

Decision: the preview starts hidden (View → Document preview, or File → Print preview…) and is
remembered as the user leaves it; on a PC with Word a conversion starts Word in the
background, which should not happen on every click unless the user asked for the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import KINDS
from noticedesk.core.documents.pages import PageImage
from noticedesk.core.documents.pdf import PdfConverter, find_converter
from noticedesk.core.documents.preview import (
    PreviewCache,
    PreviewDocument,
    client_documents,
    write_preview_copy,
)
from noticedesk.core.user_error import error_text
from noticedesk.gui.preview_requests import (
    PreviewInputs,
    PreviewRequest,
    PreviewResult,
    Zoom,
    build_preview,
)
from noticedesk.gui.print_preview import open_print_preview
from noticedesk.gui.roster_model import document_titles
from noticedesk.gui.settings import WindowSettings
from noticedesk.gui.tasks import TaskRunner

OpenUrl = Callable[[QUrl], Any]
FindConverter = Callable[[], PdfConverter | None]

PAGE_GAP = 12  # pixels between pages and around them
RESIZE_DELAY_MS = 200  # fit-to-width redraws once the user stops dragging the splitter


def pixmap_of(image: PageImage, ratio: float) -> QPixmap:
    """A QPixmap of a page (copied out of the page's bytes, which may then go)."""
    qimage = QImage(
        image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGBA8888
    )
    pixmap = QPixmap.fromImage(qimage)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class PageStrip(QWidget):
    """The pages of one document, one under the other on a grey desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.labels: list[QLabel] = []

    def set_pages(self, pixmaps: list[QPixmap]) -> None:
        while len(self.labels) > len(pixmaps):
            label = self.labels.pop()
            self._layout.removeWidget(label)
            label.deleteLater()
        while len(self.labels) < len(pixmaps):
            label = QLabel(self)
            label.setFrameShape(QFrame.Shape.Box)
            label.setLineWidth(1)
            self._layout.addWidget(label)
            self.labels.append(label)
        for label, pixmap in zip(self.labels, pixmaps, strict=True):
            label.setPixmap(pixmap)
        self.adjustSize()

    def pixmaps(self) -> list[QPixmap]:
        return [label.pixmap() for label in self.labels]


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
        find: FindConverter = find_converter,
        open_url: OpenUrl = QDesktopServices.openUrl,
        language: Callable[[], str] = lambda: "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self._inputs = inputs
        self._find = find
        self.open_url = open_url
        self._language = language
        self._converter: PdfConverter | None = None
        self._looked_for_converter = False
        self.cache = PreviewCache(None)
        self._generation = 0
        self._wanted: PreviewRequest | None = None  # the newest request
        self._running: PreviewRequest | None = None  # the one the runner is working on
        self._result: PreviewResult | None = None  # what is on screen
        self._kinds: list[str] = []
        self._kind = ""  # the tab chosen last, kept across clients that have it
        self._print_when_ready = False
        self._stale = False  # inputs changed while hidden
        self.print_dialog: Any = None
        self.last_opened: Path | None = None
        self.dock: QDockWidget | None = None  # set by install_preview
        self.menu_print_action: QAction | None = None  # File → Print preview…
        self.selection_print: Any = None  # several clients at once (set by install_preview)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._refit)
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

        self.strip = PageStrip()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setBackgroundRole(self.palette().ColorRole.Dark)
        # Always there, so fitting a page to the width never makes a scroll bar appear and
        # change the width it was fitted to.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().installEventFilter(self)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(message_page)
        self.stack.addWidget(self.scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
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
    @property
    def converter(self) -> PdfConverter | None:
        if not self._looked_for_converter:
            self._looked_for_converter = True
            self._set_converter(self._find())
        return self._converter

    def set_converter(self, converter: PdfConverter | None) -> None:
        """Use ``converter`` from now on (None: none on this PC); forgets the old pages."""
        self._looked_for_converter = True
        self._set_converter(converter)
        self.refresh()

    def _set_converter(self, converter: PdfConverter | None) -> None:
        self._converter = converter
        self.cache = PreviewCache(converter)
        self._result = None

    def look_for_converter_again(self) -> None:
        self._looked_for_converter = False
        self._result = None
        self.refresh(force=True)

    # -- requests ----------------------------------------------------------------------------
    def zoom(self) -> Zoom:
        mode = "actual" if self.actual_action.isChecked() else "fit"
        width = max(self.scroll.viewport().width() - 2 * PAGE_GAP - 4, 120)
        return Zoom(mode, width, float(self.logicalDpiX()), self.devicePixelRatioF())

    def refresh(self, *, force: bool = False) -> None:
        """Show the documents of what is selected now (if the panel is on screen, or ``force``)."""
        if not force and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        inputs = self._inputs()
        if inputs.client is None or inputs.office is None or inputs.incident is None:
            self._generation += 1
            self._wanted = None
            self._result = None
            self._print_when_ready = False
            self._set_tabs([])
            self._update_title(inputs.client)
            self._show_message(inputs.note)
            self._set_busy(False)
            return
        zoom, converter = self.zoom(), self.converter
        wanted = self._wanted
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
            and (self._running is wanted or (self._showing(wanted) and self._has_documents()))
        ):
            return  # the same documents are on screen or on their way
        self._generation += 1
        request = PreviewRequest(
            self._generation,
            inputs.client,
            inputs.office,
            inputs.incident,
            zoom,
            converter,
            self.cache,
            inputs.templates,
        )
        self._wanted = request
        self._update_title(inputs.client)
        if self._running is None:
            self._start(request)
        else:
            self._set_busy(True)  # the newest request starts when the running one ends

    def _has_documents(self) -> bool:
        return self._result is not None and bool(self._result.documents)

    def _showing(self, request: PreviewRequest) -> bool:
        return self._result is not None and self._result.request is request

    def _start(self, request: PreviewRequest) -> None:
        self._running = request
        self._set_busy(True)
        if self._result is None or self._result.request.client.key != request.client.key:
            # Another client: its old pages must not stand under the new name meanwhile.
            self.strip.set_pages([])
            self._show_message(self.tr("Making the preview…"))
        self.runner.run(
            partial(build_preview, request),
            partial(self._finished, request),
            partial(self._failed, request),
        )

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _finished(self, request: PreviewRequest, result: PreviewResult) -> None:
        if not self._alive():
            return  # the window closed while the converter was working
        self._running = None
        if request is self._wanted:
            self._show_result(result)
        self._start_newest()

    def _failed(self, request: PreviewRequest, exc: BaseException) -> None:
        if not self._alive():
            return
        self._running = None
        if request is self._wanted:
            self._print_when_ready = False
            self._result = PreviewResult(request, [])
            text = error_text(exc, self._language())
            self._set_busy(False)
            self._show_message(self.tr("The preview could not be made.") + "\n\n" + text)
            self.failed.emit(text)
        self._start_newest()

    def _start_newest(self) -> None:
        wanted = self._wanted
        if wanted is not None and self._running is None and not self._showing(wanted):
            self._start(wanted)
            return
        if self._running is None:
            self._set_busy(False)

    # -- showing -----------------------------------------------------------------------------
    def _show_result(self, result: PreviewResult) -> None:
        self._result = result
        self._set_busy(False)
        self._set_tabs([d.kind for d in result.documents])
        if result.request.converter is None:
            self._show_no_converter()
            self._print_when_ready = False
            return
        self._show_kind()
        if self._print_when_ready:
            self._print_when_ready = False
            self._open_print_dialog(result)

    def _show_kind(self) -> None:
        result = self._result
        if result is None or not self._kind or self._kind not in result.pages:
            return
        ratio = result.request.zoom.ratio
        images = result.pages[self._kind]
        self.strip.set_pages([pixmap_of(image, ratio) for image in images])
        self.stack.setCurrentWidget(self.scroll)
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
        if client is None and self._wanted is not None:
            client = self._wanted.client
        self.title.setText(client.name if client is not None else "")
        ready = self._wanted is not None
        self.print_action.setEnabled(ready)
        self.open_action.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # -- fit to width on resize ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize
        if resized and self.fit_action.isChecked():
            self._resize_timer.start()
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        result = self._result
        if result is None or result.request.converter is None:
            return
        if abs(self.zoom().width - result.request.zoom.width) > 8:
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale or self._wanted is None:
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
        return self._running is not None

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
        if result is not None and result.request is self._wanted:
            if result.pages:
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
        if document is None or self._wanted is None:
            return
        try:
            path = write_preview_copy(document, self._wanted.client)
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
        wanted = self._wanted
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
