"""A case for a client list opened with no case open: asked of the office, then made.

``CaseForList.ask`` shows ``FirstCaseDialog`` (the case's name and how it is protected) without
blocking, and makes the case with the key chosen: kept on this computer, or from the passphrase
typed there. Where this computer refuses to keep the key, the same dialog comes back with the
name kept, the reason in the system's own words and only the passphrase left to choose; nothing
is made until a case can be. The case opened is remembered as the one to open next time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from noticedesk.core.case import CaseStore, KeyringKeySource, KeySource, PassphraseKeySource
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.gui.dialogs.first_case import FirstCaseDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession, create_case
from noticedesk.gui.shared.state import WindowState

Made = Callable[[CaseSession], None]
NotMade = Callable[[BaseException | None], None]  # None: the office cancelled


class CaseForList(QObject):
    """``dialog`` is the question open now (tests answer it); ``platform`` words the choice
    for another system (tests)."""

    def __init__(self, state: WindowState, host: WindowHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.dialog: FirstCaseDialog | None = None
        self.platform: str | None = None

    def ask(self, path: Path, made: Made, not_made: NotMade) -> None:
        try:
            existing = [c.name for c in CaseStore.list_cases(self.state.data_dir)]
        except OSError:
            existing = []  # creating says it if the name is taken after all
        dialog = FirstCaseDialog(path.name, existing, self.host.window(), platform=self.platform)

        def done(result: int) -> None:
            self.dialog = None
            if result != FirstCaseDialog.DialogCode.Accepted:
                dialog.deleteLater()
                not_made(None)
            elif self._make(dialog, made, not_made):
                dialog.deleteLater()
            else:  # asked again, the name kept, only a passphrase left to choose
                self.dialog = dialog
                dialog.open()

        self.dialog = dialog
        dialog.finished.connect(done)
        dialog.open()

    def _make(self, dialog: FirstCaseDialog, made: Made, not_made: NotMade) -> bool:
        """Make the case; False when the key cannot be kept on this computer (nothing made)."""
        passphrase = dialog.passphrase()
        key: KeySource = (
            KeyringKeySource() if passphrase is None else PassphraseKeySource(passphrase)
        )
        try:
            session = create_case(self.state.data_dir, dialog.case_name(), key)
        except SecretStoreUnavailable:
            dialog.key_cannot_be_kept_here()
            return False
        except Exception as exc:
            not_made(exc)
            return True
        self.state.settings.set_last_case(session.name)
        made(session)
        return True
