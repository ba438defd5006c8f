"""What can go wrong with a case, each as one sentence for the user (Japanese, then English)."""

from __future__ import annotations

from noticedesk.core.user_error import UserError


class CaseError(UserError):
    """A case cannot be created, opened or changed. The message says what to do."""


class CaseNotFound(CaseError):
    """No case of that name (or no case at all) in the data folder."""


class WrongKey(CaseError):
    """The key offered does not open this case (base of the two errors a user can fix by retyping)."""


class WrongPassphrase(WrongKey):
    def __init__(self) -> None:
        super().__init__(
            "パスフレーズが違います。入力し直してください。",
            "The passphrase is wrong. Please type it again.",
        )


class WrongRecoveryCode(WrongKey):
    def __init__(self, message: str = "", message_en: str = "") -> None:
        super().__init__(
            message or "回復コードが違います。控えの用紙を確かめて入力し直してください。",
            message_en or "The recovery code is wrong. Check your paper copy and type it again.",
        )


class KeyMissing(CaseError):
    """This PC does not hold the key the case was protected with (another PC, a reinstall…)."""
