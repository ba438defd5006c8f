"""What the seal of a case is made of: the rows as stored, their keyed hashes, and the head.

- Each audit entry's ``mac`` is ``HMAC(audit key, previous mac + its own fields)``, the first
  one chained to a value derived from the case id (``RowSealer.genesis``): a chain.
- Each client row and status row carries ``mac = HMAC(row key, its table and every column)``,
  so a flipped tick or status, or a row copied to another client, no longer fits.
- The head, ``Seal``, is kept sealed (AES-GCM) in the ``records`` table under ``seal``: the last
  entry's number and mac, how many client, status and record rows there are, and ``state``,
  the sum (mod 2^256) of every row's mac and of each record's keyed hash. A deleted last entry,
  a deleted row or a row put back from an older copy therefore no longer fits the head, which
  only a holder of the case's key can rewrite. ``since`` is the entry from which the chain
  vouches for the log as written (1 for a case made sealed; the sealing entry for one sealed
  later: earlier entries were sealed as they were found).

The head is read and written inside each write transaction (``ledger.Ledger``), so two
processes writing one after the other both extend the same chain.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from noticedesk.core.case.crypto import FieldCipher, RowSealer
from noticedesk.core.case.errors import CaseError

SEAL_RECORD = "seal"
_SEAL_CONTEXT = "record|seal"
STATE_MODULUS = 1 << 256


@dataclass(slots=True)
class Seal:
    seq: int  # the last audit entry
    mac: bytes  # its mac
    state: int  # sum of the row macs and record hashes, mod 2^256
    clients: int
    statuses: int
    records: int  # records other than the seal itself
    since: int  # the entry from which the log is vouched for as written

    def to_mapping(self) -> dict[str, Any]:
        return {
            "v": 1,
            "seq": self.seq,
            "mac": self.mac.hex(),
            "state": f"{self.state:064x}",
            "clients": self.clients,
            "statuses": self.statuses,
            "records": self.records,
            "since": self.since,
        }

    @classmethod
    def from_mapping(cls, data: Any) -> Seal:
        """Raises ValueError when ``data`` is not a seal."""
        try:
            return cls(
                seq=int(data["seq"]),
                mac=bytes.fromhex(str(data["mac"])),
                state=int(str(data["state"]), 16) % STATE_MODULUS,
                clients=int(data["clients"]),
                statuses=int(data["statuses"]),
                records=int(data["records"]),
                since=int(data["since"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a seal: {exc}") from None

    def add(self, new: bytes | None, old: bytes | None = None) -> None:
        """Account for a row whose mac goes from ``old`` to ``new`` (None: absent)."""
        self.state = (self.state + _number(new) - _number(old)) % STATE_MODULUS


def _number(mac: bytes | None) -> int:
    return int.from_bytes(mac, "big") if mac else 0


class SealUnreadable(Exception):
    """The head is missing (``missing``) or cannot be opened or read."""

    def __init__(self, missing: bool) -> None:
        super().__init__("seal missing" if missing else "seal unreadable")
        self.missing = missing


def read_seal(conn: sqlite3.Connection, cipher: FieldCipher) -> Seal:
    row = conn.execute("SELECT data FROM records WHERE name = ?", (SEAL_RECORD,)).fetchone()
    if row is None:
        raise SealUnreadable(missing=True)
    try:
        return Seal.from_mapping(cipher.open_json(bytes(row[0]), _SEAL_CONTEXT))
    except (CaseError, ValueError, TypeError):
        raise SealUnreadable(missing=False) from None


def write_seal(conn: sqlite3.Connection, cipher: FieldCipher, seal: Seal) -> None:
    conn.execute(
        "INSERT INTO records (name, data) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET data = excluded.data",
        (SEAL_RECORD, cipher.seal_json(seal.to_mapping(), _SEAL_CONTEXT)),
    )


@dataclass(slots=True)
class ClientRow:
    """A ``clients`` row exactly as stored (ints as SQLite keeps them)."""

    id: bytes
    seq: int
    present: int
    individual: int
    file_individual: int
    data: bytes
    mac: bytes | None = None

    def expected_mac(self, sealer: RowSealer) -> bytes:
        fields = (self.id, self.seq, self.present, self.individual, self.file_individual)
        return sealer.row_mac("clients", *fields, self.data)


@dataclass(slots=True)
class StatusRow:
    """A ``statuses`` row exactly as stored."""

    client: bytes
    kind: str
    status: str
    at: str
    mac: bytes | None = None

    def expected_mac(self, sealer: RowSealer) -> bytes:
        return sealer.row_mac("statuses", self.client, self.kind, self.status, self.at)


CLIENT_COLUMNS = "id, seq, present, individual, file_individual, data, mac"
STATUS_COLUMNS = "client, kind, status, at, mac"


def _blob(value: Any) -> Any:
    """SQLite's bytes as bytes (a memoryview from some drivers); anything else as it is."""
    return bytes(value) if isinstance(value, memoryview) else value


def _mac(value: Any) -> bytes | None:
    return bytes(value) if isinstance(value, bytes | memoryview) else None


def client_row(values: tuple[Any, ...]) -> ClientRow:
    cid, seq, present, individual, file_individual, data, mac = values
    return ClientRow(_blob(cid), seq, present, individual, file_individual, _blob(data), _mac(mac))


def status_row(values: tuple[Any, ...]) -> StatusRow:
    client, kind, status, at, mac = values
    return StatusRow(_blob(client), kind, status, at, _mac(mac))


def record_mac(sealer: RowSealer, name: str, data: object) -> bytes:
    return sealer.row_mac("records", name, data)
