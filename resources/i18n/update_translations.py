"""Refresh the Japanese catalogue from the code, keeping every finished translation.

    python resources/i18n/update_translations.py

Runs Qt's lupdate over noticedesk/gui, then puts back the finished entries lupdate spoils
(it does not see plural forms passed as translate()'s fourth argument, and marks them
unfinished or vanished), compiles the .qm, and lists the strings still to translate (exit 1
while there are any). Fill those in the .ts (Qt Linguist or any editor) and run it again.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CATALOGUE = HERE / "noticedesk_ja.ts"
UNFINISHED = ("unfinished", "vanished", "obsolete")


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return f"pyside6-{name}"


def _finished(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in UNFINISHED:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


def main() -> int:
    before = _finished(ET.parse(CATALOGUE).getroot())
    sources = sorted(str(p) for p in (REPO / "noticedesk" / "gui").rglob("*.py"))
    # No source locations: they change with every edited line, and would make every change
    # to the code a change (and a merge conflict) in the catalogue.
    subprocess.run(
        [_tool("lupdate"), "-locations", "none", *sources, "-ts", str(CATALOGUE)], check=True
    )
    tree = ET.parse(CATALOGUE)
    todo = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for index, message in enumerate(list(context)):
            translation = message.find("translation")
            if message.tag != "message" or translation is None:
                continue
            if translation.get("type") not in UNFINISHED:
                continue
            key = (name, message.findtext("source") or "")
            if key in before:
                context.remove(message)
                context.insert(index, copy.deepcopy(before[key]))
            elif translation.get("type") == "unfinished":
                todo.append(key)
    tree.write(CATALOGUE, encoding="utf-8", xml_declaration=False)
    text = CATALOGUE.read_text(encoding="utf-8")
    CATALOGUE.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text.rstrip("\n") + "\n",
        encoding="utf-8",
    )
    subprocess.run(
        [_tool("lrelease"), str(CATALOGUE), "-qm", str(CATALOGUE.with_suffix(".qm"))], check=True
    )
    for context_name, source in todo:
        print(f"to translate: [{context_name}] {source}")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
