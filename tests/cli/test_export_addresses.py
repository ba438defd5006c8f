"""`noticedesk export --kinds envelope,labels`: sizes, sheets and the first label from the
command line, and one sentence when one of them cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.documents.print_files import PRINT_FOLDER
from tests.helpers.address_sheets import grid_cells


def _export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["export", "--demo", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_envelopes_and_labels_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, data = _export(
        capsys,
        "--out",
        str(out),
        "--kinds",
        "envelope,labels",
        "--envelope-size",
        "角2",
        "--label-layout",
        "a4-24",
        "--label-start",
        "7",
    )
    assert code == 0, data["problems"]
    assert data["address_files"] == {
        "envelope": str(out / PRINT_FOLDER / "封筒_角形2号.docx"),
        "labels": str(out / PRINT_FOLDER / "宛名ラベル_a4-24.docx"),
    }
    assert data["count"] == 0  # no letter was asked for
    labels = [
        c
        for row in grid_cells((out / PRINT_FOLDER / "宛名ラベル_a4-24.docx").read_bytes())
        for c in row
    ]
    assert labels[:6] == [""] * 6 and "株式会社髙橋製作所" in labels[6]
    assert len(labels) == 48  # 40 clients from label 7: two sheets of 24


def test_a_label_layout_from_the_office_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "label_layouts.toml").write_text(
        "[layouts.own-10]\ncolumns = 2\nrows = 5\nlabel_width = 86.4\nlabel_height = 50.8\n"
        "top = 21.2\nleft = 18.6\npitch_x = 86.4\npitch_y = 50.8\npadding = 5\n",
        encoding="utf-8",
    )
    code, data = _export(
        capsys,
        "--data-dir",
        str(data_dir),
        "--out",
        str(tmp_path / "out"),
        "--kinds",
        "labels",
        "--label-layout",
        "own-10",
    )
    assert code == 0, data["problems"]
    assert str(data["address_files"]["labels"]).endswith("宛名ラベル_own-10.docx")  # type: ignore[index]


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--kinds", "labels", "--label-layout", "a4-99"], "ラベルの配置「a4-99」はありません"),
        (["--kinds", "labels", "--label-start", "13"], "開始位置 13"),
        (["--kinds", "envelope", "--envelope-size", "洋長3"], "封筒の大きさ「洋長3」はありません"),
        (["--kinds", "cover,envelopes"], "envelopes"),
    ],
)
def test_an_unusable_choice_is_one_sentence_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    out = tmp_path / "out"
    code = main(["export", "--demo", "--out", str(out), *options])
    err = capsys.readouterr().err
    assert code == 2
    assert said in err and "Traceback" not in err
    assert not out.exists()
