"""One NoticeDesk window per user and data folder: what a second start tells the first.

A second start (a double-click while the window is open, or a client list dropped on the
program's icon) does not open a second window on the same case files: it hands its file to the
running one, which comes forward and opens it. The channel is a local socket (a named pipe on
Windows) in gui/; this module is the part without Qt: the channel's name and the message.

Decisions:
- **Per user and per data folder.** Windows pipe names are shared by every session on a
  terminal server, so the name carries the user; a start with another data folder
  (``--data-dir`` on a USB stick, a throwaway demo) is a different set of cases and gets its
  own window. The name is a hash, so neither the user nor the folder is readable from it.
- **Only paths travel.** A second start sends the files it was given, made absolute against its
  own working folder (the first may run elsewhere), as one line of JSON; the first answers one
  line so the second knows the file arrived before it exits. Anything else on the channel (too
  long, not JSON, another version) is ignored: the channel is open to the user's own programs
  only, but a window must not act on garbage.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024  # far more than a few paths need
MAX_FILES = 16
ACK = b"ok\n"


@dataclass(frozen=True, slots=True)
class HandOff:
    """What a second start asks the running window to do: come forward, open these files."""

    files: tuple[Path, ...] = ()


def channel_name(data_dir: Path, user: str | None = None) -> str:
    """The local socket's name for this user and data folder (the same in every start)."""
    who = user if user is not None else _user_name()
    folder = os.path.normcase(str(Path(data_dir).resolve()))
    digest = hashlib.sha256(f"{who}\0{folder}".encode()).hexdigest()[:24]
    return f"NoticeDesk-{digest}"


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the uid still tells apart
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def encode(hand_off: HandOff, cwd: Path | None = None) -> bytes:
    """One line: ``{"version": 1, "files": [absolute paths]}``."""
    base = Path.cwd() if cwd is None else cwd
    files = [str(base / path) for path in hand_off.files[:MAX_FILES]]
    body = json.dumps({"version": PROTOCOL_VERSION, "files": files}, ensure_ascii=False)
    return body.encode("utf-8") + b"\n"


def decode(message: bytes) -> HandOff | None:
    """The hand-off in ``message``, or None when it is not one this version understands."""
    if len(message) > MAX_MESSAGE_BYTES or not message.endswith(b"\n"):
        return None
    try:
        data = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != PROTOCOL_VERSION:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) and f for f in files):
        return None
    paths = tuple(Path(f) for f in files[:MAX_FILES])
    if not all(p.is_absolute() for p in paths):
        return None
    return HandOff(paths)


def is_complete(buffer: bytes) -> bool:
    """True once the whole message is in (its newline), or once it is too long to be one."""
    return b"\n" in buffer or len(buffer) > MAX_MESSAGE_BYTES
