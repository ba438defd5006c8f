"""Recording and withdrawing clients' answers, inside one write transaction.

``write_answers`` decides on what the file holds at that moment (the stored answer and tick
of each client, read through the ``Ledger``), writes each answer as its sealed record
(``answer_records``) with the tick it sets, and logs one entry: ``answer`` for answers
recorded, ``answer_withdraw`` for answers taken back. An answer equal to the stored one (same
choice, day, channel and taker) is neither written nor logged again.

Ticks (see ``answers``): an answer sets the tick; the tick before the first answer is kept
with it (``Answer.before``), and a withdrawal puts it back unless the tick was changed since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from noticedesk.core.case import answer_records
from noticedesk.core.case.answers import Answer
from noticedesk.core.case.audit import current_user
from noticedesk.core.case.crypto import FieldCipher
from noticedesk.core.case.ledger import Ledger
from noticedesk.core.case.records import now


@dataclass(frozen=True, slots=True)
class Written:
    previous: dict[bytes, Answer | None]  # each changed client's answer before
    answers: dict[bytes, Answer | None]  # and after (None: withdrawn)
    ticks: dict[bytes, bool]  # ticks changed


def _same(a: Answer, b: Answer) -> bool:
    return (a.choice, a.day, a.via, a.taken_by) == (b.choice, b.day, b.via, b.taken_by)


def stored_answer(tx: Ledger, cipher: FieldCipher, cid: bytes) -> Answer | None:
    name = answer_records.record_name(cid)
    data = tx.record(name)
    if data is None:
        return None
    return answer_records.open_answer(cipher, name, data)[1]


def write_answers(
    tx: Ledger, cipher: FieldCipher, changes: Mapping[bytes, Answer | None]
) -> Written:
    """Write ``changes`` (client id → the answer, or None to withdraw it); see the module."""
    ids = list(changes)
    rows = tx.present_clients(ids)
    at, user = now(), current_user()
    written = Written({}, {}, {})
    recorded: list[dict[str, Any]] = []
    withdrawn: list[dict[str, Any]] = []
    changed_rows = []
    for cid in ids:
        row = rows[cid]
        old = stored_answer(tx, cipher, cid)
        wanted = changes[cid]
        tick = bool(row.individual)
        if wanted is not None:
            if old is not None and _same(old, wanted):
                continue
            before = old.before if old is not None else tick
            made = replace(wanted, at=at, user=user, before=before)
            tx.put_record(*answer_records.seal_answer(cipher, cid, made))
            new_tick = made.choice.individual
            entry = {"client": tx.label(cid, row.data), "answer": made.summary()}
            if old is not None:
                entry["replaced"] = old.summary()
            recorded.append(entry)
        else:
            if old is None:
                continue
            tx.delete_record(answer_records.record_name(cid))
            made = None
            same_as_answer = tick == old.choice.individual
            new_tick = old.before if old.before is not None and same_as_answer else tick
            withdrawn.append({"client": tx.label(cid, row.data), "answer": old.summary()})
        written.previous[cid] = old
        written.answers[cid] = made
        if new_tick != tick:
            changed_rows.append(replace(row, individual=int(new_tick)))
            written.ticks[cid] = new_tick
    if changed_rows:
        tx.put_clients(changed_rows, rows)
    if recorded:
        tx.audit("answer", {"answers": recorded})
    if withdrawn:
        tx.audit("answer_withdraw", {"answers": withdrawn})
    return written


def move_answers(tx: Ledger, cipher: FieldCipher, moved: Mapping[bytes, bytes]) -> None:
    """Answers of clients whose identity moved (``moved``: new id → old id, a client that
    gained or lost its code on re-import) go with them, as their statuses do."""
    for new, old in moved.items():
        answer = stored_answer(tx, cipher, old)
        if answer is None:
            continue
        tx.delete_record(answer_records.record_name(old))
        tx.put_record(*answer_records.seal_answer(cipher, new, answer))
