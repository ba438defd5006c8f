"""What is kept when something fails that no message was written for.

The user sees one sentence and where the report is; the report holds what a developer needs
(the exception's type and where in the code it happened) and nothing a client could be named
in: exception messages and values are left out, because they can carry roster text, and the
data folder must not hold a client's name in readable form.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from pathlib import Path

from noticedesk import __version__
from noticedesk.core import atomic


def crash_text(exc: BaseException) -> str:
    """The report: versions, then each frame (file, line, function) and the exception types."""
    lines = [
        f"NoticeDesk {__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        f"at {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        "",
    ]
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in reversed(chain):
        lines.append(f"{type(item).__module__}.{type(item).__qualname__}")
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_report(folder: Path, exc: BaseException) -> Path:
    """Write the report into ``folder/logs`` and return its path."""
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = logs / f"crash-{stamp}.txt"
    atomic.write_text(path, crash_text(exc))
    return path
