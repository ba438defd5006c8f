"""The steps of opening a case file before its rows are read: the header, the key, the seal.

Each failure is a sentence naming the case and what is wrong, never a traceback: a file SQLite
cannot read (``database.unreadable``), a damaged meta or key row (``CaseDamaged``), a case
held by another program beyond the short wait (``CaseInUse``).

Decision (sealing existing cases): a case made before the seal (schema 1) is sealed on its
first open, as it is, in one transaction, and the log says from which entry verification
starts; what was changed in the file before that moment cannot be detected. A schema 1 case
on a read-only medium opens read-only, unsealed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.case import database, presence
from noticedesk.core.case.crypto import FieldCipher, RowSealer
from noticedesk.core.case.errors import CaseDamaged, CaseError, CaseInUse
from noticedesk.core.case.keys import KeySource, WrappedKey, describe_protection
from noticedesk.core.case.ledger import Ledger, seal_all
from noticedesk.core.case.records import CaseSummary
from noticedesk.core.case.seal import Seal, write_seal

SEALING_NOTE = (
    "改ざん検知を開始しました。これより前の操作記録 ({count} 件) と顧問先・状況の行は、"
    "この時点の内容のまま封印しています。"
)


def build_case_file(
    final: Path, summary: CaseSummary, dek: bytes, wrappings: list[WrappedKey]
) -> None:
    """Write a new, empty, sealed case file. Built under a temporary name (0600 before SQLite
    touches it) and renamed: a case file either is whole or is not there."""
    building = final.with_name(f".{summary.id}.building")
    conn = database.connect(building, create=True)
    try:
        conn.executescript(database.SCHEMA)
        cipher, sealer = FieldCipher(dek, summary.id), RowSealer(dek, summary.id)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("schema", str(database.SCHEMA_VERSION)),
                ("id", summary.id),
                ("name", summary.name),
                ("created", summary.created.isoformat()),
                ("last_opened", summary.created.isoformat()),
                ("protection", summary.protection),
            ],
        )
        for wrapped in wrappings:
            database.store_key(conn, wrapped)
        write_seal(conn, cipher, Seal(0, sealer.genesis, 0, 0, 0, 0, since=1))
        ledger = Ledger(conn, cipher, sealer, summary.name)
        protection = describe_protection(summary.protection)
        ledger.audit("create", {"text": f"事案「{summary.name}」を作成 (保護: {protection})"})
        ledger.finish()
        conn.execute("COMMIT")
    finally:
        conn.close()  # checkpoints the WAL into the file and removes it
    building.replace(final)


@dataclass(frozen=True, slots=True)
class Header:
    schema: int
    protection: str
    wrapped: WrappedKey | None  # the wrapping of the key source's kind, if the case has one


def _damaged(summary: CaseSummary, path: Path, what_ja: str, what_en: str) -> CaseDamaged:
    return CaseDamaged(summary.name, path.name, what_ja, what_en)


def read_header(conn: sqlite3.Connection, summary: CaseSummary, path: Path, kind: str) -> Header:
    try:
        meta_rows = conn.execute("SELECT key, value FROM meta").fetchall()
        key_row = conn.execute(
            "SELECT params, wrapped FROM keys WHERE kind = ?", (kind,)
        ).fetchone()
    except sqlite3.Error as exc:
        if database.is_busy(exc):
            raise CaseInUse(summary.name, presence.holders(path), opening=True) from None
        raise database.unreadable(path, exc) from None
    meta = {str(k): v for k, v in meta_rows}
    try:
        schema = int(str(meta["schema"]))
    except (KeyError, ValueError):
        raise _damaged(summary, path, "基本情報 (meta 表の schema)", "meta row “schema”") from None
    if "id" in meta and meta["id"] != summary.id:
        raise _damaged(summary, path, "基本情報 (meta 表の id)", "meta row “id”")
    protection = meta.get("protection", "")
    if not isinstance(protection, str):
        raise _damaged(summary, path, "基本情報 (meta 表の protection)", "meta row “protection”")
    wrapped = None
    if key_row is not None:
        try:
            params = json.loads(key_row[0])
            if not isinstance(params, dict) or not isinstance(key_row[1], bytes):
                raise ValueError("not a key row")
        except (ValueError, TypeError):
            raise _key_damaged(summary, path, kind) from None
        wrapped = WrappedKey(kind, key_row[1], params)
    return Header(schema, protection, wrapped)


def _key_damaged(summary: CaseSummary, path: Path, kind: str) -> CaseDamaged:
    shown = describe_protection(kind)
    hint = (
        "回復コードで開けるかお試しください (noticedesk case open 事案名 --recovery-code)。",
        "Try its recovery code (noticedesk case open NAME --recovery-code).",
    )
    if kind == "recovery":
        hint = ("バックアップがあればそこから戻してください。", "Restore it from a backup.")
    return CaseDamaged(
        summary.name,
        path.name,
        f"鍵の情報 (keys 表の{shown}の行)",
        f"key row of its {kind} protection",
        hint,
    )


def unwrap(key_source: KeySource, header: Header, summary: CaseSummary, path: Path) -> bytes:
    """The case's data key; a newer file, a missing wrapping or a damaged one is a sentence."""
    if header.schema > database.SCHEMA_VERSION:
        raise CaseError(
            "この事案は新しい版の NoticeDesk で作られています。更新してから開いてください。",
            "This case was made by a newer NoticeDesk. Please update first.",
        )
    if header.wrapped is None:
        protection = describe_protection(header.protection)
        raise CaseError(
            f"この事案は{protection}で保護されています。{protection}で開いてください。",
            f"This case is protected by its {header.protection} key; open it with that.",
        )
    try:
        dek = key_source.unwrap(header.wrapped, summary.id)
    except (KeyError, ValueError, TypeError):  # missing or garbled parameters (salt, n, …)
        raise _key_damaged(summary, path, key_source.kind) from None
    if len(dek) != 32:
        raise _key_damaged(summary, path, key_source.kind)
    return dek


def seal_old_case(conn: sqlite3.Connection, dek: bytes, summary: CaseSummary, path: Path) -> bool:
    """Seal a schema 1 case as it is (see the module notes). False when the file is read-only."""
    cipher, sealer = FieldCipher(dek, summary.id), RowSealer(dek, summary.id)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        if database.is_busy(exc):
            raise CaseInUse(summary.name, presence.holders(path), opening=True) from None
        if database.is_read_only(exc):
            return False
        raise database.unreadable(path, exc) from None
    try:
        schema = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if schema is not None and str(schema[0]) == str(database.SCHEMA_VERSION):
            conn.execute("ROLLBACK")  # another process sealed it meanwhile
            return True
        for statement in database.ADD_MAC_COLUMNS:
            conn.execute(statement)
        count = int(conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0])
        seal_all(
            conn, cipher, sealer, summary.name, "seal", {"text": SEALING_NOTE.format(count=count)}
        )
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema'", (str(database.SCHEMA_VERSION),)
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if database.is_read_only(exc):
            return False
        if database.is_busy(exc):
            raise CaseInUse(summary.name, presence.holders(path), opening=True) from None
        raise database.unreadable(path, exc) from None
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    return True


def touch_last_opened(conn: sqlite3.Connection, opened: dt.datetime) -> None:
    """Note the time in the file (the index has it too); skipped when the file is read-only or
    busy, so neither keeps the case from opening, and waited for only briefly."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA busy_timeout = 200")
        try:
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'last_opened'", (opened.isoformat(),)
            )
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(database.BUSY_TIMEOUT_S * 1000)}")
