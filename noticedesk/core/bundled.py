"""Files shipped with NoticeDesk: the sample case, the document templates and the README (whose
day-by-day guide the window's Help menu shows).

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


def readme_file() -> Path:
    """The README: beside the package in a wheel (``_bundled/README.md``), else the checkout's.
    It may be missing from a build that did not bundle it; callers say so."""
    packaged = Path(str(resources.files("noticedesk"))) / "_bundled" / "README.md"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "README.md"
