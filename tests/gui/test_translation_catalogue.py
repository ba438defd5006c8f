"""Every string the window can show has a Japanese translation in the shipped catalogue.

The catalogue's own completeness is checked elsewhere; this extracts the strings from the code
afresh with Qt's lupdate, so a new string that never reached the catalogue fails here instead
of appearing in English on an office PC.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

from tests.helpers.paths import REPO
from tests.helpers.programs import require_tool

CATALOGUE = REPO / "resources" / "i18n" / "noticedesk_ja.ts"


def _lupdate() -> str:
    """Qt's lupdate as PySide6's wheel ships it, else as installed on PATH."""
    bundled = Path(PySide6.__file__).parent / "lupdate"
    for candidate in (bundled, bundled.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    return require_tool("pyside6-lupdate", why="Qt's lupdate extracts the window's strings")


def _messages(path: Path, *, finished_only: bool) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            if finished_only and unfinished:
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    lupdate = _lupdate()
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "noticedesk" / "gui").rglob("*.py"))
    done = subprocess.run(
        [lupdate, *sources, "-ts", str(fresh)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    in_code = _messages(fresh, finished_only=False)
    assert len(in_code) > 100  # the extraction worked
    missing = sorted(in_code - _messages(CATALOGUE, finished_only=True))
    assert missing == []
