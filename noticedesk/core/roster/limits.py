"""The roster's limits (``noticedesk.core.input_limits``) checked on text and on read tables.

CSV text is checked before it is split into cells: the number of rows (physical lines first,
counting the records exactly only when the lines alone exceed the limit), the longest line,
and the number of columns near the top. While the table is built, every row wider than the
limit stops it; after it, the cells are measured (only when a line is long enough, or quoting
lets a cell span lines). A workbook's sheet is checked before it is read (``containers``) and
its table again after, as a guard that holds for every reading engine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from noticedesk.core.clients import RosterError
from noticedesk.core.input_limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    MAX_ROWS,
)
from noticedesk.core.roster.headers import column_letter


@dataclass(frozen=True, slots=True)
class TextShape:
    """What the text checks learned, so that the table check can skip what cannot fail."""

    longest_line: int
    quoted: bool

    @property
    def cells_may_be_long(self) -> bool:
        return self.longest_line > MAX_CELL_CHARS or self.quoted


def check_text(text: str, name: str, delimiter: str) -> TextShape:
    """Rows and line length of decoded CSV text, before it is parsed."""
    # Only CR and LF end a CSV line (str.splitlines would also split at U+2028, FF, …).
    unified = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    lengths = list(map(len, unified.split("\n")))
    del unified
    longest = max(lengths)
    line = lengths.index(longest) + 1
    count = len(lengths) - (lengths[-1] == 0)  # a final line break ends the last row
    if longest > MAX_LINE_CHARS:
        raise RosterError(
            f"「{name}」の {line:,} 行目は {longest:,} 文字あり、1 行の長さの上限"
            f"（{MAX_LINE_CHARS:,} 文字 = {MAX_COLUMNS} 列 × {MAX_CELL_CHARS:,} 文字）を超えています。",
            f"Line {line:,} of “{name}” has {longest:,} characters, over the limit of "
            f"{MAX_LINE_CHARS:,} characters per line ({MAX_COLUMNS} columns × {MAX_CELL_CHARS:,}).",
        )
    if count > MAX_ROWS and _records_over_limit(text, name, delimiter):
        raise too_many_rows(name)
    return TextShape(longest_line=longest, quoted='"' in text)


def _records_over_limit(text: str, name: str, delimiter: str) -> bool:
    """Quoted cells can span lines: count records, stopping one past the limit."""
    rows = csv_rows(text, name, delimiter)
    return any(count > MAX_ROWS for count, _ in enumerate(rows, start=1))


def csv_rows(text: str, name: str, delimiter: str) -> Iterator[list[str]]:
    """The csv module's rows, each checked against the column limit as it is read.

    ``newline=""`` lets the reader end lines at CR, LF or CRLF alike (old Mac Excel writes CR
    alone) while keeping line breaks inside quoted cells.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise too_many_columns(name, reader.line_num, len(row))
            yield row
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise RosterError(
                f"「{name}」の {reader.line_num:,} 行目付近に、1 つのセルの上限"
                f"（{MAX_CELL_CHARS:,} 文字）を超えるセルがあります。",
                f"Near line {reader.line_num:,} of “{name}” a cell is longer than the limit of "
                f"{MAX_CELL_CHARS:,} characters.",
            ) from None
        raise RosterError(
            f"「{name}」の {reader.line_num:,} 行目を CSV として読めません（{exc}）。",
            f"Line {reader.line_num:,} of “{name}” cannot be read as CSV ({exc}).",
        ) from None


