"""The office's decisions on the roster's blocking problems, and what the case's clients become.

A roster imported with errors is kept with the case (``RosterIssue``, each with a stable
``id``). The office may decide each error where it sees it (the window's problems list, or
``noticedesk case resolve``) instead of correcting the file; the decision is kept in the case,
sealed, and logged (``deciding``). This module is pure: what may be decided, which problems
a decision settles, and what the case's clients are given the roster and the decisions.

Decisions (``Decision``):
- ``joint`` / ``individual``: the answer to an unreadable 個別報告 cell. The client's tick is
  set to it when decided, and the roster's answer is read as that answer from then on (a
  re-import of the same file lists no disagreement).
- ``name``: the name of a row without one. The row becomes a client with that name (the
  importer reads nothing else of a row without a name, so the client has only its name and
  row; a file corrected and imported again brings every value).
- ``exclude``: the row is left out of this case: not in the table, the export or the
  regulator's list. Every problem of that row is settled by it.
- ``keep_both``: two rows the rules call repeated are two clients. Identity: a client is its
  code, else its name and address (``Client.key``). When the later row has the same code as an
  earlier one, the later one is keyed by its name and address in this case, and its code is
  left blank there (the code stays the earlier row's); ``Resolution.dropped_code`` says so.
  Two rows with the same name, address and no code cannot be told apart: ``keep_both`` is
  refused for them. It settles every repeat problem of its row.

Identity of repeated rows: the first row with an identity has it; a later row with the same
identity (and no ``keep_both`` that parts it) is *held*: not a client of the case until the
office decides. Its problem blocks the export meanwhile, as every undecided error does.

Ids and re-imports: a decision names its problem by ``RosterIssue.id``, which is the same for
the same problem at the same place (code, row, column, message), so a re-import of the same
file finds every decision again; a re-import of a corrected file drops the decisions whose
problems are gone (the import's log entry lists them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from noticedesk.core.case.records import RosterIssue
from noticedesk.core.clients import Client, Issue, Severity

REPEATS = frozenset({"duplicate_code", "duplicate_client"})


class Decision(StrEnum):
    JOINT = "joint"
    INDIVIDUAL = "individual"
    NAME = "name"
    EXCLUDE = "exclude"
    KEEP_BOTH = "keep_both"

    @property
    def is_tick(self) -> bool:
        return self in (Decision.JOINT, Decision.INDIVIDUAL)


_LABELS: dict[Decision, tuple[str, str]] = {
    Decision.JOINT: ("共同報告にする", "Joint report"),
    Decision.INDIVIDUAL: ("個別報告にする", "Reports individually"),
    Decision.NAME: ("名称を入力", "Name entered"),
    Decision.EXCLUDE: ("この行を今回は除く", "Row left out of this case"),
    Decision.KEEP_BOTH: ("両方残す", "Both kept"),
}


@dataclass(frozen=True, slots=True)
class Resolution:
    """One decision on one problem, as the case keeps it (sealed) and the log tells it."""

    issue_id: str
    decision: Decision
    row: int | None  # the problem's row, as Excel shows it
    name: str = ""  # the name entered (``name``)
    before: bool | None = None  # the tick before a ``joint``/``individual`` decision
    dropped_code: str = ""  # ``keep_both``: the code this row does not use in the case
    at: dt.datetime | None = None
    user: str = ""

    def label(self, language: str = "ja") -> str:
        """What was decided, in a few words: 「両方残す」, 「名称を「…」とする」."""
        ja, en = _LABELS[self.decision]
        if self.decision is Decision.NAME:
            ja, en = f"名称を「{self.name}」とする", f"Name entered: “{self.name}”"
        return en if language.startswith("en") else ja

    def effect(self, language: str = "ja") -> str:
        """What the decision does to the case, in one sentence."""
        en = language.startswith("en")
        row = self.row
        if self.decision.is_tick:
            report = (
                ("individually", "個別報告")
                if self.decision is Decision.INDIVIDUAL
                else ("in the joint report", "共同報告")
            )
            if en:
                return f"The client on row {row} reports {report[0]}."
            return f"行 {row} の顧問先は{report[1]}です。"
        if self.decision is Decision.NAME:
            if en:
                return (
                    f"Row {row} is a client named “{self.name}” in this case (only its name: "
                    "the other values of a row without a name are not read)."
                )
            return (
                f"行 {row} は、この事案では「{self.name}」という顧問先です（名称のない行は他の値を"
                "読み込んでいないため、名称だけの顧問先です）。"
            )
        if self.decision is Decision.EXCLUDE:
            if en:
                return (
                    f"Row {row} is left out of this case: not in the table, the documents or "
                    "the regulator's list."
                )
            return f"行 {row} はこの事案に含めません（一覧・書類・報告用の一覧に入りません）。"
        if self.dropped_code:
            if en:
                return (
                    f"Both rows are clients. The client on row {row} is told apart by its name "
                    f"and address in this case; the code “{self.dropped_code}” stays with the "
                    "other row."
                )
            return (
                f"両方とも顧問先です。行 {row} の顧問先は、この事案ではコード「{self.dropped_code}」"
                "を使わず、名称と所在地で見分けます（コードはもう一方の行のものとします）。"
            )
        return "Both rows are clients." if en else "両方とも別の顧問先です。"

    def to_mapping(self) -> dict[str, Any]:
        return {
            "issue": self.issue_id,
            "decision": self.decision.value,
            "row": self.row,
            "name": self.name,
            "before": self.before,
            "dropped_code": self.dropped_code,
            "at": self.at.isoformat() if self.at else None,
            "user": self.user,
        }

    @classmethod
    def from_mapping(cls, data: Any) -> Resolution:
        """Raises ValueError when ``data`` is not a stored decision."""
        try:
            row, before, at = data["row"], data["before"], data["at"]
            return cls(
                issue_id=str(data["issue"]),
                decision=Decision(str(data["decision"])),
                row=int(row) if row is not None else None,
                name=str(data["name"]),
                before=bool(before) if before is not None else None,
                dropped_code=str(data["dropped_code"]),
                at=dt.datetime.fromisoformat(at) if at else None,
                user=str(data["user"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a stored decision: {exc}") from None


def choices(issue: Issue) -> tuple[Decision, ...]:
    """What the office may decide about ``issue``: errors of one row only (a warning does not
    block; a file-wide problem has no row to decide on)."""
    if issue.severity is not Severity.ERROR or issue.row is None:
        return ()
    if issue.code == "answer_unknown":
        return (Decision.JOINT, Decision.INDIVIDUAL, Decision.EXCLUDE)
    if issue.code == "missing_name":
        return (Decision.NAME, Decision.EXCLUDE)
    if issue.code in REPEATS:
        return (Decision.EXCLUDE, Decision.KEEP_BOTH)
    return (Decision.EXCLUDE,)


def settled_by(kept: RosterIssue, resolutions: Mapping[str, Resolution]) -> Resolution | None:
    """The decision that settles ``kept``: its own, else one of its row that settles every
    problem of the row (``exclude``), or every repeat of it (``keep_both``)."""
    own = resolutions.get(kept.id)
    if own is not None:
        return own
    row = kept.issue.row
    if row is None:
        return None
    for resolution in resolutions.values():
        if resolution.row != row:
            continue
        if resolution.decision is Decision.EXCLUDE:
            return resolution
        if resolution.decision is Decision.KEEP_BOTH and kept.issue.code in REPEATS:
            return resolution
    return None


def unsettled_errors(
    issues: Sequence[RosterIssue], resolutions: Mapping[str, Resolution]
) -> list[RosterIssue]:
    """The errors no decision settles: what blocks the export."""
    return [kept for kept in issues if kept.is_error and settled_by(kept, resolutions) is None]


def still_current(
    resolutions: Mapping[str, Resolution], issues: Sequence[RosterIssue]
) -> tuple[dict[str, Resolution], list[Resolution]]:
    """The decisions whose problems ``issues`` still has, and those it has not (dropped)."""
    ids = {kept.id for kept in issues}
    kept = {k: r for k, r in resolutions.items() if k in ids}
    dropped = [r for k, r in resolutions.items() if k not in ids]
    return kept, dropped


@dataclass(frozen=True, slots=True)
class CaseRows:
    """What the case's clients are: ``clients`` in file order, ``held`` the rows left out
    because an earlier row has their identity and nothing parts them."""

    clients: list[Client]
    held: list[Client]

    def held_rows(self) -> set[int]:
        return {client.row for client in self.held}


def case_rows(file_clients: Sequence[Client], resolutions: Iterable[Resolution]) -> CaseRows:
    """The case's clients made of the roster's (``file_clients``, as the file has them) and
    the decisions (see the module notes)."""
    excluded: set[int] = set()
    parted: set[int] = set()
    answers: dict[int, bool] = {}
    names: dict[int, str] = {}
    for resolution in resolutions:
        row = resolution.row
        if row is None:
            continue
        if resolution.decision is Decision.EXCLUDE:
            excluded.add(row)
        elif resolution.decision is Decision.KEEP_BOTH:
            parted.add(row)
        elif resolution.decision.is_tick:
            answers[row] = resolution.decision is Decision.INDIVIDUAL
        elif resolution.decision is Decision.NAME:
            names[row] = resolution.name
    rows = [client for client in file_clients if client.row not in excluded]
    read = {client.row for client in file_clients}
    rows += [
        Client(row=row, name=name)
        for row, name in names.items()
        if row not in excluded and row not in read
    ]
    rows.sort(key=lambda client: client.row)
    taken: set[str] = set()
    clients: list[Client] = []
    held: list[Client] = []
    for client in rows:
        if client.row in answers:
            client = replace(client, individual=answers[client.row])
        if client.key in taken and client.row in parted and client.code:
            client = replace(client, code="")
        if client.key in taken:
            held.append(client)
            continue
        taken.add(client.key)
        clients.append(client)
    return CaseRows(clients, held)


__all__ = [
    "REPEATS",
    "CaseRows",
    "Decision",
    "Resolution",
    "case_rows",
    "choices",
    "settled_by",
    "still_current",
    "unsettled_errors",
]
