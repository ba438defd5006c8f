"""NoticeDesk's icon for every window, from the PNGs in ``resources/icons``.

The .exe carries the .ico itself (build.spec); the window's title bar and the task bar take
the icon Qt is given, so each drawn size is added and Qt picks the nearest.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from noticedesk.core.bundled import bundled_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The icon with every size found; an empty icon if the files are missing."""
    icon = QIcon()
    folder = bundled_dir("resources") / "icons"
    for size in ICON_SIZES:
        path = folder / f"noticedesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
