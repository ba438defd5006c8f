"""Where NoticeDesk keeps its data: the per-user data folder, or one the user names.

Order: an explicit ``--data-dir``, then ``NOTICEDESK_DATA_DIR`` (portable use from a USB stick,
and tests), then the platform's user data folder (%LOCALAPPDATA%\\NoticeDesk on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "NOTICEDESK_DATA_DIR"
APP_NAME = "NoticeDesk"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
