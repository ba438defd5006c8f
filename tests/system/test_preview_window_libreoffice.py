"""The window's preview with the real converter: LibreOffice draws the selected client's letter.

The other preview tests (tests/gui/preview/) use ``FakeConverter`` and need no LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noticedesk.core.documents.pages import page_text
from noticedesk.gui.common.tasks import ThreadPoolRunner
from tests.helpers.converters import require_soffice
from tests.helpers.windows import (
    ROWS,
    close_windows,
    open_window,
    prepared_session,
    select_client,
    wait_previewed,
    write_roster,
)

pytestmark = [pytest.mark.libreoffice]

JOINT = "code:C0001"  # ㈱髙橋製作所, in the joint report


def test_the_window_shows_pages_made_by_libreoffice(
    qtbot: QtBot, isolated_data_dir: Path, tmp_path: Path
) -> None:
    require_soffice()
    session = prepared_session(isolated_data_dir, write_roster(tmp_path / "顧問先一覧.csv", ROWS))
    window = open_window(
        isolated_data_dir, session, qtbot=qtbot, runner=ThreadPoolRunner(), preview=True
    )
    try:
        panel = window.preview
        select_client(window, JOINT)
        wait_previewed(qtbot, window, JOINT, timeout=120_000)
        assert panel.jobs.converter is not None and panel.jobs.converter.name == "LibreOffice"
        assert panel.kinds() == ["cover", "internal", "report", "reply"]
        image = panel.strip.pixmaps()[0].toImage()
        inked = sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).lightness() < 160
        )
        assert inked > 300  # a letter, not a blank sheet
        text = page_text(panel.result.document("cover").pdf, 0)  # type: ignore[union-attr,arg-type]
        assert "髙橋製作所" in text.replace(" ", "")
    finally:
        close_windows([window])
