"""The roster as a Qt table: one row per client of the open case.

The model holds plain ``TableRow`` records (a client, its individual-report tick and the status
of each document). Views never index the records directly: they ask for ``RowRole`` so a
lookup stays right after the proxy has sorted or filtered.

The columns' numbers (``COL_…``, the status columns in ``DOCUMENT_KINDS`` order) are the
model's and stay put, so widths saved by number keep fitting their column. The order the table
shows them in is ``column_order()``: the code, the tick and the four statuses in envelope order
(01 送付状 … 04 個別報告のご案内) come before the long texts, so a screen of 1280 pixels with the
preview open still shows them all (see ``view``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from noticedesk.core.clients import Client

# One status column per document kind, in the documents package's order.
from noticedesk.core.documents.kinds import ANSWER_KINDS, DOCUMENT_KINDS, KINDS
from noticedesk.gui.table.answer_words import answer_details, answer_word

ModelIndex = QModelIndex | QPersistentModelIndex

NOT_MADE = "not_yet"
# Document statuses in the order work moves them along.
_STATUS_ORDER = {"": 0, NOT_MADE: 0, "exported": 1, "printed": 2, "sent": 3}

SortRole = Qt.ItemDataRole.UserRole + 1  # raw value for sorting (bool, int, text)
RowRole = Qt.ItemDataRole.UserRole + 2  # the TableRow behind a row
SearchRole = Qt.ItemDataRole.UserRole + 3  # normalised text of the whole row, for filtering

COL_CODE = 0
COL_NAME = 1
COL_ADDRESS = 2
COL_PHONE = 3
COL_ASSOCIATION = 4
COL_INDIVIDUAL = 5
COL_FIRST_STATUS = 6
# The client's answer to the reply slip (回答): after the statuses, so their numbers stay.
COL_ANSWER = COL_FIRST_STATUS + len(DOCUMENT_KINDS)
COLUMN_COUNT = COL_ANSWER + 1

# The own-report guide's status column: what it shows depends on the tick.
_GUIDE_COLUMN = (
    COL_FIRST_STATUS + DOCUMENT_KINDS.index("individual")
    if "individual" in DOCUMENT_KINDS
    else None
)

_TEXT_COLUMNS: dict[int, str] = {
    COL_CODE: "code",
    COL_NAME: "name",
    COL_ADDRESS: "address",
    COL_PHONE: "phone",
    COL_ASSOCIATION: "association",
}


def column_order() -> list[int]:
    """The model's columns in the order the table shows them (left to right): the code, the
    tick, the statuses in envelope order (their file numbers 01–04), the client's name and its
    answer to the reply slip, then the other long texts."""
    statuses = sorted(DOCUMENT_KINDS, key=lambda kind: KINDS[kind].file_prefix)
    return [
        COL_CODE,
        COL_INDIVIDUAL,
        *(COL_FIRST_STATUS + DOCUMENT_KINDS.index(kind) for kind in statuses),
        COL_NAME,
        COL_ANSWER,
        COL_ADDRESS,
        COL_PHONE,
        COL_ASSOCIATION,
    ]


def column_titles() -> list[str]:
    """Header texts in the current language (computed per call so a language switch shows).

    Kept short: each header is read whole (the view widens a column to its header), and the
    tick and status columns must fit beside the preview; the tooltips say more."""
    titles = [
        QCoreApplication.translate("RosterTableModel", "Code"),
        QCoreApplication.translate("RosterTableModel", "Client"),
        QCoreApplication.translate("RosterTableModel", "Address"),
        QCoreApplication.translate("RosterTableModel", "Phone"),
        QCoreApplication.translate("RosterTableModel", "Association"),
    ]
    titles.append(QCoreApplication.translate("RosterTableModel", "Own report"))
    kind_titles = document_titles()
    titles.extend(kind_titles[kind] for kind in DOCUMENT_KINDS)
    titles.append(QCoreApplication.translate("RosterTableModel", "Answer"))
    return titles


def column_tooltips() -> dict[int, str]:
    """What the short headers mean, for the header's tooltip."""
    tips = {
        COL_INDIVIDUAL: QCoreApplication.translate(
            "RosterTableModel",
            "Ticked: the client reports to the PPC itself and is left out of the joint "
            "report's list (click, or Space on the selected rows)",
        ),
        COL_ANSWER: QCoreApplication.translate(
            "RosterTableModel",
            "The client's answer to the reply slip: joint report, own report, or awaited "
            "(Edit → Record answer…)",
        ),
    }
    for kind in DOCUMENT_KINDS:
        info = KINDS[kind]
        tips[COL_FIRST_STATUS + DOCUMENT_KINDS.index(kind)] = (
            QCoreApplication.translate("RosterTableModel", "Document %1: %2")
            .replace("%1", info.file_prefix)
            .replace("%2", info.title)
        )
    return tips


