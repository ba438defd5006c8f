"""A case: one incident's roster, ticks, document statuses and audit log, in one SQLite file.

Durability: WAL with ``synchronous=FULL``, and every change is its own committed transaction,
so a method that has returned has reached the disk; a crash or kill loses nothing the user saw
saved. Confidentiality: every client value (the roster row, the incident, the roster's file
name and problems, the audit details) is sealed with the case's data key before it reaches
SQLite; rows are found by an HMAC of the client key. What stays readable: the case name,
dates, document kinds and statuses, the OS user names in the log, and how many rows there are.

Writes decide on the stored state, never on this object's copy: each change reads the rows it
touches inside its ``BEGIN IMMEDIATE`` transaction, decides, writes and logs, so two windows
(or a window and the command line) never lose each other's changes. Decision: a change that is
already stored (a tick of a ticked client, a status a client already has) is neither written
nor logged again; when nothing changes, nothing is logged. ``changed_outside`` tells, cheaply
(SQLite's ``data_version``, then the log's last entry), that another program changed the case;
``reload`` reads it again. An import made after an outside change reads the whole case again
first, inside its transaction.

Tamper evidence (``seal``, ``ledger``): the log is a keyed-hash chain whose end is sealed with
the case key, and ticks, statuses and records are authenticated the same way. Decision: every
open checks the whole file. When something does not fit, ``open`` raises ``CaseTampered``
naming the first place (every face shows it as a sentence); ``open(..., allow_tampered=True)``
opens the case read-only instead, with ``findings`` listing everything, for a face that
wants to show the case and its findings (``noticedesk log --verify``). ``accept_findings``
then lets the office record in the log what was found and seal the file as it is now.

Re-import: which stored client a roster row is, and what it keeps (the case's tick wins over
a re-imported file, disagreements are listed, a removed client keeps its rows and gets them
back on its return), is decided in ``merge``, a pure function; this module writes the outcome.
The roster's problems are kept with the case (``roster_issues``), and so are the office's
decisions on them (``resolve``, ``withdraw``, ``resolutions``: see ``resolutions`` for what
each decision does, ``deciding`` for how it is written); ``export_rule`` decides from both
whether the case may be exported.

Threads: one store may be used from the GUI thread and a worker at once; a lock serialises
access, and an import seals its rows before taking the lock, so a tick waits only for the
short write itself. Another process holding the write lock beyond ``BUSY_TIMEOUT_S`` is
``CaseInUse``, naming who (``presence``).
"""

from __future__ import annotations

import contextlib
import secrets as token
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from noticedesk.core.case import (
    answering,
    audit,
    database,
    deciding,
    decision_records,
    importing,
    index,
    mail_records,
    opening,
    presence,
)
from noticedesk.core.case.answers import Answer
from noticedesk.core.case.crypto import FieldCipher, RowSealer, new_dek
from noticedesk.core.case.errors import CaseError, CaseInUse, CaseTampered, Finding
from noticedesk.core.case.keys import KeySource, RecoveryCodeKeySource, describe_protection
from noticedesk.core.case.ledger import Ledger, reseal
from noticedesk.core.case.loading import CaseContents, audit_entry, read_contents
from noticedesk.core.case.mail_records import MailRecord
from noticedesk.core.case.merge import StoredClient
from noticedesk.core.case.records import (
    STATUS_LABELS,
    CaseClient,
    CaseSummary,
    DocumentStatus,
    ImportDiff,
    RosterIssue,
    StatusEntry,
    now,
)
from noticedesk.core.case.resolutions import Decision, Resolution
from noticedesk.core.clients import Client, Roster
from noticedesk.core.incident import Incident, incident_to_mapping


