"""Field encryption for the case file: AES-256-GCM with a per-case data key (DEK).

Every encrypted value is bound to where it lives (case id, table, row) through the GCM
associated data, so a value copied from one row or case to another fails to decrypt instead of
quietly showing the wrong client. Lookups by client key use an HMAC of the key, so the file can
be searched without holding any client's code or name in readable form.

``RowSealer`` holds the two keys of the tamper-evident seal (``ledger``, ``integrity``): one
chains the audit log, one authenticates the rows (ticks, statuses, client rows, records). Both
are derived from the DEK with HKDF under their own labels, so nothing new is stored and a key
that opens the case is the only key that can re-seal it.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Iterable
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from noticedesk.core.case.errors import CaseError

DEK_BYTES = 32
NONCE_BYTES = 12


def new_dek() -> bytes:
    return os.urandom(DEK_BYTES)


def _subkey(dek: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(dek)


class FieldCipher:
    """Seals and opens the values of one case."""

    def __init__(self, dek: bytes, case_id: str) -> None:
        if len(dek) != DEK_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._aead = AESGCM(_subkey(dek, b"noticedesk field encryption v1"))
        self._mac_key = _subkey(dek, b"noticedesk lookup id v1")
        self._case = case_id.encode("ascii")

    def _aad(self, context: str) -> bytes:
        return self._case + b"|" + context.encode("utf-8")

    def seal(self, plaintext: bytes, context: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, self._aad(context))

    def open(self, blob: bytes, context: str) -> bytes:
        try:
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], self._aad(context))
        except (InvalidTag, ValueError):
            raise CaseError(
                "事案ファイルの内容が壊れているか、書き換えられています。",
                "The case file is damaged or has been tampered with.",
            ) from None

    def seal_json(self, value: Any, context: str) -> bytes:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return self.seal(text.encode("utf-8"), context)

    def open_json(self, blob: bytes, context: str) -> Any:
        return json.loads(self.open(blob, context).decode("utf-8"))

    def lookup_id(self, text: str) -> bytes:
        """A stable, unreadable 16-byte id for a client key."""
        # hmac.digest: the same value as hmac.new(...).digest(), in one call (a decision and
        # an import look up every client of the roster).
        return hmac.digest(self._mac_key, text.encode("utf-8"), "sha256")[:16]


MAC_BYTES = 32


def _encode(parts: Iterable[object]) -> bytes:
    """Values as SQLite hands them back (None, int, float, str, bytes), typed and length-prefixed,
    so no two different rows encode alike ("1" is not 1; "ab","c" is not "a","bc")."""
    chunks: list[bytes] = []
    for part in parts:
        # Text first: it is most of what a case encodes (tens of thousands of rows on open).
        if isinstance(part, str):
            tag, raw = b"s", part.encode("utf-8", "surrogatepass")
        elif isinstance(part, bytes):
            tag, raw = b"b", part
        elif isinstance(part, int):  # bool too
            tag, raw = b"i", b"%d" % part
        elif part is None:
            tag, raw = b"n", b""
        elif isinstance(part, float):
            tag, raw = b"f", repr(part).encode("ascii")
        elif isinstance(part, bytearray | memoryview):
            tag, raw = b"b", bytes(part)
        else:
            raise TypeError(f"cannot seal a {type(part).__name__}")
        chunks += (tag, len(raw).to_bytes(4, "big"), raw)
    return b"".join(chunks)


class RowSealer:
    """The keyed hashes (HMAC-SHA256) that make a case's log and rows tamper-evident."""

    def __init__(self, dek: bytes, case_id: str) -> None:
        self._audit_key = _subkey(dek, b"noticedesk audit chain v1")
        self._row_key = _subkey(dek, b"noticedesk row seal v1")
        self.genesis = hmac.digest(self._audit_key, _encode(("genesis", case_id)), "sha256")

    def audit_mac(
        self,
        previous: bytes,
        seq: object,
        at: object,
        user: object,
        action: object,
        details: object,
    ) -> bytes:
        """One log entry's link: its own fields and the link before it (``genesis`` first)."""
        message = bytes(previous) + _encode((seq, at, user, action, details))
        return hmac.digest(self._audit_key, message, "sha256")

    def row_mac(self, table: str, *values: object) -> bytes:
        return hmac.digest(self._row_key, _encode((table, *values)), "sha256")
