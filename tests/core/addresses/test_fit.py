"""Long addresses and names shrink or wrap and never run off a label or an envelope.

The worst case is taken from the sample (its longest address, name and contact person on one
client) and from beyond it (an address and a name far longer than any the sample has). The
computed fit is checked against each box; with LibreOffice, the printed page is read back and
every word must lie inside its label's rectangle.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from noticedesk.core.addresses import (
    ENVELOPE_SIZES,
    AddressesUnprintable,
    load_layouts,
    render_envelopes,
    render_labels,
)
from noticedesk.core.addresses.envelopes import fit_envelopes
from noticedesk.core.addresses.label_layouts import LabelLayout
from noticedesk.core.addresses.labels import LABEL_LADDER, fit_labels, text_box
from noticedesk.core.clients import Client
from tests.helpers.address_sheets import PT_PER_MM, Word, printed_words, worst_sample_client
from tests.helpers.documents import client, sample_office

FAR_TOO_LONG = client(
    "特定非営利活動法人　日本全国社会保険労務管理情報システム利用事業者連絡協議会",
    row=9,
    postal_code="100-0005",
    address="東京都千代田区丸の内一丁目9番1号　丸の内グラントウキョウノースタワー38階 "
    "社会保険労務管理情報システム利用事業者連絡協議会事務局",
    contact_person="総務部人事労務課課長代理 長谷川 美智子",
)
TOO_LONG_FOR_ANY = client("株式会社" + "長" * 200, row=17, address="東京都" + "北" * 400 + "1番")


def _inside(block_width: float, block_height: float, box: tuple[float, float]) -> bool:
    return block_width <= box[0] + 1e-6 and block_height <= box[1] + 1e-6


@pytest.mark.parametrize("layout", list(load_layouts().values()), ids=lambda layout: layout.name)
@pytest.mark.parametrize("case", ["sample worst", "far too long"])
def test_the_longest_names_and_addresses_fit_every_label(layout: LabelLayout, case: str) -> None:
    who = worst_sample_client() if case == "sample worst" else FAR_TOO_LONG
    (block,) = fit_labels([who], layout)
    assert _inside(block.widest_mm(), block.height_mm, text_box(layout))
    printed = "".join(line.text for line in block.lines)
    assert who.printed_name.replace("\u3000", "") in printed.replace("\u3000", "")
    if case == "far too long":
        assert block.size < LABEL_LADDER[0]  # it had to shrink


@pytest.mark.parametrize("size", list(ENVELOPE_SIZES.values()), ids=lambda size: size.key)
def test_the_longest_names_and_addresses_fit_every_envelope(size: object) -> None:
    from noticedesk.core.addresses.envelopes import EnvelopeSize

    assert isinstance(size, EnvelopeSize)
    for who in (worst_sample_client(), FAR_TOO_LONG):
        (block,) = fit_envelopes([who], size)
        assert _inside(block.widest_mm(), block.height_mm, size.address_box)


def test_what_cannot_fit_even_at_the_smallest_size_is_named_not_clipped() -> None:
    layout = load_layouts()["a4-24"]
    with pytest.raises(AddressesUnprintable) as caught:
        render_labels([worst_sample_client(), TOO_LONG_FOR_ANY], layout)
    assert "17行目" in caught.value.text("ja") and "row 17" in caught.value.text("en")
    assert caught.value.clients == [TOO_LONG_FOR_ANY]


def test_a_client_without_an_address_is_named() -> None:
    nobody = replace(worst_sample_client(), address="", row=23)
    with pytest.raises(AddressesUnprintable, match="23行目"):
        render_envelopes([nobody], sample_office(), ENVELOPE_SIZES["naga3"])


# --- on the printed page -------------------------------------------------------------------


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
