"""Writing files so that a crash leaves either the old file or the whole new one.

Every file NoticeDesk writes goes to a temporary name in the same folder and is renamed into
place; an existing file is replaced only when the caller says so.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it becomes ``target``.

    Raises FileExistsError before anything is written when ``target`` exists and
    ``overwrite`` is false. On any exception the temporary file is removed.
    """
    target = Path(target)
    if not overwrite and target.exists():
        raise FileExistsError(target)
    fd, tmp_name = tempfile.mkstemp(prefix=".~nd-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        if overwrite:
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
