"""A failure nobody wrote a message for: one sentence for the user, a report without client data."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.cli import validate
from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir


def test_unexpected_error_gives_a_sentence_and_a_report_without_client_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    def broken(args: object, path: Path, encoding: str | None = None) -> None:
        raise KeyError("㈱髙橋製作所 東京都中野区中野3丁目")

    monkeypatch.setattr(validate, "read_roster", broken)
    assert main(["validate", str(sample_dir() / "roster.csv")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "予期しないエラー" in err

    reports = list((isolated_data_dir / "logs").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert str(reports[0]) in err
    assert "KeyError" in text and "broken" in text  # what a developer needs
    assert "髙橋" not in text and "中野" not in text  # what the data folder must not hold
