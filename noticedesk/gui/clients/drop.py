"""Which dropped files are rosters: the paths out of a drag from Explorer, nothing more.

Kept free of widgets so it is tested with a bare QMimeData; the window only decides whether to
accept the drag and hands the path to the importer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData

from noticedesk.core.roster import SUPPORTED_SUFFIXES

# What the importer reads: a drag of anything else is refused before a byte is read.
ROSTER_SUFFIXES: tuple[str, ...] = tuple(s.lower() for s in SUPPORTED_SUFFIXES)


def local_paths(mime: QMimeData) -> list[Path]:
    """Local files named by the drag, in order; URLs that are not files are left out."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def roster_paths(mime: QMimeData, suffixes: Iterable[str] = ROSTER_SUFFIXES) -> list[Path]:
    """Dropped files the importer can read, judged by their suffix (case ignored)."""
    wanted = {s.lower() for s in suffixes}
    return [p for p in local_paths(mime) if p.suffix.lower() in wanted]


def first_roster(mime: QMimeData) -> Path | None:
    """The roster to import when several files are dropped: the first one that fits."""
    paths = roster_paths(mime)
    return paths[0] if paths else None
