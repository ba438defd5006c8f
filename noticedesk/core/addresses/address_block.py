"""What goes on an envelope or a label for one client: 〒, address, name and honorific.

Decisions (Japanese business practice; no statute governs how a letter is addressed):
- **御中 or 様, never both.** A letter to a company is addressed to the company with 御中
  (「株式会社さくら運輸　御中」). When the roster names a contact person (担当者), the letter
  is addressed to that person at the company: the company on its own line without 御中, then
  「山﨑 健太 様」. 御中 goes to an organisation, 様 to a person; writing both
  (「株式会社さくら運輸　御中　山﨑 健太 様」) is the classic mistake this module exists to avoid.
- A roster that already writes the honorific (「鈴木 一郎様」「総務部御中」「… 殿」) is not given a
  second one: the name is used as written, 殿 and a trailing 御中/様 removed and the rule above
  applied, so the printed form is always one of the two.
- The company name is printed as the letters print it (㈱ written out: ``printed_name``).
- **The address is split sensibly**: first at the building (the part after a space, or after
  the house number 「…11号」「…1-2-3」), each part then wrapped by length where it is wider than
  the line, never inside a number (``text_width.wrap``).
- House numbers are printed in full-width digits (「3丁目5番13号」「1－2－3」), as addresses
  are customarily written in Japanese text, so they are exactly as wide as measured and never
  spaced apart from the kanji around them.
- Characters a Word file cannot hold (control characters pasted from elsewhere) are dropped,
  and line breaks and tabs inside a cell become spaces, before anything is measured.
- The postal code is printed 〒123-4567; a code that is not seven digits is printed as written
  (staff see it on the label rather than losing it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from noticedesk.core.addresses.text_width import wrap
from noticedesk.core.clients import Client

ONCHU = "御中"
SAMA = "様"
_HONORIFIC_TAIL = re.compile(r"[\s\u3000]*(御中|様|殿)$")
# A house number: 「3丁目5番13号」「1-2-3」「5番地」 (kanji numerals only before 丁目).
_NUMBER_CHAIN = re.compile(
    r"(?:[一二三四五六七八九十]+丁目)?[0-9０-９]+"
    r"(?:(?:丁目|番地|番|号|[-－ー‐−の])[0-9０-９]+)*(?:番地|番|号)?"
)
_HOUSE_NUMBER_MARKS = re.compile(r"番|号|[0-9０-９][-－ー‐−][0-9０-９]")


@dataclass(frozen=True, slots=True)
class Addressee:
    """The lines of one client's address block, before they are fitted to a box."""

    postal: str  # "〒164-0001", or "" when the roster has none
    address: tuple[str, ...]  # the address in parts (street, building); wrapped when fitted
    company: str  # the client's name, with 「　御中」 when no person is named
    person: str  # 「山﨑 健太 様」, or "" when the letter goes to the company

    @property
    def honorific(self) -> str:
        return SAMA if self.person else ONCHU


# What XML 1.0 cannot hold, as ``documents.xml_text`` decides it (kept here too: the documents
# package imports this one, not the other way round).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def printable(text: str) -> str:
    """``text`` as a Word line can hold it: no control characters, breaks and tabs as spaces."""
    return re.sub(r"[\r\n\t]+", " ", _NOT_XML.sub("", text))


def postal_line(postal_code: str) -> str:
    """〒123-4567 from the roster's code (digits normalised); "" when there is none."""
    text = unicodedata.normalize("NFKC", printable(postal_code)).strip().lstrip("〒").strip()
    if not text:
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 7:
        return f"〒{digits[:3]}-{digits[3:]}"
    return f"〒{text}"


def without_honorific(text: str) -> str:
    """``text`` with a trailing 御中, 様 or 殿 (and the space before it) removed."""
    return _HONORIFIC_TAIL.sub("", text.strip(" \u3000")).strip(" \u3000")


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def address_parts(address: str) -> tuple[str, ...]:
    """The address as street and building (one part when no building can be told apart),
    its digits full-width."""
    text = printable(address).strip(" \u3000").translate(_FULL_WIDTH)
    if not text:
        return ()
    spaced = re.split(r"[\s\u3000]+", text, maxsplit=1)
    if len(spaced) == 2 and re.search(r"[0-9０-９一二三四五六七八九十]", spaced[0]):
        return (spaced[0], spaced[1])
    # The building follows the last house number (a chain with 番, 号 or a hyphen): 「北1条西
    # 2丁目1番地」 has none after it; 「梅田1丁目1番3号大阪駅前第3ビル12階」 has one.
    ends = [m.end() for m in _NUMBER_CHAIN.finditer(text) if _HOUSE_NUMBER_MARKS.search(m[0])]
    if ends and text[ends[-1] :].strip(" \u3000"):
        return (text[: ends[-1]], text[ends[-1] :].strip(" \u3000"))
    return (text,)


def addressee(client: Client) -> Addressee:
    """The address block of ``client`` (see the module docstring for the honorific rule)."""
    company = without_honorific(printable(client.printed_name))
    person = without_honorific(printable(client.contact_person))
    return Addressee(
        postal=postal_line(client.postal_code),
        address=address_parts(client.address),
        company=company if person else f"{company}\u3000{ONCHU}",
        person=f"{person}\u3000{SAMA}" if person else "",
    )


def wrapped_address(block: Addressee, max_em: float) -> list[str]:
    """The address lines of ``block`` for a line of ``max_em`` em."""
    return [line for part in block.address for line in wrap(part, max_em)]


__all__ = [
    "ONCHU",
    "SAMA",
    "Addressee",
    "address_parts",
    "addressee",
    "postal_line",
    "without_honorific",
    "wrapped_address",
]
