"""Which column holds which field: the automatic proposal, how sure it is, and a mapping applied.

``ColumnLayout`` is what the window's column step shows and the command line's hint words: the
header row, every column's name, the first rows below it, the field each column seems to hold
and how sure that is, and the key its header layout is remembered by. ``match_mapping`` finds
the header row a ``ColumnMapping`` names and reads the columns as it says.

Decisions:
- **Sure** is a header that is one of the field's known names (``headers.ALIASES``), one column
  per field. **Unsure**, and so asked in the window: no client-name column among the known
  names; a field found only by a guess (個別報告する, 顧問先No, 住所1); two columns with known
  names for one field (電話番号 and TEL). A missing address or phone column alone is not asked
  about: the importer's warning says it, and nothing in the list could be pointed at instead.
- The header row shown is the one the automatic import reads; in a list where no row names a
  client column, the row with the most known or guessed headers, else the first of the fullest
  rows near the top (a title above has one cell, the header many).
- A layout is remembered by a key over its normalised header row (``header_key`` of each cell,
  trailing empty cells dropped, SHA-256): the same list saved again next month, as CSV or as
  Excel, with ＴＥＬ or TEL, finds the same mapping; a column added or moved makes a new layout.
- A column is **not used** when no field takes it: it is kept with the client (an office's own
  template may print it as ``client.extra["備考"]``), but nothing NoticeDesk writes prints it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from noticedesk.core.roster.headers import (
    FIELDS,
    SCAN_ROWS,
    HeaderMatch,
    candidate_rows,
    column_names,
    field_for,
    guess_field,
    header_key,
    match_row,
    with_extras,
)
from noticedesk.core.roster.mapping import ColumnMapping, MappingError, same_header

PREVIEW_ROWS = 5


class Certainty(StrEnum):
    EXACT = "exact"  # the header is one of the field's known names
    GUESS = "guess"  # the header only looks like one


@dataclass(frozen=True, slots=True)
class FieldMatch:
    column: int  # 0-based column index
    header: str  # the column's name (``column_names``)
    certainty: Certainty


@dataclass(frozen=True)
class ColumnLayout:
    """A list's header row as NoticeDesk reads it, before anyone has said what it means."""

    file_name: str
    sheet: str | None
    header_row: int  # 1-based, as Excel shows it; 0 when the table is empty
    headers: tuple[str, ...]  # every column's name; "" for an empty column without a header
    preview: tuple[tuple[str, ...], ...]  # the first rows below the header, cells trimmed
    preview_rows: tuple[int, ...] = ()  # their row numbers, as Excel shows them
    matches: Mapping[str, FieldMatch] = field(default_factory=dict)  # the proposal per field
    doubled: tuple[str, ...] = ()  # fields two columns have a known name for
    key: str = ""

    @property
    def columns(self) -> list[int]:
        """The columns worth naming: those with a header or with content."""
        return [i for i, name in enumerate(self.headers) if name]

    @property
    def guessed(self) -> list[str]:
        """Fields found only by a guess, in field order."""
        return [
            f for f in FIELDS if f in self.matches and self.matches[f].certainty is Certainty.GUESS
        ]

    @property
    def name_found(self) -> bool:
        match = self.matches.get("name")
        return match is not None and match.certainty is Certainty.EXACT

    @property
    def needs_asking(self) -> bool:
        """Whether the automatic reading is unsure enough that the user should say."""
        return bool(self.headers) and (
            not self.name_found or bool(self.guessed) or bool(self.doubled)
        )

    def proposal(self) -> ColumnMapping:
        """Every field with the column proposed for it ("" for none): what the step starts at."""
        return ColumnMapping(
            {f: (self.matches[f].header if f in self.matches else "") for f in FIELDS}
        )

    def unused(self, mapping: ColumnMapping | None) -> list[str]:
        """The columns no field takes under ``mapping`` (None: the automatic reading)."""
        try:
            taken = set(resolve_fields(list(self.headers), mapping or ColumnMapping()).values())
        except MappingError:
            taken = set()
        return [self.headers[i] for i in self.columns if i not in taken]


def layout_key(cells: list[str]) -> str:
    """The key a header layout is remembered by (see the module's decisions)."""
    keys = [header_key(c) for c in cells]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()[:32]


def layout_of(frame: pd.DataFrame, file_name: str, sheet: str | None = None) -> ColumnLayout:
    row, cells = _layout_row(frame)
    if row is None:
        return ColumnLayout(file_name, sheet, 0, (), ())
    below = frame.iloc[row + 1 :]
    names = column_names(cells, below)
    matches, doubled = _proposal(cells, names)
    numbers, preview = _preview(below, len(names))
    return ColumnLayout(
        file_name=file_name,
        sheet=sheet,
        header_row=row + 1,
        headers=tuple(names),
        preview=preview,
        preview_rows=numbers,
        matches=matches,
        doubled=tuple(doubled),
        key=layout_key(cells),
    )


