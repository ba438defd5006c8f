"""`noticedesk export --pdf / --pdf-only`, with a stand-in converter (LibreOffice's own run is
in ``tests/system/test_export_pdf_libreoffice.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.cli import export as export_command
from noticedesk.cli.main import main
from tests.helpers.converters import FakeConverter


@pytest.fixture
def converter(monkeypatch: pytest.MonkeyPatch) -> FakeConverter:
    fake = FakeConverter(pages=1)
    monkeypatch.setattr(export_command, "find_converter", lambda **_options: fake)
    return fake


def test_pdf_beside_each_word_file(
    converter: FakeConverter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["export", "--demo", "--out", str(out), "--kinds", "cover", "--pdf", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["ok"] is True
    assert len(data["pdf_files"]) == 40
    for entry in data["clients"]:
        (docx,) = entry["files"]
        assert Path(docx).with_suffix(".pdf").is_file()
    assert len(converter.converted) == 40 + 1  # one merged chunk (no marks here), then each


def test_pdf_only_with_print_files(
    converter: FakeConverter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(
        ["export", "--demo", "--out", str(out), "--kinds", "cover", "--pdf-only", "--print-files"]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert list(out.rglob("*.docx")) == []
    assert len(list(out.rglob("*.pdf"))) == 40 + 1
    assert "印刷用 PDF" in printed and "01_送付状_全顧問先.pdf" in printed


def test_no_converter_says_so_and_keeps_the_word_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(export_command, "find_converter", lambda **_options: None)
    out = tmp_path / "out"
    code = main(["export", "--demo", "--out", str(out), "--kinds", "cover", "--pdf"])
    err = capsys.readouterr().err
    assert code == 2
    assert "PDF は作成していません。Word ファイル（.docx）は書き出してあります" in err
    assert len(list(out.rglob("*.docx"))) == 40 and list(out.rglob("*.pdf")) == []


def test_pdf_and_pdf_only_exclude_each_other(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--demo", "--out", str(tmp_path), "--pdf", "--pdf-only"])
    assert caught.value.code == 2
