"""Long addresses and names shrink or wrap and never run off a label or an envelope.

The worst case is taken from the sample (its longest address, name and contact person on one
client) and from beyond it (an address and a name far longer than any the sample has); the
computed fit is checked against each box. ``tests/system/test_address_sheets_libreoffice.py``
prints the same cases and reads back where every word landed.
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
from tests.helpers.address_sheets import FAR_TOO_LONG, worst_sample_client
from tests.helpers.documents import client, sample_office

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
