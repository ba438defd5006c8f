"""The Case menu's commands: new case, open a case, open with the recovery code, audit log; and
a new case's recovery code, shown once when that case becomes the open one.

A new case is protected as its dialog chose: its key kept on this computer (the system's own
store; where that fails, one dialog explains and takes a passphrase instead), or the passphrase
typed in the dialog. Cancelling the dialog says that no case was made. Keys for opening come
from the ``CaseOpener`` made here. After a case is opened with its recovery code, its key is
saved on this PC (``protect_with``): kept on this computer, or, where that is not possible,
under a passphrase chosen then, so the case opens normally from the next start. The place is
named in the system's words (``common.key_storage_text``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from noticedesk.core.case import (
    CaseError,
    CaseStore,
    CaseSummary,
    KeyringKeySource,
    KeySource,
    PassphraseKeySource,
    RecoveryCodeKeySource,
    SecretStoreUnavailable,
)
from noticedesk.core.documents.filenames import safe_name
from noticedesk.gui.case.opener import CaseOpener
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.common.key_storage_text import key_storage_name
from noticedesk.gui.dialogs.case_dialogs import (
    PASSPHRASE,
    NewCaseDialog,
    OpenCaseDialog,
    RecoveryCodeDialog,
    RecoveryOpenDialog,
)
from noticedesk.gui.dialogs.passphrase import PassphraseDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession, create_case, open_case
from noticedesk.gui.shared.state import WindowState


class CaseCommands(QObject):
    def __init__(self, state: WindowState, host: WindowHost, chooser: FileChooser) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.chooser = chooser
        self.opener = CaseOpener(state, host, self.recover)
        self.dialog: QDialog | None = None  # the dialog open now (tests answer it)
        self.recovery_dialog: RecoveryCodeDialog | None = None  # a new case's code, once
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_case)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.choose_case)
        self.recover_action = QAction(self)
        self.recover_action.triggered.connect(lambda: self.recover(None))
        self.audit_action = QAction(self)
        self.audit_action.triggered.connect(self.export_audit)
        state.session_changed.connect(self._show_recovery_code)

    @property
    def data_dir(self) -> Path:
        return self.state.data_dir

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addAction(self.recover_action)
        menu.addSeparator()
        menu.addAction(self.audit_action)

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New case…"))
        self.open_action.setText(self.tr("Open &case…"))
        self.recover_action.setText(self.tr("Open with the &recovery code…"))
        self.audit_action.setText(self.tr("Export the &audit log…"))

    def set_enabled(self, enabled: bool) -> None:
        """Off while a file is read or an export runs: the case must not change under them."""
        for action in (self.new_action, self.open_action, self.recover_action):
            action.setEnabled(enabled)
        self.audit_action.setEnabled(enabled and self.state.session is not None)

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(partial(self._forget, dialog))
        dialog.open()

    def _forget(self, dialog: QDialog, _result: int) -> None:
        # ``accepted`` may already have opened the next dialog: forget only this one.
        if self.dialog is dialog:
            self.dialog = None

    def _cases(self) -> list[CaseSummary]:
        try:
            return CaseStore.list_cases(self.data_dir)
        except OSError as exc:
            self.host.show_error(self.tr("The cases could not be listed"), exc)
            return []

    # -- new case --------------------------------------------------------------------------
    def new_case(self) -> None:
        dialog = NewCaseDialog([c.name for c in self._cases()], self.host.window())
        dialog.accepted.connect(partial(self._create_from, dialog))
        dialog.rejected.connect(
            lambda: self.host.show_status(self.tr("No case was created."), 8000)
        )
        self._show(dialog)

    def _create_from(self, dialog: NewCaseDialog) -> None:
        if dialog.protection.protection() == PASSPHRASE:
            self.create(dialog.case_name(), PassphraseKeySource(dialog.protection.value()))
        else:
            self.create(dialog.case_name(), KeyringKeySource())

    def create(self, name: str, key_source: KeySource | None = None) -> None:
        """Create the case (with ``key_source``, else the key kept on this computer), show
        it, and show its recovery code once."""
        try:
            session = create_case(self.data_dir, name, key_source or self.opener.key_source())
        except SecretStoreUnavailable as exc:
            # The key cannot be kept on this computer: one dialog explains it and takes a
            # passphrase, then again.
            self.opener.ask_new_passphrase(exc, partial(self.create, name))
            return
        except Exception as exc:
            self.host.show_error(self.tr("The case could not be created"), exc)
            return
        self._show_session(session)  # its recovery code is shown from session_changed

    def _show_session(self, session: CaseSession) -> None:
        self.state.set_session(session)
        self.state.settings.set_last_case(session.name)

    def _show_recovery_code(self, session: CaseSession | None) -> None:
        """Show a new case's recovery code once (then forget it: it is kept nowhere)."""
        if session is None or not session.recovery_code:
            return
        dialog = RecoveryCodeDialog(session.recovery_code, session.name, self.host.window())
        session.recovery_code = None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog = dialog
        dialog.open()

    # -- open a case -------------------------------------------------------------------------
    def choose_case(self) -> None:
        cases = self._cases()
        if not cases:
            self.host.show_message(
                QMessageBox.Icon.Information,
                self.tr("Open case"),
                self.tr("There is no case yet. Create one with Case → New case…"),
            )
            return
        session = self.state.session
        current = session.name if session is not None else None
        dialog = OpenCaseDialog(cases, current, self.host.window())
        dialog.accepted.connect(lambda: self.open_named(dialog.chosen_name() or ""))
        self._show(dialog)

    def open_named(self, name: str) -> None:
        if self.state.session is not None and self.state.session.name == name:
            return  # already open
        self.opener.open_named(name)

    # -- the recovery code -------------------------------------------------------------------
    def recover(self, name: str | None) -> None:
        cases = self._cases()
        if not cases:
            self.choose_case()  # says there is none
            return
        opened: dict[str, CaseSession] = {}

        def try_code(case_name: str, code: str) -> str:
            try:
                opened["session"] = open_case(self.data_dir, case_name, RecoveryCodeKeySource(code))
            except CaseError as exc:
                return exc.text(self.state.language)
            return ""

        dialog = RecoveryOpenDialog([c.name for c in cases], name, try_code, self.host.window())
        dialog.accepted.connect(lambda: self._recovered(opened["session"]))
        self._show(dialog)

    def _recovered(self, session: CaseSession) -> None:
        self._show_session(session)
        try:
            session.store.protect_with(KeyringKeySource())
        except SecretStoreUnavailable as exc:
            self._protect_with_passphrase(session, exc)
            return
        except Exception as exc:
            self.host.show_error(self.tr("The key could not be saved on this PC"), exc)
            return
        self.host.show_message(
            QMessageBox.Icon.Information,
            self.tr("Case opened"),
            self.tr(
                "The case was opened with its recovery code, and its key is now kept in %1: "
                "from now on it opens here by itself."
            ).replace("%1", key_storage_name()),
        )

    def _protect_with_passphrase(self, session: CaseSession, exc: SecretStoreUnavailable) -> None:
        dialog = PassphraseDialog(
            exc.text(self.state.language), new=True, parent=self.host.window()
        )

        def done(result: int) -> None:
            if result != PassphraseDialog.DialogCode.Accepted:
                return  # the case stays open; next time the code is needed again
            try:
                session.store.protect_with(PassphraseKeySource(dialog.value()))
            except Exception as error:
                self.host.show_error(self.tr("The key could not be saved on this PC"), error)
                return
            self.opener.use_passphrase(dialog.value())
            self.host.show_status(
                self.tr("The case is now protected by the passphrase on this PC."), 8000
            )

        dialog.finished.connect(done)
        self._show(dialog)

    # -- the audit log -----------------------------------------------------------------------
    def export_audit(self) -> None:
        session = self.state.session
        if session is None:
            return
        folder = self.state.settings.last_folder("audit") or Path.home()
        start = folder / (self.tr("audit-log") + f"_{safe_name(session.name)}.csv")
        self.chooser.choose_save_file(
            self.host.window(),
            self.tr("Export the audit log"),
            start,
            self.tr("CSV files (*.csv)"),
            partial(self._audit_to, session),
        )

    def _audit_to(self, session: CaseSession, path: Path) -> None:
        self.state.settings.set_last_folder("audit", path.parent)
        if path.exists():
            self.host.ask(
                QMessageBox.Icon.Question,
                self.tr("Overwrite?"),
                self.tr("%1 already exists. Overwrite it?").replace("%1", str(path)),
                self.tr("Overwrite"),
                partial(self._write_audit, session, path, True),
            )
            return
        self._write_audit(session, path, False)

    def _write_audit(self, session: CaseSession, path: Path, overwrite: bool) -> None:
        try:
            session.store.export_audit_csv(path, overwrite=overwrite)
        except Exception as exc:
            self.host.show_error(self.tr("The audit log could not be written"), exc)
            return
        self.host.show_status(self.tr("Audit log written to %1.").replace("%1", str(path)), 8000)
