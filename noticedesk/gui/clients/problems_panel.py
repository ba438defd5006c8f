"""The list of problems the importer found, beside the table, and the office's decisions on them.

Each line shows where the problem is (the row number Excel shows, the column as written in the
file) and what is wrong, in the interface language. Double-clicking a line asks the window to
select that client: ``row_activated`` carries the spreadsheet row.

The panel is narrow and the messages are sentences, so the current line's message is also
shown whole beneath the list (the first line is current after a read); errors and warnings
differ by an icon as well as by colour.

Decisions (``noticedesk.core.case.resolutions``): beneath the message, the current problem's
choices are offered as buttons (and the same in the line's context menu): the answer of an
unreadable 個別報告 cell, a name for a row without one, leaving the row out of this case,
keeping both of two repeated rows. The panel only asks (``decision_requested``,
``withdraw_requested``); ``problem_decisions`` applies the decision through the core. A
decided problem stays listed where it was, marked by a tick icon and the decision in front of
its message, with what it does and who decided when beneath; its button withdraws it. The
lines keep their order, so the next problem is the line below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case import Decision, Resolution, RosterIssue
from noticedesk.core.case.records import issue_id
from noticedesk.core.case.resolutions import REPEATS, choices, settled_by
from noticedesk.core.clients import Client, Issue, Severity

ModelIndex = QModelIndex | QPersistentModelIndex
FileRow = Callable[[int], Client | None]  # the client the file has on a row (the store's)

COL_ROW = 0
COL_COLUMN = 1
COL_MESSAGE = 2

_ERROR_BRUSH = QBrush(QColor("#b00020"))
_WARNING_BRUSH = QBrush(QColor("#8a5a00"))
_SETTLED_BRUSH = QBrush(QColor("#5f6368"))


def severity_text(issue: Issue) -> str:
    if issue.severity is Severity.ERROR:
        return QCoreApplication.translate("ProblemsModel", "Error")
    return QCoreApplication.translate("ProblemsModel", "Warning")


def decision_text(decision: Decision) -> str:
    """The words of a decision's button and menu entry."""
    texts = {
        Decision.JOINT: QCoreApplication.translate("ProblemsPanel", "Answer: joint report"),
        Decision.INDIVIDUAL: QCoreApplication.translate(
            "ProblemsPanel", "Answer: reports individually"
        ),
        Decision.NAME: QCoreApplication.translate("ProblemsPanel", "Enter the name…"),
        Decision.EXCLUDE: QCoreApplication.translate(
            "ProblemsPanel", "Leave this row out of this case"
        ),
        Decision.KEEP_BOTH: QCoreApplication.translate("ProblemsPanel", "Keep both"),
    }
    return texts[decision]


