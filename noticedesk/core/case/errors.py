"""What can go wrong with a case, each as one sentence for the user (Japanese, then English)."""

from __future__ import annotations

from dataclasses import dataclass

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


class CaseDamaged(CaseError):
    """A part of the case file that opening needs (its meta or key rows) cannot be read."""

    def __init__(
        self,
        case_name: str,
        file_name: str,
        what_ja: str,
        what_en: str,
        hint: tuple[str, str] = (
            "バックアップがあればそこから戻してください。",
            "Restore the file from a backup if there is one.",
        ),
    ) -> None:
        super().__init__(
            f"事案「{case_name}」のファイル ({file_name}) の{what_ja}が壊れているため、開けません。"
            + hint[0],
            f"The case “{case_name}” cannot be opened: the {what_en} in its file ({file_name}) "
            f"is damaged. {hint[1]}",
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One place where the case file does not fit its seal: an entry of the log (``seq``), a
    client's row, a status, or the rows as a whole. Japanese and English."""

    message: str
    message_en: str
    seq: int | None = None

    def text(self, language: str = "ja") -> str:
        return self.message_en if language.startswith("en") else self.message


class CaseTampered(CaseError):
    """The case file does not fit its seal: changed outside NoticeDesk, or damaged.

    ``findings`` lists every place, the first one first; the sentence names the first.
    """

    def __init__(self, case_name: str, findings: list[Finding]) -> None:
        first = findings[0]
        more = len(findings) - 1
        super().__init__(
            f"事案「{case_name}」の記録が封印と合いません (NoticeDesk の外で書き換えられたか、"
            f"壊れています): {first.message}"
            + (f"ほか {more} 件。" if more else "")
            + "一覧は noticedesk log --verify で確かめられます。",
            f"The records of the case “{case_name}” do not fit their seal (changed outside "
            f"NoticeDesk, or damaged): {first.message_en}"
            + (f" And {more} more." if more else "")
            + " `noticedesk log --verify` lists them all.",
        )
        self.findings = list(findings)


@dataclass(frozen=True, slots=True)
class Holder:
    """Who has a case open, from the note each NoticeDesk leaves beside the file."""

    user: str
    host: str
    pid: int
    since: str  # local time, as written

    def describe(self, language: str = "ja") -> str:
        if language.startswith("en"):
            return f"{self.user} on {self.host} since {self.since}, process {self.pid}"
        return f"{self.user} さん、{self.host}、{self.since} から、プロセス {self.pid}"


class CaseInUse(CaseError):
    """Another program holds the case file's write lock beyond the short wait."""

    def __init__(self, case_name: str, holders: list[Holder], *, opening: bool = False) -> None:
        if holders:
            who_ja = "開いているのは: " + " / ".join(h.describe("ja") for h in holders[:3])
            who_en = "Open by: " + " / ".join(h.describe("en") for h in holders[:3])
        else:
            who_ja = "NoticeDesk 以外のプログラムが使っているかもしれません"
            who_en = "a program other than NoticeDesk may be using it"
        did_ja = "開けませんでした" if opening else "変更を保存できませんでした"
        did_en = "it could not be opened" if opening else "the change was not saved"
        super().__init__(
            f"事案「{case_name}」はほかで使用中のため、{did_ja} ({who_ja})。"
            "相手の作業が終わってから、もう一度お試しください。",
            f"The case “{case_name}” is in use elsewhere, so {did_en} ({who_en}). "
            "Try again once they have finished.",
        )
        self.holders = list(holders)
