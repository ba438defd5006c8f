"""How a (re-)imported roster is matched to the clients a case holds: a pure function.

``merge_roster`` takes the case's rows and the new roster's clients, each under its identity
(the store uses an HMAC of ``Client.key``; any hashable value will do, which is how the tests
run without SQLite or keys), and says what the case becomes. ``CaseStore.import_roster`` seals
the rows, calls it and writes the outcome in one transaction.

Decisions:
- A client is the same client when its identity is the same: its code, else its name and
  address (``Client.key``). Two clients sharing a name at different addresses stay apart.
- A client that gains a code (or loses it) on re-import changes identity; it is matched by
  name and address to a present row that nothing else matched, on the other side of the
  code's presence, and keeps its tick and statuses under the new identity (``moved``). The old
  row is then dropped (``retired``), so the old identity is free if the list changes back. A
  client with neither code nor address (a name entered for a row without one) is matched by
  its name alone.
- The individual-report answer in the file is the tick when a client first appears (also on
  the first import). After that the case's tick wins (the case is where staff record the
  client's answer; the file is often an old copy), and the clients whose file answer differs
  are listed as ``disagreements``.
- A client missing from the roster is kept, marked not present (``gone``), and gets its tick
  and statuses back when a later roster brings it back.
- A client's place (``seq``) is the row Excel shows for it, so a row added or left out by a
  decision (``resolutions``) moves no other client.
- ``incoming`` has each identity once: which of two rows with one identity is the client is
  decided before (``resolutions.case_rows``: the first, unless the office decides).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from noticedesk.core.case.records import ImportDiff, StatusEntry
from noticedesk.core.clients import Client

Id = TypeVar("Id", bound=Hashable)


@dataclass(slots=True)
class StoredClient:
    """One client row as the case holds it (the store's in-memory copy, decrypted)."""

    client: Client
    seq: int  # place in the last roster that had it: its row there
    present: bool  # in the last imported roster
    individual: bool  # the case's tick: reports individually
    file_individual: bool  # what the last imported file said
    statuses: dict[str, StatusEntry] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterMerge(Generic[Id]):
    """What an import makes of the case.

    ``rows``: every client of the new roster as it is to be stored, in roster order.
    ``moved``: new identity -> old identity, for clients that gained or lost their code.
    ``gone``: present rows the roster no longer has (kept, marked not present).
    """

    rows: dict[Id, StoredClient]
    moved: dict[Id, Id]
    gone: list[Id]
    diff: ImportDiff

    @property
    def retired(self) -> set[Id]:
        """Old identities of moved clients: their rows are dropped."""
        return set(self.moved.values())

    def applied_to(self, stored: Mapping[Id, StoredClient]) -> dict[Id, StoredClient]:
        """The case's rows once this import is written: ``stored`` with the roster's clients
        in, the gone ones marked not present and the retired ones dropped."""
        rows = dict(stored)
        rows.update(self.rows)
        for cid in self.gone:
            rows[cid] = replace(rows[cid], present=False)
        for cid in self.retired:
            del rows[cid]
        return rows


def merge_roster(
    stored: Mapping[Id, StoredClient], incoming: Sequence[tuple[Id, Client]]
) -> RosterMerge[Id]:
    """Match ``incoming`` (identity, client), in roster order, to the ``stored`` rows."""
    new_ids = {cid for cid, _client in incoming}
    moved = _moved_identities(stored, incoming, new_ids)
    added: list[Client] = []
    kept: list[Client] = []
    disagreements: list[Client] = []
    rows: dict[Id, StoredClient] = {}
    for cid, client in incoming:
        old = stored.get(moved.get(cid, cid))
        if old is None or not old.present:
            added.append(client)
        else:
            kept.append(client)
            if client.individual != old.individual:
                disagreements.append(client)
        individual = client.individual if old is None else old.individual
        statuses = {} if old is None else dict(old.statuses)
        rows[cid] = StoredClient(client, client.row, True, individual, client.individual, statuses)
    retired = set(moved.values())
    gone = [
        cid
        for cid, row in stored.items()
        if row.present and cid not in new_ids and cid not in retired
    ]
    removed = [stored[cid].client for cid in gone]
    diff = ImportDiff(added, removed, kept, disagreements, first_import=not stored)
    return RosterMerge(rows, moved, gone, diff)


def _moved_identities(
    stored: Mapping[Id, StoredClient], incoming: Sequence[tuple[Id, Client]], new_ids: set[Id]
) -> dict[Id, Id]:
    """New id -> old id for clients whose identity changed but who are the same client."""
    orphans = [(cid, row) for cid, row in stored.items() if row.present and cid not in new_ids]
    moved: dict[Id, Id] = {}
    for cid, client in incoming:
        if cid in stored:
            continue
        for old_id, row in orphans:
            if old_id in moved.values():
                continue
            if bool(row.client.code) != bool(client.code) and _same_place(row.client, client):
                moved[cid] = old_id
                break
    return moved


def _same_place(old: Client, new: Client) -> bool:
    """The same name and address; a client known by its name alone (a name the office
    entered for a row without one: nothing else of the row was read) by its name."""
    return old.name == new.name and (old.address == new.address or not old.address)


__all__ = ["RosterMerge", "StoredClient", "merge_roster"]
