"""The documents of several clients for one print preview, converted in chunks (no Qt).

Staff select the clients whose envelopes go out today and print them in one go. The documents
are the export's own bytes (``client_documents``), client after client, each client's in
envelope order, so the pile comes out of the printer ready to fold into envelopes.

Conversion goes through the preview's ``PreviewCache`` (documents already previewed cost
nothing) in chunks of ``CHUNK_SIZE``: LibreOffice costs ~1.1 s per call and ~0.2 s per
document, so a chunk of 24 spends ~80 % of its time on the documents while still giving a
progress step every few seconds and a point to stop at when the request is no longer wanted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import DOCUMENT_KINDS
from noticedesk.core.documents.preview import PreviewCache, PreviewDocument, client_documents
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

CHUNK_SIZE = 24


class BatchCancelled(Exception):
    """The batch was stopped between two chunks (a newer request replaced it)."""


@dataclass(frozen=True, slots=True)
class BatchItem:
    client: Client
    document: PreviewDocument


def batch_documents(
    clients: Sequence[Client],
    office: OfficeProfile,
    incident: Incident,
    kinds: Sequence[str] = DOCUMENT_KINDS,
    templates_dir: Path | None = None,
) -> list[BatchItem]:
    """Each client's documents of ``kinds`` (those it gets), client after client."""
    return [
        BatchItem(client, document)
        for client in clients
        for document in client_documents(client, office, incident, kinds, templates_dir)
    ]


def convert_batch(
    cache: PreviewCache,
    items: Sequence[BatchItem],
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[BatchItem]:
    """``items`` with their PDFs, converted chunk by chunk through ``cache``.

    ``progress(done, total)`` follows each chunk; ``cancelled()`` is asked before each one
    and, when true, stops the batch with BatchCancelled. Raises what the cache raises
    (PdfConversionError, RuntimeError without a converter).
    """
    total = len(items)
    out: list[BatchItem] = []
    if progress is not None:
        progress(0, total)
    for start in range(0, total, max(1, chunk_size)):
        if cancelled is not None and cancelled():
            raise BatchCancelled
        chunk = items[start : start + max(1, chunk_size)]
        converted = cache.convert([item.document for item in chunk])
        out.extend(replace(item, document=d) for item, d in zip(chunk, converted, strict=True))
        if progress is not None:
            progress(len(out), total)
    return out


__all__ = ["CHUNK_SIZE", "BatchCancelled", "BatchItem", "batch_documents", "convert_batch"]
