"""Text that a Word document can hold.

XML 1.0 forbids most control characters (U+0000–U+001F except tab, line feed and carriage
return), lone surrogates and U+FFFE/U+FFFF. A roster cell pasted from another program can carry
them (a vertical tab from an Excel cell, a form feed from a PDF); left in, Word refuses to open
the file. They carry no meaning in a letter, so they are dropped. Line breaks are normalised to
``\\n`` (docxtpl turns it into a Word line break); a tab stays a tab.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold, line breaks as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def has_unsafe_characters(text: str) -> bool:
    return text != xml_safe(text)


def xml_safe_tree(value: Any) -> Any:
    """The same structure with every string made XML-safe (dicts, lists and tuples walked)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, Mapping):
        return {key: xml_safe_tree(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [xml_safe_tree(item) for item in value]
    return value
