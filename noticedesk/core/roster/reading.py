"""Opening a roster file and loading it, untouched, into an all-text table.

The table keeps every row of the file, title rows and blank lines included, so that row ``i``
of the table is row ``i + 1`` in Excel. Nothing is interpreted here: finding the header and
normalising cells happen later, column by column.

Decisions:
- The format is decided by the content, not only the suffix: a workbook saved as ``.xls`` that
  is really an ``.xlsx`` (many web systems do this) is read as what it is. A text file named like
  a workbook, or a workbook named ``.csv``, is refused with a sentence saying so.
- CSV encodings: a BOM decides (UTF-8 or UTF-16, the latter being Excel's "Unicode text");
  otherwise strict UTF-8, otherwise CP932. ``shift_jis`` is never used: CP932 is what Excel
  writes and a superset of it (㈱, ①, 髙, 﨑), so a requested ``shift_jis`` is read as CP932.
- A text file with a handful of bytes that decode in neither encoding is read with those
  characters replaced by U+FFFD; the rules then flag each affected row, so one damaged row
  does not hide the rest. Beyond a small share of damage the file is refused.
- Nothing is read past the limits of ``noticedesk.core.input_limits``: only a regular file of at
  most 50 MB is read at all, a workbook's container and each sheet's used range are checked
  (``containers``) before the reader is given them, and CSV text is measured (``limits``)
  before it is split into cells.
- CR alone ends a line, as old Mac Excel writes it, like CRLF and LF.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from noticedesk.core.clients import RosterError
from noticedesk.core.input_limits import MAX_FILE_BYTES, read_regular_file
from noticedesk.core.roster.containers import WorkbookGuard, inspect_workbook
from noticedesk.core.roster.limits import check_table, check_text, csv_rows

SUPPORTED_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt")

REPLACEMENT = "\ufffd"

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
# The name of the stream that marks a password-protected Office file, as stored in OLE2 (UTF-16).
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

# Requested encodings that are read as CP932, its superset that Excel really writes.
_CP932_ALIASES = {"shift_jis", "shift-jis", "sjis", "s_jis", "shiftjis", "ms932", "windows-31j"}
_OTHER_JAPANESE = frozenset(
    {"euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"}
)
_SAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class RawFile:
    """A file's bytes and what its content turned out to be."""

    path: Path
    data: bytes
    file_format: str  # "csv", "xlsx", "xls", "ods"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    replaced: bool  # some bytes could not be decoded and became U+FFFD


