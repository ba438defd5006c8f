"""What the window's parts share, in one object with signals.

``WindowState`` holds the open case (a ``CaseSession`` or None), the task runner, the window's
settings, the interface language, the day it is (tests fix it), whether a client list is being
read (``busy``) and whether an export runs (``exporting``).

Decisions:
- **Changed through the state, announced by the state.** A part that opens a case, starts an
  export or saves the incident calls the state's setter; the state sends one signal, and each
  view that shows it subscribes (the table and title to ``session_changed``, the busy bar to
  ``busy_changed``, the deadlines to ``incident_changed``…). No part calls another to say the
  case changed, so a new view needs no change in the part that made the change.
- A flag's signal is sent only when the flag changes; ``session_changed`` every time a case is
  set, because setting the same case again means "show it afresh" (after a re-import).
- The state closes the case it replaces: the only place a case is let go while the window runs.
- Saving the office profile and the incident goes through the state (``save_office``,
  ``set_incident``), which writes them to the case and then announces them; a failed write
  raises and announces nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import TaskRunner
from noticedesk.gui.shared.session import CaseSession


class WindowState(QObject):
    session_changed = Signal(object)  # the CaseSession now open, or None
    busy_changed = Signal(bool)  # a client list is being read and imported
    exporting_changed = Signal(bool)  # an export is writing files
    language_changed = Signal(str)  # "ja" or "en"
    office_changed = Signal()  # the office profile was saved
    incident_changed = Signal()  # the incident was saved

    def __init__(
        self,
        settings: WindowSettings,
        runner: TaskRunner,
        *,
        session: CaseSession | None = None,
        language: str = "ja",
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.today = today
        self._session = session
        self._language = language
        self._busy = False
        self._exporting = False

    @property
    def data_dir(self) -> Path:
        """The data folder: the cases, the office profile and the settings file live in it."""
        return self.settings.path.parent

    # -- the open case -----------------------------------------------------------------------
    @property
    def session(self) -> CaseSession | None:
        return self._session

    def set_session(self, session: CaseSession | None) -> None:
        """Make ``session`` the open case (closing the one it replaces) and announce it."""
        if self._session is not None and self._session is not session:
            self._session.close()
        self._session = session
        self.session_changed.emit(session)

    def save_office(self, profile: OfficeProfile) -> None:
        """Write the office profile (raises if it cannot be written), then announce it."""
        if self._session is None:
            return
        self._session.save_office(profile)
        self.office_changed.emit()

    def set_incident(self, incident: Incident) -> None:
        """Write the incident into the open case (raises if it cannot), then announce it."""
        if self._session is None:
            return
        self._session.set_incident(incident)
        self.incident_changed.emit()

    # -- flags -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A client list is being read: the case must not change under it."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @property
    def exporting(self) -> bool:
        """An export is writing files: no tick, import or other case until it is recorded."""
        return self._exporting

    def set_exporting(self, exporting: bool) -> None:
        if exporting != self._exporting:
            self._exporting = exporting
            self.exporting_changed.emit(exporting)

    def why_busy(self) -> str:
        """What a change to the case must wait for, in the user's words ("" when nothing)."""
        if self._busy:
            return QCoreApplication.translate("MainWindow", "Still reading the previous file…")
        if self._exporting:
            return QCoreApplication.translate(
                "MainWindow", "Please wait until the export has finished."
            )
        return ""

    # -- language --------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Use ``language`` for messages from now on, and remember it for the next start."""
        self._language = language
        self.settings.set_language(language)
        self.language_changed.emit(language)
