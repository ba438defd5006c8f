"""Make docs/label-sheet.png: the sample's address labels on an A4 12-label sheet started at
label 3 (a half-used sheet), beside the first 長形3号 envelope.

Run where LibreOffice and Japanese fonts are installed (Debian: libreoffice-writer-nogui,
fonts-noto-cjk):

    python docs/take_address_pictures.py

The pages are the export's own: ``render_labels`` / ``render_envelopes`` on the bundled sample,
turned into PDF by the converter the preview uses (LibreOffice), drawn by PDFium. The thin grey
outlines of the labels and the envelope's edge are drawn on the picture only, where a real sheet
has its die-cuts: the documents print no lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

from noticedesk.core.addresses import envelope_size, find_layout, render_envelopes, render_labels
from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents.pages import PageImage, rasterise
from noticedesk.core.documents.pdf import LibreOfficeConverter, find_libreoffice
from noticedesk.core.office import load_office
from noticedesk.core.roster.importer import import_roster

OUT = Path(__file__).resolve().parent / "label-sheet.png"
DPI = 80.0
GAP = 40  # pixels between the sheet and the envelope
START = 3  # labels 1 and 2 of the first sheet are used already


def to_qimage(page: PageImage) -> QImage:
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels


def main() -> int:
    QGuiApplication(sys.argv[:1])
    soffice = find_libreoffice()
    if soffice is None:
        print("LibreOffice is needed to draw the pages.", file=sys.stderr)
        return 1
    converter = LibreOfficeConverter(soffice)
    clients = import_roster(sample_dir() / "roster.csv").clients
    office = load_office(sample_dir() / "office.toml")
    layout = find_layout("a4-12")
    size = envelope_size("naga3")
    labels_pdf, envelope_pdf = converter.convert(
        [render_labels(clients, layout, START), render_envelopes(clients[:1], office, size)]
    )
    sheet = to_qimage(rasterise(labels_pdf, DPI, [0])[0])
    envelope = to_qimage(rasterise(envelope_pdf, DPI, [0])[0])
    px = DPI / 25.4  # pixels per millimetre

    picture = QImage(
        sheet.width() + GAP + envelope.width() + 2 * GAP,
        max(sheet.height(), envelope.height()) + 2 * GAP,
        QImage.Format.Format_RGB32,
    )
    picture.fill(QColor("#d8d8d8"))
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawImage(GAP, GAP, sheet)
    pen = QPen(QColor("#a0a0a0"))
    pen.setWidthF(1.0)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for number in range(1, layout.per_sheet + 1):
        left, top, right, bottom = layout.label_rect(number)
        painter.drawRoundedRect(
            QRectF(GAP + left * px, GAP + top * px, (right - left) * px, (bottom - top) * px), 6, 6
        )
    x = GAP + sheet.width() + GAP
    painter.drawImage(x, GAP, envelope)
    painter.drawRect(QRectF(x, GAP, size.width * px, size.height * px))
    painter.end()
    if not picture.save(str(OUT)):
        print(f"Could not write {OUT}", file=sys.stderr)
        return 1
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
