"""One PDF of many documents, split back into one PDF per document (pypdfium2; no Qt).

Converting documents one by one costs LibreOffice's start-up each time; one merged document
of many clients converts several times faster per page. To get each client's own PDF back,
the merge gives each document an empty bookmark at the start of its first paragraph
(``docx_merge.merge_documents(..., marks)``); the converter carries the bookmarks into the PDF (LibreOffice as named
destinations, Word as outline entries) and ``split_pdf`` cuts the PDF where they point.

Decisions:
- The mark's name is plain ASCII letters and digits (``NoticeDeskDoc00012``): LibreOffice
  escapes other characters in destination names, and Word uses the name as the outline title.
  The bookmark spans nothing, so the text and layout of the document do not change.
- A split is trusted only when every mark is found, on pages in increasing order, starting on
  the first page: anything else (a converter that dropped the marks, an older LibreOffice that
  ignores the filter option) raises ``SplitError`` and the caller converts document by
  document instead. The tests compare the split's page counts with per-document conversion.
- The pieces are written by PDFium (``import_pages``): fonts, text and page contents are
  copied as they are; the catalogue of the merged PDF (its metadata, PDF/A identification) is
  not, see ``pdf_export``.
- PDFium is not thread-safe: every call holds the lock ``pages`` uses.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from noticedesk.core.documents.pages import pdfium_lock

MARK_PREFIX = "NoticeDeskDoc"


class SplitError(ValueError):
    """The PDF cannot be split by the marks (missing, out of order, unreadable)."""


def mark_name(number: int) -> str:
    return f"{MARK_PREFIX}{number:05d}"


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise SplitError(f"the PDF cannot be read ({exc})") from None


def _mark_pages(document: pdfium.PdfDocument, names: Sequence[str]) -> list[int]:
    """The page each mark points at: a named destination, else an outline entry so titled."""
    outline: dict[str, int] = {}
    pages: list[int] = []
    for name in names:
        destination = pdfium_raw.FPDF_GetNamedDestByName(document.raw, name.encode("ascii"))
        index = pdfium_raw.FPDFDest_GetDestPageIndex(document.raw, destination)
        if not destination or index < 0:
            if not outline:
                outline = _outline(document)
            found = outline.get(name)
            if found is None:
                raise SplitError(f"the mark {name} is not in the PDF")
            index = found
        pages.append(index)
    return pages


def _outline(document: pdfium.PdfDocument) -> dict[str, int]:
    """The outline's entries named like a mark, with their pages (pypdfium2 5 has methods
    where 4 had attributes; both are accepted)."""
    found: dict[str, int] = {}
    for item in document.get_toc(max_depth=4):
        if hasattr(item, "get_title"):
            title = item.get_title()
            destination = item.get_dest()
            index = destination.get_index() if destination is not None else None
        else:
            title, index = getattr(item, "title", ""), getattr(item, "page_index", None)
        if isinstance(title, str) and title.startswith(MARK_PREFIX) and index is not None:
            found.setdefault(title, int(index))
    return found


def split_pdf(pdf: bytes, names: Sequence[str]) -> list[bytes]:
    """One PDF per mark in ``names`` (in document order): its pages up to the next mark."""
    with pdfium_lock:
        document = _open(pdf)
        try:
            total = len(document)
            starts = _mark_pages(document, names)
            if not starts or starts[0] != 0:
                raise SplitError("the first document does not start on the first page")
            ends = [*starts[1:], total]
            if any(end <= start for start, end in zip(starts, ends, strict=True)):
                raise SplitError("the marks are not on pages in increasing order")
            return [
                _copy_pages(document, range(start, end))
                for start, end in zip(starts, ends, strict=True)
            ]
        finally:
            document.close()


def join_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """One PDF with the pages of ``pdfs`` in order (the print file of a kind)."""
    with pdfium_lock:
        out = pdfium.PdfDocument.new()
        try:
            for pdf in pdfs:
                source = _open(pdf)
                try:
                    out.import_pages(source, index=len(out))
                finally:
                    source.close()
            return _save(out)
        finally:
            out.close()


def pdf_page_count(pdf: bytes) -> int:
    with pdfium_lock:
        document = _open(pdf)
        try:
            return len(document)
        finally:
            document.close()


def _copy_pages(document: pdfium.PdfDocument, pages: range) -> bytes:
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(document, pages=list(pages))
        return _save(out)
    finally:
        out.close()


def _save(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = [
    "MARK_PREFIX",
    "SplitError",
    "join_pdfs",
    "mark_name",
    "pdf_page_count",
    "split_pdf",
]
