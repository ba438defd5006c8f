"""The double-click program: build it from build.spec and start it as an office PC would.

A build takes about a minute, so it runs under CI (CI=true) and when asked for
(NOTICEDESK_TEST_BUILD=1), not on every local run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from tests.helpers.paths import REPO
from tests.helpers.programs import require_secret_service, under_ci

pytestmark = [pytest.mark.packaging, pytest.mark.slow]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not under_ci() and os.environ.get("NOTICEDESK_TEST_BUILD") != "1":
        pytest.skip("set NOTICEDESK_TEST_BUILD=1 to build the program (about a minute)")
    work = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={work / 'dist'}",
            f"--workpath={work / 'work'}",
            "build.spec",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    exe = work / "dist" / "NoticeDesk" / ("NoticeDesk.exe" if os.name == "nt" else "NoticeDesk")
    assert exe.is_file()
    return exe


def _run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **env},
    )


def test_built_program_reads_the_sample_roster(program: Path) -> None:
    # The console twin is what an office runs the commands with on Windows.
    cli = program.with_name("noticedesk-cli.exe" if os.name == "nt" else "noticedesk-cli")
    for exe in (program, cli):
        done = _run(exe, "validate", str(sample_dir() / "roster.csv"), "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["clients"] == 40


def test_built_program_exports_with_its_bundled_templates(program: Path, tmp_path: Path) -> None:
    out = tmp_path / "出力"
    done = _run(program, "export", "--demo", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    files = [Path(f) for c in report["clients"] for f in c["files"]]
    assert len(files) == report["count"] > 100
    assert all(f.stat().st_size > 10_000 for f in files)
    assert Path(report["ppc_list"]).is_file()


def test_built_program_opens_its_window_on_the_sample_case(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No data folder named: the demo keeps its fictional case in a temporary folder, with a
    # throwaway key, as on a fresh office PC (a named folder keeps it, behind a real key).
    monkeypatch.delenv("NOTICEDESK_DATA_DIR", raising=False)
    done = _run(program, "--demo", "--quit-after-start", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert "NoticeDesk" in done.stdout and "40 clients" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.secretservice
def test_built_program_finds_the_credential_store(program: Path, tmp_path: Path) -> None:
    # keyring finds its backends through entry points, which a frozen build lacks unless the
    # spec imports them: a build without them would refuse every case.
    require_secret_service()
    home = tmp_path / "home"
    home.mkdir()
    nd = f"{program} --data-dir {tmp_path / 'data'}"
    script = "; ".join(
        [
            "echo unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1",
            f"{nd} case new 事案 >/dev/null",
            f"{nd} case import {sample_dir() / 'roster.csv'} >/dev/null",
            f"{nd} case status --json",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"))
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["clients"] == 40