def document_titles() -> dict[str, str]:
    """A short title per document kind in the current language (columns, menus, dialogs)."""
    titles = {
        "internal": QCoreApplication.translate("RosterTableModel", "Employee notice"),
        "report": QCoreApplication.translate("RosterTableModel", "Notice to client"),
        "cover": QCoreApplication.translate("RosterTableModel", "Cover letter"),
        "individual": QCoreApplication.translate("RosterTableModel", "Own-report guide"),
        "reply": QCoreApplication.translate("RosterTableModel", "Reply slip"),
        "reminder": QCoreApplication.translate("RosterTableModel", "Reminder to answer"),
    }
    return {kind: titles.get(kind, kind) for kind in (*DOCUMENT_KINDS, *ANSWER_KINDS)}


def status_text(status: str) -> str:
    """A document status for display; unknown statuses are shown as stored."""
    # The words of noticedesk.core.case.records.DocumentStatus.
    names = {
        "": QCoreApplication.translate("RosterTableModel", "Not made"),
        NOT_MADE: QCoreApplication.translate("RosterTableModel", "Not made"),
        "exported": QCoreApplication.translate("RosterTableModel", "Exported"),
        "printed": QCoreApplication.translate("RosterTableModel", "Printed"),
        "sent": QCoreApplication.translate("RosterTableModel", "Sent"),
    }
    return names.get(status, status)


