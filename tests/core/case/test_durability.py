"""A process killed in the middle of ticks and exports loses nothing it acknowledged."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from noticedesk.core.case import CaseStore, DocumentStatus, PassphraseKeySource
from tests.helpers.case_worker import export_bytes, worker_command, worker_env
from tests.helpers.cases import many

PASSPHRASE = "kill-test-passphrase"
HERE = Path(__file__).resolve().parent


def test_killed_mid_run_every_acknowledged_change_survived(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "事案", PassphraseKeySource(PASSPHRASE))
    store.import_roster(many(400))
    keys = [c.key for c in store.clients()]
    store.close()
    exports = tmp_path / "exports"
    exports.mkdir()

    env = worker_env()
    command = worker_command(str(isolated_data_dir), str(exports), PASSPHRASE)
    acked: list[tuple[str, int]] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdout is not None
        for line in child.stdout:
            kind, _, number = line.strip().partition(" ")
            assert kind != "done", "the child finished before it could be killed"
            acked.append((kind, int(number)))
            if len(acked) >= 90:
                break
        child.kill()  # SIGKILL on POSIX: no clean-up, no atexit, no flush
        child.wait(timeout=30)
        # The child kept working between our last read and the kill; what it printed before
        # dying is acknowledged too (it prints only after a change has returned).
        for line in child.stdout:
            kind, _, number = line.strip().partition(" ")
            if kind in ("tick", "status", "export") and number.isdigit():
                acked.append((kind, int(number)))

    raw = sqlite3.connect(isolated_data_dir / "cases" / f"{store.id}.sqlite")
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()

    with CaseStore.open(isolated_data_dir, None, PassphraseKeySource(PASSPHRASE)) as after:
        clients = {c.key: c for c in after.clients()}
        for kind, i in acked:
            c = clients[keys[i]]
            if kind == "tick":
                assert c.individual, f"acknowledged tick {i} was lost"
            elif kind == "status":
                assert c.status("employee_notice").status is DocumentStatus.PRINTED
            else:
                assert c.status("client_report").status is DocumentStatus.EXPORTED
                assert (exports / f"{i:04d}.docx").read_bytes() == export_bytes(i)
        # Beyond the acknowledged ones, at most the change in flight may have landed.
        last_tick = max(i for kind, i in acked if kind == "tick")
        assert sum(c.individual for c in clients.values()) in (last_tick + 1, last_tick + 2)
        assert len(after.audit_entries()) >= 2 + len(acked)

    # No export file is half-written: each one under its own name is whole.
    for path in exports.iterdir():
        if path.name.startswith(".~nd-"):
            continue  # a temporary file the kill left behind; never under a final name
        assert path.read_bytes() == export_bytes(int(path.stem)), f"{path.name} is cut"
