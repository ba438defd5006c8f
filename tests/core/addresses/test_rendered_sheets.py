"""The rendered envelopes and label sheets, read back: each client's own name and address in
its own place, the first label where staff said, and the grid's exact geometry."""

from __future__ import annotations

import pytest

from noticedesk.core.addresses import envelope_size, find_layout, render_envelopes, render_labels
from noticedesk.core.addresses.address_block import address_parts
from noticedesk.core.addresses.docx_grid import twips
from noticedesk.core.addresses.label_layouts import LabelLayout
from noticedesk.core.addresses.labels import label_numbers
from tests.helpers.address_sheets import grid_cells, sample_clients
from tests.helpers.documents import HAZARD_NAMES, document_xml, sample_office
from tests.helpers.documents import client as make_client


def _label_texts(data: bytes, per_row: int) -> list[str]:
    """Every label's text, numbered from 1 across then down over every sheet."""
    return [cell for row in grid_cells(data) for cell in row[:per_row]]


def test_labels_start_at_the_chosen_label_and_follow_across_then_down() -> None:
    clients = sample_clients()[:15]
    layout = find_layout("a4-12")
    data = render_labels(clients, layout, start=5)
    labels = _label_texts(data, layout.columns)
    assert len(labels) == 24  # labels 5 to 19 need a second sheet, kept whole
    assert labels[:4] == ["", "", "", ""]  # the used part of a half-used sheet stays blank
    for number, client in zip(label_numbers(15, layout, 5), clients, strict=True):
        text = labels[number - 1]
        assert client.printed_name in text
        assert text.startswith("〒" + client.postal_code)
    assert all(text == "" for text in labels[19:])


def test_each_label_holds_its_own_client_only() -> None:
    clients = sample_clients()
    data = render_labels(clients, find_layout("a4-24"))
    labels = _label_texts(data, 3)
    for client, text in zip(clients, labels, strict=False):
        others = [c.printed_name for c in clients if c.printed_name != client.printed_name]
        assert client.printed_name in text
        assert not any(name in text for name in others if name not in client.printed_name)
        assert client.contact_person.replace(" ", "") in text.replace(" ", "")
        assert text.count("様") == 1 and "御中" not in text


def test_the_label_grid_is_fixed_to_the_sheet_in_millimetres() -> None:
    layout = LabelLayout(  # gaps across and down
        "gaps", "gaps", 2, 5, 86.4, 50.8, top=21.2, left=16.0, pitch_x=91.4, pitch_y=52.0, padding=5
    )
    xml = document_xml(render_labels(sample_clients()[:3], layout))
    assert '<w:tblLayout w:type="fixed"/>' in xml
    gap_column = twips(layout.pitch_x)
    last_column = twips(layout.label_width)
    assert xml.count(f'<w:gridCol w:w="{gap_column}"/>') == layout.columns - 1
    assert xml.count(f'<w:gridCol w:w="{last_column}"/>') == 1
    rows = xml.count("<w:tr>")
    assert rows == layout.rows
    assert xml.count(f'w:val="{twips(layout.pitch_y)}" w:hRule="exact"') == layout.rows - 1
    assert xml.count(f'w:val="{twips(layout.label_height)}" w:hRule="exact"') == 1
    assert f'w:top="{twips(layout.top)}"' in xml and f'w:left="{twips(layout.left)}"' in xml


def test_envelopes_have_one_page_per_client_with_its_own_name_and_the_return_address() -> None:
    clients = sample_clients()[:6]
    office = sample_office()
    rows = grid_cells(render_envelopes(clients, office, envelope_size("naga3")))
    assert len(rows) == 2 * len(clients)  # addressee and return address, per page
    for index, client in enumerate(clients):
        (front,), (sender,) = rows[2 * index], rows[2 * index + 1]
        assert client.printed_name in front
        assert "〒" + client.postal_code in front
        assert all(c.printed_name not in front for c in clients if c is not client)
        street = "".join(address_parts(client.address))
        assert street in front.replace("\u3000", "")
        assert all(
            "".join(address_parts(c.address)) not in front for c in clients if c is not client
        )
        assert office.name in sender and "〒" + office.postal_code in sender
        assert client.printed_name not in sender


def test_the_same_clients_give_the_same_bytes() -> None:
    """The print preview and the export show one document: rendering is deterministic."""
    clients = sample_clients()[:4]
    office = sample_office()
    size = envelope_size("kaku2")
    assert render_envelopes(clients, office, size) == render_envelopes(clients, office, size)
    layout = find_layout("a4-24")
    assert render_labels(clients, layout, 3) == render_labels(clients, layout, 3)


@pytest.mark.parametrize(("name", "size"), [("naga3", (120, 235)), ("kaku2", (240, 332))])
def test_envelope_pages_are_the_envelope(name: str, size: tuple[int, int]) -> None:
    xml = document_xml(render_envelopes(sample_clients()[:1], sample_office(), envelope_size(name)))
    assert f'<w:pgSz w:w="{twips(size[0])}" w:h="{twips(size[1])}"' in xml


def test_names_with_markup_and_control_characters_print_as_written() -> None:
    """A name like ``A&B商事`` or ``<有限会社>`` is text, and a control character pasted into a
    cell is dropped rather than making a file Word refuses to open."""
    names = [name for name in HAZARD_NAMES if len(name) < 50]
    clients = [make_client(name, row=4 + n, contact_person="") for n, name in enumerate(names)]
    for data in (
        render_labels(clients, find_layout("a4-12")),
        render_envelopes(clients, sample_office(), envelope_size("naga3")),
    ):
        text = " ".join(cell for row in grid_cells(data) for cell in row)
        assert "A&B商事" in text and "<有限会社>" in text and "{{ 7*7 }}" in text
        assert "株式会社ベル商会" in text and "\x07" not in text
