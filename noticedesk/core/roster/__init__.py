"""Reading the office's client list (顧問先一覧) from CSV or a workbook into a Roster.

``import_roster(path, encoding=None, columns=None)`` is the one entry point; it raises
RosterError for a file that is not a roster at all and reports every row-level problem as an
Issue. ``columns``, a ``ColumnMapping``, says which column holds which field where the header
names are not NoticeDesk's own. ``read_table`` reads a file without deciding its columns yet:
its ``layout`` shows them, with the automatic proposal and how sure it is (``ColumnLayout``), and
its ``roster(columns)`` reads the clients.
"""

from __future__ import annotations

from noticedesk.core.roster.importer import RosterTable, import_roster, read_table
from noticedesk.core.roster.layout import Certainty, ColumnLayout, FieldMatch
from noticedesk.core.roster.mapping import ColumnMapping, MappingError
from noticedesk.core.roster.reading import SUPPORTED_SUFFIXES

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Certainty",
    "ColumnLayout",
    "ColumnMapping",
    "FieldMatch",
    "MappingError",
    "RosterTable",
    "import_roster",
    "read_table",
]
