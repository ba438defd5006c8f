"""A trace of a crash Python cannot catch: Qt aborting, a fault in a native library.

``sys.excepthook`` (core.crash_report) never runs when the process dies in C code: a Qt fatal
error, a Rust panic in a reader, a segmentation fault. ``faulthandler`` can still write the
Python stack of every thread at that moment, into a file opened beforehand. Each window session
opens ``logs/native-<time>-<pid>.txt`` in the data folder, beside the crash reports, with a
header; a session that ends normally removes it, so a file left with more than its header is a
crash to send. Like the crash reports it holds no client data: faulthandler writes file names,
line numbers and function names, never values.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import faulthandler
import os
import platform
import sys
from pathlib import Path
from typing import TextIO

from noticedesk import __version__


def enable(data_dir: Path) -> Path | None:
    """Start writing native crashes under ``data_dir/logs``; the file's path, or None when the
    folder cannot be written (the program runs on without the trace)."""
    logs = data_dir / "logs"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = logs / f"native-{stamp}-{os.getpid()}.txt"
    try:
        logs.mkdir(parents=True, exist_ok=True)
        stream = path.open("w", encoding="utf-8")
        stream.write(_header())
        stream.flush()
    except OSError:
        return None
    faulthandler.enable(file=stream, all_threads=True)
    atexit.register(_finish, stream, path, stream.tell())
    return path


def _header() -> str:
    return (
        f"NoticeDesk {__version__}\n"
        f"Python {sys.version.split()[0]} on {platform.platform()}\n"
        f"started {dt.datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        "If this file has more than these lines, NoticeDesk stopped abruptly: please send it.\n\n"
    )


def _finish(stream: TextIO, path: Path, header_size: int) -> None:
    """At a normal exit: stop, and remove the file if nothing was written after the header."""
    faulthandler.disable()
    stream.close()
    with contextlib.suppress(OSError):
        if path.stat().st_size <= header_size:
            path.unlink()
