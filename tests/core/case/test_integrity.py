"""The case file keeps its own honesty: a sealed log and rows, writes that decide on what is
stored, one export rule, a clear word when the case is in use or damaged, private files."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import (
    CaseError,
    CaseInUse,
    CaseStore,
    CaseTampered,
    DocumentStatus,
    KeyringKeySource,
    PassphraseKeySource,
    export_blockers,
)
from noticedesk.core.case.recorded_export import export_and_record
from noticedesk.core.clients import Issue, Severity
from noticedesk.core.documents import ExportProblem
from tests.helpers.case_worker import worker_command, worker_env
from tests.helpers.cases import NO_CODE, SAKURA, TAKAHASHI, YAMAZAKI, roster, sample_roster_file
from tests.helpers.documents import sample_incident, sample_office

HERE = Path(__file__).resolve().parent
FIRST = "C0001 ㈱髙橋製作所"  # the first client of the bundled roster
FIRST_ROW = "seq = (SELECT MIN(seq) FROM clients)"  # its row in SQLite


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def case_file(data_dir: Path) -> Path:
    return next((data_dir / "cases").glob("*.sqlite"))


@contextlib.contextmanager
def raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """The case file as anyone with a copy of SQLite sees it: the triggers can be dropped."""
    conn = sqlite3.connect(case_file(data_dir), isolation_level=None)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        yield conn
    finally:
        conn.close()


def open_case(data_dir: Path, **options: bool) -> CaseStore:
    return CaseStore.open(data_dir, None, KeyringKeySource(), **options)


@pytest.fixture
def worked_case(isolated_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """A case with the bundled roster, one tick and one status; returns its last log entry."""
    assert run(capsys, "case", "new", "事案")[0] == 0
    assert run(capsys, "case", "import", str(sample_roster_file(tmp_path / "一覧.csv")))[0] == 0
    assert run(capsys, "case", "tick", "C0001")[0] == 0
    with open_case(isolated_data_dir) as store:
        store.set_status([TAKAHASHI.key], "cover", DocumentStatus.PRINTED)
        last = store.audit_entries()[-1].seq
    assert last == 4
    return last


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, out, _ = run(capsys, "log", "--verify")
    return code, out


def refused_open(data_dir: Path) -> CaseTampered:
    with pytest.raises(CaseTampered) as caught:
        open_case(data_dir)
    return caught.value


# --- the issue's "done means": edits made directly in SQLite are named ---------------------


def test_an_untouched_case_verifies(worked_case: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = verify(capsys)
    assert code == 0
    assert "すべて封印と一致しました" in out and "All records fit their seal" in out


def test_the_last_entry_deleted_is_named_by_verify_and_by_the_next_open(
    worked_case: int, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw(isolated_data_dir) as conn:
        conn.execute("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)")
    code, out = verify(capsys)
    assert code == 1
    assert f"最後の操作記録 ({worked_case} 番) が削除されています" in out
    assert f"The last log entry {worked_case} was deleted" in out

    tampered = refused_open(isolated_data_dir)
    assert tampered.findings[0].seq == worked_case
    assert f"{worked_case} 番" in tampered.message
    code, _, err = run(capsys, "case", "status")
    assert code == 2 and f"最後の操作記録 ({worked_case} 番)" in err and "--verify" in err


@pytest.mark.parametrize(
    ("statement", "named", "named_en"),
    [
        (
            "UPDATE audit SET user = 'someone-else' WHERE seq = 2",
            "操作記録 2 番が書き換えられています",
            "Log entry 2 has been changed",
        ),
        ("DELETE FROM audit WHERE seq = 3", "操作記録 3 番が削除されています", "Log entry 3 was"),
        (
            f"UPDATE clients SET individual = 1 - individual WHERE {FIRST_ROW}",
            f"顧問先 {FIRST} の個別報告のチェックが書き換えられています "
            "(封印時: 個別報告、現在: 共同報告)",
            f"The individual-report tick of client {FIRST} has been changed",
        ),
        (
            "UPDATE statuses SET status = 'sent'",
            f"顧問先 {FIRST} の書類 cover の状況が書き換えられています "
            "(封印時: 印刷済、現在: 送付済)",
            f"The status of document cover of client {FIRST} has been changed",
        ),
    ],
    ids=["edited-entry", "deleted-entry", "flipped-tick", "flipped-status"],
)
def test_an_edit_made_in_sqlite_is_named_alone_by_verify_and_by_the_next_open(
    worked_case: int,
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    statement: str,
    named: str,
    named_en: str,
) -> None:
    with raw(isolated_data_dir) as conn:
        conn.execute(statement)
    code, out = verify(capsys)
    assert code == 1
    assert named in out and named_en in out
    tampered = refused_open(isolated_data_dir)
    assert len(tampered.findings) == 1  # the entries after an edited one still fit
    assert named in tampered.message


def test_deleted_and_restored_rows_do_not_fit_the_seal(
    worked_case: int, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw(isolated_data_dir) as conn:
        before = conn.execute(f"SELECT individual, mac FROM clients WHERE {FIRST_ROW}").fetchone()
    with open_case(isolated_data_dir) as store:
        store.set_individual([TAKAHASHI.key], False)
    with raw(isolated_data_dir) as conn:  # the row, mac and all, put back from an older copy
        conn.execute(f"UPDATE clients SET individual = ?, mac = ? WHERE {FIRST_ROW}", before)
    code, out = verify(capsys)
    assert code == 1 and "以前の内容に戻されています" in out

    with raw(isolated_data_dir) as conn:
        conn.execute("DELETE FROM statuses")
    code, out = verify(capsys)
    assert code == 1 and "書類の状況の行が 1 件削除されています" in out


def test_a_case_that_does_not_fit_can_be_read_and_then_accepted(
    worked_case: int, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw(isolated_data_dir) as conn:
        conn.execute(f"UPDATE clients SET individual = 1 - individual WHERE {FIRST_ROW}")
    with open_case(isolated_data_dir, allow_tampered=True) as store:
        assert store.read_only and store.findings
        assert len(store.clients()) == 40  # the case can be looked at…
        with pytest.raises(CaseTampered):  # …but not changed
            store.set_individual([YAMAZAKI.key], True)
    code, out, err = run(capsys, "log")
    assert code == 1 and "個別報告に変更" in out and "警告" in err

    code, out, _ = run(capsys, "log", "--verify", "--accept")
    assert code == 1 and "封印し直しました" in out
    assert verify(capsys)[0] == 0
    with open_case(isolated_data_dir) as store:
        last = store.audit_entries()[-1]
        assert last.action == "accept" and FIRST in last.summary()
        store.set_individual([YAMAZAKI.key], True)  # writable again
    assert run(capsys, "case", "status")[0] == 0


def test_a_case_made_before_the_seal_is_sealed_on_first_open(
    worked_case: int, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw(isolated_data_dir) as conn:  # back to schema 1: no macs, no seal
        for table in ("clients", "statuses", "audit"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN mac")
        conn.execute("DELETE FROM records WHERE name = 'seal'")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with open_case(isolated_data_dir) as store:
        entries = store.audit_entries()
        assert entries[-1].action == "seal" and "4 件" in entries[-1].summary()
        assert store.clients()[0].individual
    code, out = verify(capsys)
    assert code == 0 and "封印は操作記録 5 番から" in out
    with raw(isolated_data_dir) as conn:
        conn.execute("UPDATE audit SET action = 'untick' WHERE seq = 3")
    assert "操作記録 3 番が書き換えられています" in verify(capsys)[1]


# --- writes decide on the stored state -----------------------------------------------------


@pytest.fixture
def two_windows(isolated_data_dir: Path) -> Iterator[tuple[CaseStore, CaseStore]]:
    first, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    first.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))
    second = open_case(isolated_data_dir)
    yield first, second
    first.close()
    second.close()


def ticks(store: CaseStore) -> dict[str, bool]:
    return {c.client.code or c.client.name: c.individual for c in store.clients()}


def actions(store: CaseStore) -> list[str]:
    return [e.action for e in store.audit_entries()]


def test_an_untick_in_a_stale_copy_is_applied_and_logged(
    two_windows: tuple[CaseStore, CaseStore], isolated_data_dir: Path
) -> None:
    window, command_line = two_windows
    assert not window.changed_outside()
    command_line.set_individual([TAKAHASHI.key], True)
    assert window.changed_outside()
    assert ticks(window)["C0001"] is False  # the window's copy is stale

    window.set_individual([TAKAHASHI.key], False)
    assert actions(window)[-2:] == ["tick", "untick"]
    with open_case(isolated_data_dir) as fresh:
        assert ticks(fresh)["C0001"] is False
    assert ticks(window)["C0001"] is False
    assert command_line.changed_outside()
    command_line.reload()
    assert ticks(command_line)["C0001"] is False and not command_line.changed_outside()


def test_a_tick_already_stored_is_not_logged_twice(
    two_windows: tuple[CaseStore, CaseStore],
) -> None:
    window, command_line = two_windows
    command_line.set_individual([TAKAHASHI.key], True)
    before = actions(window)
    window.set_individual([TAKAHASHI.key], True)
    window.set_status([YAMAZAKI.key], "cover", DocumentStatus.SENT)
    command_line.set_status([YAMAZAKI.key], "cover", DocumentStatus.SENT)
    assert actions(window) == [*before, "status"]
    assert ticks(window)["C0001"] is True


def test_only_content_changes_count_as_changed_outside(
    two_windows: tuple[CaseStore, CaseStore], isolated_data_dir: Path
) -> None:
    window, _ = two_windows
    window.set_individual([SAKURA.key], False)  # its own change
    assert not window.changed_outside()
    open_case(isolated_data_dir).close()  # someone merely opens it (the open time is written)
    assert not window.changed_outside()


def test_an_import_after_an_outside_tick_keeps_it(
    two_windows: tuple[CaseStore, CaseStore],
) -> None:
    window, command_line = two_windows
    command_line.set_individual([YAMAZAKI.key], True)
    diff = window.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
    assert [c.name for c in diff.removed] == [NO_CODE.name]
    assert ticks(window) == {"C0001": False, "C0002": True, "C0003": True}
    command_line.reload()
    assert ticks(command_line) == ticks(window)
    assert window.verify().findings == []


# --- one export rule -----------------------------------------------------------------------

UNREADABLE = {"C0001": "はい(確認中)", "C0002": "済", "C0003": "未定"}


def test_a_roster_with_errors_imported_into_a_case_cannot_be_exported(
    isolated_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "new", "事案")
    run(capsys, "office", "import", str(sample_dir() / "office.toml"))
    run(capsys, "case", "incident", str(sample_dir() / "incident.toml"))
    bad = sample_roster_file(tmp_path / "一覧.csv", UNREADABLE)
    code, _, err = run(capsys, "case", "import", str(bad))
    assert code == 1
    assert "エラーが 3 件あるため、この事案はまだ書き出せません" in err
    assert "cannot be exported yet" in err

    out = tmp_path / "出力"
    code, _, err = run(capsys, "export", "--out", str(out))
    assert code == 2 and "この事案はまだ書き出せません" in err and "noticedesk validate" in err
    assert not out.exists()

    with open_case(isolated_data_dir) as store:  # the window's path, and after a reopen
        issues = store.roster_issues()
        assert [i.issue.row for i in issues if i.is_error] == [4, 5, 6]
        assert "はい(確認中)" in issues[0].issue.message
        with pytest.raises(ExportProblem) as refused:
            export_and_record(store, sample_office(), sample_incident(), out, ["cover"])
        assert "書き出せません" in refused.value.message
        assert store.audit_entries()[-1].action == "import"  # nothing recorded
    assert not out.exists()

    # The corrected list replaces the problems; the case can be exported.
    assert run(capsys, "case", "import", str(sample_roster_file(tmp_path / "直した.csv")))[0] == 0
    with open_case(isolated_data_dir) as store:
        assert store.roster_issues() == [] and export_blockers(store) == []
    assert run(capsys, "export", "--out", str(out))[0] == 0


def test_roster_issues_are_kept_with_stable_ids(isolated_data_dir: Path) -> None:
    issue = Issue(5, "個別報告希望", Severity.ERROR, "answer_unknown", "「済」を判別できません")
    warning = Issue(None, None, Severity.WARNING, "x", "警告")
    store, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    store.import_roster(roster([TAKAHASHI], issues=[issue, warning]))
    first = store.roster_issues()
    store.close()
    with open_case(isolated_data_dir) as again:
        kept = again.roster_issues()
        assert [k.issue for k in kept] == [issue, warning]
        assert [k.id for k in kept] == [k.id for k in first] and kept[0].id != kept[1].id
        blockers = export_blockers(again)
        assert (
            len(blockers) == 1
            and "行 5 / 個別報告希望: 「済」を判別できません" in blockers[0].message
        )
        again.import_roster(roster([TAKAHASHI], issues=[warning]))
        assert export_blockers(again) == []


# --- in use, damaged -----------------------------------------------------------------------

PASSPHRASE = "integrity-test-passphrase"


def test_a_case_held_by_another_process_says_who_quickly(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "事案", PassphraseKeySource(PASSPHRASE))
    store.import_roster(roster([TAKAHASHI]))
    env = worker_env()
    command = worker_command("hold", str(isolated_data_dir), PASSPHRASE)
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "holding"
        started = time.monotonic()
        with pytest.raises(CaseInUse) as caught:
            store.set_individual([TAKAHASHI.key], True)
        assert time.monotonic() - started < 6
        assert "ほかで使用中" in caught.value.message and "もう一度" in caught.value.message
        assert f"プロセス {child.pid}" in caught.value.message
        assert [h.pid for h in caught.value.holders] == [child.pid]

        monkeypatch.setenv("NOTICEDESK_PASSPHRASE", PASSPHRASE)
        code, _, err = run(capsys, "case", "tick", "C0001")
        assert code == 2 and "ほかで使用中" in err and str(child.pid) in err
        child.stdin.close()
        child.wait(timeout=30)
    store.set_individual([TAKAHASHI.key], True)  # free again
    assert ticks(store)["C0001"] is True
    store.close()


def test_a_note_left_by_a_dead_process_is_ignored(isolated_data_dir: Path) -> None:
    from noticedesk.core.case import presence

    store, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)
    note = store.path.with_name(f".{store.id}.{pid}.0.open")
    note.write_text(
        json.dumps({"user": "u", "host": presence._host(), "pid": pid, "since": "x"}), "utf-8"
    )
    assert presence.holders(store.path, store._note) == []
    assert not note.exists()
    store.close()
    assert not list(store.path.parent.glob("*.open"))  # its own note went on close


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("UPDATE meta SET value = x'00ff' WHERE key = 'schema'", "meta 表の schema"),
        ("DELETE FROM meta WHERE key = 'schema'", "meta 表の schema"),
        ("UPDATE keys SET params = 'garbage' WHERE kind = 'keyring'", "鍵の情報"),
        ("UPDATE keys SET wrapped = 'text' WHERE kind = 'keyring'", "鍵の情報"),
        ("UPDATE statuses SET at = 'yesterday'", "書類 cover の状況"),
        (
            "UPDATE records SET data = x'00' WHERE name = 'seal'",
            "封印 (記録全体の要約) が読めません",
        ),
    ],
)
def test_damaged_rows_are_a_sentence_naming_the_case(
    worked_case: int,
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    statement: str,
    said: str,
) -> None:
    with raw(isolated_data_dir) as conn:
        conn.execute(statement)
    for argv in (("case", "status"), ("case", "open", "事案"), ("log",)):
        code, _, err = run(capsys, *argv)
        assert code in (1, 2), argv
        assert "事案「事案」" in err and said in err, (argv, err)
    assert run(capsys, "case", "list")[0] == 0


def test_a_case_file_whose_name_cannot_be_read_is_listed_as_such(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "new", "事案")
    (isolated_data_dir / "cases" / "0123456789abcdef.sqlite").write_bytes(b"not a database" * 99)
    code, out, err = run(capsys, "case", "list")
    assert code == 1 and out.startswith("* 事案")
    assert "読めない事案ファイル" in err and "0123456789abcdef.sqlite" in err


# --- private files -------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="Windows: the profile's ACLs apply")
def test_case_files_and_folders_are_private_whatever_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "新しいデータ"
    old = os.umask(0)
    try:
        assert run(capsys, "case", "new", "事案", "--data-dir", str(folder))[0] == 0
        assert mode(folder) == 0o700 and mode(folder / "cases") == 0o700
        store = CaseStore.open(folder, None, KeyringKeySource())
        store.import_roster(roster([TAKAHASHI]))
        files = [p for p in (folder / "cases").iterdir() if p.is_file()]
        names = {p.name.rsplit("-", 1)[-1] for p in files}
        assert {"wal", "shm", "index.json"} <= names | {p.name for p in files}
        assert any(p.suffix == ".open" for p in files)  # the note saying who has it open
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
        store.close()

        # An older case left readable by others is closed on the next open.
        for p in (folder / "cases").iterdir():
            p.chmod(0o644)
        (folder / "cases").chmod(0o755)
        CaseStore.open(folder, None, KeyringKeySource()).close()
        assert mode(folder / "cases") == 0o700
        assert mode(case_file(folder)) == 0o600
    finally:
        os.umask(old)


def test_a_write_refused_by_the_seal_changes_nothing(
    worked_case: int, isolated_data_dir: Path
) -> None:
    with open_case(isolated_data_dir) as store:
        with raw(isolated_data_dir) as conn:
            conn.execute("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)")
        with pytest.raises(CaseTampered, match="最後の操作記録"):
            store.set_individual([YAMAZAKI.key], True)
        with pytest.raises(CaseError):
            store.set_individual([YAMAZAKI.key], True)
    with raw(isolated_data_dir) as conn:
        assert conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0] == worked_case - 1
