"""Fitting an address block into a box: the largest font size step at which every line,
wrapped, stays inside (no Qt, no fonts: ``text_width``'s conservative model).

Decisions:
- Text shrinks in steps (``ladder``, in points): first with the address wrapped where it
  must (``Part.wrap`` 1) and names whole, down to ``floor``; then names wrapped too
  (``Part.wrap`` 2), down to the last step. So labels of one sheet mostly share one size. A company name broken in the middle reads worse
  than one a point smaller. A block that does not fit even then is not printed clipped:
  ``fit_block`` returns None and the caller names the client.
- Line height is fixed (``LINE_FACTOR`` × size, written into the document as an exact line
  spacing), so the height computed here is the height Word and LibreOffice lay out.
- Widths keep ``WIDTH_SAFETY`` spare: Word's own justification and kerning may add a little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticedesk.core.addresses.text_width import text_em, wrap

MM_PER_PT = 25.4 / 72
LINE_FACTOR = 1.25  # exact line spacing, as a multiple of the font size
WIDTH_SAFETY = 0.95  # share of the box's width lines may fill


@dataclass(frozen=True, slots=True)
class Part:
    """One paragraph-ish piece of a block: its texts (each wrapped on its own), its size
    relative to the step's size, space before it (in em of its own size) and alignment."""

    texts: tuple[str, ...]
    scale: float = 1.0
    space_before: float = 0.0
    align: str = "left"  # "left", "center" or "right"
    wrap: int = 1  # the pass from which it may wrap (0 always, 1 with the address, 2 last)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    size: float  # points
    space_before: float  # mm
    align: str


@dataclass(frozen=True, slots=True)
class FittedBlock:
    lines: tuple[Line, ...]
    size: float  # the step chosen (points)

    @property
    def height_mm(self) -> float:
        return sum(line.space_before + line.size * LINE_FACTOR * MM_PER_PT for line in self.lines)

    def widest_mm(self) -> float:
        return max((text_em(line.text) * line.size * MM_PER_PT for line in self.lines), default=0)


def lay_out(parts: Sequence[Part], size: float, width_mm: float, wrapping: int = 2) -> FittedBlock:
    """``parts`` at step ``size``; the texts of parts with ``wrap <= wrapping`` wrapped to
    ``width_mm``, the others kept whole."""
    lines: list[Line] = []
    for part in parts:
        points = size * part.scale
        max_em = width_mm * WIDTH_SAFETY / (points * MM_PER_PT)
        if part.wrap > wrapping:
            max_em = float("inf")
        first = True
        for text in part.texts:
            for wrapped in wrap(text, max_em):
                space = part.space_before * points * MM_PER_PT if first else 0.0
                lines.append(Line(wrapped, points, space, part.align))
                first = False
    return FittedBlock(tuple(lines), size)


def fits(block: FittedBlock, width_mm: float, height_mm: float) -> bool:
    return block.widest_mm() <= width_mm * WIDTH_SAFETY + 1e-6 and block.height_mm <= height_mm


def fit_block(
    parts: Sequence[Part],
    width_mm: float,
    height_mm: float,
    ladder: Sequence[float],
    floor: float = 0.0,
) -> FittedBlock | None:
    """The block at the largest step of ``ladder`` (points, largest first) that fits the box,
    wrapping as little as it can (see the module docstring); None when nothing fits."""
    for wrapping in (1, 2):
        for size in ladder:
            if wrapping < 2 and size < floor:
                break
            block = lay_out(parts, size, width_mm, wrapping)
            if fits(block, width_mm, height_mm):
                return block
    return None


__all__ = [
    "LINE_FACTOR",
    "MM_PER_PT",
    "FittedBlock",
    "Line",
    "Part",
    "fit_block",
    "fits",
    "lay_out",
]
