"""Column mappings remembered per header layout, in the data folder (``column_mappings.toml``).

When the office has said once which column of its list holds which field (the window's column
step), the next list with the same header row is read the same way without asking, in the
window and on the command line. The file is plain TOML the office can read, back up or delete:

    # NoticeDesk: 顧問先一覧の列の対応 (column mappings), one per header layout
    version = 1

    [layouts.62cda999e4fce735f2e69c97751345c7]
    saved = 2023-07-25

    [layouts.62cda999e4fce735f2e69c97751345c7.columns]
    name = "会社名"
    code = "顧問先No"
    individual = "個別報告する"
    email = ""
    …

Decisions:
- A layout is named by ``ColumnLayout.key``, a hash of its normalised header row; the file
  holds headers only, never a value from a row.
- Every field is written, "" for a field the list has no column for, so a remembered mapping
  reads the list exactly as the office chose, and not as the automatic match would.
- A file or an entry that cannot be read (edited by hand, from a newer version) counts as not
  remembered: the office is asked again, and the answer replaces what could not be read.
- Written atomically (``noticedesk.core.atomic``); at most ``MAX_LAYOUTS`` layouts are kept,
  the most recently saved.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from noticedesk.core import atomic
from noticedesk.core.input_limits import MAX_SETTINGS_BYTES, read_regular_file
from noticedesk.core.roster.mapping import ColumnMapping, MappingError

FILE_NAME = "column_mappings.toml"
VERSION = 1
MAX_LAYOUTS = 200
_HEADER = "# NoticeDesk: 顧問先一覧の列の対応 (column mappings), one per header layout\n"


def mappings_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def remembered_mapping(data_dir: Path, key: str) -> ColumnMapping | None:
    """The mapping remembered for the header layout ``key``, or None."""
    entry = _layouts(data_dir).get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("columns"), dict):
        return None
    columns = entry["columns"]
    if not all(isinstance(v, str) for v in columns.values()):
        return None
    try:
        return ColumnMapping({str(k): v for k, v in columns.items()})
    except MappingError:
        return None


def remember_mapping(
    data_dir: Path, key: str, mapping: ColumnMapping, today: dt.date | None = None
) -> None:
    """Keep ``mapping`` for the header layout ``key`` (replacing one kept for it before)."""
    layouts = {k: v for k, v in _layouts(data_dir).items() if k != key and isinstance(v, dict)}
    layouts[key] = {
        "saved": today or dt.date.today(),
        "columns": dict(mapping.columns),
    }
    newest = sorted(layouts.items(), key=lambda item: str(item[1].get("saved", "")))
    kept = dict(newest[-MAX_LAYOUTS:])
    body = tomli_w.dumps({"version": VERSION, "layouts": kept})
    path = mappings_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, _HEADER + body, overwrite=True)


def _layouts(data_dir: Path) -> dict[str, Any]:
    path = mappings_path(data_dir)
    if not path.exists():
        return {}
    try:
        raw = read_regular_file(
            path,
            max_bytes=MAX_SETTINGS_BYTES,
            error=MappingError,
            what=("列の対応の記録", "remembered column mappings"),
        )
        data = tomllib.loads(raw.decode("utf-8"))
    except (MappingError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    layouts = data.get("layouts")
    if data.get("version") != VERSION or not isinstance(layouts, dict):
        return {}
    return layouts
