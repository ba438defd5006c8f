"""Cancelling an export: it stops between documents, and says exactly what reached the disk."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from noticedesk.core.clients import Client
from noticedesk.core.documents import (
    PPC_LIST_NAME,
    PRINT_FOLDER,
    ExportProblem,
    export_case,
    export_workers,
)
from noticedesk.core.documents.output_folder import is_temporary_name
from tests.helpers.documents import client, sample_incident, sample_office


def clients(count: int) -> list[Client]:
    return [
        client(f"株式会社顧問先{i:03d}", row=4 + i, code=f"C{i:04d}", individual=i % 4 == 0)
        for i in range(1, count + 1)
    ]


def documents_on_disk(out: Path) -> set[Path]:
    return {p for p in out.rglob("*.docx") if p.parent.name != PRINT_FOLDER}


def written_files(problem: ExportProblem) -> set[Path]:
    return {path for documents in problem.written.values() for _kind, path in documents}


def assert_whole_documents(paths: set[Path]) -> None:
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            assert "word/document.xml" in archive.namelist()


def after(calls: int) -> Callable[[], bool]:
    """A ``cancelled`` that answers stop from its ``calls + 1``-th question on (the engine asks
    once before each document)."""
    asked = [0]

    def cancelled() -> bool:
        asked[0] += 1
        return asked[0] > calls

    return cancelled


def test_cancel_after_five_documents_leaves_exactly_those_five(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        export_case(
            clients(6), sample_office(), sample_incident(), out, workers=1, cancelled=after(5)
        )
    problem = caught.value
    assert problem.cancelled
    # Client 1's three documents, then the first two of client 2's, in envelope order.
    first = out / "C0001_株式会社顧問先001"
    second = out / "C0002_株式会社顧問先002"
    assert documents_on_disk(out) == set(first.iterdir()) | set(second.iterdir())
    assert sorted(p.name[:2] for p in second.iterdir()) == ["01", "02"]
    assert written_files(problem) == documents_on_disk(out)
    assert [k for k, _ in problem.written["code:C0002"]] == ["cover", "internal"]
    assert set(problem.written) == {"code:C0001", "code:C0002"}
    assert problem.ppc_list is None and not (out / PPC_LIST_NAME).exists()
    assert not (out / "C0003_株式会社顧問先003").exists()
    assert not [p for p in out.rglob("*") if is_temporary_name(p.name)]  # no temporary file
    assert_whole_documents(documents_on_disk(out))
    assert "中止" in problem.messages("ja")[0] and "5件" in problem.messages("ja")[0]
    assert "cancelled" in problem.messages("en")[0]
    assert "The 5 document(s)" in problem.messages("en")[0]


def test_cancel_pressed_when_the_progress_shows_the_first_chunk(tmp_path: Path) -> None:
    """As in the window: the user sees "32 of 81" and presses Cancel on another thread."""
    out = tmp_path / "out"
    stop = threading.Event()
    seen: list[int] = []

    def progress(done: int, _total: int) -> None:
        seen.append(done)
        if done:
            stop.set()

    with pytest.raises(ExportProblem) as caught:
        export_case(
            clients(25),
            sample_office(),
            sample_incident(),
            out,
            workers=1,
            progress=progress,
            cancelled=stop.is_set,
        )
    on_disk = documents_on_disk(out)
    assert len(on_disk) == seen[-1] == 32  # ten clients, two of them with the guide
    assert written_files(caught.value) == on_disk
    assert len(caught.value.written) == 10
    assert not (out / PPC_LIST_NAME).exists()


def test_cancel_before_the_first_document_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        export_case(clients(3), sample_office(), sample_incident(), out, cancelled=lambda: True)
    assert caught.value.cancelled
    assert caught.value.written == {} and caught.value.ppc_list is None
    assert list(out.rglob("*.docx")) == []
    assert "0件" in caught.value.messages()[0]


def test_no_cancel_asked_means_a_whole_export(tmp_path: Path) -> None:
    result = export_case(
        clients(3), sample_office(), sample_incident(), tmp_path, workers=1, cancelled=lambda: False
    )
    assert result.count == 9 and (tmp_path / PPC_LIST_NAME).exists()


def test_cancel_stops_between_print_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stop = threading.Event()
    documents = 3 * 4 + 1  # four clients, the fourth with the guide

    def progress(done: int, _total: int) -> None:
        if done == documents + 1:  # the first print file has been merged
            stop.set()

    with pytest.raises(ExportProblem) as caught:
        export_case(
            clients(4),
            sample_office(),
            sample_incident(),
            out,
            workers=1,
            progress=progress,
            print_files=True,
            cancelled=stop.is_set,
        )
    assert len(written_files(caught.value)) == documents  # every client's own files
    assert caught.value.ppc_list == out / PPC_LIST_NAME
    merged = list((out / PRINT_FOLDER).iterdir())
    assert [p.name for p in merged] == ["01_送付状_全顧問先.docx"]
    assert_whole_documents(set(merged))


def test_cancel_in_the_process_pool_stops_between_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_workers, "CHUNK_SIZE", 3)  # 30 chunks: most are still queued
    out = tmp_path / "out"
    stop = threading.Event()
    total = 3 * 90 + 22

    def progress(done: int, _total: int) -> None:
        if done:
            stop.set()

    with pytest.raises(ExportProblem) as caught:
        export_case(
            clients(90),
            sample_office(),
            sample_incident(),
            out,
            workers=2,
            progress=progress,
            cancelled=stop.is_set,
        )
    on_disk = documents_on_disk(out)
    assert 0 < len(on_disk) < total
    assert written_files(caught.value) == on_disk
    assert_whole_documents(on_disk)
    # The pool path writes the regulator's list while the workers start; it is named.
    assert caught.value.ppc_list == out / PPC_LIST_NAME
    assert not [p for p in out.rglob("*") if is_temporary_name(p.name)]
