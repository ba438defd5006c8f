"""A crash Python cannot catch still leaves a trace in the crash report folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROGRAM = """
import sys
from pathlib import Path
from noticedesk.core import native_crash
native_crash.enable(Path(sys.argv[1]))
if sys.argv[2] == "abort":
    import faulthandler
    faulthandler._sigabrt()  # what a Qt fatal error or a native library's abort does
"""


def _run(data: Path, how: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, str(data), how],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_an_abort_leaves_the_stack_in_the_logs_folder(tmp_path: Path) -> None:
    result = _run(tmp_path, "abort")
    assert result.returncode != 0
    (report,) = (tmp_path / "logs").glob("native-*.txt")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("NoticeDesk ")
    assert "Fatal Python error: Aborted" in text
    assert 'File "<string>", line 8' in text  # where it happened, not what it held


def test_a_normal_exit_leaves_nothing(tmp_path: Path) -> None:
    result = _run(tmp_path, "exit")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "logs").is_dir()
    assert list((tmp_path / "logs").iterdir()) == []
