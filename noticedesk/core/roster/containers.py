"""A workbook's container checked before any reader is given it.

python-calamine allocates a sheet's whole used range at once and aborts the process (Rust, no
Python exception) when that fails; its .xls and .ods readers parse every sheet when the file is
opened, and pandas then pads each sheet from A1. So the limits are checked here, on the file's
own structure, in the order the reader would meet it.

What is covered:

- **Zip (.xlsx, .xlsm, .ods).** The end record's count of parts, then every part: a method the
  readers share (stored or deflate), no encryption, no name twice, the declared sizes against
  the total and the ratio limits, then every part actually inflated by us with the output capped
  at its declared size (a part that inflates to more, or less, than it declares is damaged: the
  declared sizes are not trusted). Only the inflated bytes are scanned below. A zip holding an
  ``xl/workbook.bin`` (.xlsb, which the reader would choose by content) is refused: its binary
  sheets are not checked.
- **.xlsx sheets**, just before each is read: the cells that hold a value (``<c>`` that is not
  empty), at the position the reader gives them (their ``r``, or counted on from the previous
  cell and row when ``r`` is absent). The ``<dimension ref>`` is not used either way: the reader
  caps what it reserves from it (a sheet claiming A1:XFD1048576 with four cells reads in
  milliseconds), and Excel counts formatted empty cells in it, which are never read. The shared
  strings are counted, as the reader loads them all when the workbook opens.
- **.ods**: every table of ``content.xml`` as the reader expands it: rows and cells repeated by
  ``number-rows-repeated`` / ``number-columns-repeated`` up to the last cell holding a value, the
  cells the reader keeps while parsing, and the text it builds (a repeated cell's text counted
  each time, ``<text:s text:c>`` spaces included). An unusual nesting of tables, rows and cells
  is refused rather than guessed at.
- **.xls** (OLE2 compound file): the header's sector counts and every directory entry's size
  against the file's size (the reader reserves memory by them), then the ``Workbook`` (else
  ``Book``) stream's BIFF records: the shared-string count, and per sheet the DIMENSIONS record
  (reserved at once, so its area is held to the row × column limit) and the row and column of
  every value record, with sheets that overlap refused.

Not covered: the pure-Python fallback reader (openpyxl), used only when calamine cannot open
an .xlsx, gets the same checked input but has its own memory costs; formula text
and styles are read by the reader within the unpacked-size limit only.
"""

from __future__ import annotations

import array
import html
import io
import itertools
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from noticedesk.core.clients import RosterError
from noticedesk.core.input_limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECKED_FROM_BYTES,
    size_text,
    size_text_en,
)
from noticedesk.core.roster.headers import column_letter
from noticedesk.core.roster.limits import beyond_used_range, too_many_strings, workbook_too_large

_CHUNK = 1024 * 1024


@dataclass
class WorkbookGuard:
    """The checks that wait for a sheet to be chosen (.xlsx); .ods and .xls are checked whole."""

    name: str
    members: dict[str, bytes] = field(default_factory=dict)
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> part name
    _checked: set[str] = field(default_factory=set)

    def check_sheet(self, sheet: str) -> None:
        """Refuse ``sheet`` if reading it would hold a value outside the used-range limit."""
        if not self.members:
            return
        part = self.sheet_parts.get(sheet)
        # A sheet whose part cannot be told is judged by every sheet in the workbook.
        parts = [part] if part in self.members else _worksheet_parts(self.members)
        for name in parts:
            if name in self._checked:
                continue
            far = far_xlsx_cell(self.members[name], self.name)
            if far is not None:
                raise beyond_used_range(self.name, sheet, far)
            self._checked.add(name)


def inspect_workbook(data: bytes, name: str, file_format: str) -> WorkbookGuard:
    """Check a workbook's container; the guard checks each .xlsx sheet before it is read."""
    if file_format == "xls":
        check_xls(data, name)
        return WorkbookGuard(name)
    members = unpack_zip(data, name)
    lower = {part.lower(): part for part in members}
    if "xl/workbook.bin" in lower:
        raise unusual(name, "xl/workbook.bin (.xlsb)", "xl/workbook.bin (.xlsb)")
    guard = WorkbookGuard(name)
    if "content.xml" in lower:
        check_ods(members[lower["content.xml"]], name)
    if "xl/workbook.xml" in lower:
        strings = _shared_string_count(members.get(lower.get("xl/sharedstrings.xml", ""), b""))
        if strings > MAX_CELLS:
            raise too_many_strings(name, strings)
        guard.sheet_parts = _sheet_parts(members, lower)
        mapped = set(guard.sheet_parts.values())
        # Only the worksheets are kept for their checks; the rest is let go at once.
        guard.members = {k: v for k, v in members.items() if k in mapped or b"sheetData" in v}
    return guard


