"""Which case the window starts on, and with which key.

Normal start: the case opened last, with its key from the OS credential store. Where the store is
missing or locked (SecretStoreUnavailable), one dialog explains it and asks for a passphrase,
which is then used for the rest of the session (never stored). A case protected by a passphrase
asks for it directly. ``--demo`` opens the bundled sample with a throwaway key. Every dialog is
shown with ``open()``; the next step runs from its ``finished`` signal.

A case for a client list opened with no case open is not made here: the office names it and
chooses its protection first (``clients.new_case``). A failure to open is told once a new
case's recovery code is off the screen, never on top of it.

Which key opens a case is the core's rule (``needs_passphrase``), as the command line applies
it: the session's passphrase opens only a case a passphrase protects; a case the credential
store protects opens from the store, or, while the store is unavailable, not at all (a
passphrase cannot stand in for its key: the recovery code can).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from noticedesk.core.case import (
    KeyMissing,
    KeyringKeySource,
    KeySource,
    PassphraseKeySource,
    WrongPassphrase,
)
from noticedesk.core.case.index import case_to_open, needs_passphrase
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.core.user_error import error_text
from noticedesk.gui.dialogs.first_case import after_recovery_code
from noticedesk.gui.dialogs.passphrase import PassphraseDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession, open_case
from noticedesk.gui.shared.state import WindowState

Next = Callable[[], None]


class CaseOpener:
    """Opens cases with the key each needs; ``recover(name)`` offers the recovery code."""

    # What the window hands the list loading to make a case for a list without asking; None:
    # the office is asked (``clients.new_case``). Tests give the window a factory instead.
    new_session_for: Callable[[Path], CaseSession] | None = None

    def __init__(
        self, state: WindowState, host: WindowHost, recover: Callable[[str], None]
    ) -> None:
        self.state = state
        self.host = host
        self._recover = recover
        self._passphrase: str | None = None
        self.dialog: PassphraseDialog | None = None

    @property
    def data_dir(self) -> Path:
        return self.state.data_dir

    def use_passphrase(self, passphrase: str) -> None:
        """Use ``passphrase`` for the rest of this session (kept in memory only)."""
        self._passphrase = passphrase

    def key_source(self) -> KeySource:
        """The key for a new case: the session's passphrase once there is one, else the
        credential store."""
        if self._passphrase is not None:
            return PassphraseKeySource(self._passphrase)
        return KeyringKeySource()

    def _key_to_open(self, name: str) -> KeySource:
        """The key the case ``name`` needs: the core's rule, as the command line applies it."""
        if self._passphrase is not None and needs_passphrase(case_to_open(self.data_dir, name)):
            return PassphraseKeySource(self._passphrase)
        return KeyringKeySource()

    # -- the case opened last ------------------------------------------------------------
    def open_last(self, then: Next) -> None:
        try:
            summary = case_to_open(self.data_dir)
        except Exception as exc:
            self.report_failure(exc, then)
            return
        if summary is None:
            then()
            return
        self.open_named(summary.name, then)

    def open_named(self, name: str, then: Next | None = None) -> None:
        """Open the case ``name`` (Case → Open case…), asking for what it needs."""
        after = then or (lambda: None)
        # The core's rule, as the command line applies it: which key this case needs.
        if needs_passphrase(case_to_open(self.data_dir, name)) and self._passphrase is None:
            self._ask(name, "", new=False, then=after)
            return
        self._try_open(name, after)

    def _try_open(self, name: str, then: Next) -> None:
        try:
            session = open_case(self.data_dir, name, self._key_to_open(name))
        except SecretStoreUnavailable as exc:
            if self._passphrase is not None:
                # Asked once already: a passphrase does not open a case the store protects.
                self.report_failure(exc, then)
                return
            self._ask(name, exc.text(self.state.language), new=False, then=then)
            return
        except WrongPassphrase as exc:
            self._passphrase = None
            self._ask(name, "", new=False, then=then, error=exc.text(self.state.language))
            return
        except KeyMissing as exc:
            # Another PC, or a reinstalled one: the way in is the recovery code.
            self.host.ask(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("CaseOpener", "The case could not be opened"),
                exc.text(self.state.language),
                QCoreApplication.translate("CaseOpener", "Open with the recovery code…"),
                partial(self._recover, name),
            )
            then()
            return
        except Exception as exc:
            self.report_failure(exc, then)
            return
        self.state.set_session(session)
        self.state.settings.set_last_case(session.name)
        then()

    def _ask(self, name: str, explanation: str, *, new: bool, then: Next, error: str = "") -> None:
        if not explanation:
            explanation = QCoreApplication.translate(
                "CaseOpener", "The case “%1” is protected by a passphrase."
            ).replace("%1", name)
        dialog = PassphraseDialog(explanation, new=new, error=error, parent=self.host.window())
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            if result != PassphraseDialog.DialogCode.Accepted:
                if not new:
                    then()  # the window stays empty; the user can still open a file
                return
            self._passphrase = dialog.value()
            if new:
                then()
            else:
                self._try_open(name, then)

        dialog.finished.connect(done)
        dialog.open()

    # -- a new case's key where the credential store refuses it ----------------------------
    def ask_new_passphrase(self, exc: SecretStoreUnavailable, then: Next) -> None:
        """The store refused the new case's key: explain, take a passphrase, then retry."""
        self._ask("", exc.text(self.state.language), new=True, then=then)

    def report_failure(self, exc: BaseException, then: Next) -> None:
        text = error_text(exc, self.state.language)
        after_recovery_code(
            self.host.window(),
            lambda: self.host.show_message(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("CaseOpener", "The case could not be opened"),
                text,
            ),
        )
        then()