def normalise_for_search(text: str) -> str:
    """Full-width and half-width forms compare equal (ＡＢＣ = abc, ０３ = 03), case ignored."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(slots=True)
class TableRow:
    """What one table row shows. ``statuses`` maps a document kind to its status word."""

    client: Client
    individual: bool
    statuses: dict[str, str] = field(default_factory=dict)
    search_text: str = ""
    position: int = 0  # place in the file, to go back to the file's order
    answer: Any = None  # the client's answer to the reply slip (``case.answers.Answer``)

    def __post_init__(self) -> None:
        if not self.search_text:
            c = self.client
            parts = (c.code, c.name, c.address, c.phone, c.association, c.postal_code, c.email)
            self.search_text = normalise_for_search("\x1f".join(parts))

    @property
    def key(self) -> str:
        return self.client.key


def rows_from_case_clients(case_clients: Iterable[Any]) -> list[TableRow]:
    """Table rows from the case store's ``CaseClient`` records (client, individual, statuses).

    A status entry may be a plain string or an object with a ``status`` attribute.
    """
    rows = []
    for cc in case_clients:
        statuses = {
            str(kind): str(getattr(entry, "status", entry) or "")
            for kind, entry in dict(cc.statuses).items()
        }
        rows.append(TableRow(cc.client, bool(cc.individual), statuses))
    return rows


class RosterTableModel(QAbstractTableModel):
    """Clients of the case; the individual-report column is a checkbox.

    A click on a checkbox does not change the model by itself: it calls ``tick_requested``
    with the source row and the wanted value, so the window can tick the whole selection,
    save it to the case and push it on the undo stack. ``set_individual`` is what finally
    changes rows (and emits dataChanged for those cells only).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TableRow] = []
        self._row_of_key: dict[str, int] = {}
        self._individual_count = 0
        self._pending: set[str] = set()
        self._awaiting_count = 0
        self.tick_requested: Callable[[int, bool], None] | None = None
        # Set by the search filter over this model (``RosterFilterModel``): the rows the search
        # shows, or None while no search hides a row. Parts that hold only the model (the
        # export's "rows the search shows") ask ``shown_rows()``.
        self.search_answer: Callable[[], list[int] | None] | None = None

    # -- content ------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[TableRow]) -> None:
        """Replace every row in one reset: the view re-reads once, not 10,000 times."""
        self.beginResetModel()
        self._rows = list(rows)
        for position, row in enumerate(self._rows):
            row.position = position
        self._row_of_key = {r.key: i for i, r in enumerate(self._rows)}
        self._recount()
        self.endResetModel()

    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def row_at(self, row: int) -> TableRow:
        return self._rows[row]

    def shown_rows(self) -> list[int] | None:
        """The rows (model rows, in model order) the search shows now; None when every row is
        shown (no search, or no filter over this model)."""
        return self.search_answer() if self.search_answer is not None else None

    def row_of_key(self, key: str) -> int | None:
        return self._row_of_key.get(key)

    def row_of_excel_row(self, excel_row: int) -> int | None:
        """The table row of the client read from a given spreadsheet row, if any."""
        for i, r in enumerate(self._rows):
            if r.client.row == excel_row:
                return i
        return None

    def individual_of(self, keys: Iterable[str]) -> dict[str, bool]:
        return {k: self._rows[self._row_of_key[k]].individual for k in keys}

    def set_individual(self, values: dict[str, bool]) -> None:
        """Set ticks by client key; unknown keys are ignored (the client was re-imported away)."""
        changed = []
        for key, value in values.items():
            i = self._row_of_key.get(key)
            if i is not None and self._rows[i].individual != value:
                self._rows[i].individual = value
                self._individual_count += 1 if value else -1
                changed.append(i)
        self._recount(self._rows[i] for i in changed)
        # One dataChanged per contiguous run keeps the repaint to the cells that changed: the
        # tick, and the own-report guide's status, which reads "—" for a client without one.
        for first, last in _runs(sorted(changed)):
            self.dataChanged.emit(
                self.index(first, COL_INDIVIDUAL),
                self.index(last, COL_INDIVIDUAL),
                [Qt.ItemDataRole.CheckStateRole, SortRole],
            )
            if _GUIDE_COLUMN is not None:
                self.dataChanged.emit(
                    self.index(first, _GUIDE_COLUMN),
                    self.index(last, _GUIDE_COLUMN),
                    [Qt.ItemDataRole.DisplayRole],
                )

    def set_statuses(self, keys: Iterable[str], kinds: Iterable[str], status: str) -> None:
        """Set one status for several clients and kinds, with one dataChanged for the block
        (an export of 10,000 clients must not repaint cell by cell)."""
        kinds = [k for k in kinds if k in DOCUMENT_KINDS]
        changed: list[int] = []
        for key in keys:
            i = self._row_of_key.get(key)
            if i is None:
                continue
            for kind in kinds:
                self._rows[i].statuses[kind] = status
            changed.append(i)
        if not changed or not kinds:
            return
        self._recount(self._rows[i] for i in changed)
        # The rows between the first and last changed one: the proxy re-checks each row in
        # the range, so a range over all 10,000 rows for 500 marked ones costs 4x the save.
        columns = [COL_FIRST_STATUS + DOCUMENT_KINDS.index(k) for k in kinds]
        self.dataChanged.emit(
            self.index(min(changed), min(columns)),
            self.index(max(changed), max(columns)),
            [Qt.ItemDataRole.DisplayRole, SortRole],
        )

    def set_status(self, key: str, kind: str, status: str) -> None:
        i = self._row_of_key.get(key)
        if i is None or kind not in DOCUMENT_KINDS:
            return
        self._rows[i].statuses[kind] = status
        self._recount([self._rows[i]])
        cell = self.index(i, COL_FIRST_STATUS + DOCUMENT_KINDS.index(kind))
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole, SortRole])

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows in Python, keys computed once per click.

        A QSortFilterProxyModel sort would call ``data()`` twice per comparison: about 260,000
        Python calls for 10,000 clients, most of a second. Text is compared by its NFKC form
        (full-width = half-width, kana in 五十音 order, kanji by code point, as Excel does
        without furigana); column -1 restores the order of the file. The sort is stable, so a
        second click on another column keeps the first as the tie-break.
        """
        key = self._sort_key(column)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()].key, i.column()) for i in persistent]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder and column >= 0)
        self._row_of_key = {r.key: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of_key[k], c) for k, c in held]
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[TableRow], Any]:
        if column in _TEXT_COLUMNS:
            name = _TEXT_COLUMNS[column]
            return lambda r: normalise_for_search(getattr(r.client, name))
        if column == COL_INDIVIDUAL:
            return lambda r: r.individual
        if column == COL_ANSWER:
            return lambda r: _answer_order(r.answer)
        if COL_FIRST_STATUS <= column < COLUMN_COUNT:
            kind = DOCUMENT_KINDS[column - COL_FIRST_STATUS]
            return lambda r: _STATUS_ORDER.get(r.statuses.get(kind, ""), len(_STATUS_ORDER))
        return lambda r: r.position

    # -- counts for the status bar ------------------------------------------------------
    # Kept up to date row by row: recounting 10,000 rows on every tick cost more than the save.
    def count_individual(self) -> int:
        return self._individual_count

    def count_awaiting(self) -> int:
        """Clients that have not answered the reply slip (回答待ち)."""
        return self._awaiting_count

    def answer_of(self, keys: Iterable[str]) -> dict[str, Any]:
        return {k: self._rows[self._row_of_key[k]].answer for k in keys}

    def set_answers(self, values: dict[str, Any]) -> None:
        """Set answers (None: none) by client key; unknown keys are ignored. The tick an
        answer sets comes separately (``set_individual``), as the case decided it."""
        changed = []
        for key, answer in values.items():
            i = self._row_of_key.get(key)
            if i is None:
                continue
            row = self._rows[i]
            self._awaiting_count += (answer is None) - (row.answer is None)
            row.answer = answer
            changed.append(i)
        for first, last in _runs(sorted(changed)):
            self.dataChanged.emit(
                self.index(first, COL_ANSWER),
                self.index(last, COL_ANSWER),
                [Qt.ItemDataRole.DisplayRole, SortRole],
            )

    def count_documents_pending(self) -> int:
        """Clients with at least one document not yet made (the own-report guide only counts
        for clients who report themselves)."""
        return len(self._pending)

    def _recount(self, rows: Iterable[TableRow] | None = None) -> None:
        if rows is None:
            self._awaiting_count = sum(1 for r in self._rows if r.answer is None)
            self._individual_count = sum(1 for r in self._rows if r.individual)
            self._pending = {r.key for r in self._rows if _has_pending(r)}
            return
        for r in rows:
            if _has_pending(r):
                self._pending.add(r.key)
            else:
                self._pending.discard(r.key)

    # -- Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return column_tooltips().get(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = column_titles()
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col in _TEXT_COLUMNS:
                return getattr(r.client, _TEXT_COLUMNS[col])
            if col == COL_ANSWER:
                return answer_word(r.answer)
            if col >= COL_FIRST_STATUS:
                kind = DOCUMENT_KINDS[col - COL_FIRST_STATUS]
                if kind == "individual" and not r.individual:
                    return "—"
                return status_text(r.statuses.get(kind, ""))
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_INDIVIDUAL:
            return Qt.CheckState.Checked if r.individual else Qt.CheckState.Unchecked
        if role == SortRole:
            if col in _TEXT_COLUMNS:
                return getattr(r.client, _TEXT_COLUMNS[col])
            if col == COL_INDIVIDUAL:
                return int(r.individual)
            if col == COL_ANSWER:
                return _answer_order(r.answer)
            return r.statuses.get(DOCUMENT_KINDS[col - COL_FIRST_STATUS], "")
        if role == RowRole:
            return r
        if role == SearchRole:
            return r.search_text
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ANSWER and r.answer is not None:
            return answer_details(r.answer)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ADDRESS:
            c = r.client
            return f"〒{c.postal_code} {c.address}" if c.postal_code else c.address
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == COL_INDIVIDUAL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != COL_INDIVIDUAL
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        wanted = _is_checked(value)
        if self.tick_requested is not None:
            self.tick_requested(index.row(), wanted)
        else:
            self.set_individual({self._rows[index.row()].key: wanted})
        return True


def _answer_order(answer: Any) -> int:
    """Awaited first, then joint, then own report."""
    if answer is None:
        return 0
    return 2 if getattr(answer.choice, "individual", False) else 1


def _has_pending(r: TableRow) -> bool:
    for kind in DOCUMENT_KINDS:
        if kind == "individual" and not r.individual:
            continue
        if r.statuses.get(kind, "") in ("", NOT_MADE):
            return True
    return False


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def _runs(sorted_rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in sorted_rows:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
