"""Text from a user's file made safe to print on a terminal.

A roster can carry anything in a cell: ``ESC [31m`` (colours the rest of the screen),
``ESC ] 8 ;; http://… BEL`` (a hidden link), ``ESC ] 0 ; … BEL`` (retitles the window), a
carriage return (overwrites what the line said), or U+202E RIGHT-TO-LEFT OVERRIDE (shows
``exe.txt`` for ``txt.exe``). The command line prints client names, addresses, header texts
and file names through ``terminal_text``, which leaves the text readable and powerless.

Decisions:
- Removed: control characters (Unicode category Cc: C0, DEL, C1 — so ESC goes, and what
  followed it is shown as plain characters), format characters (Cf: the bidi embeddings,
  overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C,
  and the zero-width characters, which only hide what a name really is).
- Line breaks (CR, LF, CRLF, NEL, U+2028, U+2029) and tabs in a value become one space: a
  value is printed on its line and cannot fake the next one. ``lines=True`` is for text that
  NoticeDesk itself laid out in lines: line breaks become ``\\n`` and tabs stay.
- Only the printing changes: the case, the documents and the JSON keep the value as it was
  read (``terminal_json`` escapes rather than removes, so a script reads the exact value).
"""

from __future__ import annotations

import json
import re
import unicodedata

# Categories a terminal either acts on or draws as nothing.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def is_hidden(ch: str) -> bool:
    """True for a character that is a control, a format character or a line separator."""
    return unicodedata.category(ch) in HIDDEN_CATEGORIES


def terminal_text(value: object, *, lines: bool = False) -> str:
    """``value`` as text without anything a terminal would act on (see the module docstring)."""
    text = str(value)
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to look at
    text = _LINE_BREAK.sub("\n" if lines else " ", text)
    if not lines:
        text = text.replace("\t", " ")
    kept = "\n\t" if lines else ""
    return "".join(ch for ch in text if ch in kept or not is_hidden(ch))


def terminal_json(data: object, *, indent: int | None = None) -> str:
    """``json.dumps(data, ensure_ascii=False)``, with every hidden character escaped.

    json escapes C0 controls itself but writes DEL, C1 controls, bidi and other format
    characters raw. Escaped as ``\\u202e`` they still decode to the very same strings, and a
    terminal showing the JSON draws them as text. They can only occur inside strings (the
    JSON around them is ASCII), so escaping them never changes the structure.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if text.isascii() and "\x7f" not in text:
        return text
    return "".join(json.dumps(ch)[1:-1] if ch != "\n" and is_hidden(ch) else ch for ch in text)
