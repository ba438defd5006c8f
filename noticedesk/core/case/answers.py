"""Clients' answers to the reply slip (回答書): joint report or their own, and who is still silent.

The cover letter asks each client whether the office may report for it (連名) or whether it
reports to the PPC itself, and encloses a reply slip. The answers come back by fax, phone,
e-mail, post or in person; staff record each one (``CaseStore.record_answers``) with the day it
came, how, and who took it. This module is pure: what an answer is, how it is told, who has
not answered, who is past the reply-by date, and which clients the regulator's list holds under
the office's rule for silence.

Decisions:
- **The tick follows the answer.** Recording ``individual`` ticks the client (個別報告),
  ``joint`` unticks it; the tick is still the one thing the documents and the list read.
  Withdrawing an answer puts the tick back to what it was before the first answer, unless
  someone changed the tick since (then the later change stands).
- **Silence.** A client who has not answered is 回答待ち. The office's rule for silence
  (``SilenceRule``, an incident field) decides the regulator's list: ``joint`` (the default)
  keeps such a client in the joint report as its tick says — the seed letter's reading: 「当法人
  から…一括報告をもって、お客様から個人情報保護委員会への報告を行う必要はございません」 and
  only 「個別にて…報告を行われる場合は…ご一報頂ければ幸いです」, so no word means joint.
  ``hold`` leaves a silent client out of the list until it answers (for an office that
  reports only for clients who confirmed). See ``docs/legal-basis.md``.
- The answer's date is the day the answer came (a fax dated yesterday is yesterday's), not the
  day it was typed in; the log keeps both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from noticedesk.core.clients import Client


class AnswerChoice(StrEnum):
    JOINT = "joint"  # include us in the office's joint report
    INDIVIDUAL = "individual"  # we report to the PPC ourselves

    @property
    def individual(self) -> bool:
        return self is AnswerChoice.INDIVIDUAL

    def label(self, language: str = "ja") -> str:
        ja, en = _CHOICE_LABELS[self]
        return en if language.startswith("en") else ja


class AnswerVia(StrEnum):
    FAX = "fax"
    PHONE = "phone"
    EMAIL = "email"
    POST = "post"
    VISIT = "visit"

    def label(self, language: str = "ja") -> str:
        ja, en = _VIA_LABELS[self]
        return en if language.startswith("en") else ja


class SilenceRule(StrEnum):
    """What the regulator's list does with a client that has not answered."""

    JOINT = "joint"  # in the joint report as its tick says (the seed letter's reading)
    HOLD = "hold"  # left out of the list until it answers

    def label(self, language: str = "ja") -> str:
        ja, en = _RULE_LABELS[self]
        return en if language.startswith("en") else ja


_CHOICE_LABELS = {
    AnswerChoice.JOINT: ("共同報告", "joint report"),
    AnswerChoice.INDIVIDUAL: ("個別報告", "reports itself"),
}
_VIA_LABELS = {
    AnswerVia.FAX: ("FAX", "fax"),
    AnswerVia.PHONE: ("電話", "phone"),
    AnswerVia.EMAIL: ("メール", "e-mail"),
    AnswerVia.POST: ("郵送", "post"),
    AnswerVia.VISIT: ("来所", "in person"),
}
_RULE_LABELS = {
    SilenceRule.JOINT: (
        "回答のない顧問先は共同報告に含める",
        "Clients who do not answer are in the joint report",
    ),
    SilenceRule.HOLD: (
        "回答のない顧問先は回答があるまで一覧に載せない",
        "Clients who do not answer stay off the list until they answer",
    ),
}


@dataclass(frozen=True, slots=True)
class Answer:
    """One client's answer as the case keeps it (sealed) and the log tells it."""

    choice: AnswerChoice
    day: dt.date  # the day the answer came
    via: AnswerVia
    taken_by: str  # who took it (the OS user unless typed)
    at: dt.datetime | None = None  # when it was recorded
    user: str = ""  # who recorded it
    before: bool | None = None  # the tick before the first answer (put back on withdrawal)

    def summary(self, language: str = "ja") -> str:
        """「個別報告（2023年7月30日 FAX、受付 高橋）」"""
        if language.startswith("en"):
            return (
                f"{self.choice.label('en')} ({self.day.isoformat()}, {self.via.label('en')}, "
                f"taken by {self.taken_by})"
            )
        day = f"{self.day.year}年{self.day.month}月{self.day.day}日"
        return f"{self.choice.label()}（{day} {self.via.label()}、受付 {self.taken_by}）"

    def to_mapping(self) -> dict[str, Any]:
        return {
            "choice": self.choice.value,
            "day": self.day.isoformat(),
            "via": self.via.value,
            "taken_by": self.taken_by,
            "at": self.at.isoformat() if self.at else None,
            "user": self.user,
            "before": self.before,
        }

    @classmethod
    def from_mapping(cls, data: Any) -> Answer:
        """Raises ValueError when ``data`` is not a stored answer."""
        try:
            at, before = data["at"], data["before"]
            return cls(
                choice=AnswerChoice(str(data["choice"])),
                day=dt.date.fromisoformat(str(data["day"])),
                via=AnswerVia(str(data["via"])),
                taken_by=str(data["taken_by"]),
                at=dt.datetime.fromisoformat(at) if at else None,
                user=str(data["user"]),
                before=bool(before) if before is not None else None,
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a stored answer: {exc}") from None


def parse_choice(text: str) -> AnswerChoice:
    """``joint`` / ``individual`` (also 共同, 個別); ValueError otherwise."""
    value = text.strip().lower()
    aliases = {"共同": "joint", "共同報告": "joint", "個別": "individual", "個別報告": "individual"}
    return AnswerChoice(aliases.get(value, value))


def parse_via(text: str) -> AnswerVia:
    """``fax`` ``phone`` ``email`` ``post`` ``visit`` (also e-mail, mail); ValueError otherwise."""
    value = text.strip().lower().replace("-", "")
    aliases = {"mail": "email", "tel": "phone", "inperson": "visit"}
    return AnswerVia(aliases.get(value, value))


def awaiting(keys: Iterable[str], answers: Mapping[str, Answer]) -> list[str]:
    """The clients (by key, in the order given) that have not answered."""
    return [key for key in keys if key not in answers]


def overdue(
    keys: Iterable[str],
    answers: Mapping[str, Answer],
    reply_by: dt.date | None,
    today: dt.date,
) -> list[str]:
    """The clients without an answer once the reply-by date has passed (the day itself still
    counts as in time); none while no reply-by date is set."""
    if reply_by is None or today <= reply_by:
        return []
    return awaiting(keys, answers)


def reminder_due(
    clients: Iterable[tuple[str, bool]],
    answers: Mapping[str, Answer],
    reply_by: dt.date | None,
    today: dt.date,
) -> list[str]:
    """The clients (key, reports individually) a reminder is written for: overdue, and not
    reporting individually. That choice is already known (the cover letter says so and sends
    no slip), so no letter says the office is still waiting for it."""
    return overdue([key for key, individual in clients if not individual], answers, reply_by, today)


def listed_clients(
    clients: Sequence[Client], answers: Mapping[str, Answer], rule: SilenceRule
) -> list[Client]:
    """The clients the regulator's list is made from under ``rule`` (see the module notes):
    every client with ``joint``; with ``hold``, only those that answered."""
    if rule is SilenceRule.JOINT:
        return list(clients)
    return [client for client in clients if client.key in answers]
