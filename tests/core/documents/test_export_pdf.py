"""The export's PDFs with stand-in converters: from the very .docx bytes, all or none, recorded.

``FakeConverter`` writes pages naming the bytes they were made from and keeps no bookmarks, so
every merged chunk falls back to one-by-one conversion here; the real split is tested with
LibreOffice in ``tests/system/test_export_pdf_libreoffice.py``.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from noticedesk.core.case import CaseStore, DocumentStatus, KeyringKeySource
from noticedesk.core.case.recorded_export import export_and_record
from noticedesk.core.documents import ExportProblem, ExportResult, export_case
from noticedesk.core.documents.docx_merge import merge_documents
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.documents.pages import page_text
from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.documents.pdf_merged import parallel_converters
from noticedesk.core.documents.pdf_split import SplitError, join_pdfs, split_pdf
from noticedesk.core.documents.preview import client_documents
from tests.helpers.cases import SAKURA, TAKAHASHI, YAMAZAKI, roster
from tests.helpers.converters import FailingConverter, FakeConverter, make_pdf, marker
from tests.helpers.documents import client, document_xml, sample_incident, sample_office

CLIENTS = [
    client("株式会社あおば", code="C0001"),
    client("有限会社かえで", code="C0002", individual=True),
    client("合同会社つばさ", code="C0003"),
]


def _export(out: Path, pdf: PdfRequest, **options: Any) -> ExportResult:
    return export_case(
        CLIENTS,
        sample_office(),
        sample_incident(),
        out,
        ["cover", "individual"],
        workers=1,
        pdf=pdf,
        **options,
    )


def _files(out: Path, suffix: str) -> list[Path]:
    return sorted(p for p in out.rglob(f"*{suffix}") if p.is_file())


def _hidden(out: Path) -> list[str]:
    return [p.name for p in out.rglob(".*")]


def test_each_pdf_is_made_from_the_docx_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    steps: list[tuple[int, int]] = []
    result = _export(
        out,
        PdfRequest(FakeConverter(pages=1)),
        print_files=True,
        progress=lambda done, total: steps.append((done, total)),
    )
    docx = _files(out, ".docx")
    pdfs = _files(out, ".pdf")
    assert [p.with_suffix(".pdf") for p in docx] == pdfs  # one beside each, print files too
    for each in (p for p in docx if p.parent.name != "印刷用"):
        assert marker(each.read_bytes()) in page_text(each.with_suffix(".pdf").read_bytes(), 0)
    if sys.platform != "win32":  # client data: readable by its owner only, like the .docx
        assert {stat.S_IMODE(p.stat().st_mode) for p in [*docx, *pdfs]} == {0o600}
    # The print PDF of a kind: the clients' PDFs of that kind, page after page.
    cover = result.print_pdfs["cover"].read_bytes()
    clients_covers = [plan.documents[0][1].read_bytes() for plan in result.pdfs]
    assert [page_text(cover, i) for i in range(3)] == [page_text(p, 0) for p in clients_covers]
    assert set(result.print_pdfs) == {"cover", "individual"}
    assert steps[-1][0] == steps[-1][1] == 4 + 2 + 4 + 2  # .docx, print files, PDFs, print PDFs
    assert _hidden(out) == []


def test_a_failed_conversion_leaves_no_pdf_and_keeps_the_word_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        _export(out, PdfRequest(FailingConverter()), print_files=True)
    ja, en = caught.value.text("ja"), caught.value.text("en")
    assert "PDF を作成できませんでした" in ja and "BrokenOffice" in ja
    assert "Word ファイル（.docx）は書き出してあります" in ja
    assert "the Word files (.docx) were written" in en
    assert _files(out, ".pdf") == []
    assert len(_files(out, ".docx")) == 4 + 2
    assert sum(len(v) for v in caught.value.written.values()) == 4  # recorded as written
    assert _hidden(out) == []


class _FailsOnSecondCall(FakeConverter):
    def __init__(self) -> None:
        super().__init__(pages=1)
        self.calls = 0

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        self.calls += 1
        if self.calls > 2:
            FailingConverter().convert(documents)
        return super().convert(documents)


def test_a_conversion_failing_part_way_leaves_no_pdf_either(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem):
        _export(out, PdfRequest(_FailsOnSecondCall()))
    assert _files(out, ".pdf") == [] and _hidden(out) == []


def test_without_a_converter_pdf_only_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        _export(out, PdfRequest(None, only=True))
    ja = caught.value.text("ja")
    assert "Microsoft Word または LibreOffice" in ja and "何も書き出していません" in ja
    assert "Word ファイル（.docx）での書き出しはできます" in ja
    assert not out.exists()


def test_without_a_converter_the_word_files_are_still_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportProblem) as caught:
        _export(out, PdfRequest(None))
    assert "PDF は作成していません。Word ファイル（.docx）は書き出してあります" in (
        caught.value.text("ja")
    )
    assert "No program to make PDFs" in caught.value.text("en")
    assert len(_files(out, ".docx")) == 4 and _files(out, ".pdf") == []
    assert sum(len(v) for v in caught.value.written.values()) == 4


def test_pdf_only_writes_pdfs_and_no_word_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _export(out, PdfRequest(FakeConverter(pages=1), only=True), print_files=True)
    assert _files(out, ".docx") == [] and _hidden(out) == []
    pdfs = _files(out, ".pdf")
    assert len(pdfs) == 4 + 2
    planned = sorted(path for plan in result.clients for _k, path in plan.documents)
    assert planned == sorted(p for p in pdfs if p.parent.name != "印刷用")
    assert result.pdfs == []  # the PDFs are the documents


def test_an_existing_pdf_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _export(out, PdfRequest(FakeConverter(pages=1)))
    target = first.pdfs[0].documents[0][1]
    target.write_bytes(b"the office's own copy")
    for docx in _files(out, ".docx"):
        docx.unlink()
    with pytest.raises(ExportProblem) as caught:
        _export(out, PdfRequest(FakeConverter(pages=1)))
    assert target in caught.value.conflicts
    assert target.read_bytes() == b"the office's own copy"
    assert _files(out, ".docx") == []  # refused before writing anything
    _export(out, PdfRequest(FakeConverter(pages=1)), force=True)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_cancel_during_the_pdfs_leaves_none(tmp_path: Path) -> None:
    out = tmp_path / "out"
    converter = FakeConverter(pages=1)
    asked = itertools.count()
    # Four .docx documents ask before each, then the PDF step asks before its only call.
    with pytest.raises(ExportProblem) as caught:
        _export(out, PdfRequest(converter), cancelled=lambda: next(asked) >= 5)
    assert caught.value.cancelled
    assert converter.batches == []
    assert _files(out, ".pdf") == [] and len(_files(out, ".docx")) == 4


@pytest.fixture
def store(isolated_data_dir: Path):  # type: ignore[no-untyped-def]
    case, _code = CaseStore.create(isolated_data_dir, "PDFのテスト", KeyringKeySource())
    case.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
    yield case
    case.close()


def test_pdf_export_is_recorded_like_the_word_files(store: CaseStore, tmp_path: Path) -> None:
    export_and_record(
        store,
        sample_office(),
        sample_incident(),
        tmp_path / "out",
        ["cover"],
        workers=1,
        pdf=PdfRequest(FakeConverter(pages=1), only=True),
    )
    assert [e.status("cover").status for e in store.clients()] == [DocumentStatus.EXPORTED] * 3
    entry = store.audit_entries()[-1]
    assert entry.action == "export"
    files = [f for paths in entry.details["files"].values() for f in paths]
    assert len(files) == 3 and all(f.endswith(".pdf") for f in files)


# --- merging with marks, splitting -------------------------------------------------------------


def test_the_merge_marks_each_document_without_changing_its_text() -> None:
    documents = [
        client_documents(c, sample_office(), sample_incident(), ["cover"])[0].docx for c in CLIENTS
    ]
    plain = document_xml(merge_documents(documents))
    marked = document_xml(merge_documents(documents, ["DocA", "DocB", "DocC"]))
    for name in ("DocA", "DocB", "DocC"):
        assert marked.count(f'w:name="{name}"') == 1
    assert marked.index('w:name="DocA"') < marked.index("あおば") < marked.index('w:name="DocB"')
    stripped = re.sub(
        r'<w:bookmarkStart w:id="\d+" w:name="Doc[ABC]"/><w:bookmarkEnd w:id="\d+"/>', "", marked
    )
    assert stripped == plain


def test_a_pdf_without_the_marks_is_not_split() -> None:
    pdf = make_pdf(["one", "two"])
    with pytest.raises(SplitError):
        split_pdf(pdf, ["NoticeDeskDoc00000", "NoticeDeskDoc00001"])


def test_joined_pdfs_keep_every_page_in_order() -> None:
    joined = join_pdfs([make_pdf(["a1", "a2"]), make_pdf(["b1"])])
    assert [page_text(joined, i) for i in range(3)] == ["a1", "a2", "b1"]


def test_libreoffice_runs_beside_itself_only_on_profiles_of_its_own(tmp_path: Path) -> None:
    original = LibreOfficeConverter(tmp_path / "soffice", profile_dir=tmp_path / "profile")
    copies = parallel_converters(original, 2)
    assert all(isinstance(c, LibreOfficeConverter) for c in copies)
    profiles = [c.profile_dir for c in copies if isinstance(c, LibreOfficeConverter)]
    assert profiles[0] == original.profile_dir  # the preview's converter waits for it
    assert len(set(profiles)) == len(profiles) == min(2, os.cpu_count() or 1)
    fake = FakeConverter()
    assert parallel_converters(fake, 2) == [fake]  # Word, or a stand-in: one at a time


def test_what_a_killed_pdf_export_left_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = out / ".noticedesk-0123abcd-docx" / "C0001_株式会社あおば"
    stale.mkdir(parents=True)
    (stale / "01_送付状_株式会社あおば.docx").write_bytes(b"client data")
    os.utime(stale.parent, ns=(0, 0))
    kept = out / ".noticedesk-notours"
    kept.mkdir()
    (kept / "notes.txt").write_text("the office's own", encoding="utf-8")
    _export(out, PdfRequest(FakeConverter(pages=1), only=True))
    assert not stale.parent.exists()
    assert kept.is_dir()  # not a name NoticeDesk gives its folders
