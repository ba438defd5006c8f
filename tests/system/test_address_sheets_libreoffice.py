"""Envelopes and label sheets laid out by LibreOffice and read back with pdftotext -bbox: every
word of the worst cases (the sample's longest address, name and contact person, and far longer
ones) lies inside its label's rectangle, and each envelope page holds its own client."""

from __future__ import annotations

import pytest

from noticedesk.core.addresses import ENVELOPE_SIZES, load_layouts, render_envelopes, render_labels
from noticedesk.core.addresses.label_layouts import LabelLayout
from noticedesk.core.clients import Client
from tests.helpers.address_sheets import (
    FAR_TOO_LONG,
    PT_PER_MM,
    Word,
    printed_words,
    worst_sample_client,
)
from tests.helpers.documents import sample_office


def _rect_pt(layout: LabelLayout, number: int) -> tuple[float, float, float, float]:
    left, top, right, bottom = layout.label_rect(number)
    return (left * PT_PER_MM, top * PT_PER_MM, right * PT_PER_MM, bottom * PT_PER_MM)


def _within(word: Word, rect: tuple[float, float, float, float], slack: float = 0.5) -> bool:
    left, top, right, bottom = rect
    return (
        word.left >= left - slack
        and word.right <= right + slack
        and word.top >= top - slack
        and word.bottom <= bottom + slack
    )


def test_printed_labels_keep_every_word_inside_their_label() -> None:
    """LibreOffice lays the sheets out; each word must fall inside the label it belongs to,
    the worst cases on the first, a middle and the last label of a sheet."""
    layouts = list(load_layouts().values())
    worst = worst_sample_client()
    sheets = []
    expected: list[dict[int, Client]] = []
    for layout in layouts:
        last = layout.per_sheet
        middle = layout.columns + 2  # second row, second column (or later)
        start = 1
        clients = [worst] + [FAR_TOO_LONG] * (middle - 1) + [worst] * (last - middle)
        sheets.append(render_labels(clients, layout, start))
        expected.append(dict(enumerate(clients, start=1)))
    printed = printed_words(sheets)
    for layout, sheet, by_number in zip(layouts, printed, expected, strict=True):
        assert len(sheet.pages) == 1, layout.name
        assert sheet.words, layout.name
        for word in sheet.words:
            homes = [n for n in by_number if _within(word, _rect_pt(layout, n))]
            assert homes, f"{layout.name}: 「{word.text}」 at {word} is on no label"
        for number, who in by_number.items():
            text = "".join(w.text for w in sheet.words if _within(w, _rect_pt(layout, number)))
            assert who.printed_name.replace("\u3000", "") in text, (layout.name, number)


def test_printed_envelopes_keep_the_address_on_the_envelope_one_client_a_page() -> None:
    worst = worst_sample_client()
    office = sample_office()
    sizes = list(ENVELOPE_SIZES.values())
    documents = [render_envelopes([worst, FAR_TOO_LONG], office, size) for size in sizes]
    for size, envelope in zip(sizes, printed_words(documents), strict=True):
        assert len(envelope.pages) == 2, size.key
        for page, who in enumerate((worst, FAR_TOO_LONG)):
            width, height = envelope.pages[page]
            assert (width, height) == pytest.approx(
                (size.width * PT_PER_MM, size.height * PT_PER_MM), abs=1
            )
            box = (
                size.side * PT_PER_MM,
                size.top * PT_PER_MM,
                (size.width - size.side) * PT_PER_MM,
                (size.top + size.address_height + size.return_height) * PT_PER_MM,
            )
            for word in envelope.on_page(page):
                assert _within(word, box), f"{size.key}: 「{word.text}」 off the envelope"
            text = envelope.page_text(page)
            assert who.printed_name.replace("\u3000", "") in text
            assert office.name in text
