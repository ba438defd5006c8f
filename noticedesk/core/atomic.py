"""Writing files so that a crash leaves either the old file or the whole new one.

Every file NoticeDesk writes goes to a temporary name in the same folder and is renamed into
place; an existing file is replaced only when the caller says so, and only when it is a
regular file.

Decisions on what "replace" may touch (``overwrite=True``):
- A folder, a device (``/dev/full``, ``/dev/null``), a named pipe or a socket under the name is
  refused with ``NotARegularFile`` before anything is written: the rename would take the name
  away from it (``log --csv /dev/full --overwrite``, run as root, once removed the device).
- A symbolic link is refused too, whatever it points at. The rename replaces the link itself,
  not its target: the file the link points at would keep its old content while the link
  silently became a plain file, which is not what a user who chose that name asked for; and
  writing through the link instead would write wherever it points (a device, another
  user's file). A user who wants the file behind the link names that file.
- The check is made again just before the rename, so a special file put under the name while
  the content was being written is not replaced either.
- Without ``overwrite`` anything under the name (a dangling link included) is
  ``FileExistsError``, as before.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from noticedesk.core.user_error import UserError


class NotARegularFile(UserError, OSError):
    """``overwrite`` was asked for a name that is not a regular file: nothing was written.

    An OSError too, so every writer that already reports "cannot write this file" reports
    this one without a change; ``error_text`` shows the sentence.
    """

    def __init__(self, target: Path, what_ja: str, what_en: str) -> None:
        super().__init__(
            f"「{target}」は通常のファイルではない ({what_ja}) ため、置き換えません。"
            "別のファイル名を指定してください。",
            f"“{target}” is not a regular file ({what_en}), so it is not replaced. "
            "Choose another file name.",
        )
        self.filename = str(target)
        self.strerror = self.message_en

    def __str__(self) -> str:
        return self.message


def _kind(mode: int) -> tuple[str, str] | None:
    """What a non-regular file is, in Japanese and English; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "フォルダ", "a folder"
    if stat.S_ISLNK(mode):
        return "リンク", "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "名前付きパイプ", "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "デバイス", "a device"
    return "特殊なファイル", "a special file"


def refuse_unless_replaceable(target: Path) -> None:
    """Raise ``NotARegularFile`` when ``target`` exists and is not a regular file.

    The name itself is looked at (``lstat``): a link is not followed (see the module docstring).
    """
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    kind = _kind(mode)
    if kind is not None:
        raise NotARegularFile(Path(target), *kind)


@contextlib.contextmanager
def atomic_path(target: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it becomes ``target``.

    Raises FileExistsError before anything is written when ``target`` exists and
    ``overwrite`` is false, and NotARegularFile when ``overwrite`` is true and ``target`` is a
    folder, a device, a pipe or a link. On any exception the temporary file is removed.
    """
    target = Path(target)
    if overwrite:
        refuse_unless_replaceable(target)
    elif target.exists():
        raise FileExistsError(target)
    fd, tmp_name = tempfile.mkstemp(prefix=".~nd-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        if overwrite:
            refuse_unless_replaceable(target)
            os.replace(tmp, target)
        else:
            # link() fails if the name appeared meanwhile, so a file made by someone else
            # between our check and now is still never replaced.
            try:
                os.link(tmp, target)
            except OSError as exc:
                if isinstance(exc, FileExistsError):
                    raise
                if target.exists():
                    raise FileExistsError(target) from exc
                os.replace(tmp, target)  # filesystems without hard links (FAT on a USB stick)
            else:
                tmp.unlink()
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes(target: Path, data: bytes, *, overwrite: bool = False) -> None:
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_bytes(data)


def write_text(
    target: Path, text: str, *, overwrite: bool = False, encoding: str = "utf-8"
) -> None:
    write_bytes(target, text.encode(encoding), overwrite=overwrite)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
