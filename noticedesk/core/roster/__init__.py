"""Reading the office's client list (顧問先一覧) from CSV or a workbook into a Roster.

``import_roster(path, encoding=None)`` is the one entry point; it raises RosterError for a file
that is not a roster at all and reports every row-level problem as an Issue.
"""

from __future__ import annotations

from noticedesk.core.roster.importer import import_roster
from noticedesk.core.roster.reading import SUPPORTED_SUFFIXES

__all__ = ["SUPPORTED_SUFFIXES", "import_roster"]
