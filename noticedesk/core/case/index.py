"""The list of cases in a data folder, and which one was opened last.

Each case is one SQLite file ``cases/<id>.sqlite`` named by a random id (never by its name,
which may be a client's). ``cases/index.json`` remembers names and the last opened case, written
atomically; the case files also carry their own name and dates, so a case whose index entry was
lost (a crash between the two writes, an index deleted by hand) is still listed.

Decision: a case's name is the office's label for an incident and is kept readable, so the
list can be shown before any key is asked for. The window should say so when a name is typed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from noticedesk.core import atomic
from noticedesk.core.case.errors import CaseNotFound
from noticedesk.core.case.records import CaseSummary
from noticedesk.core.paths import private_dir

INDEX_NAME = "index.json"
_lock = threading.Lock()


def cases_dir(data_dir: Path) -> Path:
    """``DATA/cases``, made if missing; only its owner may enter it (``paths.private_dir``)."""
    return private_dir(Path(data_dir) / "cases")


def case_path(data_dir: Path, case_id: str) -> Path:
    return cases_dir(data_dir) / f"{case_id}.sqlite"


def _read_index(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((cases_dir(data_dir) / INDEX_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {"cases": {}, "last_opened": None}
    if not isinstance(data, dict) or not isinstance(data.get("cases"), dict):
        return {"cases": {}, "last_opened": None}
    return data


def _write_index(data_dir: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    atomic.write_text(cases_dir(data_dir) / INDEX_NAME, text, overwrite=True)


def _read_meta(path: Path) -> dict[str, str] | None:
    """The plaintext meta table of a case file, or None when it is not a readable case."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _summary(case_id: str, entry: dict[str, Any]) -> CaseSummary | None:
    try:
        last = entry.get("last_opened")
        return CaseSummary(
            id=case_id,
            name=str(entry["name"]),
            created=dt.datetime.fromisoformat(str(entry["created"])),
            last_opened=dt.datetime.fromisoformat(str(last)) if last else None,
            protection=str(entry.get("protection", "")),
        )
    except (KeyError, ValueError):
        return None


def list_cases(data_dir: Path) -> list[CaseSummary]:
    """Every case in the folder: the default (last opened) one first, then by recency."""
    data = _read_index(data_dir)
    index = data["cases"]
    out: list[CaseSummary] = []
    for path in sorted(cases_dir(data_dir).glob("*.sqlite")):
        case_id = path.stem
        entry = index.get(case_id)
        if not isinstance(entry, dict):
            meta = _read_meta(path)
            if meta is None or "name" not in meta:
                continue
            entry = meta
        summary = _summary(case_id, entry)
        if summary is not None:
            out.append(summary)
    # Times are to the second, so the index's own record of the last opened case decides ties.
    last = data.get("last_opened")
    out.sort(key=lambda s: (s.id == last, (s.last_opened or s.created).timestamp()), reverse=True)
    return out


def unreadable_case_files(data_dir: Path) -> list[Path]:
    """Case files in the folder that ``list_cases`` cannot list (no index entry, and no
    readable name inside): damaged, or not a case at all."""
    listed = {summary.id for summary in list_cases(data_dir)}
    return [p for p in sorted(cases_dir(data_dir).glob("*.sqlite")) if p.stem not in listed]


def case_to_open(data_dir: Path, name: str | None = None) -> CaseSummary | None:
    """The case a face opens: the one named, else the default (the last opened); None when
    there is no such case. Its ``protection`` says which key to ask for: a case protected by a
    passphrase asks for it, every other one tries the OS credential store first."""
    cases = list_cases(data_dir)
    if name is not None:
        return next((c for c in cases if c.name == name.strip()), None)
    return cases[0] if cases else None


def needs_passphrase(summary: CaseSummary | None) -> bool:
    return summary is not None and summary.protection == "passphrase"


def last_opened_id(data_dir: Path) -> str | None:
    value = _read_index(data_dir).get("last_opened")
    return str(value) if value else None


def record(data_dir: Path, summary: CaseSummary, *, opened: bool) -> None:
    """Add or update a case in the index; ``opened`` makes it the default case."""
    with _lock:
        data = _read_index(data_dir)
        data["cases"][summary.id] = {
            "name": summary.name,
            "created": summary.created.isoformat(),
            "last_opened": summary.last_opened.isoformat() if summary.last_opened else None,
            "protection": summary.protection,
        }
        if opened:
            data["last_opened"] = summary.id
        # An index that cannot be written costs only the default choice, never the case.
        with contextlib.suppress(OSError):
            _write_index(data_dir, data)


def find(data_dir: Path, name: str | None) -> CaseSummary:
    """The case named, or the default (last opened) one; CaseNotFound says which is missing."""
    cases = list_cases(data_dir)
    if not cases:
        raise CaseNotFound(
            "事案がまだありません。先に事案を作成してください。",
            "There is no case yet. Please create one first.",
        )
    if name is None:
        last = last_opened_id(data_dir)
        return next((s for s in cases if s.id == last), cases[0])
    for summary in cases:  # most recently opened first
        if summary.name == name.strip():
            return summary
    raise CaseNotFound(f"「{name}」という事案はありません。", f"There is no case named “{name}”.")
