"""A client's e-mail addresses as the roster writes them: several, some of them wrong.

Decisions:
- Several addresses in one cell are separated by ``;``, ``,``, ``、`` or spaces (as the roster
  reader accepts them); full-width characters are made half-width first (ｓｏｕｍｕ＠… → soumu@…).
- An address is used only when it is plain ASCII ``local@domain.tld`` without spaces, quotes
  or angle brackets: what every mail server accepts without the SMTPUTF8 extension. A
  Japanese (internationalised) address is reported as invalid rather than sent and bounced.
- A client with some valid and some invalid addresses gets its message at the valid ones; the
  invalid ones are listed in the plan, so the office can correct the list. A client with none
  valid is not sent to at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[;,、\s]+")
# RFC 5322 dot-atom text for the local part; labels of letters, digits and hyphens for the
# domain, with a top-level label of letters (or an IDNA ``xn--`` label).
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})"
_ADDRESS = re.compile(rf"{_LOCAL}@{_DOMAIN}")
MAX_ADDRESS = 254  # RFC 5321 4.5.3.1.3 (a path of 256 octets including the angle brackets)


def parse_address(text: str) -> str | None:
    """``text`` as one address to send to, or None when it is not one."""
    value = unicodedata.normalize("NFKC", text).strip()
    if len(value) > MAX_ADDRESS or _ADDRESS.fullmatch(value) is None:
        return None
    local, _, _domain = value.partition("@")
    return value if len(local) <= 64 else None


@dataclass(frozen=True, slots=True)
class Recipients:
    valid: tuple[str, ...]
    invalid: tuple[str, ...]


def recipients(cell: str) -> Recipients:
    """The addresses of one roster cell, valid and invalid, each once, in the cell's order."""
    valid: list[str] = []
    invalid: list[str] = []
    for part in _SEPARATORS.split(unicodedata.normalize("NFKC", cell).strip()):
        if not part:
            continue
        address = parse_address(part)
        if address is None:
            if part not in invalid:
                invalid.append(part)
        elif address.lower() not in (v.lower() for v in valid):
            valid.append(address)
    return Recipients(tuple(valid), tuple(invalid))


def domain_of(address: str) -> str:
    return address.rpartition("@")[2]


__all__ = ["Recipients", "domain_of", "parse_address", "recipients"]
