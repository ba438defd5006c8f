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
- On Windows a directory junction counts as a link like a symbolic link does.

For writing inside a folder whose contents someone else may have touched (an export's output
folder), ``atomic_path`` also takes ``inside``: no folder between it and the target may be a
link (each is looked at with ``lstat`` before writing and again before the rename), and
``temp_dir`` / ``temp_prefix``: where the temporary file goes and how its name starts, so that
it need not sit beside the target under the target's folder. ``make_folders`` creates folders
below such a folder without following a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from noticedesk.core.user_error import UserError

TEMP_PREFIX = ".~nd-"  # temporary files beside their target: ``.~nd-<random>.tmp``
TEMP_SUFFIX = ".tmp"


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
        self._arguments = (Path(target), what_ja, what_en)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[NotARegularFile], tuple[Path, str, str]]:
        # Raised in an export's worker process too: it must come back whole.
        return type(self), self._arguments


class NotAFolder(NotARegularFile):
    """A folder to write into is a link (or a file): nothing is written through it."""

    def __init__(self, target: Path, what_ja: str, what_en: str) -> None:
        super().__init__(target, what_ja, what_en)
        self.message = (
            f"「{target}」はフォルダではない ({what_ja}) ため、その中には書き込みません。"
            "リンクを取り除くか、別の書き出し先を指定してください。"
        )
        self.message_en = (
            f"“{target}” is not a folder ({what_en}), so nothing is written into it. "
            "Remove the link or choose another output folder."
        )
        self.strerror = self.message_en


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


# Windows' reparse tags of a symbolic link and a directory junction (``stat`` defines them
# only on Windows).
_LINK_TAGS = frozenset({0xA000000C, 0xA0000003})


def is_link(status: os.stat_result) -> bool:
    """A symbolic link, or on Windows a directory junction (from ``lstat``)."""
    return stat.S_ISLNK(status.st_mode) or getattr(status, "st_reparse_tag", 0) in _LINK_TAGS


def describe(status: os.stat_result) -> tuple[str, str]:
    """What ``status`` (from ``lstat``) is, in Japanese and English."""
    if is_link(status):
        return "リンク", "a symbolic link"
    return _kind(status.st_mode) or ("ファイル", "a file")


def refuse_unless_replaceable(target: Path) -> None:
    """Raise ``NotARegularFile`` when ``target`` exists and is not a regular file.

    The name itself is looked at (``lstat``): a link is not followed (see the module docstring).
    """
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return
    if is_link(status) or not stat.S_ISREG(status.st_mode):
        raise NotARegularFile(Path(target), *describe(status))


def _folders_below(root: Path, folder: Path) -> list[str]:
    """``root/a``, ``root/a/b`` … down to ``folder``, which lies below ``root`` (ValueError if
    it does not). Plain strings: this runs twice for every file an export writes."""
    top, path = os.fspath(root), os.fspath(folder)
    chain = []
    while path != top:
        parent = os.path.dirname(path)
        if parent == path:
            raise ValueError(f"{folder} is not below {root}")
        chain.append(path)
        path = parent
    chain.reverse()
    return chain


def refuse_links_below(root: Path, folder: Path) -> None:
    """NotAFolder when a folder between ``root`` and ``folder`` is a link or not a folder."""
    for path in _folders_below(root, folder):
        status = os.lstat(path)
        if is_link(status) or not stat.S_ISDIR(status.st_mode):
            raise NotAFolder(Path(path), *describe(status))


def make_folders(root: Path, folder: Path) -> None:
    """Create ``folder`` and the folders between it and ``root`` (which must exist), without
    following a link: NotAFolder when one of them is a link or a file."""
    for path in _folders_below(root, folder):
        try:
            os.mkdir(path)
        except FileExistsError:
            status = os.lstat(path)
            if is_link(status) or not stat.S_ISDIR(status.st_mode):
                raise NotAFolder(Path(path), *describe(status)) from None


@contextlib.contextmanager
def atomic_path(
    target: Path,
    *,
    overwrite: bool = False,
    inside: Path | None = None,
    temp_dir: Path | None = None,
    temp_prefix: str = TEMP_PREFIX,
) -> Iterator[Path]:
    """Yield a temporary path (beside ``target``, or in ``temp_dir``); on success it becomes
    ``target``.

    Raises FileExistsError before anything is written when ``target`` exists and
    ``overwrite`` is false, and NotARegularFile when ``overwrite`` is true and ``target`` is a
    folder, a device, a pipe or a link; with ``inside``, NotAFolder when a folder between it
    and ``target`` is a link. On any exception the temporary file is removed.
    """
    target = Path(target)
    if inside is not None:
        refuse_links_below(inside, target.parent)
    if overwrite:
        refuse_unless_replaceable(target)
    elif target.exists():
        raise FileExistsError(target)
    where = target.parent if temp_dir is None else temp_dir
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix, suffix=TEMP_SUFFIX, dir=where)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        if inside is not None:
            refuse_links_below(inside, target.parent)
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


def write_bytes(
    target: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    inside: Path | None = None,
    temp_dir: Path | None = None,
    temp_prefix: str = TEMP_PREFIX,
) -> None:
    with atomic_path(
        target, overwrite=overwrite, inside=inside, temp_dir=temp_dir, temp_prefix=temp_prefix
    ) as tmp:
        tmp.write_bytes(data)


def write_text(
    target: Path, text: str, *, overwrite: bool = False, encoding: str = "utf-8"
) -> None:
    write_bytes(target, text.encode(encoding), overwrite=overwrite)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
