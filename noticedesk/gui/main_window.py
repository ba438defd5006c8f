"""The main window: the case's clients in a table, ticks, problems, deadlines.

Everything slow (reading a roster) runs through a ``TaskRunner`` and comes back by signal; the
table is replaced in one model reset; columns are sized from a sample of rows. Messages are
shown with ``open()`` and never ``exec()``, so nothing here blocks a test or the event loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Roster
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.gui import deadline_text
from noticedesk.gui.case_commands import CaseCommands
from noticedesk.gui.case_session import CaseSession
from noticedesk.gui.check_delegate import CheckDelegate
from noticedesk.gui.drop import ROSTER_SUFFIXES, first_roster
from noticedesk.gui.export_flow import ExportFlow, OpenUrl
from noticedesk.gui.file_chooser import FileChooser
from noticedesk.gui.i18n import Translation
from noticedesk.gui.preview_dock import install_preview
from noticedesk.gui.problems_panel import ProblemsPanel
from noticedesk.gui.roster_filter import RosterFilterModel
from noticedesk.gui.roster_model import (
    COL_FIRST_STATUS,
    COL_INDIVIDUAL,
    COL_NAME,
    COLUMN_COUNT,
    RosterTableModel,
    status_text,
)
from noticedesk.gui.settings import WindowSettings
from noticedesk.gui.status_marking import StatusMarking
from noticedesk.gui.tasks import TaskRunner
from noticedesk.gui.tick_history import TickCommand, toggled_values

# Column sizing: the widest text among this many rows (plus the header), within these bounds.
WIDTH_SAMPLE_ROWS = 200
MIN_COLUMN_WIDTH = 56
MAX_COLUMN_WIDTH = 360

RosterReader = Callable[[Path], Roster]
SessionFactory = Callable[[Path], CaseSession]


def _default_reader(path: Path) -> Roster:
    from noticedesk.core.roster import import_roster

    return import_roster(path)


class RosterTableView(QTableView):
    """The table. Space toggles the tick of every selected row, whatever column is current.

    A click in the tick column toggles without touching the selection (Qt would first reduce
    the selection to the clicked row), so a selection of rows can be ticked with one click.
    """

    toggle_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed_tick: QPersistentModelIndex | None = None

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


class MainWindow(QMainWindow):
    roster_loaded = Signal(object)  # the Roster, once it is in the case and on screen
    roster_failed = Signal(str)  # the message shown to the user

    def __init__(
        self,
        settings: WindowSettings,
        runner: TaskRunner,
        *,
        session: CaseSession | None = None,
        language: str = "ja",
        translation: Translation | None = None,
        read_roster: RosterReader = _default_reader,
        new_session_for: SessionFactory | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        chooser: FileChooser | None = None,
        open_url: OpenUrl | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner
        self.session = session
        self.language = language
        self.translation = translation
        self._read_roster = read_roster
        self._new_session_for = new_session_for
        self._today = today
        self._busy = False
        self._exporting = False
        self._roster_errors = 0  # errors in the roster read last in this session
        self.chooser = chooser or FileChooser()
        self.export_flow = (
            ExportFlow(self, self.chooser, open_url)
            if open_url is not None
            else ExportFlow(self, self.chooser)
        )
        self.status_marking = StatusMarking(self)
        self.case_commands = CaseCommands(self)
        self.last_message: QMessageBox | None = None
        self.last_diff: Any = None
        self.case_opener: Any = None  # set by the start-up code, kept alive with the window

        self.model = RosterTableModel(self)
        self.model.tick_requested = self._tick_from_click
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.undo_stack = QUndoStack(self)

        self._build_table()
        self._build_dock()
        self._build_actions()
        self._build_status_bar()
        self.preview = install_preview(self)
        self.setAcceptDrops(True)
        self.resize(1280, 760)

        self.model.modelReset.connect(self._update_counts)
        self.model.dataChanged.connect(self._update_counts)
        self.proxy.rowsInserted.connect(self._update_shown)
        self.proxy.rowsRemoved.connect(self._update_shown)
        self.proxy.modelReset.connect(self._update_shown)
        self.proxy.layoutChanged.connect(self._update_shown)

        self.retranslate()
        self.restore_settings()
        if session is not None:
            self.reload_rows()
        self._update_deadlines()

    # -- construction ------------------------------------------------------------------
    def _build_table(self) -> None:
        self.table = RosterTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(COL_INDIVIDUAL, CheckDelegate(self.table))
        vheader = self.table.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vheader.hide()
        hheader = self.table.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hheader.setHighlightSections(False)
        hheader.setStretchLastSection(True)
        self.table.toggle_requested.connect(self.toggle_selection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_table_menu)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.shown_label = QLabel(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("overdueBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#overdueBanner { background: #fdecea; color: #b00020; border: 1px solid #e0a0a0;"
            " padding: 6px; font-weight: bold; }"
        )
        self.banner.hide()

        search_row = QHBoxLayout()
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.shown_label)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

    def _build_dock(self) -> None:
        self.problems = ProblemsPanel(self)
        self.problems.set_language(self.language)
        self.problems.row_activated.connect(self.select_excel_row)
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [340], Qt.Orientation.Horizontal)

    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_roster)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self.export_flow.start())
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.tick_action = QAction(self)
        self.tick_action.triggered.connect(self.toggle_selection)
        self.office_action = QAction(self)
        self.office_action.triggered.connect(self.edit_office)
        self.incident_action = QAction(self)
        self.incident_action.triggered.connect(self.edit_incident)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("ja", "日本語"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.language)
            action.triggered.connect(partial(self.set_language, code))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.tick_action)
        self.status_marking.add_menus(self.edit_menu)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.case_menu = bar.addMenu("")
        self.case_commands.add_to(self.case_menu)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.office_action)
        self.case_menu.addAction(self.incident_action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.problems_dock.toggleViewAction())
        self._fill_recent_menu()

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.deadlines_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator: a roster read has no useful percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        status = self.statusBar()
        status.addWidget(self.counts_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.deadlines_label)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        title = "NoticeDesk"
        if self.session is not None and self.session.name:
            title = f"NoticeDesk — {self.session.name}"
        self.setWindowTitle(title)
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(
            self.tr("Name, address, phone, code or association — spaces separate words")
        )
        self.problems_dock.setWindowTitle(self.tr("Problems in the client list"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open client list…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.export_action.setText(self.tr("&Export documents…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_stack.setUndoLimit(0)
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.tick_action.setText(self.tr("Tick / untick &individual report (Space)"))
        self.find_action.setText(self.tr("&Find"))
        self.case_menu.setTitle(self.tr("&Case"))
        self.office_action.setText(self.tr("&Office profile…"))
        self.incident_action.setText(self.tr("&Incident and deadlines…"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.view_menu.setTitle(self.tr("&View"))
        self.status_marking.retranslate()
        self.case_commands.retranslate()
        self.problems.set_issues(self.problems.model.issues())
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._update_counts()
        self._update_shown()
        self._update_deadlines()
        self._update_export_action()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.language = language
        self.settings.set_language(language)
        self.problems.set_language(language)
        if self.translation is not None:
            self.translation.switch(language)
        for code, action in self.language_actions.items():
            action.setChecked(code == language)
        self.retranslate()

    # -- rows --------------------------------------------------------------------------------
    def reload_rows(self) -> None:
        """Show the case's clients again (after an import): one reset, sampled widths."""
        rows = self.session.table_rows() if self.session is not None else []
        first_fill = self.model.rowCount() == 0
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if header.isSortIndicatorShown() and 0 <= header.sortIndicatorSection() < COLUMN_COUNT:
            # New rows arrive in file order; keep the order the user chose by the header.
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if first_fill and not self.settings.column_widths():
            self.size_columns()
        self._update_export_action()

    def size_columns(self) -> None:
        """Widths from the first rows and the header: resizeColumnsToContents reads all rows."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        sample = min(self.model.rowCount(), WIDTH_SAMPLE_ROWS)
        for col in range(COLUMN_COUNT):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = header_metrics.horizontalAdvance(title) + 28  # room for the sort arrow
            texts = [self.model.data(self.model.index(row, col)) for row in range(sample)]
            if col >= COL_FIRST_STATUS:
                # Statuses change after sizing (an export, a mark): room for the longest word.
                texts.extend(status_text(word) for word in ("exported", "printed", "sent"))
            for text in texts:
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)) + 16)
            self.table.setColumnWidth(col, max(MIN_COLUMN_WIDTH, min(width, MAX_COLUMN_WIDTH)))

    def selected_source_rows(self) -> list[int]:
        # From the selection's ranges: selectedRows() asks flags() of every selected cell,
        # most of the time of marking 500 rows. The view selects whole rows only.
        rows = {
            self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            for span in self.table.selectionModel().selection()
            for row in range(span.top(), span.bottom() + 1)
        }
        if not rows:
            current = self.table.currentIndex()
            if current.isValid():
                rows.add(self.proxy.mapToSource(current).row())
        return sorted(rows)

    def select_excel_row(self, excel_row: int) -> None:
        """Select the client read from a spreadsheet row (double-click on a problem)."""
        source_row = self.model.row_of_excel_row(excel_row)
        if source_row is None:
            self.statusBar().showMessage(
                self.tr("Row %1 is not in the table: it could not be read as a client.").replace(
                    "%1", str(excel_row)
                ),
                8000,
            )
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, COL_NAME))
        if not index.isValid():  # hidden by the search: show every row again
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, COL_NAME))
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()

    # -- ticks -------------------------------------------------------------------------------
    def _tick_from_click(self, source_row: int, wanted: bool) -> None:
        rows = self.selected_source_rows()
        if source_row not in rows:
            rows = [source_row]
        self.apply_ticks({self.model.row_at(r).key: wanted for r in rows})

    def toggle_selection(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            return
        keys = [self.model.row_at(r).key for r in rows]
        self.apply_ticks(toggled_values(self.model.individual_of(keys)))

    def apply_ticks(self, after: dict[str, bool]) -> None:
        """Save the ticks to the case, then show them and make them undoable."""
        before = self.model.individual_of(after)
        if before == after:
            return
        if not self._save_ticks(after):
            return
        self.undo_stack.push(TickCommand(self.model, self._save_ticks, before, after, saved=True))

    def _save_ticks(self, values: dict[str, bool]) -> bool:
        if self.session is None:
            return True
        try:
            self.session.save_individual(values)
        except Exception as exc:  # the case could not be written: say so, change nothing
            self.show_message(
                QMessageBox.Icon.Critical,
                self.tr("The tick could not be saved"),
                self.tr("The case file could not be written. Nothing was changed.")
                + "\n\n"
                + _error_text(exc, self.language),
            )
            return False
        return True

    # -- loading -----------------------------------------------------------------------------
    def choose_roster(self) -> None:
        patterns = " ".join(f"*{s}" for s in ROSTER_SUFFIXES)
        dialog = QFileDialog(self, self.tr("Open client list"))
        dialog.setNameFilters([self.tr("Client lists (%1)").replace("%1", patterns)])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.load_roster(Path(name)))
        dialog.open()

    def load_roster(self, path: Path) -> bool:
        """Read ``path`` and import it into the case, off the GUI thread; False if busy.

        The case store is thread-safe, so the import (the slow sealing of every client) runs
        in the same task as the read. With no case open, a case named after the file is made
        on the GUI thread once the file proved readable, then the import runs as a task.
        """
        if self._busy or self._exporting:
            self.statusBar().showMessage(
                self.tr("Still reading the previous file…")
                if self._busy
                else self.tr("Please wait until the export has finished."),
                5000,
            )
            return False
        self._set_busy(True, path)
        reader, session = self._read_roster, self.session

        def read_and_import() -> tuple[Roster, Any]:
            roster = reader(path)
            return roster, (session.import_roster(roster) if session is not None else None)

        self.runner.run(
            read_and_import,
            partial(self._roster_read, path),
            partial(self._roster_failed, path),
        )
        return True

    def _set_busy(self, busy: bool, path: Path | None = None) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.open_action.setEnabled(not busy and not self._exporting)
        self.recent_menu.setEnabled(not busy and not self._exporting)
        self._update_export_action()
        if busy and path is not None:
            self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", path.name))
        else:
            self.statusBar().clearMessage()

    def _roster_read(self, path: Path, outcome: tuple[Roster, Any]) -> None:
        roster, diff = outcome
        if self.session is None:
            self._start_case_with(path, roster)
            return
        self._set_busy(False)
        self.last_diff = diff
        self.undo_stack.clear()  # earlier ticks may name clients the new list no longer has
        self.reload_rows()
        self.problems.set_issues(roster.issues)
        # The list takes room from the table, so it is shown only when there is something in it
        # (View → Problems brings it back at any time).
        self.problems_dock.setVisible(bool(roster.issues))
        self._roster_errors = len(roster.errors)
        self._update_export_action()
        self._remember_recent(path)
        self._update_deadlines()
        if diff is not None and not getattr(diff, "first_import", True):
            self._show_diff(path, diff)
        self.statusBar().showMessage(
            self.tr("Read %1: %2 client(s).")
            .replace("%1", path.name)
            .replace("%2", str(len(roster.clients))),
            8000,
        )
        self.roster_loaded.emit(roster)

    def _start_case_with(self, path: Path, roster: Roster) -> None:
        """No case was open: make one named after the file, then import into it."""
        self._set_busy(False)  # a passphrase dialog may come first; it may be cancelled
        try:
            if self._new_session_for is None:
                raise RuntimeError(self.tr("No case is open."))
            session = self._new_session_for(path)
        except SecretStoreUnavailable as exc:
            if self.case_opener is None:
                self._roster_failed(path, exc)
                return
            # No credential store: one dialog explains and takes a passphrase, then retry.
            self.case_opener.ask_new_passphrase(exc, partial(self._start_case_with, path, roster))
            return
        except Exception as exc:
            self._roster_failed(path, exc)
            return
        self.set_session(session)
        self.show_recovery_code()
        self._set_busy(True, path)
        self.runner.run(
            lambda: (roster, session.import_roster(roster)),
            partial(self._roster_read, path),
            partial(self._roster_failed, path),
        )

    def set_session(self, session: CaseSession | None) -> None:
        """Show another case (its rows, title and deadlines); the previous one is closed."""
        if self.session is not None and self.session is not session:
            self.session.close()
        self.session = session
        self._roster_errors = 0
        self.undo_stack.clear()
        self.problems.set_issues([])
        self.problems_dock.hide()
        self.reload_rows()
        self.retranslate()

    def _roster_failed(self, path: Path, exc: BaseException) -> None:
        self._set_busy(False)
        text = _error_text(exc, self.language)
        self.show_message(
            QMessageBox.Icon.Warning,
            self.tr("The file could not be read"),
            self.tr("%1 could not be read as a client list. The case is unchanged.").replace(
                "%1", path.name
            )
            + "\n\n"
            + text,
        )
        self.roster_failed.emit(text)

    def _show_diff(self, path: Path, diff: Any) -> None:
        added, removed = list(diff.added), list(diff.removed)
        kept, differ = list(diff.kept), list(getattr(diff, "disagreements", []))
        lines = [
            self.tr("Added: %1").replace("%1", str(len(added))),
            self.tr("Removed: %1").replace("%1", str(len(removed))),
            self.tr("Unchanged: %1").replace("%1", str(len(kept))),
        ]
        if differ:
            lines.append(
                self.tr(
                    "Individual-report answers that differ from the file: %1 "
                    "(the ticks in the case were kept)"
                ).replace("%1", str(len(differ)))
            )
        details = []
        for heading, clients in (
            (self.tr("Added"), added),
            (self.tr("Removed"), removed),
            (self.tr("Answer differs from the file"), differ),
        ):
            if clients:
                details.append(f"[{heading}]")
                details.extend(f"  {c.code} {c.name}".rstrip() for c in clients)
        box = self.show_message(
            QMessageBox.Icon.Information,
            self.tr("What changed"),
            self.tr("%1 was read into the case.").replace("%1", path.name)
            + "\n\n"
            + "\n".join(lines),
        )
        if details:
            box.setDetailedText("\n".join(details))

    def show_recovery_code(self) -> None:
        """Show a new case's recovery code once (then forget it: it is kept nowhere)."""
        from noticedesk.gui.case_dialogs import RecoveryCodeDialog

        if self.session is None or not self.session.recovery_code:
            return
        dialog = RecoveryCodeDialog(self.session.recovery_code, self.session.name, self)
        self.session.recovery_code = None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog = dialog
        dialog.open()

    @property
    def data_dir(self) -> Path:
        """The data folder (the settings file lives in it)."""
        return self.settings.path.parent

    # -- recent files ------------------------------------------------------------------------
    def _remember_recent(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(partial(self._open_recent, path))
        self.recent_menu.setEnabled(bool(recent) and not self._busy)

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self.settings.remove_recent_file(path)
            self._fill_recent_menu()
            self.show_message(
                QMessageBox.Icon.Warning,
                self.tr("File not found"),
                self.tr("%1 no longer exists; it was removed from the list.").replace(
                    "%1", str(path)
                ),
            )
            return
        self.load_roster(path)

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if first_roster(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if first_roster(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = first_roster(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Defer: the drag source (Explorer) waits for the drop to return before it repaints.
        QTimer.singleShot(0, partial(self.load_roster, path))

    # -- status bar and deadlines ------------------------------------------------------------
    def _update_counts(self, *_: Any) -> None:
        total = self.model.rowCount()
        individual = self.model.count_individual()
        self.counts_label.setText(
            self.tr(
                "Clients: %1 · reporting individually: %2 · in the joint report: %3 · "
                "documents pending: %4"
            )
            .replace("%1", str(total))
            .replace("%2", str(individual))
            .replace("%3", str(total - individual))
            .replace("%4", str(self.model.count_documents_pending()))
        )

    def _update_shown(self, *_: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.shown_label.setText(self.tr("%1 clients").replace("%1", str(total)))
        else:
            self.shown_label.setText(
                self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _update_deadlines(self) -> None:
        incident = self.session.incident if self.session is not None else None
        if incident is None:
            self.deadlines_label.setText(self.tr("No incident entered (Case → Incident)"))
            self.banner.hide()
            return
        today = self._today()
        deadlines = incident.deadlines
        self.deadlines_label.setText(
            "  |  ".join(
                deadline_text.describe(d, today, self.language)
                for d in (deadlines.preliminary, deadlines.final)
            )
        )
        late = deadline_text.overdue(deadlines, today)
        if late:
            self.banner.setText(
                self.tr("Overdue: ")
                + "; ".join(deadline_text.describe(d, today, self.language) for d in late)
            )
            self.banner.show()
        else:
            self.banner.hide()

    # -- dialogs -----------------------------------------------------------------------------
    def edit_office(self) -> None:
        from noticedesk.gui.office_dialog import OfficeDialog

        if self.session is None:
            return
        try:
            profile = self.session.office()
        except Exception as exc:
            self._show_error(self.tr("The office profile could not be read"), exc)
            return
        dialog = OfficeDialog(profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_office(dialog.profile()))
        self.office_dialog = dialog
        dialog.open()

    def _save_office(self, profile: Any) -> None:
        assert self.session is not None
        try:
            self.session.save_office(profile)
        except Exception as exc:
            self._show_error(self.tr("The office profile could not be saved"), exc)
            return
        self.statusBar().showMessage(self.tr("Office profile saved."), 5000)
        self.preview.refresh()

    def edit_incident(self) -> None:
        from noticedesk.gui.incident_dialog import IncidentDialog

        if self.session is None:
            return
        dialog = IncidentDialog(self.session.incident, self._today(), self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_incident(dialog.incident()))
        self.incident_dialog = dialog
        dialog.open()

    def _save_incident(self, incident: Any) -> None:
        assert self.session is not None
        try:
            self.session.set_incident(incident)
        except Exception as exc:
            self._show_error(self.tr("The incident could not be saved"), exc)
            return
        self._update_deadlines()
        self.statusBar().showMessage(self.tr("Incident saved."), 5000)
        self.preview.refresh()

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A non-blocking message box (kept in ``last_message`` so tests can read it)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.finished.connect(partial(self._forget_message, box))
        box.open()
        return box

    def _forget_message(self, box: QMessageBox, _result: int) -> None:
        if self.last_message is box:
            self.last_message = None

    def _show_error(self, title: str, exc: BaseException) -> None:
        self.show_message(QMessageBox.Icon.Warning, title, _error_text(exc, self.language))

    show_error = _show_error

    def error_text(self, exc: BaseException) -> str:
        return _error_text(exc, self.language)

    def ask(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        accept_text: str,
        on_accept: Callable[[], Any],
        *,
        close_text: str | None = None,
    ) -> QMessageBox:
        """A non-blocking question: ``on_accept`` runs if the Yes button (``accept_text``) is
        pressed; the other button (Cancel, or ``close_text``) does nothing."""
        box = QMessageBox(
            icon,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(accept_text)
        if close_text:
            box.button(QMessageBox.StandardButton.Cancel).setText(close_text)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box

        def answered(_result: int) -> None:
            self._forget_message(box, _result)
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                on_accept()

        box.finished.connect(answered)
        box.open()
        return box

    # -- export and statuses ---------------------------------------------------------------
    def export_blocked_reason(self) -> str:
        """Why File → Export cannot run now ("" when it can)."""
        if self.session is None:
            return self.tr("No case is open.")
        if self._busy:
            return self.tr("Still reading the previous file…")
        if self.model.rowCount() == 0:
            return self.tr("The case has no clients yet: open a client list first.")
        if self._roster_errors:
            return self.tr(
                "The client list has %1 error(s) (see Problems in the client list). Correct "
                "them in the file and open it again; then the documents can be exported."
            ).replace("%1", str(self._roster_errors))
        return ""

    def _update_export_action(self) -> None:
        reason = "" if self._exporting else self.export_blocked_reason()
        self.export_action.setEnabled(not reason and not self._exporting)
        tip = reason or self.tr("Write every client's documents and the list for the regulator")
        self.export_action.setStatusTip(tip)
        self.export_action.setToolTip(tip)
        self.status_marking.set_enabled(self.session is not None and not self._exporting)
        self.case_commands.set_enabled(not self._exporting and not self._busy)

    def set_exporting(self, exporting: bool) -> None:
        """While an export runs the case must not change under it: no import, no other case."""
        self._exporting = exporting
        self.open_action.setEnabled(not exporting and not self._busy)
        self.recent_menu.setEnabled(not exporting and not self._busy)
        self._update_export_action()

    def _show_table_menu(self, pos: Any) -> None:
        if self.session is None or not self.selected_source_rows():
            return
        menu = self.status_marking.context_menu(self.table)
        menu.addSeparator()
        menu.addAction(self.tick_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.table_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- settings ----------------------------------------------------------------------------
    def restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        widths = self.settings.column_widths()
        if len(widths) == COLUMN_COUNT:
            for col, width in enumerate(widths):
                self.table.setColumnWidth(col, width)

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_column_widths(
            [self.table.columnWidth(col) for col in range(COLUMN_COUNT)]
        )
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._exporting:
            # Closing now would leave the files written but not recorded in the case.
            event.ignore()
            self.statusBar().showMessage(
                self.tr("Please wait until the export has finished."), 8000
            )
            return
        wait = getattr(self.runner, "wait", None)
        if wait is not None:
            wait(10_000)  # an import finishing after the window is gone would have nowhere to go
        self.save_settings()
        if self.session is not None:
            self.session.close()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1280, 760)


def _error_text(exc: BaseException, language: str) -> str:
    """The user's sentence for an error: our errors (RosterError, CaseError…) carry one in
    each language through ``text(language)``."""
    text = getattr(exc, "text", None)
    if callable(text):
        try:
            return str(text(language))
        except TypeError:
            pass
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} {exc.filename or ''}".strip()
    return str(exc) or type(exc).__name__
