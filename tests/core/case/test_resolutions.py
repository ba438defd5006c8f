"""Blocking problems decided where they are seen: each decision unblocks the export, is kept in
the case (sealed) and logged, survives a reopen and a re-import of the same file, and goes when
a corrected file no longer has its problem. Real roster files, read by the real importer."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.case import (
    CaseError,
    CaseStore,
    Decision,
    KeyringKeySource,
    RosterIssue,
    export_blockers,
)
from noticedesk.core.case.recorded_export import export_and_record
from noticedesk.core.documents import ExportProblem
from noticedesk.core.roster import import_roster
from tests.helpers.documents import sample_incident, sample_office
from tests.helpers.rosters import client_row, good_rows, write_csv

# Rows 4–6 are clean (row 6 reports individually); then every blocking problem an office sends.
NAMELESS = 7  # C0004 without a name
UNKNOWN = 8  # C0005 answers 「はい(確認中)」
SHARED_CODE = 9  # C0003 again, for another client in Osaka
TWICE = 10  # row 5's client again, code and all


def bad_rows() -> list[list[object]]:
    return [
        *good_rows(),
        client_row("C0004", "", "105-0001", "東京都港区虎ノ門1丁目1番1号"),
        client_row("C0005", "株式会社テスト商事", individual="はい(確認中)"),
        client_row("C0003", "株式会社大阪別会社", "530-0001", "大阪府大阪市北区梅田1丁目1番1号"),
        good_rows()[1],
    ]


def corrected_rows() -> list[list[object]]:
    return [
        *good_rows(),
        client_row("C0004", "株式会社虎ノ門", "105-0001", "東京都港区虎ノ門1丁目1番1号"),
        client_row("C0005", "株式会社テスト商事", individual="○"),
        client_row("C0009", "株式会社大阪別会社", "530-0001", "大阪府大阪市北区梅田1丁目1番1号"),
    ]


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "顧問先一覧.csv", bad_rows())


@pytest.fixture
def store(isolated_data_dir: Path, roster_file: Path) -> Iterator[CaseStore]:
    case, _code = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    case.import_roster(import_roster(roster_file))
    yield case
    case.close()


def problem(store: CaseStore, row: int, code: str) -> RosterIssue:
    return next(k for k in store.roster_issues() if k.issue.row == row and k.issue.code == code)


def rows_of(store: CaseStore) -> dict[int, tuple[str, str, bool]]:
    return {c.client.row: (c.client.code, c.client.name, c.individual) for c in store.clients()}


def decide_all(store: CaseStore) -> None:
    store.resolve(problem(store, NAMELESS, "missing_name").id, Decision.NAME, "株式会社虎ノ門")
    store.resolve(problem(store, UNKNOWN, "answer_unknown").id, Decision.INDIVIDUAL)
    store.resolve(problem(store, SHARED_CODE, "duplicate_code").id, Decision.KEEP_BOTH)
    store.resolve(problem(store, TWICE, "duplicate_code").id, Decision.EXCLUDE)


def reopened(data_dir: Path) -> CaseStore:
    return CaseStore.open(data_dir, "事案", KeyringKeySource())


# --- what the roster's problems are, and how they are told -----------------------------------


def test_every_blocking_problem_is_told_at_once_in_validates_words(store: CaseStore) -> None:
    errors = [k.issue for k in store.roster_issues() if k.is_error]
    assert [(i.row, i.code) for i in errors] == [
        (NAMELESS, "missing_name"),
        (UNKNOWN, "answer_unknown"),
        (SHARED_CODE, "duplicate_code"),
        (TWICE, "duplicate_code"),
        (TWICE, "duplicate_client"),
    ]
    [blocker] = export_blockers(store)
    for issue in errors:  # each where Excel shows it, in the words of noticedesk validate
        assert f"行 {issue.row} / {issue.column}: {issue.message}" in blocker.message
    assert "エラーが 5 件" in blocker.message
    # Two different clients given one code are never called one client.
    shared = problem(store, SHARED_CODE, "duplicate_code").issue
    assert shared.message == "顧問先コード「C0003」は行 6 でも使われています。"
    assert shared.message_en == "The client code “C0003” is also used in row 6."
    assert "同じ顧問先です" not in blocker.message and "Same client as" not in blocker.message_en


def test_the_import_keeps_the_first_row_of_an_identity_and_holds_the_repeat(
    store: CaseStore,
) -> None:
    # Before any decision: the nameless row is no client, the repeats wait for a decision.
    assert sorted(rows_of(store)) == [4, 5, 6, UNKNOWN]
    assert rows_of(store)[6] == ("C0003", "株式会社①番館", True)
    assert rows_of(store)[UNKNOWN][2] is False  # an unreadable answer is not a tick
    held = store.file_row(SHARED_CODE)
    assert held is not None and held.name == "株式会社大阪別会社"


# --- each decision --------------------------------------------------------------------------


def test_an_unreadable_answer_is_decided_and_can_be_withdrawn(store: CaseStore) -> None:
    unknown = problem(store, UNKNOWN, "answer_unknown")
    made = store.resolve(unknown.id, Decision.INDIVIDUAL)
    assert rows_of(store)[UNKNOWN][2] is True
    assert made.before is False and made.user and made.at is not None
    assert unknown.id not in {k.id for k in _blocking(store)}
    entry = store.audit_entries()[-1]
    assert entry.action == "resolve" and entry.user == made.user
    assert "行 8「個別報告希望」" in entry.summary() and "個別報告にする" in entry.summary()

    store.resolve(unknown.id, Decision.JOINT)  # decided again: replaced, and said so
    assert rows_of(store)[UNKNOWN][2] is False
    assert "「個別報告にする」から変更" in store.audit_entries()[-1].summary()

    store.withdraw(unknown.id)
    assert unknown.id in {k.id for k in _blocking(store)}
    assert store.audit_entries()[-1].action == "withdraw"
    assert rows_of(store)[UNKNOWN][2] is False  # the tick it had before the first decision


def test_a_row_without_a_name_becomes_a_client_with_the_name_entered(
    store: CaseStore, roster_file: Path
) -> None:
    before = roster_file.read_bytes()
    nameless = problem(store, NAMELESS, "missing_name")
    with pytest.raises(CaseError, match="名称を入力してください"):
        store.resolve(nameless.id, Decision.NAME, "  ")
    store.resolve(nameless.id, Decision.NAME, " 株式会社　虎ノ門 ")
    assert rows_of(store)[NAMELESS] == ("", "株式会社　虎ノ門", False)
    assert roster_file.read_bytes() == before  # the case's value; the file is not touched
    store.withdraw(nameless.id)
    assert NAMELESS not in rows_of(store)


def test_a_code_shared_by_two_clients_keeps_both_the_second_keyed_by_name_and_address(
    store: CaseStore,
) -> None:
    shared = problem(store, SHARED_CODE, "duplicate_code")
    made = store.resolve(shared.id, Decision.KEEP_BOTH)
    assert made.dropped_code == "C0003"
    assert "コード「C0003」を使わず、名称と所在地で見分けます" in made.effect()
    assert rows_of(store)[6] == ("C0003", "株式会社①番館", True)
    assert rows_of(store)[SHARED_CODE] == ("", "株式会社大阪別会社", False)
    # Two clients: each has its own tick.
    osaka = next(c for c in store.clients() if c.client.row == SHARED_CODE)
    store.set_individual([osaka.key], True)
    assert rows_of(store)[6][2] is True and rows_of(store)[SHARED_CODE][2] is True


def test_leaving_a_row_out_settles_every_problem_of_that_row(store: CaseStore) -> None:
    code, place = problem(store, TWICE, "duplicate_code"), problem(store, TWICE, "duplicate_client")
    store.resolve(code.id, Decision.EXCLUDE)
    assert {k.id for k in _blocking(store)} & {code.id, place.id} == set()
    with pytest.raises(CaseError, match="行 10 についての決定「この行を今回は除く」で解決済み"):
        store.resolve(place.id, Decision.KEEP_BOTH)
    assert TWICE not in rows_of(store)


def test_two_rows_that_cannot_be_told_apart_cannot_both_be_kept(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    twice = client_row("", "株式会社同名", address="東京都港区1番1号")
    rows = [*good_rows(), twice, twice]  # rows 7 and 8: one client, and no code
    store, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    with store:
        store.import_roster(import_roster(write_csv(tmp_path / "一覧.csv", rows)))
        repeat = problem(store, 8, "duplicate_client")
        with pytest.raises(CaseError, match="行 8 は行 7 と事業所名・所在地が同じ"):
            store.resolve(repeat.id, Decision.KEEP_BOTH)
        assert store.resolutions() == {}
        with pytest.raises(CaseError, match="選べる決定: この行を今回は除く、両方残す"):
            store.resolve(repeat.id, Decision.JOINT)
        store.resolve(repeat.id, Decision.EXCLUDE)
        assert export_blockers(store) == []


def test_a_name_that_would_make_two_clients_one_is_refused(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    # Row 7: a client without code or address; row 8: a row without a name.
    rows = [*good_rows(), client_row("", "株式会社虎ノ門", address=""), client_row("C0004", "")]
    store, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    with store:
        store.import_roster(import_roster(write_csv(tmp_path / "一覧.csv", rows)))
        nameless = problem(store, 8, "missing_name")
        with pytest.raises(CaseError, match="行 8 の顧問先が行 7 の顧問先と見分けられなくなります"):
            store.resolve(nameless.id, Decision.NAME, "株式会社虎ノ門")
        assert store.resolutions() == {} and 8 not in rows_of(store)
        store.resolve(nameless.id, Decision.NAME, "株式会社虎ノ門 本店")
        assert rows_of(store)[8] == ("", "株式会社虎ノ門 本店", False)


def test_case_rows_is_the_rule_both_the_import_and_a_decision_follow() -> None:
    from noticedesk.core.case.resolutions import Resolution, case_rows
    from noticedesk.core.clients import Client

    first = Client(row=4, code="K003", name="株式会社一", address="東京都1")
    other = Client(row=5, code="K003", name="株式会社二", address="大阪府2")
    again = Client(row=6, code="K003", name="株式会社一", address="東京都1")
    made = case_rows([first, other, again], [])
    assert made.clients == [first] and made.held_rows() == {5, 6}  # the first row has the code

    decisions = [
        Resolution("a", Decision.KEEP_BOTH, 5),
        Resolution("b", Decision.EXCLUDE, 6),
        Resolution("c", Decision.NAME, 7, name="株式会社三"),
        Resolution("d", Decision.INDIVIDUAL, 4),
    ]
    made = case_rows([first, other, again], decisions)
    assert [(c.row, c.code, c.name, c.individual) for c in made.clients] == [
        (4, "K003", "株式会社一", True),
        (5, "", "株式会社二", False),  # told apart by its name and address
        (7, "", "株式会社三", False),
    ]
    assert made.held == []


def test_a_case_imported_before_decisions_keeps_its_roster_as_it_was(
    store: CaseStore, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    with raw(isolated_data_dir) as conn:  # as an earlier NoticeDesk left it: no rows record
        conn.execute("DELETE FROM records WHERE name = 'roster_rows'")
    assert main(["log", "--verify", "--accept"]) == 1
    capsys.readouterr()
    with reopened(isolated_data_dir) as old:
        nameless = problem(old, NAMELESS, "missing_name")
        old.resolve(nameless.id, Decision.NAME, "株式会社虎ノ門")
        old.resolve(problem(old, UNKNOWN, "answer_unknown").id, Decision.EXCLUDE)
    with reopened(isolated_data_dir) as again:  # the roster as imported, not as decided
        assert again.file_row(NAMELESS) is None and again.file_row(UNKNOWN) is not None
        again.withdraw(nameless.id)
        assert sorted(rows_of(again)) == [4, 5, 6]
        assert again.verify().findings == []


# --- the export, kept decisions, re-imports ---------------------------------------------------


def test_decided_problems_unblock_the_export_and_a_row_left_out_is_in_no_document(
    store: CaseStore, tmp_path: Path
) -> None:
    with pytest.raises(ExportProblem):
        export_and_record(store, sample_office(), sample_incident(), tmp_path / "出力", ["cover"])
    decide_all(store)
    assert export_blockers(store) == []
    result = export_and_record(
        store, sample_office(), sample_incident(), tmp_path / "出力", ["cover"]
    )
    names = [plan.client.name for plan in result.clients]
    assert names == [
        "㈱髙橋製作所",
        "有限会社山﨑商店",
        "株式会社①番館",
        "株式会社虎ノ門",
        "株式会社テスト商事",
        "株式会社大阪別会社",
    ]
    listed = _listed(result.ppc_list)  # the joint report: the two who report alone are not in it
    assert listed == [
        "株式会社髙橋製作所",
        "有限会社山﨑商店",
        "株式会社虎ノ門",
        "株式会社大阪別会社",
    ]
    assert store.audit_entries()[-1].action == "export"


def test_decisions_survive_a_reopen_and_a_reimport_of_the_same_file(
    store: CaseStore, roster_file: Path, isolated_data_dir: Path
) -> None:
    decide_all(store)
    decided, clients = store.resolutions(), rows_of(store)
    store.close()
    with reopened(isolated_data_dir) as again:
        assert again.resolutions() == decided and rows_of(again) == clients
        assert export_blockers(again) == []
        diff = again.import_roster(import_roster(roster_file))
        assert diff.added == [] and diff.removed == [] and diff.disagreements == []
        assert again.resolutions() == decided and rows_of(again) == clients
        assert export_blockers(again) == []
        assert "引き継いだ決定 4件" in again.audit_entries()[-1].summary()
        assert again.verify().findings == []


def test_a_corrected_file_drops_the_decisions_whose_problems_are_gone(
    store: CaseStore, tmp_path: Path
) -> None:
    decide_all(store)
    osaka = next(c for c in store.clients() if c.client.row == SHARED_CODE)
    store.set_individual([osaka.key], True)
    corrected = write_csv(tmp_path / "直した一覧.csv", corrected_rows())
    diff = store.import_roster(import_roster(corrected))
    assert store.roster_issues() == [] and store.resolutions() == {}
    assert export_blockers(store) == []
    # The client keyed by name and address in the case gets its own code and keeps its tick.
    assert rows_of(store)[SHARED_CODE] == ("C0009", "株式会社大阪別会社", True)
    # So does the client named in the case: known by its name alone, it is matched to the row
    # that now has that name, with its code and address.
    assert rows_of(store)[NAMELESS][:2] == ("C0004", "株式会社虎ノ門")
    assert diff.removed == [] and diff.added == []
    summary = store.audit_entries()[-1].summary()
    assert "問題がなくなり取り下げた決定" in summary and "行 9: 両方残す" in summary


def test_a_decision_made_elsewhere_is_decided_on(store: CaseStore, isolated_data_dir: Path) -> None:
    with reopened(isolated_data_dir) as command_line:
        command_line.resolve(problem(command_line, TWICE, "duplicate_code").id, Decision.EXCLUDE)
    # This store still holds the old copy; its decision is made on what the file holds.
    store.resolve(problem(store, UNKNOWN, "answer_unknown").id, Decision.JOINT)
    assert len(store.resolutions()) == 2
    assert store.verify().findings == []


# --- sealed: a decision edited, deleted or put back outside NoticeDesk is named ---------------


@contextlib.contextmanager
def raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(next((data_dir / "cases").glob("*.sqlite")), isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["log", "--verify"])
    return code, capsys.readouterr().out


def test_a_decision_changed_outside_noticedesk_is_named_by_log_verify(
    store: CaseStore, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = problem(store, SHARED_CODE, "duplicate_code")
    store.resolve(shared.id, Decision.KEEP_BOTH)
    store.close()
    assert verify(capsys)[0] == 0
    with raw(isolated_data_dir) as conn:
        name, data = conn.execute(
            "SELECT name, data FROM records WHERE name LIKE 'resolution|%'"
        ).fetchone()
        conn.execute(
            "UPDATE records SET data = ? WHERE name = ?", (data[:-1] + bytes([data[-1] ^ 1]), name)
        )
    code, out = verify(capsys)
    assert code == 1
    assert (
        "顧問先一覧の問題 (行 9 / 顧問先コード: 顧問先コード「C0003」は行 6 でも使われています。)"
        in out
    )
    assert "への決定の記録が読めません" in out and "The decision on the client-list problem" in out

    with raw(isolated_data_dir) as conn:  # deleted outright
        conn.execute("DELETE FROM records WHERE name = ?", (name,))
    code, out = verify(capsys)
    assert code == 1 and "決定などの記録が 1 件削除されています" in out


def test_an_older_decision_put_back_is_found_and_an_unreadable_one_decides_nothing(
    store: CaseStore, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = problem(store, UNKNOWN, "answer_unknown")
    store.resolve(unknown.id, Decision.JOINT)
    with raw(isolated_data_dir) as conn:
        older = conn.execute("SELECT name, data FROM records WHERE name LIKE 'resolution|%'")
        name, data = older.fetchone()
    store.resolve(unknown.id, Decision.INDIVIDUAL)
    store.close()
    with raw(isolated_data_dir) as conn:  # the office's "joint", from an older copy
        conn.execute("UPDATE records SET data = ? WHERE name = ?", (data, name))
    code, out = verify(capsys)
    assert code == 1 and "以前の内容に戻されています" in out

    with raw(isolated_data_dir) as conn:
        conn.execute("UPDATE records SET data = ? WHERE name = ?", (b"garbage", name))
    assert main(["log", "--verify", "--accept"]) == 1
    capsys.readouterr()
    with reopened(isolated_data_dir) as again:  # accepted: the decision is gone, it blocks again
        assert again.resolutions() == {} and again.verify().findings == []
        assert unknown.id in {k.id for k in _blocking(again)}


def _blocking(store: CaseStore) -> list[RosterIssue]:
    from noticedesk.core.case.resolutions import unsettled_errors

    return unsettled_errors(store.roster_issues(), store.resolutions())


def _listed(ppc_list: Path) -> list[str]:
    from openpyxl import load_workbook

    sheet = load_workbook(ppc_list).active
    assert sheet is not None
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
