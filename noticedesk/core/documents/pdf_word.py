"""Microsoft Word as the PDF converter, driven through COM from Python (Windows; no Qt).

Earlier versions ran a temporary PowerShell script with ``-ExecutionPolicy Bypass``: under
AppLocker/WDAC (Constrained Language Mode) such a script cannot create ``Word.Application``,
and to endpoint security it looks like malware. Now this process asks COM for Word itself
(``comtypes``, installed on Windows only), so nothing is written or run but Word.

Decisions:
- One Word per ``convert`` call (a batch): opened invisible, alerts off (a dialog nobody can
  see would hang the call), each document opened read-only and exported with
  ``ExportAsFixedFormat``, closed unsaved; Word quits even when a document fails.
  ``CreateBookmarks=wdExportCreateWordBookmarks`` carries the document's bookmarks into the
  PDF's outline, where ``pdf_split`` finds the marks of a merged batch.
- No time limit: a Word that hangs cannot be stopped from here without closing the user's own
  Word windows too (COM does not name the process it started); alerts off keeps the usual
  cause, an invisible dialog, away.
- COM is set up for the calling thread (the export and the preview convert on workers) and
  released after the call.
- Any failure (Word missing or blocked, a COM error, a PDF not written) is a
  ``PdfConversionError``; ``FallbackConverter`` then turns to LibreOffice when it is installed,
  says why once (the export's message, the command line's stderr, a line in the preview),
  and stays with LibreOffice for the session.
- The module imports on every platform; ``comtypes`` is imported only when Word is started.
  Tests drive the code through a stand-in for Word's object model (``word_factory``).
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from noticedesk.core.documents.pdf import PdfConversionError, PdfConverter

WORD_PDF_FORMAT = 17  # wdExportFormatPDF
_OPTIMIZE_FOR_PRINT = 0  # wdExportOptimizeForPrint
_ALL_DOCUMENT = 0  # wdExportAllDocument
_DOCUMENT_CONTENT = 0  # wdExportDocumentContent
_WORD_BOOKMARKS = 2  # wdExportCreateWordBookmarks
_DO_NOT_SAVE = 0  # wdDoNotSaveChanges

WordFactory = Callable[[], Any]  # returns a Word.Application object


def com_word() -> Any:
    """A new, invisible Word through COM (raises when Word or comtypes is missing)."""
    import comtypes.client

    return comtypes.client.CreateObject("Word.Application", dynamic=True)


def _com_thread_setup() -> Callable[[], None]:
    """Initialise COM for this thread; returns what undoes it (nothing off Windows)."""
    try:
        import comtypes
    except ImportError:
        return lambda: None
    comtypes.CoInitialize()
    return comtypes.CoUninitialize  # type: ignore[no-any-return]


class ComWordConverter:
    """Microsoft Word through COM, one Word per batch."""

    name = "Microsoft Word"

    def __init__(self, word_factory: WordFactory = com_word) -> None:
        self._word_factory = word_factory
        self._lock = threading.Lock()  # one Word at a time from this process

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        if not documents:
            return []
        with tempfile.TemporaryDirectory(prefix="noticedesk-word-") as tmp, self._lock:
            folder = Path(tmp)
            inputs = []
            for number, data in enumerate(documents):
                path = folder / f"doc{number:04d}.docx"
                path.write_bytes(data)
                inputs.append(path)
            release = _com_thread_setup()
            try:
                self._export(inputs)
            except PdfConversionError:
                raise
            except Exception as exc:  # COMError, OSError, AttributeError from a broken Word
                raise _failed(exc) from None
            finally:
                release()
            missing = [p for p in inputs if not p.with_suffix(".pdf").is_file()]
            if missing:
                raise PdfConversionError(
                    f"Microsoft Word が PDF を作成しませんでした（{len(inputs)} 件中 "
                    f"{len(inputs) - len(missing)} 件を作成）",
                    f"Microsoft Word did not make the PDFs ({len(inputs) - len(missing)} of "
                    f"{len(inputs)} made)",
                )
            return [p.with_suffix(".pdf").read_bytes() for p in inputs]

    def _export(self, inputs: Sequence[Path]) -> None:
        word = self._word_factory()
        try:
            word.Visible = False
            word.DisplayAlerts = 0
            for path in inputs:
                # Open(FileName, ConfirmConversions, ReadOnly, AddToRecentFiles)
                document = word.Documents.Open(str(path), False, True, False)
                try:
                    document.ExportAsFixedFormat(
                        str(path.with_suffix(".pdf")),
                        WORD_PDF_FORMAT,
                        False,  # OpenAfterExport
                        _OPTIMIZE_FOR_PRINT,
                        _ALL_DOCUMENT,
                        1,  # From
                        1,  # To
                        _DOCUMENT_CONTENT,
                        True,  # IncludeDocProps
                        True,  # KeepIRM
                        _WORD_BOOKMARKS,
                        True,  # DocStructureTags
                        True,  # BitmapMissingFonts
                        False,  # UseISO19005_1 (PDF/A: see export_pdf)
                    )
                finally:
                    document.Close(_DO_NOT_SAVE)
        finally:
            word.Quit(_DO_NOT_SAVE)


def _failed(exc: BaseException) -> PdfConversionError:
    detail = " ".join(str(exc).split())[:300] or type(exc).__name__
    return PdfConversionError(
        f"Microsoft Word で PDF に変換できませんでした（{detail}）",
        f"Microsoft Word could not convert the documents to PDF ({detail})",
    )


Notice = Callable[[str, str], None]  # (Japanese, English)


class FallbackConverter:
    """``primary`` (Word) until it fails once, then ``fallback`` (LibreOffice) for good.

    The reason is kept in ``notice`` and passed to ``notify`` the first time only. Without a
    fallback, the primary's error is raised as it is.
    """

    def __init__(
        self,
        primary: PdfConverter,
        fallback: PdfConverter | None,
        notify: Notice | None = None,
    ) -> None:
        self.primary = primary
        self.fallback = fallback
        self.notify = notify
        self.notice: tuple[str, str] | None = None
        self._failed = False
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.current.name

    @property
    def current(self) -> PdfConverter:
        if self._failed and self.fallback is not None:
            return self.fallback
        return self.primary

    def convert(self, documents: Sequence[bytes]) -> list[bytes]:
        if not self._failed:
            try:
                return self.primary.convert(documents)
            except PdfConversionError as exc:
                if self.fallback is None:
                    raise
                self._fall_back(exc)
        assert self.fallback is not None or not self._failed
        return self.current.convert(documents)

    def _fall_back(self, exc: PdfConversionError) -> None:
        with self._lock:
            if self._failed:
                return
            self._failed = True
            fallback = self.fallback.name if self.fallback is not None else ""
            self.notice = (
                f"{self.primary.name} で PDF を作成できなかったため、{fallback} で作成します"
                f"（{exc.message}）。",
                f"{self.primary.name} could not make the PDFs, so {fallback} makes them "
                f"({exc.message_en}).",
            )
        if self.notify is not None:
            self.notify(*self.notice)


__all__ = ["ComWordConverter", "FallbackConverter", "Notice", "com_word"]
