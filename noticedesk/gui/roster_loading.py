"""Getting a client list into the case: File → Open, a file dropped on the window, recent files,
and the report of what a re-import changed.

The read and the import (the slow sealing of every client) run as one task on the window's
runner and come back by signal; a file that cannot be read leaves the case as it was. With no
case open, a case named after the file is made on the GUI thread once the file proved readable.

The texts keep the translation context "MainWindow" (the shipped Japanese is filed under it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from noticedesk.core.clients import Roster
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.core.user_error import error_text
from noticedesk.gui.drop import ROSTER_SUFFIXES, first_roster, roster_paths

RosterReader = Callable[[Path], Roster]


def read_roster_file(path: Path) -> Roster:
    from noticedesk.core.roster import import_roster

    return import_roster(path)


class RosterLoading(QObject):
    def __init__(self, window: Any, read_roster: RosterReader) -> None:
        super().__init__(window)
        self.window = window
        self._read_roster = read_roster
        self.busy = False
        self.roster_errors = 0  # errors in the roster read last in this session

    # -- choosing and reading ----------------------------------------------------------------
    def choose_roster(self) -> None:
        patterns = " ".join(f"*{s}" for s in ROSTER_SUFFIXES)
        dialog = QFileDialog(
            self.window, QCoreApplication.translate("MainWindow", "Open client list")
        )
        dialog.setNameFilters(
            [QCoreApplication.translate("MainWindow", "Client lists (%1)").replace("%1", patterns)]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.load_roster(Path(name)))
        dialog.open()

    def load_roster(self, path: Path) -> bool:
        """Read ``path`` and import it into the case, off the GUI thread; False if busy."""
        window = self.window
        if self.busy or window.exporting:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Still reading the previous file…")
                if self.busy
                else QCoreApplication.translate(
                    "MainWindow", "Please wait until the export has finished."
                ),
                5000,
            )
            return False
        self.set_busy(True, path)
        reader, session = self._read_roster, window.session

        def read_and_import() -> tuple[Roster, Any]:
            roster = reader(path)
            return roster, (session.import_roster(roster) if session is not None else None)

        window.runner.run(
            read_and_import, partial(self._roster_read, path), partial(self._roster_failed, path)
        )
        return True

    def set_busy(self, busy: bool, path: Path | None = None) -> None:
        window = self.window
        self.busy = busy
        window.status_area.progress.setVisible(busy)
        window.open_action.setEnabled(not busy and not window.exporting)
        self.enable_recent_menu()
        window.update_export_action()
        if busy and path is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Reading %1…").replace("%1", path.name)
            )
        else:
            window.statusBar().clearMessage()

    def _roster_read(self, path: Path, outcome: tuple[Roster, Any]) -> None:
        window = self.window
        roster, diff = outcome
        if window.session is None:
            self._start_case_with(path, roster)
            return
        self.set_busy(False)
        window.last_diff = diff
        window.undo_stack.clear()  # earlier ticks may name clients the new list no longer has
        window.reload_rows()
        window.problems.set_issues(roster.issues)
        # The list takes room from the table, so it is shown only when there is something in it
        # (View → Problems brings it back at any time).
        window.problems_dock.setVisible(bool(roster.issues))
        self.roster_errors = len(roster.errors)
        window.update_export_action()
        self.remember_recent(path)
        window.status_area.update_deadlines()
        if diff is not None and not getattr(diff, "first_import", True):
            self._show_diff(path, diff)
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Read %1: %2 client(s).")
            .replace("%1", path.name)
            .replace("%2", str(len(roster.clients))),
            8000,
        )
        window.roster_loaded.emit(roster)

    def _start_case_with(self, path: Path, roster: Roster) -> None:
        """No case was open: make one named after the file, then import into it."""
        window = self.window
        self.set_busy(False)  # a passphrase dialog may come first; it may be cancelled
        try:
            if window._new_session_for is None:
                raise RuntimeError(QCoreApplication.translate("MainWindow", "No case is open."))
            session = window._new_session_for(path)
        except SecretStoreUnavailable as exc:
            if window.case_opener is None:
                self._roster_failed(path, exc)
                return
            # No credential store: one dialog explains and takes a passphrase, then retry.
            window.case_opener.ask_new_passphrase(exc, partial(self._start_case_with, path, roster))
            return
        except Exception as exc:
            self._roster_failed(path, exc)
            return
        window.set_session(session)
        window.show_recovery_code()
        self.set_busy(True, path)
        window.runner.run(
            lambda: (roster, session.import_roster(roster)),
            partial(self._roster_read, path),
            partial(self._roster_failed, path),
        )

    def _roster_failed(self, path: Path, exc: BaseException) -> None:
        window = self.window
        self.set_busy(False)
        text = error_text(exc, window.language)
        window.show_message(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "The file could not be read"),
            QCoreApplication.translate(
                "MainWindow", "%1 could not be read as a client list. The case is unchanged."
            ).replace("%1", path.name)
            + "\n\n"
            + text,
        )
        window.roster_failed.emit(text)

    # -- what a re-import changed -----------------------------------------------------------
    def _show_diff(self, path: Path, diff: Any) -> None:
        added, removed = list(diff.added), list(diff.removed)
        kept, differ = list(diff.kept), list(getattr(diff, "disagreements", []))
        lines = [
            QCoreApplication.translate("MainWindow", "Added: %1").replace("%1", str(len(added))),
            QCoreApplication.translate("MainWindow", "Removed: %1").replace(
                "%1", str(len(removed))
            ),
            QCoreApplication.translate("MainWindow", "Unchanged: %1").replace("%1", str(len(kept))),
        ]
        if differ:
            lines.append(
                QCoreApplication.translate(
                    "MainWindow",
                    "Individual-report answers that differ from the file: %1 "
                    "(the ticks in the case were kept)",
                ).replace("%1", str(len(differ)))
            )
        details = []
        for heading, clients in (
            (QCoreApplication.translate("MainWindow", "Added"), added),
            (QCoreApplication.translate("MainWindow", "Removed"), removed),
            (QCoreApplication.translate("MainWindow", "Answer differs from the file"), differ),
        ):
            if clients:
                details.append(f"[{heading}]")
                details.extend(f"  {c.code} {c.name}".rstrip() for c in clients)
        box = self.window.show_message(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "What changed"),
            QCoreApplication.translate("MainWindow", "%1 was read into the case.").replace(
                "%1", path.name
            )
            + "\n\n"
            + "\n".join(lines),
        )
        if details:
            box.setDetailedText("\n".join(details))

    # -- recent files ------------------------------------------------------------------------
    def remember_recent(self, path: Path) -> None:
        self.window.settings.add_recent_file(path)
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        recent = self.window.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(partial(self._open_recent, path))
        self.enable_recent_menu()

    def enable_recent_menu(self) -> None:
        """Open recent is offered when it holds a file and nothing is being read or written."""
        menu = self.window.recent_menu
        menu.setEnabled(bool(menu.actions()) and not self.busy and not self.window.exporting)

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self.window.settings.remove_recent_file(path)
            self.fill_recent_menu()
            self.window.show_message(
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
        if self.busy or self.window.exporting:
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
            self.window.show_message(
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
