"""Making and withdrawing a decision on a roster problem, inside one write transaction.

Both work the case's clients out again from the roster as the file had it (``files``, the
store's copy of ``decision_records.ROSTER_ROWS``) and every decision
(``resolutions.case_rows``), exactly as an import of the same file would, and write what
differs (``importing.write_clients``); the decision is kept as a sealed record
(``decision_records``) and logged (``resolve`` / ``withdraw``), in the same transaction.

Decisions:
- Only what ``resolutions.choices`` offers for the problem may be decided, and a problem
  settled by another decision on its row (the row left out) is refused with that decision
  named: withdraw it first.
- Deciding a problem again replaces its decision (one log entry says from what to what).
- A decision that would make two clients of the case one (a name or a kept row whose
  identity another client has) is refused, naming the other row.
- Withdrawing puts the case back as the roster alone makes it: a row left out comes back
  with its tick and statuses, a named or kept row leaves (kept, not present, as any client a
  roster drops), and a tick the decision set goes back to what it was, unless it was changed
  since.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from noticedesk.core.case import decision_records
from noticedesk.core.case.audit import current_user
from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.errors import CaseError
from noticedesk.core.case.importing import write_clients
from noticedesk.core.case.ledger import Ledger
from noticedesk.core.case.merge import RosterMerge, StoredClient
from noticedesk.core.case.records import RosterIssue, client_label, now
from noticedesk.core.case.resolutions import (
    CaseRows,
    Decision,
    Resolution,
    case_rows,
    choices,
    settled_by,
)
from noticedesk.core.clients import Client


@dataclass(frozen=True, slots=True)
class Decided:
    merge: RosterMerge[bytes]
    resolutions: dict[str, Resolution]  # every decision now
    resolution: Resolution  # the decision made, or the one withdrawn


def find_issue(issues: Sequence[RosterIssue], issue_id: str) -> RosterIssue:
    """The problem ``issue_id`` names; a unique start of an id will do (as typed)."""
    wanted = issue_id.strip().lower()
    found = [kept for kept in issues if kept.id == wanted]
    if not found and len(wanted) >= 4:
        found = [kept for kept in issues if kept.id.startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CaseError(
            f"「{issue_id}」という問題は、この事案の顧問先一覧にありません "
            "(一覧を取り込み直すと、直された問題は消えます)。",
            f"The case's client list has no problem “{issue_id}” (problems a corrected list "
            "no longer has are gone).",
        )
    raise CaseError(
        f"「{issue_id}」で始まる問題が複数あります。番号をもっと長く指定してください。",
        f"Several problems start with “{issue_id}”; give more of the id.",
    )


@dataclass(frozen=True, slots=True)
class CaseNow:
    """What a decision is made on, inside its write transaction: the case as stored."""

    tx: Ledger
    cipher: FieldCipher
    rows: Mapping[bytes, StoredClient]  # the case's rows, decrypted
    files: Sequence[Client]  # the roster's clients as the file had them
    issues: Sequence[RosterIssue]
    resolutions: Mapping[str, Resolution]

    def tick_of(self, client: Client | None) -> bool | None:
        """The case's tick of ``client`` (None: not a client of the case)."""
        if client is None:
            return None
        stored = self.rows.get(self.cipher.lookup_id(client.key))
        return stored.individual if stored is not None else None

    def write(
        self,
        resolutions: Mapping[str, Resolution],
        ticks: Mapping[str, bool] | None = None,
    ) -> tuple[CaseRows, RosterMerge[bytes]]:
        """The case's clients as the file and ``resolutions`` make them, written; ``ticks``
        sets the tick of clients by ``Client.key``."""
        after = case_rows(self.files, resolutions.values())
        by_id = {self.cipher.lookup_id(key): value for key, value in (ticks or {}).items()}
        return after, write_clients(self.tx, self.cipher, self.rows, after, ticks=by_id)


def resolve(case: CaseNow, issue_id: str, decision: Decision, name: str = "") -> Decided:
    kept = find_issue(case.issues, issue_id)
    row = kept.issue.row
    if decision not in choices(kept.issue):
        raise _not_offered(kept, decision)
    settled = settled_by(kept, case.resolutions)
    if settled is not None and settled.issue_id != kept.id:
        raise CaseError(
            f"この問題は、行 {settled.row} についての決定「{settled.label()}」で解決済みです。"
            "変えるには、まずその決定を取り消してください。",
            f"This problem is settled by the decision on row {settled.row} "
            f"(“{settled.label('en')}”); withdraw that decision first to change it.",
        )
    name = name.strip()  # as typed inside (a full-width space is part of many names)
    if decision is Decision.NAME and not name:
        raise CaseError("名称を入力してください。", "Please enter the name.")
    before = case_rows(case.files, case.resolutions.values())
    prior = case.resolutions.get(kept.id)
    tick_before = None
    if decision.is_tick:  # put back on withdrawal: the tick before the first such decision
        tick_before = prior.before if prior and prior.decision.is_tick else None
        tick_before = case.tick_of(_client_on(before, row)) if prior is None else tick_before
    made = Resolution(
        kept.id,
        decision,
        row,
        name=name if decision is Decision.NAME else "",
        before=tick_before,
        at=now(),
        user=current_user(),
    )
    resolutions = {**case.resolutions, kept.id: made}
    after = case_rows(case.files, resolutions.values())
    _refuse_what_merges_clients(before, after, made)
    if decision is Decision.KEEP_BOTH:
        made = replace(made, dropped_code=_dropped_code(case.files, after, row))
        resolutions[kept.id] = made
    client = _client_on(after, row)
    ticks = {client.key: decision is Decision.INDIVIDUAL} if decision.is_tick and client else {}
    after, merge = case.write(resolutions, ticks)
    tx, cipher = case.tx, case.cipher
    if tx.record(decision_records.ROSTER_ROWS) is None:  # imported before decisions existed
        tx.put_record(
            decision_records.ROSTER_ROWS, decision_records.seal_roster_rows(cipher, case.files)
        )
    tx.put_record(*decision_records.seal_resolution(cipher, made))
    tx.audit("resolve", _details(kept, made, prior, _named(after, case.files, row)))
    return Decided(merge, resolutions, made)


