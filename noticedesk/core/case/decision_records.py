"""How decisions and the roster as imported are kept in the case file: sealed records.

Each decision is its own record, ``resolution|<id>``, where ``<id>`` is a keyed hash of the
problem's id (a problem's id is derived from what the roster says, so it is never stored
readable), and its value is sealed (AES-GCM) bound to that name: a value copied to another
name, or edited, no longer opens. Like every record it counts in the seal's totals and its
keyed hash in the seal's sum (``seal``), so a deleted, added or older decision is named by
``noticedesk log --verify``.

``roster_rows`` keeps the roster's clients as the file had them (one sealed value), so a
decision made later can work out the case's clients again from the file and every decision
(``resolutions.case_rows``), just as an import does. A case imported before decisions existed
has no such record: its present clients are the roster as imported (nothing was held or
decided then), which is what ``file_clients`` falls back to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.merge import StoredClient
from noticedesk.core.case.records import client_from_mapping, client_to_mapping
from noticedesk.core.case.resolutions import Resolution
from noticedesk.core.clients import Client

RESOLUTION_PREFIX = "resolution|"
ROSTER_ROWS = "roster_rows"


def context(name: str) -> str:
    return f"record|{name}"


def resolution_name(cipher: FieldCipher, issue_id: str) -> str:
    return RESOLUTION_PREFIX + cipher.lookup_id(f"issue|{issue_id}").hex()


def seal_resolution(cipher: FieldCipher, resolution: Resolution) -> tuple[str, bytes]:
    name = resolution_name(cipher, resolution.issue_id)
    return name, cipher.seal_json(resolution.to_mapping(), context(name))


def open_resolution(cipher: FieldCipher, name: str, data: object) -> Resolution:
    """Raises CaseError (cannot be opened) or ValueError / TypeError (not a decision)."""
    if not isinstance(data, bytes):
        raise TypeError("not a sealed value")
    resolution = Resolution.from_mapping(cipher.open_json(data, context(name)))
    if resolution_name(cipher, resolution.issue_id) != name:
        raise ValueError("a decision stored under another problem's name")
    return resolution


def seal_roster_rows(cipher: FieldCipher, clients: Iterable[Client]) -> bytes:
    rows = [{"individual": c.individual, **client_to_mapping(c)} for c in clients]
    return cipher.seal_json(rows, context(ROSTER_ROWS))


def open_roster_rows(cipher: FieldCipher, data: object) -> list[Client]:
    """Raises CaseError (cannot be opened) or ValueError / TypeError / KeyError."""
    if not isinstance(data, bytes):
        raise TypeError("not a sealed value")
    rows: Any = cipher.open_json(data, context(ROSTER_ROWS))
    if not isinstance(rows, list):
        raise ValueError("not a list of clients")
    return [client_from_mapping(row, bool(row["individual"])) for row in rows]


def file_clients(
    cipher: FieldCipher, data: object, rows: Mapping[bytes, StoredClient]
) -> Sequence[Client]:
    """The roster's clients as the file had them: the kept record, else (a case imported
    before decisions) the present clients with the file's answers."""
    if data is not None:
        return open_roster_rows(cipher, data)
    present = sorted((r for r in rows.values() if r.present), key=lambda r: r.seq)
    return [replace(r.client, individual=r.file_individual) for r in present]
