"""The preview's slow side: the PDF converter, the cache of what it made, and the jobs on the
runner that answer the preview's requests.

- The converter is looked for once, when first needed (``find``), and again on request (the
  panel's "Check again" after LibreOffice was installed).
- One job at a time: a converter start costs about a second of a core, so clicking through ten
  clients runs at most the current job and then the newest request, never ten.
- The newest request wins (``NewestRequest``): an answer that arrives for an older request is
  dropped (it stays in the cache, so going back to that client is instant).
- Rendering ahead: once the selected client is on screen and nothing else is wanted, the
  clients on the rows below and above it (``ahead``) are rendered into the cache, one job each,
  so moving down the table shows the next client at once. Only with a converter that stays
  running (``stays_running``: a further document costs a tenth of a second); with one that
  starts a program per call it would cost a second of a core per neighbour and delay the
  click it was meant to speed up. A new request empties the queue; a neighbour's job that
  runs already finishes first (at most one client's conversion), and is often the very client
  asked for, which then comes from the cache.
- The shown tab first: with a converter that stays running, a client not seen yet is answered
  in two jobs, the tab on screen first (``build_shown_first``, one document converted), then
  every tab (``build_preview``); staff read the first page while the others are made.

The converter and the cache are shared with the print preview of several clients
(``print_selection``), so a document converted for one is not converted again for the other.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Signal

from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.documents.pdf_resident import find_preview_converter
from noticedesk.core.documents.preview import PreviewCache
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.preview.newest import NewestRequest
from noticedesk.gui.preview.requests import (
    PreviewInputs,
    PreviewRequest,
    PreviewResult,
    Zoom,
    build_preview,
    build_shown_first,
)

FindConverter = Callable[[], PdfConverter | None]
Answered = Callable[[PreviewRequest], bool]
Ahead = Callable[[], list[PreviewInputs]]  # the complete inputs of the neighbouring rows
AHEAD_GENERATION = 0  # a neighbour's request is never the newest: nothing of it is shown


class PreviewJobs(QObject):
    started = Signal(object)  # the PreviewRequest whose job starts now
    finished = Signal(object)  # the PreviewResult of the newest request
    failed = Signal(object, object)  # the newest request, and why it could not be answered
    idle = Signal()  # no job runs and none waits

    def __init__(
        self,
        runner: TaskRunner,
        answered: Answered,
        *,
        find: FindConverter = find_preview_converter,
        ahead: Ahead | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``answered(request)``: whether that request's answer is on screen already;
        ``ahead()``: the neighbours to render ahead (None: none)."""
        super().__init__(parent)
        self.ahead = ahead
        self._ahead: list[PreviewRequest] = []  # neighbours still to render
        self.runner = runner
        self.find = find  # how the converter is looked for ("Check again" looks again)
        self._converter: PdfConverter | None = None
        self._looked = False
        self.cache = PreviewCache(None)
        self.requests = NewestRequest()
        self.wanted: PreviewRequest | None = None  # the newest request
        self.running: PreviewRequest | None = None  # the one the runner is working on
        self._answered = answered

    # -- the converter ---------------------------------------------------------------------
    @property
    def converter(self) -> PdfConverter | None:
        if not self._looked:
            self._looked = True
            self._use(self.find())
        return self._converter

    def set_converter(self, converter: PdfConverter | None) -> None:
        """Use ``converter`` from now on (None: none on this PC); forgets the old pages."""
        self._looked = True
        self._use(converter)

    def look_again(self) -> None:
        """Look for a converter again when one is next needed."""
        self._looked = False

    def _use(self, converter: PdfConverter | None) -> None:
        if self._converter is not None and self._converter is not converter:
            shut_down_converter(self._converter)
        self._converter = converter
        self.cache = PreviewCache(converter)
        self._ahead = []

    def shut_down(self) -> None:
        """The window closes: nothing is wanted any more (an answer on its way starts no
        further job) and a converter kept running stops (it starts again if needed)."""
        self.drop()
        if self._converter is not None:
            shut_down_converter(self._converter)

    # -- requests ----------------------------------------------------------------------------
    def request(self, inputs: PreviewInputs, zoom: Zoom, first_kind: str = "") -> PreviewRequest:
        """A new request for complete ``inputs`` (client, office and incident set);
        ``first_kind``: the tab on screen, answered first where that pays."""
        assert inputs.client is not None and inputs.office is not None
        assert inputs.incident is not None
        converter = self.converter
        return PreviewRequest(
            self.requests.next(),
            inputs.client,
            inputs.office,
            inputs.incident,
            zoom,
            converter,
            self.cache,
            inputs.templates,
            first_kind,
        )

    def want(self, request: PreviewRequest) -> None:
        """Answer ``request`` as soon as the runner is free (now, if it is)."""
        self.wanted = request
        self._ahead = []  # the neighbours of the client asked for now come after it
        if self.running is None:
            self._start(request)

    def drop(self) -> None:
        """Nothing is wanted now: a job still running is answered to no one."""
        self.requests.drop()
        self.wanted = None
        self._ahead = []

    def is_busy(self) -> bool:
        return self.running is not None

    def _start(self, request: PreviewRequest, *, rest: bool = False) -> None:
        """Start ``request``'s job (``rest``: the other tabs, once the shown one is on screen)."""
        self.running = request
        shown_first = (
            not rest
            and request.generation != AHEAD_GENERATION
            and getattr(request.converter, "stays_running", False)
        )
        if request.generation != AHEAD_GENERATION and not rest:
            self.started.emit(request)
        self.runner.run(
            partial(build_shown_first if shown_first else build_preview, request),
            partial(self._finished, request),
            partial(self._failed, request),
        )

    def _finished(self, request: PreviewRequest, result: PreviewResult) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed while the converter was working
        self.running = None
        if self.requests.is_newest(request.generation):
            self.finished.emit(result)
            if result.partial and self.wanted is request:
                self._start(request, rest=True)
                return
            if self.wanted is request and self._answered(request):
                self._queue_ahead(request)
        self._start_newest()

    def _failed(self, request: PreviewRequest, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = None
        if self.requests.is_newest(request.generation):
            self.failed.emit(request, exc)
        self._start_newest()

    def _start_newest(self) -> None:
        wanted = self.wanted
        if wanted is not None and self.running is None and not self._answered(wanted):
            self._start(wanted)
            return
        if self.running is None and self._ahead:
            self._start(self._ahead.pop(0))
            return
        if self.running is None:
            self.idle.emit()

    # -- rendering ahead ---------------------------------------------------------------------
    def _queue_ahead(self, shown: PreviewRequest) -> None:
        converter = shown.converter
        if self.ahead is None or not getattr(converter, "stays_running", False):
            return
        self._ahead = [
            PreviewRequest(
                AHEAD_GENERATION,
                inputs.client,
                inputs.office,
                inputs.incident,
                shown.zoom,
                converter,
                shown.cache,
                inputs.templates,
            )
            for inputs in self.ahead()
            if inputs.client is not None
            and inputs.office is not None
            and inputs.incident is not None
        ]


def shut_down_converter(converter: PdfConverter) -> None:
    """Stop ``converter``'s program if it keeps one running (``ResidentConverter``)."""
    shut_down = getattr(converter, "shut_down", None)
    if callable(shut_down):
        shut_down()
