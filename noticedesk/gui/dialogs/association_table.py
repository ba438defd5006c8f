"""The labour-insurance associations (労働保険事務組合) and their recovery status, as a table.

A client whose roster row names an association gets a paragraph on that association's own
recovery (``Incident.associations``: name → status). The office edits the pairs here: a model
with two editable columns, and an editor with Add and Remove beside the view.

Decisions:
- **The name is the key the roster is matched on**, exactly as written in the roster's
  association column; it is trimmed, and a name already in the table is refused (the cell keeps
  its old text and the editor says why) rather than one status silently replacing the other.
- **A row without a name is not an association**: it is left out of ``associations()`` (a new
  row is blank until typed into), so an unfinished row never prints an empty heading.
- Rows keep the order they were entered in, which is the order the office sees them next time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NAME = 0
COL_STATUS = 1


class AssociationTableModel(QAbstractTableModel):
    """Rows of [name, recovery status]; every cell editable."""

    refused = Signal(str)  # a name that is already in the table

    def __init__(
        self, associations: dict[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [[k, v] for k, v in (associations or {}).items()]

    def associations(self) -> dict[str, str]:
        """name → status, rows without a name left out."""
        return {name.strip(): status.strip() for name, status in self._rows if name.strip()}

    def add_row(self) -> QModelIndex:
        """Append a blank row; returns its name cell (for the view to edit)."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(["", ""])
        self.endInsertRows()
        return self.index(row, COL_NAME)

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_NAME:
            return QCoreApplication.translate("AssociationTable", "Association")
        return QCoreApplication.translate("AssociationTable", "Recovery status")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_STATUS:
            return self._rows[index.row()][COL_STATUS] or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        row, col = index.row(), index.column()
        taken = {name.strip() for r, (name, _status) in enumerate(self._rows) if r != row}
        if col == COL_NAME and text and text in taken:
            self.refused.emit(text)
            return False
        if self._rows[row][col] == text:
            return True
        self._rows[row][col] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True


class AssociationEditor(QWidget):
    """The table with Add and Remove, and a line that says why an edit was refused."""

    def __init__(self, associations: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AssociationTableModel(associations, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_NAME, 220)
        self.add_button = QPushButton(self.tr("A&dd"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #b00020;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.model.refused.connect(self._say_refused)
        self.model.dataChanged.connect(self.notice.hide)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.notice)

    def associations(self) -> dict[str, str]:
        return self.model.associations()

    def add(self) -> None:
        index = self.model.add_row()
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        self.model.remove_rows(rows)
        self._update_buttons()

    def _update_buttons(self, *_: Any) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())

    def _say_refused(self, name: str) -> None:
        self.notice.setText(
            self.tr("“%1” is already in the list: change its row instead.").replace("%1", name)
        )
        self.notice.show()
