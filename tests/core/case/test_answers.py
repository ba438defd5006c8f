"""Clients' answers to the reply slip: recorded with the tick following, kept sealed, logged,
withdrawn and undone; who is still awaited and who is overdue; the list under the silence rule."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from noticedesk.core.case import CaseError, CaseStore, CaseTampered, KeyringKeySource
from noticedesk.core.case.answers import (
    Answer,
    AnswerChoice,
    AnswerVia,
    SilenceRule,
    awaiting,
    listed_clients,
    overdue,
    parse_choice,
    parse_via,
)
from tests.helpers.cases import NO_CODE, SAKURA, TAKAHASHI, YAMAZAKI, roster

DAY = dt.date(2023, 7, 31)


def answer(choice: str, via: str = "fax", taken_by: str = "高橋") -> Answer:
    return Answer(AnswerChoice(choice), DAY, AnswerVia(via), taken_by)


@pytest.fixture
def store(isolated_data_dir: Path) -> Iterator[CaseStore]:
    s, _ = CaseStore.create(isolated_data_dir, "2023年6月 システム障害", KeyringKeySource())
    s.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))
    yield s
    s.close()


def ticks(store: CaseStore) -> dict[str, bool]:
    return {c.client.code or c.client.name: c.individual for c in store.clients()}


def test_an_individual_answer_ticks_the_client_and_is_kept_after_reopening(
    store: CaseStore, isolated_data_dir: Path
) -> None:
    before = store.record_answers([TAKAHASHI.key], answer("individual"))
    assert before == {TAKAHASHI.key: None}
    assert ticks(store)["C0001"] is True
    store.close()
    reopened = CaseStore.open(isolated_data_dir, None, KeyringKeySource())
    try:
        kept = reopened.answers()[TAKAHASHI.key]
        assert (kept.choice, kept.day, kept.via, kept.taken_by) == (
            AnswerChoice.INDIVIDUAL,
            DAY,
            AnswerVia.FAX,
            "高橋",
        )
        assert kept.before is False
        assert ticks(reopened)["C0001"] is True
        assert reopened.counts()["awaiting_answer"] == 3
    finally:
        reopened.close()


def test_a_joint_answer_unticks_a_client_the_file_ticked(store: CaseStore) -> None:
    assert ticks(store)["C0003"] is True
    store.record_answers([SAKURA.key], answer("joint", "phone"))
    assert ticks(store)["C0003"] is False


def test_withdrawing_puts_the_tick_back_and_the_client_is_awaited_again(store: CaseStore) -> None:
    store.record_answers([TAKAHASHI.key, YAMAZAKI.key], answer("individual"))
    store.withdraw_answers([TAKAHASHI.key])
    assert ticks(store)["C0001"] is False
    assert ticks(store)["C0002"] is True
    assert awaiting([c.key for c in store.clients()], store.answers()) == [
        TAKAHASHI.key,
        SAKURA.key,
        NO_CODE.key,
    ]


def test_withdrawing_keeps_a_tick_changed_by_hand_since_the_answer(store: CaseStore) -> None:
    store.record_answers([TAKAHASHI.key], answer("individual"))
    store.set_individual([TAKAHASHI.key], False)  # staff changed their mind afterwards
    store.withdraw_answers([TAKAHASHI.key])
    assert ticks(store)["C0001"] is False
    assert TAKAHASHI.key not in store.answers()


def test_undo_puts_back_the_answer_before_and_its_tick(store: CaseStore) -> None:
    store.record_answers([SAKURA.key], answer("individual", "email"))
    previous = store.record_answers([SAKURA.key], answer("joint", "phone"))
    assert ticks(store)["C0003"] is False
    store.set_answers(previous)  # what the window's undo does
    kept = store.answers()[SAKURA.key]
    assert (kept.choice, kept.via) == (AnswerChoice.INDIVIDUAL, AnswerVia.EMAIL)
    assert ticks(store)["C0003"] is True
    # Undoing the first answer too: no answer, and the tick the file gave.
    store.set_answers({SAKURA.key: None})
    assert ticks(store)["C0003"] is True
    assert SAKURA.key not in store.answers()


def test_every_answer_and_withdrawal_is_logged_with_who_how_and_when(store: CaseStore) -> None:
    store.record_answers([TAKAHASHI.key], answer("individual", "fax", "受付 佐藤"))
    store.record_answers([TAKAHASHI.key], answer("individual", "fax", "受付 佐藤"))  # same
    store.withdraw_answers([TAKAHASHI.key])
    entries = [e for e in store.audit_entries() if e.action.startswith("answer")]
    assert [e.action for e in entries] == ["answer", "answer_withdraw"]
    assert "㈱髙橋製作所" in entries[0].summary()
    assert "個別報告（2023年7月31日 FAX、受付 受付 佐藤）" in entries[0].summary()
    assert entries[0].action_label == "顧問先の回答の記録"
    assert entries[1].summary().startswith("取り消し")


def test_an_answer_for_a_client_not_in_the_roster_is_refused(store: CaseStore) -> None:
    with pytest.raises(CaseError):
        store.record_answers(["code:C9999"], answer("joint"))
    assert store.answers() == {}


def test_an_answer_edited_in_sqlite_is_named_on_the_next_open(
    store: CaseStore, isolated_data_dir: Path
) -> None:
    store.record_answers([TAKAHASHI.key], answer("joint"))
    path = store.path
    store.close()
    with sqlite3.connect(path) as conn:
        name, data = conn.execute(
            "SELECT name, data FROM records WHERE name LIKE 'answer|%'"
        ).fetchone()
        edited = bytes([data[0] ^ 1]) + data[1:]
        conn.execute("UPDATE records SET data = ? WHERE name = ?", (edited, name))
    with pytest.raises(CaseTampered):
        CaseStore.open(isolated_data_dir, None, KeyringKeySource())


def test_a_client_that_gains_a_code_on_reimport_keeps_its_answer(
    store: CaseStore, isolated_data_dir: Path
) -> None:
    store.record_answers([NO_CODE.key], answer("individual", "post"))
    coded = replace(NO_CODE, code="C0009")
    store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, coded]))
    assert store.answers()[coded.key].via is AnswerVia.POST
    store.close()
    reopened = CaseStore.open(isolated_data_dir, None, KeyringKeySource())
    try:
        assert reopened.answers()[coded.key].choice is AnswerChoice.INDIVIDUAL
        assert ticks(reopened)["C0009"] is True
    finally:
        reopened.close()


def test_overdue_starts_the_day_after_the_reply_by_date() -> None:
    keys = ["a", "b", "c"]
    answers = {"b": answer("joint")}
    reply_by = dt.date(2023, 8, 10)
    assert overdue(keys, answers, reply_by, dt.date(2023, 8, 10)) == []
    assert overdue(keys, answers, reply_by, dt.date(2023, 8, 11)) == ["a", "c"]
    assert overdue(keys, answers, None, dt.date(2024, 1, 1)) == []


def test_the_silence_rule_decides_who_the_regulators_list_holds() -> None:
    clients = [TAKAHASHI, YAMAZAKI, SAKURA]
    answers = {YAMAZAKI.key: answer("joint")}
    assert listed_clients(clients, answers, SilenceRule.JOINT) == clients
    assert listed_clients(clients, answers, SilenceRule.HOLD) == [YAMAZAKI]


def test_answers_are_read_as_staff_type_them() -> None:
    assert parse_choice("個別") is AnswerChoice.INDIVIDUAL
    assert parse_choice("JOINT") is AnswerChoice.JOINT
    assert parse_via("e-mail") is AnswerVia.EMAIL
    with pytest.raises(ValueError):
        parse_via("pigeon")
