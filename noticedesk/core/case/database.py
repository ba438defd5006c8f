"""The case file's SQLite layout, how it is opened, and how SQLite's failures are worded.

WAL with ``synchronous=FULL``: a committed transaction is on disk when COMMIT returns, and a
reader (the window's list, ``noticedesk case status``) never blocks a writer. A writer waits
``BUSY_TIMEOUT_S`` for another writer, then the store says who holds the case (``presence``).

Schema 2 adds the seal (``ledger``): a ``mac`` column on clients, statuses and the audit log,
and the sealed ``seal`` record. A schema 1 file is sealed as it is on first open
(``CaseStore.open``).

Files: a new case file is created 0600 before SQLite touches it, so its ``-wal`` and ``-shm``,
which SQLite creates with the main file's mode, are 0600 too; every open sets all three again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from noticedesk.core.case import audit
from noticedesk.core.case.errors import CaseError
from noticedesk.core.case.keys import WrappedKey
from noticedesk.core.paths import create_private_file, private_file

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 3.0

SCHEMA = (
    """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE keys (kind TEXT PRIMARY KEY, params TEXT NOT NULL, wrapped BLOB NOT NULL);
CREATE TABLE clients (
    id BLOB PRIMARY KEY,
    seq INTEGER NOT NULL,
    present INTEGER NOT NULL,
    individual INTEGER NOT NULL,
    file_individual INTEGER NOT NULL,
    data BLOB NOT NULL,
    mac BLOB
);
CREATE TABLE statuses (
    client BLOB NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    mac BLOB,
    PRIMARY KEY (client, kind)
);
CREATE TABLE records (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""
    + audit.SCHEMA
)

# Schema 1 -> 2: the columns the seal needs (filled by ``ledger.seal_all``).
ADD_MAC_COLUMNS = (
    "ALTER TABLE clients ADD COLUMN mac BLOB",
    "ALTER TABLE statuses ADD COLUMN mac BLOB",
    "ALTER TABLE audit ADD COLUMN mac BLOB",
)


def sidecars(path: Path) -> list[Path]:
    """The case file and the two files SQLite keeps beside it in WAL mode."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def tighten(path: Path) -> None:
    for each in sidecars(path):
        if each.exists():
            private_file(each)


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    if create:
        create_private_file(path)
    else:
        tighten(path)
    conn = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
    )
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    tighten(path)  # the -wal and -shm just made
    return conn


def is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def is_read_only(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == sqlite3.SQLITE_READONLY
    return "readonly" in str(exc)


def unreadable(path: Path, exc: Exception) -> CaseError:
    return CaseError(
        f"事案ファイル {path.name} を読めません ({exc})。",
        f"Cannot read the case file {path.name} ({exc}).",
    )


def not_written(case_name: str, exc: sqlite3.Error) -> CaseError:
    if is_read_only(exc):
        return CaseError(
            f"事案「{case_name}」のファイルは読み取り専用のため、変更を保存できません。",
            f"The file of the case “{case_name}” is read-only, so the change was not saved.",
        )
    return CaseError(
        f"事案「{case_name}」に変更を保存できませんでした ({exc})。ディスクの空きと、"
        "ファイルに書き込めるかを確かめてください。",
        f"The change could not be saved in the case “{case_name}” ({exc}). Check the free "
        "space and that the file can be written.",
    )


def store_key(conn: sqlite3.Connection, wrapped: WrappedKey) -> None:
    conn.execute(
        "INSERT INTO keys (kind, params, wrapped) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE "
        "SET params = excluded.params, wrapped = excluded.wrapped",
        (wrapped.kind, json.dumps(wrapped.params), wrapped.blob),
    )
