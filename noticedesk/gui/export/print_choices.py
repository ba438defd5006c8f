"""What staff chose for printing last time: the print files on export, the kinds to print.

Kept in the window's settings file (the same INI, under keys of its own) so the choice is
there again the next day. QSettings objects on one file in one process share its contents,
so this sits beside ``WindowSettings`` without changing it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from noticedesk.core.documents.kinds import DOCUMENT_KINDS
from noticedesk.gui.common.settings import WindowSettings


class PrintChoices:
    def __init__(self, settings: WindowSettings) -> None:
        self._qs = QSettings(str(settings.path), QSettings.Format.IniFormat)

    def print_files(self) -> bool:
        """Whether the export also writes the print files (off until ticked once)."""
        return str(self._qs.value("export/print_files", "false")).lower() == "true"

    def set_print_files(self, on: bool) -> None:
        self._qs.setValue("export/print_files", "true" if on else "false")
        self._qs.sync()

    def file_format(self) -> str:
        """The export's file format chosen last (``export.dialog``: docx, docx+pdf, pdf)."""
        return str(self._qs.value("export/file_format", "docx"))

    def set_file_format(self, value: str) -> None:
        self._qs.setValue("export/file_format", value)
        self._qs.sync()

    def print_kinds(self) -> list[str] | None:
        """The kinds chosen last for printing several clients; None when never chosen."""
        value = self._qs.value("print/kinds")
        if value is None or value == "":
            return None
        values = value if isinstance(value, (list, tuple)) else [value]
        kinds = [k for k in DOCUMENT_KINDS if k in {str(v) for v in values}]
        return kinds or None

    def set_print_kinds(self, kinds: list[str]) -> None:
        self._qs.setValue("print/kinds", [k for k in DOCUMENT_KINDS if k in kinds])
        self._qs.sync()
