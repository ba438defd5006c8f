"""Files shipped with NoticeDesk: the sample case and the document templates.

An installed wheel carries them inside the package (``noticedesk/_bundled``); a source checkout
and an editable install read them from the repository's top-level folders. A frozen build maps
them to ``noticedesk/_bundled`` too, so no ``sys._MEIPASS`` branch is needed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_dir(name: str) -> Path:
    """``resources`` or ``templates``, wherever this installation keeps them."""
    packaged = Path(str(resources.files("noticedesk"))) / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def sample_dir() -> Path:
    return bundled_dir("resources") / "sample"


def templates_dir() -> Path:
    return bundled_dir("templates")
