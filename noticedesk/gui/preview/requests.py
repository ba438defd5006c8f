"""What the preview asks for and gets back, and the job that makes it (run off the GUI thread).

``build_preview`` renders the client's documents with the export's own renderer, has the cache
convert those it has not seen (one converter call), and draws every page at the resolution the
zoom asks for. It touches no widget, so it may run on any thread.

``build_shown_first`` answers only the document on the tab staff look at (``first_kind``):
with a converter that stays running each document costs about a tenth of a second, so that
page is on screen after one conversion, and ``build_preview`` then adds the other tabs
(``PreviewResult.partial`` until it has).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents.pages import POINTS_PER_INCH, PageImage, page_sizes
from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.documents.preview import PreviewCache, PreviewDocument, client_documents
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

MIN_DPI, MAX_DPI = 24.0, 400.0
A4_WIDTH_POINTS = 595.3


@dataclass(frozen=True, slots=True)
class TemplateChoice:
    """The office's template folder (None: the standard templates), as the export uses it.

    ``stamp`` names each of the folder's own templates with its modification time and size, so
    a template saved again in Word makes a new request instead of the old pages.
    """

    folder: Path | None = None
    stamp: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PreviewInputs:
    """What the preview needs; ``note`` says why a document cannot be shown when one is None."""

    client: Client | None = None
    office: OfficeProfile | None = None
    incident: Incident | None = None
    note: str = ""
    templates: TemplateChoice = field(default_factory=TemplateChoice)


@dataclass(frozen=True, slots=True)
class Zoom:
    """``fit``: pages as wide as ``width`` logical pixels; ``actual``: 100 % at ``screen_dpi``."""

    mode: str
    width: int
    screen_dpi: float
    ratio: float  # device pixels per logical pixel (high-DPI screens)

    def dpi(self, page_width_points: float) -> float:
        if self.mode == "actual":
            dpi = self.screen_dpi * self.ratio
        else:
            dpi = self.width * self.ratio / (page_width_points / POINTS_PER_INCH)
        return min(max(dpi, MIN_DPI), MAX_DPI)


@dataclass(slots=True)
class PreviewRequest:
    generation: int
    client: Client
    office: OfficeProfile
    incident: Incident
    zoom: Zoom
    converter: PdfConverter | None
    cache: PreviewCache
    templates: TemplateChoice = field(default_factory=TemplateChoice)
    first_kind: str = ""  # the tab on screen: its document is answered first (if it has it)


@dataclass(slots=True)
class PreviewResult:
    request: PreviewRequest
    documents: list[PreviewDocument]
    pages: dict[str, list[PageImage]] = field(default_factory=dict)
    partial: bool = False  # only the shown tab's document is converted yet

    def document(self, kind: str) -> PreviewDocument | None:
        return next((d for d in self.documents if d.kind == kind), None)


def build_preview(request: PreviewRequest) -> PreviewResult:
    """The worker's job: render, convert what the cache lacks (one batch), draw the pages."""
    documents = client_documents(
        request.client,
        request.office,
        request.incident,
        templates_dir=request.templates.folder,
    )
    if request.converter is None:
        return PreviewResult(request, documents)
    documents = request.cache.convert(documents)
    pages = {document.kind: _draw(request, document) for document in documents}
    return PreviewResult(request, documents, pages)


def build_shown_first(request: PreviewRequest) -> PreviewResult:
    """The worker's job: render every document, convert and draw only the shown tab's."""
    documents = client_documents(
        request.client,
        request.office,
        request.incident,
        templates_dir=request.templates.folder,
    )
    if request.converter is None or not documents:
        return PreviewResult(request, documents)
    kinds = [d.kind for d in documents]
    kind = request.first_kind if request.first_kind in kinds else kinds[0]
    index = kinds.index(kind)
    (converted,) = request.cache.convert([documents[index]])
    documents[index] = converted
    return PreviewResult(request, documents, {kind: _draw(request, converted)}, partial=True)


def _draw(request: PreviewRequest, document: PreviewDocument) -> list[PageImage]:
    assert document.pdf is not None
    sizes = page_sizes(document.pdf)
    dpi = request.zoom.dpi(sizes[0].width if sizes else A4_WIDTH_POINTS)
    return request.cache.pages(document.pdf, dpi)