def _layout_row(frame: pd.DataFrame) -> tuple[int | None, list[str]]:
    candidates = candidate_rows(frame)
    best: tuple[int, list[str]] | None = None
    best_score = 0
    for row, cells in candidates:  # the automatic import's choice, where there is one
        match = match_row(cells)
        if match is not None and match.score > best_score:
            best, best_score = (row, cells), match.score
    if best is not None:
        return best
    for row, cells in candidates:
        score = sum(1 for c in cells if c.strip() and (field_for(c) or guess_field(c)))
        if score > best_score:
            best, best_score = (row, cells), score
    if best is not None:
        return best
    for row, cells in candidates[: min(SCAN_ROWS, len(frame))]:  # single rows only
        score = sum(1 for c in cells if c.strip())
        if score > best_score:
            best, best_score = (row, cells), score
    return best if best is not None else (None, [])


def _proposal(cells: list[str], names: list[str]) -> tuple[dict[str, FieldMatch], list[str]]:
    matches: dict[str, FieldMatch] = {}
    doubled: list[str] = []
    guesses: list[tuple[int, str]] = []
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        name = field_for(cell)
        if name is None:
            guess = guess_field(cell)
            if guess is not None:
                guesses.append((index, guess))
        elif name in matches:
            if name not in doubled:
                doubled.append(name)
        else:
            matches[name] = FieldMatch(index, names[index], Certainty.EXACT)
    for index, guess in guesses:
        if guess not in matches:
            matches[guess] = FieldMatch(index, names[index], Certainty.GUESS)
    return matches, [f for f in FIELDS if f in doubled]


def _preview(
    below: pd.DataFrame, width: int
) -> tuple[tuple[int, ...], tuple[tuple[str, ...], ...]]:
    """The first non-blank rows below the header: their Excel row numbers, and their cells."""
    numbers: list[int] = []
    rows: list[tuple[str, ...]] = []
    for index, *values in below.itertuples(index=True):
        cells = tuple(str(v).strip() for v in values[:width])
        if any(cells):
            numbers.append(int(index) + 1)
            rows.append(cells + ("",) * (width - len(cells)))
        if len(rows) == PREVIEW_ROWS:
            break
    return tuple(numbers), tuple(rows)


# --- a mapping applied ----------------------------------------------------------------------


def resolve_fields(names: list[str], mapping: ColumnMapping) -> dict[str, int]:
    """Field → column index for a header row whose columns are called ``names``.

    The fields the mapping names take the columns it names (MappingError listing the headers
    it names that are not there); the others are read as without a mapping, from the columns
    left, the leftmost known name winning.
    """
    fields: dict[str, int] = {}
    missing: list[str] = []
    for name, header in mapping.columns.items():
        if not header:
            continue
        index = _column_named(names, header)
        if index is None:
            missing.append(header)
        else:
            fields[name] = index
    if missing:
        raise _NotInRow(missing)
    taken = set(fields.values())
    for index, cell in enumerate(names):
        known = field_for(cell) if cell and index not in taken else None
        if known is not None and known not in fields and known not in mapping.columns:
            fields[known] = index
            taken.add(index)
    return fields


class _NotInRow(MappingError):
    def __init__(self, missing: list[str]) -> None:
        super().__init__("、".join(missing))
        self.missing = missing


def _column_named(names: list[str], header: str) -> int | None:
    for index, name in enumerate(names):
        if name and name == header.strip():
            return index
    for index, name in enumerate(names):
        if name and same_header(header, name):
            return index
    return None


def match_mapping(frame: pd.DataFrame, mapping: ColumnMapping, file_name: str) -> HeaderMatch:
    """The header row holding every header ``mapping`` names, read as it says.

    MappingError when no row near the top holds them all (naming those missing and the
    headers there are), or when no column is left for the client's name.
    """
    if "name" in mapping.columns and not mapping.columns["name"]:
        raise MappingError(
            "事業所名の列は省けません。顧問先の名前が書かれた列を指定してください。",
            "The client name cannot be left out: name the column that holds it.",
        )
    closest: list[str] | None = None  # the fewest headers missing from one row
    best: tuple[tuple[bool, int], int, list[str], dict[str, int]] | None = None
    for row, cells in candidate_rows(frame):
        try:
            fields = resolve_fields(column_names(cells, None), mapping)
        except _NotInRow as exc:
            if closest is None or len(exc.missing) < len(closest):
                closest = exc.missing
            continue
        # As without a mapping: the row that reads the most, a client name first; the earliest
        # on a tie (a title line above never wins).
        score = ("name" in fields, len(fields))
        if best is None or score > best[0]:
            best = (score, row, cells, fields)
    if best is not None:
        _score, row, cells, fields = best
        if "name" not in fields:
            raise MappingError(
                f"「{file_name}」の見出し（{row + 1} 行目）に事業所名の列が見つかりません。"
                "name=（事業所名の見出し）のように、顧問先の名前の列を指定してください。",
                f"No client-name column was found in the header (row {row + 1}) of "
                f"“{file_name}”; name it, as in name=HEADER.",
            )
        headers = {i: c.strip() for i, c in enumerate(cells)}
        return with_extras(HeaderMatch(row=row, fields=fields, headers=headers), frame)
    missing = closest if closest is not None else mapping.headers()
    layout = layout_of(frame, file_name)
    there = [layout.headers[i] for i in layout.columns]
    raise MappingError(
        f"「{file_name}」に見出し「{'」「'.join(missing)}」が見つかりません。"
        f"見出しの行（{layout.header_row} 行目）にあるのは: {'、'.join(there) or '（なし）'}",
        f"“{file_name}” has no header {', '.join(missing)}. "
        f"The header row (row {layout.header_row}) has: {', '.join(there) or '(none)'}",
    )
