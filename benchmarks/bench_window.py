"""The window with 10,000 clients, offscreen: start-up, a search keystroke, a tick.

Run by hand: ``python benchmarks/bench_window.py [--clients N]``. Each measure is printed beside
a baseline taken in the same run on the same machine, so the ratio means something on a noisy
machine:

- start to painted window (10,000 clients, case already read) vs. an empty window;
- one keystroke in the search box to a repainted table vs. repainting the table unchanged
  (target: under 50 ms);
- one tick to durable save in the case vs. the case store's own write of that tick
  (target: under 20 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from noticedesk.core.case import CaseStore, EphemeralKeySource
from noticedesk.core.clients import Client, Roster, RosterSource
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow

PREFECTURES = ("東京都新宿区", "大阪府大阪市北区", "福岡県福岡市中央区", "神奈川県横浜市西区")


def make_roster(n: int) -> Roster:
    clients = [
        Client(
            row=i + 4,
            code=f"K{i:05d}",
            name=f"株式会社テスト{i:05d}",
            postal_code="160-0023",
            address=f"{PREFECTURES[i % 4]}西新宿{i % 9 + 1}丁目{i % 30 + 1}番{i % 7 + 1}号",
            phone=f"03-{i % 9000 + 1000:04d}-{i % 10000:04d}",
            association="東京SR経営労務センター" if i % 5 == 0 else "",
            individual=i % 11 == 0,
        )
        for i in range(n)
    ]
    source = RosterSource(Path("bench.csv"), "0" * 64, "csv", "cp932", None, 3)
    return Roster(source=source, clients=clients, issues=[])


def ms(seconds: float) -> float:
    return seconds * 1000.0


def median_ms(samples: list[float]) -> float:
    return ms(statistics.median(samples))


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def show_and_paint(app: QApplication, window: MainWindow) -> None:
    window.show()
    app.processEvents()
    window.table.viewport().repaint()  # synchronous: the rows are on screen when this returns


def report(name: str, value: float, baseline_name: str, baseline: float, target: str = "") -> None:
    ratio = value / baseline if baseline else float("nan")
    suffix = f"   target {target}" if target else ""
    print(
        f"{name:<34} {value:8.2f} ms   {baseline_name:<30} {baseline:8.2f} ms   "
        f"ratio {ratio:6.1f}x{suffix}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    with tempfile.TemporaryDirectory(prefix="nd-bench-") as tmp:
        data = Path(tmp)
        settings = WindowSettings(data / "ui")  # no saved widths: the sampled sizing runs
        (data / "ui").mkdir()
        store, _ = CaseStore.create(data, "bench", EphemeralKeySource())
        t_import = timed(lambda: store.import_roster(make_roster(args.clients)))
        session = CaseSession(store, data, "bench")
        print(f"{args.clients} clients; case import (not part of the window) {ms(t_import):.0f} ms")
        print(f"medians of {args.repeat} runs unless said\n")

        # 1. Start to painted window.
        empty, full = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            w0 = MainWindow(settings, ImmediateRunner(), language="en")
            show_and_paint(app, w0)
            empty.append(time.perf_counter() - start)
            w0.close()
            w0.deleteLater()
            start = time.perf_counter()
            w1 = MainWindow(settings, ImmediateRunner(), session=session, language="en")
            show_and_paint(app, w1)
            full.append(time.perf_counter() - start)
            w1.hide()
            w1.session = None  # keep the case open for the next run
            w1.deleteLater()
            app.processEvents()
        report("start to painted window", median_ms(full), "empty window painted", median_ms(empty))

        window = MainWindow(settings, ImmediateRunner(), session=session, language="en")
        show_and_paint(app, window)

        # 2. A keystroke in the search box to a repainted table.
        unchanged = [timed(window.table.viewport().repaint) for _ in range(30)]
        keystrokes: list[float] = []
        clears: list[float] = []
        window.search.setFocus()
        for _ in range(args.repeat):
            for key in "K0012":  # narrows 10,000 → 1,000 → … → 10 rows as the code is typed
                keystrokes.append(
                    timed(
                        lambda key=key: (
                            QTest.keyClick(window.search, key),
                            window.table.viewport().repaint(),
                        )
                    )
                )
            clears.append(timed(lambda: (window.search.clear(), window.table.viewport().repaint())))
        assert window.proxy.rowCount() == args.clients
        report(
            "search keystroke to repaint",
            median_ms(keystrokes),
            "table repaint, no change",
            median_ms(unchanged),
            "< 50 ms",
        )
        print(
            f"{'  (slowest keystroke)':<34} {ms(max(keystrokes)):8.2f} ms   "
            f"{'clearing the search':<30} {median_ms(clears):8.2f} ms"
        )

        # Sorting by a column header (locale-aware for names), for the record.
        sorts = [
            timed(
                lambda col=col: (
                    window.table.sortByColumn(col, Qt.SortOrder.AscendingOrder),
                    window.table.viewport().repaint(),
                )
            )
            for col in (1, 2, 3, 5) * 2
        ]
        window.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        report(
            "sort by a column + repaint",
            median_ms(sorts),
            "table repaint, no change",
            median_ms(unchanged),
        )

        # 3. A tick to durable save (store commit with synchronous=FULL) and the cell updated.
        keys = [r.key for r in window.model.rows()[:200:4]]
        direct: list[float] = []
        ticks: list[float] = []
        for key in keys[:25]:
            value = not window.model.individual_of([key])[key]
            direct.append(timed(lambda key=key, value=value: store.set_individual([key], value)))
            store.set_individual([key], not value)  # back as it was
        for key in keys[25:]:
            value = not window.model.individual_of([key])[key]
            ticks.append(
                timed(
                    lambda key=key, value=value: (
                        window.ticking.apply({key: value}),
                        window.table.viewport().repaint(),
                    )
                )
            )
        report(
            "tick to durable save + repaint",
            median_ms(ticks),
            "case store write alone",
            median_ms(direct),
            "< 20 ms",
        )
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