def check_table(
    frame: pd.DataFrame, name: str, *, cells: bool = True, sheet: str | None = None
) -> None:
    """Rows, columns and (unless ``cells`` is False) the longest cell of a read table."""
    rows, columns = frame.shape
    where, where_en = _where(name, sheet)
    if rows > MAX_ROWS:
        raise too_many_rows(name, sheet)
    if columns > MAX_COLUMNS:
        raise RosterError(
            f"{where}は {columns:,} 列あり、列数の上限（{MAX_COLUMNS} 列）を超えています。",
            f"{_capital(where_en)} has {columns:,} columns, over the limit of {MAX_COLUMNS}.",
        )
    if not cells or not rows:
        return
    for index in frame.columns:
        lengths = frame[index].str.len()
        longest = lengths.max()
        if pd.notna(longest) and int(longest) > MAX_CELL_CHARS:
            row = int(lengths.fillna(-1).to_numpy().argmax()) + 1
            cell = f"{column_letter(int(index))}{row}"
            raise RosterError(
                f"{where}のセル {cell} は {int(longest):,} 文字あり、1 つのセルの上限"
                f"（{MAX_CELL_CHARS:,} 文字）を超えています。",
                f"Cell {cell} in {where_en} has {int(longest):,} characters, over the limit of "
                f"{MAX_CELL_CHARS:,} characters per cell.",
            )


def _where(name: str, sheet: str | None) -> tuple[str, str]:
    if sheet:
        return f"「{name}」のシート「{sheet}」", f"sheet “{sheet}” of “{name}”"
    return f"「{name}」", f"“{name}”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def too_many_rows(name: str, sheet: str | None = None) -> RosterError:
    where, where_en = _where(name, sheet)
    return RosterError(
        f"{where}は {MAX_ROWS:,} 行を超えています。読み込めるのは、見出しやタイトルの行を含めて"
        f" {MAX_ROWS:,} 行までです。",
        f"{_capital(where_en)} has more than {MAX_ROWS:,} rows; a roster can have at most {MAX_ROWS:,} rows, "
        "header and title rows included.",
    )


def too_many_columns(name: str, row: int, columns: int) -> RosterError:
    return RosterError(
        f"「{name}」の {row:,} 行目は {columns:,} 列あり、列数の上限（{MAX_COLUMNS} 列）を超えています。",
        f"Row {row:,} of “{name}” has {columns:,} columns, over the limit of {MAX_COLUMNS}.",
    )


def beyond_used_range(name: str, sheet: str, cell: str) -> RosterError:
    """A sheet's used range reaches beyond the rows × columns a roster may use."""
    return RosterError(
        f"「{name}」のシート「{sheet}」は使用範囲がセル {cell} まであり、読み込める範囲"
        f"（{MAX_ROWS:,} 行 × {MAX_COLUMNS} 列）を超えています。不要な行や列を削除して保存し直してください。",
        f"The used range of sheet “{sheet}” of “{name}” reaches cell {cell}, beyond the "
        f"{MAX_ROWS:,} rows × {MAX_COLUMNS} columns a roster may use; delete the rows or columns "
        "not needed and save again.",
    )


def workbook_too_large(name: str, cells: int) -> RosterError:
    """All sheets together, as the reader holds them at once."""
    return RosterError(
        f"「{name}」はシートを合わせて {cells:,} セルの範囲があり、ブック全体の上限"
        f"（{MAX_CELLS:,} セル = {MAX_ROWS:,} 行 × {MAX_COLUMNS} 列）を超えています。",
        f"The sheets of “{name}” span {cells:,} cells together, over the limit of {MAX_CELLS:,} "
        f"cells for a workbook ({MAX_ROWS:,} rows × {MAX_COLUMNS} columns).",
    )


def too_many_strings(name: str, count: int) -> RosterError:
    """A workbook's table of shared strings, which the reader loads whole when it opens."""
    return RosterError(
        f"「{name}」には文字列が {count:,} 個登録されており、ブックの上限（{MAX_CELLS:,} 個 = "
        f"{MAX_ROWS:,} 行 × {MAX_COLUMNS} 列）を超えています。",
        f"“{name}” lists {count:,} shared strings, over the limit of {MAX_CELLS:,} for a workbook "
        f"({MAX_ROWS:,} rows × {MAX_COLUMNS} columns).",
    )
