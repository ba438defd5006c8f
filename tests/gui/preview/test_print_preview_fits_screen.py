"""The print preview fits the screen it opens on (found by the real-display day, where the
preview's frame ran past the foot of a 1000-pixel screen). Offscreen: the screen is 800×600.

(Kept beside the real-display test for now; its place is with the preview's window tests.)
"""

from __future__ import annotations

import io

import pypdfium2
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from noticedesk.gui.preview.print_preview import open_print_preview


def one_a4_page() -> bytes:
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def test_the_print_preview_is_no_larger_than_the_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    screen = window.screen()
    room = screen.availableGeometry()
    assert room.height() < 1000  # smaller than a whole page at the preview's readable size

    dialog = open_print_preview(window, [one_a4_page()], "印刷プレビュー")
    qtbot.waitExposed(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert room.contains(dialog.frameGeometry())
    dialog.close()