# --- sentences -----------------------------------------------------------------------------


def unusual(name: str, detail_ja: str, detail_en: str) -> RosterError:
    return RosterError(
        f"「{name}」はふつうのブックと作りが異なり（{detail_ja}）、安全に読み込めるか確かめられません。"
        "Excel で開いて「Excel ブック (.xlsx)」として保存し直してください。",
        f"“{name}” is built unlike an ordinary workbook ({detail_en}), so it cannot be checked "
        "safely; open it in Excel and save it as an Excel workbook (.xlsx).",
    )


def damaged(name: str) -> RosterError:
    return RosterError(
        f"「{name}」は壊れているか、途中までしか保存されていません。Excel で開けるか確かめてください。",
        f"“{name}” is damaged or incomplete; check that Excel can open it.",
    )


def _unpacked_too_large(name: str, size: int) -> RosterError:
    return RosterError(
        f"「{name}」は展開すると {size_text(size)} 以上になり、ブックを展開した大きさの上限"
        f"（{size_text(MAX_UNCOMPRESSED_BYTES)}）を超えています。",
        f"“{name}” unpacks to {size_text_en(size)} or more, over the limit of "
        f"{size_text_en(MAX_UNCOMPRESSED_BYTES)} for an unpacked workbook.",
    )


# --- zip -----------------------------------------------------------------------------------


def unpack_zip(data: bytes, name: str) -> dict[str, bytes]:
    """Every part of a zip, inflated within the limits, by name."""
    declared = _end_record_entries(data)
    if declared is not None and declared > MAX_ZIP_MEMBERS:
        raise _too_many_parts(name, declared)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise damaged(name) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _too_many_parts(name, len(infos))
    names = [info.filename.lower() for info in infos]
    if len(set(names)) != len(names):
        raise unusual(name, "同じ名前の部品が複数", "a part name appears twice")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _unpacked_too_large(name, total)
    for info in infos:
        if info.flag_bits & 0x1:
            raise unusual(
                name, f"暗号化された部品 {info.filename}", f"encrypted part {info.filename}"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unusual(
                name,
                f"圧縮方式 {info.compress_type} の部品 {info.filename}",
                f"part {info.filename} uses compression method {info.compress_type}",
            )
        if (
            info.file_size > RATIO_CHECKED_FROM_BYTES
            and info.file_size > MAX_COMPRESSION_RATIO * max(1, info.compress_size)
        ):
            ratio = info.file_size // max(1, info.compress_size)
            raise RosterError(
                f"「{name}」の部品「{info.filename}」は {ratio:,} 倍に圧縮されており、圧縮率の上限"
                f"（{MAX_COMPRESSION_RATIO} 倍）を超えています（圧縮爆弾の疑いがあります）。",
                f"Part “{info.filename}” of “{name}” unpacks to {ratio:,} times its packed size, "
                f"over the limit of {MAX_COMPRESSION_RATIO} times (it looks like a zip bomb).",
            )
    return {info.filename: _inflate(data, info, name) for info in infos}


def _too_many_parts(name: str, count: int) -> RosterError:
    return RosterError(
        f"「{name}」は {count:,} 個の部品からなり、ブックの部品の数の上限（{MAX_ZIP_MEMBERS:,} 個）を超えています。",
        f"“{name}” is made of {count:,} parts, over the limit of {MAX_ZIP_MEMBERS:,} parts for a workbook.",
    )


def _end_record_entries(data: bytes) -> int | None:
    """The number of parts the zip's end record declares (ZIP64 included), read before parsing."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if at < 0 or at + 22 > len(data):
        return None
    entries = struct.unpack_from("<H", data, at + 10)[0]
    locator = at - 20
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        offset = struct.unpack_from("<Q", data, locator + 8)[0]
        if offset + 56 <= len(data) and data[offset : offset + 4] == b"PK\x06\x06":
            entries = max(entries, struct.unpack_from("<Q", data, offset + 32)[0])
    return int(entries)


def _inflate(data: bytes, info: zipfile.ZipInfo, name: str) -> bytes:
    """A part's real bytes, never more than it declares (a part that lies is damaged)."""
    start = info.header_offset
    if data[start : start + 4] != b"PK\x03\x04" or start + 30 > len(data):
        raise damaged(name)
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    begin = start + 30 + name_length + extra_length
    packed = data[begin : begin + info.compress_size]
    if len(packed) != info.compress_size:
        raise damaged(name)
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise damaged(name)
        return packed
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    pending = packed
    try:
        while True:
            chunk = inflater.decompress(pending, _CHUNK)
            size += len(chunk)
            if size > info.file_size:  # more than declared: stop here, it lies
                raise damaged(name)
            parts.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and not chunk):
                break
    except zlib.error:
        raise damaged(name) from None
    if not inflater.eof or size != info.file_size:
        raise damaged(name)
    return b"".join(parts)


