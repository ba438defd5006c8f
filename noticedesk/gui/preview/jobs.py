"""The preview's slow side: the PDF converter, the cache of what it made, and the jobs on the
runner that answer the preview's requests.

- The converter is looked for once, when first needed (``find``), and again on request (the
  panel's "Check again" after LibreOffice was installed).
- One job at a time: a converter start costs about a second of a core, so clicking through ten
  clients runs at most the current job and then the newest request, never ten.
- The newest request wins (``NewestRequest``): an answer that arrives for an older request is
  dropped (it stays in the cache, so going back to that client is instant).

The converter and the cache are shared with the print preview of several clients
(``print_selection``), so a document converted for one is not converted again for the other.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Signal

from noticedesk.core.documents.pdf import PdfConverter, find_converter
from noticedesk.core.documents.preview import PreviewCache
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.preview.newest import NewestRequest
from noticedesk.gui.preview.requests import (
    PreviewInputs,
    PreviewRequest,
    PreviewResult,
    Zoom,
    build_preview,
)

FindConverter = Callable[[], PdfConverter | None]
Answered = Callable[[PreviewRequest], bool]


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
        find: FindConverter = find_converter,
        parent: QObject | None = None,
    ) -> None:
        """``answered(request)``: whether that request's answer is on screen already."""
        super().__init__(parent)
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
        self._converter = converter
        self.cache = PreviewCache(converter)

    # -- requests ----------------------------------------------------------------------------
    def request(self, inputs: PreviewInputs, zoom: Zoom) -> PreviewRequest:
        """A new request for complete ``inputs`` (client, office and incident set)."""
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
        )

    def want(self, request: PreviewRequest) -> None:
        """Answer ``request`` as soon as the runner is free (now, if it is)."""
        self.wanted = request
        if self.running is None:
            self._start(request)

    def drop(self) -> None:
        """Nothing is wanted now: a job still running is answered to no one."""
        self.requests.drop()
        self.wanted = None

    def is_busy(self) -> bool:
        return self.running is not None

    def _start(self, request: PreviewRequest) -> None:
        self.running = request
        self.started.emit(request)
        self.runner.run(
            partial(build_preview, request),
            partial(self._finished, request),
            partial(self._failed, request),
        )

    def _finished(self, request: PreviewRequest, result: PreviewResult) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed while the converter was working
        self.running = None
        if self.requests.is_newest(request.generation):
            self.finished.emit(result)
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
        if self.running is None:
            self.idle.emit()
