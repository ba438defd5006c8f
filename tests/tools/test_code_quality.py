"""The codebase stays as clean as it was reviewed: ruff's lint and format, mypy strict on the
whole package (the core, the command line and the window: PySide6 ships its type stubs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers.paths import REPO


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "noticedesk"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
