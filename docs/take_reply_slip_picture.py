"""Take docs/reply-slip.png: the reply slip (回答書) of one sample client, as it prints.

Needs LibreOffice and Japanese fonts (Debian: libreoffice-writer-nogui fonts-noto-cjk):

    python docs/take_reply_slip_picture.py

The slip is rendered by the export's own engine from the bundled sample case, converted to
PDF by the same converter the preview uses, and its first page drawn at 100 dpi. Nothing is
written but the picture.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import render_document
from noticedesk.core.documents.pages import rasterise
from noticedesk.core.documents.pdf import find_converter
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office
from noticedesk.core.roster import import_roster

OUT = Path(__file__).resolve().parent / "reply-slip.png"
DPI = 100
CLIENT_CODE = "C0001"


def main() -> int:
    converter = find_converter()
    if converter is None:
        print("LibreOffice (or Word) is needed to draw the page.", file=sys.stderr)
        return 1
    sample = sample_dir()
    roster = import_roster(sample / "roster.csv")
    client = next(c for c in roster.clients if c.code == CLIENT_CODE)
    docx = render_document(
        "reply",
        client,
        load_office(sample / "office.toml"),
        load_incident(sample / "incident.toml"),
    )
    page = rasterise(converter.convert([docx])[0], DPI, [0])[0]
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBA8888)
    if not image.convertToFormat(QImage.Format.Format_RGB888).save(str(OUT)):
        print(f"could not write {OUT}", file=sys.stderr)
        return 1
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
