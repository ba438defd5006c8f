"""The first rows of the office's list under its own headers, as the column step shows them.

``ColumnPreviewModel`` is a table model over a ``ColumnLayout``: one column per column of the
list that has a header or content, one row per preview row (numbered as Excel numbers them).
Each header says which NoticeDesk field the column is read as, or that it is not used; a column
not used is drawn grey, so the user sees at a glance what will not reach the documents.
``field_label`` names the fields in the interface language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from noticedesk.core.roster import ColumnLayout

UNUSED_COLOUR = QColor("#8a8a8a")

Index = QModelIndex | QPersistentModelIndex


def field_label(field: str) -> str:
    """A field's name in the interface language (the context is "ColumnMapping")."""
    labels = {
        "name": QCoreApplication.translate("ColumnMapping", "Client name"),
        "code": QCoreApplication.translate("ColumnMapping", "Client code"),
        "postal_code": QCoreApplication.translate("ColumnMapping", "Postal code"),
        "address": QCoreApplication.translate("ColumnMapping", "Address"),
        "phone": QCoreApplication.translate("ColumnMapping", "Phone"),
        "individual": QCoreApplication.translate("ColumnMapping", "Reports individually"),
        "contact_person": QCoreApplication.translate("ColumnMapping", "Contact person"),
        "email": QCoreApplication.translate("ColumnMapping", "E-mail"),
        "corporate_number": QCoreApplication.translate("ColumnMapping", "Corporate number"),
        "representative": QCoreApplication.translate("ColumnMapping", "Representative"),
        "self_reference": QCoreApplication.translate("ColumnMapping", "Self-reference"),
        "association": QCoreApplication.translate("ColumnMapping", "Labour-insurance association"),
        "employees": QCoreApplication.translate("ColumnMapping", "Employees"),
        "people": QCoreApplication.translate("ColumnMapping", "People affected"),
    }
    return labels[field]


class ColumnPreviewModel(QAbstractTableModel):
    def __init__(self, layout: ColumnLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = layout
        self._columns = layout.columns  # the list's column index of each model column
        self._field_of: dict[int, str] = {}

    def set_fields(self, fields: Mapping[str, int]) -> None:
        """Field → column index, as the user has chosen so far."""
        self._field_of = {column: field for field, column in fields.items()}
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
            if self.layout.preview:
                last = self.index(len(self.layout.preview) - 1, len(self._columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def column_index(self, section: int) -> int:
        """The list's column shown as model column ``section``."""
        return self._columns[section]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.layout.preview)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.layout.preview[index.row()]
            return row[column] if column < len(row) else ""
        if role == Qt.ItemDataRole.ForegroundRole and column not in self._field_of:
            return QBrush(UNUSED_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            if (
                role == Qt.ItemDataRole.ForegroundRole
                and orientation == Qt.Orientation.Horizontal
                and self._columns[section] not in self._field_of
            ):
                return QBrush(UNUSED_COLOUR)
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.layout.preview_rows[section])
        column = self._columns[section]
        field = self._field_of.get(column)
        read_as = (
            "→ " + field_label(field)
            if field is not None
            else QCoreApplication.translate("ColumnMapping", "(not used)")
        )
        return f"{self.layout.headers[column]}\n{read_as}"
