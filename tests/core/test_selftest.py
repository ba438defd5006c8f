"""The self-test on the bundled sample: each step's outcome, with and without a converter."""

from __future__ import annotations

from pathlib import Path

from noticedesk.core.selftest import run_selftest
from tests.helpers.converters import FailingConverter, FakeConverter


def test_every_step_passes_and_the_preview_goes_through_the_converter(tmp_path: Path) -> None:
    converter = FakeConverter(pages=2)
    steps = run_selftest(tmp_path, find=lambda: converter)
    assert [(s.name, s.ok) for s in steps] == [
        ("validate", True),
        ("export", True),
        ("preview", True),
    ]
    assert "40" in steps[0].en
    assert "160 documents" in steps[1].en  # with the reply slip the sample asks for
    # One batch: the first sample client's documents, drawn two pages each.
    assert len(converter.batches) == 1 and len(converter.batches[0]) == 4
    assert "FakeOffice" in steps[2].en and "drew 8 pages" in steps[2].en
    assert list(tmp_path.iterdir()) == []  # the exported files went with the temporary folder


def test_without_a_converter_the_preview_step_names_what_is_missing(tmp_path: Path) -> None:
    steps = run_selftest(tmp_path, find=lambda: None)
    assert all(s.ok for s in steps) and len(steps) == 3
    assert "PDFium drew 1 page" in steps[2].en
    assert "no converter (LibreOffice or Word)" in steps[2].en
    assert "LibreOffice / Word がない" in steps[2].ja


def test_a_converter_that_fails_fails_the_preview_step_with_its_sentence(tmp_path: Path) -> None:
    steps = run_selftest(tmp_path, find=FailingConverter)
    assert [(s.name, s.ok) for s in steps] == [
        ("validate", True),
        ("export", True),
        ("preview", False),
    ]
    assert steps[2].en == "BrokenOffice could not convert the document to PDF (test)"
