"""A client's documents for the preview: the export's own bytes, as PDF and as page images.

One source of truth: ``client_documents`` renders each kind with ``render_document``, the same
prepared template and context ``export_case`` writes, and the PDF is made from those bytes.

``PreviewCache`` remembers, by the SHA-256 of the .docx bytes, the PDF made from them and the
page images drawn from that PDF at a given resolution. Re-selecting a client costs a render
(about a millisecond per document) and a hash; anything that changes a document (the office
profile, the incident, a tick) changes its bytes and so its key, and a stale page can never be
shown. Only the documents not yet converted go to the converter, in one batch.

The cache is used from the window's worker thread and, for printing, from the GUI thread; one
lock guards its tables, and conversions run outside it.

``write_preview_copy`` is "Open in Word": the same bytes, as a read-only file.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from noticedesk.core.atomic import write_bytes
from noticedesk.core.clients import Client
from noticedesk.core.documents.export_plan import document_file_name
from noticedesk.core.documents.kinds import default_kinds, kinds_for
from noticedesk.core.documents.pages import PageImage, rasterise
from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.documents.rendering import render_document
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

MAX_PDFS = 512  # a PDF of a notice is ~50-100 KB: a whole office's clients fit
MAX_PAGE_BYTES = 192 * 1024 * 1024  # page images: a screenful of A4 at ~100 dpi is ~4 MB


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class PreviewDocument:
    """One document of a client: the .docx bytes the export writes, and their PDF."""

    kind: str
    docx: bytes
    pdf: bytes | None = None  # None until converted (or when no converter exists)

    @property
    def key(self) -> str:
        return digest(self.docx)


def client_documents(
    client: Client,
    office: OfficeProfile,
    incident: Incident,
    kinds: Sequence[str] | None = None,
    templates_dir: Path | None = None,
) -> list[PreviewDocument]:
    """The client's documents in envelope order, exactly as the export renders them (by
    default those the export writes unless told otherwise: ``default_kinds``)."""
    chosen = default_kinds(incident) if kinds is None else kinds
    return [
        PreviewDocument(kind, render_document(kind, client, office, incident, templates_dir))
        for kind in kinds_for(client.individual, list(chosen))
    ]


class PreviewCache:
    """PDFs and page images of rendered documents, keyed by the .docx bytes' hash."""

    def __init__(
        self,
        converter: PdfConverter | None,
        *,
        max_pdfs: int = MAX_PDFS,
        max_page_bytes: int = MAX_PAGE_BYTES,
    ) -> None:
        self.converter = converter
        self.max_pdfs = max_pdfs
        self.max_page_bytes = max_page_bytes
        self.conversions = 0  # converter calls made (each a batch)
        self.converted = 0  # documents sent to the converter
        self._pdfs: OrderedDict[str, bytes] = OrderedDict()
        self._pages: OrderedDict[tuple[str, float], list[PageImage]] = OrderedDict()
        self._page_bytes = 0
        self._lock = threading.Lock()

    # -- PDFs -------------------------------------------------------------------------------
    def cached_pdf(self, docx: bytes) -> bytes | None:
        with self._lock:
            return self._remembered_pdf(digest(docx))

    def _remembered_pdf(self, key: str) -> bytes | None:
        pdf = self._pdfs.get(key)
        if pdf is not None:
            self._pdfs.move_to_end(key)
        return pdf

    def pdfs(self, documents: Sequence[bytes]) -> list[bytes]:
        """The PDF of each .docx, converting the ones not seen before in one call.

        Raises PdfConversionError from the converter, and RuntimeError when there is none.
        """
        keys = [digest(d) for d in documents]
        with self._lock:
            found = {k: pdf for k in keys if (pdf := self._remembered_pdf(k)) is not None}
        missing: dict[str, bytes] = {}
        for key, data in zip(keys, documents, strict=True):
            if key not in found:
                missing.setdefault(key, data)
        if missing:
            if self.converter is None:
                raise RuntimeError("no PDF converter")
            made = self.converter.convert(list(missing.values()))
            with self._lock:
                self.conversions += 1
                self.converted += len(missing)
                for key, pdf in zip(missing, made, strict=True):
                    found[key] = pdf
                    self._pdfs[key] = pdf
                    self._pdfs.move_to_end(key)
                while len(self._pdfs) > self.max_pdfs:
                    self._pdfs.popitem(last=False)
        return [found[k] for k in keys]

    def convert(self, documents: Sequence[PreviewDocument]) -> list[PreviewDocument]:
        """The documents with their PDFs filled in (one converter call for those missing)."""
        pdfs = self.pdfs([d.docx for d in documents])
        return [replace(d, pdf=pdf) for d, pdf in zip(documents, pdfs, strict=True)]

    # -- page images ------------------------------------------------------------------------
    def pages(self, pdf: bytes, dpi: float) -> list[PageImage]:
        """Every page of ``pdf`` at ``dpi`` (rounded to 0.5), drawn once and remembered."""
        dpi = max(1.0, round(dpi * 2) / 2)
        key = (digest(pdf), dpi)
        with self._lock:
            images = self._pages.get(key)
            if images is not None:
                self._pages.move_to_end(key)
                return images
        images = rasterise(pdf, dpi)
        size = sum(i.nbytes for i in images)
        with self._lock:
            if key not in self._pages and size <= self.max_page_bytes:
                self._pages[key] = images
                self._page_bytes += size
                while self._page_bytes > self.max_page_bytes:
                    _old, dropped = self._pages.popitem(last=False)
                    self._page_bytes -= sum(i.nbytes for i in dropped)
        return images

    def clear(self) -> None:
        with self._lock:
            self._pdfs.clear()
            self._pages.clear()
            self._page_bytes = 0


# --- read-only copies for "Open in Word" -----------------------------------------------------

_copies_dir: Path | None = None
_copies_lock = threading.Lock()


def _copies_root() -> Path:
    global _copies_dir
    with _copies_lock:
        if _copies_dir is None:
            _copies_dir = Path(tempfile.mkdtemp(prefix="noticedesk-open-"))
            atexit.register(_remove_copies, _copies_dir)
        return _copies_dir


def _remove_copies(root: Path) -> None:
    # The copies are read-only, and Windows refuses to delete a read-only file.
    for folder, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                os.chmod(Path(folder) / name, stat.S_IWRITE | stat.S_IREAD)
    shutil.rmtree(root, ignore_errors=True)  # a copy still open in Word stays behind


def write_preview_copy(document: PreviewDocument, client: Client) -> Path:
    """A read-only copy of ``document`` named as the export names it, in a fresh folder.

    A fresh folder per copy: Word locks an open file, and the same client's document may be
    opened again after an edit. Read-only, so Word opens it read-only and a change is not
    saved into a temporary folder and lost; the copies are removed when NoticeDesk quits.
    """
    folder = Path(tempfile.mkdtemp(prefix="doc-", dir=_copies_root()))
    path = folder / document_file_name(document.kind, client)
    write_bytes(path, document.docx)
    os.chmod(path, stat.S_IREAD)
    return path


__all__ = [
    "PreviewCache",
    "PreviewDocument",
    "client_documents",
    "digest",
    "write_preview_copy",
]
