"""NoticeDesk installs from wheels alone, as on a Windows PC without a compiler.

``pip install --only-binary=:all: .`` into a fresh virtual environment: every dependency must
come as a wheel (a source-only one such as odfpy fails the install), and what was installed
must run without the test extras. It downloads about 200 MB and takes about 40 s here, so it
runs under CI (CI=true) and when asked for (NOTICEDESK_TEST_INSTALL=1).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import venv
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from tests.helpers.paths import REPO
from tests.helpers.programs import under_ci

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

# Never wanted in an installation: source-only, or readers calamine makes unnecessary.
NOT_SHIPPED = {"odfpy", "xlrd"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` (``Scripts``) folder of a fresh environment with NoticeDesk installed."""
    if not under_ci() and os.environ.get("NOTICEDESK_TEST_INSTALL") != "1":
        pytest.skip("set NOTICEDESK_TEST_INSTALL=1 to install from wheels (about 200 MB)")
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    scripts = env_dir / ("Scripts" if os.name == "nt" else "bin")
    done = subprocess.run(
        [str(scripts / "python"), "-m", "pip", "install", "--only-binary=:all:", str(REPO)],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=env_dir,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return scripts


def _run(scripts: Path, program: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Outside the checkout, so the installed package runs, not the one beside the tests.
    return subprocess.run(
        [str(scripts / program), *args], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def test_no_source_only_or_unused_reader_is_installed(installed: Path, tmp_path: Path) -> None:
    done = _run(installed, "python", "-m", "pip", "list", "--format=json", cwd=tmp_path)
    # Distribution names as PEP 503 compares them ("PySide6_Essentials" is "pyside6-essentials").
    names = {re.sub(r"[-_.]+", "-", entry["name"]).lower() for entry in json.loads(done.stdout)}
    assert {"noticedesk", "pyside6-essentials", "shiboken6", "numpy", "python-calamine"} <= names
    assert not names & NOT_SHIPPED


def test_the_installed_program_runs_its_commands(installed: Path, tmp_path: Path) -> None:
    version = _run(installed, "noticedesk", "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("NoticeDesk ")
    validated = _run(
        installed,
        "noticedesk",
        "validate",
        str(sample_dir() / "roster.csv"),
        "--json",
        cwd=tmp_path,
    )
    assert validated.returncode == 0, validated.stderr
    assert json.loads(validated.stdout)["clients"] == 40
    out = tmp_path / "出力"
    exported = _run(
        installed, "noticedesk", "export", "--demo", "--out", str(out), "--json", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["count"] > 100


def test_the_installed_program_passes_its_selftest(installed: Path, tmp_path: Path) -> None:
    # Validate, export and preview the sample: the preview draws pages with the PDFium of the
    # pypdfium2 wheel (and converts with LibreOffice where it is installed, as under CI).
    done = _run(installed, "noticedesk", "--selftest", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split(":")[0] for line in done.stdout.splitlines()[1:4]] == [
        "OK validate",
        "OK export",
        "OK preview",
    ]


def test_the_installed_window_modules_load(installed: Path, tmp_path: Path) -> None:
    # Qt and shiboken6 come from their wheels; the window's own modules import against them.
    done = _run(installed, "python", "-c", "import noticedesk.gui.app", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
