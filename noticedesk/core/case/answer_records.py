"""How clients' answers are kept in the case file: one sealed record per client.

The record is ``answer|<client id>`` (the client id is already a keyed hash of the client's
key, as in the ``clients`` table), its value the answer sealed (AES-GCM) bound to that name,
so a value copied to another client's name, or edited, no longer opens. Like every record it
counts in the seal's totals (``seal``): a deleted, added or older answer is named by
``noticedesk log --verify``.

Writing (``put`` / ``remove``) happens inside the store's write transaction, together with the
tick the answer sets and the log entry, so an answer and its tick never part.
"""

from __future__ import annotations

from noticedesk.core.case.answers import Answer
from noticedesk.core.case.crypto import FieldCipher

ANSWER_PREFIX = "answer|"


def record_name(cid: bytes) -> str:
    return ANSWER_PREFIX + cid.hex()


def client_id(name: str) -> bytes:
    """The client id an answer record belongs to; ValueError when the name is not one."""
    if not name.startswith(ANSWER_PREFIX):
        raise ValueError("not an answer record")
    return bytes.fromhex(name[len(ANSWER_PREFIX) :])


def seal_answer(cipher: FieldCipher, cid: bytes, answer: Answer) -> tuple[str, bytes]:
    name = record_name(cid)
    return name, cipher.seal_json(answer.to_mapping(), f"record|{name}")


def open_answer(cipher: FieldCipher, name: str, data: object) -> tuple[bytes, Answer]:
    """Raises CaseError (cannot be opened) or ValueError / TypeError (not an answer)."""
    if not isinstance(data, bytes):
        raise TypeError("not a sealed value")
    cid = client_id(name)
    return cid, Answer.from_mapping(cipher.open_json(data, f"record|{name}"))
