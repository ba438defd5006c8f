"""Where a case's data key comes from: the OS credential store, a passphrase, a recovery code.

The data key (DEK) that encrypts a case is stored in the case file only wrapped (AES-GCM) by a
key-encryption key (KEK) from a key source. A case holds one wrapping per kind: its main
protection (keyring, passphrase or ephemeral) and the recovery code's, made at creation, so the
same case opens on another PC from the code alone.
"""

from __future__ import annotations

import base64
import os
import secrets as token
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from noticedesk.core.case.errors import (
    CaseError,
    KeyMissing,
    WrongPassphrase,
    WrongRecoveryCode,
)
from noticedesk.core.secrets import SecretStore, key_store_name

KEK_BYTES = 32
MIN_PASSPHRASE_CHARS = 8


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """One wrapping of a case's DEK, as stored in the case file (none of it is secret)."""

    kind: str
    blob: bytes
    params: dict[str, Any] = field(default_factory=dict)


class KeySource(Protocol):
    """Something that can wrap a new case's DEK and unwrap it again."""

    kind: str

    def wrap(self, dek: bytes, case_id: str) -> WrappedKey: ...

    def unwrap(self, wrapped: WrappedKey, case_id: str) -> bytes: ...


def _aad(case_id: str, kind: str) -> bytes:
    return f"noticedesk dek|{case_id}|{kind}".encode()


def _wrap(kek: bytes, dek: bytes, case_id: str, kind: str, params: dict[str, Any]) -> WrappedKey:
    nonce = os.urandom(12)
    blob = nonce + AESGCM(kek).encrypt(nonce, dek, _aad(case_id, kind))
    return WrappedKey(kind, blob, params)


def _unwrap(kek: bytes, wrapped: WrappedKey, case_id: str) -> bytes | None:
    """The DEK, or None when this KEK does not fit."""
    try:
        return AESGCM(kek).decrypt(
            wrapped.blob[:12], wrapped.blob[12:], _aad(case_id, wrapped.kind)
        )
    except (InvalidTag, ValueError):
        return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class KeyringKeySource:
    """A random KEK per case, kept only in the OS credential store (secrets.py)."""

    kind = "keyring"

    def __init__(self, store: SecretStore | None = None) -> None:
        self.store = store or SecretStore()

    @staticmethod
    def secret_name(case_id: str) -> str:
        return f"case-key:{case_id}"

    def wrap(self, dek: bytes, case_id: str) -> WrappedKey:
        kek = os.urandom(KEK_BYTES)
        # Stored before the case file exists: a store that refuses leaves nothing behind.
        self.store.set(self.secret_name(case_id), _b64(kek))
        return _wrap(kek, dek, case_id, self.kind, {"backend": self.store.backend_name})

    def unwrap(self, wrapped: WrappedKey, case_id: str) -> bytes:
        value = self.store.get(self.secret_name(case_id))
        where = str(wrapped.params.get("backend", ""))
        if value is None:
            store_ja, store_en = key_store_name()
            raise KeyMissing(
                f"{store_ja} ({self.store.backend_name}) にこの事案の鍵がありません"
                f"{'(作成時の保存先: ' + where + ')' if where else ''}。"
                "作成時に控えた回復コードで開いてください。",
                f"{store_en[0].upper()}{store_en[1:]} has no key for this case. "
                "Open it with the recovery code noted when it was created.",
            )
        try:
            kek = base64.b64decode(value, validate=True)
        except ValueError:
            kek = b""
        dek = _unwrap(kek, wrapped, case_id) if len(kek) == KEK_BYTES else None
        if dek is None:
            store_ja, store_en = key_store_name()
            raise KeyMissing(
                f"{store_ja}にあるこの事案の鍵が一致しません。回復コードで開いてください。",
                f"The key for this case in {store_en} does not fit. "
                "Open the case with its recovery code.",
            )
        return dek


