"""The real credential store: a case protected by a Secret Service (GNOME Keyring) daemon.

Every other test runs against an in-memory keyring; this one proves the shipped path works
against a real backend, in a private D-Bus session with a throwaway home folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from noticedesk.core.secrets import key_store_name
from tests.helpers.programs import require_secret_service

pytestmark = [pytest.mark.secretservice]


def test_case_key_lives_in_the_secret_service_and_reopens(tmp_path: Path) -> None:
    require_secret_service()
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    nd = f"{sys.executable} -m noticedesk --data-dir {data}"
    script = "; ".join(
        [
            "echo unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1",
            f"{nd} case new 2023年システム障害 >/dev/null",
            f"{nd} case import {sample_dir() / 'roster.csv'} >/dev/null",
            f"{nd} case tick C0001 >/dev/null",
            # A second process: the key must come back from the daemon, not from memory.
            f"{nd} case status --json",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "DISPLAY")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"))
    env.pop("NOTICEDESK_PASSPHRASE", None)
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["clients"] == 40
    assert status["individual"] == 7  # the sample's six, plus the tick made above

    # The case's key went to the daemon's own storage, not into the data folder.
    keyring_files = list((home / ".local/share/keyrings").glob("*.keyring"))
    assert keyring_files, "GNOME Keyring stored nothing"

    # Without the daemon the case does not open, and says why in plain words.
    closed = subprocess.run(
        [sys.executable, "-m", "noticedesk", "--data-dir", str(data), "case", "status"],
        env={**env, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert closed.returncode == 2
    assert f"{key_store_name()[0]}が使えません" in closed.stderr
    assert "Traceback" not in closed.stderr
