"""`noticedesk export` from the command line, on real CP932 rosters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.documents import PPC_LIST_NAME
from tests.helpers.documents import sample_office
from tests.helpers.paths import SAMPLE

OFFICE = ["--office", str(SAMPLE / "office.toml")]
INCIDENT = ["--incident", str(SAMPLE / "incident.toml")]


def write_roster(path: Path, rows: list[str]) -> Path:
    text = "顧問先一覧\n事業所名,所在地,電話番号,個別報告希望\n" + "\n".join(rows) + "\n"
    path.write_bytes(text.encode("cp932"))
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["export", *argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_demo_exports_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "--demo", "--out", str(tmp_path / "out"))
    assert code == 0 and data["ok"] is True
    clients = data["clients"]
    assert isinstance(clients, list) and len(clients) == 40
    individual = [c for c in clients if c["individual"]]
    assert len(individual) == 6
    for entry in clients:
        # The sample incident has a reply-by date: a reply slip for each client in the joint
        # report, the guide for each that reports individually.
        assert len(entry["files"]) == 4
        assert any("05_回答書" in f for f in entry["files"]) != entry["individual"]
        assert all(Path(f).is_file() for f in entry["files"])
    assert Path(str(data["ppc_list"])) == tmp_path / "out" / PPC_LIST_NAME
    assert data["ppc_count"] == 34


def test_roster_warnings_export_and_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(
        tmp_path / "roster.csv",
        ["㈱髙橋製作所,東京都中野区,03-1111-2222,", "株式会社山﨑,福岡県,12345,○"],
    )
    code, data = run_json(capsys, str(roster), "--out", str(tmp_path / "out"), *OFFICE, *INCIDENT)
    assert code == 1 and data["ok"] is True
    issues = data["issues"]
    assert isinstance(issues, list)
    assert [(i["row"], i["column"], i["severity"]) for i in issues] == [(4, "電話番号", "warning")]
    names = [c["name"] for c in data["clients"]]  # type: ignore[union-attr]
    assert names == ["㈱髙橋製作所", "株式会社山﨑"]


def test_roster_errors_block_the_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = write_roster(tmp_path / "roster.csv", ["株式会社一,東京都,03-1111-2222,", ",大阪府,,"])
    out = tmp_path / "out"
    code = main(["export", str(roster), "--out", str(out), *OFFICE, *INCIDENT])
    err = capsys.readouterr().err
    assert code == 1
    assert "行 4 / 事業所名: 事業所名が空欄です" in err and "何も書き出していません" in err
    assert not out.exists()


def test_unreadable_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(
        capsys, str(tmp_path / "none.csv"), "--out", str(tmp_path / "o"), *OFFICE, *INCIDENT
    )
    assert code == 2 and data["ok"] is False
    assert "none.csv" in data["problems"][0]["message"]  # type: ignore[index]
    assert not (tmp_path / "o").exists()


def test_missing_office_and_incident_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path / "roster.csv", ["株式会社一,東京都,03-1111-2222,"])
    code = main(["export", str(roster), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert "事務所情報が登録されていません" in err and "--office" in err
    assert "事案情報がありません" in err and "--incident" in err
    assert not (tmp_path / "out").exists()


def test_stored_office_profile_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    from noticedesk.core.office_store import save_office_profile

    save_office_profile(isolated_data_dir, sample_office())
    roster = write_roster(tmp_path / "roster.csv", ["株式会社一,東京都,03-1111-2222,"])
    code, data = run_json(capsys, str(roster), "--out", str(tmp_path / "out"), *INCIDENT)
    assert code == 0 and len(data["clients"]) == 1  # type: ignore[arg-type]


def test_no_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    assert main(["export", "--demo", "--out", out, "--kinds", "cover"]) == 0
    capsys.readouterr()
    code, data = run_json(capsys, "--demo", "--out", out, "--kinds", "cover")
    assert code == 2 and data["ok"] is False
    assert len(data["conflicts"]) == 41  # type: ignore[arg-type]
    code, data = run_json(capsys, "--demo", "--out", out, "--kinds", "cover", "--force")
    assert code == 0
    assert all(len(c["files"]) == 1 for c in data["clients"])  # type: ignore[union-attr]


def test_unknown_kind_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "--demo", "--out", str(tmp_path / "o"), "--kinds", "cover,letter"])
    assert code == 2
    assert "letter" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
