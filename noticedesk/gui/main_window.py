"""The main window: the case's clients in a table, ticks, problems, deadlines.

A composition of parts, each in its own module:

- ``roster_table_view``: the table (ticking by click and Space, sampled column widths);
- ``window_actions``: actions, shortcuts and menus;
- ``roster_loading``: File → Open, drop, recent files, the report of a re-import;
- ``ticking``: ticks saved to the case, undo and redo;
- ``status_area``: counts, deadlines, the overdue banner, the busy bar;
- ``case_details``: the office profile and incident dialogs;
- ``template_folder``: the office's own Word templates;
- ``export_flow``, ``status_marking``, ``case_commands``, ``preview_dock``: their menus' work.

Everything slow (reading a roster) runs through a ``TaskRunner`` and comes back by signal.
Messages are shown with ``open()`` and never ``exec()``, so nothing here blocks a test or the
event loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.user_error import error_text
from noticedesk.gui.case_commands import CaseCommands
from noticedesk.gui.case_details import CaseDetails
from noticedesk.gui.case_session import CaseSession
from noticedesk.gui.export_flow import ExportFlow, OpenUrl
from noticedesk.gui.file_chooser import FileChooser
from noticedesk.gui.i18n import Translation
from noticedesk.gui.message_boxes import open_message, open_question
from noticedesk.gui.preview_dock import install_preview
from noticedesk.gui.problems_panel import ProblemsPanel
from noticedesk.gui.roster_filter import RosterFilterModel
from noticedesk.gui.roster_loading import RosterLoading, RosterReader, read_roster_file
from noticedesk.gui.roster_model import COL_NAME, COLUMN_COUNT, RosterTableModel
from noticedesk.gui.roster_table_view import RosterTableView
from noticedesk.gui.settings import WindowSettings
from noticedesk.gui.status_area import StatusArea
from noticedesk.gui.status_marking import StatusMarking
from noticedesk.gui.tasks import TaskRunner
from noticedesk.gui.template_folder import TemplateFolder
from noticedesk.gui.ticking import Ticking
from noticedesk.gui.window_actions import build_actions, build_menus, retranslate_menus

SessionFactory = Callable[[Path], CaseSession]


class MainWindow(QMainWindow):
    roster_loaded = Signal(object)  # the Roster, once it is in the case and on screen
    roster_failed = Signal(str)  # the message shown to the user

    # Made by ``window_actions.build_actions`` and ``build_menus``.
    open_action: QAction
    export_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    tick_action: QAction
    office_action: QAction
    incident_action: QAction
    templates_action: QAction
    language_group: QActionGroup
    language_actions: dict[str, QAction]
    file_menu: QMenu
    recent_menu: QMenu
    edit_menu: QMenu
    case_menu: QMenu
    settings_menu: QMenu
    language_menu: QMenu
    view_menu: QMenu

    def __init__(
        self,
        settings: WindowSettings,
        runner: TaskRunner,
        *,
        session: CaseSession | None = None,
        language: str = "ja",
        translation: Translation | None = None,
        read_roster: RosterReader = read_roster_file,
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
        self._new_session_for = new_session_for  # replaced by the start-up code
        self.today = today
        self._exporting = False
        self.chooser = chooser or FileChooser()
        self.export_flow = (
            ExportFlow(self, self.chooser, open_url)
            if open_url is not None
            else ExportFlow(self, self.chooser)
        )
        self.status_marking = StatusMarking(self)
        self.case_commands = CaseCommands(self)
        self.case_details = CaseDetails(self)
        self.ticking = Ticking(self)
        self.roster_loading = RosterLoading(self, read_roster)
        self.templates = TemplateFolder(self)
        self.last_message: QMessageBox | None = None
        self.last_diff: Any = None
        self.case_opener: Any = None  # set by the start-up code, kept alive with the window

        self.model = RosterTableModel(self)
        self.model.tick_requested = self.ticking.tick_from_click
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)  # no limit: a day's ticks can all be undone

        self.status_area = StatusArea(self, today)
        self._build_central()
        self._build_dock()
        build_actions(self)
        build_menus(self)
        self.roster_loading.fill_recent_menu()
        self.preview = install_preview(self)
        # Shown once a client list has problems (View brings it back): an empty list of problems
        # beside an empty table only puzzles a first-time user. A saved layout may show it again.
        self.problems_dock.hide()
        self.setAcceptDrops(True)
        self.resize(1280, 760)

        status = self.status_area
        self.model.modelReset.connect(status.update_counts)
        self.model.dataChanged.connect(status.update_counts)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(status.update_shown)

        self.retranslate()
        self.restore_settings()
        if session is not None:
            self.reload_rows()
        status.update_deadlines()

    # -- construction ------------------------------------------------------------------
    def _build_central(self) -> None:
        self.table = RosterTableView(self)
        self.table.show_rows(self.proxy)
        self.table.toggle_requested.connect(self.toggle_selection)
        self.table.customContextMenuRequested.connect(self._show_table_menu)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
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

    # The status area's widgets, under the names the window always had.
    @property
    def counts_label(self) -> QLabel:
        return self.status_area.counts_label

    @property
    def deadlines_label(self) -> QLabel:
        return self.status_area.deadlines_label

    @property
    def shown_label(self) -> QLabel:
        return self.status_area.shown_label

    @property
    def banner(self) -> QLabel:
        return self.status_area.banner

    @property
    def progress(self) -> Any:
        return self.status_area.progress

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
        # After the title: the dock gives its toggle action the title, without an accelerator.
        self.problems_dock.toggleViewAction().setText(self.tr("&Problems in the client list"))
        retranslate_menus(self)
        self.status_marking.retranslate()
        self.case_commands.retranslate()
        self.problems.set_issues(self.problems.model.issues())
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self.status_area.update_counts()
        self.status_area.update_shown()
        self.status_area.update_deadlines()
        self.table.viewport().update()  # the empty table's hint, in the new language
        self.templates.show_in_status_bar()
        self.update_export_action()

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
        self.update_export_action()

    def size_columns(self) -> None:
        self.table.size_columns(self.model)

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

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_table_menu(self, pos: Any) -> None:
        if self.session is None or not self.selected_source_rows():
            return
        menu = self.status_marking.context_menu(self.table)
        menu.addSeparator()
        menu.addAction(self.tick_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.table_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- ticks (``ticking``) -------------------------------------------------------------------
    def toggle_selection(self) -> None:
        self.ticking.toggle_selection()

    def apply_ticks(self, after: dict[str, bool]) -> None:
        """Save the ticks to the case, then show them and make them undoable."""
        self.ticking.apply(after)

    # -- the client list (``roster_loading``) ----------------------------------------------------
    def choose_roster(self) -> None:
        self.roster_loading.choose_roster()

    def load_roster(self, path: Path) -> bool:
        """Read ``path`` and import it into the case, off the GUI thread; False if busy."""
        return self.roster_loading.load_roster(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.roster_loading.drag_entered(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.roster_loading.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.roster_loading.dropped(event)

    # -- the case ----------------------------------------------------------------------------
    def set_session(self, session: CaseSession | None) -> None:
        """Show another case (its rows, title and deadlines); the previous one is closed."""
        if self.session is not None and self.session is not session:
            self.session.close()
        # A print batch of the previous case's clients must not open over the new case.
        self.preview.selection_print.cancel()
        self.session = session
        self.roster_loading.roster_errors = 0
        self.undo_stack.clear()
        self.problems.set_issues([])
        self.problems_dock.hide()
        self.reload_rows()
        self.retranslate()

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

    def edit_office(self) -> None:
        self.case_details.edit_office()

    def _save_office(self, profile: Any) -> None:
        self.case_details.save_office(profile)

    def edit_incident(self) -> None:
        self.case_details.edit_incident()

    # -- templates (``template_folder``) ---------------------------------------------------------
    def templates_dir(self) -> Path | None:
        """The office's own template folder, or None for the standard templates."""
        return self.templates.folder()

    def edit_templates(self) -> None:
        self.templates.edit()

    # -- messages ----------------------------------------------------------------------------
    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A non-blocking message box (kept in ``last_message`` so tests can read it)."""
        return self._remember(open_message(self, icon, title, text))

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
        box = open_question(self, icon, title, text, accept_text, on_accept, close_text=close_text)
        return self._remember(box)

    def _remember(self, box: QMessageBox) -> QMessageBox:
        self.last_message = box
        box.finished.connect(partial(self._forget_message, box))
        return box

    def _forget_message(self, box: QMessageBox, _result: int) -> None:
        if self.last_message is box:
            self.last_message = None

    def show_error(self, title: str, exc: BaseException) -> None:
        self.show_message(QMessageBox.Icon.Warning, title, error_text(exc, self.language))

    def error_text(self, exc: BaseException) -> str:
        return error_text(exc, self.language)

    # -- export --------------------------------------------------------------------------------
    @property
    def exporting(self) -> bool:
        return self._exporting

    def export_blocked_reason(self) -> str:
        """Why File → Export cannot run now ("" when it can)."""
        if self.session is None:
            return self.tr("No case is open.")
        if self.roster_loading.busy:
            return self.tr("Still reading the previous file…")
        if self.model.rowCount() == 0:
            return self.tr("The case has no clients yet: open a client list first.")
        if self.roster_loading.roster_errors:
            return self.tr(
                "The client list has %1 error(s) (see Problems in the client list). Correct "
                "them in the file and open it again; then the documents can be exported."
            ).replace("%1", str(self.roster_loading.roster_errors))
        return ""

    def update_export_action(self) -> None:
        reason = "" if self._exporting else self.export_blocked_reason()
        self.export_action.setEnabled(not reason and not self._exporting)
        tip = reason or self.tr("Write every client's documents and the list for the regulator")
        self.export_action.setStatusTip(tip)
        self.export_action.setToolTip(tip)
        self.status_marking.set_enabled(self.session is not None and not self._exporting)
        self.case_commands.set_enabled(not self._exporting and not self.roster_loading.busy)

    def set_exporting(self, exporting: bool) -> None:
        """While an export runs the case must not change under it: no import, no other case."""
        self._exporting = exporting
        busy = self.roster_loading.busy
        self.open_action.setEnabled(not exporting and not busy)
        self.roster_loading.enable_recent_menu()
        # Undo and redo change ticks too. The stack enables its actions only when it changes,
        # and it cannot change while ticking is refused, so they are set back here.
        self.undo_action.setEnabled(not exporting and self.undo_stack.canUndo())
        self.redo_action.setEnabled(not exporting and self.undo_stack.canRedo())
        self.update_export_action()

    # -- settings and closing ----------------------------------------------------------------
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
        # A print batch can convert for minutes: stop it at its next chunk rather than keep
        # the converter, and the program with it, running after the window has gone.
        self.preview.selection_print.cancel()
        wait = getattr(self.runner, "wait", None)
        if wait is not None:
            wait(10_000)  # an import finishing after the window is gone would have nowhere to go
        self.save_settings()
        if self.session is not None:
            self.session.close()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1280, 760)
