"""Draw NoticeDesk's icon: PNGs in the sizes Windows and the window use, and one .ico of them.

    python resources/icons/make_icons.py

A letter on a blue tile with a red mark: a notice that has to go out. Drawn with QPainter on an
offscreen platform (no display, no image library beyond Qt), each size drawn at that size so
the lines stay sharp at 16 px. The .ico holds every size as a PNG image (Windows Vista and later
read them), largest last as Windows' resource compiler expects nothing else of it.
The output is committed; run this again only when the drawing changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
NAVY_TOP, NAVY_BOTTOM = QColor("#2f6598"), QColor("#1a3a5e")
PAPER, FOLD, MARK = QColor("#ffffff"), QColor("#9db3cc"), QColor("#e0533d")


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels, drawn on a 256-unit grid."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)

    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 52, 52)
    gradient = QLinearGradient(0, 8, 0, 248)
    gradient.setColorAt(0, NAVY_TOP)
    gradient.setColorAt(1, NAVY_BOTTOM)
    painter.fillPath(tile, QBrush(gradient))

    letter = QRectF(40, 78, 176, 122)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PAPER)
    painter.drawRoundedRect(letter, 12, 12)
    # The flap: thicker at small sizes so it survives being 16 px wide.
    fold = QPen(FOLD, 14 if size <= 24 else 10)
    fold.setCapStyle(Qt.PenCapStyle.RoundCap)
    fold.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(fold)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline([QPointF(52, 92), QPointF(128, 148), QPointF(204, 92)])

    centre, radius = QPointF(192, 78), 40.0
    painter.setPen(QPen(NAVY_BOTTOM, 8))
    painter.setBrush(MARK)
    painter.drawEllipse(centre, radius, radius)
    if size >= 32:  # an exclamation mark where there are pixels for it
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PAPER)
        painter.drawRoundedRect(QRectF(184, 52, 16, 34), 8, 8)
        painter.drawEllipse(QPointF(192, 99), 8.5, 8.5)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG images (ICONDIR, one ICONDIRENTRY each, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    images = {size: png_bytes(draw(size)) for size in SIZES}
    for size, png in images.items():
        (HERE / f"noticedesk-{size}.png").write_bytes(png)
    (HERE / "noticedesk.ico").write_bytes(ico_bytes(images))
    print(f"wrote {len(images)} PNGs and noticedesk.ico to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
