"""`noticedesk case answer | answers`, `case status --json` and `export --kinds reply,reminder`
on the bundled CP932 roster and incident, as office staff use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from tests.cli.test_case import run, status, write_roster


@pytest.fixture
def case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    run(capsys, "case", "new", "事案")
    assert run(capsys, "case", "import", str(write_roster(tmp_path / "顧問先一覧.csv")))[0] == 0
    assert run(capsys, "case", "incident", str(sample_dir() / "incident.toml"))[0] in (0, 1)
    assert run(capsys, "office", "import", str(sample_dir() / "office.toml"))[0] == 0
    return tmp_path


def test_an_answer_is_recorded_the_tick_follows_and_status_counts_the_rest(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = status(capsys)
    assert before["awaiting_answer"] == 40 and before["reply_by"] == "2023-08-10"
    assert before["overdue_answer"] == 40  # the sample's reply-by date is long past
    code, out, _ = run(
        capsys, "case", "answer", "C0001", "individual", "--via", "fax", "--date", "2023-08-02"
    )
    assert code == 0 and "個別報告（2023年8月2日 FAX、受付" in out
    after = status(capsys)
    assert after["individual"] == before["individual"] + 1
    assert (after["answered"], after["awaiting_answer"]) == (1, 39)
    code, out, _ = run(capsys, "log")
    assert "顧問先の回答の記録" in out


def test_withdraw_puts_the_client_back_among_those_awaited(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    individual = status(capsys)["individual"]
    run(capsys, "case", "answer", "C0001", "individual", "--via", "phone")
    code, out, _ = run(capsys, "case", "answer", "C0001", "withdraw")
    assert code == 0 and "回答待ち" in out
    assert status(capsys)["individual"] == individual
    assert run(capsys, "case", "answer", "C0001", "withdraw")[0] == 1  # nothing to withdraw


def test_answers_lists_the_silent_clients_for_a_reminder(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "answer", "C0002", "joint", "--via", "email", "--taken-by", "高橋")
    code, out, _ = run(capsys, "case", "answers", "--overdue", "--json")
    listed = json.loads(out)
    codes = [c["code"] for c in listed["clients"]]
    # Not the 6 who report individually (their choice is known), nor C0002, which answered.
    assert code == 0 and len(codes) == 33 and "C0002" not in codes and "C0003" not in codes
    code, out, _ = run(capsys, "case", "answers")
    assert "C0002" in out and "共同報告（" in out and "受付 高橋" in out


def test_bad_answers_are_one_sentence(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "case", "answer", "C0001", "joint")
    assert code == 2 and "--via" in err
    code, _, err = run(capsys, "case", "answer", "C0001", "joint", "--via", "fax", "--date", "8/1")
    assert code == 2 and "日付「8/1」を読めません" in err
    code, _, err = run(capsys, "case", "answer", "存在しない会社", "joint", "--via", "fax")
    assert code == 2 and "顧問先がありません" in err


def test_reply_slips_and_reminders_are_export_kinds(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "answer", "C0001", "joint", "--via", "fax")
    code, out, err = run(capsys, "export", "--out", str(case / "回答書"), "--kinds", "reply")
    assert code == 0, out + err
    slips = sorted((case / "回答書").rglob("05_回答書*.docx"))
    assert len(slips) == 34  # the 6 who report individually have told the office already
    code, out, err = run(capsys, "export", "--out", str(case / "催促"), "--kinds", "reminder")
    assert code == 0, out + err
    reminders = sorted((case / "催促").rglob("11_*.docx"))
    assert len(reminders) == 33  # nor to C0001, which answered
    assert not any("C0001" in str(path) for path in reminders)
