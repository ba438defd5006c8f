"""The case a client list needs when none is open: its name and how it is protected.

A list opened or dropped with no case open goes into a new case, and the office says, in plain
words, what that case is called and how it is kept: Case → New case's dialog (``NewCaseDialog``:
the name empty with an example, an incident and never the file's or a client's name; the key
kept on this computer, in the system's own words, or a passphrase), with a line on what the case
is for and on the recovery code to expect. Cancel leaves everything as it was; the caller says
the list was not imported.

``after_recovery_code(window, show)`` holds a message back while a new case's recovery code is
on screen: that dialog is shown once and must be read, so no error may open on top of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from noticedesk.gui.common.form_parts import hint
from noticedesk.gui.common.key_storage_text import key_storage_name
from noticedesk.gui.dialogs.case_dialogs import PASSPHRASE, NewCaseDialog, RecoveryCodeDialog


class FirstCaseDialog(NewCaseDialog):
    """Case → New case's question, said for a list: what the case is for, then its name (the
    same checks) and its protection, and the recovery code to expect."""

    def __init__(
        self,
        file_name: str,
        existing: Sequence[str],
        parent: QWidget | None = None,
        *,
        platform: str | None = None,
    ) -> None:
        super().__init__(existing, parent, platform=platform)
        self.setWindowTitle(self.tr("A case for this list"))
        self.setMinimumWidth(560)
        self._platform = platform
        intro = QLabel(
            self.tr(
                "To read in “%1”, NoticeDesk first makes a case: the record of this incident, "
                "its clients, what was sent and when. Name the case and choose how it is "
                "protected."
            ).replace("%1", file_name),
            self,
        )
        intro.setWordWrap(True)
        self.store_problem = QLabel(self)
        self.store_problem.setWordWrap(True)
        self.store_problem.setStyleSheet("color: #8a5a00;")
        self.store_problem.hide()
        code = hint(
            self.tr(
                "Once the case is made, its recovery code is shown once: write it on paper. "
                "It opens the case on another PC."
            ),
            self,
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, intro)
        layout.insertWidget(layout.indexOf(self.protection), self.store_problem)
        layout.insertWidget(layout.indexOf(self.protection) + 1, code)
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Make the case and import")
        )
        self.name.setFocus()

    def passphrase(self) -> str | None:
        """The passphrase chosen, or None when the key is to be kept on this computer."""
        return self.protection.value() if self.protection.protection() == PASSPHRASE else None

    def key_cannot_be_kept_here(self) -> None:
        """This computer refused to keep the key: only a passphrase is left to choose."""
        self.store_problem.setText(
            self.tr(
                "The key could not be kept in %1 (it may be locked or not set up). Protect "
                "the case with a passphrase instead; nothing was made yet."
            ).replace("%1", key_storage_name(self._platform))
        )
        self.store_problem.show()
        self.protection.passphrase_button.setChecked(True)
        self.protection.keep_button.setEnabled(False)


def after_recovery_code(window: QWidget, show: Callable[[], object]) -> None:
    """Run ``show`` now, or, while a new case's recovery code is on screen, once it is closed."""
    showing = [d for d in window.findChildren(RecoveryCodeDialog) if d.isVisible()]
    if not showing:
        show()
        return
    dialog = showing[-1]

    def closed(_result: int) -> None:
        dialog.finished.disconnect(closed)
        after_recovery_code(window, show)  # another code may be showing by then

    dialog.finished.connect(closed)
