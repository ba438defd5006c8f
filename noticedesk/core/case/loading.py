"""Reading a whole case file into memory, and checking it against its seal on the way.

``read_contents`` is called inside one transaction (a read snapshot on open and ``reload``, or
the write transaction of an import), so the rows, the log and the head it compares are all of
the same moment. A row that cannot be read is left out of the contents and named as a finding;
it never stops the rest from being shown.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from noticedesk.core.case import answer_records, audit, decision_records, verification
from noticedesk.core.case.answers import Answer
from noticedesk.core.case.crypto import FieldCipher, RowSealer
from noticedesk.core.case.errors import Finding
from noticedesk.core.case.ledger import audit_context, client_data_context
from noticedesk.core.case.merge import StoredClient
from noticedesk.core.case.records import (
    DocumentStatus,
    RosterIssue,
    StatusEntry,
    client_from_mapping,
    client_label,
    incident_from_stored,
    issues_from_stored,
)
from noticedesk.core.case.resolutions import Resolution
from noticedesk.core.case.seal import (
    CLIENT_COLUMNS,
    SEAL_RECORD,
    STATE_MODULUS,
    STATUS_COLUMNS,
    Seal,
    SealUnreadable,
    client_row,
    read_seal,
    record_mac,
    status_row,
)
from noticedesk.core.incident import Incident
from noticedesk.core.user_error import UserError

_UNREADABLE_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_UNREADABLE = (UserError, ValueError, TypeError, KeyError, AttributeError)

_RECORD_NAMES = {
    "incident": ("事案情報", "incident"),
    "roster_source": ("取り込んだ顧問先一覧の情報", "record of the imported client list"),
    "roster_issues": ("顧問先一覧の問題の記録", "record of the client list's problems"),
    decision_records.ROSTER_ROWS: (
        "取り込んだ顧問先一覧の行の記録",
        "record of the client list's rows as imported",
    ),
}


@dataclass(slots=True)
class CaseContents:
    rows: dict[bytes, StoredClient] = field(default_factory=dict)
    incident: Incident | None = None
    roster_source: dict[str, Any] | None = None
    roster_issues: list[RosterIssue] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)  # by problem id
    answers: dict[bytes, Answer] = field(default_factory=dict)  # by client id
    findings: list[Finding] = field(default_factory=list)
    last_seq: int = 0  # the log's last entry
    entries: int = 0  # entries checked (0 when the log was not checked)
    statuses: int = 0
    since: int = 0  # from the head: the entry the chain vouches from
    unreadable_clients: list[bytes] = field(default_factory=list)
    unreadable_statuses: list[tuple[bytes, str]] = field(default_factory=list)
    unreadable_resolutions: list[str] = field(default_factory=list)  # record names
    unreadable_answers: list[str] = field(default_factory=list)  # record names


class _Checker:
    """The running totals of a check against the head (nothing when not checking)."""

    def __init__(self, sealer: RowSealer | None) -> None:
        self.sealer = sealer
        self.state = 0
        self.counts = {"clients": 0, "statuses": 0, "records": 0}

    def add(self, table: str, mac: bytes | None) -> None:
        self.counts[table] += 1
        if mac:
            self.state = (self.state + int.from_bytes(mac, "big")) % STATE_MODULUS


def read_contents(
    conn: sqlite3.Connection, cipher: FieldCipher, sealer: RowSealer | None
) -> CaseContents:
    """Everything in the case; with ``sealer``, every row and the log checked against the
    head (``findings``). Without it (a file not sealed yet, or a refresh inside a write that
    checks the rows it touches itself) nothing is checked but readability."""
    out = CaseContents()
    check = _Checker(sealer)
    seal: Seal | None = None
    if sealer is not None:
        try:
            seal = read_seal(conn, cipher)
            out.since = seal.since
        except SealUnreadable as exc:
            out.findings.append(verification.seal_unreadable(exc.missing))
        entries = conn.execute("SELECT seq, at, user, action, details, mac FROM audit ORDER BY seq")
        log = entries.fetchall()
        out.entries = len(log)
        out.last_seq = int(log[-1][0]) if log else 0
        if seal is not None:
            out.findings += verification.check_chain(log, seal, sealer)
    else:
        out.last_seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0])
    columns = CLIENT_COLUMNS if sealer is not None else CLIENT_COLUMNS.replace("mac", "NULL")
    _read_clients(conn.execute(f"SELECT {columns} FROM clients"), cipher, check, out)
    columns = STATUS_COLUMNS if sealer is not None else STATUS_COLUMNS.replace("mac", "NULL")
    _read_statuses(conn.execute(f"SELECT {columns} FROM statuses"), cipher, check, out)
    _read_records(conn.execute("SELECT name, data FROM records"), cipher, check, out)
    if seal is not None:
        out.findings += verification.totals_findings(seal, check.counts, check.state)
    return out


def _read_clients(
    cursor: sqlite3.Cursor, cipher: FieldCipher, check: _Checker, out: CaseContents
) -> None:
    sealer = check.sealer
    for values in cursor:
        row = client_row(values)
        client = None
        try:
            if not isinstance(row.data, bytes):
                raise TypeError("not a sealed value")
            mapping = cipher.open_json(row.data, client_data_context(row.id))
            client = client_from_mapping(mapping, bool(row.individual))
            flags = bool(row.present), bool(row.individual), bool(row.file_individual)
            out.rows[row.id] = StoredClient(client, int(row.seq), *flags)
        except _UNREADABLE:
            out.unreadable_clients.append(row.id)
        if sealer is not None:
            check.add("clients", row.mac)
            if verification.fits(row, sealer):
                if client is not None:
                    continue
            else:
                label = client_label(client) if client else _short_id(row.id)
                out.findings.append(verification.client_finding(row, sealer, label))
                continue
        if client is None:
            label = _short_id(row.id)
            out.findings.append(
                verification.unreadable_row(f"顧問先 {label} の行", f"row of client {label}")
            )


def _short_id(cid: object) -> str:
    return f"(id {bytes(cid).hex()[:8]})" if isinstance(cid, bytes) else "(id ?)"


def _read_statuses(
    cursor: sqlite3.Cursor, cipher: FieldCipher, check: _Checker, out: CaseContents
) -> None:
    for values in cursor:
        row = status_row(values)
        out.statuses += 1
        owner = out.rows.get(row.client)
        label = client_label(owner.client) if owner else _short_id(row.client)
        readable = True
        try:
            entry = StatusEntry(DocumentStatus(row.status), dt.datetime.fromisoformat(row.at))
            if owner is not None:
                owner.statuses[str(row.kind)] = entry
        except _UNREADABLE:
            readable = False
            out.unreadable_statuses.append((row.client, row.kind))
        if check.sealer is not None:
            check.add("statuses", row.mac)
            if not verification.fits(row, check.sealer):
                out.findings.append(verification.status_finding(row, check.sealer, label))
                continue
        if not readable:
            out.findings.append(
                verification.unreadable_row(
                    f"顧問先 {label} の書類 {row.kind} の状況",
                    f"status of document {row.kind} of client {label}",
                )
            )


def _read_records(
    cursor: sqlite3.Cursor, cipher: FieldCipher, check: _Checker, out: CaseContents
) -> None:
    decisions: list[tuple[str, Any]] = []
    for name, data in cursor:
        if name == SEAL_RECORD:
            continue
        if check.sealer is not None:
            check.add("records", record_mac(check.sealer, name, data))
        if str(name).startswith(decision_records.RESOLUTION_PREFIX):
            decisions.append((str(name), data))
            continue
        if str(name).startswith(answer_records.ANSWER_PREFIX):
            _read_answer(cipher, str(name), data, out)
            continue
        if name not in _RECORD_NAMES:
            continue
        try:
            if not isinstance(data, bytes):
                raise TypeError("not a sealed value")
            if name == decision_records.ROSTER_ROWS:
                cipher.open(data, decision_records.context(name))  # read when a decision needs it
                continue
            value = cipher.open_json(data, f"record|{name}")
            if name == "incident":
                out.incident = incident_from_stored(value)
            elif name == "roster_source":
                if not isinstance(value, dict):
                    raise TypeError("not a mapping")
                out.roster_source = value
            else:
                out.roster_issues = issues_from_stored(value)
        except _UNREADABLE:
            out.findings.append(verification.unreadable_row(*_RECORD_NAMES[name]))
    # After the problems are read: an unreadable decision is named by its problem.
    for name, data in decisions:
        try:
            resolution = decision_records.open_resolution(cipher, name, data)
            out.resolutions[resolution.issue_id] = resolution
        except _UNREADABLE:
            out.unreadable_resolutions.append(name)
            out.findings.append(verification.decision_unreadable(_problem_named(cipher, name, out)))


def _read_answer(cipher: FieldCipher, name: str, data: Any, out: CaseContents) -> None:
    try:
        cid, answer = answer_records.open_answer(cipher, name, data)
        out.answers[cid] = answer
    except _UNREADABLE:
        out.unreadable_answers.append(name)
        out.findings.append(
            verification.unreadable_row("顧問先の回答の記録", "record of a client's answer")
        )


def _problem_named(cipher: FieldCipher, name: str, out: CaseContents) -> RosterIssue | None:
    for kept in out.roster_issues:
        if decision_records.resolution_name(cipher, kept.id) == name:
            return kept
    return None


def audit_entry(
    cipher: FieldCipher, seq: Any, at: Any, user: Any, action: Any, details: Any
) -> audit.AuditEntry:
    """One stored log entry; one that cannot be read is shown as such, not skipped."""
    try:
        when = dt.datetime.fromisoformat(at)
    except (TypeError, ValueError):
        when = _UNREADABLE_TIME
    try:
        opened = cipher.open_json(details, audit_context(at, user, action))
        if not isinstance(opened, dict):
            raise TypeError("not a mapping")
    except _UNREADABLE:
        opened = {"unreadable": True}
    return audit.AuditEntry(int(seq), when, str(user), str(action), opened)
