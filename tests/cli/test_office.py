"""`noticedesk office show | set | import` over the data folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir
from noticedesk.core.office import load_office
from noticedesk.core.office_store import load_office_profile


def test_show_without_a_profile_says_how_to_make_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["office", "show"]) == 1
    assert "office import" in capsys.readouterr().err


def test_import_then_show(isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["office", "import", str(sample_dir() / "office.toml")]) == 0
    assert load_office_profile(isolated_data_dir) == load_office(sample_dir() / "office.toml")
    capsys.readouterr()
    assert main(["office", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["name"] == "さくら台社会保険労務士法人"


def test_set_checks_the_corporate_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    assert main(["office", "set", "name", "みなと社労士事務所", "--data-dir", str(folder)]) == 0
    assert (
        main(["office", "set", "corporate_number", "4010405000003", "--data-dir", str(folder)]) == 2
    )
    err = capsys.readouterr().err
    assert "法人番号" in err and "Traceback" not in err
    assert (
        main(["--data-dir", str(folder), "office", "set", "corporate_number", "5010405000003"]) == 0
    )
    profile = load_office_profile(folder)
    assert profile is not None
    assert (profile.name, profile.corporate_number) == ("みなと社労士事務所", "5010405000003")
    # Still missing the registration number and the rest: show says so with exit code 1.
    assert main(["office", "show", "--data-dir", str(folder)]) == 1
    assert "登録番号" in capsys.readouterr().err


def test_import_of_a_broken_file_is_a_clear_error(
    tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "office.toml"
    broken.write_text('[office\nname = "x"', encoding="utf-8")
    assert main(["office", "import", str(broken)]) == 2
    assert "TOML" in capsys.readouterr().err
    assert load_office_profile(isolated_data_dir) is None


def test_kind_and_date_style_are_checked_and_shape_the_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    assert (
        main(["office", "import", str(sample_dir() / "office.toml"), "--data-dir", str(folder)])
        == 0
    )
    assert main(["office", "set", "kind", "partnership", "--data-dir", str(folder)]) == 2
    assert "corporation" in capsys.readouterr().err
    assert main(["office", "set", "date_style", "wareki", "--data-dir", str(folder)]) == 0
    profile = load_office_profile(folder)
    assert profile is not None and profile.date_style == "wareki"
    assert profile.date_text(dt.date(2023, 7, 28)) == "令和5年7月28日"