class PassphraseKeySource:
    """A KEK derived from a passphrase with scrypt; the parameters are kept, the passphrase never.

    The passphrase is NFKC-normalised first, so full-width and half-width letters typed with a
    Japanese input method count as the same passphrase.
    """

    kind = "passphrase"

    def __init__(self, passphrase: str, *, n: int = 2**15, r: int = 8, p: int = 1) -> None:
        self._passphrase = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
        self._n, self._r, self._p = n, r, p

    @staticmethod
    def _derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
        return Scrypt(salt=salt, length=KEK_BYTES, n=n, r=r, p=p).derive(secret)

    def wrap(self, dek: bytes, case_id: str) -> WrappedKey:
        if len(self._passphrase.decode("utf-8")) < MIN_PASSPHRASE_CHARS:
            raise CaseError(
                f"パスフレーズは{MIN_PASSPHRASE_CHARS}文字以上にしてください。",
                f"The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters.",
            )
        salt = os.urandom(16)
        kek = self._derive(self._passphrase, salt, self._n, self._r, self._p)
        params = {"kdf": "scrypt", "salt": _b64(salt), "n": self._n, "r": self._r, "p": self._p}
        return _wrap(kek, dek, case_id, self.kind, params)

    def unwrap(self, wrapped: WrappedKey, case_id: str) -> bytes:
        prm = wrapped.params
        salt = base64.b64decode(str(prm["salt"]))
        kek = self._derive(self._passphrase, salt, int(prm["n"]), int(prm["r"]), int(prm["p"]))
        dek = _unwrap(kek, wrapped, case_id)
        if dek is None:
            raise WrongPassphrase()
        return dek


# Crockford's base32: no I, L, O, U, so a code read off paper is hard to mistype.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 25  # 125 random bits
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def _normalise_code(code: str) -> str:
    text = unicodedata.normalize("NFKC", code).upper()
    return "".join(_READ_AS.get(ch, ch) for ch in text if ch not in " -\u3000\t")


class RecoveryCodeKeySource:
    """A KEK derived from a recovery code shown once when the case is created.

    The code carries 125 random bits, so a fast derivation (HKDF) is enough; it is written in
    five groups of five characters to be copied onto paper.
    """

    kind = "recovery"

    def __init__(self, code: str) -> None:
        self.code = code
        self._normalised = _normalise_code(code)

    @classmethod
    def generate(cls) -> RecoveryCodeKeySource:
        chars = "".join(token.choice(_ALPHABET) for _ in range(_CODE_CHARS))
        return cls("-".join(chars[i : i + 5] for i in range(0, _CODE_CHARS, 5)))

    def _kek(self, salt: bytes) -> bytes:
        if len(self._normalised) != _CODE_CHARS or any(
            ch not in _ALPHABET for ch in self._normalised
        ):
            raise WrongRecoveryCode(
                "回復コードの形式が違います (英数字25文字、5文字ずつ区切り)。",
                "A recovery code has 25 letters and digits in groups of five.",
            )
        hkdf = HKDF(algorithm=hashes.SHA256(), length=KEK_BYTES, salt=salt, info=b"recovery")
        return hkdf.derive(self._normalised.encode("ascii"))

    def wrap(self, dek: bytes, case_id: str) -> WrappedKey:
        salt = os.urandom(16)
        return _wrap(self._kek(salt), dek, case_id, self.kind, {"kdf": "hkdf", "salt": _b64(salt)})

    def unwrap(self, wrapped: WrappedKey, case_id: str) -> bytes:
        dek = _unwrap(self._kek(base64.b64decode(str(wrapped.params["salt"]))), wrapped, case_id)
        if dek is None:
            raise WrongRecoveryCode()
        return dek


class EphemeralKeySource:
    """A random KEK held in memory for the life of the process: for the throwaway demo case."""

    kind = "ephemeral"

    def __init__(self) -> None:
        self._kek = os.urandom(KEK_BYTES)

    def wrap(self, dek: bytes, case_id: str) -> WrappedKey:
        return _wrap(self._kek, dek, case_id, self.kind, {})

    def unwrap(self, wrapped: WrappedKey, case_id: str) -> bytes:
        dek = _unwrap(self._kek, wrapped, case_id)
        if dek is None:
            raise KeyMissing(
                "この事案は一時的な鍵で作られたため、作成したプログラムの終了後は開けません。",
                "This case was made with a temporary key and cannot be opened "
                "after the program that made it has ended.",
            )
        return dek


def describe_protection(kind: str) -> str:
    return {
        "keyring": key_store_name()[0],
        "passphrase": "パスフレーズ",
        "ephemeral": "一時的な鍵",
        "recovery": "回復コード",
    }.get(kind, kind)
