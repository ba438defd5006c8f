"""Every change to a case's rows and log, inside one write transaction, with the seal kept.

A ``Ledger`` is made after ``BEGIN IMMEDIATE``: it reads the head (``seal.Seal``) from the
file and checks that the log still ends where the head says, so nothing is ever written on
top of a log someone cut or edited. The writer reads the stored rows it is about to change
through it (each is checked against its mac, so a tampered row is refused, never re-sealed),
decides, and writes through it; ``finish`` writes the head back. Whatever the transaction
does, the head moves with it or not at all.

``seal_all`` seals a file as it is: a schema 1 case on its first open, and a case whose
findings its office has looked at and accepted (``CaseStore.accept_findings``). It is the one
place where the log's no-UPDATE trigger is lifted, inside the transaction, and put back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from noticedesk.core.case import audit, verification
from noticedesk.core.case.crypto import FieldCipher, RowSealer
from noticedesk.core.case.errors import CaseError, CaseTampered, Finding
from noticedesk.core.case.merge import StoredClient
from noticedesk.core.case.records import (
    DocumentStatus,
    client_from_mapping,
    client_label,
    incident_from_stored,
    now,
)
from noticedesk.core.case.seal import (
    CLIENT_COLUMNS,
    SEAL_RECORD,
    STATUS_COLUMNS,
    ClientRow,
    Seal,
    SealUnreadable,
    StatusRow,
    client_row,
    read_seal,
    record_mac,
    status_row,
    write_seal,
)
from noticedesk.core.incident import Incident

if TYPE_CHECKING:
    from noticedesk.core.case.loading import CaseContents

_CHUNK = 500  # ids per IN (...) query, well under SQLite's limit


def audit_context(at: str, user: str, action: str) -> str:
    return f"audit|{at}|{user}|{action}"


def client_data_context(cid: bytes) -> str:
    return f"client|{cid.hex()}"


class Ledger:
    """One write transaction's reads and writes, and the seal they move (see the module)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        cipher: FieldCipher,
        sealer: RowSealer,
        case_name: str,
        cache: Mapping[bytes, StoredClient] | None = None,
    ) -> None:
        self.conn = conn
        self._cipher = cipher
        self._sealer = sealer
        self._case_name = case_name
        self._cache = cache or {}
        try:
            self.seal = read_seal(conn, cipher)
        except SealUnreadable as exc:
            raise CaseTampered(case_name, [verification.seal_unreadable(exc.missing)]) from None
        tail = conn.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        finding = verification.tail_finding(tail, self.seal)
        if finding is not None:
            raise CaseTampered(case_name, [finding])
        self.start_seq = self.seal.seq  # the log's end before this transaction
        self._dirty = False

    # --- naming -------------------------------------------------------------------------

    def label(self, cid: bytes, data: object = None) -> str:
        """How the log names a client: from the cache, else from its stored row."""
        row = self._cache.get(cid)
        if row is not None:
            return client_label(row.client)
        return client_name(self._cipher, cid, data)

    def _refuse(self, findings: list[Finding]) -> None:
        if findings:
            raise CaseTampered(self._case_name, findings)

    # --- reading the stored rows ----------------------------------------------------------

    def _select_in(
        self, query: str, ids: Sequence[bytes], *before: object
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of ``query`` (ending in ``IN ({})``) for every id, a chunk at a time."""
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), _CHUNK):
            part = unique[start : start + _CHUNK]
            yield from self.conn.execute(query.format(",".join("?" * len(part))), [*before, *part])

    def clients(self, ids: Sequence[bytes]) -> dict[bytes, ClientRow]:
        query = f"SELECT {CLIENT_COLUMNS} FROM clients WHERE id IN ({{}})"
        rows = {row.id: row for row in map(client_row, self._select_in(query, ids))}
        self._check_clients(rows.values())
        return rows

    def all_clients(self) -> dict[bytes, ClientRow]:
        rows = {
            row.id: row
            for row in map(client_row, self.conn.execute(f"SELECT {CLIENT_COLUMNS} FROM clients"))
        }
        self._check_clients(rows.values())
        return rows

    def _check_clients(self, rows: Iterable[ClientRow]) -> None:
        self._refuse(
            [
                verification.client_finding(row, self._sealer, self.label(row.id, row.data))
                for row in rows
                if not verification.fits(row, self._sealer)
            ]
        )

    def statuses(self, kind: str, ids: Sequence[bytes]) -> dict[bytes, StatusRow]:
        query = f"SELECT {STATUS_COLUMNS} FROM statuses WHERE kind = ? AND client IN ({{}})"
        rows = {row.client: row for row in map(status_row, self._select_in(query, ids, kind))}
        self._check_statuses(rows.values())
        return rows

    def statuses_of(self, ids: Sequence[bytes]) -> list[StatusRow]:
        query = f"SELECT {STATUS_COLUMNS} FROM statuses WHERE client IN ({{}})"
        rows = list(map(status_row, self._select_in(query, ids)))
        self._check_statuses(rows)
        return rows

    def _check_statuses(self, rows: Iterable[StatusRow]) -> None:
        self._refuse(
            [
                verification.status_finding(row, self._sealer, self.label(row.client))
                for row in rows
                if not verification.fits(row, self._sealer)
            ]
        )

    def present_clients(self, ids: Sequence[bytes]) -> dict[bytes, ClientRow]:
        """The stored rows of clients of the current roster; CaseError when one is not."""
        rows = self.clients(ids)
        if any(cid not in rows or not rows[cid].present for cid in ids):
            raise CaseError(
                "指定された顧問先はこの事案の顧問先一覧にありません。",
                "That client is not in this case's roster.",
            )
        return rows

    def write_statuses(
        self, ids: Sequence[bytes], kind: str, status: str, at: str, *, changed_only: bool = False
    ) -> list[bytes]:
        """Set one kind's status for clients, as of ``at``; with ``changed_only``, clients
        already in that status in the file are left (date and all). Returns those written."""
        stored = self.statuses(kind, ids)
        targets = [
            cid
            for cid in ids
            if not changed_only
            or (stored[cid].status if cid in stored else DocumentStatus.NOT_YET) != status
        ]
        self.put_statuses(
            [StatusRow(cid, kind, str(status), at) for cid in targets],
            {(cid, kind): row for cid, row in stored.items()},
        )
        return targets

    def incident(self) -> Incident | None:
        """The incident as stored now (another program may have changed it); None when there
        is none or it cannot be read (that was named when the case was opened)."""
        data = self.record("incident")
        try:
            return incident_from_stored(self._cipher.open_json(data, "record|incident"))
        except Exception:
            return None

    def record(self, name: str) -> Any:
        """A record's stored value (sealed bytes), or None."""
        row = self.conn.execute("SELECT data FROM records WHERE name = ?", (name,)).fetchone()
        return None if row is None else row[0]

    # --- writing --------------------------------------------------------------------------

    def put_clients(self, rows: Iterable[ClientRow], stored: Mapping[bytes, ClientRow]) -> None:
        """Insert or replace client rows; ``stored`` holds the rows as read (absent: new)."""
        values = []
        for row in rows:
            old = stored.get(row.id)
            row.mac = row.expected_mac(self._sealer)
            self.seal.add(row.mac, old.mac if old else None)
            if old is None:
                self.seal.clients += 1
            values.append(
                (
                    row.id,
                    row.seq,
                    row.present,
                    row.individual,
                    row.file_individual,
                    row.data,
                    row.mac,
                )
            )
        if values:
            self._dirty = True
            self.conn.executemany(
                f"INSERT INTO clients ({CLIENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, present = excluded.present, "
                "individual = excluded.individual, file_individual = excluded.file_individual, "
                "data = excluded.data, mac = excluded.mac",
                values,
            )

    def delete_clients(self, rows: Iterable[ClientRow]) -> None:
        ids = []
        for row in rows:
            self.seal.add(None, row.mac)
            self.seal.clients -= 1
            ids.append((row.id,))
        if ids:
            self._dirty = True
            self.conn.executemany("DELETE FROM clients WHERE id = ?", ids)

    def put_statuses(
        self, rows: Iterable[StatusRow], stored: Mapping[tuple[bytes, str], StatusRow]
    ) -> None:
        """Insert or replace status rows; ``stored`` by (client, kind) as read."""
        values = []
        for row in rows:
            old = stored.get((row.client, row.kind))
            row.mac = row.expected_mac(self._sealer)
            self.seal.add(row.mac, old.mac if old else None)
            if old is None:
                self.seal.statuses += 1
            values.append((row.client, row.kind, row.status, row.at, row.mac))
        if values:
            self._dirty = True
            self.conn.executemany(
                f"INSERT INTO statuses ({STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (client, kind) DO UPDATE SET status = excluded.status, "
                "at = excluded.at, mac = excluded.mac",
                values,
            )

    def move_statuses(self, moved: Mapping[bytes, bytes]) -> None:
        """Statuses of each old client id go to its new id (``moved``: new -> old)."""
        new_of = {old: new for new, old in moved.items()}
        for row in self.statuses_of(list(new_of)):
            old_mac = row.mac
            old_client = row.client
            row.client = new_of[old_client]
            row.mac = row.expected_mac(self._sealer)
            self.seal.add(row.mac, old_mac)
            self._dirty = True
            self.conn.execute(
                "UPDATE statuses SET client = ?, mac = ? WHERE client = ? AND kind = ?",
                (row.client, row.mac, old_client, row.kind),
            )

    def put_record(self, name: str, data: bytes) -> None:
        old = self.record(name)
        self.seal.add(
            record_mac(self._sealer, name, data),
            record_mac(self._sealer, name, old) if old is not None else None,
        )
        if old is None:
            self.seal.records += 1
        self._dirty = True
        self.conn.execute(
            "INSERT INTO records (name, data) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET data = excluded.data",
            (name, data),
        )

    def delete_record(self, name: str) -> None:
        old = self.record(name)
        if old is None:
            return
        self.seal.add(None, record_mac(self._sealer, name, old))
        self.seal.records -= 1
        self._dirty = True
        self.conn.execute("DELETE FROM records WHERE name = ?", (name,))

    def audit(self, action: str, details: dict[str, Any]) -> None:
        """Append one entry to the log, chained to the last one."""
        at = now().isoformat()
        user = audit.current_user()
        sealed = self._cipher.seal_json(details, audit_context(at, user, action))
        seq = self.seal.seq + 1
        mac = self._sealer.audit_mac(self.seal.mac, seq, at, user, action, sealed)
        self.conn.execute(
            "INSERT INTO audit (seq, at, user, action, details, mac) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, at, user, action, sealed, mac),
        )
        self.seal.seq, self.seal.mac = seq, mac
        self._dirty = True

    def finish(self) -> None:
        if self._dirty:
            write_seal(self.conn, self._cipher, self.seal)


def client_name(cipher: FieldCipher, cid: bytes, data: object) -> str:
    """A client's code and name from its stored row, or a short id when it cannot be read."""
    try:
        if not isinstance(data, bytes):
            raise TypeError("not a sealed value")
        mapping = cipher.open_json(data, client_data_context(cid))
        return client_label(client_from_mapping(mapping, False))
    except Exception:  # a row that cannot be read is named by its id; the finding says why
        return f"(id {cid.hex()[:8]})"


def seal_all(
    conn: sqlite3.Connection,
    cipher: FieldCipher,
    sealer: RowSealer,
    case_name: str,
    action: str,
    details: dict[str, Any],
) -> None:
    """Seal every row and entry as it stands, then log ``action`` (the point verification
    starts from). Call inside a write transaction."""
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    previous, last_seq = sealer.genesis, 0
    links = []
    entries = conn.execute("SELECT seq, at, user, action, details FROM audit ORDER BY seq")
    for seq, at, user, entry_action, blob in entries.fetchall():
        previous = sealer.audit_mac(previous, seq, at, user, entry_action, blob)
        links.append((previous, seq))
        last_seq = int(seq)
    conn.executemany("UPDATE audit SET mac = ? WHERE seq = ?", links)
    conn.execute(audit.NO_UPDATE)

    seal = Seal(last_seq, previous, 0, 0, 0, 0, 0)
    clients = [client_row(v) for v in conn.execute(f"SELECT {CLIENT_COLUMNS} FROM clients")]
    for row in clients:
        row.mac = row.expected_mac(sealer)
        seal.add(row.mac)
    conn.executemany("UPDATE clients SET mac = ? WHERE id = ?", [(r.mac, r.id) for r in clients])
    statuses = [status_row(v) for v in conn.execute(f"SELECT {STATUS_COLUMNS} FROM statuses")]
    for srow in statuses:
        srow.mac = srow.expected_mac(sealer)
        seal.add(srow.mac)
    conn.executemany(
        "UPDATE statuses SET mac = ? WHERE client = ? AND kind = ?",
        [(r.mac, r.client, r.kind) for r in statuses],
    )
    records = conn.execute("SELECT name, data FROM records WHERE name != ?", (SEAL_RECORD,))
    record_rows = records.fetchall()
    for name, data in record_rows:
        seal.add(record_mac(sealer, name, data))
    seal.clients, seal.statuses, seal.records = len(clients), len(statuses), len(record_rows)
    write_seal(conn, cipher, seal)

    ledger = Ledger(conn, cipher, sealer, case_name)
    ledger.audit(action, details)
    ledger.seal.since = ledger.seal.seq
    ledger.finish()


def reseal(
    conn: sqlite3.Connection,
    cipher: FieldCipher,
    sealer: RowSealer,
    case_name: str,
    contents: CaseContents,
) -> None:
    """Seal the file as it is, after its office accepted ``contents.findings``: rows no one
    can read any more go first (a decision among them: its problem is open again), then
    everything is sealed and the findings are logged."""
    conn.executemany(
        "DELETE FROM statuses WHERE client = ? AND kind = ?", contents.unreadable_statuses
    )
    gone = [(cid,) for cid in contents.unreadable_clients]
    conn.executemany("DELETE FROM statuses WHERE client = ?", gone)
    conn.executemany("DELETE FROM clients WHERE id = ?", gone)
    # A decision no one can read decides nothing: its problem blocks the export again.
    conn.executemany(
        "DELETE FROM records WHERE name = ?", [(name,) for name in contents.unreadable_resolutions]
    )
    # An answer no one can read is no answer: the client is awaited again.
    conn.executemany(
        "DELETE FROM records WHERE name = ?", [(name,) for name in contents.unreadable_answers]
    )
    details = {
        "text": "記録の不一致を確認し、現在の内容で封印し直しました",
        "findings": [f.message for f in contents.findings],
    }
    seal_all(conn, cipher, sealer, case_name, "accept", details)
