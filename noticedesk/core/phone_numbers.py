"""Japanese phone numbers, hyphenated as the numbering plan groups them.

Where a number's area code ends is not a rule of thumb: 総務省's numbering plan (電気通信番号計画)
gives area codes of two to five digits, and a subscriber number of four. 0466 (藤沢) is
0466-25-1111, 04 (柏) is 04-7167-1111, 04992 (大島) is 04992-2-1441. A short table of
"03 and 06 are 2-4-4, the rest 3-3-4" printed 046-625-1111, so bare digits are grouped by
libphonenumber's metadata for Japan (``phonenumberslite``: the plan without geocoding, kept up
to date with the plan's changes).

Decisions:
- The user's own hyphens stay when they are plausible: three groups of digits, the first
  starting with 0, 10 or 11 digits in all (they know their exchange; a plan update must not
  rewrite what they printed before). Parentheses and spaces count as the user's hyphens:
  03(6363)9779 is 03-6363-9779.
- Bare digits are grouped by the plan. A number the plan cannot split into three groups
  (a 10-digit 020 number, 00… carrier prefixes, too few digits) is unreadable and kept as
  written; a number the plan can split but does not list as assigned is still grouped, as it
  was before (a roster of test or new numbers should not fill the problem list).
- 0180 (テレドーム, written 0180-99x-yyy) is not in the metadata, which would split it like a
  geographic 0180-99-3000; it is grouped 4-3-3 like the other 0AB0 service numbers (0120, 0570,
  0990), as its operator prints it.
- A bare 9- or 10-digit number with no leading 0 lost its zero in a numeric Excel column: the
  zero is restored and the caller flags it. "+81" becomes a leading 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dashes and long-vowel marks people type between digit groups.
_DASHES = re.compile(r"[‐‑‒–—―−ーｰ－]")
# Digits spelt [0-9]: \d would also accept other scripts' digits, which NFKC has already folded.
_FLOAT_TAIL = re.compile(r"^([0-9]+)\.0+$")  # "9012345678.0": went through a float
_COUNTRY_CODE = re.compile(r"^\+81[\s-]*(?:\(0\))?[\s-]*0?")
_SEPARATORS = re.compile(r"[\s()]")
_REPEATED_HYPHENS = re.compile(r"-{2,}")
GROUPED = r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}"
_GROUPED = re.compile(GROUPED)
_LOST_ZERO = re.compile(r"[1-9][0-9]{8,9}")


@dataclass(frozen=True, slots=True)
class PhoneReading:
    value: str  # hyphenated, or the text as written when unreadable
    readable: bool
    zero_restored: bool  # a leading zero was put back (the caller warns)


def read_phone(written: str) -> PhoneReading:
    """One phone number as written in a roster or a form, hyphenated when it can be read."""
    return _read(written)


def hyphenated(written: str) -> str:
    """The hyphenated number, or the trimmed text when it is not a phone number."""
    text = written.strip()
    return _read(text).value if text else text


def _read(written: str) -> PhoneReading:
    text = unicodedata.normalize("NFKC", written).strip()
    text = _FLOAT_TAIL.sub(r"\1", _DASHES.sub("-", text))
    text = _COUNTRY_CODE.sub("0", text)
    text = _REPEATED_HYPHENS.sub("-", _SEPARATORS.sub("-", text)).strip("-")
    digits = text.replace("-", "")
    unreadable = PhoneReading(written, readable=False, zero_restored=False)
    if not digits.isascii() or not digits.isdigit():
        return unreadable
    bare = "-" not in text
    restored = bare and _LOST_ZERO.fullmatch(digits) is not None
    if restored:
        digits = "0" + digits
    if not bare and _GROUPED.fullmatch(text) and len(digits) in (10, 11):
        return PhoneReading(text, readable=True, zero_restored=False)
    grouped = plan_grouping(digits)
    if grouped is None:
        return unreadable
    return PhoneReading(grouped, readable=True, zero_restored=restored)


def plan_grouping(digits: str) -> str | None:
    """A 10- or 11-digit national number grouped by the numbering plan, else None."""
    if len(digits) not in (10, 11) or not digits.startswith("0") or digits.startswith("00"):
        return None
    if len(digits) == 10 and digits.startswith("0180"):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    import phonenumbers  # the plan's metadata loads only when bare digits need it

    try:
        number = phonenumbers.parse(digits, "JP")
    except phonenumbers.NumberParseException:
        return None
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if not _GROUPED.fullmatch(text) or text.replace("-", "") != digits:
        return None
    return text
