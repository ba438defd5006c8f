"""How much input NoticeDesk accepts, and reading a file only when it is a regular file within it.

An office has at most a few thousand clients (a large 社労士法人 a few thousand, most offices a
few hundred), each on one row with a dozen or two columns. The limits leave that several times
over and stop a damaged or hostile file before it can exhaust memory, abort the reader or hang:

- ``MAX_ROWS`` 20,000 rows and ``MAX_COLUMNS`` 200 columns of a sheet or CSV, counted from A1
  (title rows and blank rows included, as Excel numbers them). At 20,000 rows an import takes
  well under a second and every later command stays quick; at 1,000,000 rows every command
  took 18–27 s.
- ``MAX_CELL_CHARS`` 10,000 characters in one cell: a name, an address or a remark is at most a
  few hundred; a letter could not print more. A CSV line is at most ``MAX_LINE_CHARS``, a full
  row of such cells.
- ``MAX_FILE_BYTES`` 50 MB for a roster file. A CSV of 5,000 clients is about 1 MB and an .xlsx
  less; 50 MB leaves room for a workbook with pictures, and bounds what is held in memory
  (measured: a 48 MB CSV filled to 20,000 rows × 200 columns imports in 4.5 s in 700 MB).
- A workbook is a zip (.xlsx, .xlsm, .ods): ``MAX_UNCOMPRESSED_BYTES`` 200 MB in all once
  unpacked (a sheet filled to 20,000 × 200 short values is about 140 MB of XML), and no
  member larger than ``RATIO_CHECKED_FROM_BYTES`` (1 MiB) unpacking to more than
  ``MAX_COMPRESSION_RATIO`` (100) times its packed size: spreadsheet XML packs about 10–20 to 1,
  a zip bomb 400–1,000 to 1. ``MAX_ZIP_MEMBERS`` 10,000 parts (an .xlsx has a few dozen).
- The used range of a sheet (from A1 to the farthest cell that holds a value) stays within the
  rows and columns limits, and all the sheets of a workbook together hold no more than
  ``MAX_ROWS × MAX_COLUMNS`` cells. The reader allocates the whole used range at once: one
  value at XFD1048576 asks for 512 GiB and aborts the process.
- ``MAX_SETTINGS_BYTES`` 1 MB for the office and incident files (TOML of a few kilobytes).
- Only regular files are read: not a folder, device (``/dev/zero``), named pipe or socket, also
  when reached through a link. The size comes from the file system before anything is read (a
  sparse 3 GiB file is refused without reading it) and the bytes actually read are capped too.
- ``READ_TIMEOUT_SECONDS`` 30: a read that makes no progress for that long (a network folder
  that stopped answering) is abandoned with a sentence instead of hanging the program.

Each limit hit is a ``UserError``: one sentence, Japanese and English, naming the file and the
limit.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from noticedesk.core.user_error import UserError

MAX_FILE_BYTES = 50 * 1000 * 1000
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
MAX_LINE_CHARS = MAX_COLUMNS * MAX_CELL_CHARS
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
MAX_UNCOMPRESSED_BYTES = 200 * 1000 * 1000
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
MAX_SETTINGS_BYTES = 1000 * 1000
READ_TIMEOUT_SECONDS = 30.0

_CHUNK = 1024 * 1024

ErrorFactory = Callable[[str, str], UserError]


def size_text(size: int) -> str:
    """A byte count as a person reads it: 512 バイト, 2.6 KB, 3.2 GB."""
    if size < 1000:
        return f"{size} バイト"
    for unit, scale in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12)):
        if size < scale * 1000 or unit == "TB":
            value = size / scale
            text = f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:,.0f}"
            return f"{text} {unit}"
    return f"{size} バイト"  # pragma: no cover - the loop always returns


def size_text_en(size: int) -> str:
    return size_text(size).replace("バイト", "bytes")


class _Refused(Exception):
    """Raised inside the reading thread; turned into the caller's sentence outside it."""

    def __init__(self, kind: str, size: int = 0) -> None:
        super().__init__(kind)
        self.kind = kind
        self.size = size


_KINDS = {
    "device": ("デバイス", "a device"),
    "fifo": ("名前付きパイプ", "a named pipe"),
    "socket": ("ソケット", "a socket"),
    "other": ("特殊なファイル", "a special file"),
}


