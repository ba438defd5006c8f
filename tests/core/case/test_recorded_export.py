"""One path for exporting the open case, for both faces: what reaches the disk is recorded."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, DocumentStatus, KeyringKeySource
from noticedesk.core.case.recorded_export import ExportNotRecorded, export_and_record
from noticedesk.core.documents import ExportProblem
from tests.helpers.cases import SAKURA, TAKAHASHI, YAMAZAKI, roster
from tests.helpers.documents import sample_incident, sample_office


@pytest.fixture
def store(isolated_data_dir: Path):  # type: ignore[no-untyped-def]
    case, _code = CaseStore.create(isolated_data_dir, "記録のテスト", KeyringKeySource())
    case.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
    yield case
    case.close()


def _statuses(store: CaseStore, kind: str) -> list[DocumentStatus]:
    return [entry.status(kind).status for entry in store.clients()]


def test_a_whole_export_is_recorded_with_the_case_ticks(store: CaseStore, tmp_path: Path) -> None:
    result = export_and_record(
        store,
        sample_office(),
        sample_incident(),
        tmp_path / "out",
        ["cover", "individual"],
        workers=1,
    )
    assert _statuses(store, "cover") == [DocumentStatus.EXPORTED] * 3
    # Only the client the case has ticked gets (and is marked for) the own-report guide.
    assert _statuses(store, "individual") == [
        DocumentStatus.NOT_YET,
        DocumentStatus.NOT_YET,
        DocumentStatus.EXPORTED,
    ]
    assert store.audit_entries()[-1].action == "export"
    assert result.ppc_count == 2


def test_a_cancelled_export_records_exactly_what_it_wrote(store: CaseStore, tmp_path: Path) -> None:
    calls = itertools.count()
    with pytest.raises(ExportProblem) as caught:
        export_and_record(
            store,
            sample_office(),
            sample_incident(),
            tmp_path / "out",
            ["cover"],
            workers=1,
            cancelled=lambda: next(calls) >= 1,  # stop after the first document
        )
    assert caught.value.cancelled
    written = set(caught.value.written)
    assert written and len(written) < 3
    exported = {
        entry.key
        for entry in store.clients()
        if entry.status("cover").status is DocumentStatus.EXPORTED
    }
    assert exported == written


def test_files_on_disk_that_the_case_cannot_record_are_said_to_be_there(
    store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(13, "Permission denied", "case.sqlite")

    monkeypatch.setattr(store, "record_export", refuse)
    with pytest.raises(ExportNotRecorded) as caught:
        export_and_record(
            store, sample_office(), sample_incident(), tmp_path / "out", ["cover"], workers=1
        )
    assert caught.value.result.count == 3
    assert all(path.exists() for plan in caught.value.result.clients for _k, path in plan.documents)
    assert "手作業で状況を記録" in caught.value.text("ja")


# -- what is chosen: some clients, or only what is not yet exported ------------------------------


def _listed(ppc_list: Path) -> list[str]:
    from openpyxl import load_workbook

    sheet = load_workbook(ppc_list).active
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def _by_code(store: CaseStore, kind: str) -> dict[str, DocumentStatus]:
    return {entry.client.code: entry.status(kind).status for entry in store.clients()}


def test_one_client_is_exported_alone_and_the_list_still_names_the_whole_case(
    store: CaseStore, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = export_and_record(
        store,
        sample_office(),
        sample_incident(),
        out,
        ["cover", "report"],
        clients=[YAMAZAKI.key],
        workers=1,
    )
    assert [plan.client.code for plan in result.clients] == ["C0002"]
    assert result.count == 2
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["C0002_有限会社山﨑商店"]
    # The regulator's list is written for every client in the joint report, chosen or not.
    assert result.ppc_count == 2
    assert _listed(result.ppc_list) == ["株式会社髙橋製作所", "有限会社山﨑商店"]
    assert _by_code(store, "cover") == {
        "C0001": DocumentStatus.NOT_YET,
        "C0002": DocumentStatus.EXPORTED,
        "C0003": DocumentStatus.NOT_YET,
    }
    entry = store.audit_entries()[-1]
    assert entry.action == "export" and "山﨑" in entry.summary() and "髙橋" not in entry.summary()


def test_pending_only_writes_what_is_still_not_made_and_leaves_sent_letters_alone(
    store: CaseStore, tmp_path: Path
) -> None:
    office, incident = sample_office(), sample_incident()
    out = tmp_path / "out"
    export_and_record(
        store, office, incident, out, ["cover", "individual"], clients=[TAKAHASHI.key], workers=1
    )
    store.set_status([TAKAHASHI.key], "cover", DocumentStatus.SENT)
    # The office decides after the first export that 山﨑商店 reports itself.
    store.set_individual([YAMAZAKI.key], True)

    result = export_and_record(
        store,
        office,
        incident,
        tmp_path / "second",
        ["cover", "individual"],
        pending_only=True,
        workers=1,
    )
    written = {
        plan.client.code: [kind for kind, _path in plan.documents] for plan in result.clients
    }
    # 髙橋 has its letter already (sent); the guide exists only for who reports itself.
    assert written == {"C0002": ["cover", "individual"], "C0003": ["cover", "individual"]}
    assert _by_code(store, "cover")["C0001"] is DocumentStatus.SENT
    assert _by_code(store, "individual") == {
        "C0001": DocumentStatus.NOT_YET,
        "C0002": DocumentStatus.EXPORTED,
        "C0003": DocumentStatus.EXPORTED,
    }
    # The list follows the ticks as they are now: 山﨑商店 has left the joint report.
    assert _listed(result.ppc_list) == ["株式会社髙橋製作所"]

    with pytest.raises(ExportProblem) as caught:
        export_and_record(
            store, office, incident, tmp_path / "third", ["cover"], pending_only=True, workers=1
        )
    assert "まだ書き出していない文書がありません" in caught.value.text("ja")
    assert not (tmp_path / "third").exists()


def test_a_client_re_exported_after_its_data_was_fixed_gets_its_new_files_recorded(
    store: CaseStore, tmp_path: Path
) -> None:
    import dataclasses

    from tests.helpers.documents import document_text

    office, incident = sample_office(), sample_incident()
    out = tmp_path / "out"
    export_and_record(store, office, incident, out, ["cover"], workers=1)
    store.set_status([YAMAZAKI.key], "cover", DocumentStatus.PRINTED)
    # The letter tells a client in the joint report what goes to the PPC: its address too.
    moved = dataclasses.replace(YAMAZAKI, address="東京都杉並区阿佐谷北1丁目1番1号")
    store.import_roster(roster([TAKAHASHI, moved, SAKURA]))
    others = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx") if "C0002" not in str(p)}

    with pytest.raises(ExportProblem) as refused:
        export_and_record(store, office, incident, out, ["cover"], clients=[YAMAZAKI.key])
    # Its letter and the regulator's list are there: nothing is replaced unasked.
    assert len(refused.value.conflicts) == 2
    result = export_and_record(
        store, office, incident, out, ["cover"], clients=[YAMAZAKI.key], force=True, workers=1
    )
    letter = result.clients[0].documents[0][1]
    assert "阿佐谷北" in document_text(letter.read_bytes())
    assert {p: p.stat().st_mtime_ns for p in others} == others  # the others untouched
    assert _by_code(store, "cover")["C0002"] is DocumentStatus.EXPORTED  # new, not yet printed
    assert _listed(result.ppc_list) == ["株式会社髙橋製作所", "有限会社山﨑商店"]


def test_a_partial_export_keeps_each_client_in_its_own_folder(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    from noticedesk.core.clients import Client

    # Two clients of one name (no codes): a whole export gives the second "… (2)".
    first = Client(row=4, name="株式会社ひかり", address="東京都港区1番地")
    second = Client(row=5, name="株式会社ひかり", address="大阪府大阪市北区2番地")
    case, _code = CaseStore.create(isolated_data_dir, "同名", KeyringKeySource())
    try:
        case.import_roster(roster([first, second]))
        out = tmp_path / "out"
        result = export_and_record(
            case,
            sample_office(),
            sample_incident(),
            out,
            ["cover"],
            clients=[second.key],
            workers=1,
        )
        assert [p.name for p in out.iterdir() if p.is_dir()] == ["株式会社ひかり (2)"]
        assert result.clients[0].folder == out / "株式会社ひかり (2)"
    finally:
        case.close()


def test_a_selection_that_cannot_be_exported_writes_nothing(
    store: CaseStore, tmp_path: Path
) -> None:
    office, incident, out = sample_office(), sample_incident(), tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        export_and_record(
            store, office, incident, out, ["cover"], clients=[YAMAZAKI.key], print_files=True
        )
    assert caught.value.problems[0].field == "print_files"
    with pytest.raises(ExportProblem) as caught:
        export_and_record(store, office, incident, out, ["cover"], clients=["code:C9999"])
    assert "この事案にありません" in caught.value.text("ja")
    with pytest.raises(ExportProblem) as caught:
        export_and_record(store, office, incident, out, ["cover"], clients=[])
    assert "No client is chosen" in caught.value.text("en")
    assert not out.exists()
    assert [e.action for e in store.audit_entries()].count("export") == 0


def test_the_roster_rule_stops_a_partial_export_too(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    from noticedesk.core.clients import Issue, Severity

    bad = Issue(7, "個別報告希望", Severity.ERROR, "individual", "読めない回答です", "unreadable")
    case, _code = CaseStore.create(isolated_data_dir, "エラーあり", KeyringKeySource())
    try:
        case.import_roster(roster([TAKAHASHI, YAMAZAKI], issues=[bad]))
        with pytest.raises(ExportProblem) as caught:
            export_and_record(
                case,
                sample_office(),
                sample_incident(),
                tmp_path / "out",
                ["cover"],
                clients=[TAKAHASHI.key],
                pending_only=True,
            )
        assert caught.value.problems[0].field == "roster"
        assert not (tmp_path / "out").exists()
    finally:
        case.close()
