"""PDF pages as pixels, for the preview and for printing (pypdfium2; no Qt).

Pages come back as plain data (size, stride, RGBA bytes) so this package stays free of Qt; the
window wraps them in a QImage (``Format_RGBA8888`` reads these bytes in this order on every
platform). Pages are painted on opaque white, like paper.

PDFium is not thread-safe: every call into it here holds one module-wide lock, so the preview's
worker and a print job never use it at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from noticedesk.core.documents.pdf import PdfConversionError

POINTS_PER_INCH = 72.0
MAX_DPI = 1200.0  # beyond any printer; guards against a size that would exhaust memory

_pdfium_lock = threading.Lock()
pdfium_lock = _pdfium_lock  # for the other modules that call PDFium (``pdf_split``)


@dataclass(frozen=True, slots=True)
class PageSize:
    """A page's size in PDF points (1/72 inch); A4 is about 595 × 842."""

    width: float
    height: float

    @property
    def width_mm(self) -> float:
        return self.width / POINTS_PER_INCH * 25.4

    @property
    def height_mm(self) -> float:
        return self.height / POINTS_PER_INCH * 25.4


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: ``height`` rows of ``stride`` bytes, 4 bytes per pixel (RGBA)."""

    width: int
    height: int
    stride: int
    pixels: bytes
    dpi: float
    size: PageSize  # the page in points, to print it at its real size

    format: str = "RGBA"

    @property
    def nbytes(self) -> int:
        return len(self.pixels)


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PdfConversionError(
            f"作成された PDF を読めません ({exc})",
            f"The PDF that was made cannot be read ({exc})",
        ) from None


def page_sizes(pdf: bytes) -> list[PageSize]:
    """The size of every page, in points."""
    with _pdfium_lock:
        document = _open(pdf)
        try:
            return [PageSize(*document.get_page_size(i)) for i in range(len(document))]
        finally:
            document.close()


def page_count(pdf: bytes) -> int:
    return len(page_sizes(pdf))


def rasterise(pdf: bytes, dpi: float, pages: Sequence[int] | None = None) -> list[PageImage]:
    """The pages of ``pdf`` (all, or the indexes in ``pages``) at ``dpi`` dots per inch."""
    if not 1 <= dpi <= MAX_DPI:
        raise ValueError(f"dpi out of range: {dpi}")
    scale = dpi / POINTS_PER_INCH
    images = []
    with _pdfium_lock:
        document = _open(pdf)
        try:
            wanted = range(len(document)) if pages is None else pages
            for index in wanted:
                page = document[index]
                try:
                    size = PageSize(page.get_width(), page.get_height())
                    bitmap = page.render(
                        scale=scale,
                        fill_color=(255, 255, 255, 255),
                        force_bitmap_format=pdfium_raw.FPDFBitmap_BGRA,
                        rev_byteorder=True,  # RGBA byte order
                        may_draw_forms=False,
                    )
                    try:
                        images.append(
                            PageImage(
                                width=bitmap.width,
                                height=bitmap.height,
                                stride=bitmap.stride,
                                pixels=bytes(bitmap.buffer),
                                dpi=dpi,
                                size=size,
                            )
                        )
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        finally:
            document.close()
    return images


def page_text(pdf: bytes, index: int) -> str:
    """The text of one page (to check what a page says, and for tests)."""
    with _pdfium_lock:
        document = _open(pdf)
        try:
            page = document[index]
            textpage = page.get_textpage()
            try:
                return str(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        finally:
            document.close()


__all__ = ["PageImage", "PageSize", "page_count", "page_sizes", "page_text", "rasterise"]
