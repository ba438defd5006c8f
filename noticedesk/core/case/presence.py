"""Who has a case open: a small note beside the case file, so "in use" can say by whom.

Each open ``CaseStore`` writes ``cases/.<case id>.<pid>.<random>.open`` (JSON: OS user, host,
pid, since when; 0600) and removes it on close. When the case's write lock is held beyond the
short wait, the notes of the others are read to name them.

Decisions:
- A note is a hint, never a lock: SQLite's own locking decides who may write. A note that
  cannot be written (a read-only stick) is skipped.
- A note left by a process that died (a crash, a kill) is ignored and removed when it is on
  this host and its pid is not running; a note from another host (a shared folder) is shown
  as it is, since its process cannot be checked from here.
- The note holds no client data: the OS user name and the host are already in the log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets as token
import socket
import sys
from pathlib import Path

from noticedesk.core.case.audit import current_user
from noticedesk.core.case.errors import Holder
from noticedesk.core.paths import create_private_file


def _host() -> str:
    try:
        return socket.gethostname() or "unknown"
    except OSError:
        return "unknown"


def _pattern(case_file: Path) -> str:
    return f".{case_file.stem}.*.open"


class OpenNote:
    """This process's note for one open case; ``remove`` on close."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def write(cls, case_file: Path) -> OpenNote:
        path = case_file.with_name(f".{case_file.stem}.{os.getpid()}.{token.token_hex(4)}.open")
        note = {
            "user": current_user(),
            "host": _host(),
            "pid": os.getpid(),
            "since": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        }
        try:
            create_private_file(path)
            path.write_text(json.dumps(note, ensure_ascii=False), "utf-8")
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink()
            return cls(None)
        return cls(path)

    def remove(self) -> None:
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.path = None


def holders(case_file: Path, own: OpenNote | None = None) -> list[Holder]:
    """Everyone else who has the case open, as far as the notes tell; dead ones are dropped."""
    here = _host()
    out: list[Holder] = []
    for path in sorted(case_file.parent.glob(_pattern(case_file))):
        if own is not None and path == own.path:
            continue
        try:
            data = json.loads(path.read_text("utf-8"))
            holder = Holder(
                str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if holder.host == here and not pid_alive(holder.pid):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        out.append(holder)
    return out


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate it there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True
