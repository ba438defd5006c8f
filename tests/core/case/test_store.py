"""The case file: cases, re-imports that keep choices, statuses, the audit log and its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import (
    CaseError,
    CaseNotFound,
    CaseStore,
    DocumentStatus,
    EphemeralKeySource,
    KeyringKeySource,
)
from noticedesk.core.incident import load_incident
from tests.helpers.cases import NO_CODE, SAKURA, TAKAHASHI, YAMAZAKI, many, roster


@pytest.fixture
def store(isolated_data_dir: Path) -> CaseStore:
    s, _ = CaseStore.create(isolated_data_dir, "2023年6月 システム障害", KeyringKeySource())
    yield s
    s.close()


def by_code(store: CaseStore) -> dict[str, object]:
    return {c.client.code or c.client.name: c for c in store.clients()}


def test_first_import_takes_the_files_ticks_and_keeps_roster_order(store: CaseStore) -> None:
    diff = store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))
    assert diff.first_import
    assert [c.name for c in diff.added] == [
        TAKAHASHI.name,
        YAMAZAKI.name,
        SAKURA.name,
        NO_CODE.name,
    ]
    clients = store.clients()
    assert [c.client.name for c in clients] == [c.name for c in diff.added]
    assert [c.individual for c in clients] == [False, False, True, False]
    assert clients[0].client.phone == "03-6363-9779"
    assert store.counts() == {
        "clients": 4,
        "individual": 1,
        "joint": 3,
        "answered": 0,
        "awaiting_answer": 4,
        "documents": {},
    }
    assert store.roster_source is not None
    assert store.roster_source["file_name"] == "顧問先一覧.csv"


def test_reimport_keeps_ticks_and_statuses_and_reports_what_changed(
    store: CaseStore, isolated_data_dir: Path
) -> None:
    store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))
    store.set_individual([TAKAHASHI.key], True)
    store.set_individual([SAKURA.key], False)
    store.set_status([YAMAZAKI.key], "client_report", DocumentStatus.SENT)
    store.close()

    # The office updates its Excel: 山﨑 changes address (same code), 佐藤＆太郎 leaves,
    # a new client arrives, and the file still says さくら運輸 wants to report alone.
    moved = replace(YAMAZAKI, address="東京都杉並区高円寺北1丁目1番1号", row=4)
    newcomer = replace(TAKAHASHI, code="C0099", name="株式会社みどり商事", row=7)
    again = CaseStore.open(isolated_data_dir, None, KeyringKeySource())
    diff = again.import_roster(roster([moved, replace(TAKAHASHI, row=5), SAKURA, newcomer]))

    assert not diff.first_import
    assert [c.name for c in diff.added] == ["株式会社みどり商事"]
    assert [c.name for c in diff.removed] == [NO_CODE.name]
    assert {c.name for c in diff.kept} == {YAMAZAKI.name, TAKAHASHI.name, SAKURA.name}
    # Ticks in the case win over the file; the ones that now disagree are reported.
    assert {c.name for c in diff.disagreements} == {TAKAHASHI.name, SAKURA.name}
    clients = by_code(again)
    assert clients["C0001"].individual is True
    assert clients["C0001"].client.individual is True  # ready for the export engine as is
    assert clients["C0003"].individual is False
    assert clients["C0002"].client.address == "東京都杉並区高円寺北1丁目1番1号"
    assert clients["C0002"].status("client_report").status is DocumentStatus.SENT
    assert clients["C0099"].status("client_report").status is DocumentStatus.NOT_YET
    assert list(clients) == ["C0002", "C0001", "C0003", "C0099"]
    again.close()


def test_a_removed_client_that_returns_gets_its_tick_back(store: CaseStore) -> None:
    store.import_roster(roster([TAKAHASHI, YAMAZAKI]))
    store.set_individual([YAMAZAKI.key], True)
    store.import_roster(roster([TAKAHASHI]))
    assert [c.client.code for c in store.clients()] == ["C0001"]
    diff = store.import_roster(roster([TAKAHASHI, YAMAZAKI]))
    assert [c.code for c in diff.added] == ["C0002"]
    assert by_code(store)["C0002"].individual is True


def test_a_client_without_code_is_matched_by_name_and_address(store: CaseStore) -> None:
    store.import_roster(roster([NO_CODE]))
    store.set_individual([NO_CODE.key], True)
    diff = store.import_roster(roster([replace(NO_CODE, phone="045-000-0000", row=9)]))
    assert diff.added == [] and len(diff.kept) == 1
    assert store.clients()[0].individual is True
    assert store.clients()[0].client.phone == "045-000-0000"


def test_a_row_repeating_a_clients_identity_waits_for_a_decision(store: CaseStore) -> None:
    # The rules report the repeat (an error, so the case cannot be exported); the import
    # keeps the first row as the client and holds the later one until the office decides.
    store.import_roster(roster([TAKAHASHI]))
    store.set_individual([TAKAHASHI.key], True)
    diff = store.import_roster(roster([TAKAHASHI, replace(TAKAHASHI, row=12, phone="03-1")]))
    assert diff.added == [] and [c.row for c in diff.kept] == [4]
    [client] = store.clients()
    assert client.client.row == 4 and client.individual is True


def test_unknown_client_is_a_clear_error_and_changes_nothing(store: CaseStore) -> None:
    store.import_roster(roster([TAKAHASHI]))
    with pytest.raises(CaseError, match="顧問先一覧にありません"):
        store.set_individual([TAKAHASHI.key, "code:NOPE"], True)
    assert store.clients()[0].individual is False


def test_statuses_carry_dates_and_are_counted(store: CaseStore) -> None:
    store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    store.set_status([TAKAHASHI.key, YAMAZAKI.key], "employee_notice", DocumentStatus.PRINTED)
    store.set_status([TAKAHASHI.key], "employee_notice", DocumentStatus.SENT)
    entry = by_code(store)["C0001"].status("employee_notice")
    assert entry.status is DocumentStatus.SENT
    assert entry.at is not None and entry.at >= before and entry.at.utcoffset() is not None
    assert store.counts()["documents"] == {
        "employee_notice": {"not_yet": 1, "exported": 0, "printed": 1, "sent": 1}
    }


def test_record_export_marks_exported_and_logs_every_file(store: CaseStore, tmp_path: Path) -> None:
    store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
    documents = {
        TAKAHASHI.key: [
            ("employee_notice", tmp_path / "C0001_㈱髙橋製作所_従業員向け.docx"),
            ("client_report", tmp_path / "C0001_㈱髙橋製作所_報告.docx"),
        ],
        YAMAZAKI.key: [("client_report", tmp_path / "C0002_有限会社山﨑商店_報告.docx")],
    }
    store.record_export(documents, tmp_path / "ppc.xlsx")
    counts = store.counts()["documents"]
    # Only what was written for a client is marked: 山﨑商店 got no employee notice.
    assert counts["employee_notice"] == {"not_yet": 2, "exported": 1, "printed": 0, "sent": 0}
    assert counts["client_report"] == {"not_yet": 1, "exported": 2, "printed": 0, "sent": 0}
    last = store.audit_entries()[-1]
    assert last.action == "export"
    assert str(documents[TAKAHASHI.key][0][1]) in last.summary()
    assert "ppc.xlsx" in last.summary()


def test_incident_is_kept_and_read_back_equal(store: CaseStore, isolated_data_dir: Path) -> None:
    incident = load_incident(sample_dir() / "incident.toml")
    store.set_incident(incident)
    store.close()
    again = CaseStore.open(isolated_data_dir, "2023年6月 システム障害", KeyringKeySource())
    assert again.incident == incident
    again.close()


def test_the_audit_log_knows_who_did_what_and_when_and_cannot_be_rewritten(
    store: CaseStore,
) -> None:
    store.import_roster(roster([TAKAHASHI, YAMAZAKI]))
    store.set_individual([TAKAHASHI.key], True)
    store.set_individual([TAKAHASHI.key], False)
    entries = store.audit_entries()
    assert [e.action for e in entries] == ["create", "import", "tick", "untick"]
    assert all(e.user and e.at.utcoffset() is not None for e in entries)
    assert entries[2].details == {"clients": ["C0001 ㈱髙橋製作所"]}

    raw = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE audit SET user = 'someone else'")
    raw.close()
    assert len(store.audit_entries()) == 4


def test_audit_csv_opens_in_excel_and_never_replaces_a_file_unasked(
    store: CaseStore, tmp_path: Path
) -> None:
    store.import_roster(roster([TAKAHASHI]))
    store.set_individual([TAKAHASHI.key], True)
    target = tmp_path / "監査ログ.csv"
    store.export_audit_csv(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["番号", "日時", "操作者", "操作", "内容"]
    assert [r[3] for r in rows[1:]] == ["事案作成", "顧問先一覧の取込", "個別報告に変更"]
    assert rows[3][4] == "C0001 ㈱髙橋製作所"
    with pytest.raises(FileExistsError):
        store.export_audit_csv(target)
    store.set_status([TAKAHASHI.key], "cover_letter", DocumentStatus.SENT)
    store.export_audit_csv(target, overwrite=True)
    assert "送付済" in target.read_text("utf-8-sig")


def test_several_cases_and_the_last_opened_opens_by_default(isolated_data_dir: Path) -> None:
    first, _ = CaseStore.create(isolated_data_dir, "事案A", KeyringKeySource())
    first.import_roster(roster([TAKAHASHI]))
    first.close()
    second, _ = CaseStore.create(isolated_data_dir, "事案B", KeyringKeySource())
    second.close()
    assert {c.name for c in CaseStore.list_cases(isolated_data_dir)} == {"事案A", "事案B"}
    with CaseStore.open(isolated_data_dir, None, KeyringKeySource()) as default:
        assert default.name == "事案B"
    CaseStore.open(isolated_data_dir, "事案A", KeyringKeySource()).close()
    with CaseStore.open(isolated_data_dir, None, KeyringKeySource()) as default:
        assert default.name == "事案A" and len(default.clients()) == 1
    assert CaseStore.list_cases(isolated_data_dir)[0].name == "事案A"


def test_case_files_are_named_by_id_and_a_lost_index_loses_no_case(
    isolated_data_dir: Path,
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "㈱髙橋製作所の件", KeyringKeySource())
    store.close()
    names = [p.name for p in (isolated_data_dir / "cases").iterdir()]
    assert not any("髙橋" in n for n in names)
    index = isolated_data_dir / "cases" / "index.json"
    assert json.loads(index.read_text("utf-8"))["last_opened"] == store.id
    index.unlink()
    assert [c.name for c in CaseStore.list_cases(isolated_data_dir)] == ["㈱髙橋製作所の件"]
    CaseStore.open(isolated_data_dir, "㈱髙橋製作所の件", KeyringKeySource()).close()


def test_names_are_unique_and_missing_cases_are_clear(isolated_data_dir: Path) -> None:
    with pytest.raises(CaseNotFound, match="事案がまだありません"):
        CaseStore.open(isolated_data_dir, None, KeyringKeySource())
    CaseStore.create(isolated_data_dir, "事案A", EphemeralKeySource())[0].close()
    with pytest.raises(CaseError, match="すでにあります"):
        CaseStore.create(isolated_data_dir, " 事案A ", KeyringKeySource())
    with pytest.raises(CaseNotFound, match="事案Z"):
        CaseStore.open(isolated_data_dir, "事案Z", KeyringKeySource())
    with pytest.raises(CaseError, match="一時的な鍵"):
        CaseStore.open(isolated_data_dir, "事案A", KeyringKeySource())


def test_ticks_from_one_thread_while_another_imports_are_all_kept(store: CaseStore) -> None:
    store.import_roster(many(2000))
    keys = [c.key for c in store.clients()][::10]
    errors: list[BaseException] = []

    def reimport() -> None:
        try:
            for _ in range(3):
                store.import_roster(many(2000))
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=reimport)
    worker.start()
    for key in keys:
        store.set_individual([key], True)
    worker.join()
    assert errors == []
    ticked = {c.key for c in store.clients() if c.individual}
    assert ticked == set(keys)


def test_a_client_given_a_code_on_reimport_keeps_its_tick_and_statuses(
    store: CaseStore, isolated_data_dir: Path
) -> None:
    store.import_roster(roster([TAKAHASHI, NO_CODE]))
    store.set_individual([NO_CODE.key], True)
    store.set_status([NO_CODE.key], "cover", DocumentStatus.SENT)

    coded = replace(NO_CODE, code="C0099")
    diff = store.import_roster(roster([TAKAHASHI, coded]))
    assert diff.added == [] and diff.removed == []
    assert {c.key for c in diff.kept} == {TAKAHASHI.key, coded.key}

    def check(s: CaseStore) -> None:
        entry = {c.key: c for c in s.clients()}[coded.key]
        assert entry.individual
        assert entry.status("cover").status is DocumentStatus.SENT
        assert len(s.clients()) == 2

    check(store)
    store.close()
    with CaseStore.open(isolated_data_dir, None, KeyringKeySource()) as again:
        check(again)
        # And back: the code dropped from the list again, the same client still.
        diff = again.import_roster(roster([TAKAHASHI, NO_CODE]))
        assert diff.added == [] and diff.removed == []
        check_back = {c.key: c for c in again.clients()}[NO_CODE.key]
        assert check_back.individual
        assert check_back.status("cover").status is DocumentStatus.SENT
