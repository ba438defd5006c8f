"""The window's own settings: an INI file in the data folder, with a version number.

Kept in the data folder (not the registry) so a portable copy on a USB stick carries them and
tests stay isolated through NOTICEDESK_DATA_DIR. ``upgrade()`` moves older files forward one
version at a time, as keys get renamed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
FILE_NAME = "settings.ini"
MAX_RECENT = 8
LANGUAGES = ("ja", "en")
PREVIEW_ZOOMS = ("fit", "actual")  # fit the page to the panel's width, or 100 %


class WindowSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.upgrade()

    def upgrade(self) -> None:
        version = _int(self._qs.value("version", 0))
        if version > SETTINGS_VERSION:
            return  # written by a newer NoticeDesk: read what we know, change nothing
        # version 0 → 1: nothing to move (first version); later steps go here in order.
        if version < SETTINGS_VERSION:
            self._qs.setValue("version", SETTINGS_VERSION)

    def sync(self) -> None:
        self._qs.sync()

    # -- language ----------------------------------------------------------------------------
    def language(self) -> str | None:
        value = str(self._qs.value("ui/language", "") or "")
        return value if value in LANGUAGES else None

    def set_language(self, language: str | None) -> None:
        self._qs.setValue("ui/language", language or "")

    # -- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, state: QByteArray) -> None:
        self._qs.setValue("window/state", state)

    def column_widths(self) -> list[int]:
        value = self._qs.value("table/column_widths", [])
        return [_int(v) for v in _as_list(value) if _int(v) > 0]

    def set_column_widths(self, widths: list[int]) -> None:
        self._qs.setValue("table/column_widths", [str(w) for w in widths])

    # -- document preview (its dock's place and visibility are in the window state) ------------
    def preview_zoom(self) -> str:
        value = str(self._qs.value("preview/zoom", "") or "")
        return value if value in PREVIEW_ZOOMS else PREVIEW_ZOOMS[0]

    def set_preview_zoom(self, zoom: str) -> None:
        self._qs.setValue("preview/zoom", zoom if zoom in PREVIEW_ZOOMS else PREVIEW_ZOOMS[0])

    # -- the office's own templates (None: the standard ones) ----------------------------------
    def templates_dir(self) -> Path | None:
        value = str(self._qs.value("documents/templates_dir", "") or "")
        return Path(value) if value else None

    def set_templates_dir(self, folder: Path | None) -> None:
        self._qs.setValue("documents/templates_dir", str(folder) if folder is not None else "")

    # -- files and cases -------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        return [Path(str(v)) for v in _as_list(self._qs.value("files/recent", [])) if v]

    def add_recent_file(self, path: Path) -> list[Path]:
        path = Path(path).resolve()
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        recent = recent[:MAX_RECENT]
        self._qs.setValue("files/recent", [str(p) for p in recent])
        return recent

    def remove_recent_file(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != Path(path)]
        self._qs.setValue("files/recent", [str(p) for p in recent])

    def last_folder(self, purpose: str) -> Path | None:
        """The folder last chosen for ``purpose`` ("export", "audit"), to start there again."""
        value = str(self._qs.value(f"folders/{purpose}", "") or "")
        return Path(value) if value else None

    def set_last_folder(self, purpose: str, path: Path) -> None:
        self._qs.setValue(f"folders/{purpose}", str(path))

    def last_case(self) -> str | None:
        value = str(self._qs.value("case/last", "") or "")
        return value or None

    def set_last_case(self, name: str) -> None:
        self._qs.setValue("case/last", name)


def _as_list(value: Any) -> list[Any]:
    # An INI list of one element reads back as a bare string.
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
