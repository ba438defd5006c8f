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
