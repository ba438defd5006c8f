"""Where NoticeDesk keeps its data: the per-user data folder, or one the user names.

Order: an explicit ``--data-dir``, then ``NOTICEDESK_DATA_DIR`` (portable use from a USB stick,
and tests), then the platform's user data folder (%LOCALAPPDATA%\\NoticeDesk on Windows).

Who may read it: on POSIX the folders NoticeDesk makes are 0700 and the case files 0600,
whatever the umask, so another local user cannot copy a case and try passphrases offline. The
default data folder and every ``cases/`` folder are tightened again when used; a folder the
user named (``--data-dir``, ``NOTICEDESK_DATA_DIR``) that already existed keeps its own mode,
since it may be shared on purpose: the ``cases/`` folder inside it is what is closed. On
Windows the files inherit the ACLs of the user's profile (%LOCALAPPDATA% is readable by that
user and the administrators only), which is left to the operating system.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "NOTICEDESK_DATA_DIR"
APP_NAME = "NoticeDesk"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POSIX = os.name == "posix"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
        return private_dir(path, tighten=True)
    return private_dir(path, tighten=False)


def private_dir(path: Path, *, tighten: bool = True) -> Path:
    """``path`` as a folder only its owner can enter (POSIX), made if missing.

    A folder made here is 0700 whatever the umask; an existing one is set to 0700 when
    ``tighten`` is true. A folder that cannot be changed (another owner, a FAT stick) is left.
    """
    path = Path(path)
    existed = path.is_dir()
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX and (tighten or not existed):
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Set an existing file to 0600 (POSIX); a missing or unchangeable one is left."""
    if _POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file that only its owner can read (0600 on POSIX, whatever the umask).

    Raises FileExistsError when the name is taken.
    """
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(fd)
    private_file(path)
