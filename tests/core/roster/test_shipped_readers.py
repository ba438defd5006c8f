"""Workbooks read with only the readers NoticeDesk ships: calamine for .xlsx, .xls and .ods.

odfpy and xlrd are not dependencies (odfpy installs only from source, which a wheels-only
install on Windows refuses). These tests hide both, as an installation without them does, so a
read that reached for either fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from noticedesk.core.clients import RosterError
from noticedesk.core.roster import import_roster
from tests.helpers.rosters import client_row, good_rows, roster_sheet, write_ods, write_xlsx

NAMES = ["㈱髙橋製作所", "有限会社山﨑商店", "株式会社①番館"]


def _write_xls(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("顧問先一覧")
    for r, row in enumerate(roster_sheet(good_rows())):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return path


@pytest.fixture
def unshipped_readers_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import odf`` and ``import xlrd`` fail from here on, as where they are not installed."""
    hidden = ("odf", "xlrd")
    for name in [m for m in sys.modules if m.split(".")[0] in hidden] + list(hidden):
        monkeypatch.setitem(sys.modules, name, None)


def test_ods_xls_and_xlsx_are_read_without_odfpy_or_xlrd(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    files = {
        "ods": write_ods(tmp_path / "roster.ods", good_rows()),
        "xls": _write_xls(tmp_path / "roster.xls"),
        "xlsx": write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(good_rows())}),
    }
    request.getfixturevalue("unshipped_readers_hidden")  # hidden once the files are written
    for file_format, path in files.items():
        roster = import_roster(path)
        assert roster.source.file_format == file_format
        assert [c.name for c in roster.clients] == NAMES


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_a_damaged_workbook_is_named_damaged_not_a_missing_reader(
    tmp_path: Path, suffix: str, request: pytest.FixtureRequest
) -> None:
    # Once calamine refuses an .ods or .xls there is no second reader to try: the office reads
    # that the file is damaged, not that some module could not be imported.
    if suffix == ".ods":
        good = write_ods(tmp_path / "good.ods", [client_row()])
    else:
        good = _write_xls(tmp_path / "good.xls")
    data = good.read_bytes()
    damaged = tmp_path / f"roster{suffix}"
    damaged.write_bytes(data[: len(data) * 2 // 3])
    request.getfixturevalue("unshipped_readers_hidden")
    with pytest.raises(RosterError) as caught:
        import_roster(damaged)
    message = caught.value.text("en")
    assert "damaged" in message
    assert "odf" not in message and "xlrd" not in message
