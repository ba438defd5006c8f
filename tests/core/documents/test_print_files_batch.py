"""Several clients' documents for one print preview: order, chunked conversion, stopping."""

from __future__ import annotations

import pytest

from noticedesk.core.documents import render_document
from noticedesk.core.documents.preview import PreviewCache
from noticedesk.core.documents.print_batch import (
    BatchCancelled,
    batch_documents,
    convert_batch,
)
from tests.helpers.converters import FakeConverter
from tests.helpers.documents import client, sample_incident, sample_office


def test_client_by_client_in_envelope_order_with_the_exports_bytes() -> None:
    office, incident = sample_office(), sample_incident()
    clients = [client("A&B商事", row=4), client("<有限会社>", row=5, individual=True)]
    items = batch_documents(clients, office, incident, ["individual", "report", "cover"])
    assert [(i.client.name, i.document.kind) for i in items] == [
        ("A&B商事", "cover"),
        ("A&B商事", "report"),
        ("<有限会社>", "cover"),
        ("<有限会社>", "report"),
        ("<有限会社>", "individual"),
    ]
    for item in items:
        expected = render_document(item.document.kind, item.client, office, incident)
        assert item.document.docx == expected


def test_converted_in_chunks_with_progress_and_the_cache_reused() -> None:
    office, incident = sample_office(), sample_incident()
    clients = [client(f"株式会社{n}", row=4 + n) for n in range(5)]
    items = batch_documents(clients, office, incident, ["cover"])
    fake = FakeConverter(pages=1)
    cache = PreviewCache(fake)
    seen: list[tuple[int, int]] = []
    done = convert_batch(cache, items, chunk_size=2, progress=lambda d, t: seen.append((d, t)))
    assert [len(b) for b in fake.batches] == [2, 2, 1]
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert all(item.document.pdf for item in done)
    convert_batch(cache, items, chunk_size=2)
    assert len(fake.batches) == 3  # all in the cache: no converter call


def test_a_cancelled_batch_stops_before_its_next_chunk() -> None:
    office, incident = sample_office(), sample_incident()
    items = batch_documents(
        [client(f"株式会社{n}", row=4 + n) for n in range(4)], office, incident, ["cover"]
    )
    fake = FakeConverter(pages=1)
    with pytest.raises(BatchCancelled):
        convert_batch(
            PreviewCache(fake), items, chunk_size=2, cancelled=lambda: len(fake.batches) >= 1
        )
    assert [len(b) for b in fake.batches] == [2]
