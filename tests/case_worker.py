"""Run by test_case_durability in a child process: ticks, statuses and exports in a loop,
printing each change only after the call that made it has returned (acknowledged)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.case import CaseStore, DocumentStatus, PassphraseKeySource


def export_bytes(i: int) -> bytes:
    """A 256 KiB document whose last 32 bytes are the hash of the rest: a cut file shows."""
    body = (f"client {i} ".encode() * 30000)[: 256 * 1024 - 32]
    return body + hashlib.sha256(body).digest()


def main() -> None:
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