def withdraw(case: CaseNow, issue_id: str) -> Decided:
    kept = find_issue(case.issues, issue_id)
    prior = case.resolutions.get(kept.id)
    if prior is None:
        raise CaseError(
            "この問題にはまだ決定がありません。",
            "There is no decision on this problem to withdraw.",
        )
    remaining = {k: r for k, r in case.resolutions.items() if k != kept.id}
    client = _client_on(case_rows(case.files, remaining.values()), prior.row)
    ticks = {}
    decided = prior.decision is Decision.INDIVIDUAL
    if prior.decision.is_tick and prior.before is not None and case.tick_of(client) == decided:
        assert client is not None
        ticks[client.key] = prior.before  # the tick it had, unless changed since the decision
    after, merge = case.write(remaining, ticks)
    case.tx.delete_record(decision_records.resolution_name(case.cipher, kept.id))
    case.tx.audit("withdraw", _details(kept, prior, None, _named(after, case.files, prior.row)))
    return Decided(merge, remaining, prior)


def _client_on(made: CaseRows, row: int | None) -> Client | None:
    return next((c for c in made.clients if c.row == row), None)


def _named(made: CaseRows, files: Sequence[Client], row: int | None) -> Client | None:
    """Whom the log names for a row: the case's client there, else the file's."""
    return _client_on(made, row) or next((c for c in files if c.row == row), None)


def _dropped_code(files: Sequence[Client], after: CaseRows, row: int | None) -> str:
    """The code a kept row no longer uses in the case ("" when it keeps its own)."""
    original = next((c for c in files if c.row == row), None)
    client = _client_on(after, row)
    if original is None or client is None or client.code == original.code:
        return ""
    return original.code


def _refuse_what_merges_clients(before: CaseRows, after: CaseRows, made: Resolution) -> None:
    """A decision may not leave a client out because another has its identity now."""
    newly_held = after.held_rows() - before.held_rows()
    if made.decision in (Decision.NAME, Decision.KEEP_BOTH) and made.row in after.held_rows():
        newly_held.add(made.row)
    if not newly_held:
        return
    held = next(c for c in after.held if c.row in newly_held)
    other = next((c for c in after.clients if c.key == held.key), None)
    other_row = other.row if other is not None else "?"
    if made.decision is Decision.KEEP_BOTH:
        raise CaseError(
            f"行 {made.row} は行 {other_row} と事業所名・所在地が同じで、顧問先コードもないため、"
            "別の顧問先として残せません。どちらかを今回は除くか、一覧でコードを付けて取り込み直して"
            "ください。",
            f"Row {made.row} has the same name and address as row {other_row} and no client "
            "code, so the two cannot be kept as two clients. Leave one out, or give them codes "
            "in the list and import it again.",
        )
    rows = "、".join(f"行 {r}" for r in sorted(newly_held))
    rows_en = ", ".join(str(r) for r in sorted(newly_held))
    raise CaseError(
        f"この決定では、{rows} の顧問先が行 {other_row} の顧問先と見分けられなくなります "
        "(顧問先コード、コードがなければ事業所名と所在地が同じ)。別の名称にするか、一覧を直して"
        "ください。",
        f"With this decision the client on row(s) {rows_en} could not be told apart from the "
        f"one on row {other_row} (same client code, or without one the same name and "
        "address). Choose another name, or correct the list.",
    )


def _not_offered(kept: RosterIssue, decision: Decision) -> CaseError:
    offered = choices(kept.issue)
    if not offered:
        return CaseError(
            "この問題は決定では解決できません (警告は書き出しを止めません。ファイル全体の問題は"
            "ファイルを直して取り込み直してください)。",
            "This problem cannot be settled by a decision (a warning does not stop the export; "
            "a problem of the whole file is fixed in the file).",
        )
    return CaseError(
        "この問題に選べる決定: " + "、".join(_label(d, "ja") for d in offered) + "。",
        "The decisions this problem offers: " + ", ".join(_label(d, "en") for d in offered) + ".",
    )


def _label(decision: Decision, language: str) -> str:
    return Resolution("", decision, None, name="…").label(language)


def _details(
    kept: RosterIssue,
    resolution: Resolution,
    replaced: Resolution | None,
    client: Client | None,
) -> dict[str, Any]:
    issue = kept.issue
    details: dict[str, Any] = {
        "issue": kept.id,
        "row": issue.row,
        "column": issue.column or "",
        "problem": issue.message,
        "decision": resolution.decision.value,
        "decision_label": resolution.label(),
        "effect": resolution.effect(),
        "client": client_label(client) if client is not None else "",
    }
    if replaced is not None and replaced != resolution:
        details["replaced"] = replaced.label()
    return details
