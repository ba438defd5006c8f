"""Roster import speed: a CP932 CSV at the row limit and a 10,000-row XLSX.

The CSV has as many rows as a roster may have (``MAX_ROWS``, 20,000 with its two title rows and
header); it had 100,000 before the limit, and a file that long is now refused in a moment.

Run by hand: ``python benchmarks/bench_roster.py [--rounds N]``. Each file is written once into
a temporary folder; then pandas' bare read of the same file (the baseline) and ``import_roster``
(read, find the header, normalise and validate every row, build the clients) are timed in
alternation. Prints medians, rows per second, and the ratio to the baseline.
Targets from the issue: CSV under 3 s, XLSX under 1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from noticedesk.core.input_limits import MAX_ROWS
from noticedesk.core.roster import import_roster

CSV_ROWS = MAX_ROWS - 3  # two title rows and the header make the limit exactly

HEADER = [
    "顧問先コード", "事業所名", "郵便番号", "所在地", "電話番号", "担当者", "メールアドレス",
    "法人番号", "従業員数", "労働保険事務組合", "個別報告希望", "備考",
]  # fmt: skip
NAMES = [
    "㈱髙橋製作所",
    "有限会社山﨑商店",
    "株式会社①番館",
    "株式会社さくら運輸",
    "合同会社ミナト企画",
]
ASSOCIATIONS = ["", "", "", "東京SR経営労務センター", "福岡SR経営労務センター"]


def _rows(count: int, numeric: bool) -> list[list[object]]:
    rng = random.Random(7)
    rows: list[list[object]] = []
    for n in range(1, count + 1):
        phone: object = f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        postal: object = f"{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}"
        if numeric:  # as a numeric Excel column stores them: leading zeros gone
            phone = int(str(phone).replace("-", ""))
            postal = int(str(postal).replace("-", ""))
        rows.append(
            [
                f"C{n:06d}",
                f"{NAMES[n % len(NAMES)]}{n}",
                postal,
                f"東京都中野区中野{n % 9 + 1}丁目{n % 20 + 1}番{n % 30 + 1}号",
                phone,
                "鈴木 一郎",
                f"soumu{n}@client.example.jp",
                "9499836243985" if n % 3 else "",
                str(n % 200 + 1),
                ASSOCIATIONS[n % len(ASSOCIATIONS)],
                "○" if n % 7 == 0 else "",
                "",
            ]
        )
    return rows


def write_csv(path: Path, count: int) -> None:
    lines = [
        "顧問先一覧（ベンチマーク）" + "," * (len(HEADER) - 1),
        "2023年7月25日現在" + "," * (len(HEADER) - 1),
    ]
    lines.append(",".join(HEADER))
    lines += [",".join(str(v) for v in row) for row in _rows(count, numeric=False)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))


def write_xlsx(path: Path, count: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("顧問先一覧")
    sheet.append(["顧問先一覧（ベンチマーク）"])
    sheet.append(HEADER)
    for row in _rows(count, numeric=True):
        sheet.append(row)
    book.save(path)


def _time(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def measure(
    label: str,
    rows: int,
    baseline: Callable[[], object],
    subject: Callable[[], object],
    rounds: int,
    target: float,
) -> None:
    subject()  # warm caches and imports once
    base_times, subject_times = [], []
    for _ in range(rounds):
        base_times.append(_time(baseline))
        subject_times.append(_time(subject))
    base, mine = statistics.median(base_times), statistics.median(subject_times)
    verdict = "ok" if mine < target else "OVER TARGET"
    print(
        f"{label}: pandas bare read {base:.3f} s ({rows / base:,.0f} rows/s); "
        f"import_roster {mine:.3f} s ({rows / mine:,.0f} rows/s); "
        f"ratio {mine / base:.2f}x; target < {target:.0f} s: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "roster_limit.csv"
        xlsx_path = Path(folder) / "roster_10k.xlsx"
        write_csv(csv_path, CSV_ROWS)
        write_xlsx(xlsx_path, 10_000)
        measure(
            f"CSV  {CSV_ROWS:,} rows CP932",
            CSV_ROWS,
            lambda: pd.read_csv(
                csv_path,
                encoding="cp932",
                header=None,
                dtype=str,
                keep_default_na=False,
                skiprows=2,
            ),
            lambda: import_roster(csv_path),
            args.rounds,
            3.0,
        )
        measure(
            "XLSX  10,000 rows",
            10_000,
            lambda: pd.read_excel(
                xlsx_path, engine="calamine", header=None, dtype=str, keep_default_na=False
            ),
            lambda: import_roster(xlsx_path),
            args.rounds,
            1.0,
        )
        roster = import_roster(xlsx_path)
        print(
            f"(XLSX check: {len(roster.clients)} clients, {len(roster.issues)} issues, e.g. {roster.clients[0].phone})"
        )


if __name__ == "__main__":
    main()
