"""`noticedesk validate`: what a user sees, the JSON a script reads, and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from tests.helpers.paths import SAMPLE
from tests.helpers.rosters import client_row, good_rows, write_csv

SAMPLE_INDIVIDUAL = [
    "株式会社さくら運輸",
    "株式会社東雲建設",
    "株式会社新宿ビルメンテナンス",
    "株式会社中野システム開発",
    "株式会社天神不動産",
    "株式会社青山デザイン",
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_bundled_sample_is_clean_and_lists_its_opted_in_clients(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, str(SAMPLE / "roster.csv"))
    assert code == 0
    assert "顧問先 40 件（共同報告 34 件・個別報告 6 件）" in out
    opted = out.split("個別報告を希望した顧問先（6 件）")[1].split("読み込んだ顧問先")[0]
    assert [line.split()[-1] for line in opted.strip().splitlines()] == SAMPLE_INDIVIDUAL
    assert "㈱髙橋製作所" in out and "株式会社①番館" in out
    assert "問題はありません。" in out


def test_bundled_sample_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(SAMPLE / "roster.csv"), "--json")
    result = json.loads(out)
    assert code == 0
    assert result["clients"] == 40
    assert result["joint"] == 34
    assert result["individual"] == SAMPLE_INDIVIDUAL
    assert result["issues"] == []
    # The sample's 対象者数, 代表者 and 自称 columns are read as fields, not kept as extras.
    assert result["columns"]["employees"] == "従業員数"
    assert result["columns"]["people"] == "対象者数"
    assert result["columns"]["representative"] == "代表者"
    assert result["columns"]["self_reference"] == "自称"
    source = result["source"]
    assert (source["format"], source["encoding"], source["header_row"]) == ("csv", "cp932", 3)
    assert len(source["sha256"]) == 64 and source["path"].endswith("roster.csv")


def test_problems_give_exit_1_and_name_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        *good_rows(),
        client_row("C0004", "株式会社さくら運輸", phone="03-12", individual="未定"),
    ]
    path = write_csv(tmp_path / "roster.csv", rows)
    code, out, _ = _run(capsys, str(path))
    assert code == 1
    assert "問題 2 件（エラー 1 件・警告 1 件）" in out
    assert "  行 7 / 個別報告希望: 個別報告の回答「未定」を判別できません。" in out
    assert "  行 7 / 電話番号: 電話番号「03-12」を読み取れません。" in out
    # An error is listed before the warnings, under its own heading.
    assert out.index("エラー（") < out.index("行 7 / 個別報告希望") < out.index("警告（")


def test_warnings_alone_still_give_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "roster.csv", [client_row(phone="363639779")])
    code, out, _ = _run(capsys, str(path))
    assert code == 1
    assert "行 4 / 電話番号: 電話番号の先頭の 0 が欠けていたため補いました" in out
    assert "03-6363-9779" in out


def test_unreadable_people_count_and_self_reference_are_named_by_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        *good_rows(),
        client_row("C0004", "株式会社さくら運輸", people="約30", self_reference="わたくしども"),
    ]
    code, out, _ = _run(capsys, str(write_csv(tmp_path / "roster.csv", rows)))
    assert code == 1
    assert "問題 2 件（エラー 0 件・警告 2 件）" in out
    assert "  行 7 / 対象者数: 対象者数（本人の数）「約30」を人数として読めません。" in out
    assert "  行 7 / 自称: 自称「わたくしども」は" in out
    code, out, _ = _run(capsys, str(tmp_path / "roster.csv"), "--lang", "en")
    assert "Row 7 / 対象者数: Cannot read “約30” as the number of people affected" in out


def test_json_issues_carry_row_column_severity_code_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "roster.csv", [*good_rows(), client_row("C0009", "")])
    code, out, _ = _run(capsys, str(path), "--json")
    result = json.loads(out)
    assert code == 1
    assert result["clients"] == 3
    [issue] = result["issues"]
    assert issue["row"] == 7
    assert issue["column"] == "事業所名"
    assert issue["severity"] == "error"
    assert issue["code"] == "missing_name"
    assert issue["message"].startswith("事業所名が空欄です")
    assert issue["message_en"].startswith("The client name is blank")


def test_unreadable_file_gives_exit_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("事業所名\n㈱髙橋製作所\n", encoding="utf-8")
    code, out, err = _run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err.strip().startswith("読み込めません: 「roster.xlsx」は拡張子が .xlsx ですが")
    assert "Traceback" not in err


def test_unreadable_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(tmp_path / "missing.csv"), "--json")
    assert code == 2
    assert "見つかりません" in json.loads(out)["error"]["message"]


def test_usage_error_gives_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["validate"])
    assert stopped.value.code == 2


def test_help_states_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "1 エラーまたは警告あり" in capsys.readouterr().out


def test_encoding_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    code, _, err = _run(capsys, str(path), "--encoding", "utf-8")
    assert code == 2 and "utf-8" in err
    code, out, _ = _run(capsys, str(path), "--encoding", "cp932", "--json")
    assert code == 0 and json.loads(out)["source"]["encoding"] == "cp932"


def test_english_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "roster.csv", [*good_rows(), client_row("C0009", "")])
    code, out, _ = _run(capsys, str(path), "--lang", "en")
    assert code == 1
    assert "3 clients (2 in the joint report, 1 reporting individually)" in out
    assert "Row 7 / 事業所名: The client name is blank" in out


def test_client_table_is_aligned_for_wide_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    _, out, _ = _run(capsys, str(path))
    table = out.split("読み込んだ顧問先（3 件）\n")[1].split("\n\n")[0].splitlines()
    # The phone column starts at the same screen column on every line (wide = 2 columns).
    from noticedesk.cli.validate import display_width

    starts = {display_width(line[: line.index(p)]) for line, p in zip(
        table[1:], ["03-6363-9779", "03-4712-2144", "092-845-2013"], strict=True)}  # fmt: skip
    assert len(starts) == 1
    assert display_width(table[0][: table[0].index("電話番号")]) in starts


def test_installed_command_runs_on_the_sample() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "noticedesk", "validate", str(SAMPLE / "roster.csv"), "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert json.loads(done.stdout.decode("utf-8"))["individual"] == SAMPLE_INDIVIDUAL
