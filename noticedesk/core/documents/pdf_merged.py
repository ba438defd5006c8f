"""Many documents to PDF quickly: merged per chunk, converted in few calls, split again (no Qt).

Measured with LibreOffice 7.4 on a 2-core PC: one document per call costs ~1.1 s (start-up),
~0.15–0.2 s each when many separate files go into one call, and ~0.01–0.02 s per page when
the documents are first merged into one (``docx_merge``). A merged file grows slower than
linearly to lay out (200 letters: 4.3 s; 1,000 letters: 33 s), so documents are merged in
chunks of ``CHUNK_DOCUMENTS`` and ``CHUNKS_PER_CALL`` merged files go into one converter call
(one start-up for several chunks). Each chunk's PDF is split by the marks the merge puts at
the start of each document (``pdf_split``).

Decisions:
- LibreOffice runs ``PARALLEL_CALLS`` at a time, each with its own profile (two soffice runs
  on one profile block each other); Word runs one at a time (one Word per user session).
- A chunk whose PDF cannot be split (the converter lost the marks) or whose documents cannot
  be merged is converted again document by document, in one call: slower, never wrong.
- Work is handed out a call at a time, so a cancel is seen between calls; results come back
  in this thread (``Delivered``), in the order the calls finish.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.documents.docx_merge import MergeError, merge_documents
from noticedesk.core.documents.pdf import (
    BASE_TIMEOUT,
    LibreOfficeConverter,
    PdfConversionError,
    PdfConverter,
    process_profile_dir,
)
from noticedesk.core.documents.pdf_split import SplitError, mark_name, split_pdf

CHUNK_DOCUMENTS = 60  # documents per merged file
CHUNKS_PER_CALL = 4  # merged files per converter call
PARALLEL_CALLS = 2  # LibreOffice runs at once (a 2-core office PC)
SECONDS_PER_MERGED_DOCUMENT = 1.0  # time allowed per document in a call (~0.05 s measured)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Documents of one group (one kind: one template) converted as one merged file."""

    group: str
    first: int  # index of the first document in its group
    documents: tuple[bytes | Path, ...]  # a path is read when its call starts (less memory)

    def contents(self) -> list[bytes]:
        return [d.read_bytes() if isinstance(d, Path) else d for d in self.documents]


@dataclass(frozen=True, slots=True)
class ConvertedChunk:
    chunk: Chunk
    pdfs: list[bytes]  # one per document
    whole: bytes | None  # the chunk's merged PDF (None when converted one by one)


Delivered = Callable[[ConvertedChunk], None]


def chunks_of(
    group: str, documents: Sequence[bytes | Path], size: int = CHUNK_DOCUMENTS
) -> list[Chunk]:
    size = max(1, size)
    return [
        Chunk(group, start, tuple(documents[start : start + size]))
        for start in range(0, len(documents), size)
    ]


def parallel_converters(converter: PdfConverter, count: int = PARALLEL_CALLS) -> list[PdfConverter]:
    """``converter`` and, for LibreOffice, copies with profiles of their own to run beside it."""
    if not isinstance(converter, LibreOfficeConverter):
        return [converter]
    # A call converts up to CHUNKS_PER_CALL merged files of CHUNK_DOCUMENTS documents each:
    # its time limit follows the documents, not the files.
    timeout = converter.timeout or BASE_TIMEOUT + SECONDS_PER_MERGED_DOCUMENT * (
        CHUNK_DOCUMENTS * CHUNKS_PER_CALL
    )
    copies: list[PdfConverter] = [converter.with_timeout(timeout)]
    for number in range(1, min(count, os.cpu_count() or 1)):
        profile = process_profile_dir() / f"parallel-{number}"
        copies.append(LibreOfficeConverter(converter.binary, timeout=timeout, profile_dir=profile))
    return copies


def convert_chunks(
    converters: Sequence[PdfConverter],
    chunks: Sequence[Chunk],
    delivered: Delivered,
    *,
    per_call: int = CHUNKS_PER_CALL,
    cancelled: Callable[[], bool] | None = None,
) -> bool:
    """Convert every chunk; ``delivered`` is called here for each. False when cancelled
    (the calls running are finished and delivered first). Raises PdfConversionError."""
    calls = _calls(chunks, per_call, len(converters))
    free = list(converters)
    with ThreadPoolExecutor(max_workers=len(converters)) as pool:
        running: dict[Future[list[ConvertedChunk]], PdfConverter] = {}
        stopped = False
        try:
            while calls or running:
                while calls and free and not stopped:
                    if cancelled is not None and cancelled():
                        stopped = True
                        break
                    converter = free.pop()
                    running[pool.submit(_convert_call, converter, calls.pop(0))] = converter
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    free.append(running.pop(future))
                    for converted in future.result():
                        delivered(converted)
        finally:
            for future in running:
                future.cancel()
    return not stopped


def _calls(chunks: Sequence[Chunk], per_call: int, lanes: int) -> list[list[Chunk]]:
    """The chunks in calls of at most ``per_call``, but at least one call per converter, so
    a small export keeps every converter busy."""
    if not chunks:
        return []
    count = max(min(lanes, len(chunks)), -(-len(chunks) // max(1, per_call)))
    size = -(-len(chunks) // count)
    return [list(chunks[i : i + size]) for i in range(0, len(chunks), size)]


def _convert_call(converter: PdfConverter, chunks: Sequence[Chunk]) -> list[ConvertedChunk]:
    contents = [chunk.contents() for chunk in chunks]
    merged: list[bytes | None] = []
    for documents in contents:
        names = [mark_name(n) for n in range(len(documents))]
        try:
            merged.append(merge_documents(documents, names))
        except MergeError:
            merged.append(None)
    pdfs = converter.convert([m for m in merged if m is not None])
    whole = iter(pdfs)
    out = []
    for chunk, documents, made in zip(chunks, contents, merged, strict=True):
        pdf = next(whole) if made is not None else None
        out.append(_split_or_one_by_one(converter, chunk, documents, pdf))
    return out


def _split_or_one_by_one(
    converter: PdfConverter, chunk: Chunk, documents: list[bytes], pdf: bytes | None
) -> ConvertedChunk:
    if pdf is not None:
        names = [mark_name(n) for n in range(len(documents))]
        try:
            return ConvertedChunk(chunk, split_pdf(pdf, names), pdf)
        except SplitError:
            pass
    pdfs = converter.convert(documents)
    if len(pdfs) != len(documents):
        raise PdfConversionError(
            f"{converter.name} が返した PDF の数が文書の数と合いません",
            f"{converter.name} returned a different number of PDFs than documents",
        )
    return ConvertedChunk(chunk, pdfs, None)


__all__ = [
    "CHUNKS_PER_CALL",
    "CHUNK_DOCUMENTS",
    "PARALLEL_CALLS",
    "Chunk",
    "ConvertedChunk",
    "Delivered",
    "chunks_of",
    "convert_chunks",
    "parallel_converters",
]