@dataclass(frozen=True, slots=True)
class ProblemLine:
    """One line of the list: the problem, and the decision that settles it (if any)."""

    kept: RosterIssue
    settled: Resolution | None = None

    @property
    def issue(self) -> Issue:
        return self.kept.issue

    @property
    def own(self) -> bool:
        """The decision is this problem's own (not one on its row that settles it too)."""
        return self.settled is not None and self.settled.issue_id == self.kept.id

    @property
    def choices(self) -> tuple[Decision, ...]:
        return () if self.settled is not None else choices(self.issue)


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[ProblemLine] = []
        self.language = "ja"
        self._icons: dict[str, QIcon] = {}

    def _icon(self, line: ProblemLine) -> QIcon:
        if line.settled is not None:
            name, pixmap = "settled", QStyle.StandardPixmap.SP_DialogApplyButton
        elif line.issue.severity is Severity.ERROR:
            name, pixmap = "error", QStyle.StandardPixmap.SP_MessageBoxCritical
        else:
            name, pixmap = "warning", QStyle.StandardPixmap.SP_MessageBoxWarning
        if name not in self._icons:
            self._icons[name] = QApplication.style().standardIcon(pixmap)
        return self._icons[name]

    def full_text(self, row: int) -> str:
        """The whole message of line ``row``, with its kind ("Error: …"), and what was
        decided about it."""
        line = self._lines[row]
        text = f"{severity_text(line.issue)}: {line.issue.text(self.language)}"
        if line.settled is not None:
            text += "\n" + decided_text(line, self.language)
        return text

    def set_problems(
        self, issues: Sequence[RosterIssue], resolutions: Mapping[str, Resolution]
    ) -> None:
        self.beginResetModel()
        lines = [ProblemLine(kept, settled_by(kept, resolutions)) for kept in issues]
        # Errors first, then by row, so what blocks an export is at the top. A decision does
        # not move its line: the next problem stays the line below.
        self._lines = sorted(
            lines, key=lambda ln: (ln.issue.severity is not Severity.ERROR, ln.issue.row or 0)
        )
        self.endResetModel()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Problems without a case to decide them in (no decision is offered twice)."""
        self.set_problems([RosterIssue(issue_id(i), i) for i in issues], {})

    def lines(self) -> list[ProblemLine]:
        return list(self._lines)

    def issues(self) -> list[Issue]:
        return [line.issue for line in self._lines]

    def issue_at(self, row: int) -> Issue:
        return self._lines[row].issue

    def line_at(self, row: int) -> ProblemLine:
        return self._lines[row]

    def row_of(self, problem_id: str) -> int | None:
        return next((i for i, ln in enumerate(self._lines) if ln.kept.id == problem_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

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
        line = self._lines[index.row()]
        issue = line.issue
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ROW:
                return "" if issue.row is None else str(issue.row)
            if col == COL_COLUMN:
                return issue.column or ""
            if line.settled is not None:
                label = line.settled.label(self.language)
                return (
                    QCoreApplication.translate("ProblemsModel", "[%1] %2")
                    .replace("%1", label)
                    .replace("%2", issue.text(self.language))
                )
            return issue.text(self.language)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_MESSAGE:
            if line.settled is not None:
                return _SETTLED_BRUSH
            return _ERROR_BRUSH if issue.severity is Severity.ERROR else _WARNING_BRUSH
        if role == Qt.ItemDataRole.DecorationRole and col == COL_ROW:
            return self._icon(line)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.full_text(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def decided_text(line: ProblemLine, language: str) -> str:
    """What was decided and by whom, when ("Decided: …"), or which decision on the row
    settles it."""
    settled = line.settled
    assert settled is not None
    when = settled.at.strftime("%Y-%m-%d %H:%M") if settled.at else ""
    by = (
        QCoreApplication.translate("ProblemsModel", "by %1, %2")
        .replace("%1", settled.user)
        .replace("%2", when)
    )
    if line.own:
        head = QCoreApplication.translate("ProblemsModel", "Decided: %1").replace(
            "%1", settled.label(language)
        )
    else:
        head = (
            QCoreApplication.translate("ProblemsModel", "Settled by the decision on row %1: %2")
            .replace("%1", str(settled.row))
            .replace("%2", settled.label(language))
        )
    return f"{head} ({by})\n{settled.effect(language)}"


class ProblemsPanel(QWidget):
    row_activated = Signal(int)  # the spreadsheet row of the problem
    decision_requested = Signal(str, str)  # the problem's id, the Decision's value
    withdraw_requested = Signal(str)  # the id of the problem whose decision is withdrawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(self)
        self._file_row: FileRow | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = QTreeView(self)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
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
        self.decisions = QWidget(self)
        self.decisions.setObjectName("problemDecisions")
        self._decision_layout = QVBoxLayout(self.decisions)
        self._decision_layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self.menu: QMenu | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.decisions)
        self.set_issues([])

    # -- what is shown ------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.model.language = language
        self.refresh()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Problems without decisions (a list read outside a case)."""
        self.show_problems([RosterIssue(issue_id(i), i) for i in issues], {})

    def show_problems(
        self,
        issues: Sequence[RosterIssue],
        resolutions: Mapping[str, Resolution],
        file_row: FileRow | None = None,
    ) -> None:
        """The case's problems and decisions; the current line stays the same problem."""
        current = self.current_line()
        self._file_row = file_row
        self.model.set_problems(issues, resolutions)
        row = self.model.row_of(current.kept.id) if current is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, COL_MESSAGE))
        self._show_summary()
        self._show_detail(self.view.currentIndex())

    def refresh(self) -> None:
        """The same problems again, in the interface language now."""
        lines = self.model.lines()
        resolutions = {ln.settled.issue_id: ln.settled for ln in lines if ln.settled is not None}
        self.show_problems([ln.kept for ln in lines], resolutions, self._file_row)

    def current_line(self) -> ProblemLine | None:
        index = self.view.currentIndex()
        return self.model.line_at(index.row()) if index.isValid() else None

    def _show_summary(self) -> None:
        lines = self.model.lines()
        errors = [ln for ln in lines if ln.issue.severity is Severity.ERROR]
        open_errors = sum(1 for ln in errors if ln.settled is None)
        warnings = len(lines) - len(errors)
        if not lines:
            self.summary.setText(self.tr("No problems found in the client list."))
            return
        text = (
            self.tr("%1 error(s), %2 warning(s). Double-click a line to show the client.")
            .replace("%1", str(len(errors)))
            .replace("%2", str(warnings))
        )
        if open_errors:
            text += " " + self.tr(
                "Decide each error with the buttons below the list, or correct the file and "
                "open it again: until then the documents cannot be exported."
            )
        elif errors:
            text += " " + self.tr(
                "Every error is decided (the decisions are kept in the case and logged): "
                "the documents can be exported."
            )
        self.summary.setText(text)

    def _show_detail(self, index: QModelIndex, _previous: Any = None) -> None:
        if not index.isValid():
            self.detail.clear()
            self.detail.hide()
            self._show_decisions(None)
            return
        line = self.model.line_at(index.row())
        text = self.model.full_text(index.row())
        if line.issue.code in REPEATS and line.issue.row is not None:
            text += self._row_in_file(line.issue.row)
        self.detail.setText(text)
        self.detail.show()
        self._show_decisions(line)

    def _row_in_file(self, row: int) -> str:
        """What the file has on a repeated row (it may be held out of the table)."""
        client = self._file_row(row) if self._file_row is not None else None
        if client is None:
            return ""
        parts = [p for p in (client.code, client.name, client.address) if p]
        return "\n" + self.tr("Row %1 of the file: %2").replace("%1", str(row)).replace(
            "%2", " / ".join(parts)
        )

    # -- decisions ------------------------------------------------------------------------
    def actions_for(self, line: ProblemLine | None) -> list[QAction]:
        """What may be done about ``line``: its choices, or withdrawing its decision."""
        if line is None:
            return []
        actions = []
        for decision in line.choices:
            action = QAction(decision_text(decision), self)
            action.triggered.connect(
                partial(self.decision_requested.emit, line.kept.id, decision.value)
            )
            actions.append(action)
        if line.settled is not None:
            action = QAction(self.tr("Withdraw the decision"), self)
            if not line.own:
                action.setText(
                    self.tr("Withdraw the decision on row %1").replace("%1", str(line.settled.row))
                )
            action.triggered.connect(partial(self.withdraw_requested.emit, line.settled.issue_id))
            actions.append(action)
        return actions

    def _show_decisions(self, line: ProblemLine | None) -> None:
        for button in self.buttons:
            self._decision_layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for action in self.actions_for(line):
            button = QPushButton(action.text(), self.decisions)
            button.clicked.connect(action.trigger)
            action.setParent(button)  # goes with the button
            self._decision_layout.addWidget(button)
            self.buttons.append(button)
        self.decisions.setVisible(bool(self.buttons))

    def button(self, text: str) -> QPushButton:
        """The decision button showing ``text`` (for tests and the screenshots)."""
        return next(b for b in self.buttons if b.text() == text)

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        actions = self.actions_for(self.model.line_at(index.row()))
        if not actions:
            return
        menu = QMenu(self.view)
        for action in actions:
            action.setParent(menu)
            menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        issue = self.model.issue_at(index.row())
        if issue.row is not None:
            self.row_activated.emit(issue.row)
