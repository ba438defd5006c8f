"""A case: one incident's roster, ticks, document statuses and audit log, in one SQLite file.

Durability: WAL with ``synchronous=FULL``, and every change is its own committed transaction,
so a method that has returned has reached the disk; a crash or kill loses nothing the user saw
saved. Confidentiality: every client value (the roster row, the incident, the roster's file
name, the audit details) is sealed with the case's data key before it reaches SQLite; rows are
found by an HMAC of the client key. What stays readable: the case name, dates, document kinds
and statuses, the OS user names in the log, and how many rows there are.

Re-import: which stored client a roster row is, and what it keeps (the case's tick wins over
a re-imported file, disagreements are listed, a removed client keeps its rows and gets them
back on its return), is decided in ``merge``, a pure function; this module writes the outcome.

Threads: one store may be used from the GUI thread and a worker at once; a lock serialises
access, and an import seals its rows before taking the lock, so a tick waits only for the
short write itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets as token
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from noticedesk.core.case import audit, database, index
from noticedesk.core.case.crypto import FieldCipher, new_dek
from noticedesk.core.case.errors import CaseError, CaseNotFound
from noticedesk.core.case.keys import (
    KeySource,
    RecoveryCodeKeySource,
    WrappedKey,
    describe_protection,
)
from noticedesk.core.case.merge import StoredClient, merge_roster, refuse_repeated_clients
from noticedesk.core.case.records import (
    STATUS_LABELS,
    CaseClient,
    CaseSummary,
    DocumentStatus,
    ImportDiff,
    StatusEntry,
    client_from_mapping,
    client_label,
    client_to_mapping,
    incident_from_stored,
    now,
)
from noticedesk.core.clients import Client, Roster
from noticedesk.core.incident import Incident, incident_to_mapping


class CaseStore:
    """An open case. Make one with ``create`` or ``open``; ``close`` it when done."""

    def __init__(
        self, data_dir: Path, summary: CaseSummary, conn: sqlite3.Connection, dek: bytes
    ) -> None:
        self._data_dir = data_dir
        self._summary = summary
        self._conn = conn
        self._dek = dek  # kept only to add a wrapping later (protect_with)
        self._cipher = FieldCipher(dek, summary.id)
        self._lock = threading.RLock()
        self._rows: dict[bytes, StoredClient] = {}
        self._incident: Incident | None = None
        self._roster_source: dict[str, Any] | None = None
        self._load()

    # --- finding, creating, opening -------------------------------------------------------

    @staticmethod
    def list_cases(data_dir: Path) -> list[CaseSummary]:
        return index.list_cases(Path(data_dir))

    @classmethod
    def create(cls, data_dir: Path, name: str, key_source: KeySource) -> tuple[CaseStore, str]:
        """A new, empty case and its recovery code (show it once; it is not kept anywhere).

        The key is stored before any file is written, so a credential store that refuses
        (SecretStoreUnavailable) leaves no half-made case behind.
        """
        data_dir = Path(data_dir)
        name = name.strip()
        if not name:
            raise CaseError("事案名を入力してください。", "Please enter a name for the case.")
        if any(s.name == name for s in index.list_cases(data_dir)):
            raise CaseError(
                f"「{name}」という事案はすでにあります。別の名前にしてください。",
                f"A case named “{name}” already exists. Please choose another name.",
            )
        if isinstance(key_source, RecoveryCodeKeySource):
            raise CaseError(
                "回復コードは事案の作成には使えません。", "A recovery code cannot create a case."
            )
        case_id = token.token_hex(8)
        dek = new_dek()
        main_key = key_source.wrap(dek, case_id)
        recovery = RecoveryCodeKeySource.generate()
        recovery_key = recovery.wrap(dek, case_id)
        created = now()
        summary = CaseSummary(case_id, name, created, created, key_source.kind)

        # Built under a temporary name and renamed: a case file either is whole or is not there.
        final = index.case_path(data_dir, case_id)
        building = final.with_name(f".{case_id}.building")
        conn = database.connect(building)
        try:
            conn.executescript(database.SCHEMA)
            cipher = FieldCipher(dek, case_id)
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("schema", str(database.SCHEMA_VERSION)),
                    ("id", case_id),
                    ("name", name),
                    ("created", created.isoformat()),
                    ("last_opened", created.isoformat()),
                    ("protection", key_source.kind),
                ],
            )
            for wrapped in (main_key, recovery_key):
                database.store_key(conn, wrapped)
            database.append_audit(
                conn,
                cipher,
                "create",
                {"text": f"事案「{name}」を作成 (保護: {describe_protection(key_source.kind)})"},
            )
            conn.execute("COMMIT")
        finally:
            conn.close()  # checkpoints the WAL into the file and removes it
        os.replace(building, final)
        index.record(data_dir, summary, opened=True)
        return cls(data_dir, summary, database.connect(final), dek), recovery.code

    @classmethod
    def open(cls, data_dir: Path, name: str | None, key_source: KeySource) -> CaseStore:
        """Open a case by name, or the one opened last when ``name`` is None.

        Raises CaseNotFound, WrongPassphrase / WrongRecoveryCode, KeyMissing, or
        SecretStoreUnavailable (the credential store is missing or locked: nothing is wrong
        with the case, and nothing has been changed).
        """
        data_dir = Path(data_dir)
        summary = _find(data_dir, name)
        path = index.case_path(data_dir, summary.id)
        try:
            conn = database.connect(path)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            row = conn.execute(
                "SELECT params, wrapped FROM keys WHERE kind = ?", (key_source.kind,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise database.unreadable(path, exc) from None
        try:
            if int(meta.get("schema", "0")) > database.SCHEMA_VERSION:
                raise CaseError(
                    "この事案は新しい版の NoticeDesk で作られています。更新してから開いてください。",
                    "This case was made by a newer NoticeDesk. Please update first.",
                )
            if row is None:
                protection = describe_protection(meta.get("protection", ""))
                raise CaseError(
                    f"この事案は{protection}で保護されています。{protection}で開いてください。",
                    f"This case is protected by its {meta.get('protection', '')} key; "
                    "open it with that.",
                )
            wrapped = WrappedKey(key_source.kind, bytes(row[1]), json.loads(row[0]))
            dek = key_source.unwrap(wrapped, summary.id)
        except BaseException:
            conn.close()
            raise
        opened = now()
        with contextlib.suppress(sqlite3.Error):  # a read-only stick still opens the case
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'last_opened'", (opened.isoformat(),)
            )
        summary = replace(summary, last_opened=opened, protection=meta.get("protection", ""))
        index.record(data_dir, summary, opened=True)
        return cls(data_dir, summary, conn, dek)

    def protect_with(self, key_source: KeySource) -> None:
        """Add or replace the wrapping of this kind: after opening with the recovery code on a
        new PC, ``protect_with(KeyringKeySource())`` makes the case open there by itself."""
        with self._lock:
            wrapped = key_source.wrap(self._dek, self.id)
            with self._write() as conn:
                database.store_key(conn, wrapped)
                if key_source.kind != "recovery":
                    conn.execute(
                        "UPDATE meta SET value = ? WHERE key = 'protection'", (key_source.kind,)
                    )
                self._audit(conn, "key", {"text": describe_protection(key_source.kind)})
            if key_source.kind != "recovery":
                self._summary = replace(self._summary, protection=key_source.kind)
                index.record(self._data_dir, self._summary, opened=False)

    # --- identity -------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._summary.name

    @property
    def id(self) -> str:
        return self._summary.id

    @property
    def summary(self) -> CaseSummary:
        return self._summary

    @property
    def path(self) -> Path:
        return index.case_path(self._data_dir, self.id)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading --------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            rows = self._conn.execute(
                "SELECT id, seq, present, individual, file_individual, data FROM clients"
            ).fetchall()
            statuses = self._conn.execute("SELECT client, kind, status, at FROM statuses")
            status_rows = statuses.fetchall()
            records = dict(self._conn.execute("SELECT name, data FROM records").fetchall())
        except sqlite3.Error as exc:
            raise database.unreadable(self.path, exc) from None
        for cid, seq, present, individual, file_individual, data in rows:
            cid = bytes(cid)
            mapping = self._cipher.open_json(bytes(data), f"client|{cid.hex()}")
            self._rows[cid] = StoredClient(
                client_from_mapping(mapping, bool(individual)),
                int(seq),
                bool(present),
                bool(individual),
                bool(file_individual),
            )
        for cid, kind, status, at in status_rows:
            row = self._rows.get(bytes(cid))
            if row is not None:
                row.statuses[kind] = StatusEntry(
                    DocumentStatus(status), dt.datetime.fromisoformat(at)
                )
        if "incident" in records:
            self._incident = incident_from_stored(
                self._cipher.open_json(bytes(records["incident"]), "record|incident")
            )
        if "roster_source" in records:
            self._roster_source = self._cipher.open_json(
                bytes(records["roster_source"]), "record|roster_source"
            )

    def clients(self) -> list[CaseClient]:
        """The clients of the current roster, in roster order, with the case's choices."""
        with self._lock:
            present = sorted((r for r in self._rows.values() if r.present), key=lambda r: r.seq)
            return [
                CaseClient(
                    client=replace(r.client, individual=r.individual),
                    individual=r.individual,
                    statuses=dict(r.statuses),
                    file_individual=r.file_individual,
                )
                for r in present
            ]

    @property
    def incident(self) -> Incident | None:
        return self._incident

    @property
    def roster_source(self) -> dict[str, Any] | None:
        return dict(self._roster_source) if self._roster_source else None

    def counts(self) -> dict[str, Any]:
        """clients, individual, joint, and per document kind the number in each status."""
        with self._lock:
            present = [r for r in self._rows.values() if r.present]
            kinds = sorted({k for r in present for k in r.statuses})
            documents: dict[str, dict[str, int]] = {}
            for kind in kinds:
                per = dict.fromkeys((s.value for s in DocumentStatus), 0)
                for r in present:
                    entry = r.statuses.get(kind)
                    per[(entry.status if entry else DocumentStatus.NOT_YET).value] += 1
                documents[kind] = per
            individual = sum(1 for r in present if r.individual)
            return {
                "clients": len(present),
                "individual": individual,
                "joint": len(present) - individual,
                "documents": documents,
            }

    def audit_entries(self) -> list[audit.AuditEntry]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, at, user, action, details FROM audit ORDER BY seq"
            ).fetchall()
        return [
            audit.AuditEntry(
                int(seq),
                dt.datetime.fromisoformat(at),
                user,
                action,
                self._cipher.open_json(bytes(details), f"audit|{at}|{user}|{action}"),
            )
            for seq, at, user, action, details in rows
        ]

    def export_audit_csv(self, path: Path, *, overwrite: bool = False) -> None:
        """Write the log as CSV (UTF-8 with BOM, for Excel); never replaces a file unasked."""
        audit.write_csv(self.audit_entries(), Path(path), overwrite=overwrite)

    # --- changing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; on return it is on disk (WAL, synchronous=FULL)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _audit(self, conn: sqlite3.Connection, action: str, details: dict[str, Any]) -> None:
        database.append_audit(conn, self._cipher, action, details)

    def _ids(self, keys: Sequence[str]) -> list[bytes]:
        ids = []
        for key in keys:
            cid = self._cipher.lookup_id(key)
            row = self._rows.get(cid)
            if row is None or not row.present:
                raise CaseError(
                    "指定された顧問先はこの事案の顧問先一覧にありません。",
                    "That client is not in this case's roster.",
                )
            ids.append(cid)
        return ids

    def set_individual(self, keys: Sequence[str], value: bool) -> None:
        """Tick (individual report) or untick clients; durable and audited on return."""
        with self._lock:
            changed = [cid for cid in self._ids(keys) if self._rows[cid].individual != value]
            if not changed:
                return
            with self._write() as conn:
                conn.executemany(
                    "UPDATE clients SET individual = ? WHERE id = ?",
                    [(int(value), cid) for cid in changed],
                )
                labels = [client_label(self._rows[cid].client) for cid in changed]
                self._audit(conn, "tick" if value else "untick", {"clients": labels})
            for cid in changed:
                self._rows[cid].individual = value

    def set_status(self, keys: Sequence[str], kind: str, status: DocumentStatus) -> None:
        """Set one document kind's status for clients, dated now; durable and audited."""
        status = DocumentStatus(status)
        if not kind.strip():
            raise ValueError("a document kind is needed")
        with self._lock:
            ids = self._ids(keys)
            if not ids:
                return
            at = now()
            with self._write() as conn:
                self._put_statuses(conn, ids, kind, status, at)
                self._audit(
                    conn,
                    "status",
                    {
                        "kind": kind,
                        "status": status.value,
                        "status_label": STATUS_LABELS[status],
                        "clients": [client_label(self._rows[c].client) for c in ids],
                    },
                )
            self._cache_statuses(ids, kind, StatusEntry(status, at))

    def _put_statuses(
        self,
        conn: sqlite3.Connection,
        ids: list[bytes],
        kind: str,
        status: DocumentStatus,
        at: dt.datetime,
    ) -> None:
        conn.executemany(
            "INSERT INTO statuses (client, kind, status, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (client, kind) DO UPDATE SET status = excluded.status, at = excluded.at",
            [(cid, kind, status.value, at.isoformat()) for cid in ids],
        )

    def _cache_statuses(self, ids: list[bytes], kind: str, entry: StatusEntry) -> None:
        for cid in ids:
            self._rows[cid].statuses[kind] = entry

    def record_export(
        self,
        documents: Mapping[str, Sequence[tuple[str, Path]]],
        ppc_list: Path | None,
    ) -> None:
        """Record an export as written: per client key, the (kind, file) pairs on disk.

        Each written (client, kind) becomes "exported" and nothing else does: the own-report
        guide exists only for clients who report individually, so a client in the joint
        report is never marked as having one. One transaction and one log entry, which keeps
        every file and the PPC list.

        Decision: a re-export sets "exported" again even after "sent": the new files have
        not been sent; the log still shows the earlier sending.
        """
        with self._lock:
            keys = list(documents)
            ids = self._ids(keys)
            by_kind: dict[str, list[bytes]] = {}
            for cid, key in zip(ids, keys, strict=True):
                for kind, _path in documents[key]:
                    by_kind.setdefault(kind, []).append(cid)
            at = now()
            with self._write() as conn:
                for kind, kind_ids in by_kind.items():
                    self._put_statuses(conn, kind_ids, kind, DocumentStatus.EXPORTED, at)
                details = {
                    "kinds": list(by_kind),
                    "files": {
                        client_label(self._rows[cid].client): [str(p) for _k, p in documents[key]]
                        for cid, key in zip(ids, keys, strict=True)
                    },
                    "ppc_list": str(ppc_list) if ppc_list else "",
                }
                self._audit(conn, "export", details)
            for kind, kind_ids in by_kind.items():
                self._cache_statuses(kind_ids, kind, StatusEntry(DocumentStatus.EXPORTED, at))

    def set_incident(self, incident: Incident) -> None:
        """Store the incident; a deadline the office set or cleared is logged on its own line
        (it is the office's professional call, and it will be asked about)."""
        with self._lock:
            sealed = self._cipher.seal_json(incident_to_mapping(incident), "record|incident")
            changes = audit.deadline_changes(self._incident, incident)
            with self._write() as conn:
                database.put_record(conn, "incident", sealed)
                self._audit(conn, "incident", {"text": incident.title})
                for change in changes:
                    self._audit(conn, "deadline", change)
            self._incident = incident

    def import_roster(self, roster: Roster) -> ImportDiff:
        """Bring in a (re-)imported roster; ``merge`` decides what is kept, this writes it."""
        refuse_repeated_clients(roster.clients)
        # Sealing is the slow part; done before taking the lock so ticks are not held up.
        incoming: list[tuple[bytes, Client]] = []
        sealed: dict[bytes, bytes] = {}
        for client in roster.clients:
            cid = self._cipher.lookup_id(client.key)
            sealed[cid] = self._cipher.seal_json(client_to_mapping(client), f"client|{cid.hex()}")
            incoming.append((cid, client))
        src = roster.source
        source = {
            "file_name": src.path.name,
            "sha256": src.sha256,
            "imported_at": now().isoformat(),
            "format": src.file_format,
            "encoding": src.encoding,
            "sheet": src.sheet,
            "header_row": src.header_row,
        }
        sealed_source = self._cipher.seal_json(source, "record|roster_source")

        with self._lock:
            merge = merge_roster(self._rows, incoming)
            diff = merge.diff
            with self._write() as conn:
                conn.executemany(
                    "INSERT INTO clients (id, seq, present, individual, file_individual, data) "
                    "VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    "seq = excluded.seq, present = 1, "
                    "file_individual = excluded.file_individual, data = excluded.data",
                    [
                        (cid, row.seq, int(row.individual), int(row.file_individual), sealed[cid])
                        for cid, row in merge.rows.items()
                    ],
                )
                conn.executemany(
                    "UPDATE clients SET present = 0 WHERE id = ?", [(c,) for c in merge.gone]
                )
                # A client whose identity moved keeps its statuses under the new id; its old
                # row goes, so the old identity is free if the list changes back.
                conn.executemany(
                    "UPDATE statuses SET client = ? WHERE client = ?", list(merge.moved.items())
                )
                conn.executemany("DELETE FROM clients WHERE id = ?", [(c,) for c in merge.retired])
                database.put_record(conn, "roster_source", sealed_source)
                self._audit(
                    conn,
                    "import",
                    {
                        "file": src.path.name,
                        "sha256": src.sha256,
                        "added": [client_label(c) for c in diff.added],
                        "removed": [client_label(c) for c in diff.removed],
                        "kept": len(diff.kept),
                        "disagreements": [client_label(c) for c in diff.disagreements],
                    },
                )
            self._rows = merge.applied_to(self._rows)
            self._roster_source = source
        return diff


def _find(data_dir: Path, name: str | None) -> CaseSummary:
    cases = index.list_cases(data_dir)
    if not cases:
        raise CaseNotFound(
            "事案がまだありません。先に事案を作成してください。",
            "There is no case yet. Please create one first.",
        )
    if name is None:
        last = index.last_opened_id(data_dir)
        return next((s for s in cases if s.id == last), cases[0])
    for summary in cases:  # most recently opened first
        if summary.name == name.strip():
            return summary
    raise CaseNotFound(f"「{name}」という事案はありません。", f"There is no case named “{name}”.")
