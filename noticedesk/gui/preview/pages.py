"""The preview's pages on screen: one document's pages stacked on a grey desk, in a scroll area
that reports when its width has settled (so pages fitted to the width are drawn again once, not
on every step of a splitter drag).

Decision: the vertical scroll bar is always there, so fitting a page to the width never makes a
scroll bar appear and change the width it was fitted to.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from noticedesk.core.documents.pages import PageImage

PAGE_GAP = 12  # pixels between pages and around them
RESIZE_DELAY_MS = 200  # fit-to-width redraws once the user stops dragging the splitter
MIN_PAGE_WIDTH = 120


def pixmap_of(image: PageImage, ratio: float) -> QPixmap:
    """A QPixmap of a page (copied out of the page's bytes, which may then go)."""
    qimage = QImage(
        image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGBA8888
    )
    pixmap = QPixmap.fromImage(qimage)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class PageStrip(QWidget):
    """The pages of one document, one under the other on a grey desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.labels: list[QLabel] = []

    def set_pages(self, pixmaps: list[QPixmap]) -> None:
        while len(self.labels) > len(pixmaps):
            label = self.labels.pop()
            self._layout.removeWidget(label)
            label.deleteLater()
        while len(self.labels) < len(pixmaps):
            label = QLabel(self)
            label.setFrameShape(QFrame.Shape.Box)
            label.setLineWidth(1)
            self._layout.addWidget(label)
            self.labels.append(label)
        for label, pixmap in zip(self.labels, pixmaps, strict=True):
            label.setPixmap(pixmap)
        self.adjustSize()

    def pixmaps(self) -> list[QPixmap]:
        return [label.pixmap() for label in self.labels]


class PageView(QScrollArea):
    """A ``PageStrip`` to scroll through; ``width_settled`` once a resize has come to rest."""

    width_settled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = PageStrip()
        self.setWidget(self.strip)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self.width_settled)
        self.viewport().installEventFilter(self)

    def page_width(self) -> int:
        """How wide a page fitted to the view is drawn, in logical pixels."""
        return max(self.viewport().width() - 2 * PAGE_GAP - 4, MIN_PAGE_WIDTH)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._resize_timer.start()
        return super().eventFilter(watched, event)
