"""The import merge on plain records: which stored client a roster row is, and what it keeps.

No SQLite and no keys: a client's identity here is its ``Client.key`` itself (the store uses an
HMAC of it), and a case is a dict of ``StoredClient`` rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from noticedesk.core.case import DocumentStatus, StatusEntry
from noticedesk.core.case.merge import RosterMerge, StoredClient, merge_roster
from noticedesk.core.clients import Client
from tests.helpers.cases import NO_CODE, SAKURA, TAKAHASHI, YAMAZAKI

Rows = dict[str, StoredClient]
SENT = StatusEntry(DocumentStatus.SENT, dt.datetime(2023, 6, 20, 10, 0, tzinfo=dt.UTC))


def incoming(clients: list[Client]) -> list[tuple[str, Client]]:
    return [(client.key, client) for client in clients]


def first_import(clients: list[Client]) -> Rows:
    return merge_roster({}, incoming(clients)).applied_to({})


def reimport(case: Rows, clients: list[Client]) -> tuple[RosterMerge[str], Rows]:
    merge = merge_roster(case, incoming(clients))
    return merge, merge.applied_to(case)


def ticked(case: Rows, client: Client, *, statuses: bool = True) -> Rows:
    """``case`` with ``client`` ticked in the case (and its cover letter sent)."""
    row = case[client.key]
    sent = {"cover": SENT} if statuses else {}
    return {**case, client.key: replace(row, individual=True, statuses=sent)}


def names(clients: list[Client]) -> list[str]:
    return [client.name for client in clients]


def test_a_first_import_takes_the_files_ticks_in_roster_order() -> None:
    merge = merge_roster({}, incoming([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))

    assert merge.diff.first_import
    assert names(merge.diff.added) == names([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE])
    assert merge.diff.kept == [] and merge.diff.removed == [] and merge.diff.disagreements == []
    rows = list(merge.rows.values())
    assert [r.individual for r in rows] == [False, False, True, False]  # さくら運輸's file says so
    assert [r.file_individual for r in rows] == [False, False, True, False]
    assert [r.seq for r in rows] == [4, 5, 6, 7]  # each client's place is the row Excel shows
    assert all(r.present and r.statuses == {} for r in rows)
    assert merge.moved == {} and merge.gone == []


def test_a_reimport_keeps_the_cases_ticks_and_lists_the_disagreements() -> None:
    case = first_import([TAKAHASHI, YAMAZAKI, SAKURA])
    case = ticked(case, TAKAHASHI)  # staff recorded the client's answer in the case
    case[SAKURA.key] = replace(case[SAKURA.key], individual=False)  # and untick this one
    moved_address = replace(YAMAZAKI, address="東京都杉並区高円寺北1丁目1番1号", row=4)

    # The file still says 髙橋 joins the joint report and さくら運輸 reports alone.
    merge, after = reimport(case, [moved_address, replace(TAKAHASHI, row=5), SAKURA])

    assert not merge.diff.first_import
    assert merge.diff.added == [] and merge.diff.removed == []
    assert names(merge.diff.kept) == names([YAMAZAKI, TAKAHASHI, SAKURA])
    assert names(merge.diff.disagreements) == names([TAKAHASHI, SAKURA])
    assert after[TAKAHASHI.key].individual is True
    assert after[TAKAHASHI.key].file_individual is False
    assert after[TAKAHASHI.key].statuses == {"cover": SENT}
    assert after[SAKURA.key].individual is False
    assert after[SAKURA.key].file_individual is True
    # Same code: the same client, with the file's new address and its new place in the list.
    assert after[YAMAZAKI.key].client.address == "東京都杉並区高円寺北1丁目1番1号"
    assert [after[c.key].seq for c in (YAMAZAKI, TAKAHASHI, SAKURA)] == [4, 5, 6]


@pytest.mark.parametrize(
    ("before", "now"),
    [(NO_CODE, replace(NO_CODE, code="C0099")), (replace(NO_CODE, code="C0099"), NO_CODE)],
    ids=["gains-its-code", "loses-its-code"],
)
def test_a_client_that_gains_or_loses_its_code_keeps_its_tick_and_statuses(
    before: Client, now: Client
) -> None:
    case = ticked(first_import([TAKAHASHI, before]), before)

    merge, after = reimport(case, [TAKAHASHI, now])

    assert before.key != now.key
    assert merge.moved == {now.key: before.key}
    assert merge.retired == {before.key}
    assert merge.diff.added == [] and merge.diff.removed == [] and merge.gone == []
    assert names(merge.diff.kept) == names([TAKAHASHI, now])
    assert merge.diff.disagreements == [now]  # the file's answer is still 'no'
    assert before.key not in after  # the old identity is free if the list changes back
    assert after[now.key].client.code == now.code
    assert after[now.key].individual is True
    assert after[now.key].statuses == {"cover": SENT}


def test_a_removed_client_comes_back_with_its_tick_and_statuses() -> None:
    case = ticked(first_import([TAKAHASHI, YAMAZAKI]), YAMAZAKI)

    merge, case = reimport(case, [TAKAHASHI])
    assert names(merge.diff.removed) == [YAMAZAKI.name]
    assert merge.gone == [YAMAZAKI.key]
    assert case[YAMAZAKI.key].present is False  # kept, out of the list
    assert case[YAMAZAKI.key].individual is True

    merge, case = reimport(case, [TAKAHASHI])
    assert merge.diff.removed == [] and merge.gone == []  # removed once, not at every import

    merge, case = reimport(case, [TAKAHASHI, YAMAZAKI])
    assert names(merge.diff.added) == [YAMAZAKI.name]  # back in the list: shown as added
    assert merge.diff.disagreements == []
    assert case[YAMAZAKI.key].present is True
    assert case[YAMAZAKI.key].individual is True
    assert case[YAMAZAKI.key].statuses == {"cover": SENT}


def test_two_clients_sharing_a_name_at_different_addresses_stay_apart() -> None:
    branch = replace(NO_CODE, address="大阪府大阪市北区梅田1丁目1番1号", row=8)
    case = ticked(first_import([NO_CODE, branch]), NO_CODE)

    merge, after = reimport(case, [NO_CODE, branch])

    assert NO_CODE.key != branch.key
    assert merge.diff.added == [] and len(merge.diff.kept) == 2
    assert after[NO_CODE.key].individual is True
    assert after[NO_CODE.key].statuses == {"cover": SENT}
    assert after[branch.key].individual is False
    assert after[branch.key].statuses == {}


def test_a_code_given_to_a_namesake_elsewhere_is_a_new_client_not_a_moved_one() -> None:
    case = ticked(first_import([NO_CODE]), NO_CODE)
    elsewhere = replace(NO_CODE, code="C0099", address="大阪府大阪市北区梅田1丁目1番1号")

    merge, after = reimport(case, [elsewhere])

    assert merge.moved == {}
    assert names(merge.diff.added) == [elsewhere.name]
    assert merge.diff.removed == [NO_CODE]
    assert after[elsewhere.key].individual is False
    assert after[NO_CODE.key].present is False and after[NO_CODE.key].individual is True


def test_a_client_whose_code_changes_to_another_code_is_another_client() -> None:
    # Only a code appearing or disappearing moves an identity: C0001 → C0100 is not a typo
    # fixed but a different client as far as the office's own numbering says.
    case = ticked(first_import([TAKAHASHI]), TAKAHASHI)
    renumbered = replace(TAKAHASHI, code="C0100")

    merge, after = reimport(case, [renumbered])

    assert merge.moved == {}
    assert names(merge.diff.added) == [TAKAHASHI.name]
    assert merge.diff.removed == [TAKAHASHI]
    assert after[renumbered.key].individual is False
