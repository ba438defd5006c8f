"""Which case the window starts on, and with which key.

Normal start: the case opened last, with its key from the OS credential store. Where the store is
missing or locked (SecretStoreUnavailable), one dialog explains it and asks for a passphrase,
which is then used for the rest of the session (never stored). A case protected by a passphrase
asks for it directly. ``--demo`` opens the bundled sample with a throwaway key. Every dialog is
shown with ``open()``; the next step runs from its ``finished`` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from noticedesk.core.case.index import case_to_open, needs_passphrase
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.gui.case_session import CaseSession, case_name_for, create_case, open_case
from noticedesk.gui.main_window import MainWindow
from noticedesk.gui.passphrase_dialog import PassphraseDialog

Next = Callable[[], None]


class CaseOpener:
    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        self.window = window
        self.data_dir = Path(data_dir)
        self._passphrase: str | None = None
        self.dialog: PassphraseDialog | None = None
        window._new_session_for = self.new_session_for

    def use_passphrase(self, passphrase: str) -> None:
        """Use ``passphrase`` for the rest of this session (kept in memory only)."""
        self._passphrase = passphrase

    def key_source(self) -> Any:
        from noticedesk.core.case import KeyringKeySource, PassphraseKeySource

        if self._passphrase is not None:
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
        from noticedesk.core.case import KeyMissing, WrongPassphrase

        try:
            session = open_case(self.data_dir, name, self.key_source())
        except SecretStoreUnavailable as exc:
            self._ask(name, exc.text(self.window.language), new=False, then=then)
            return
        except WrongPassphrase as exc:
            self._passphrase = None
            self._ask(name, "", new=False, then=then, error=exc.text(self.window.language))
            return
        except KeyMissing as exc:
            # Another PC, or a reinstalled one: the way in is the recovery code.
            self.window.ask(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("CaseOpener", "The case could not be opened"),
                exc.text(self.window.language),
                QCoreApplication.translate("CaseOpener", "Open with the recovery code…"),
                partial(self.window.case_commands.recover, name),
            )
            then()
            return
        except Exception as exc:
            self.report_failure(exc, then)
            return
        self.window.set_session(session)
        self.window.settings.set_last_case(session.name)
        then()

    def _ask(self, name: str, explanation: str, *, new: bool, then: Next, error: str = "") -> None:
        if not explanation:
            explanation = QCoreApplication.translate(
                "CaseOpener", "The case “%1” is protected by a passphrase."
            ).replace("%1", name)
        dialog = PassphraseDialog(explanation, new=new, error=error, parent=self.window)
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

    # -- a new case for a file when none is open -------------------------------------------
    def ask_new_passphrase(self, exc: SecretStoreUnavailable, then: Next) -> None:
        """The store refused the new case's key: explain, take a passphrase, then retry."""
        self._ask("", exc.text(self.window.language), new=True, then=then)

    def new_session_for(self, path: Path) -> CaseSession:
        session = create_case(self.data_dir, case_name_for(path), self.key_source())
        self.window.settings.set_last_case(session.name)
        return session

    def report_failure(self, exc: BaseException, then: Next) -> None:
        text = getattr(exc, "text", None)
        message = text(self.window.language) if callable(text) else str(exc)
        self.window.show_message(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("CaseOpener", "The case could not be opened"),
            message,
        )
        then()
