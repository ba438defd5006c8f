"""The main window: the case's clients in a table, ticks, problems, deadlines.

The window puts the rooms together and is the one ``WindowHost``: it owns the table (model,
proxy and view), the problems dock, the undo stack and the message boxes, and answers what the
parts may ask of it (a parent for dialogs, the selection, the status bar, a message). What the
parts share is the ``WindowState``; the window follows it like any view (the open case's rows
and title, the actions a running import or export greys out). The parts:

- ``clients``: ticking (and undo), reading a client list, marking statuses, the problems list
  and the decisions made in it;
- ``case``: the Case menu, opening cases with their keys, the office and incident dialogs;
- ``export``: File → Export; ``preview``: the preview dock and print previews;
- ``templates``: the office's own Word templates;
- ``window.menus`` and ``window.status_area``: the menus, the status bar and the banner.

Everything slow (reading a roster, an export, a preview) runs through the state's
``TaskRunner`` and comes back by signal. Messages are shown with ``open()`` and never
``exec()``, so nothing here blocks a test or the event loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QPoint, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.clients import Roster
from noticedesk.core.user_error import error_text
from noticedesk.gui.answers.recording import AnswerRecording
from noticedesk.gui.case.commands import CaseCommands
from noticedesk.gui.case.details import CaseDetails
from noticedesk.gui.case.watcher import CaseWatcher
from noticedesk.gui.clients.loading import (
    RosterLoading,
    RosterReader,
    SessionFactory,
    read_roster_file,
)
from noticedesk.gui.clients.problem_decisions import ProblemDecisions
from noticedesk.gui.clients.problems_panel import ProblemsPanel
from noticedesk.gui.clients.status_marking import StatusMarking
from noticedesk.gui.clients.ticking import Ticking
from noticedesk.gui.common.file_chooser import FileChooser, OpenUrl
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.message_boxes import open_message, open_question
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.export.flow import ExportFlow
from noticedesk.gui.mail.flow import MailFlow
from noticedesk.gui.preview.address_print import AddressPrint
from noticedesk.gui.preview.dock import install_preview
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.filter import RosterFilterModel
from noticedesk.gui.table.model import COL_NAME, COLUMN_COUNT, RosterTableModel
from noticedesk.gui.table.view import RosterTableView
from noticedesk.gui.templates.folder import TemplateFolder
from noticedesk.gui.window.menus import WindowMenus
from noticedesk.gui.window.status_area import StatusArea


class MainWindow(QMainWindow):
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
        self.state = WindowState(
            settings, runner, session=session, language=language, today=today, parent=self
        )
        self.translation = translation
        self.chooser = chooser or FileChooser()
        self.open_url: OpenUrl = open_url or QDesktopServices.openUrl
        self.last_message: QMessageBox | None = None  # the box open now (tests answer it)
        self.table_menu: QMenu | None = None

        self.model = RosterTableModel(self)
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)  # no limit: a day's ticks can all be undone

        state = self.state
        self.templates = TemplateFolder(state, self.chooser, self.open_url, self)
        self.case_details = CaseDetails(state, self)
        self.case_commands = CaseCommands(state, self, self.chooser)
        self.ticking = Ticking(state, self, self.undo_stack)
        self.model.tick_requested = self.ticking.tick_from_click
        opener = self.case_commands.opener
        self.roster_loading = RosterLoading(
            state,
            self,
            read_roster,
            new_session_for or opener.new_session_for,
            opener.ask_new_passphrase,
        )
        self.status_marking = StatusMarking(state, self)
        self.problem_decisions = ProblemDecisions(state, self)
        self.export_flow = ExportFlow(
            state, self, self.templates, self.case_details, self.chooser, self.open_url
        )
        self.mail_flow = MailFlow(state, self, self.templates, self.case_details, self.export_flow)
        self.answers = AnswerRecording(
            state,
            self,
            self.undo_stack,
            self.proxy,
            self.chooser,
            lambda folder, kinds, keys: self.export_flow.run(folder, kinds, clients=keys),
            self.select_source_rows,
        )
        self.status_area = StatusArea(state, self.model, self.proxy, self.statusBar(), self)
        self._build_central()
        self._build_problems_dock()
        self.preview = install_preview(
            self,
            state,
            self,
            self.templates,
            beside=self.problems_dock,
            current_changed=self.table.selectionModel().currentRowChanged,
            open_url=self.open_url,
            neighbours=self.neighbour_source_rows,
        )
        # Shown once a client list has problems (View brings it back): an empty list of problems
        # beside an empty table only puzzles a first-time user. A saved layout may show it again.
        self.problems_dock.hide()
        self._build_menus()
        self.roster_loading.fill_recent_menu()
        self._follow_state()
        self.setAcceptDrops(True)
        self.resize(1280, 760)

        self.retranslate()
        self.restore_settings()
        if session is not None:
            self._show_session(session)
        self.status_area.update_deadlines()
        self.case_watcher = CaseWatcher(state, self, self)

    # -- construction ------------------------------------------------------------------
    def _build_central(self) -> None:
        self.table = RosterTableView(self)
        self.table.show_rows(self.proxy)
        self.table.toggle_requested.connect(self.ticking.toggle_selection)
        self.table.customContextMenuRequested.connect(self._show_table_menu)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        self.awaiting_button = QToolButton(self)
        self.awaiting_button.setDefaultAction(self.answers.awaiting_action)
        search_row.addWidget(self.awaiting_button)
        search_row.addWidget(self.status_area.shown_label)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.status_area.banner)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

    def _build_problems_dock(self) -> None:
        self.problems = ProblemsPanel(self)
        self.problems.set_language(self.state.language)
        self.problems.row_activated.connect(self.select_excel_row)
        self.problems.decision_requested.connect(self.problem_decisions.decide)
        self.problems.withdraw_requested.connect(self.problem_decisions.withdraw)
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [340], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        menus = self.menus = WindowMenus(self, self.undo_stack, self.state.language)
        menus.open_action.triggered.connect(self.roster_loading.choose_roster)
        menus.export_action.triggered.connect(lambda: self.export_flow.start())
        menus.mail_action.triggered.connect(self.mail_flow.start)
        menus.quit_action.triggered.connect(self.close)
        menus.find_action.triggered.connect(self.focus_search)
        menus.tick_action.triggered.connect(self.ticking.toggle_selection)
        menus.office_action.triggered.connect(self.case_details.edit_office)
        menus.incident_action.triggered.connect(self.case_details.edit_incident)
        menus.templates_action.triggered.connect(self.templates.edit)
        for code, action in menus.language_actions.items():
            action.triggered.connect(partial(self.set_language, code))
        assert self.preview.menu_print_action is not None and self.preview.dock is not None
        self.address_print = AddressPrint(self.state, self, self.preview.jobs, parent=self)
        menus.build_menus(
            recent=self.roster_loading.recent_menu,
            print_action=self.preview.menu_print_action,
            status_marking=self.status_marking,
            case_commands=self.case_commands,
            views=[
                self.problems_dock.toggleViewAction(),
                self.preview.dock.toggleViewAction(),
            ],
            open_url=self.open_url,
            address_print_action=self.address_print.action,
        )
        self.answers.add_menus(menus.edit_menu)

    def _follow_state(self) -> None:
        """What the window itself shows of the state: the case's rows and title, and the
        actions an import or an export must grey out."""
        state = self.state
        state.session_changed.connect(self._show_session)
        state.busy_changed.connect(self._update_enabled)
        state.exporting_changed.connect(self._update_enabled)
        state.language_changed.connect(self._show_language)
        self.roster_loading.roster_loaded.connect(self._show_roster)
        self.status_area.incident_requested.connect(self.case_details.edit_incident)
        self.templates.changed.connect(self.status_area.show_templates)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        session = self.state.session
        title = "NoticeDesk"
        if session is not None and session.name:
            title = f"NoticeDesk — {session.name}"
        self.setWindowTitle(title)
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(
            self.tr("Name, address, phone, code or association — spaces separate words")
        )
        self.problems_dock.setWindowTitle(self.tr("Problems in the client list"))
        # After the title: the dock gives its toggle action the title, without an accelerator.
        self.problems_dock.toggleViewAction().setText(self.tr("&Problems in the client list"))
        self.menus.retranslate()
        self.status_marking.retranslate()
        self.case_commands.retranslate()
        self.answers.retranslate()
        self.problems.refresh()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self.status_area.update_counts()
        self.status_area.update_shown()
        self.status_area.update_deadlines()
        self.table.viewport().update()  # the empty table's hint, in the new language
        self.status_area.show_templates(self.templates.folder())
        self.update_export_action()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Settings → Language: Qt's and NoticeDesk's translations, then every text anew."""
        if self.translation is not None:
            self.translation.switch(language)
        self.state.set_language(language)

    def _show_language(self, language: str) -> None:
        self.problems.set_language(language)
        self.menus.check_language(language)
        self.retranslate()

    # -- rows --------------------------------------------------------------------------------
    def reload_rows(self) -> None:
        """Show the case's clients again (after an import): one reset, sampled widths."""
        session = self.state.session
        rows = session.table_rows() if session is not None else []
        first_fill = self.model.rowCount() == 0
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if header.isSortIndicatorShown() and 0 <= header.sortIndicatorSection() < COLUMN_COUNT:
            # New rows arrive in file order; keep the order the user chose by the header.
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if first_fill and not self.state.settings.column_widths():
            self.table.size_columns(self.model)
        self.update_export_action()

    def _show_roster(self, roster: Roster) -> None:
        """A client list is in the case: its rows, and its problems beside them."""
        self.undo_stack.clear()  # earlier ticks may name clients the new list no longer has
        self.reload_rows()
        # The list takes room from the table, so it is shown only when there is something in it
        # (View → Problems brings it back at any time).
        self.problems_dock.setVisible(self._show_problems())
        self.status_area.update_deadlines()

    def selected_source_rows(self) -> list[int]:
        # From the selection's ranges: selectedRows() asks flags() of every selected cell,
        # most of the time of marking 500 rows. The view selects whole rows only.
        selection = self.table.selectionModel().selection()
        rows = {
            self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            for span in (selection.at(i) for i in range(selection.count()))
            for row in range(span.top(), span.bottom() + 1)
        }
        if not rows:
            current = self.current_source_row()
            if current is not None:
                rows.add(current)
        return sorted(rows)

    def current_source_row(self) -> int | None:
        current = self.table.currentIndex()
        return self.proxy.mapToSource(current).row() if current.isValid() else None

    def neighbour_source_rows(self) -> list[int]:
        """The rows below and above the current one as the table shows them (next first)."""
        current = self.table.currentIndex()
        if not current.isValid():
            return []
        rows = (current.row() + 1, current.row() - 1)
        return [
            self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            for row in rows
            if 0 <= row < self.proxy.rowCount()
        ]

    def select_excel_row(self, excel_row: int) -> None:
        """Select the client read from a spreadsheet row (double-click on a problem)."""
        source_row = self.model.row_of_excel_row(excel_row)
        if source_row is None:
            self.show_status(
                self.tr(
                    "Row %1 is not in the table: it was not read as a client, is held back by "
                    "its problem, or was left out by a decision."
                ).replace("%1", str(excel_row)),
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

    def select_source_rows(self, rows: list[int]) -> None:
        """Select these model rows in the table (a search that hides one is cleared)."""
        indexes = [self.proxy.mapFromSource(self.model.index(row, 0)) for row in rows]
        if not all(index.isValid() for index in indexes) and self.search.text():
            self.search.clear()
            indexes = [self.proxy.mapFromSource(self.model.index(row, 0)) for row in rows]
        selection = QItemSelection()
        for index in indexes:
            if index.isValid():
                selection.select(index, index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)
        if indexes and indexes[0].isValid():
            self.table.scrollTo(indexes[0])
        self.table.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_table_menu(self, pos: QPoint) -> None:
        if self.state.session is None or not self.selected_source_rows():
            return
        menu = self.status_marking.context_menu(self.table)
        menu.addSeparator()
        menu.addAction(self.menus.tick_action)
        menu.addAction(self.answers.record_action)
        menu.addAction(self.answers.withdraw_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.table_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- drag and drop (Qt calls these; ``roster_loading`` decides) ---------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.roster_loading.drag_entered(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.roster_loading.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.roster_loading.dropped(event)

    # -- the case ----------------------------------------------------------------------------
    def _show_session(self, session: CaseSession | None) -> None:
        """Another case is open (or none): its rows, title and deadlines, and the problems of
        its client list as the case keeps them (they outlive a restart); nothing of the last."""
        self.undo_stack.clear()
        self.problems_dock.setVisible(self._show_problems())
        self.reload_rows()
        self.retranslate()

    def _show_problems(self) -> bool:
        """The open case's problems as it keeps them, with the office's decisions on them;
        True when there are any."""
        session = self.state.session
        if session is None:
            self.problems.show_problems([], {})
            return False
        store = session.store
        issues = store.roster_issues()
        self.problems.show_problems(issues, store.resolutions(), store.file_row)
        return bool(issues)

    # -- messages (what a part may ask of the window: ``WindowHost``) --------------------------
    def show_status(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

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
        self.show_message(QMessageBox.Icon.Warning, title, error_text(exc, self.state.language))

    # -- what an import or an export greys out -------------------------------------------------
    def update_export_action(self) -> None:
        exporting = self.state.exporting
        reason = "" if exporting else self.export_flow.blocked_reason()
        action = self.menus.export_action
        action.setEnabled(not reason and not exporting)
        self.menus.mail_action.setEnabled(not reason and not exporting)
        tip = reason or self.tr("Write every client's documents and the list for the regulator")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self.status_marking.set_enabled(self.state.session is not None and not exporting)
        self.answers.set_enabled(self.state.session is not None and not exporting)
        self.case_commands.set_enabled(not exporting and not self.state.busy)

    def _update_enabled(self, *_: object) -> None:
        """While an import or an export runs the case must not change under it: no other
        import, no other case, no tick."""
        state, menus = self.state, self.menus
        menus.open_action.setEnabled(not state.exporting and not state.busy)
        # Undo and redo change ticks too. The stack enables its actions only when it changes,
        # and it cannot change while ticking is refused, so they are set back here.
        menus.undo_action.setEnabled(not state.exporting and self.undo_stack.canUndo())
        menus.redo_action.setEnabled(not state.exporting and self.undo_stack.canRedo())
        self.update_export_action()

    # -- settings and closing ----------------------------------------------------------------
    def restore_settings(self) -> None:
        settings = self.state.settings
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        window_state = settings.window_state()
        if window_state is not None:
            self.restoreState(window_state)
        widths = settings.column_widths()
        if len(widths) == COLUMN_COUNT:
            for col, width in enumerate(widths):
                self.table.setColumnWidth(col, width)

    def save_settings(self) -> None:
        settings = self.state.settings
        settings.set_geometry(self.saveGeometry())
        settings.set_window_state(self.saveState())
        settings.set_column_widths([self.table.columnWidth(col) for col in range(COLUMN_COUNT)])
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state.exporting:
            # Closing now would leave the files written but not recorded in the case.
            event.ignore()
            self.show_status(self.state.why_busy(), 8000)
            return
        # A print batch can convert for minutes: stop it at its next chunk rather than keep
        # the converter, and the program with it, running after the window has gone.
        if self.preview.selection_print is not None:
            self.preview.selection_print.cancel()
        wait = getattr(self.state.runner, "wait", None)
        if wait is not None:
            wait(10_000)  # an import finishing after the window is gone would have nowhere to go
        self.save_settings()
        session = self.state.session
        if session is not None:
            session.close()
        # Last: nothing more is asked of the preview's LibreOffice, kept running till now.
        self.preview.jobs.shut_down()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1280, 760)
