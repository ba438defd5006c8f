"""Deciding which column of a client list holds which field, before it is imported.

On the worker the file is read into a table (``read_table``) and its header looked at
(``read_columns``): a mapping the office chose before for this header layout is used as it is
(``core.column_mappings``); a header NoticeDesk is sure of is read as it is; otherwise the table
comes back to the GUI thread and ``ColumnStep`` asks (``ColumnMappingDialog``, non-blocking).
The answer goes back to the worker (``import_with``), which remembers it for the layout, reads
the clients and imports them. The file is read once whichever way it goes.

Nothing here touches a widget off the GUI thread: ``read_columns`` and ``import_with`` are plain
functions over the core, run by the state's runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from noticedesk.core.case import ImportDiff
from noticedesk.core.clients import Roster
from noticedesk.core.column_mappings import remember_mapping, remembered_mapping
from noticedesk.core.roster import ColumnMapping, RosterTable
from noticedesk.gui.dialogs.column_mapping import ColumnMappingDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession


@dataclass(frozen=True)
class Imported:
    """A list read, and imported into the open case if there was one."""

    roster: Roster
    diff: ImportDiff | None  # None: no case was open, the list waits for one
    remembered: bool = False  # read with the mapping remembered for its header layout
    not_remembered: str = ""  # why a mapping just chosen could not be kept ("" when it was)


@dataclass(frozen=True)
class ColumnsToAsk:
    """The list's columns are not sure enough to read without asking."""

    table: RosterTable


def read_columns(
    table: RosterTable, session: CaseSession | None, data_dir: Path
) -> Imported | ColumnsToAsk:
    """On the worker: the list read and imported, or the question to ask first."""
    layout = table.layout
    remembered = remembered_mapping(data_dir, layout.key) if layout.key else None
    if remembered is None and layout.needs_asking:
        return ColumnsToAsk(table)
    roster = table.roster(remembered)
    diff = session.import_roster(roster) if session is not None else None
    return Imported(roster, diff, remembered=remembered is not None)


def import_with(
    table: RosterTable, mapping: ColumnMapping, session: CaseSession | None, data_dir: Path
) -> Imported:
    """On the worker: remember ``mapping`` for the list's header layout, read, import."""
    try:
        remember_mapping(data_dir, table.layout.key, mapping)
        not_remembered = ""
    except OSError as exc:  # a read-only data folder: the import still goes ahead
        not_remembered = exc.strerror or str(exc)
    roster = table.roster(mapping)
    diff = session.import_roster(roster) if session is not None else None
    return Imported(roster, diff, not_remembered=not_remembered)


class ColumnStep(QObject):
    """Asks which column is which; ``dialog`` is the question open now (tests answer it)."""

    def __init__(self, host: WindowHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.dialog: ColumnMappingDialog | None = None

    def ask(
        self,
        table: RosterTable,
        then: Callable[[ColumnMapping], None],
        cancelled: Callable[[], None],
    ) -> None:
        dialog = ColumnMappingDialog(table.layout, self.host.window())
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == ColumnMappingDialog.DialogCode.Accepted:
                then(dialog.mapping())
            else:
                cancelled()

        dialog.finished.connect(done)
        dialog.open()
