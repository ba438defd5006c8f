"""The command line's whole job on one case: import, tick, incident, export, status, log."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir

SAMPLE = sample_dir()


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def prepared_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "new", "2023年システム障害"]) == 0
    assert main(["office", "import", str(SAMPLE / "office.toml")]) == 0
    assert main(["case", "import", str(SAMPLE / "roster.csv")]) == 0
    capsys.readouterr()


def test_export_without_roster_uses_the_case_ticks_and_records_the_files(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    # ㈱髙橋製作所 (C0001) says in the file it joins the joint report; the office learns
    # otherwise and ticks it in the case.
    assert main(["case", "tick", "C0001"]) == 0

    out = tmp_path / "出力"
    code, report = _json(capsys, ["export", "--out", str(out), "--json"])
    assert code == 0, report
    by_code = {c["code"]: c for c in report["clients"]}
    assert by_code["C0001"]["individual"] is True
    assert any("個別報告" in Path(f).name for f in by_code["C0001"]["files"])
    assert all(Path(f).is_file() for c in report["clients"] for f in c["files"])

    sheet = openpyxl.load_workbook(report["ppc_list"]).active
    listed = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    assert "㈱髙橋製作所" not in listed
    assert len(listed) == 40 - 7  # the sample's six opted out, and the tick above

    code, status = _json(capsys, ["case", "status", "--json"])
    assert status["documents"]["cover"]["exported"] == 40
    # Only clients who report individually were given the own-report guide.
    assert status["documents"]["individual"]["exported"] == 7

    log_file = tmp_path / "log.csv"
    assert main(["log", "--csv", str(log_file)]) == 0
    with open(log_file, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    assert "C0001" in text or "㈱髙橋製作所" in text
    actions = [row for row in csv.reader(text.splitlines())]
    assert any("書き出し" in " ".join(r) or "export" in " ".join(r) for r in actions)


def test_second_export_refuses_to_overwrite_and_changes_nothing(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    out = tmp_path / "out"
    assert main(["export", "--out", str(out)]) == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["export", "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_export_of_a_case_without_incident_says_how_to_add_one(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["export", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "noticedesk case incident" in err
    assert not out.exists() or not any(out.iterdir())


def test_export_with_no_case_and_no_roster_is_a_clear_refusal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["export", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "ROSTER" in err and "case new" in err
    assert "Traceback" not in err


def test_case_incident_shows_deadlines_and_filings(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    out = capsys.readouterr().out
    assert "2023年6月9日 報告済" in out and "2023年7月28日 報告済" in out

    # A fresh incident, found three days ago, with nothing filed yet: days are counted down.
    today = dt.date.today()
    text = (SAMPLE / "incident.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(preliminary|final)_filed_on = .*$", "", text)
    shifted = (
        ("discovered_on", -3),
        ("clients_notified_on", -2),
        ("notice_date", 0),
        ("reply_by", 14),
    )
    for key, day in shifted:
        text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {today + dt.timedelta(day)}", text)
    fresh = tmp_path / "incident.toml"
    fresh.write_text(text, encoding="utf-8")
    assert main(["case", "incident", str(fresh)]) == 0
    out = capsys.readouterr().out
    assert "あと 1 日" in out  # 速報: the 5th day counting discovery as day 1
    assert "報告済" not in out
    assert "根拠: " in out and "を1日目として60日目" in out


def test_the_office_sets_a_deadline_itself_and_goes_back_to_the_rule(
    prepared_case: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    capsys.readouterr()
    assert main(["case", "deadline", "final", "2023-07-31"]) == 0
    out = capsys.readouterr().out
    assert "確報の期限: 2023年7月31日" in out
    assert "事務所の判断による期限。規定による計算では2023年8月3日" in out
    assert main(["case", "deadline", "final", "2023-06-01"]) == 2  # before the discovery
    assert "発覚日より前" in capsys.readouterr().err
    assert main(["case", "deadline", "final", "rule"]) == 0
    assert "確報の期限: 2023年8月3日" in capsys.readouterr().out
    assert main(["log"]) == 0
    log = capsys.readouterr().out
    assert "確報: 規定どおり → 2023年7月31日" in log
    assert "確報: 2023年7月31日 → 規定どおり" in log


def test_one_client_is_exported_again_by_its_code_and_the_rest_are_left_alone(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--kinds", "cover"]) == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")}

    capsys.readouterr()
    argv = ["export", "--out", str(out), "--kinds", "cover", "--clients", "C0002"]
    assert main(argv) == 2  # its letter and the regulator's list are there
    assert "--force" in capsys.readouterr().err
    code, report = _json(capsys, [*argv, "--force", "--json"])
    assert code == 0, report
    assert [c["code"] for c in report["clients"]] == ["C0002"]
    assert report["count"] == 1
    assert report["ppc_count"] == 34  # the whole case's joint report, not one client
    changed = {p for p, t in before.items() if p.stat().st_mtime_ns != t}
    assert [p.parent.name.split("_")[0] for p in changed] == ["C0002"]
    code, status = _json(capsys, ["case", "status", "--json"])
    assert status["documents"]["cover"]["exported"] == 40


def test_pending_only_writes_the_guide_of_a_client_ticked_after_the_export(
    prepared_case: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    out = tmp_path / "out"
    assert main(["export", "--out", str(out)]) == 0
    assert main(["case", "tick", "C0001"]) == 0
    code, report = _json(
        capsys, ["export", "--out", str(out), "--pending-only", "--force", "--json"]
    )
    assert code == 0, report
    assert [(c["code"], len(c["files"])) for c in report["clients"]] == [("C0001", 1)]
    assert "個別報告のご案内" in Path(report["clients"][0]["files"][0]).name
    assert report["ppc_count"] == 33  # C0001 left the joint report: the list follows

    code, report = _json(capsys, ["export", "--out", str(out), "--pending-only", "--json"])
    assert code == 2
    assert "not yet exported" in report["problems"][0]["message_en"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--clients", "C0002,C9999"], "C9999"),
        (["--clients", "C0002", "--print-files"], "print files"),
    ],
)
def test_a_selection_that_cannot_be_exported_says_why_and_writes_nothing(
    prepared_case: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    extra: list[str],
    expected: str,
) -> None:
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    out = tmp_path / "out"
    code, report = _json(capsys, ["export", "--out", str(out), "--json", *extra])
    assert code == 2
    assert expected in " ".join(p["message_en"] for p in report["problems"])
    assert not out.exists()


def test_a_selection_needs_the_open_case_not_a_roster_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    roster = str(SAMPLE / "roster.csv")
    assert main(["export", roster, "--out", str(tmp_path / "out"), "--pending-only"]) == 2
    assert "開いている事案" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
