"""How long a command takes, as a whole process, on a case of the largest supported size.

Run by hand: ``python benchmarks/bench_commands.py [--clients N] [--repeat R]``. A case of
19,997 clients (the roster limit, with two title rows and the header) is made in a throwaway
data folder behind a passphrase; then each command is started as its own process R times and
its median wall time printed with the ratio to ``noticedesk --help`` measured in the same run
(Python's start-up and the parser: the least any command costs). The target is under a second
for every everyday command on a supported case (``log --verify`` checks the whole file and may
take longer).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("case", "list"),
    ("case", "status"),
    ("case", "incident"),
    ("case", "tick", "K00001"),
    ("case", "tick", "K00001", "--off"),
    ("case", "answer", "K00002", "individual", "--via", "fax"),
    ("case", "answer", "K00002", "withdraw"),
    ("case", "answers", "--overdue"),
    ("log", "--verify"),
)
SAMPLE_INCIDENT = Path(__file__).resolve().parents[1] / "resources" / "sample" / "incident.toml"


def write_roster(path: Path, clients: int) -> None:
    lines = ["顧問先コード,事業所名,郵便番号,所在地,電話番号,従業員数,対象者数,個別報告希望"]
    for i in range(clients):
        lines.append(
            f"K{i:05d},株式会社テスト{i:05d},100-0001,東京都千代田区千代田{i}番地,"
            f"03-0000-{i % 10000:04d},10,25,{'○' if i % 50 == 0 else ''}"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))


def timed(args: tuple[str, ...], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "noticedesk", *args],
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=19_997)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {
            **os.environ,
            "NOTICEDESK_DATA_DIR": str(root / "data"),
            "NOTICEDESK_PASSPHRASE": "bench-passphrase",
        }
        roster = root / "roster.csv"
        write_roster(roster, options.clients)
        for setup in (
            ("case", "new", "bench", "--passphrase"),
            ("case", "import", str(roster)),
            ("case", "incident", str(SAMPLE_INCIDENT)),
        ):
            subprocess.run(
                [sys.executable, "-m", "noticedesk", *setup],
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
            )
        baseline = timed(("--help",), env, options.repeat)
        print(f"{options.clients:,} clients; baseline `noticedesk --help`: {baseline:.3f} s")
        for command in COMMANDS:
            median = timed(command, env, options.repeat)
            print(
                f"  noticedesk {' '.join(command):<28} {median:.3f} s  ({median / baseline:.1f}×)"
            )


if __name__ == "__main__":
    main()