def read_regular_file(
    path: Path,
    *,
    max_bytes: int,
    error: ErrorFactory,
    what: tuple[str, str],
) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; else ``error``.

    ``what`` names the file for the user ("顧問先一覧", "roster"). The file is opened with
    O_NONBLOCK, so a named pipe swapped in after the check cannot block the open, and checked
    again on the open handle. The whole access runs in a helper thread: if it makes no
    progress for ``READ_TIMEOUT_SECONDS`` the caller gets a sentence and the thread is left to
    finish (or stay blocked) on its own.
    """
    path = Path(path)
    progress = [time.monotonic()]
    outcome: list[bytes | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(_read(path, max_bytes, progress))
        except BaseException as exc:  # handed to the waiting caller, never lost
            outcome.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="noticedesk-read", daemon=True).start()
    while not done.wait(0.05):
        if time.monotonic() - progress[0] > READ_TIMEOUT_SECONDS:
            raise error(
                f"「{path.name}」の読み込みが {READ_TIMEOUT_SECONDS:.0f} 秒たっても進みません"
                "（ネットワーク上のフォルダが応答していないなど）。ファイルをパソコンにコピーしてから開いてください。",
                f"Reading “{path.name}” made no progress for {READ_TIMEOUT_SECONDS:.0f} seconds "
                "(a network folder may not be answering); copy the file to this computer and open it there.",
            )
    result = outcome[0]
    if isinstance(result, bytes):
        return result
    raise _sentence(result, path, max_bytes, error, what) from None


def _read(path: Path, max_bytes: int, progress: list[float]) -> bytes:
    _check(_status(path), max_bytes)  # follows links: a link to /dev/zero is a device
    progress[0] = time.monotonic()
    fd = _open_file(path)
    try:
        _check(os.fstat(fd), max_bytes)  # the file actually opened, if it changed meanwhile
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = _read_chunk(fd, min(_CHUNK, max_bytes + 1 - total))
            progress[0] = time.monotonic()
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew after the size was read
                raise _Refused("grown")
    finally:
        os.close(fd)


def _status(path: Path) -> os.stat_result:
    return os.stat(path)


def _open_file(path: Path) -> int:
    # Non-blocking: opening a named pipe would otherwise wait for a writer.
    return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))


def _read_chunk(fd: int, size: int) -> bytes:
    return os.read(fd, size)


def _check(status: os.stat_result, max_bytes: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise _Refused("folder")
    if not stat.S_ISREG(mode):
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise _Refused("device")
        if stat.S_ISFIFO(mode):
            raise _Refused("fifo")
        if stat.S_ISSOCK(mode):
            raise _Refused("socket")
        raise _Refused("other")
    if status.st_size > max_bytes:
        raise _Refused("size", status.st_size)


def _sentence(
    exc: BaseException, path: Path, max_bytes: int, error: ErrorFactory, what: tuple[str, str]
) -> BaseException:
    what_ja, what_en = what
    name = path.name
    if isinstance(exc, _Refused):
        if exc.kind == "folder":
            return error(
                f"「{path}」はフォルダです。{what_ja}のファイルを指定してください。",
                f"“{path}” is a folder; choose the {what_en} file itself.",
            )
        if exc.kind == "grown":
            return error(
                f"「{name}」は読み込み中に {size_text(max_bytes)} を超え、{what_ja}として読み込める"
                f"大きさの上限（{size_text(max_bytes)}）を超えています。",
                f"“{name}” grew past {size_text_en(max_bytes)} while it was read, over the limit "
                f"of {size_text_en(max_bytes)} for {what_en} files.",
            )
        if exc.kind == "size":
            return error(
                f"「{name}」は {size_text(exc.size)} あり、{what_ja}として読み込める大きさの上限"
                f"（{size_text(max_bytes)}）を超えています。",
                f"“{name}” is {size_text_en(exc.size)}, over the limit of "
                f"{size_text_en(max_bytes)} for {what_en} files.",
            )
        kind_ja, kind_en = _KINDS[exc.kind]
        return error(
            f"「{path}」はふつうのファイルではなく{kind_ja}です。{what_ja}のファイルを指定してください。",
            f"“{path}” is not a regular file but {kind_en}; choose the {what_en} file itself.",
        )
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return error(f"「{path}」が見つかりません。", f"“{path}” was not found.")
    if isinstance(exc, IsADirectoryError):
        return _sentence(_Refused("folder"), path, max_bytes, error, what)
    if isinstance(exc, PermissionError):
        # On Windows this is what a file held open by Excel looks like.
        return error(
            f"「{name}」を開けません。Excel などで開いている場合は閉じてから、もう一度お試しください。",
            f"“{name}” cannot be opened; if Excel has it open, close it and try again.",
        )
    if isinstance(exc, OSError):
        return error(
            f"「{name}」を読めません（{exc.strerror or exc}）。",
            f"“{name}” cannot be read ({exc.strerror or exc}).",
        )
    return exc