def open_roster_file(path: Path) -> RawFile:
    """Read the file's bytes and decide its format, or refuse it with one sentence."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise RosterError(
            f"「{path.name}」は読み込めない形式です。CSV (.csv) または Excel (.xlsx) で保存してください。",
            f"“{path.name}” is not a supported format; save it as CSV (.csv) or Excel (.xlsx).",
        )
    data = read_regular_file(
        path, max_bytes=MAX_FILE_BYTES, error=RosterError, what=("顧問先一覧", "roster")
    )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise RosterError(
            f"「{path.name}」は空のファイルです。",
            f"“{path.name}” is empty.",
        )
    if suffix in TEXT_SUFFIXES:
        if (content := _workbook_format(data)) is not None:
            right = ".xls" if content == "xls" else ".ods" if content == "ods" else ".xlsx"
            raise RosterError(
                f"「{path.name}」は拡張子が {suffix} ですが、中身は Excel などのブックです。"
                f"拡張子を {right} に直してから開いてください。",
                f"“{path.name}” is named {suffix} but is a workbook; rename it to {right} and open it again.",
            )
        return RawFile(path, data, "csv")
    workbook = _workbook_format(data)
    if workbook == "encrypted":
        raise _password_protected(path)
    if workbook is None:
        if _looks_like_text(data):
            kind_ja, kind_en = (
                ("HTML（Web ページ）", "an HTML page")
                if _looks_like_html(data)
                else ("テキスト（CSV）", "a text (CSV) file")
            )
            raise RosterError(
                f"「{path.name}」は拡張子が {suffix} ですが、中身は{kind_ja}です。"
                "Excel で開いて「Excel ブック (.xlsx)」として保存し直してください。",
                f"“{path.name}” is named {suffix} but is {kind_en}; open it in Excel and save it as an Excel workbook (.xlsx).",
            )
        raise RosterError(
            f"「{path.name}」は Excel のブックとして読めません。壊れているか、別の種類のファイルです。",
            f"“{path.name}” cannot be read as a workbook; it is damaged or another kind of file.",
        )
    return RawFile(path, data, workbook)


def _password_protected(path: Path) -> RosterError:
    return RosterError(
        f"「{path.name}」はパスワードで保護されています。Excel でパスワードを解除して保存し直してから開いてください。",
        f"“{path.name}” is password-protected; remove the password in Excel, save, and open it again.",
    )


def _workbook_format(data: bytes) -> str | None:
    if data.startswith(_ZIP_MAGIC):
        return "ods" if data[30 : 30 + len(_ODS_MIMETYPE)] == _ODS_MIMETYPE else "xlsx"
    if data.startswith(_OLE2_MAGIC):
        # Encrypted .xlsx files are OLE2 containers too; only the stream name tells them apart.
        return "encrypted" if _ENCRYPTED_MARK in data else "xls"
    return None


def _looks_like_text(data: bytes) -> bool:
    head = data[:_SAMPLE_BYTES]
    if b"\x00" in head:
        return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return _replacements(head, "utf-8") <= 1 or _replacements(head, "cp932") <= 1


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta"))


# --- text files ----------------------------------------------------------------------------


def decode_text(raw: RawFile, encoding: str | None = None) -> DecodedText:
    """Decode a CSV/TXT file: the requested encoding, else the detected one."""
    data = raw.data
    if encoding:
        return _decode_requested(raw, encoding)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict_or_repaired(raw, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict_or_repaired(raw, "utf-16")
    if b"\x00" in data[:_SAMPLE_BYTES]:
        raise _binary(raw.path)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", replaced=False)
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(data.decode("cp932"), "cp932", replaced=False)
    except UnicodeDecodeError:
        pass
    # Neither decodes cleanly. Another Japanese encoding (EUC-JP, JIS) that decodes the whole
    # file is taken; otherwise the one of UTF-8 and CP932 with fewer damaged characters wins,
    # and on a tie the statistical guess over a sample decides.
    guessed = _guess_encoding(data)
    if guessed in _OTHER_JAPANESE and _decodes(data, guessed):
        return DecodedText(data.decode(guessed), guessed, replaced=False)
    bad_utf8 = _replacements(data, "utf-8")
    bad_cp932 = _replacements(data, "cp932")
    if bad_utf8 != bad_cp932:
        best = "utf-8" if bad_utf8 < bad_cp932 else "cp932"
    else:
        best = "utf-8" if guessed == "utf_8" else "cp932"
    return _decode_strict_or_repaired(raw, best)


def _decode_requested(raw: RawFile, encoding: str) -> DecodedText:
    name = encoding.strip().lower()
    if name in _CP932_ALIASES:
        name = "cp932"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise RosterError(
            f"文字コード「{encoding}」は使えません（例: cp932, utf-8）。",
            f"Unknown encoding “{encoding}” (e.g. cp932, utf-8).",
        ) from None
    try:
        b"x".decode(codec)  # hex, base64, rot13, zlib … are codecs but not text encodings
    except LookupError:
        raise RosterError(
            f"文字コード「{encoding}」は使えません（文字の符号化方式ではありません。例: cp932, utf-8）。",
            f"“{encoding}” is not a text encoding (use e.g. cp932 or utf-8).",
        ) from None
    except (UnicodeError, ValueError):
        pass  # e.g. "undefined": it fails on any text, below, with the sentence for that
    if codec == "utf-8" and raw.data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return DecodedText(raw.data.decode(codec), codec, replaced=False)
    except UnicodeDecodeError as exc:
        line = raw.data.count(b"\n", 0, exc.start) + 1
        raise RosterError(
            f"「{raw.path.name}」の {line} 行目を文字コード {encoding} として読めません。別の文字コードを指定してください。",
            f"Line {line} of “{raw.path.name}” is not valid {encoding}; try another encoding.",
        ) from None
    except (UnicodeError, ValueError, LookupError):
        raise RosterError(
            f"「{raw.path.name}」を文字コード {encoding} として読めません。別の文字コードを指定してください。",
            f"“{raw.path.name}” cannot be read as {encoding}; try another encoding.",
        ) from None


def _decode_strict_or_repaired(raw: RawFile, encoding: str) -> DecodedText:
    try:
        return DecodedText(raw.data.decode(encoding), encoding, replaced=False)
    except UnicodeDecodeError:
        pass
    text = raw.data.decode(encoding, errors="replace")
    damaged = text.count(REPLACEMENT)
    # A few damaged characters are shown row by row; more than that is not a text roster.
    if damaged > max(10, text.count("\n") // 100):
        if _control_share(text) > 0.01:
            raise _binary(raw.path)
        raise RosterError(
            f"「{raw.path.name}」の文字コードを判別できません。CP932 (Shift_JIS) か UTF-8 で保存し直してください。",
            f"The encoding of “{raw.path.name}” cannot be determined; save it as CP932 (Shift_JIS) or UTF-8.",
        )
    return DecodedText(text, encoding, replaced=True)


def _binary(path: Path) -> RosterError:
    return RosterError(
        f"「{path.name}」はテキストの CSV ファイルではありません（画像や実行ファイルなど、別の種類のファイルです）。",
        f"“{path.name}” is not a text CSV file (it holds binary data).",
    )


def _replacements(data: bytes, encoding: str) -> int:
    return data.decode(encoding, errors="replace").count(REPLACEMENT)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return controls / max(1, len(sample))


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE_BYTES]
    cut = sample.rfind(b"\n")
    if cut > 0:
        sample = sample[: cut + 1]  # a sample cut inside a character defeats the detector
    best = from_bytes(sample).best()
    return None if best is None else str(best.encoding)


def parse_delimited(text: str, name: str = "") -> pd.DataFrame:
    """Split decoded text into an all-text table: one row per record, blank lines kept.

    ``name`` is the file's, for the sentence when a limit is hit: rows, line length and the
    columns near the top are checked before the split, every row while the csv module splits,
    and the cells after, when a line or quoting could make one too long.
    """
    delimiter = _delimiter(text)
    shape = check_text(text, name, delimiter)
    width = _width(text, delimiter, name)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=list(range(width)),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.ParserError:
        # A data row wider than every row near the top: the csv module takes ragged rows.
        frame = _parse_ragged(text, delimiter, name)
    check_table(frame, name, cells=shape.cells_may_be_long)
    return frame.fillna("")


def _delimiter(text: str) -> str:
    head = text[:_SAMPLE_BYTES]
    return "\t" if head.count("\t") > head.count(",") else ","


def _width(text: str, delimiter: str, name: str) -> int:
    rows = csv_rows(text[:_SAMPLE_BYTES], name, delimiter)
    widths = [len(row) for _, row in zip(range(200), rows, strict=False)]
    return max(widths, default=1) or 1


def _parse_ragged(text: str, delimiter: str, name: str) -> pd.DataFrame:
    rows = list(csv_rows(text, name, delimiter))
    width = max((len(r) for r in rows), default=1)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=str)


# --- workbooks -----------------------------------------------------------------------------

Engine = Literal["calamine", "openpyxl"]
# calamine reads .xlsx, .xls and .ods alike; openpyxl, a dependency anyway for writing the PPC
# list, is the second opinion on an .xlsx that calamine refuses. No other reader is shipped:
# odfpy installs only from source (a wheels-only install on Windows fails on it) and xlrd would
# read nothing calamine cannot.
_FALLBACK_ENGINES: dict[str, tuple[Engine, ...]] = {"xlsx": ("openpyxl",), "xls": (), "ods": ()}


class Workbook:
    """A workbook opened once; sheets are read as all-text tables on demand.

    The calamine engine reads every format an office sends and is several times faster than
    the pure-Python readers; openpyxl is used only when calamine cannot open an .xlsx.
    """

    def __init__(self, raw: RawFile) -> None:
        self.raw = raw
        self.engine: Engine = "calamine"
        # Before any reader sees the file: .xls and .ods are parsed whole when opened.
        self.guard: WorkbookGuard = inspect_workbook(raw.data, raw.path.name, raw.file_format)
        self._book = self._open(raw)

    def _open(self, raw: RawFile) -> pd.ExcelFile:
        errors: list[BaseException] = []
        engines: tuple[Engine, ...] = ("calamine", *_FALLBACK_ENGINES[raw.file_format])
        for engine in engines:
            try:
                book = pd.ExcelFile(io.BytesIO(raw.data), engine=engine)
                self.engine = engine
                return book
            except BaseException as exc:  # every reader has its own error types for a bad file
                if not _reader_failure(exc):
                    raise
                if type(exc).__name__ == "PasswordError":  # a protected legacy .xls
                    raise _password_protected(raw.path) from exc
                errors.append(exc)
        raise RosterError(
            f"「{raw.path.name}」は壊れているか、途中までしか保存されていません。Excel で開けるか確かめてください。",
            f"“{raw.path.name}” is damaged or incomplete; check that Excel can open it.",
        ) from errors[-1]

    @property
    def sheet_names(self) -> list[str]:
        return [str(name) for name in self._book.sheet_names]

    @property
    def hidden_sheets(self) -> set[str]:
        """Sheets hidden in Excel: often last year's list kept out of sight, so tried last."""
        if self.engine == "calamine":
            from python_calamine import SheetVisibleEnum

            metadata = getattr(self._book.book, "sheets_metadata", [])
            return {str(m.name) for m in metadata if m.visible != SheetVisibleEnum.Visible}
        if self.engine == "openpyxl":
            return {ws.title for ws in self._book.book.worksheets if ws.sheet_state != "visible"}
        return set()

    def read_sheet(self, sheet: str) -> pd.DataFrame:
        self.guard.check_sheet(sheet)
        try:
            frame = pd.read_excel(
                self._book,
                sheet_name=sheet,
                header=None,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
            )
        except BaseException as exc:  # a sheet damaged inside an intact zip
            if not _reader_failure(exc):
                raise
            raise RosterError(
                f"「{self.raw.path.name}」のシート「{sheet}」が壊れていて読めません。",
                f"Sheet “{sheet}” of “{self.raw.path.name}” is damaged and cannot be read.",
            ) from exc
        frame = frame.fillna("")
        frame.columns = pd.RangeIndex(frame.shape[1])
        check_table(frame, self.raw.path.name, sheet=sheet)
        return frame.reset_index(drop=True)

    def close(self) -> None:
        self._book.close()


def _reader_failure(exc: BaseException) -> bool:
    """An error of the reader about the file: any Exception, and a Rust panic that pyo3 raised
    as ``PanicException`` (a BaseException). KeyboardInterrupt and the like are not."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"
