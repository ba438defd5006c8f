"""The case file's SQLite layout and the few statements every change goes through.

WAL with ``synchronous=FULL``: a committed transaction is on disk when COMMIT returns, and a
reader (the window's list, ``noticedesk case status``) never blocks a writer.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from noticedesk.core.case import audit
from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.errors import CaseError
from noticedesk.core.case.keys import WrappedKey
from noticedesk.core.case.records import now

SCHEMA_VERSION = 1

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
    data BLOB NOT NULL
);
CREATE TABLE statuses (
    client BLOB NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (client, kind)
);
CREATE TABLE records (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""
    + audit.SCHEMA
)


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def unreadable(path: Path, exc: Exception) -> CaseError:
    return CaseError(
        f"事案ファイル {path.name} を読めません ({exc})。",
        f"Cannot read the case file {path.name} ({exc}).",
    )


def store_key(conn: sqlite3.Connection, wrapped: WrappedKey) -> None:
    conn.execute(
        "INSERT INTO keys (kind, params, wrapped) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE "
        "SET params = excluded.params, wrapped = excluded.wrapped",
        (wrapped.kind, json.dumps(wrapped.params), wrapped.blob),
    )


def put_record(conn: sqlite3.Connection, name: str, sealed: bytes) -> None:
    conn.execute(
        "INSERT INTO records (name, data) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET data = excluded.data",
        (name, sealed),
    )


def append_audit(
    conn: sqlite3.Connection, cipher: FieldCipher, action: str, details: dict[str, Any]
) -> None:
    at = now().isoformat()
    user = audit.current_user()
    sealed = cipher.seal_json(details, f"audit|{at}|{user}|{action}")
    conn.execute(
        "INSERT INTO audit (at, user, action, details) VALUES (?, ?, ?, ?)",
        (at, user, action, sealed),
    )
