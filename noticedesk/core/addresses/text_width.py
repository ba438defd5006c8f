"""How wide a line of Japanese text is, and where a long one may be broken (no Qt, no fonts).

Decisions:
- **A conservative width model.** A full-width character (kanji, kana, full-width digits and
  signs) is 1 em, a half-width one (ASCII, half-width kana) 0.5 em, one em being the font
  size. Mincho and Gothic faces draw full-width glyphs at exactly 1 em and half-width ones at
  0.5 em or less, so a line measured here is never narrower on paper than computed; no font
  file is needed and the result is the same on every PC. One exception: where ＭＳ 明朝 is
  missing (Linux, a Mac) the substitute draws Latin letters proportionally, and M, W, @ come
  out wider than half an em, so capitals and the widest signs count 0.8 em
  (「株式会社KOMORI」 must fit there too). And where half-width text meets full-width, Word
  and LibreOffice may add a quarter em (the documents ask them not to; LibreOffice does it
  anyway), so each such meeting counts 0.25 em more.
- **Never mid-number.** A line is not broken inside a run of digits (half- or full-width, kanji
  numerals) nor at the hyphens that join them (3-5-13, 三丁目): a house number split over two
  lines is misread by a postman. Breaks are preferred at a space and after the units of an
  address (都道府県, 市区町村, 丁目, 番, 号, 階 …), so a line ends where a person would end it.
"""

from __future__ import annotations

import itertools
import unicodedata

# Characters that belong to a number in an address: digits, kanji numerals, and the hyphens
# and long marks written between house numbers (3-5-13, 3－5－13, 3ー5ー13).
_DIGITS = frozenset("0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
_JOINERS = frozenset("-‐‑‒–—―−－ー")
_SPACES = frozenset(" \u3000")
# A break just after one of these ends an address unit (県|市|区|町|丁目|番|号 …).
_UNIT_ENDS = frozenset("都道府県市区町村郡丁目番号階")
# The administrative units: the break a person makes first (「横浜市西区」「みなとみらい…」).
_AREA_ENDS = frozenset("都道府県市区町村郡")
# Written right after a number and read with it (3丁目, 5番地, 7階, 2F): kept on its line.
_NUMBER_SUFFIXES = frozenset("丁目番地号階条線FfＦ")


_WIDE_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZmw@%&")


def char_em(char: str) -> float:
    """The width of ``char`` in em: 1 for full-width (and wide) characters, 0.8 for Latin
    capitals and the widest signs, else 0.5."""
    if unicodedata.east_asian_width(char) in ("F", "W", "A"):
        return 1.0
    return 0.8 if char in _WIDE_LATIN else 0.5


AUTOSPACE_EM = 0.25


def text_em(text: str) -> float:
    """The width of ``text`` in em (see the module docstring)."""
    widths = [char_em(c) for c in text]
    meetings = sum(1 for a, b in itertools.pairwise(widths) if (a == 1.0) != (b == 1.0))
    return sum(widths) + AUTOSPACE_EM * meetings


def _is_number(text: str, index: int) -> bool:
    """Whether the character at ``index`` is part of a number (a joiner counts when a digit
    stands on either side of it)."""
    char = text[index]
    if char in _DIGITS:
        return True
    if char in _JOINERS:
        before = index > 0 and text[index - 1] in _DIGITS
        after = index + 1 < len(text) and text[index + 1] in _DIGITS
        return before or after
    return False


def may_break_before(text: str, index: int) -> bool:
    """Whether a line may end just before ``text[index]`` (never inside a number)."""
    if index <= 0 or index >= len(text):
        return False
    if not _is_number(text, index - 1):
        return True
    return not (_is_number(text, index) or text[index] in _NUMBER_SUFFIXES)


def _preferred(text: str, index: int) -> bool:
    return text[index - 1] in _UNIT_ENDS or text[index] in _SPACES or text[index - 1] in _SPACES


def wrap(text: str, max_em: float) -> list[str]:
    """``text`` broken into lines of at most ``max_em`` em where it can be (see the module
    docstring). A number wider than a whole line is the one case kept whole and left wider:
    the caller's fit check then sees the line does not fit and chooses a smaller size."""
    text = text.strip(" \u3000")
    lines: list[str] = []
    while text:
        if text_em(text) <= max_em:
            lines.append(text)
            break
        cut = _cut(text, max_em)
        lines.append(text[:cut].rstrip(" \u3000"))
        text = text[cut:].lstrip(" \u3000")
    return lines


def _cut(text: str, max_em: float) -> int:
    """Where to end the first line of ``text`` (which is wider than ``max_em``)."""
    fits = 0  # characters that fit
    for index in range(len(text)):
        if text_em(text[: index + 1]) > max_em:
            break
        fits = index + 1
    allowed = [i for i in range(1, fits + 1) if may_break_before(text, i)]
    # After a space or a ward, town or city, when the rest then fits on one line.
    for tier in (_SPACES, _AREA_ENDS):
        for i in reversed(allowed):
            rest = text[i:].strip(" \u3000")
            area = text[i - 1] in tier or (tier is _SPACES and text[i] in tier)
            if area and text_em(text[:i]) >= max_em / 3 and text_em(rest) <= max_em:
                return i
    preferred = [i for i in allowed if _preferred(text, i)]
    # A preferred break is taken unless it leaves the line less than half full.
    if preferred and text_em(text[: preferred[-1]]) >= max_em / 2:
        return preferred[-1]
    if allowed:
        return allowed[-1]
    # Nothing fits before a break: the first place a break is allowed at all.
    later = [i for i in range(fits + 1, len(text)) if may_break_before(text, i)]
    return later[0] if later else len(text)


__all__ = ["char_em", "may_break_before", "text_em", "wrap"]
