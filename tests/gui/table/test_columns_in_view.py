"""The table on an office's screen: the tick and the statuses in view beside the preview, the
documents in envelope order, every header read whole, saved widths kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.table.model import (
    COL_ANSWER,
    COL_CODE,
    COL_FIRST_STATUS,
    COL_INDIVIDUAL,
    COL_NAME,
    COLUMN_COUNT,
)
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.windows import WindowFactory, open_session, prepared_session

# Room a header needs beside its text: the section's own margins (and no more is asked).
HEADER_MARGIN = 12
SCREENS = [(1366, 768), (1280, 800)]
STATUS_COLUMNS = [COL_FIRST_STATUS + i for i in range(len(DOCUMENT_KINDS))]


def sample_window(
    make_window: WindowFactory, data_dir: Path, language: str, translation: Translation
) -> MainWindow:
    assert translation.switch(language)
    session = prepared_session(data_dir, sample_dir() / "roster.csv")  # 40 clients
    return make_window(
        session, language=language, translation=translation, preview=True, converter=None
    )


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)


def header_text(window: MainWindow, column: int) -> str:
    return str(window.model.headerData(column, Qt.Orientation.Horizontal))


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_tick_and_every_status_stay_in_view_with_the_preview_open(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    translation: Translation,
    language: str,
    screen: tuple[int, int],
) -> None:
    window = sample_window(make_window, data_dir, language, translation)
    window.resize(*screen)  # maximised on that screen (the offscreen one has no frame)
    settle(qtbot)
    dock = window.preview.dock
    assert dock is not None and dock.isVisible() and dock.width() >= 500
    header = window.table.horizontalHeader()
    viewport = window.table.viewport().width()
    assert window.table.horizontalScrollBar().value() == 0
    for column in [COL_INDIVIDUAL, *STATUS_COLUMNS]:
        left = header.sectionViewportPosition(column)
        right = left + header.sectionSize(column)
        assert left >= 0 and right <= viewport, (header_text(window, column), left, right, viewport)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_header_is_read_whole(
    make_window: WindowFactory,
    qtbot: QtBot,
    data_dir: Path,
    translation: Translation,
    language: str,
) -> None:
    window = sample_window(make_window, data_dir, language, translation)
    settle(qtbot)
    header = window.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(COLUMN_COUNT):
        text = header_text(window, column)
        assert metrics.horizontalAdvance(text) <= header.sectionSize(column) - HEADER_MARGIN, text


def test_a_switch_of_language_widens_a_header_that_would_be_cut(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, translation: Translation
) -> None:
    window = sample_window(make_window, data_dir, "ja", translation)
    header = window.table.horizontalHeader()
    for column in range(COLUMN_COUNT):
        window.table.setColumnWidth(column, 20)  # narrower than any header
    window.set_language("en")
    settle(qtbot)
    metrics = header.fontMetrics()
    for column in range(COLUMN_COUNT):
        text = header_text(window, column)
        assert metrics.horizontalAdvance(text) <= header.sectionSize(column) - HEADER_MARGIN, text


def test_the_statuses_follow_the_documents_01_to_04_after_the_tick(
    make_window: WindowFactory, data_dir: Path, translation: Translation
) -> None:
    window = sample_window(make_window, data_dir, "ja", translation)
    header = window.table.horizontalHeader()
    shown = sorted(range(COLUMN_COUNT), key=header.visualIndex)
    statuses = [c for c in shown if c in STATUS_COLUMNS]
    kinds = [DOCUMENT_KINDS[c - COL_FIRST_STATUS] for c in statuses]
    assert [KINDS[k].file_prefix for k in kinds] == ["01", "02", "03", "04"]
    assert [header_text(window, c) for c in statuses] == [
        "送付状",
        "従業員向け通知",
        "委託元への通知",
        "個別報告の案内",
    ]
    assert shown[:2] == [COL_CODE, COL_INDIVIDUAL]
    assert shown.index(COL_NAME) == len(STATUS_COLUMNS) + 2  # the long texts after them
    # The name's answer to the reply slip beside it.
    assert shown.index(COL_ANSWER) == len(STATUS_COLUMNS) + 3
    assert header_text(window, COL_ANSWER) == "回答"
    # The short headers say the rest in their tooltips.
    tip = window.model.headerData(
        statuses[0], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "文書 01：送付状"


def test_saved_widths_come_back_by_column_and_only_a_cut_header_is_widened(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, translation: Translation
) -> None:
    window = sample_window(make_window, data_dir, "en", translation)
    widths = [90 + 10 * column for column in range(COLUMN_COUNT)]
    widths[COL_INDIVIDUAL] = 15  # saved by hand far too narrow
    for column, width in enumerate(widths):
        window.table.setColumnWidth(column, width)
    widths = [window.table.columnWidth(column) for column in range(COLUMN_COUNT)]  # Qt's least
    assert widths[COL_INDIVIDUAL] < window.table.header_width(COL_INDIVIDUAL)
    assert window.close()  # saves the widths, and closes the case
    assert window.state.settings.column_widths() == widths

    again = make_window(open_session(data_dir), language="en", translation=translation)
    settle(qtbot)
    restored = [again.table.columnWidth(column) for column in range(COLUMN_COUNT)]
    for column in range(COLUMN_COUNT):
        if column == COL_INDIVIDUAL:
            assert restored[column] == again.table.header_width(column)
        else:
            assert restored[column] == widths[column]


def test_the_model_says_which_rows_the_search_shows(
    make_window: WindowFactory, data_dir: Path, translation: Translation
) -> None:
    window = sample_window(make_window, data_dir, "en", translation)
    assert window.model.shown_rows() is None  # no search: every row
    window.search.setText("C0003")
    shown = window.model.shown_rows()
    assert shown is not None
    assert [window.model.row_at(row).client.code for row in shown] == ["C0003"]
    assert window.proxy.rowCount() == 1
    window.search.clear()
    assert window.model.shown_rows() is None
