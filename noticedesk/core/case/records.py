"""The records a case hands out: clients with their choices, document statuses, import diffs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from noticedesk.core.clients import Client
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


def client_to_mapping(client: Client) -> dict[str, Any]:
    return {name: getattr(client, name) for name in _CLIENT_FIELDS}


def client_from_mapping(data: dict[str, Any], individual: bool) -> Client:
    values = {k: v for k, v in data.items() if k in _CLIENT_FIELDS}
    values["extra"] = dict(values.get("extra") or {})
    return Client(individual=individual, **values)


def incident_from_stored(data: dict[str, Any]) -> Incident:
    return incident_from_mapping(data, origin="case")
