"""Checking a case file against its seal, and naming what does not fit (Japanese and English).

Each check takes the rows as stored and returns ``Finding``s, the first place first:
- the log: an entry whose link does not fit is "changed"; when the entry before it is missing
  (its number skips), the missing numbers are "deleted"; the log's end against the head names
  deleted last entries, or entries added after the seal;
- a client row or status row whose mac does not fit is named by its client (code and name),
  and where one changed value explains it (the tick flipped, a status other than the sealed
  one) the finding says which;
- the totals: rows deleted or added, or rows put back from an older copy (counts that fit,
  a state sum that does not).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from noticedesk.core.case.crypto import RowSealer
from noticedesk.core.case.errors import Finding
from noticedesk.core.case.records import STATUS_LABELS, DocumentStatus, RosterIssue
from noticedesk.core.case.seal import ClientRow, Seal, StatusRow

AuditRow = tuple[Any, Any, Any, Any, Any, Any]  # seq, at, user, action, details, mac


def _span(first: int, last: int) -> tuple[str, str]:
    if first == last:
        return f"{first} 番", f"entry {first}"
    return f"{first}〜{last} 番", f"entries {first}–{last}"


def entry_changed(seq: int) -> Finding:
    return Finding(
        f"操作記録 {seq} 番が書き換えられています。", f"Log entry {seq} has been changed.", seq
    )


def entries_deleted(first: int, last: int, *, at_end: bool = False) -> Finding:
    ja, en = _span(first, last)
    if at_end:
        return Finding(
            f"最後の操作記録 ({ja}) が削除されています。",
            f"The last log {en} {'was' if first == last else 'were'} deleted.",
            first,
        )
    return Finding(
        f"操作記録 {ja}が削除されています。",
        f"Log {en} {'was' if first == last else 'were'} deleted.",
        first,
    )


def entries_added(first: int) -> Finding:
    return Finding(
        f"操作記録 {first} 番以降は、封印の後に書き足されています。",
        f"Log entries from {first} on were added after the seal.",
        first,
    )


def seal_unreadable(missing: bool) -> Finding:
    if missing:
        return Finding(
            "封印 (記録全体の要約) がありません。", "The seal (the summary of all records) is gone."
        )
    return Finding(
        "封印 (記録全体の要約) が読めません。",
        "The seal (the summary of all records) cannot be read.",
    )


def tail_finding(tail: tuple[Any, Any] | None, seal: Seal) -> Finding | None:
    """Whether the log's last entry (seq, mac) is the one the head names."""
    if tail is None:
        return entries_deleted(1, seal.seq, at_end=True) if seal.seq else None
    seq, mac = int(tail[0]), tail[1]
    if seq < seal.seq:
        return entries_deleted(seq + 1, seal.seq, at_end=True)
    if seq > seal.seq:
        return entries_added(seal.seq + 1)
    if not isinstance(mac, bytes) or not hmac.compare_digest(mac, seal.mac):
        return entry_changed(seq)
    return None


def check_chain(rows: Sequence[AuditRow], seal: Seal, sealer: RowSealer) -> list[Finding]:
    """Each entry against the one stored before it, then the end against the head.

    Each link is checked against the stored link before it, so one edited entry is named
    alone and the entries after it still fit.
    """
    findings: list[Finding] = []
    previous_seq, previous_mac = 0, sealer.genesis
    for seq, at, user, action, details, mac in rows:
        expected = sealer.audit_mac(previous_mac, seq, at, user, action, details)
        if not isinstance(mac, bytes) or not hmac.compare_digest(mac, expected):
            if isinstance(seq, int) and seq > previous_seq + 1:
                findings.append(entries_deleted(previous_seq + 1, seq - 1))
            else:
                findings.append(entry_changed(int(seq)))
        previous_seq = int(seq)
        previous_mac = mac if isinstance(mac, bytes) else b""
    tail = (rows[-1][0], rows[-1][5]) if rows else None
    last = tail_finding(tail, seal)
    if last is not None and last not in findings:
        findings.append(last)
    return findings


def fits(row: ClientRow | StatusRow, sealer: RowSealer) -> bool:
    return row.mac is not None and hmac.compare_digest(row.mac, row.expected_mac(sealer))