class CaseStore:
    """An open case. Make one with ``create`` or ``open``; ``close`` it when done."""

    def __init__(
        self,
        data_dir: Path,
        summary: CaseSummary,
        conn: sqlite3.Connection,
        dek: bytes,
        *,
        sealed: bool = True,
        allow_tampered: bool = False,
    ) -> None:
        self._data_dir = data_dir
        self._summary = summary
        self._conn = conn
        self._dek = dek  # kept only to add a wrapping later (protect_with)
        self._cipher = FieldCipher(dek, summary.id)
        self._sealer = RowSealer(dek, summary.id)
        self._sealed = sealed
        self._lock = threading.RLock()
        self._rows: dict[bytes, StoredClient] = {}
        self._incident: Incident | None = None
        self._roster_source: dict[str, Any] | None = None
        self._roster_issues: list[RosterIssue] = []
        self._resolutions: dict[str, Resolution] = {}
        self._answers: dict[bytes, Answer] = {}  # clients' answers to the reply slip
        # The roster's rows by row, with the source record they were read for (``file_row``).
        self._file_rows: tuple[object, tuple[Sequence[Client], dict[int, Client]]] | None = None
        self._findings: list[Finding] = []
        self._read_only: CaseError | None = None
        self._seen_seq = 0  # the log's last entry when this copy was read
        self._data_version = 0
        self._note = presence.OpenNote.write(self.path)
        try:
            self._load()
            if self._findings and not allow_tampered:
                raise CaseTampered(self.name, self._findings)
        except BaseException:
            self.close()
            raise

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

        final = index.case_path(data_dir, case_id)
        opening.build_case_file(final, summary, dek, [main_key, recovery_key])
        index.record(data_dir, summary, opened=True)
        return cls(data_dir, summary, database.connect(final), dek), recovery.code

    @classmethod
    def open(
        cls,
        data_dir: Path,
        name: str | None,
        key_source: KeySource,
        *,
        allow_tampered: bool = False,
    ) -> CaseStore:
        """Open a case by name, or the one opened last when ``name`` is None.

        Raises CaseNotFound, WrongPassphrase / WrongRecoveryCode, KeyMissing,
        SecretStoreUnavailable (the credential store is missing or locked: nothing is wrong
        with the case, and nothing has been changed), CaseDamaged (its meta or key rows),
        CaseInUse, or CaseTampered (unless ``allow_tampered``: see the module notes).
        """
        data_dir = Path(data_dir)
        summary = index.find(data_dir, name)
        path = index.case_path(data_dir, summary.id)
        try:
            conn = database.connect(path)
        except sqlite3.Error as exc:
            raise database.unreadable(path, exc) from None
        try:
            header = opening.read_header(conn, summary, path, key_source.kind)
            dek = opening.unwrap(key_source, header, summary, path)
            sealed = header.schema >= 2 or opening.seal_old_case(conn, dek, summary, path)
            opened = now()
            opening.touch_last_opened(conn, opened)
        except BaseException:
            conn.close()
            raise
        summary = replace(summary, last_opened=opened, protection=header.protection)
        index.record(data_dir, summary, opened=True)
        return cls(data_dir, summary, conn, dek, sealed=sealed, allow_tampered=allow_tampered)

    def protect_with(self, key_source: KeySource) -> None:
        """Add or replace the wrapping of this kind: after opening with the recovery code on a
        new PC, ``protect_with(KeyringKeySource())`` makes the case open there by itself."""
        with self._lock:
            wrapped = key_source.wrap(self._dek, self.id)
            with self._write() as tx:
                database.store_key(tx.conn, wrapped)
                if key_source.kind != "recovery":
                    tx.conn.execute(
                        "UPDATE meta SET value = ? WHERE key = 'protection'", (key_source.kind,)
                    )
                tx.audit("key", {"text": describe_protection(key_source.kind)})
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
            self._note.remove()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading --------------------------------------------------------------------------

    def _read(self) -> tuple[CaseContents, int]:
        """The whole file, checked against its seal, as of one moment (a read transaction)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                try:
                    version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
                    sealer = self._sealer if self._sealed else None
                    contents = read_contents(self._conn, self._cipher, sealer)
                finally:
                    self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise self._sqlite_error(exc, writing=False) from None
            return contents, version

    def _load(self) -> None:
        contents, version = self._read()
        self._take(contents)
        self._data_version = version
        self._findings = contents.findings
        if contents.findings:
            self._read_only = CaseTampered(self.name, contents.findings)
        elif not self._sealed:
            self._read_only = CaseError(
                f"事案「{self.name}」のファイルは読み取り専用のため、変更を保存できません。",
                f"The file of the case “{self.name}” is read-only, so no change can be saved.",
            )
        else:
            self._read_only = None

    def _take(self, contents: CaseContents) -> None:
        self._rows = contents.rows
        self._incident = contents.incident
        self._roster_source = contents.roster_source
        self._roster_issues = contents.roster_issues
        self._resolutions = contents.resolutions
        self._answers = contents.answers
        self._seen_seq = contents.last_seq

    @property
    def findings(self) -> list[Finding]:
        """Where the file did not fit its seal when last read (empty when all fits)."""
        return list(self._findings)

    @property
    def read_only(self) -> bool:
        """True when no change can be saved: the file does not fit its seal, or it could not
        be sealed (a schema 1 case on a read-only medium)."""
        return self._read_only is not None

    @property
    def sealed(self) -> bool:
        return self._sealed

    def verify(self) -> CaseContents:
        """Check the file against its seal now (the log, every row, the totals); the result's
        ``findings`` is empty when all fits. Changes nothing."""
        return self._read()[0]

    def changed_outside(self) -> bool:
        """Whether another program (a second window, the command line) changed the case since
        it was read here. Cheap enough to poll every second or so (it never waits: while this
        store is itself writing it answers False), then call ``reload``."""
        if not self._lock.acquire(blocking=False):
            return False  # this store is writing (an import): asked again at the next poll
        try:
            try:
                version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
                if version == self._data_version:
                    return False
                last = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()
            except sqlite3.Error:
                return False  # cannot tell now; the next write or reload will say why
            if int(last[0]) == self._seen_seq:
                self._data_version = version  # a change that is not content (the open time)
                return False
            return True
        finally:
            self._lock.release()

    def reload(self) -> None:
        """Read the whole case again (after ``changed_outside``). Raises CaseTampered, and
        the case turns read-only, when the file no longer fits its seal."""
        with self._lock:
            self._load()
            if self._findings:
                raise CaseTampered(self.name, self._findings)

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

    def roster_issues(self) -> list[RosterIssue]:
        """The problems of the roster last imported (errors and warnings), as kept with the case."""
        with self._lock:
            return list(self._roster_issues)

    def resolutions(self) -> dict[str, Resolution]:
        """The office's decisions on those problems, by problem id (``RosterIssue.id``)."""
        with self._lock:
            return dict(self._resolutions)

    def file_row(self, row: int) -> Client | None:
        """The client the roster last imported read from ``row``, as the file has it (also a
        row the case does not hold: one waiting for a decision, or left out); None when that
        row was not read as a client."""
        try:
            return self._file_clients()[1].get(row)
        except CaseError:
            return None  # named when the case was opened; nothing to show here

    def _file_clients(self) -> tuple[Sequence[Client], dict[int, Client]]:
        """The roster's clients as the file had them, read from the case once per import."""
        with self._lock:
            if self._file_rows is None or self._file_rows[0] is not self._roster_source:
                try:
                    data = self._conn.execute(
                        "SELECT data FROM records WHERE name = ?", (decision_records.ROSTER_ROWS,)
                    ).fetchone()
                    clients = decision_records.file_clients(
                        self._cipher, data[0] if data else None, self._rows
                    )
                except (sqlite3.Error, CaseError, ValueError, TypeError, KeyError):
                    raise CaseError(
                        "取り込んだ顧問先一覧の行の記録が読めないため、決定できません。"
                        "顧問先一覧を取り込み直してください。",
                        "The record of the client list as imported cannot be read, so nothing "
                        "can be decided; import the client list again.",
                    ) from None
                self._file_rows = (self._roster_source, (clients, {c.row: c for c in clients}))
            return self._file_rows[1]

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
            answered = sum(1 for cid, r in self._rows.items() if r.present and cid in self._answers)
            return {
                "clients": len(present),
                "individual": individual,
                "joint": len(present) - individual,
                "answered": answered,
                "awaiting_answer": len(present) - answered,
                "documents": documents,
            }

    def audit_entries(self) -> list[audit.AuditEntry]:
        """The log as stored; an entry that cannot be read is shown as such, not skipped."""
        with self._lock:
            try:
                rows = self._conn.execute(
                    "SELECT seq, at, user, action, details FROM audit ORDER BY seq"
                ).fetchall()
            except sqlite3.Error as exc:
                raise self._sqlite_error(exc, writing=False) from None
        return [audit_entry(self._cipher, *row) for row in rows]

    def export_audit_csv(self, path: Path, *, overwrite: bool = False) -> None:
        """Write the log as CSV (UTF-8 with BOM, for Excel); never replaces a file unasked."""
        audit.write_csv(self.audit_entries(), Path(path), overwrite=overwrite)

    # --- changing -------------------------------------------------------------------------

    def _sqlite_error(self, exc: sqlite3.Error, *, writing: bool = True) -> CaseError:
        if database.is_busy(exc):
            return CaseInUse(self.name, presence.holders(self.path, self._note))
        if writing:
            return database.not_written(self.name, exc)
        return database.unreadable(self.path, exc)

    @contextlib.contextmanager
    def _write(self) -> Iterator[Ledger]:
        """One committed transaction that keeps the seal; on return it is on disk (WAL,
        synchronous=FULL). Refused on a read-only (tampered, unsealed) case."""
        with self._lock:
            if self._read_only is not None:
                raise self._read_only
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._sqlite_error(exc) from None
            try:
                tx = Ledger(self._conn, self._cipher, self._sealer, self.name, self._rows)
                yield tx
                tx.finish()
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, CaseTampered):
                    self._findings = exc.findings
                    self._read_only = exc
                if isinstance(exc, sqlite3.Error):
                    raise self._sqlite_error(exc) from None
                raise
            if tx.start_seq == self._seen_seq:  # nobody else wrote since this copy was read
                self._seen_seq = tx.seal.seq

    def _ids(self, keys: Sequence[str]) -> list[bytes]:
        return list(dict.fromkeys(self._cipher.lookup_id(key) for key in keys))

    def set_individual(self, keys: Sequence[str], value: bool) -> None:
        """Tick (individual report) or untick clients as stored in the file; durable and
        audited on return. Clients already so in the file are neither written nor logged."""
        ids = self._ids(keys)
        if not ids:
            return
        with self._lock:
            with self._write() as tx:
                stored = tx.present_clients(ids)
                changed = [stored[c] for c in ids if bool(stored[c].individual) != value]
                if changed:
                    tx.put_clients([replace(r, individual=int(value)) for r in changed], stored)
                    labels = [tx.label(r.id, r.data) for r in changed]
                    tx.audit("tick" if value else "untick", {"clients": labels})
            for cid in ids:
                if cid in self._rows:
                    self._rows[cid].individual = value

    def set_status(self, keys: Sequence[str], kind: str, status: DocumentStatus) -> None:
        """Set one document kind's status for clients, dated now; durable and audited.
        Clients already in that status in the file keep their date and are not logged."""
        status = DocumentStatus(status)
        if not kind.strip():
            raise ValueError("a document kind is needed")
        ids = self._ids(keys)
        if not ids:
            return
        at = now()
        with self._lock:
            with self._write() as tx:
                clients = tx.present_clients(ids)
                changed = tx.write_statuses(ids, kind, status, at.isoformat(), changed_only=True)
                if changed:
                    tx.audit(
                        "status",
                        {
                            "kind": kind,
                            "status": status.value,
                            "status_label": STATUS_LABELS[status],
                            "clients": [tx.label(c, clients[c].data) for c in changed],
                        },
                    )
            self._cache_statuses(changed, kind, StatusEntry(status, at))

    def _cache_statuses(self, ids: Sequence[bytes], kind: str, entry: StatusEntry) -> None:
        for cid in ids:
            if cid in self._rows:
                self._rows[cid].statuses[kind] = entry

    def record_export(
        self,
        documents: Mapping[str, Sequence[tuple[str, Path]]],
        ppc_list: Path | None,
        address_files: Mapping[str, Path] | None = None,
    ) -> None:
        """Record an export as written: per client key, the (kind, file) pairs on disk, and
        the envelopes and label sheets written with them (in the log entry only: they are no
        client's document and have no status).

        Each written (client, kind) becomes "exported" and nothing else does: the own-report
        guide exists only for clients who report individually, so a client in the joint
        report is never marked as having one. One transaction and one log entry, which keeps
        every file and the PPC list.

        Decision: a re-export sets "exported" again even after "sent": the new files have
        not been sent; the log still shows the earlier sending.
        """
        keys = list(documents)
        ids = [self._cipher.lookup_id(key) for key in keys]
        by_kind: dict[str, dict[bytes, None]] = {}
        for cid, key in zip(ids, keys, strict=True):
            for kind, _path in documents[key]:
                by_kind.setdefault(kind, {})[cid] = None
        at = now()
        with self._lock:
            with self._write() as tx:
                clients = tx.present_clients(ids)
                for kind, kind_ids in by_kind.items():
                    tx.write_statuses(list(kind_ids), kind, DocumentStatus.EXPORTED, at.isoformat())
                details = {
                    "kinds": list(by_kind),
                    "files": {
                        tx.label(cid, clients[cid].data): [str(p) for _k, p in documents[key]]
                        for cid, key in zip(ids, keys, strict=True)
                    },
                    "ppc_list": str(ppc_list) if ppc_list else "",
                }
                if address_files:
                    details["address_files"] = {k: str(p) for k, p in address_files.items()}
                tx.audit("export", details)
            for kind, kind_ids in by_kind.items():
                self._cache_statuses(list(kind_ids), kind, StatusEntry(DocumentStatus.EXPORTED, at))

    # --- e-mail (``mail_records`` says what is kept, ``core.mail`` decides) ---------------

    def mail_records(self) -> dict[str, MailRecord]:
        """Each client's e-mail record as stored now, by client key. A record that cannot be
        read is left out here; the seal check on opening names it."""
        with self._lock:
            try:
                rows = self._conn.execute(
                    "SELECT name, data FROM records WHERE substr(name, 1, ?) = ?",
                    (len(mail_records.PREFIX), mail_records.PREFIX),
                ).fetchall()
            except sqlite3.Error as exc:
                raise self._sqlite_error(exc, writing=False) from None
        out: dict[str, MailRecord] = {}
        for name, data in rows:
            with contextlib.suppress(CaseError, ValueError, TypeError, KeyError):
                record = mail_records.open_record(self._cipher, name, data)
                out[record.client] = record
        return out

    def record_mail(self, record: MailRecord, action: str, details: dict[str, Any]) -> MailRecord:
        """Store a client's e-mail record and log ``action`` in one transaction, on disk on
        return; a ``sent`` record marks its documents 送付済 in the same transaction. An earlier
        message's record goes into the new one's history. Returns the record as stored."""
        cid = self._cipher.lookup_id(record.client)
        at = now()
        sent = record.state == mail_records.SENT
        with self._lock:
            with self._write() as tx:
                clients = tx.present_clients([cid])
                name = mail_records.record_name(self._cipher, record.client)
                old = tx.record(name)
                previous = None
                if old is not None:
                    with contextlib.suppress(CaseError, ValueError, TypeError, KeyError):
                        previous = mail_records.open_record(self._cipher, name, old)
                stored = record.superseding(previous)
                tx.put_record(name, mail_records.seal_record(self._cipher, stored)[1])
                for kind in record.kinds if sent else ():
                    tx.write_statuses([cid], kind, DocumentStatus.SENT, at.isoformat())
                tx.audit(action, {"client": tx.label(cid, clients[cid].data), **details})
            for kind in record.kinds if sent else ():
                self._cache_statuses([cid], kind, StatusEntry(DocumentStatus.SENT, at))
        return stored

    def set_incident(self, incident: Incident) -> None:
        """Store the incident; a deadline the office set or cleared is logged on its own line
        (it is the office's professional call, and it will be asked about)."""
        sealed = self._cipher.seal_json(incident_to_mapping(incident), "record|incident")
        with self._lock:
            with self._write() as tx:
                changes = audit.deadline_changes(tx.incident(), incident)
                tx.put_record("incident", sealed)
                tx.audit("incident", {"text": incident.title})
                for change in changes:
                    tx.audit("deadline", change)
            self._incident = incident

    def import_roster(self, roster: Roster) -> ImportDiff:
        """Bring in a (re-)imported roster and keep its problems with the case; ``merge``
        decides what is kept, ``importing`` writes it. An import with errors is stored (the
        office sees its clients, and a row whose identity an earlier row has waits for a
        decision); the case cannot be exported until each error is decided or a corrected
        list is imported (``export_rule``). The decisions on problems the new roster still has
        are kept; the others are dropped, and the log says which."""
        # Sealing is the slow part; done before taking the lock so ticks are not held up.
        prepared = importing.prepare(self._cipher, roster)
        with self._lock:
            with self._write() as tx:
                self._read_again_if_changed(tx)
                imported = importing.write(
                    tx, self._cipher, self._rows, self._resolutions, prepared
                )
            self._rows = imported.merge.applied_to(self._rows)
            self._follow_moves(imported.merge.moved)
            self._roster_source = prepared.source
            self._roster_issues = prepared.issues
            self._resolutions = imported.resolutions
        return imported.merge.diff

    def resolve(self, issue_id: str, decision: Decision | str, name: str = "") -> Resolution:
        """Decide a problem of the roster (``resolutions.Decision``; ``name`` for a row
        without one): kept in the case, sealed and logged with who and when, and the case's
        clients follow at once. ``issue_id`` is ``RosterIssue.id`` (a unique start of it will
        do). Deciding again replaces the decision. Raises CaseError with the reason when the
        problem does not offer that decision or it would make two clients one."""
        wanted = Decision(decision)
        return self._decide(lambda case: deciding.resolve(case, issue_id, wanted, name))

    def withdraw(self, issue_id: str) -> Resolution:
        """Withdraw the decision on a problem (logged): the problem blocks the export again and
        the case's clients are as the roster alone makes them. Returns what was withdrawn."""
        return self._decide(lambda case: deciding.withdraw(case, issue_id))

    def _decide(self, step: Callable[[deciding.CaseNow], deciding.Decided]) -> Resolution:
        with self._lock:
            with self._write() as tx:
                self._read_again_if_changed(tx)
                files = self._file_clients()[0]
                case = deciding.CaseNow(
                    tx, self._cipher, self._rows, files, self._roster_issues, self._resolutions
                )
                decided = step(case)
            self._rows = decided.merge.applied_to(self._rows)
            self._follow_moves(decided.merge.moved)
            self._resolutions = decided.resolutions
            return decided.resolution

    # --- clients' answers to the reply slip (see ``answers``) -------------------------------

    def answers(self) -> dict[str, Answer]:
        """The answers of the current roster's clients, by client key."""
        with self._lock:
            return {
                row.client.key: self._answers[cid]
                for cid, row in self._rows.items()
                if row.present and cid in self._answers
            }

    def ticks(self, keys: Sequence[str]) -> dict[str, bool]:
        """The case's ticks of these clients (those of the current roster), by key."""
        with self._lock:
            rows = ((key, self._rows.get(self._cipher.lookup_id(key))) for key in keys)
            return {key: row.individual for key, row in rows if row is not None and row.present}

    def record_answers(self, keys: Sequence[str], answer: Answer) -> dict[str, Answer | None]:
        """Record one answer for clients (the tick follows it); durable and logged on return.
        Returns each changed client's answer before (None: it had none), for an undo."""
        return self.set_answers(dict.fromkeys(keys, answer))

    def withdraw_answers(self, keys: Sequence[str]) -> dict[str, Answer | None]:
        """Take clients' answers back (the tick goes back to what it was before the first
        answer, unless changed since); logged. Returns the answers withdrawn."""
        return self.set_answers(dict.fromkeys(keys))

    def set_answers(self, changes: Mapping[str, Answer | None]) -> dict[str, Answer | None]:
        """Per client key, the answer to keep (None: none); what an undo puts back. Returns
        each changed client's answer before."""
        by_id = {self._cipher.lookup_id(key): (key, answer) for key, answer in changes.items()}
        if not by_id:
            return {}
        with self._lock:
            with self._write() as tx:
                written = answering.write_answers(
                    tx, self._cipher, {cid: answer for cid, (_k, answer) in by_id.items()}
                )
            for cid, made in written.answers.items():
                if made is None:
                    self._answers.pop(cid, None)
                else:
                    self._answers[cid] = made
            for cid, tick in written.ticks.items():
                if cid in self._rows:
                    self._rows[cid].individual = tick
            return {by_id[cid][0]: before for cid, before in written.previous.items()}

    def _follow_moves(self, moved: Mapping[bytes, bytes]) -> None:
        """Answers follow clients whose identity moved (new id → old id), as on disk."""
        for new, old in moved.items():
            if old in self._answers:
                self._answers[new] = self._answers.pop(old)

    def _read_again_if_changed(self, tx: Ledger) -> None:
        if tx.start_seq != self._seen_seq:  # changed outside: decide on the file
            self._take(read_contents(tx.conn, self._cipher, None))

    # --- when the file does not fit its seal ---------------------------------------------

    def accept_findings(self) -> list[Finding]:
        """Record in the log what the check found, and seal the file as it is now.

        For an office that has looked at the findings (``findings``) and decided to go on
        with the case as it stands: rows that cannot be read at all are removed (they are
        named in the log entry), every row and entry is sealed again, and checking starts
        afresh from the new entry. Returns what was recorded (empty: all fitted, nothing
        done). The store is writable again afterwards.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._sqlite_error(exc) from None
            try:
                contents = read_contents(self._conn, self._cipher, self._sealer)
                if contents.findings:
                    reseal(self._conn, self._cipher, self._sealer, self.name, contents)
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._sqlite_error(exc) from None
                raise
            self._load()
            return contents.findings
