"""Sorting and search over the roster table.

Search matches any of the words typed (all must appear, in any column), with full-width and
half-width forms equal and case ignored, so ＡＢＣ finds abc and 03 finds ０３. The matching rows
are worked out in one pass over the model's records when the text changes; ``filterAcceptsRow``
then only looks the answer up, which keeps a keystroke over 10,000 clients well under a frame.
The 回答待ち filter (``set_awaiting_only``) shows only the clients that have not answered the
reply slip, with or without a search; ``refilter`` applies it again after answers change.
Sorting is handed to the source model, which reorders its rows with keys computed once
(``RosterTableModel.sort``); the proxy itself keeps the source order, so a row does not jump
away from under the mouse when it is ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from noticedesk.gui.table.model import RosterTableModel, SortRole, normalise_for_search


class RosterFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)
        self._words: list[str] = []
        self._awaiting_only = False
        self._accepted: list[bool] | None = None  # None: no search, every row shown

    def search_text(self) -> str:
        return " ".join(self._words)

    def set_search_text(self, text: str) -> None:
        # Spaces, full-width ones included, separate words: "新宿 ○" finds clients with both.
        words = normalise_for_search(text).split()
        if words == self._words:
            return
        self._change(lambda: setattr(self, "_words", words))

    @property
    def awaiting_only(self) -> bool:
        return self._awaiting_only

    def set_awaiting_only(self, awaiting: bool) -> None:
        """Show only the clients that have not answered the reply slip (回答待ち)."""
        if awaiting != self._awaiting_only:
            self._change(lambda: setattr(self, "_awaiting_only", awaiting))

    def refilter(self) -> None:
        """Apply the 回答待ち filter again (answers changed); nothing when it is off."""
        if self._awaiting_only:
            self._change(lambda: None)

    def _filtering(self) -> bool:
        return bool(self._words) or self._awaiting_only

    def _change(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair around the change.
        modern = hasattr(self, "endFilterChange")
        if modern:
            self.beginFilterChange()
        change()
        self._recompute()
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def _recompute(self) -> None:
        source = self.sourceModel()
        if not self._filtering() or not isinstance(source, RosterTableModel):
            self._accepted = None
            return
        words, awaiting = self._words, self._awaiting_only
        self._accepted = [
            all(w in r.search_text for w in words) and not (awaiting and r.answer is not None)
            for r in source.rows()
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RosterTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            old.modelAboutToBeReset.disconnect(self._forget)
            old.layoutAboutToBeChanged.disconnect(self._forget)
        super().setSourceModel(model)
        # A new roster keeps the search the user typed; the answers are worked out again
        # (lazily, in filterAcceptsRow) when the proxy re-reads the rows after the reset.
        model.modelAboutToBeReset.connect(self._forget)
        model.layoutAboutToBeChanged.connect(self._forget)  # rows reordered: answers move too
        if isinstance(old, RosterTableModel) and old.search_answer == self.shown_source_rows:
            old.search_answer = None
        if isinstance(model, RosterTableModel):
            model.search_answer = self.shown_source_rows
        self._recompute()

    def shown_source_rows(self) -> list[int] | None:
        """The source rows the search (and the 回答待ち filter) shows, in source order; None
        while neither hides a row."""
        if not self._filtering():
            return None
        if self._accepted is None:
            self._recompute()
        accepted = self._accepted or []
        return [row for row, shown in enumerate(accepted) if shown]

    def _forget(self, *_: Any) -> None:
        self._accepted = None

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self._accepted
        if accepted is None:
            if not self._filtering():
                return True
            self._recompute()
            accepted = self._accepted
            if accepted is None:
                return True
        return source_row < len(accepted) and accepted[source_row]
