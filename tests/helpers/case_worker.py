"""Run by the case tests in a child process ("another program").

Start it with ``worker_command(...)`` and ``worker_env()``: it runs as a script, with this
checkout's ``noticedesk`` on its path.

``case_worker.py DATA EXPORTS PASSPHRASE`` (core/case/test_durability): ticks, statuses and exports
in a loop, printing each change only after the call that made it has returned (acknowledged).

``case_worker.py hold DATA PASSPHRASE`` (core/case/test_integrity): opens the case, holds its write
lock, prints ``holding`` and waits until its stdin is closed.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.case import CaseStore, DocumentStatus, PassphraseKeySource

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parents[2]


def worker_command(*args: str) -> list[str]:
    """The command line that runs this file as a child process with ``args``."""
    return [sys.executable, str(SCRIPT), *args]


def worker_env() -> dict[str, str]:
    """The test's environment, with this checkout first on the child's path."""
    return dict(os.environ, PYTHONPATH=str(REPO))


def export_bytes(i: int) -> bytes:
    """A 256 KiB document whose last 32 bytes are the hash of the rest: a cut file shows."""
    body = (f"client {i} ".encode() * 30000)[: 256 * 1024 - 32]
    return body + hashlib.sha256(body).digest()


def hold(data_dir: Path, passphrase: str) -> None:
    store = CaseStore.open(data_dir, None, PassphraseKeySource(passphrase))
    with store, store._write():  # the write lock, as a long change would hold it
        print("holding", flush=True)
        sys.stdin.read()


def main() -> None:
    if sys.argv[1] == "hold":
        hold(Path(sys.argv[2]), sys.argv[3])
        return
    data_dir, exports, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = CaseStore.open(data_dir, None, PassphraseKeySource(passphrase))
    keys = [c.key for c in store.clients()]
    for i, key in enumerate(keys):
        store.set_individual([key], True)
        print(f"tick {i}", flush=True)
        store.set_status([key], "employee_notice", DocumentStatus.PRINTED)
        print(f"status {i}", flush=True)
        path = exports / f"{i:04d}.docx"
        atomic.write_bytes(path, export_bytes(i))
        store.record_export({key: [("client_report", path)]}, None)
        print(f"export {i}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
