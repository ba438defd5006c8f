"""A4 address-label sheets for many clients (one .docx), starting at a chosen label.

The sheet is a fixed table (``docx_grid``): one column per label column, one row per label
row, the gaps between labels inside the cells' right and bottom padding, so every label's
text box sits exactly on its label. Labels before ``start`` on the first sheet are left empty
(a half-used sheet goes back into the printer); clients follow in the order given, across then
down (``LabelLayout.position``).
"""

from __future__ import annotations

from collections.abc import Sequence

from noticedesk.core.addresses.address_block import addressee
from noticedesk.core.addresses.blocks import fit_clients
from noticedesk.core.addresses.docx_grid import Cell, Page, Row, grid_document
from noticedesk.core.addresses.fitting import FittedBlock, Part
from noticedesk.core.addresses.label_layouts import LabelLayout, check_start
from noticedesk.core.clients import Client

# Font size steps (points) for a label's names; the address is a little smaller.
LABEL_LADDER = (12.0, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
ADDRESS_SCALE = 0.85
LABEL_FLOOR = 10.0  # below this a label first wraps rather than shrinks further


def label_parts(client: Client) -> list[Part]:
    block = addressee(client)
    parts = [
        Part((block.postal,) if block.postal else (), ADDRESS_SCALE),
        Part(block.address, ADDRESS_SCALE),
        Part((block.company,), 1.0, space_before=0.3, align="center", wrap=2),
    ]
    if block.person:
        parts.append(Part((block.person,), 1.0, align="center", wrap=2))
    return parts


def text_box(layout: LabelLayout) -> tuple[float, float]:
    """The width and height (mm) inside a label's padding, where its text must stay."""
    return (layout.label_width - 2 * layout.padding, layout.label_height - 2 * layout.padding)


def fit_labels(clients: Sequence[Client], layout: LabelLayout) -> list[FittedBlock]:
    """Every client's label fitted (AddressesUnprintable names those that cannot be)."""
    return fit_clients(
        clients,
        label_parts,
        text_box(layout),
        LABEL_LADDER,
        LABEL_FLOOR,
        (f"宛名ラベル（{layout.title}）", f"address labels ({layout.name})"),
    )


def label_numbers(count: int, layout: LabelLayout, start: int = 1) -> list[int]:
    """The label (counted over every sheet, from 1) each of ``count`` clients is printed on."""
    check_start(layout, start)
    return list(range(start, start + count))


def render_labels(clients: Sequence[Client], layout: LabelLayout, start: int = 1) -> bytes:
    """The label sheets of ``clients`` as a .docx, the first on label ``start`` of sheet 1."""
    numbers = label_numbers(len(clients), layout, start)
    blocks = fit_labels(clients, layout)
    by_number = dict(zip(numbers, blocks, strict=True))
    last = numbers[-1] if numbers else start
    sheets = max(1, -(-last // layout.per_sheet))
    gap_x = layout.pitch_x - layout.label_width
    gap_y = layout.pitch_y - layout.label_height
    pad = layout.padding
    rows: list[Row] = []
    for sheet in range(sheets):
        for row in range(layout.rows):
            last_row = row == layout.rows - 1
            cells = []
            for column in range(layout.columns):
                number = sheet * layout.per_sheet + row * layout.columns + column + 1
                right = pad + (0 if column == layout.columns - 1 else gap_x)
                bottom = pad + (0 if last_row else gap_y)
                cells.append(Cell(by_number.get(number), (pad, pad, right, bottom), "center"))
            height = layout.label_height if last_row else layout.pitch_y
            rows.append(Row(height, tuple(cells)))
    columns = [layout.pitch_x] * (layout.columns - 1) + [layout.label_width]
    page = Page(layout.page_width, layout.page_height, layout.top, layout.left, layout.rows)
    return grid_document(page, columns, rows, f"宛名ラベル {layout.title}")


__all__ = ["fit_labels", "label_numbers", "label_parts", "render_labels", "text_box"]
