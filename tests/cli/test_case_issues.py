"""`noticedesk case issues | resolve | withdraw`: the window's decisions on the roster's problems,
on the command line (one rule, two faces), on a real CP932 roster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir
from tests.helpers.rosters import client_row, good_rows, write_csv


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A case with the sample office and incident, and a roster with three blocking errors:
    a row without a name (7), an unreadable answer (8), a code shared by two clients (9)."""
    rows = [
        *good_rows(),
        client_row("C0004", "", "105-0001", "東京都港区虎ノ門1丁目1番1号"),
        client_row("C0005", "株式会社テスト商事", individual="確認中"),
        client_row("C0003", "株式会社大阪別会社", "530-0001", "大阪府大阪市北区梅田1丁目1番1号"),
    ]
    roster = write_csv(tmp_path / "顧問先一覧.csv", rows)
    run(capsys, "case", "new", "事案")
    run(capsys, "office", "import", str(sample_dir() / "office.toml"))
    run(capsys, "case", "incident", str(sample_dir() / "incident.toml"))
    assert run(capsys, "case", "import", str(roster))[0] == 1
    return roster


def issues(capsys: pytest.CaptureFixture[str]) -> dict[int, dict[str, object]]:
    code, out, _ = run(capsys, "case", "issues", "--json")
    data = json.loads(out)
    assert code == (1 if data["blocked"] else 0)
    return {int(item["row"]): item for item in data["issues"] if item["severity"] == "error"}


def test_issues_lists_every_problem_with_its_id_and_choices(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "case", "issues")
    assert code == 1
    # Each problem in validate's words, where Excel shows it, then its state and id.
    assert "行 9 / 顧問先コード: 顧問先コード「C0003」は行 6 でも使われています。" in out
    assert "エラー・未解決　選べる決定: name | exclude　id " in out
    assert "選べる決定: joint | individual | exclude" in out
    assert "選べる決定: exclude | keep-both" in out
    assert "未解決のエラーが 3 件あるため、まだ書き出せません" in out
    listed = issues(capsys)
    assert sorted(listed) == [7, 8, 9]
    assert listed[8]["choices"] == ["joint", "individual", "exclude"]
    assert all(item["resolution"] is None and not item["settled"] for item in listed.values())


def test_resolve_settles_each_problem_and_then_the_case_exports(
    imported: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = issues(capsys)
    out_dir = tmp_path / "出力"
    code, _, err = run(capsys, "export", "--out", str(out_dir))
    assert code == 2 and not out_dir.exists()  # blocked: nothing written
    # Every blocking problem on a line of its own, in validate's words.
    lines = err.splitlines()
    assert lines[0] == "顧問先一覧にエラーが 3 件あるため、この事案はまだ書き出せません。"
    assert "・行 9 / 顧問先コード: 顧問先コード「C0003」は行 6 でも使われています。" in lines
    assert sum(line.startswith("・行 ") for line in lines) == 3

    # A unique start of an id will do, as with git.
    code, out, _ = run(capsys, "case", "resolve", str(listed[8]["id"])[:6], "individual")
    assert code == 1 and "行 8: 個別報告にする" in out and "未解決のエラー: 2 件" in out
    code, out, _ = run(capsys, "case", "resolve", str(listed[7]["id"]), "name", "株式会社虎ノ門")
    assert code == 1 and "行 7: 名称を「株式会社虎ノ門」とする" in out
    code, out, _ = run(capsys, "case", "resolve", str(listed[9]["id"]), "keep-both")
    assert (
        code == 0
        and "コード「C0003」を使わず" in out
        and "書き出しを止めるエラーはありません" in out
    )

    after = issues(capsys)
    decided = after[9]["resolution"]
    assert isinstance(decided, dict)
    assert decided["decision"] == "keep-both" and decided["dropped_code"] == "C0003"
    assert decided["user"] and decided["at"]
    code, out, _ = run(capsys, "case", "issues")
    assert code == 0 and "エラー・決定済: 両方残す" in out

    code, out, _ = run(capsys, "log")
    assert out.count("一覧の問題への決定") == 3
    assert run(capsys, "export", "--out", str(out_dir))[0] == 0
    assert (out_dir / "C0003_株式会社①番館").is_dir() and (out_dir / "株式会社大阪別会社").is_dir()


def test_withdraw_and_refusals_say_what_to_do(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = issues(capsys)
    name_id, answer_id = str(listed[7]["id"]), str(listed[8]["id"])
    code, _, err = run(capsys, "case", "resolve", name_id, "name")
    assert code == 2 and "名称は name のときだけ" in err
    code, _, err = run(capsys, "case", "resolve", answer_id, "keep-both")
    assert (
        code == 2
        and "この問題に選べる決定: 共同報告にする、個別報告にする、この行を今回は除く" in err
    )
    code, _, err = run(capsys, "case", "resolve", "ffff", "exclude")
    assert code == 2 and "「ffff」という問題は、この事案の顧問先一覧にありません" in err
    code, _, err = run(capsys, "case", "withdraw", answer_id)
    assert code == 2 and "この問題にはまだ決定がありません" in err

    assert run(capsys, "case", "resolve", answer_id, "exclude")[0] == 1
    code, out, _ = run(capsys, "case", "withdraw", answer_id)
    assert code == 1 and "行 8: 決定「この行を今回は除く」を取り消しました" in out
    assert issues(capsys)[8]["resolution"] is None
    code, out, _ = run(capsys, "log")
    assert "決定の取り消し" in out
