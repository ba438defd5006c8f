"""The list of problems the importer found, beside the table.

Each line shows where the problem is (the row number Excel shows, the column as written in the
file) and what is wrong, in the interface language. Double-clicking a line asks the window to
select that client: ``row_activated`` carries the spreadsheet row.

The panel is narrow and the messages are sentences, so the current line's message is also
shown whole beneath the list (the first line is current after a read); errors and warnings
differ by an icon as well as by colour.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Issue, Severity

ModelIndex = QModelIndex | QPersistentModelIndex

COL_ROW = 0
COL_COLUMN = 1
COL_MESSAGE = 2

_ERROR_BRUSH = QBrush(QColor("#b00020"))
_WARNING_BRUSH = QBrush(QColor("#8a5a00"))


def severity_text(issue: Issue) -> str:
    if issue.severity is Severity.ERROR:
        return QCoreApplication.translate("ProblemsModel", "Error")
    return QCoreApplication.translate("ProblemsModel", "Warning")


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: list[Issue] = []
        self.language = "ja"
        self._icons: dict[Severity, QIcon] = {}

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if severity is Severity.ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            self._icons[severity] = QApplication.style().standardIcon(pixmap)
        return self._icons[severity]

    def full_text(self, row: int) -> str:
        """The whole message of line ``row``, with its kind ("Error: …")."""
        issue = self._issues[row]
        return f"{severity_text(issue)}: {issue.text(self.language)}"

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.beginResetModel()
        # Errors first, then by row, so what blocks an export is at the top.
        self._issues = sorted(issues, key=lambda i: (i.severity is not Severity.ERROR, i.row or 0))
        self.endResetModel()

    def issues(self) -> list[Issue]:
        return list(self._issues)

    def issue_at(self, row: int) -> Issue:
        return self._issues[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ProblemsModel", "Row"),
            QCoreApplication.translate("ProblemsModel", "Column"),
            QCoreApplication.translate("ProblemsModel", "Problem"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ROW:
                return "" if issue.row is None else str(issue.row)
            if col == COL_COLUMN:
                return issue.column or ""
            return issue.text(self.language)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_MESSAGE:
            return _ERROR_BRUSH if issue.severity is Severity.ERROR else _WARNING_BRUSH
        if role == Qt.ItemDataRole.DecorationRole and col == COL_ROW:
            return self._icon(issue.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.full_text(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProblemsPanel(QWidget):
    row_activated = Signal(int)  # the spreadsheet row of the problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = QTreeView(self)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(self.model)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnWidth(COL_COLUMN, 110)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)  # Enter on a line, for keyboard users
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QLabel(self)
        self.detail.setObjectName("problemDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QLabel.Shape.StyledPanel)
        self.detail.setMargin(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.set_issues([])

    def set_language(self, language: str) -> None:
        self.model.language = language
        self.set_issues(self.model.issues())

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.model.set_issues(issues)
        errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        warnings = len(issues) - errors
        if not issues:
            self.summary.setText(self.tr("No problems found in the client list."))
        else:
            text = (
                self.tr("%1 error(s), %2 warning(s). Double-click a line to show the client.")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )
            if errors:
                text += " " + self.tr(
                    "Correct the errors in the file and open it again: until then the "
                    "documents cannot be exported."
                )
            self.summary.setText(text)
        if issues:
            self.view.setCurrentIndex(self.model.index(0, COL_MESSAGE))
        self._show_detail(self.view.currentIndex())

    def _show_detail(self, index: QModelIndex, _previous: Any = None) -> None:
        if not index.isValid():
            self.detail.clear()
            self.detail.hide()
            return
        self.detail.setText(self.model.full_text(index.row()))
        self.detail.show()

    def _activated(self, index: QModelIndex) -> None:
        issue = self.model.issue_at(index.row())
        if issue.row is not None:
            self.row_activated.emit(issue.row)
