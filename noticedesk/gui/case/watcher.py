"""Noticing that the open case was changed elsewhere: a second window, or the command line.

Every ``POLL_MS`` the watcher asks the store whether the file changed under it (a cheap
``PRAGMA data_version`` read that never waits); when it did, the case is read again and shown
afresh through the state, so the table, the counts and the problems follow what the file holds.
The store decides each write on what the file holds anyway (no tick is lost); this is so the
screen does not show a stale tick in the meantime.

Decisions:
- Not while a list is being read or an export runs: both change the case themselves, and the
  case is read again when they finish.
- The undo history is cleared with the new rows (state's ``session_changed``): an undo of a tick
  the other window changed since would undo the other's decision.
- A case that no longer fits its seal when read again is reported once, as any open would.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from noticedesk.core.case import CaseError
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState

POLL_MS = 2000


class CaseWatcher(QObject):
    def __init__(self, state: WindowState, host: WindowHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Read the case again if it changed elsewhere; True when it did."""
        state = self.state
        session = state.session
        if session is None or state.busy or state.exporting:
            return False
        store = session.store
        if not store.changed_outside():
            return False
        try:
            store.reload()
        except CaseError as exc:
            self.timer.stop()  # said once; the case is read-only until looked at
            self.host.show_error(
                QCoreApplication.translate("CaseWatcher", "The case changed elsewhere"), exc
            )
        state.set_session(session)  # the same case, shown afresh
        self.host.show_status(
            QCoreApplication.translate(
                "CaseWatcher",
                "The case was changed in another window or program; shown as it is now.",
            ),
            8000,
        )
        return True
