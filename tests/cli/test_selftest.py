"""`noticedesk --selftest`: one line per step, exit 0 only when every step worked."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core import selftest
from tests.helpers.converters import FailingConverter, FakeConverter


def test_selftest_passes_and_leaves_the_data_folder_alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("NOTICEDESK_DATA_DIR", str(data))
    monkeypatch.setattr(selftest, "find_converter", FakeConverter)
    assert main(["--selftest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[1:4]] == ["OK validate", "OK export", "OK preview"]
    assert lines[-1] == "すべて正常です / all passed"
    assert not data.exists()


def test_selftest_exits_1_when_a_step_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "find_converter", FailingConverter)
    assert main(["--selftest"]) == 1
    out = capsys.readouterr().out
    assert "NG preview: " in out and "BrokenOffice" in out
    assert out.splitlines()[-1] == "失敗しました / failed"