def _report(value: int) -> tuple[str, str]:
    return ("個別報告", "individual") if value else ("共同報告", "joint")


def client_finding(row: ClientRow, sealer: RowSealer, label: str) -> Finding:
    """What changed in a row that does not ``fit``, as far as one value explains it."""
    if row.individual in (0, 1) and fits(replace(row, individual=1 - row.individual), sealer):
        was, now = _report(1 - row.individual), _report(row.individual)
        return Finding(
            f"顧問先 {label} の個別報告のチェックが書き換えられています "
            f"(封印時: {was[0]}、現在: {now[0]})。",
            f"The individual-report tick of client {label} has been changed "
            f"(sealed: {was[1]}, now: {now[1]}).",
        )
    if row.present in (0, 1) and fits(replace(row, present=1 - row.present), sealer):
        return Finding(
            f"顧問先 {label} が顧問先一覧にあるかどうかの印が書き換えられています。",
            f"Whether client {label} is in the client list has been changed.",
        )
    return Finding(
        f"顧問先 {label} の行が書き換えられています。",
        f"The row of client {label} has been changed.",
    )


def _status_label(value: object) -> str:
    try:
        return STATUS_LABELS[DocumentStatus(str(value))]
    except ValueError:
        return f"「{value}」"


def status_finding(row: StatusRow, sealer: RowSealer, label: str) -> Finding:
    """What changed in a status row that does not ``fit``."""
    now = _status_label(row.status)
    for status in DocumentStatus:
        if status.value != row.status and fits(replace(row, status=status.value), sealer):
            return Finding(
                f"顧問先 {label} の書類 {row.kind} の状況が書き換えられています "
                f"(封印時: {STATUS_LABELS[status]}、現在: {now})。",
                f"The status of document {row.kind} of client {label} has been changed "
                f"(sealed: {status.value}, now: {row.status}).",
            )
    return Finding(
        f"顧問先 {label} の書類 {row.kind} の状況の行が書き換えられています。",
        f"The status row of document {row.kind} of client {label} has been changed.",
    )


def unreadable_row(what_ja: str, what_en: str) -> Finding:
    return Finding(f"{what_ja}が読めません。", f"The {what_en} cannot be read.")


def decision_unreadable(problem: RosterIssue | None) -> Finding:
    """A decision on a roster problem that no longer opens: edited, or copied from elsewhere."""
    if problem is None:
        return Finding(
            "顧問先一覧の問題への決定の記録が読めません (書き換えられたか、壊れています)。",
            "A decision on a client-list problem cannot be read (changed, or damaged).",
        )
    issue = problem.issue
    where_ja, where_en = issue.where("ja"), issue.where("en")
    return Finding(
        f"顧問先一覧の問題 ({where_ja}: {issue.message}) への決定の記録が読めません "
        "(書き換えられたか、壊れています)。",
        f"The decision on the client-list problem ({where_en}: {issue.text('en')}) cannot be "
        "read (changed, or damaged).",
    )


_TABLES = {
    "clients": ("顧問先の行", "client rows"),
    "statuses": ("書類の状況の行", "document status rows"),
    "records": (
        "事案情報・顧問先一覧の問題への決定などの記録",
        "case records (incident, roster source, problems, decisions on them)",
    ),
}


def totals_findings(seal: Seal, counts: dict[str, int], state: int) -> list[Finding]:
    """Rows deleted or added, else rows put back from an earlier copy."""
    findings: list[Finding] = []
    for table, sealed in (
        ("clients", seal.clients),
        ("statuses", seal.statuses),
        ("records", seal.records),
    ):
        found = counts[table]
        if found != sealed:
            ja, en = _TABLES[table]
            gone = found < sealed
            n = abs(found - sealed)
            findings.append(
                Finding(
                    f"{ja}が {n} 件{'削除' if gone else '追加'}されています。",
                    f"{'Deleted' if gone else 'Added'}: {n} {en}.",
                )
            )
    if not findings and state != seal.state:
        findings.append(
            Finding(
                "一部の行が、以前の内容に戻されています (古いコピーからの書き戻し)。",
                "Some rows were put back to earlier contents (copied from an older file).",
            )
        )
    return findings