# --- .xlsx ---------------------------------------------------------------------------------

# A tag's attributes, quote-aware: a ">" or "/>" inside a value does not end the tag, and each
# name=value is read from where the previous one ended, never from inside a value.
_NAME = rb"""[^\s=/>"'<]+"""
_ATTRIBUTES = rb"(?:\s+" + _NAME + rb"""\s*=\s*(?:"[^"]*"|'[^']*'))*"""
_ATTRIBUTE = re.compile(rb"(" + _NAME + rb""")\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _raw_attributes(attrs: bytes) -> dict[bytes, bytes]:
    """name -> value of a tag's attributes, as matched by ``_ATTRIBUTES``; a name given twice
    keeps its last value (the readers refuse such a tag)."""
    return {m[0]: m[1] or m[2] for m in _ATTRIBUTE.findall(attrs)} if attrs else {}


def _attributes(attrs: bytes) -> dict[bytes, str]:
    return {
        name: html.unescape(value.decode("utf-8", "replace"))
        for name, value in _raw_attributes(attrs).items()
    }


def _elements(xml: bytes, tag: bytes) -> list[dict[bytes, str]] | None:
    """The attributes of every ``tag`` element; None if one of them cannot be read."""
    loose = re.compile(rb"<(?:[\w.-]+:)?" + tag + rb"(?=[\s/>])")
    strict = re.compile(rb"<(?:[\w.-]+:)?" + tag + rb"(?=[\s/>])(" + _ATTRIBUTES + rb")\s*/?>")
    found = [_attributes(m.group(1)) for m in strict.finditer(xml)]
    return found if len(found) == len(loose.findall(xml)) else None


def _sheet_parts(members: dict[str, bytes], lower: dict[str, str]) -> dict[str, str]:
    """Sheet name -> part, found as the reader finds it: workbook.xml, then its relationships.

    Only what is unambiguous is mapped; a sheet left out is judged by every sheet's part.
    """
    workbook = members[lower["xl/workbook.xml"]]
    rels = members.get(lower.get("xl/_rels/workbook.xml.rels", ""), b"")
    relationships = _elements(rels, b"Relationship")
    sheets = _elements(workbook, b"sheet")
    if relationships is None or sheets is None:
        return {}
    targets: dict[str, str | None] = {}
    for attrs in relationships:
        if b"Id" in attrs and b"Target" in attrs:
            rid, target = attrs[b"Id"], attrs[b"Target"]
            targets[rid] = target if targets.get(rid, target) == target else None  # twice: unsure
    parts: dict[str, str] = {}
    for attrs in sheets:
        ids = {v for k, v in attrs.items() if k == b"id" or k.endswith(b":id")}
        found = targets.get(next(iter(ids))) if len(ids) == 1 else None
        name = attrs.get(b"name")
        if name is None or found is None:
            continue
        if found.startswith("/xl/"):
            path = found[1:]
        elif found.startswith("xl/"):
            path = found
        else:
            path = "xl/" + found
        if path.lower() in lower and name not in parts:
            parts[name] = lower[path.lower()]
    return parts


def _worksheet_parts(members: dict[str, bytes]) -> list[str]:
    return [name for name, data in members.items() if b"sheetData" in data]


def _shared_string_count(data: bytes) -> int:
    if data.count(b"si") <= MAX_CELLS:  # an upper bound, read in one pass
        return 0
    return len(re.findall(rb"<(?:[\w.-]+:)?si[\s/>]", data))


def _above(limit: int) -> bytes:
    """A pattern for the decimal numbers greater than ``limit`` (leading zeros allowed)."""
    digits = str(limit)
    width = len(digits)
    choices = [f"[1-9][0-9]{{{width},}}"]
    for i, digit in enumerate(digits):
        if digit != "9":
            rest = width - i - 1
            choices.append(
                digits[:i] + f"[{int(digit) + 1}-9]" + (f"[0-9]{{{rest}}}" if rest else "")
            )
    return ("0*(?:" + "|".join(choices) + ")").encode()


def _letters_above(limit: int) -> bytes:
    """A pattern for the column names (either case) after the ``limit``-th column."""
    letters = column_letter(limit - 1)
    width = len(letters)

    def cls(low: str, high: str = "Z") -> str:
        return f"[{low}-{high}{low.lower()}-{high.lower()}]"

    choices = [cls("A") + f"{{{width + 1},}}"]
    for i, letter in enumerate(letters):
        if letter != "Z":
            rest = width - i - 1
            prefix = "".join(cls(ch, ch) for ch in letters[:i])
            choices.append(
                prefix + cls(chr(ord(letter) + 1)) + (cls("A") + f"{{{rest}}}" if rest else "")
            )
    return ("(?:" + "|".join(choices) + ")").encode()


_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")

# Fast path: every writer we know puts ``r`` first on every cell (Excel, LibreOffice, openpyxl,
# XlsxWriter). Then the positions are the references themselves, and one search finds a cell
# beyond the limits that is not empty (``<c …/>`` is empty and never read).
_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s/>]")
_CELL_WITHOUT_REF = re.compile(rb'<c(?=[\s/>])(?! r=")')
_FAR_CELL = re.compile(
    rb'<c r="((?:'
    + _letters_above(MAX_COLUMNS)
    + rb")[0-9]+|[A-Za-z]+"
    + _above(MAX_ROWS)
    + rb')"'
    + _ATTRIBUTES
    + rb"\s*>"
)
# Slow path, for anything else: the reader's own walk through rows and cells. A tag whose
# attributes cannot be read matches with no groups, and is refused rather than skipped.
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])(?:(" + _ATTRIBUTES + rb")\s*(/?)>|)")


def far_xlsx_cell(xml: bytes, name: str = "") -> str | None:
    """The first cell holding a value outside MAX_ROWS × MAX_COLUMNS, as "XFD1048576"; else None."""
    if _PREFIXED_TAG.search(xml) is None and _CELL_WITHOUT_REF.search(xml) is None:
        match = _FAR_CELL.search(xml)
        return None if match is None else match.group(1).decode("ascii").upper()
    row = col = 0
    for match in _TAG.finditer(xml):
        closing, tag, attrs, slash = match.groups()
        if attrs is None:
            raise unusual(
                name, "読めない属性を持つ行かセル", "a row or cell whose attributes cannot be read"
            )
        reference = _REFERENCE.fullmatch(
            _attributes(attrs).get(b"r", "").encode("ascii", "replace")
        )
        if tag == b"row":
            if closing:
                row, col = row + 1, 0
                continue
            if reference is not None:
                row = int(reference.group(2)) - 1
            if slash:
                row, col = row + 1, 0
            continue
        if closing:
            continue
        at_row = row
        if reference is not None and reference.group(1):
            col = _column_index(reference.group(1))
            at_row = int(reference.group(2)) - 1
        if not slash and (at_row >= MAX_ROWS or col >= MAX_COLUMNS):
            if col < 1_000_000:
                return f"{column_letter(col)}{at_row + 1}"
            return f"R{at_row + 1}C{col + 1}"
        col += 1
    return None


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters.upper()[:8]:
        index = index * 26 + ch - 64
    return index - 1 if len(letters) <= 8 else 1 << 40


# --- .ods ----------------------------------------------------------------------------------

_ODS_TAG = re.compile(
    rb"<(/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table|text:s)"
    rb"(?=[\s/>])(?:(" + _ATTRIBUTES + rb")\s*(/?)>|)"
)
_ODS_VALUES = frozenset(
    {
        b"office:value",
        b"office:value-type",
        b"office:string-value",
        b"office:date-value",
        b"office:time-value",
        b"office:boolean-value",
        b"table:formula",
    }
)


def _number(value: bytes | None) -> int:
    """A repeat or space count as the reader parses it (entities resolved, one "+" allowed)."""
    if value is None:
        return 1
    if b"&" in value:
        value = html.unescape(value.decode("utf-8", "replace")).encode("utf-8", "replace")
    digits = value.removeprefix(b"+")
    if not digits.isdigit():
        return 1  # the reader fails on it and reads nothing
    digits = digits.lstrip(b"0") or b"0"
    return int(digits) if len(digits) <= 12 else 10**12


class _OdsWalk:
    """The reader's walk through ``content.xml``: tables hold rows, rows hold cells."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.table: str | None = None  # the open table's name
        self.in_row = False
        self.kept = 0  # cells the reader keeps while parsing (repeats expanded)
        self.text = 0  # the text it builds, a repeated cell counted each time
        self.area = 0  # all tables' used ranges, which it holds at once
        self.rows = self.extent_rows = self.width = 0  # of the open table
        self.row_repeats = self.pushed = self.pending = self.row_width = 0  # of the open row
        self.cell: tuple[int, int, bool] | None = None  # start, repeats, holds a value
        self.spaces = 0

    def unusual(self) -> RosterError:
        return unusual(
            self.name, "表・行・セルの入れ子が想定外", "tables, rows and cells are nested unusually"
        )

    def open_table(self, attrs: bytes) -> None:
        if self.table is not None:
            raise self.unusual()
        raw = _raw_attributes(attrs).get(b"table:name", b"")
        self.table = html.unescape(raw.decode("utf-8", "replace"))
        self.rows = self.extent_rows = self.width = 0

    def close_table(self) -> None:
        if self.table is None or self.in_row:
            raise self.unusual()
        self.area += self.extent_rows * self.width
        if self.area > MAX_CELLS:
            raise workbook_too_large(self.name, self.area)
        self.table = None

    def open_row(self, attrs: bytes) -> None:
        if self.table is None or self.in_row:
            raise self.unusual()
        self.in_row = True
        self.row_repeats = _number(_raw_attributes(attrs).get(b"table:number-rows-repeated"))
        self.pushed = self.pending = self.row_width = 0

    def close_row(self) -> None:
        if not self.in_row or self.cell is not None or self.table is None:
            raise self.unusual()
        self.in_row = False
        self.rows += self.row_repeats
        if self.row_width:
            self.extent_rows, self.width = self.rows, max(self.width, self.row_width)
            if self.extent_rows > MAX_ROWS or self.width > MAX_COLUMNS:
                corner = f"{column_letter(min(self.width, 1 << 20) - 1)}{self.extent_rows}"
                raise beyond_used_range(self.name, self.table, corner)

    def open_cell(self, start: int, attrs: bytes) -> None:
        if not self.in_row or self.cell is not None:
            raise self.unusual()
        found = _raw_attributes(attrs)
        holds = not _ODS_VALUES.isdisjoint(found)
        repeats = _number(found.get(b"table:number-columns-repeated"))
        self.cell = (start, repeats, holds)

    def close_cell(self, end: int) -> None:
        if self.cell is None:
            raise self.unusual()
        start, repeats, holds = self.cell
        # The reader pushes the empty cells before each new cell; trailing ones are dropped.
        self.pushed += self.pending
        if holds:
            self.pushed += repeats
            self.pending = 0
            self.row_width = self.pushed
            if self.row_width > MAX_COLUMNS and self.table is not None:
                corner = f"{column_letter(min(self.row_width, 1 << 20) - 1)}{self.rows + 1}"
                raise beyond_used_range(self.name, self.table, corner)
            self.text += (end - start + self.spaces) * repeats * self.row_repeats
        else:
            self.pending = repeats
        self.cell, self.spaces = None, 0
        if self.kept + self.pushed > MAX_CELLS:
            raise workbook_too_large(self.name, self.kept + self.pushed)
        if self.text > MAX_UNCOMPRESSED_BYTES:
            raise _unpacked_too_large(self.name, self.text)


def check_ods(content: bytes, name: str) -> None:
    """Every table of ``content.xml`` as the reader expands it; see the module's docstring."""
    walk = _OdsWalk(name)
    for match in _ODS_TAG.finditer(content):
        closing, tag, attrs, slash = match.groups()
        if attrs is None:
            raise walk.unusual()  # attributes that cannot be read: not skipped, refused
        if tag == b"text:s":
            if walk.cell is not None and not closing:
                walk.spaces += _number(_raw_attributes(attrs).get(b"text:c"))
            continue
        if walk.cell is not None and not (closing and tag.endswith(b"-cell")):
            raise walk.unusual()  # a table, row or cell inside a cell
        if tag == b"table:table":
            if not closing:
                walk.open_table(attrs)
            if closing or slash:
                walk.close_table()
        elif tag == b"table:table-row":
            if not closing:
                walk.open_row(attrs)
            if closing or slash:
                walk.close_row()
                walk.kept += walk.pushed
        elif closing:
            walk.close_cell(match.start())
        else:
            walk.open_cell(match.start(), attrs)
            if slash:
                walk.close_cell(match.end())
    if walk.table is not None:
        raise walk.unusual()


# --- .xls ----------------------------------------------------------------------------------

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# BIFF records the reader turns into cells: Formula, Number, Label, BoolErr, Rk, LabelSst.
_VALUE_RECORDS = frozenset({0x0006, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD})
_MULRK, _DIMENSIONS, _SST, _BOUNDSHEET, _BOF, _EOF = 0x00BD, 0x0200, 0x00FC, 0x0085, 0x0809, 0x000A


class _Damaged(Exception):
    pass


def check_xls(data: bytes, name: str) -> None:
    """The compound file's declared sizes and the BIFF sheets; see the module's docstring."""
    try:
        stream = _workbook_stream(data, name)
        _check_biff(stream, name)
    except (_Damaged, struct.error, IndexError, ValueError):
        raise damaged(name) from None


def _u32_array(data: bytes) -> array.array[int]:
    values = array.array("I")
    values.frombytes(data[: len(data) - len(data) % 4])
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _workbook_stream(data: bytes, name: str) -> bytes:
    """The ``Workbook`` (else ``Book``) stream, found as the reader finds it."""
    if len(data) < 512 or not data.startswith(_OLE2_MAGIC):
        raise _Damaged
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged
    size = 1 << shift
    sectors = (len(data) - 512 + size - 1) // size
    (dir_count, fat_count, dir_start, _, _, minifat_start, minifat_count, difat_start,
     difat_count) = struct.unpack_from("<IIIIIIIII", data, 40)  # fmt: skip
    # The reader reserves memory by these counts before it reads a sector.
    if max(dir_count, fat_count, minifat_count, difat_count) > sectors:
        raise unusual(
            name, "宣言された区画の数がファイルより多い", "it declares more sectors than it has"
        )

    def sector(index: int) -> bytes:
        if index >= sectors:
            raise _Damaged
        return data[512 + index * size : 512 + (index + 1) * size]

    difat = _u32_array(data[76:512])
    seen: set[int] = set()
    current = difat_start
    while current not in (_FREE, _END_OF_CHAIN):
        if current in seen or len(seen) > sectors:
            raise _Damaged
        seen.add(current)
        entries = _u32_array(sector(current))
        difat.extend(entries[:-1])
        current = entries[-1]
    fat_sectors = [index for index in difat if index not in (_FREE, _END_OF_CHAIN)]
    if len(fat_sectors) > sectors or len(set(fat_sectors)) != len(fat_sectors):
        raise _Damaged
    fat = _u32_array(b"".join(sector(index) for index in fat_sectors))

    def chain(start: int, table: array.array[int], read: Callable[[int], bytes]) -> bytes:
        parts, visited, current = [], set(), start
        while current not in (_FREE, _END_OF_CHAIN):
            if current in visited or current >= len(table):
                raise _Damaged
            visited.add(current)
            parts.append(read(current))
            current = table[current]
        return b"".join(parts)

    directory = chain(dir_start, fat, sector)
    entries_found = []
    for at in range(0, len(directory) - 127, 128):
        entry = directory[at : at + 128]
        label = entry[:64].decode("utf-16-le", "ignore").split("\0", 1)[0]
        start = struct.unpack_from("<I", entry, 116)[0]
        length = struct.unpack_from("<Q" if size == 4096 else "<I", entry, 120)[0]
        if length > len(data):
            raise unusual(
                name,
                "宣言されたストリームがファイルより大きい",
                "it declares a stream larger than the file",
            )
        entries_found.append((label, start, length))
    if not entries_found:
        raise _Damaged
    chosen = next((e for e in entries_found if e[0] == "Workbook"), None) or next(
        (e for e in entries_found if e[0] == "Book"), None
    )
    if chosen is None:
        raise _Damaged
    _, start, length = chosen
    if length >= 4096:
        return chain(start, fat, sector)[:length]
    root_start, root_length = entries_found[0][1], entries_found[0][2]
    mini_stream = chain(root_start, fat, sector)[:root_length]
    mini_fat = _u32_array(chain(minifat_start, fat, sector) if minifat_count else b"")

    def mini(index: int) -> bytes:
        if (index + 1) * 64 > len(mini_stream):
            raise _Damaged
        return mini_stream[index * 64 : (index + 1) * 64]

    return chain(start, mini_fat, mini)[:length]


def _check_biff(stream: bytes, name: str) -> None:
    """The workbook globals, then every sheet the globals list, as the reader walks them."""
    header = struct.Struct("<HH").unpack_from
    u16 = struct.Struct("<H").unpack_from
    end = len(stream)
    biff8 = True
    sheets: list[tuple[int, str]] = []
    position = 0
    while position + 4 <= end:
        kind, length = header(stream, position)
        at = position + 4
        position = at + length
        if kind == _BOF and length >= 2:
            biff8 = u16(stream, at)[0] in (0x0600, 0)
        elif kind == _SST and length >= 8:
            count = struct.unpack_from("<i", stream, at + 4)[0]
            if count < 0 or count > MAX_CELLS or count * 3 > end:
                raise too_many_strings(name, count if count >= 0 else count + (1 << 32))
        elif kind == _BOUNDSHEET and length >= 8:
            sheets.append(
                (struct.unpack_from("<I", stream, at)[0], _sheet_title(stream, at, length, biff8))
            )
        elif kind == _EOF:
            break
    spans: list[tuple[int, int]] = []
    area = 0
    for start, title in sheets:
        if start > end:
            raise _Damaged
        max_row = max_col = -1
        position = start
        while position + 4 <= end:
            kind, length = header(stream, position)
            at = position + 4
            position = at + length
            if kind in _VALUE_RECORDS and length >= 4:
                row, col = u16(stream, at)[0], u16(stream, at + 2)[0]
            elif kind == _MULRK and length >= 6:
                row, col = u16(stream, at)[0], u16(stream, at + length - 2)[0]
            elif kind == _DIMENSIONS:
                _check_dimensions(stream, at, length, name, title)
                continue
            elif kind == _EOF:
                break
            else:
                continue
            if row > max_row:
                max_row = row
            if col > max_col:
                max_col = col
        spans.append((start, position))
        if max_row >= MAX_ROWS or max_col >= MAX_COLUMNS:
            cell = f"{column_letter(max(max_col, 0))}{max(max_row, 0) + 1}"
            raise beyond_used_range(name, title, cell)
        area += (max_row + 1) * (max_col + 1)
    spans.sort()
    for (_, previous_end), (start, _) in itertools.pairwise(spans):
        if start < previous_end:
            raise unusual(name, "シートのデータが重なっている", "two sheets share their data")
    if area > MAX_CELLS:
        raise workbook_too_large(name, area)


def _sheet_title(stream: bytes, at: int, length: int, biff8: bool) -> str:
    """A BoundSheet record's name, for the sentence only."""
    count = stream[at + 6] if length > 6 else 0
    if biff8 and length > 7:
        wide = stream[at + 7] & 0x1
        raw = stream[at + 8 : at + 8 + count * (2 if wide else 1)]
        title = raw.decode("utf-16-le" if wide else "latin-1", "replace")
    else:
        title = stream[at + 7 : at + 7 + count].decode("cp932", "replace")
    return title.strip("\0") or "?"


def _check_dimensions(stream: bytes, at: int, length: int, name: str, sheet: str) -> None:
    """The reader reserves the DIMENSIONS area at once: it must be a range it can hold."""
    if length == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", stream, at)
    elif length == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", stream, at)
    else:
        return  # the reader refuses the record itself
    if last_row == 0 or last_col == 0:
        return
    if last_row - 1 < first_row or last_col - 1 < first_col:
        raise unusual(name, "シートの範囲の記録が逆向き", "a sheet's recorded range is reversed")
    if (last_row - first_row) * (last_col - first_col) > MAX_CELLS:
        raise beyond_used_range(name, sheet, f"{column_letter(last_col - 1)}{last_row}")
