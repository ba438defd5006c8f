"""The export's output folder: whether it can be one, and writing inside it safely.

Decisions:
- Nothing inside the output folder is followed out of it: folders are created one by one
  without following a link (``atomic.make_folders``), and every write checks, before it starts
  and again before the rename, that no folder between the output folder and the file is a link
  (a link planted as a client's folder would otherwise send that client's documents wherever
  it points). The output folder itself is the user's choice and may be a link.
- Temporary files never sit beside the documents in a client's folder: each thread that
  writes gets a private folder of its own in the output folder, ``.noticedesk-<run>-<random>``,
  holding ``.noticedesk-<run>-<random>.tmp`` files, each renamed into place when whole (with
  every writer's temporary files in one folder, the writers queue on it: an export of 3,000
  documents was about a tenth slower). ``<run>`` marks one export, which removes its folders
  when it ends, however it ends (``remove_temporaries``, also after its worker processes were
  killed). The next export into the folder removes what an export killed part-way left:
  NoticeDesk's temporary files (this pattern, or ``.~nd-*.tmp`` as earlier versions and other
  writers name them; regular files only, older than that export's start) in the output
  folder, in the folders directly in it and in the private folders of earlier exports, which
  it then removes when they are empty.
- An output folder that cannot be used (a link to nowhere, a file, a read-only folder, a path
  below a file or below a read-only folder) is named in a sentence before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.documents.problems import InputProblem

TEMP_PREFIX = ".noticedesk-"
_TEMP_PREFIXES = (TEMP_PREFIX, atomic.TEMP_PREFIX)


def is_temporary_name(name: str) -> bool:
    """A name NoticeDesk gives its temporary files."""
    return name.startswith(_TEMP_PREFIXES) and name.endswith(atomic.TEMP_SUFFIX)


@dataclass(frozen=True, slots=True)
class OutputFolder:
    """Writing inside one export's output folder ``root`` (see the module docstring)."""

    root: Path
    run: str  # marks this export's temporary files

    @classmethod
    def for_run(cls, root: Path) -> OutputFolder:
        return cls(Path(root), secrets.token_hex(4))

    @property
    def temp_prefix(self) -> str:
        return f"{TEMP_PREFIX}{self.run}-"

    def make_folder(self, folder: Path) -> None:
        """Create ``folder`` below the root without following a link (NotAFolder if one is)."""
        atomic.make_folders(self.root, folder)

    def write_bytes(self, target: Path, data: bytes, *, overwrite: bool) -> None:
        """Write ``target`` (below the root) atomically, by way of this thread's folder."""
        atomic.write_bytes(
            target,
            data,
            overwrite=overwrite,
            inside=self.root,
            temp_dir=self._temp_folder(),
            temp_prefix=self.temp_prefix,
        )

    def _temp_folder(self) -> Path:
        """The calling thread's private folder for this export's temporary files."""
        key = (self.run, threading.get_ident())
        with _folders_lock:
            folder = _folders.get(key)
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix=self.temp_prefix, dir=self.root))
            with _folders_lock:
                _folders[key] = folder
        return folder

    def _forget_folders(self) -> list[Path]:
        with _folders_lock:
            keys = [key for key in _folders if key[0] == self.run]
            return [_folders.pop(key) for key in keys]

    def release_folders(self) -> None:
        """Remove the private folders this process made for the export, once its writers are
        done (a chunk of clients is written); they are empty then."""
        for folder in self._forget_folders():
            with contextlib.suppress(OSError):
                os.rmdir(folder)

    def remove_temporaries(self) -> None:
        """Remove all of this export's private folders and whatever they hold (called when it
        ends, however it ends: after its worker processes were killed, what they were
        writing)."""
        self._forget_folders()
        _clear_folders(self.root, self.temp_prefix)

    def remove_leftovers(self, before_ns: int) -> None:
        """Remove NoticeDesk's temporary files older than ``before_ns`` (``time.time_ns``) in
        the root, the folders directly in it and the private folders of other exports: what
        an export killed part-way left (see the module docstring)."""

        _remove_temporaries_in(self.root, before_ns)
        for folder in _clear_folders(self.root, TEMP_PREFIX, before_ns):
            _remove_temporaries_in(folder, before_ns)


