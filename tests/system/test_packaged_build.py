"""The double-click program: build it from build.spec and start it as an office PC would.

A build takes about a minute, so it runs under CI (CI=true) and when asked for
(NOTICEDESK_TEST_BUILD=1), not on every local run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from noticedesk.core.notices import NOTICES_NAME
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


def test_built_program_passes_its_selftest(program: Path) -> None:
    done = _run(program, "--selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:4]] == ["OK validate", "OK export", "OK preview"]
    if shutil.which("soffice"):  # CI has it: the preview's pages come from a real conversion
        assert "with LibreOffice and drew" in lines[3]


def test_built_folder_carries_the_third_party_notices(program: Path) -> None:
    beside = program.with_name(NOTICES_NAME)
    inside = (
        program.parent / "_internal" / "noticedesk" / "_bundled" / NOTICES_NAME
    )  # Help shows it
    text = beside.read_text(encoding="utf-8")
    assert inside.read_text(encoding="utf-8") == text
    summary = text.split("=" * 78)[1].splitlines()
    listed = {line.split()[0].lower(): line for line in summary if line.strip()}
    assert "LGPL-3.0" in listed["pyside6_essentials"] and "LGPL-3.0" in listed["shiboken6"]
    assert "LGPL-2.1" in listed["docxtpl"]
    assert {"python", "pypdfium2", "pandas", "keyring", "cryptography", "pyinstaller"} <= set(
        listed
    )
    # Only what the build holds: what the program never runs is neither shipped nor listed.
    assert not set(listed) & {"odfpy", "xlrd", "docxcompose", "babel", "pytest", "pygments"}
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in text
    assert "Version 2.1, February 1999" in text
    assert "[licenses/BUILD_LICENSES/pdfium.txt]" in text


def test_built_program_runs_the_docxtpl_a_user_puts_in_its_folder(
    program: Path, tmp_path: Path
) -> None:
    # LGPL-2.1: docxtpl lies in the folder as plain .py files, and the program runs what is
    # there (a copy inside the archive would win, and a replacement would do nothing).
    module = program.parent / "_internal" / "docxtpl" / "__init__.py"
    original = module.read_bytes()
    try:
        module.write_bytes(original + b"\nimport sys\nsys.stderr.write('docxtpl replaced\\n')\n")
        done = _run(program, "export", "--demo", "--out", str(tmp_path / "出力"), "--json")
    finally:
        module.write_bytes(original)
    assert done.returncode == 0, done.stderr
    assert "docxtpl replaced" in done.stderr
    assert json.loads(done.stdout)["count"] > 100


def test_built_folder_stays_under_260_mb(program: Path) -> None:
    # What an office copies or installs: Qt's unused modules, plugins and translations, and
    # the packages the program never runs are left out (tools/lean_build.py).
    files = [p for p in program.parent.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    assert size < 260 * 1024 * 1024, f"{size / 1024 / 1024:.0f} MB"


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
