"""Printing a client's documents from their PDF pages, through Qt's print preview dialog.

What is printed is the PDF made from the exported bytes, drawn page by page at the printer's
resolution, so the print preview, the printed sheet and the exported file cannot disagree.

Decisions:
- The resolution is the printer's, capped at 300 dpi: a page at 300 dpi is a 35 MB image that
  the preview dialog keeps for every page; 600 dpi would be four times that, for no difference a
  reader sees in 10.5 pt text on plain paper.
- Pages are drawn on the whole sheet (``setFullPage``): the PDF already holds the document's
  own margins, and the printer's margins must not shrink the letter a second time.
- The dialog prints every document of the client in envelope order; its page range picks one.
- Printing on both sides, a document with an odd number of pages is followed by a blank page,
  so the next document (or the next client's letter) never starts on the back of the last.
- The dialog opens large enough for a whole page where the screen has room, and never larger
  than the screen (a 1366×768 laptop): a window taller than the screen has its lower edge,
  and on some screens its title bar, out of reach.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from noticedesk.core.documents.pages import PageSize, page_sizes, rasterise
from noticedesk.core.documents.pdf import PdfConversionError

MAX_PRINT_DPI = 300.0
PREFERRED_SIZE = (900, 1000)  # a whole A4 page at a readable size, on a full-HD screen
SCREEN_MARGIN = 80  # room left for the title bar and the taskbar (as the incident dialog)


class PrintFailed(Exception):
    """The printer (or the PDF file it writes to) could not be opened."""


def _page_size(size: PageSize) -> QPageSize:
    return QPageSize(QSizeF(size.width, size.height), QPageSize.Unit.Point)


def _orientation(size: PageSize) -> QPageLayout.Orientation:
    if size.width > size.height:
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def prepare_printer(printer: QPrinter, pdfs: Sequence[bytes], title: str = "") -> None:
    """Paper and margins for these PDFs (the first page's size), before the dialog shows."""
    sizes = [s for pdf in pdfs for s in page_sizes(pdf)]
    if sizes:
        printer.setPageSize(_page_size(sizes[0]))
        printer.setPageOrientation(_orientation(sizes[0]))
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    if title:
        printer.setDocName(title)


def _fitted(printer: QPrinter, size: PageSize) -> QRectF:
    """The sheet's area for a page: all of it for the same paper; on other paper (chosen in
    the dialog) the page is scaled to fit and centred, never stretched."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(paper.width() / size.width, paper.height() / size.height)
    width, height = size.width * scale, size.height * scale
    return QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)


def _two_sided(printer: QPrinter) -> bool:
    return printer.duplex() != QPrinter.DuplexMode.DuplexNone


def paint_pages(printer: QPrinter, pdfs: Sequence[bytes], max_dpi: float = MAX_PRINT_DPI) -> int:
    """Paint every page of ``pdfs`` onto ``printer``, one page each; returns the page count
    (with the blank backs added when printing on both sides).

    Each page is drawn only when its turn comes, so at most one page image is held here. The
    paper is the printer's (``prepare_printer`` sets it from the first page; the user may
    change it in the dialog).
    """
    dpi = float(min(max(printer.resolution(), 72), max_dpi))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(printer.outputFileName() or printer.printerName())
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    count = 0
    two_sided = _two_sided(printer)
    try:
        for number, pdf in enumerate(pdfs):
            if number and two_sided and count % 2:
                printer.newPage()  # the blank back of the previous document's last sheet
                count += 1
            for index in range(len(page_sizes(pdf))):
                if count:
                    printer.newPage()
                (image,) = rasterise(pdf, dpi, [index])
                picture = QImage(
                    image.pixels,
                    image.width,
                    image.height,
                    image.stride,
                    QImage.Format.Format_RGBA8888,
                )
                painter.drawImage(_fitted(printer, image.size), picture)
                del picture  # it points into image.pixels; drop it before the bytes go
                count += 1
    finally:
        painter.end()
    return count


def preview_size(parent: QWidget | None) -> QSize:
    """The print preview's size on the screen ``parent`` is on: ``PREFERRED_SIZE``, or less
    where the screen has less room."""
    width, height = PREFERRED_SIZE
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - SCREEN_MARGIN)
        height = min(height, room.height() - SCREEN_MARGIN)
    return QSize(width, height)


def open_print_preview(parent: QWidget, pdfs: Sequence[bytes], title: str) -> QPrintPreviewDialog:
    """Show the print preview of ``pdfs`` (non-blocking; the dialog deletes itself on close)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, pdfs, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.printer_ref = printer  # type: ignore[attr-defined]  # the dialog does not own it

    def paint(target: QPrinter) -> None:
        try:
            paint_pages(target, pdfs)
        except (PrintFailed, PdfConversionError) as exc:
            # A slot must not raise: say it in a box over the dialog instead.
            detail = exc.text() if isinstance(exc, PdfConversionError) else str(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                title,
                QCoreApplication.translate("PrintPreview", "The pages could not be printed.")
                + f"\n\n{detail}",
                QMessageBox.StandardButton.Ok,
                dialog,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    dialog.paintRequested.connect(paint)
    dialog.resize(preview_size(parent))
    dialog.open()
    return dialog


__all__ = [
    "MAX_PRINT_DPI",
    "PrintFailed",
    "open_print_preview",
    "paint_pages",
    "prepare_printer",
    "preview_size",
]
