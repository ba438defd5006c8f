"""File and folder names derived from client names that Windows accepts.

Decisions:
- Characters Windows forbids (``/ \\ : * ? " < > |``) become their full-width twins (／ ＼ ：
  ＊ ？ ” ＜ ＞ ｜), which Windows allows and a Japanese reader still recognises.
- Control characters (Unicode category Cc) and format characters (Cf) are dropped: the bidi
  overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F, U+061C and
  the zero-width characters. A client named ``請求書`` + U+202E + ``txt.exe`` would otherwise
  get a file that Explorer shows as ``請求書exe.txt``. Only the file name changes: the case
  keeps the name as read.
- Trailing dots and spaces (Windows silently strips them, so two names could collide or a
  folder become unreachable) are removed; a reserved device name (CON, PRN, AUX, NUL, COM1–9,
  LPT1–9, also with an extension such as ``CON.txt``) gets a ``_`` after the device name
  (``CON_.txt``).
- A name part is cut to ``MAX_NAME_CHARS`` characters so that the full path stays well under
  Windows' 260-character limit even inside a deep output folder.
- Names are compared case-insensitively after Unicode NFC/NFKC folding (NTFS is case-insensitive);
  a repeat gets `` (2)``, `` (3)`` … in roster order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_NAME_CHARS = 40
EMPTY_NAME = "名称なし"

_FULL_WIDTH = str.maketrans(
    {
        "/": "／",
        "\\": "＼",
        ":": "：",
        "*": "＊",
        "?": "？",
        '"': "”",
        "<": "＜",
        ">": "＞",
        "|": "｜",
    }
)
_HIDDEN = frozenset({"Cc", "Cf"})
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$", re.I)


def safe_name(text: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """One path component made from ``text`` that Windows (and every other system) accepts."""
    name = unicodedata.normalize("NFC", text)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _HIDDEN)
    name = name.translate(_FULL_WIDTH)
    name = _SPACES.sub(" ", name).strip(" .")
    name = name[:max_chars].rstrip(" .")
    if not name:
        return EMPTY_NAME
    stem, dot, rest = name.partition(".")
    if _RESERVED.match(stem.strip()):
        # Windows reads "CON.txt_" as the device CON too: the mark goes before the first dot.
        name = f"{stem.rstrip()}_{stem[len(stem.rstrip()) :]}{dot}{rest}"
    return name


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def unique_names(names: Iterable[str]) -> list[str]:
    """``names`` made distinct (case-insensitively), keeping the first of each as it is."""
    taken: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate = name
        number = 2
        while _fold(candidate) in taken:
            candidate = f"{name} ({number})"
            number += 1
        taken.add(_fold(candidate))
        out.append(candidate)
    return out
