"""Column mappings kept in the data folder per header layout (``column_mappings.toml``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from noticedesk.cli import columns as cli_columns
from noticedesk.core import column_mappings
from noticedesk.core.column_mappings import (
    FILE_NAME,
    mappings_path,
    remember_mapping,
    remembered_mapping,
)
from noticedesk.core.roster import ColumnMapping

CHOSEN = ColumnMapping.parse("name=会社名,code=顧問先No,individual=個別報告する,email=")


def test_a_mapping_is_found_again_by_its_layout_and_replaced_when_chosen_again(
    tmp_path: Path,
) -> None:
    assert remembered_mapping(tmp_path, "a1") is None  # no file yet
    remember_mapping(tmp_path, "a1", CHOSEN)
    remember_mapping(tmp_path, "b2", ColumnMapping.parse("name=取引先"))
    assert remembered_mapping(tmp_path, "a1") == CHOSEN
    assert remembered_mapping(tmp_path, "c3") is None
    remember_mapping(tmp_path, "a1", ColumnMapping.parse("name=会社名"))
    assert remembered_mapping(tmp_path, "a1") == ColumnMapping.parse("name=会社名")
    assert remembered_mapping(tmp_path, "b2") == ColumnMapping.parse("name=取引先")


def test_the_file_is_plain_toml_holding_headers_only(tmp_path: Path) -> None:
    remember_mapping(tmp_path, "a1", CHOSEN, today=dt.date(2023, 7, 25))
    text = mappings_path(tmp_path).read_text(encoding="utf-8")
    assert text.startswith("# NoticeDesk: 顧問先一覧の列の対応")
    assert 'code = "顧問先No"' in text and 'email = ""' in text
    assert "saved = 2023-07-25" in text
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # no temporary file left


def test_a_file_that_cannot_be_read_counts_as_nothing_remembered(tmp_path: Path) -> None:
    path = mappings_path(tmp_path)
    path.write_text("this is [not toml", encoding="utf-8")
    assert remembered_mapping(tmp_path, "a1") is None
    remember_mapping(tmp_path, "a1", CHOSEN)  # the answer replaces what could not be read
    assert remembered_mapping(tmp_path, "a1") == CHOSEN
    path.write_text(
        'version = 1\n[layouts.a1]\ncolumns = { kode = "顧問先No" }\n', encoding="utf-8"
    )
    assert remembered_mapping(tmp_path, "a1") is None  # an entry edited wrong by hand


def test_only_the_most_recent_layouts_are_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(column_mappings, "MAX_LAYOUTS", 2)
    for day, key in enumerate(("old", "mid", "new"), start=1):
        remember_mapping(tmp_path, key, CHOSEN, today=dt.date(2023, 7, day))
    assert remembered_mapping(tmp_path, "old") is None
    assert remembered_mapping(tmp_path, "mid") == CHOSEN
    assert remembered_mapping(tmp_path, "new") == CHOSEN


def test_the_command_line_names_the_same_file() -> None:
    assert cli_columns.FILE_NAME == FILE_NAME
