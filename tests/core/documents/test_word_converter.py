"""Word through COM, and the fall back to LibreOffice, with stand-ins for Word (no Windows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from noticedesk.core.documents.pdf import PdfConversionError, find_converter
from noticedesk.core.documents.pdf_word import ComWordConverter, FallbackConverter
from tests.helpers.converters import FailingConverter, FakeConverter, make_pdf


class _StandInDocument:
    def __init__(self, word: _StandInWord, path: str) -> None:
        self.word, self.path = word, path

    def ExportAsFixedFormat(self, target: str, export_format: int, *options: Any) -> None:
        self.word.exports.append((target, export_format, options))
        if self.word.fail_on_export:
            raise OSError("(-2146822495) Word: the document is locked for editing")
        Path(target).write_bytes(make_pdf([f"word:{Path(self.path).name}"]))

    def Close(self, save: int) -> None:
        self.word.closed.append(save)


class _StandInDocuments:
    def __init__(self, word: _StandInWord) -> None:
        self.word = word

    def Open(self, path: str, *flags: Any) -> _StandInDocument:
        self.word.opened.append((path, flags))
        return _StandInDocument(self.word, path)


class _StandInWord:
    """What the converter uses of Word's object model, recording every call."""

    def __init__(self, fail_on_export: bool = False) -> None:
        self.fail_on_export = fail_on_export
        self.Visible = True
        self.DisplayAlerts = -1
        self.Documents = _StandInDocuments(self)
        self.opened: list[tuple[str, tuple[Any, ...]]] = []
        self.exports: list[tuple[str, int, tuple[Any, ...]]] = []
        self.closed: list[int] = []
        self.quit: list[int] = []

    def Quit(self, save: int) -> None:
        self.quit.append(save)


def test_word_exports_each_document_read_only_with_bookmarks_and_quits() -> None:
    word = _StandInWord()
    pdfs = ComWordConverter(lambda: word).convert([b"one", b"two"])
    assert [len(pdf) > 0 for pdf in pdfs] == [True, True]
    assert word.Visible is False and word.DisplayAlerts == 0  # no dialog nobody can see
    assert [flags for _path, flags in word.opened] == [(False, True, False)] * 2  # read-only
    assert [fmt for _t, fmt, _o in word.exports] == [17, 17]  # PDF
    assert all(options[8] == 2 for _t, _f, options in word.exports)  # Word bookmarks → outline
    assert word.closed == [0, 0] and word.quit == [0]  # closed unsaved, Word gone


def test_a_word_failure_is_a_sentence_and_word_still_quits() -> None:
    word = _StandInWord(fail_on_export=True)
    with pytest.raises(PdfConversionError) as caught:
        ComWordConverter(lambda: word).convert([b"one"])
    assert "Microsoft Word で PDF に変換できませんでした" in caught.value.text("ja")
    assert "locked for editing" in caught.value.text("en")
    assert word.quit == [0]


def test_word_that_cannot_start_is_a_sentence() -> None:
    def blocked() -> Any:
        raise OSError("Class not registered (WDAC policy)")

    with pytest.raises(PdfConversionError) as caught:
        ComWordConverter(blocked).convert([b"one"])
    assert "WDAC" in caught.value.text("ja")


def test_word_failing_falls_back_to_libreoffice_and_says_why_once() -> None:
    said: list[tuple[str, str]] = []
    fallback = FakeConverter(pages=1)
    converter = FallbackConverter(
        ComWordConverter(lambda: _StandInWord(fail_on_export=True)),
        fallback,
        lambda ja, en: said.append((ja, en)),
    )
    first = converter.convert([b"one"])
    second = converter.convert([b"two", b"three"])
    assert len(first) == 1 and len(second) == 2
    assert fallback.batches == [[b"one"], [b"two", b"three"]]  # Word is not tried again
    assert len(said) == 1
    ja, en = said[0]
    assert "Microsoft Word で PDF を作成できなかったため、FakeOffice で作成します" in ja
    assert "locked for editing" in en
    assert converter.notice == said[0] and converter.name == "FakeOffice"


def test_a_working_primary_is_used_and_nothing_is_said() -> None:
    said: list[tuple[str, str]] = []
    converter = FallbackConverter(
        ComWordConverter(_StandInWord), FakeConverter(), lambda ja, en: said.append((ja, en))
    )
    assert len(converter.convert([b"one"])) == 1
    assert said == [] and converter.notice is None and converter.name == "Microsoft Word"


def test_without_libreoffice_words_own_error_is_raised() -> None:
    converter = FallbackConverter(FailingConverter(), None)
    with pytest.raises(PdfConversionError) as caught:
        converter.convert([b"one"])
    assert "BrokenOffice" in caught.value.text("ja")


def test_the_word_route_imports_and_is_not_chosen_off_windows(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_converter(str(empty), candidates=[], platform="linux") is None
