"""Envelopes (長形3号, 角形2号) for many clients: one .docx, one page per client.

Decisions:
- **Horizontal writing (横書き)** on the envelope held upright, as many offices address their
  business mail today. Vertical writing would need every number turned to kanji or set
  upright in vertical text, and Word and LibreOffice disagree on how; a horizontal address
  prints the same in both. An office that wants vertical envelopes keeps writing them by hand
  or in its own template.
- The page is the envelope (120×235 mm, 240×332 mm), so the printer takes the envelope as
  paper of that size. The top is left free for the stamp and the postmark; the address block
  (〒, address, company, person) starts under it, and the office's return address (from the
  office profile: 〒, address, name, phone) stands at the foot of the front, small and set
  right, where a horizontally addressed envelope carries it. Printing on the back would need
  a second pass through the printer per envelope.
- The envelope plain, without printed 〒 boxes: the postal code is written out (〒164-0001).
- Sizes are fitted like labels (``fitting``), on a larger ladder; a client whose block does
  not fit even at the smallest size is named, never printed clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticedesk.core.addresses.address_block import (
    address_parts,
    addressee,
    postal_line,
    printable,
)
from noticedesk.core.addresses.blocks import fit_clients
from noticedesk.core.addresses.docx_grid import Cell, Page, Row, grid_document
from noticedesk.core.addresses.fitting import FittedBlock, Part, fit_block
from noticedesk.core.clients import Client
from noticedesk.core.office import OfficeProfile
from noticedesk.core.user_error import UserError

INNER_PAD = 1.5  # mm kept free above and below each block: descents reach under a line


@dataclass(frozen=True, slots=True)
class EnvelopeSize:
    key: str  # as given to --envelope-size
    title: str  # 長形3号
    width: float  # mm, the envelope held upright
    height: float
    side: float  # left and right margin
    top: float  # left free for the stamp and postmark
    address_height: float  # the addressee's box
    return_height: float  # the return address's box, under it
    ladder: tuple[float, ...]  # font size steps of the names (points)
    floor: float  # the step below which the address wraps rather than shrinks
    return_ladder: tuple[float, ...]

    @property
    def address_box(self) -> tuple[float, float]:
        return (self.width - 2 * self.side, self.address_height - 2 * INNER_PAD)

    @property
    def return_box(self) -> tuple[float, float]:
        return (self.width - 2 * self.side, self.return_height - 2 * INNER_PAD)


ENVELOPE_SIZES: dict[str, EnvelopeSize] = {
    "naga3": EnvelopeSize(
        "naga3",
        "長形3号",
        120,
        235,
        side=12,
        top=32,
        address_height=130,
        return_height=55,
        ladder=(20, 18, 16, 15, 14, 13, 12, 11, 10.5, 10, 9),
        floor=14,
        return_ladder=(10, 9.5, 9, 8.5, 8, 7.5, 7),
    ),
    "kaku2": EnvelopeSize(
        "kaku2",
        "角形2号",
        240,
        332,
        side=25,
        top=45,
        address_height=180,
        return_height=80,
        ladder=(26, 24, 22, 20, 18, 16, 15, 14, 13, 12, 11, 10.5, 10),
        floor=18,
        return_ladder=(12, 11, 10.5, 10, 9.5, 9, 8.5, 8),
    ),
}
DEFAULT_ENVELOPE = "naga3"
ADDRESS_SCALE = 0.75  # the address beside the names
_ALIASES = {"長形3号": "naga3", "長3": "naga3", "角形2号": "kaku2", "角2": "kaku2"}


class UnknownEnvelope(UserError):
    pass


def envelope_size(name: str) -> EnvelopeSize:
    """The size called ``name`` (naga3, kaku2, or 長形3号 / 長3 / 角形2号 / 角2)."""
    key = _ALIASES.get(name.strip(), name.strip().lower())
    size = ENVELOPE_SIZES.get(key)
    if size is None:
        known = ", ".join(f"{s.key} ({s.title})" for s in ENVELOPE_SIZES.values())
        raise UnknownEnvelope(
            f"封筒の大きさ「{name}」はありません（{known} から選んでください）",
            f"There is no envelope size “{name}” (choose from {known})",
        )
    return size


def envelope_parts(client: Client) -> list[Part]:
    block = addressee(client)
    parts = [
        Part((block.postal,) if block.postal else (), ADDRESS_SCALE),
        Part(block.address, ADDRESS_SCALE),
        Part((block.company,), 1.0, space_before=1.2, align="center", wrap=2),
    ]
    if block.person:
        parts.append(Part((block.person,), 1.0, space_before=0.3, align="center", wrap=2))
    return parts


def return_parts(office: OfficeProfile) -> list[Part]:
    """The office's return address: 〒, address, name, phone (and fax when there is one)."""
    postal = postal_line(office.postal_code)
    numbers = printable(f"TEL {office.phone}" + (f"　FAX {office.fax}" if office.fax else ""))
    return [
        Part((postal,) if postal else (), 1.0, align="right"),
        Part(address_parts(office.address), 1.0, align="right"),
        Part((printable(office.name),), 1.15, space_before=0.3, align="right", wrap=2),
        Part((numbers,) if office.phone else (), 1.0, align="right"),
    ]


def fit_return(office: OfficeProfile, size: EnvelopeSize) -> FittedBlock:
    block = fit_block(return_parts(office), *size.return_box, size.return_ladder)
    if block is None:
        raise UserError(
            f"事務所の住所か名前が長すぎて{size.title}の差出人欄に収まりません。"
            "事務所情報の表記を短くしてください",
            f"The office's address or name does not fit the return address on the "
            f"{size.title} envelope; shorten them in the office profile",
        )
    return block


def fit_envelopes(clients: Sequence[Client], size: EnvelopeSize) -> list[FittedBlock]:
    return fit_clients(
        clients,
        envelope_parts,
        size.address_box,
        size.ladder,
        size.floor,
        (f"封筒（{size.title}）", f"envelopes ({size.key})"),
    )


def render_envelopes(clients: Sequence[Client], office: OfficeProfile, size: EnvelopeSize) -> bytes:
    """One page per client: its address block, and the office's return address."""
    blocks = fit_envelopes(clients, size)
    sender = fit_return(office, size)
    rows: list[Row] = []
    for block in blocks:
        pad = (0, INNER_PAD, 0, INNER_PAD)
        rows.append(Row(size.address_height, (Cell(block, pad, valign="top"),)))
        rows.append(Row(size.return_height, (Cell(sender, pad, valign="bottom"),)))
    page = Page(size.width, size.height, size.top, size.side, rows_per_page=2)
    return grid_document(page, [size.width - 2 * size.side], rows, f"封筒 {size.title}")


__all__ = [
    "DEFAULT_ENVELOPE",
    "ENVELOPE_SIZES",
    "EnvelopeSize",
    "UnknownEnvelope",
    "envelope_parts",
    "envelope_size",
    "fit_envelopes",
    "render_envelopes",
    "return_parts",
]