# This process's private temporary folders, by (run, thread); the lock guards the table.
_folders: dict[tuple[str, int], Path] = {}
_folders_lock = threading.Lock()


def _clear_folders(root: Path, prefix: str, before_ns: int | None = None) -> list[Path]:
    """Empty and remove the private folders in ``root`` whose names start with ``prefix``
    (with ``before_ns``, only those unchanged since then); returns the other folders directly
    in ``root``. Links are neither followed nor returned."""
    others = []
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                continue
            status = _lstat(entry)  # a junction on Windows is a link, not a folder
            if status is None or atomic.is_link(status):
                continue
            if entry.name.startswith(prefix) and (
                before_ns is None or status.st_mtime_ns < before_ns
            ):
                _remove_temporaries_in(Path(entry.path), None)
                with contextlib.suppress(OSError):
                    os.rmdir(entry.path)  # only when empty: nothing but our files is removed
            else:
                others.append(Path(entry.path))
    return others


def _remove_temporaries_in(folder: Path, before_ns: int | None) -> None:
    """Remove NoticeDesk's temporary files in ``folder`` (regular files only; with
    ``before_ns``, only those older than it)."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not is_temporary_name(entry.name):
                continue
            status = _lstat(entry)
            if (
                status is not None
                and stat.S_ISREG(status.st_mode)
                and not atomic.is_link(status)
                and (before_ns is None or status.st_mtime_ns < before_ns)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _lstat(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat(follow_symlinks=False)
    except OSError:
        return None


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def folder_problems(out_dir: Path) -> list[InputProblem]:
    """Why ``out_dir`` cannot be the output folder (empty: it can), before anything is written."""
    out_dir = Path(out_dir)
    try:
        status = os.lstat(out_dir)
    except OSError:  # not there (or below a file): look at where it would be made
        return _creation_problems(out_dir)
    if atomic.is_link(status) and not out_dir.exists():
        return [
            InputProblem(
                f"出力先 {out_dir} は、存在しない場所を指すリンクです。"
                "リンク先のフォルダを作るか、別の出力先を選んでください",
                f"The output {out_dir} is a link to a place that does not exist; create the "
                "folder it points to or choose another output folder",
            )
        ]
    if not out_dir.is_dir():
        return [
            InputProblem(
                f"出力先 {out_dir} はフォルダではありません",
                f"The output {out_dir} is not a folder",
            )
        ]
    if not _writable(out_dir):
        return [
            InputProblem(
                f"出力先のフォルダ {out_dir} に書き込めません"
                "（読み取り専用か、書き込む権限がありません）。別の出力先を選んでください",
                f"Cannot write to the output folder {out_dir} (it is read-only or you may not "
                "write there); choose another output folder",
            )
        ]
    return []


def _creation_problems(out_dir: Path) -> list[InputProblem]:
    """Why ``out_dir``, which does not exist, cannot be created."""
    parent = out_dir.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return [
            InputProblem(
                f"出力先のフォルダ {out_dir} を作れません（{parent} はフォルダではありません）。"
                "別の出力先を選んでください",
                f"Cannot create the output folder {out_dir} ({parent} is not a folder); "
                "choose another output folder",
            )
        ]
    if not _writable(parent):
        return [
            InputProblem(
                f"出力先のフォルダ {out_dir} を作れません（{parent} に書き込めません。"
                "読み取り専用か、書き込む権限がありません）。別の出力先を選んでください",
                f"Cannot create the output folder {out_dir} (cannot write to {parent}: it is "
                "read-only or you may not write there); choose another output folder",
            )
        ]
    return []


def not_created(out_dir: Path, exc: OSError) -> InputProblem:
    """The output folder could not be made after all (a permission only Windows knows of)."""
    why = exc.strerror or str(exc)
    return InputProblem(
        f"出力先のフォルダ {out_dir} を作れません（{why}）。別の出力先を選んでください",
        f"Cannot create the output folder {out_dir} ({why}); choose another output folder",
    )


__all__ = ["TEMP_PREFIX", "OutputFolder", "folder_problems", "is_temporary_name", "not_created"]
