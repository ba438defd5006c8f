"""Getting a client list into the case: File → Open, a file dropped on the window, recent files.

The read and the import (the slow sealing of every client) run on the state's runner and come
back by signal; a file that cannot be read leaves the case as it was. While they run the state
is ``busy`` (the window greys what would change the case). The steps, each asking only when it
must:

1. the file is read into a table and its columns decided (``column_step``): a mapping chosen
   before for the same header row is used, a header NoticeDesk is sure of is read as it is,
   else the column step asks, and its answer is remembered; cancelling imports nothing and
   says so;
2. with no case open, the office names a case and chooses its protection (``new_case``) once
   the file proved readable; cancelling says the list was not imported (a test may give a
   ``new_session_for`` that makes the case without asking, and ``ask_passphrase`` for where
   the credential store refuses its key);
3. the clients are imported.

Once a list is in the case, ``roster_loaded`` carries it: the window shows the rows and the
problems from that signal. What a re-import changed is reported in a message
(``import_report``); the status bar says how many clients were read, whether remembered columns
were used, and which columns were not. No message of this flow opens on top of a new case's
recovery code: it waits until that dialog is closed (``after_recovery_code``).

The texts keep the translation context "MainWindow" (the shipped Japanese is filed under it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from noticedesk.core.case import ImportDiff
from noticedesk.core.roster import ColumnMapping, RosterTable
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.core.user_error import error_text
from noticedesk.gui.clients.column_step import (
    ColumnStep,
    ColumnsToAsk,
    Imported,
    import_with,
    read_columns,
)
from noticedesk.gui.clients.drop import ROSTER_SUFFIXES, first_roster, roster_paths
from noticedesk.gui.clients.import_report import reimport_details, reimport_summary
from noticedesk.gui.clients.new_case import CaseForList
from noticedesk.gui.dialogs.first_case import after_recovery_code
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.shared.state import WindowState

# Reads a file into a table whose columns are decided next (``read_roster_file``).
RosterReader = Callable[[Path], RosterTable]
# Makes the case for a list without asking (tests); None: the office is asked (``new_case``).
SessionFactory = Callable[[Path], CaseSession]
# Explains why the credential store refused a new case's key, takes a passphrase, then runs
# the callback (the case opener's ``ask_new_passphrase``); used with a ``SessionFactory``.
AskPassphrase = Callable[[SecretStoreUnavailable, Callable[[], None]], None]


def read_roster_file(path: Path) -> RosterTable:
    from noticedesk.core.roster import read_table

    return read_table(path)


class RosterLoading(QObject):
    roster_loaded = Signal(object)  # the Roster, once it is in the case
    roster_failed = Signal(str)  # the message shown to the user

    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        read_roster: RosterReader,
        new_session_for: SessionFactory | None = None,
        ask_passphrase: AskPassphrase | None = None,
    ) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self._read_roster = read_roster
        self.new_session_for = new_session_for
        self._ask_passphrase = ask_passphrase
        self.columns = ColumnStep(host, self)  # which column is which, when unsure
        self.new_case = CaseForList(state, host, self)  # a case for a list when none is open
        self.last_diff: ImportDiff | None = None  # what the last import changed
        self.recent_menu = QMenu(host.window())  # File → Open recent
        state.busy_changed.connect(self.enable_recent_menu)
        state.exporting_changed.connect(self.enable_recent_menu)

    # -- choosing and reading ----------------------------------------------------------------
    def choose_roster(self) -> None:
        patterns = " ".join(f"*{s}" for s in ROSTER_SUFFIXES)
        dialog = QFileDialog(
            self.host.window(), QCoreApplication.translate("MainWindow", "Open client list")
        )
        dialog.setNameFilters(
            [QCoreApplication.translate("MainWindow", "Client lists (%1)").replace("%1", patterns)]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.load_roster(Path(name)))
        dialog.open()

    def load_roster(self, path: Path) -> bool:
        """Read ``path`` and import it into the case, off the GUI thread; False if busy."""
        state = self.state
        waiting = state.why_busy()
        if waiting:
            self.host.show_status(waiting, 5000)
            return False
        self._set_busy(True, path)
        reader, session, folder = self._read_roster, state.session, state.data_dir

        def read() -> Imported | ColumnsToAsk:
            return read_columns(reader(path), session, folder)

        state.runner.run(
            read, partial(self._columns_read, path), partial(self._roster_failed, path)
        )
        return True

    def _set_busy(self, busy: bool, path: Path | None = None) -> None:
        self.state.set_busy(busy)
        if busy and path is not None:
            self.host.show_status(
                QCoreApplication.translate("MainWindow", "Reading %1…").replace("%1", path.name)
            )
        else:
            self.host.show_status("")

    # -- which column is which ---------------------------------------------------------------
    def _columns_read(self, path: Path, outcome: Imported | ColumnsToAsk) -> None:
        if isinstance(outcome, Imported):
            self._roster_read(path, outcome)
            return
        self._set_busy(False)  # the question may take a while; it may be cancelled
        table = outcome.table
        self.columns.ask(
            table,
            partial(self._import_with, path, table),
            partial(self._not_imported, path),
        )

    def _import_with(self, path: Path, table: RosterTable, mapping: ColumnMapping) -> None:
        state = self.state
        if state.busy or state.exporting:  # cannot happen behind the modal step; never twice
            self._not_imported(path)
            return
        self._set_busy(True, path)
        session, folder = state.session, state.data_dir
        state.runner.run(
            lambda: import_with(table, mapping, session, folder),
            partial(self._roster_read, path),
            partial(self._roster_failed, path),
        )

    def _not_imported(self, path: Path) -> None:
        self.host.show_status(
            QCoreApplication.translate(
                "MainWindow", "%1 was not imported: the columns were not confirmed."
            ).replace("%1", path.name),
            8000,
        )

    # -- into the case -----------------------------------------------------------------------
    def _roster_read(self, path: Path, outcome: Imported) -> None:
        roster, diff = outcome.roster, outcome.diff
        if self.state.session is None:
            self._start_case_with(path, outcome)
            return
        self._set_busy(False)
        self.last_diff = diff
        self.roster_loaded.emit(roster)  # the window shows the rows and the problems
        self.remember_recent(path)
        if diff is not None and not diff.first_import:
            box = self.host.show_message(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("MainWindow", "What changed"),
                reimport_summary(path.name, diff),
            )
            details = reimport_details(diff)
            if details:
                box.setDetailedText(details)
        self.host.show_status(self._read_text(path, outcome), 8000)

    def _read_text(self, path: Path, outcome: Imported) -> str:
        """The status line after a read: how many clients, and what of the columns."""
        parts = [
            QCoreApplication.translate("MainWindow", "Read %1: %2 client(s).")
            .replace("%1", path.name)
            .replace("%2", str(len(outcome.roster.clients)))
        ]
        if outcome.remembered:
            parts.append(
                QCoreApplication.translate(
                    "MainWindow", "Columns as chosen before for this header row."
                )
            )
        if outcome.not_remembered:
            parts.append(
                QCoreApplication.translate(
                    "MainWindow", "The column choice could not be remembered (%1)."
                ).replace("%1", outcome.not_remembered)
            )
        unused = outcome.roster.unused_columns
        if unused:
            parts.append(
                QCoreApplication.translate("MainWindow", "Columns not used: %1.").replace(
                    "%1", ("、" if self.state.language == "ja" else ", ").join(unused)
                )
            )
        return ("" if self.state.language == "ja" else " ").join(parts)  # 。 ends a sentence

    def _start_case_with(self, path: Path, outcome: Imported) -> None:
        """No case was open: the office names one (or a test's factory makes one), then the
        list read is imported into it."""
        self._set_busy(False)  # a dialog comes first; it may be cancelled
        if self.new_session_for is None:
            self.new_case.ask(
                path,
                partial(self._import_into_new, path, outcome),
                partial(self._case_not_made, path),
            )
            return
        try:
            session = self.new_session_for(path)
        except SecretStoreUnavailable as exc:
            if self._ask_passphrase is None:
                self._roster_failed(path, exc)
                return
            # No credential store: one dialog explains and takes a passphrase, then retry.
            self._ask_passphrase(exc, partial(self._start_case_with, path, outcome))
            return
        except Exception as exc:
            self._roster_failed(path, exc)
            return
        self._import_into_new(path, outcome, session)

    def _import_into_new(self, path: Path, outcome: Imported, session: CaseSession) -> None:
        self.state.set_session(session)  # a new case's recovery code is shown from here
        self._set_busy(True, path)
        self.state.runner.run(
            lambda: replace(outcome, diff=session.import_roster(outcome.roster)),
            partial(self._roster_read, path),
            partial(self._roster_failed, path),
        )

    def _case_not_made(self, path: Path, exc: BaseException | None) -> None:
        if exc is None:
            self.host.show_status(
                QCoreApplication.translate(
                    "MainWindow", "No case was made, so %1 was not imported."
                ).replace("%1", path.name),
                8000,
            )
            return
        text = error_text(exc, self.state.language)
        self.host.show_message(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "The case could not be made"),
            QCoreApplication.translate("MainWindow", "%1 was not imported.").replace(
                "%1", path.name
            )
            + "\n\n"
            + text,
        )
        self.roster_failed.emit(text)

    def _roster_failed(self, path: Path, exc: BaseException) -> None:
        self._set_busy(False)
        text = error_text(exc, self.state.language)

        def tell() -> None:
            self.host.show_message(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("MainWindow", "The file could not be read"),
                QCoreApplication.translate(
                    "MainWindow", "%1 could not be read as a client list. The case is unchanged."
                ).replace("%1", path.name)
                + "\n\n"
                + text,
            )

        after_recovery_code(self.host.window(), tell)  # never on top of a recovery code
        self.roster_failed.emit(text)

    # -- recent files ------------------------------------------------------------------------
    def remember_recent(self, path: Path) -> None:
        self.state.settings.add_recent_file(path)
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(self.state.settings.recent_files(), start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(partial(self._open_recent, path))
        self.enable_recent_menu()

    def enable_recent_menu(self) -> None:
        """Open recent is offered when it holds a file and nothing is being read or written."""
        menu = self.recent_menu
        menu.setEnabled(bool(menu.actions()) and not self.state.busy and not self.state.exporting)

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self.state.settings.remove_recent_file(path)
            self.fill_recent_menu()
            self.host.show_message(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("MainWindow", "File not found"),
                QCoreApplication.translate(
                    "MainWindow", "%1 no longer exists; it was removed from the list."
                ).replace("%1", str(path)),
            )
            return
        self.load_roster(path)

    # -- drag and drop -----------------------------------------------------------------------
    def drag_entered(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        # While a file is read or documents are written the drop could not be taken: refuse
        # the drag, so the pointer says so before the user lets go.
        if self.state.busy or self.state.exporting:
            event.ignore()
        elif first_roster(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropped(self, event: QDropEvent) -> None:
        path = first_roster(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        several = roster_paths(event.mimeData())
        if len(several) > 1:
            # Importing replaces the case's list: taking one of several files at random (last
            # month's, say) would remove clients. The user says which one.
            self.host.show_message(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("MainWindow", "One client list at a time"),
                QCoreApplication.translate(
                    "MainWindow",
                    "%1 files were dropped. Importing replaces the case's client list, so drop "
                    "only the one to use. Nothing was imported.",
                ).replace("%1", str(len(several))),
            )
            return
        # Defer: the drag source (Explorer) waits for the drop to return before it repaints.
        # With self as the context, Qt drops the call if the window is gone by then.
        QTimer.singleShot(0, self, partial(self.load_roster, path))
