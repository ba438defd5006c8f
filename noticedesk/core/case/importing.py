"""How a (re-)imported roster is written into a case: sealed first, merged and written inside
the write transaction.

``prepare`` does the slow part (sealing every row, the source and the problems) before the
store takes its lock, so a tick waits only for the write. ``write`` then decides on the rows
as stored: a client the case already holds keeps the tick stored in the file (not a copy in
memory), ``merge`` says what the case becomes, and the roster's problems replace the ones
kept from the last import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.ledger import Ledger, client_data_context
from noticedesk.core.case.merge import (
    RosterMerge,
    StoredClient,
    merge_roster,
    refuse_repeated_clients,
)
from noticedesk.core.case.records import (
    ImportDiff,
    RosterIssue,
    client_label,
    client_to_mapping,
    issues_from_stored,
    issues_to_stored,
    now,
)
from noticedesk.core.case.seal import ClientRow
from noticedesk.core.clients import Client, Roster


@dataclass(frozen=True, slots=True)
class PreparedImport:
    roster: Roster
    incoming: list[tuple[bytes, Client]]  # (lookup id, client), in roster order
    sealed: dict[bytes, bytes]  # lookup id -> the sealed row
    source: dict[str, Any]
    sealed_source: bytes
    issues: list[RosterIssue]
    sealed_issues: bytes


def prepare(cipher: FieldCipher, roster: Roster) -> PreparedImport:
    """Seal what the import will write; refuses a roster with the same client twice."""
    refuse_repeated_clients(roster.clients)
    incoming: list[tuple[bytes, Client]] = []
    sealed: dict[bytes, bytes] = {}
    for client in roster.clients:
        cid = cipher.lookup_id(client.key)
        sealed[cid] = cipher.seal_json(client_to_mapping(client), client_data_context(cid))
        incoming.append((cid, client))
    source = _source_record(roster)
    stored_issues = issues_to_stored(roster.issues)
    return PreparedImport(
        roster,
        incoming,
        sealed,
        source,
        cipher.seal_json(source, "record|roster_source"),
        issues_from_stored(stored_issues),
        cipher.seal_json(stored_issues, "record|roster_issues"),
    )


def write(
    tx: Ledger, rows: Mapping[bytes, StoredClient], prepared: PreparedImport
) -> RosterMerge[bytes]:
    """Merge ``prepared`` into the case whose decrypted rows are ``rows`` and write it."""
    stored = tx.all_clients()
    merge = merge_roster(rows, prepared.incoming)
    written = [
        ClientRow(
            cid,
            row.seq,
            1,
            stored[cid].individual if cid in stored else int(row.individual),
            int(row.file_individual),
            prepared.sealed[cid],
        )
        for cid, row in merge.rows.items()
    ]
    written += [replace(stored[cid], present=0) for cid in merge.gone]
    tx.put_clients(written, stored)
    # A client whose identity moved keeps its statuses under the new id; its old row goes,
    # so the old identity is free if the list changes back.
    tx.move_statuses(merge.moved)
    tx.delete_clients([stored[cid] for cid in merge.retired])
    tx.put_record("roster_source", prepared.sealed_source)
    tx.put_record("roster_issues", prepared.sealed_issues)
    tx.audit("import", _details(prepared.roster, merge.diff))
    return merge


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


def _details(roster: Roster, diff: ImportDiff) -> dict[str, Any]:
    return {
        "file": roster.source.path.name,
        "sha256": roster.source.sha256,
        "added": [client_label(c) for c in diff.added],
        "removed": [client_label(c) for c in diff.removed],
        "kept": len(diff.kept),
        "disagreements": [client_label(c) for c in diff.disagreements],
        "errors": len(roster.errors),
        "warnings": len(roster.warnings),
    }
