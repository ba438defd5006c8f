"""Which column holds which field, for every command that reads a roster file.

``--columns code=顧問先No,name=会社名`` and ``--columns-file mapping.toml`` say it (the option
wins over the file for a field both name). Without either, a mapping the office chose in the
window for the same header layout is used, and the command says so; otherwise the header names
NoticeDesk knows. An unknown field, or a header the file does not have, is a sentence
(``MappingError``, a ``RosterError``: exit 2).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from noticedesk.core.display_text import terminal_text
from noticedesk.core.paths import data_dir

if TYPE_CHECKING:  # the roster reader loads pandas: only when a file is read
    from noticedesk.core.clients import Roster
    from noticedesk.core.roster import ColumnLayout, ColumnMapping

FILE_NAME = "column_mappings.toml"  # noticedesk.core.column_mappings.FILE_NAME, said to the user
Origin = Literal["given", "remembered", "automatic"]


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--columns",
        metavar="FIELD=HEADER,…",
        help="どの列がどの項目かを指定する（例: code=顧問先No,name=会社名）"
        " / which column holds which field",
    )
    parser.add_argument(
        "--columns-file",
        metavar="FILE",
        help="列の対応を書いたファイル (TOML) / a column mapping file (TOML)",
    )


def given_mapping(args: argparse.Namespace) -> ColumnMapping | None:
    """The mapping the options give, or None (MappingError for one that cannot be used)."""
    from noticedesk.core.roster import ColumnMapping

    mapping = ColumnMapping()
    if getattr(args, "columns_file", None):
        mapping = ColumnMapping.load(Path(args.columns_file))
    if getattr(args, "columns", None):
        mapping = mapping.with_overrides(ColumnMapping.parse(args.columns))
    return mapping or None


@dataclass(frozen=True)
class ReadRoster:
    roster: Roster
    layout: ColumnLayout
    origin: Origin


def read_roster(args: argparse.Namespace, path: Path, encoding: str | None) -> ReadRoster:
    """Read ``path`` with the mapping the options give, else the one remembered for its
    header layout, else the known header names. RosterError when it cannot be used."""
    from noticedesk.core.column_mappings import remembered_mapping
    from noticedesk.core.roster import read_table

    given = given_mapping(args)
    table = read_table(path, encoding, given)
    if given is not None:
        return ReadRoster(table.roster(given), table.layout, "given")
    remembered = remembered_mapping(data_dir(getattr(args, "data_dir", None)), table.layout.key)
    if remembered is not None:
        return ReadRoster(table.roster(remembered), table.layout, "remembered")
    return ReadRoster(table.roster(None), table.layout, "automatic")


def remembered_note(language: str = "ja") -> str:
    if language.startswith("en"):
        return f"Columns: read as chosen before for lists with this header row ({FILE_NAME})."
    return f"列の対応: この見出しの一覧で前に選んだ対応を使いました（{FILE_NAME}）。"


def suggestion(read: ReadRoster) -> str | None:
    """``--columns …`` for the columns that looked like a field but were not read, or None."""
    from noticedesk.core.roster import ColumnMapping

    if read.origin != "automatic":
        return None
    unread = {i.column for i in read.roster.issues if i.code == "column_not_read"}
    proposal = read.layout.proposal().columns
    pairs = {f: h for f, h in proposal.items() if h and h in unread}
    if not pairs:
        return None
    return "--columns " + terminal_text(ColumnMapping(pairs).option_text())


def say_remembered(read: ReadRoster, language: str = "ja") -> None:
    """On stderr: a remembered mapping was used (the output on stdout stays the result)."""
    if read.origin == "remembered":
        print(remembered_note(language), file=sys.stderr)
