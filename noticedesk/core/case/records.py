"""The records a case hands out: clients with their choices, document statuses, import diffs,
and the problems of the roster last imported."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from noticedesk.core.clients import Client, Issue, Severity
from noticedesk.core.incident import Incident, incident_from_mapping


class DocumentStatus(StrEnum):
    NOT_YET = "not_yet"
    EXPORTED = "exported"
    PRINTED = "printed"
    SENT = "sent"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[DocumentStatus, str] = {
    DocumentStatus.NOT_YET: "未作成",
    DocumentStatus.EXPORTED: "書き出し済",
    DocumentStatus.PRINTED: "印刷済",
    DocumentStatus.SENT: "送付済",
}


@dataclass(frozen=True, slots=True)
class StatusEntry:
    status: DocumentStatus
    at: dt.datetime | None = None  # when it was set (local time with offset); None: never


NOT_YET = StatusEntry(DocumentStatus.NOT_YET)


@dataclass(frozen=True, slots=True)
class CaseClient:
    """A client as the case knows it.

    ``client.individual`` and ``individual`` both hold the case's choice (not the roster
    file's), so a list of ``client`` objects can go straight to the export engine.
    """

    client: Client
    individual: bool
    statuses: dict[str, StatusEntry] = field(default_factory=dict)
    file_individual: bool = False  # what the last imported file said

    @property
    def key(self) -> str:
        return self.client.key

    def status(self, kind: str) -> StatusEntry:
        return self.statuses.get(kind, NOT_YET)


@dataclass(frozen=True, slots=True)
class ImportDiff:
    """What an import changed. ``disagreements``: kept clients whose tick in the file differs
    from the case's (the case's tick was kept)."""

    added: list[Client]
    removed: list[Client]
    kept: list[Client]
    disagreements: list[Client] = field(default_factory=list)
    first_import: bool = False


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: str
    name: str
    created: dt.datetime
    last_opened: dt.datetime | None
    protection: str  # "keyring", "passphrase" or "ephemeral"


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def client_label(client: Client) -> str:
    """How the audit log names a client: code and name."""
    return f"{client.code} {client.name}".strip()


_CLIENT_FIELDS = tuple(f.name for f in fields(Client) if f.name != "individual")
_CLIENT_FIELD_SET = frozenset(_CLIENT_FIELDS)


def client_to_mapping(client: Client) -> dict[str, Any]:
    return {name: getattr(client, name) for name in _CLIENT_FIELDS}


def client_from_mapping(data: dict[str, Any], individual: bool) -> Client:
    values = {k: v for k, v in data.items() if k in _CLIENT_FIELD_SET}
    values["extra"] = dict(values.get("extra") or {})
    return Client(individual=individual, **values)


def incident_from_stored(data: dict[str, Any]) -> Incident:
    return incident_from_mapping(data, origin="case")


@dataclass(frozen=True, slots=True)
class RosterIssue:
    """A problem of the roster last imported into the case, kept (sealed) with it.

    ``id`` is the same for the same problem at the same place (its code, row, column and
    message), so a later decision about it (the office resolving it in the window) can name
    it, and finds it again when the same file is imported again.
    """

    id: str
    issue: Issue

    @property
    def is_error(self) -> bool:
        return self.issue.severity is Severity.ERROR


def issue_id(issue: Issue) -> str:
    key = json.dumps([issue.code, issue.row, issue.column, issue.message], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def issues_to_stored(issues: list[Issue]) -> list[dict[str, Any]]:
    return [{"id": issue_id(issue), **issue.to_json()} for issue in issues]


def issues_from_stored(data: Any) -> list[RosterIssue]:
    """Raises ValueError when ``data`` is not a list of stored issues."""
    if not isinstance(data, list):
        raise ValueError("not a list of issues")
    out = []
    for item in data:
        try:
            row = item["row"]
            issue = Issue(
                row=int(row) if row is not None else None,
                column=str(item["column"]) if item["column"] is not None else None,
                severity=Severity(str(item["severity"])),
                code=str(item["code"]),
                message=str(item["message"]),
                message_en=str(item.get("message_en", "")),
            )
            out.append(RosterIssue(str(item["id"]), issue))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a stored issue: {exc}") from None
    return out
