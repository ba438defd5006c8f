"""The export's PDFs: beside each .docx, or alone, and one per kind for the printer (no Qt).

What staff ask for (``PdfRequest``): a PDF beside each client's .docx (the PDF to send, the
.docx to correct or print from Word), or PDF only; with the print files, one PDF per kind with
every client's document (``印刷用/01_送付状_全顧問先.pdf``).

One source of truth: every PDF is made from the very .docx bytes the export wrote, read back
from disk (with PDF only, from a private folder in the output folder, removed afterwards).

Decisions:
- Speed: per kind, the clients' documents are merged in chunks, converted in few calls and
  split again by client (``pdf_merged``, ``pdf_split``); a kind's print PDF is its chunks'
  PDFs one after the other, so it holds exactly the pages of the clients' PDFs.
- Nothing half-written: every PDF is written to a temporary file in the export's private
  folder first; only when every PDF is made are they renamed into place (one rename each,
  as the .docx files are). A conversion that fails, or a cancel, leaves no PDF of this export
  (the .docx files written stay, and are recorded).
- The private folders (PDF only's .docx files, the staged PDFs) are removed when the export
  ends, however it ends; those of an export killed part-way by the next export into the
  folder (``remove_stale_stages``), as ``output_folder`` does for temporary files.
- No converter on this PC (neither Word nor LibreOffice): with PDF beside .docx the .docx
  files are written and the export then says plainly that no PDF was made; with PDF only
  nothing is written and the sentence says what still works.
- PDF/A is not claimed. LibreOffice can write PDF/A-2b (``SelectPdfVersion``, ~10 % slower),
  but each client's PDF is cut out of a merged one by PDFium, which keeps pages, fonts and text
  and drops the catalogue's PDF/A identification (XMP metadata, output intent); a file that
  claimed PDF/A without being it would be worse than one that does not claim it. What PDF/A
  is for holds: fonts embedded (subsets, with Unicode maps, so the text is searchable), no
  encryption, no external content; the tests read every PDF back as text.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.documents.export_plan import PlannedClient
from noticedesk.core.documents.export_workers import Cancelled, ExportCancelled
from noticedesk.core.documents.output_folder import TEMP_PREFIX, OutputFolder
from noticedesk.core.documents.pdf import PdfConversionError, PdfConverter
from noticedesk.core.documents.pdf_merged import (
    Chunk,
    ConvertedChunk,
    chunks_of,
    convert_chunks,
    parallel_converters,
)
from noticedesk.core.documents.pdf_split import join_pdfs
from noticedesk.core.documents.print_files import PlannedPrintFile
from noticedesk.core.documents.problems import InputProblem

PDF_SUFFIX = ".pdf"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_PRINT = "\x00print:"  # group name of a print PDF (never a client's key)


@dataclass(frozen=True, slots=True)
class PdfRequest:
    """PDFs wanted from an export: ``converter`` None means none was found on this PC."""

    converter: PdfConverter | None
    only: bool = False  # PDF alone, without the .docx files


def pdf_target(docx_target: Path) -> Path:
    return docx_target.with_suffix(PDF_SUFFIX)


def pdf_plans(plans: Sequence[PlannedClient]) -> list[PlannedClient]:
    """The clients' plans with each document's PDF in place of its .docx."""
    return [
        replace(plan, documents=tuple((k, pdf_target(t)) for k, t in plan.documents))
        for plan in plans
    ]


def pdf_print_plans(print_plans: Sequence[PlannedPrintFile]) -> list[PlannedPrintFile]:
    return [replace(plan, target=pdf_target(plan.target)) for plan in print_plans]


def staged_plans(plans: Sequence[PlannedClient], out_dir: Path, stage: Path) -> list[PlannedClient]:
    """The plans moved below ``stage`` (PDF only: the .docx files are made there)."""
    moved = []
    for plan in plans:
        folder = stage / plan.folder.relative_to(out_dir)
        documents = tuple((k, folder / t.name) for k, t in plan.documents)
        moved.append(replace(plan, folder=folder, documents=documents))
    return moved


def stage_folder(output: OutputFolder) -> Path:
    """PDF only: the private folder the .docx files are written to (a temporary folder of
    this export, removed when it ends, see ``remove_stage``)."""
    return output.root / f"{output.temp_prefix}docx"


def remove_stage(output: OutputFolder) -> None:
    stage = stage_folder(output)
    with contextlib.suppress(OSError):
        if not atomic.is_link(os.lstat(stage)):
            shutil.rmtree(stage, ignore_errors=True)


_STAGE_NAME = re.compile(rf"^{re.escape(TEMP_PREFIX)}[0-9a-f]{{8}}-(docx|pdf)$")


def remove_stale_stages(root: Path, before_ns: int) -> None:
    """Remove the private folders of earlier exports killed part-way (PDF only's .docx
    files, staged PDFs: client data) older than ``before_ns``; links are not followed."""
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if not _STAGE_NAME.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISDIR(status.st_mode)
                    and not atomic.is_link(status)
                    and status.st_mtime_ns < before_ns
                ):
                    shutil.rmtree(entry.path, ignore_errors=True)


def pdf_count(plans: Sequence[PlannedClient], print_plans: Sequence[PlannedPrintFile]) -> int:
    return sum(len(plan.documents) for plan in plans) + len(print_plans)


def write_pdfs(
    converter: PdfConverter,
    sources: Sequence[PlannedClient],
    targets: Sequence[PlannedClient],
    print_targets: Sequence[PlannedPrintFile],
    output: OutputFolder,
    *,
    force: bool,
    progress: Callable[[int], None] | None = None,
    cancelled: Cancelled | None = None,
) -> dict[str, Path]:
    """Make the PDF of every .docx in ``sources`` at the same place in ``targets``, and the
    print PDFs of ``print_targets`` (kind -> path returned); see the module's decisions.

    ``progress(n)`` is told of every ``n`` PDFs made (staged). Raises PdfConversionError,
    ExportCancelled (nothing of this step on disk then) or OSError from writing.
    """
    by_kind: dict[str, list[tuple[Path, Path]]] = {}
    for source, target in zip(sources, targets, strict=True):
        for (kind, docx), (_kind, pdf) in zip(source.documents, target.documents, strict=True):
            by_kind.setdefault(kind, []).append((docx, pdf))
    printed = {plan.kind: plan.target for plan in print_targets}
    chunks: list[Chunk] = []
    for kind, documents in by_kind.items():
        chunks.extend(chunks_of(kind, [docx for docx, _target in documents]))

    staging = _Staging(output, force)
    wholes: dict[str, dict[int, bytes]] = {kind: {} for kind in printed}

    def delivered(converted: ConvertedChunk) -> None:
        kind, first = converted.chunk.group, converted.chunk.first
        for offset, pdf in enumerate(converted.pdfs):
            staging.stage(by_kind[kind][first + offset][1], pdf)
        if kind in wholes:
            wholes[kind][first] = converted.whole or join_pdfs(converted.pdfs)
        if progress is not None:
            progress(len(converted.pdfs))

    try:
        finished = convert_chunks(
            parallel_converters(converter), chunks, delivered, cancelled=cancelled
        )
        if not finished:
            raise ExportCancelled()
        for kind, print_target in printed.items():
            parts = wholes[kind]
            staging.stage(print_target, join_pdfs([parts[first] for first in sorted(parts)]))
            if progress is not None:
                progress(1)
        staging.commit()
    finally:
        staging.discard()
    return printed


class _Staging:
    """PDFs held as temporary files in the export's private folder until all are made."""

    def __init__(self, output: OutputFolder, force: bool) -> None:
        self.output = output
        self.force = force
        self.folder: Path | None = None
        self.staged: list[tuple[Path, Path]] = []  # (temporary file, target)

    def stage(self, target: Path, data: bytes) -> None:
        if self.folder is None:
            self.folder = self.output.root / f"{self.output.temp_prefix}pdf"
            self.folder.mkdir()
        temporary = self.folder / f"{self.output.temp_prefix}{len(self.staged)}{atomic.TEMP_SUFFIX}"
        # Readable by its owner only, like every file the export writes (``atomic``).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
        with open(handle, "wb") as file:
            file.write(data)
            os.fsync(file.fileno())
        self.staged.append((temporary, target))

    def commit(self) -> None:
        """Rename every staged PDF into place (no link below the output folder followed; an
        existing file replaced only with ``force``)."""
        for temporary, target in self.staged:
            self.output.make_folder(target.parent)
            atomic.refuse_links_below(self.output.root, target.parent)
            if self.force:
                atomic.refuse_unless_replaceable(target)
                os.replace(temporary, target)
                continue
            try:  # as ``atomic``: link() fails when the name appeared meanwhile
                os.link(temporary, target)
            except OSError as exc:
                if isinstance(exc, FileExistsError) or target.exists():
                    raise FileExistsError(target) from exc
                os.replace(temporary, target)  # no hard links (FAT on a USB stick)
            else:
                os.unlink(temporary)
        self.staged.clear()

    def discard(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def no_converter(only: bool) -> InputProblem:
    """No Word and no LibreOffice on this PC: what was (not) written, and what still works."""
    if only:
        return InputProblem(
            "PDF を作成するプログラム（Microsoft Word または LibreOffice）がこの PC に"
            "見つからないため、何も書き出していません。Word ファイル（.docx）での書き出しは"
            "できます。PDF が必要な場合は LibreOffice をインストールしてください。",
            "No program to make PDFs (Microsoft Word or LibreOffice) was found on this PC, so "
            "nothing was written. Exporting Word files (.docx) still works; install "
            "LibreOffice to make PDFs.",
        )
    return InputProblem(
        "PDF を作成するプログラム（Microsoft Word または LibreOffice）がこの PC に見つからない"
        "ため、PDF は作成していません。Word ファイル（.docx）は書き出してあります。"
        "PDF が必要な場合は LibreOffice をインストールして、もう一度書き出してください。",
        "No program to make PDFs (Microsoft Word or LibreOffice) was found on this PC, so no "
        "PDF was made. The Word files (.docx) were written; install LibreOffice and export "
        "again to make PDFs.",
    )


def not_converted(exc: PdfConversionError, only: bool) -> InputProblem:
    kept_ja = (
        "PDF は1つも作成していません。"
        if only
        else "PDF は1つも作成していません。Word ファイル（.docx）は書き出してあります。"
    )
    kept_en = (
        "No PDF was made." if only else "No PDF was made; the Word files (.docx) were written."
    )
    return InputProblem(
        f"PDF を作成できませんでした（{exc.message}）。{kept_ja}",
        f"The PDFs could not be made ({exc.message_en}). {kept_en}",
    )


__all__ = [
    "PDF_SUFFIX",
    "PdfRequest",
    "no_converter",
    "not_converted",
    "pdf_count",
    "pdf_plans",
    "pdf_print_plans",
    "pdf_target",
    "remove_stage",
    "remove_stale_stages",
    "stage_folder",
    "staged_plans",
    "write_pdfs",
]
