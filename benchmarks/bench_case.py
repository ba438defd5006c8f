"""How long the case file takes for what the window does, at 10,000 clients.

Run by hand: ``python benchmarks/bench_case.py [--clients N] [--repeat R]``. Each figure is a
median, printed with its ratio to a baseline measured in the same run: a bare SQLite UPDATE
committed in WAL mode with synchronous=FULL on the same disk (the least a durable tick costs).

Since the seal (``noticedesk.core.case.ledger``): a tick reads the stored row and the head
inside its transaction and writes both back; opening checks the whole file; ``verify`` is
``noticedesk log --verify``; ``changed_outside`` is what the window polls; "tick after an
outside change" ticks from a second store on the same file, as a second window would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from noticedesk.core.case import CaseStore, DocumentStatus, EphemeralKeySource
from noticedesk.core.case.answers import Answer, AnswerChoice, AnswerVia
from noticedesk.core.clients import Client, Roster, RosterSource


def roster(n: int) -> Roster:
    clients = [
        Client(
            row=i + 4,
            code=f"K{i:05d}",
            name=f"株式会社テスト商事{i:05d}",
            postal_code="160-0023",
            address=f"東京都新宿区西新宿{i % 9 + 1}丁目{i % 20 + 1}番{i % 30 + 1}号",
            phone=f"03-{i % 9000 + 1000:04d}-{i % 10000:04d}",
            contact_person="担当 太郎",
            email=f"soumu{i}@example.jp",
        )
        for i in range(n)
    ]
    source = RosterSource(
        Path("顧問先一覧.csv"), hashlib.sha256(b"x").hexdigest(), "csv", "cp932", None, 3
    )
    return Roster(source, clients, [])


def median_ms(action: Callable[[int], object], repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=101)
    args = parser.parse_args()
    n, repeat = args.clients, args.repeat
    folder = Path(tempfile.mkdtemp(prefix="nd-bench-"))

    raw = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
    raw.executemany("INSERT INTO t VALUES (?, 0)", [(i,) for i in range(n)])

    def baseline(i: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE t SET v = ? WHERE id = ?", (i % 2, i % n))
        raw.execute("COMMIT")

    base = median_ms(baseline, repeat)

    key = EphemeralKeySource()
    store, _ = CaseStore.create(folder, "bench", key)
    r = roster(n)
    first_import = median_ms(lambda i: store.import_roster(r), 1)
    reimport = median_ms(lambda i: store.import_roster(r), 5)
    keys = [c.key for c in store.clients()]
    tick = median_ms(lambda i: store.set_individual([keys[i % n]], i % 4 < 2), repeat)
    status = median_ms(
        lambda i: store.set_status([keys[i % n]], "employee_notice", DocumentStatus.PRINTED),
        repeat,
    )
    answered = Answer(AnswerChoice.INDIVIDUAL, dt.date(2023, 8, 1), AnswerVia.FAX, "bench")
    answer = median_ms(
        lambda i: store.set_answers({keys[i % n]: answered if i % 4 < 2 else None}), repeat
    )
    batch = keys[: min(500, n)]
    answer_batch = median_ms(
        lambda i: store.set_answers(dict.fromkeys(batch, answered if i % 2 == 0 else None)), 5
    )
    tick_batch = median_ms(lambda i: store.set_individual(batch, i % 2 == 0), 5)
    listing = median_ms(lambda i: store.clients(), 11)
    counts = median_ms(lambda i: store.counts(), 11)
    poll = median_ms(lambda i: store.changed_outside(), repeat)
    verify = median_ms(lambda i: store.verify(), 5)
    other = CaseStore.open(folder, "bench", key)

    def tick_after_outside_change(i: int) -> None:
        other.set_individual([keys[i % n]], True)
        store.set_individual([keys[i % n]], False)

    both = median_ms(tick_after_outside_change, repeat)
    other.close()
    store.close()

    def reopen(i: int) -> None:
        CaseStore.open(folder, "bench", key).close()

    opening = median_ms(reopen, 5)

    print(f"{n} clients, {repeat} repeats, folder {folder} ({os.uname().sysname})")
    print(f"{'what':42} {'median ms':>10} {'× baseline':>11}")
    rows = [
        ("baseline: bare durable SQLite UPDATE", base),
        ("tick (set_individual, 1 client)", tick),
        ("status (set_status, 1 client)", status),
        ("answer recorded or withdrawn (1 client)", answer),
        (f"tick of {len(batch)} clients", tick_batch),
        (f"answer of {len(batch)} clients (tick follows)", answer_batch),
        ("clients() list", listing),
        ("counts()", counts),
        ("changed_outside() poll", poll),
        ("two ticks, two stores on one file", both),
        ("verify() (log --verify)", verify),
        ("open (unwrap key, decrypt and check all)", opening),
        ("first import_roster", first_import),
        ("re-import_roster (all kept)", reimport),
    ]
    for label, ms in rows:
        print(f"{label:42} {ms:10.2f} {ms / base:11.1f}")
    raw.close()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
