"""The clients' table: ticking by click and Space, column widths from a sample of rows, and what
the table says while it is empty.

``resizeColumnsToContents`` reads every row (about 0.4 s at 10,000 clients), so the widths come
from the first rows and the header instead.

Columns are shown in ``model.column_order()``: the code, the tick and the statuses (送付状,
従業員向け通知, 委託元への報告形式通知, 個別報告のご案内, as the files are numbered) left of the
name and the other long texts. Measured with the preview open, the table keeps about 680
pixels of a 1280-pixel screen: the code, tick and statuses need about 550 in Japanese and 630
in English, so they stay in view, and the name follows them. A header is never cut: every
column is at least as wide as its header's text (``fit_headers``, again on every change of
language); a saved width is restored as it is unless its header would not fit.

An empty table tells a first-time user what to do (drop the client list here, or File → Open),
inside a dashed frame that reads as a place to drop; a search that hides every client says so,
so an empty table never looks like a lost case.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from noticedesk.gui.table.check_delegate import CheckDelegate
from noticedesk.gui.table.model import (
    COL_FIRST_STATUS,
    COL_INDIVIDUAL,
    COLUMN_COUNT,
    RosterTableModel,
    column_order,
    status_text,
)

# Column sizing: the widest text among this many rows (plus the header), within these bounds.
WIDTH_SAMPLE_ROWS = 200
MIN_COLUMN_WIDTH = 56
MAX_COLUMN_WIDTH = 360
# Room beside a header's text: the section's margins and the sort arrow.
HEADER_PADDING = 28

# The empty-table hint: its frame is at most this wide, and its text this much larger.
HINT_MAX_WIDTH = 560
HINT_FONT_SCALE = 1.2


def empty_table_hint() -> str:
    """What the table says while the case has no clients (in the current language)."""
    shortcut = QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    return QCoreApplication.translate(
        "RosterTableView",
        "Drag and drop the client list (CSV or Excel) here,\n"
        "or open it with File → Open client list… (%1).",
    ).replace("%1", shortcut)


def no_match_hint() -> str:
    return QCoreApplication.translate(
        "RosterTableView", "No client matches the search. Clear the search box to see every client."
    )


class RosterTableView(QTableView):
    """The table. Space toggles the tick of every selected row, whatever column is current.

    A click in the tick column toggles without touching the selection (Qt would first reduce
    the selection to the clicked row), so a selection of rows can be ticked with one click.
    """

    toggle_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed_tick: QPersistentModelIndex | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setItemDelegateForColumn(COL_INDIVIDUAL, CheckDelegate(self))
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vheader.hide()
        hheader = self.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hheader.setHighlightSections(False)
        hheader.setStretchLastSection(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_rows(self, proxy: QAbstractItemModel) -> None:
        """Show ``proxy`` (the filtered roster), sortable by header, in file order at first,
        its columns in ``column_order()`` and each at least as wide as its header."""
        self.setModel(proxy)
        header = self.horizontalHeader()
        for visual, logical in enumerate(column_order()):
            header.moveSection(header.visualIndex(logical), visual)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        proxy.headerDataChanged.connect(self.fit_headers)
        self.fit_headers()

    def header_width(self, column: int) -> int:
        """The width that shows ``column``'s header whole, with room for the sort arrow."""
        model = self.model()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        return self.horizontalHeader().fontMetrics().horizontalAdvance(title) + HEADER_PADDING

    def fit_headers(self, *_: object) -> None:
        """Widen every column whose header would be cut (a new language, a saved width)."""
        for col in range(COLUMN_COUNT):
            needed = self.header_width(col)
            if self.columnWidth(col) < needed:
                self.setColumnWidth(col, needed)

    def size_columns(self, model: RosterTableModel) -> None:
        """Widths from the first rows and the header: resizeColumnsToContents reads all rows."""
        metrics = self.fontMetrics()
        sample = min(model.rowCount(), WIDTH_SAMPLE_ROWS)
        for col in range(COLUMN_COUNT):
            width = self.header_width(col)
            texts = [model.data(model.index(row, col)) for row in range(sample)]
            if col >= COL_FIRST_STATUS:
                # Statuses change after sizing (an export, a mark): room for the longest word.
                texts.extend(status_text(word) for word in ("exported", "printed", "sent"))
            for text in texts:
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)) + 16)
            # The header always fits, even past the bound (a long English title).
            width = max(MIN_COLUMN_WIDTH, min(width, MAX_COLUMN_WIDTH), self.header_width(col))
            self.setColumnWidth(col, width)

    # -- the empty table ------------------------------------------------------------------------
    def empty_hint(self) -> str:
        """The hint shown in the table now: "" while it shows rows."""
        model = self.model()
        if model is None or model.rowCount() > 0:
            return ""
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else None
        if source is not None and source.rowCount() > 0:
            return no_match_hint()
        return empty_table_hint()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.empty_hint()
        if not hint:
            return
        painter = QPainter(self.viewport())
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * HINT_FONT_SCALE)
        painter.setFont(font)
        area = self.viewport().rect().adjusted(16, 16, -16, -16)
        width = min(area.width(), HINT_MAX_WIDTH)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        text_rect = painter.boundingRect(QRect(0, 0, width - 48, area.height()), flags, hint)
        frame = text_rect.adjusted(-24, -20, 24, 20)
        frame.moveCenter(area.center())
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        if hint != no_match_hint():  # a place to drop the file: a dashed frame around it
            pen = QPen(muted, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(frame, 8, 8)
        painter.setPen(muted)
        painter.drawText(frame, flags, hint)
        painter.end()

    # -- ticking with the mouse and the space bar ---------------------------------------------
    def _tick_index_at(self, event: QMouseEvent) -> QModelIndex | None:
        if event.button() != Qt.MouseButton.LeftButton or event.modifiers():
            return None
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == COL_INDIVIDUAL:
            return index
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._tick_index_at(event)
        if index is None:
            super().mousePressEvent(event)
            return
        self._pressed_tick = QPersistentModelIndex(index)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # The second click of a double-click is a click too: two clicks, two toggles.
        if self._tick_index_at(event) is not None:
            self.mousePressEvent(event)
            return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed_tick = self._pressed_tick, None
        if pressed is None:
            super().mouseReleaseEvent(event)
            return
        index = self.indexAt(event.position().toPoint())
        event.accept()
        if index.isValid() and QPersistentModelIndex(index) == pressed:
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            target = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            self.model().setData(index, target, Qt.ItemDataRole.CheckStateRole)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
