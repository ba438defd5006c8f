"""How a (re-)imported roster is written into a case: sealed first, merged and written inside
the write transaction.

``prepare`` does the slow part (sealing every row, the source, the problems and the roster as
the file has it) before the store takes its lock, so a tick waits only for the write. ``write``
then decides on the rows as stored: the decisions kept with the case whose problems the new
roster still has are kept, the others dropped (``resolutions.still_current``); the case's
clients are the roster's as those decisions make them (``resolutions.case_rows``); a client
the case already holds keeps the tick stored in the file (not a copy in memory); ``merge``
says what the case becomes, and the roster's problems replace the ones kept from the last
import.

``write_clients`` is the one way the case's clients change after a roster or a decision: the
merge is computed, and only the rows that differ from what is stored are written (a
re-import of the same file, or a decision about one row, writes little).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from noticedesk.core.case import decision_records
from noticedesk.core.case.answering import move_answers
from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.ledger import Ledger, client_data_context
from noticedesk.core.case.merge import RosterMerge, StoredClient, merge_roster
from noticedesk.core.case.records import (
    ImportDiff,
    RosterIssue,
    client_label,
    client_to_mapping,
    issues_from_stored,
    issues_to_stored,
    now,
)
from noticedesk.core.case.resolutions import CaseRows, Resolution, case_rows, still_current
from noticedesk.core.case.seal import ClientRow
from noticedesk.core.clients import Client, Roster

Sealed = Mapping[bytes, tuple[Client, bytes]]  # lookup id -> (the client sealed, its sealed row)


@dataclass(frozen=True, slots=True)
class PreparedImport:
    roster: Roster
    sealed: dict[bytes, tuple[Client, bytes]]
    source: dict[str, Any]
    sealed_source: bytes
    issues: list[RosterIssue]
    sealed_issues: bytes
    sealed_rows: bytes  # the roster's clients as the file has them


@dataclass(frozen=True, slots=True)
class Imported:
    merge: RosterMerge[bytes]
    resolutions: dict[str, Resolution]  # the decisions kept
    dropped: list[Resolution]  # the decisions whose problems the roster no longer has


def prepare(cipher: FieldCipher, roster: Roster) -> PreparedImport:
    """Seal what the import will write. A row whose identity an earlier row has is sealed
    when a decision makes it a client of its own (``write_clients``)."""
    sealed: dict[bytes, tuple[Client, bytes]] = {}
    for client in roster.clients:
        cid = cipher.lookup_id(client.key)
        if cid not in sealed:
            sealed[cid] = (client, seal_client(cipher, cid, client))
    source = _source_record(roster)
    stored_issues = issues_to_stored(roster.issues)
    return PreparedImport(
        roster,
        sealed,
        source,
        cipher.seal_json(source, "record|roster_source"),
        issues_from_stored(stored_issues),
        cipher.seal_json(stored_issues, "record|roster_issues"),
        decision_records.seal_roster_rows(cipher, roster.clients),
    )


def write(
    tx: Ledger,
    cipher: FieldCipher,
    rows: Mapping[bytes, StoredClient],
    resolutions: Mapping[str, Resolution],
    prepared: PreparedImport,
) -> Imported:
    """Merge ``prepared`` into the case whose decrypted rows are ``rows`` and decisions
    ``resolutions``, and write it."""
    kept, dropped = still_current(resolutions, prepared.issues)
    made = case_rows(prepared.roster.clients, kept.values())
    merge = write_clients(tx, cipher, rows, made, prepared.sealed)
    for resolution in dropped:
        tx.delete_record(decision_records.resolution_name(cipher, resolution.issue_id))
    tx.put_record("roster_source", prepared.sealed_source)
    tx.put_record("roster_issues", prepared.sealed_issues)
    tx.put_record(decision_records.ROSTER_ROWS, prepared.sealed_rows)
    tx.audit("import", _details(prepared.roster, merge.diff, kept, dropped))
    return Imported(merge, kept, dropped)


def write_clients(
    tx: Ledger,
    cipher: FieldCipher,
    rows: Mapping[bytes, StoredClient],
    made: CaseRows,
    sealed: Sealed | None = None,
    ticks: Mapping[bytes, bool] | None = None,
) -> RosterMerge[bytes]:
    """Make the case's clients ``made.clients``: merge them with ``rows`` (the case's
    decrypted rows) and write the rows that differ. ``ticks`` sets the tick of those clients
    (a decision on an unreadable answer); every other client keeps the tick in the file."""
    ticks = ticks or {}
    merge = merge_roster(rows, [(cipher.lookup_id(c.key), c) for c in made.clients])
    for cid, value in ticks.items():
        if cid in merge.rows:
            merge.rows[cid].individual = value
    changed = [
        cid for cid, new in merge.rows.items() if cid in ticks or _differs(rows.get(cid), new)
    ]
    stored = tx.clients([*changed, *merge.gone, *merge.retired])
    written = []
    for cid in changed:
        new = merge.rows[cid]
        if cid in ticks:
            individual = int(ticks[cid])
        else:
            individual = stored[cid].individual if cid in stored else int(new.individual)
        data = _sealed_row(cipher, cid, new.client, sealed)
        written.append(ClientRow(cid, new.seq, 1, individual, int(new.file_individual), data))
    written += [replace(stored[cid], present=0) for cid in merge.gone]
    tx.put_clients(written, stored)
    # A client whose identity moved keeps its statuses under the new id; its old row goes,
    # so the old identity is free if the list changes back.
    tx.move_statuses(merge.moved)
    move_answers(tx, cipher, merge.moved)
    tx.delete_clients([stored[cid] for cid in merge.retired])
    return merge


def seal_client(cipher: FieldCipher, cid: bytes, client: Client) -> bytes:
    return cipher.seal_json(client_to_mapping(client), client_data_context(cid))


def _same_values(a: Client, b: Client) -> bool:
    """The same stored values (the tick is kept beside them, not in them)."""
    return a is b or replace(a, individual=b.individual) == b


def _differs(old: StoredClient | None, new: StoredClient) -> bool:
    if old is None or not old.present:
        return True
    if old.seq != new.seq or old.file_individual != new.file_individual:
        return True
    return not _same_values(old.client, new.client)


def _sealed_row(cipher: FieldCipher, cid: bytes, client: Client, sealed: Sealed | None) -> bytes:
    made = sealed.get(cid) if sealed is not None else None
    if made is not None and _same_values(made[0], client):
        return made[1]
    return seal_client(cipher, cid, client)


def _source_record(roster: Roster) -> dict[str, Any]:
    src = roster.source
    return {
        "file_name": src.path.name,
        "sha256": src.sha256,
        "imported_at": now().isoformat(),
        "format": src.file_format,
        "encoding": src.encoding,
        "sheet": src.sheet,
        "header_row": src.header_row,
    }


def _details(
    roster: Roster,
    diff: ImportDiff,
    kept: Mapping[str, Resolution],
    dropped: list[Resolution],
) -> dict[str, Any]:
    return {
        "file": roster.source.path.name,
        "sha256": roster.source.sha256,
        "added": [client_label(c) for c in diff.added],
        "removed": [client_label(c) for c in diff.removed],
        "kept": len(diff.kept),
        "disagreements": [client_label(c) for c in diff.disagreements],
        "errors": len(roster.errors),
        "warnings": len(roster.warnings),
        "decisions_kept": len(kept),
        "decisions_dropped": [f"行 {r.row}: {r.label()}" for r in dropped],
    }
