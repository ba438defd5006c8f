"""Converters for the preview tests: real PDFs made with PDFium, no LibreOffice needed.

``FakeConverter`` turns each .docx into an A4 PDF whose pages say which bytes they were made
from (``docx:<sha256>``), records every batch it was given, and can be held at a gate to play
a slow converter.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import threading
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from noticedesk.core.documents.pdf import PdfConversionError
from tests.helpers.programs import require_tool, unavailable

A4_POINTS = (595.3, 841.9)


def marker(docx: bytes) -> str:
    return "docx:" + hashlib.sha256(docx).hexdigest()


def make_pdf(pages: Sequence[str], size: tuple[float, float] = A4_POINTS) -> bytes:
    """A PDF with one page per text (Helvetica, ASCII), drawn near the top-left corner."""
    document = pdfium.PdfDocument.new()
    for text in pages:
        page = document.new_page(*size)
        obj = pdfium_raw.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(11))
        wide = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
        pdfium_raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(pdfium_raw.FPDF_WCHAR)))
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 60, size[1] - 80)
        pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
        pdfium_raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


class FakeConverter:
    """Two A4 pages per document, each naming the document's bytes."""

    name = "FakeOffice"

    def __init__(self, pages: int = 2, *, gate: threading.Event | None = None) -> None:
        self.pages = pages
        self.gate = gate
        self.batches: list[list[bytes]] = []
        self.started = threading.Event()
        self._lock = threading.Lock()

    @property
    def converted(self) -> list[bytes]:
        return [d for batch in self.batches for d in batch]

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        with self._lock:
            self.batches.append(list(documents))
        self.started.set()
        if self.gate is not None:
            assert self.gate.wait(30), "the test never opened the gate"
        return [
            make_pdf([f"{marker(d)} page {n + 1}" for n in range(self.pages)]) for d in documents
        ]


class FailingConverter:
    name = "BrokenOffice"

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        raise PdfConversionError(
            "BrokenOffice で PDF に変換できませんでした（テスト）",
            "BrokenOffice could not convert the document to PDF (test)",
        )


def require_soffice() -> Path:
    """LibreOffice's ``soffice``, the real converter (see ``require_tool``)."""
    return Path(
        require_tool("soffice", why="LibreOffice converts documents", also=("libreoffice",))
    )


def require_uno_python(soffice: Path) -> Path:
    """An interpreter that can load LibreOffice's ``uno`` (Debian: python3-uno), which the
    preview's LibreOffice kept running is driven through (see ``require_tool``)."""
    import subprocess

    from noticedesk.core.documents.pdf_resident import find_uno_python, uno_python_candidates

    for candidate in uno_python_candidates(soffice):
        python = find_uno_python([candidate])
        if python is None:
            continue
        probe = subprocess.run(
            [str(python), "-c", "import uno"], capture_output=True, check=False, timeout=60
        )
        if probe.returncode == 0:
            return python
    unavailable("no Python with LibreOffice's uno module (python3-uno) to drive LibreOffice")
