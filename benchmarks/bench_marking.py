"""Document statuses in the window with 10,000 clients, offscreen.

Run by hand: ``python benchmarks/bench_marking.py [--clients N]``. Each measure is printed
beside a baseline taken in the same run:

- an export's statuses shown in the table (every client, three kinds) with one block
  ``set_statuses`` vs. the cell-by-cell ``set_status`` it replaces;
- "Mark as sent → All documents" on 500 selected rows, saved durably and repainted, vs. the
  case store's own writes of the same statuses.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_window import make_roster, median_ms, report, show_and_paint, timed

from noticedesk.core.case import CaseStore, DocumentStatus, EphemeralKeySource
from noticedesk.gui.clients.status_marking import ALL_KINDS
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.window.main_window import MainWindow

KINDS = ["internal", "report", "cover"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    with tempfile.TemporaryDirectory(prefix="nd-bench-") as tmp:
        data = Path(tmp)
        (data / "ui").mkdir()
        store, _ = CaseStore.create(data, "bench", EphemeralKeySource())
        store.import_roster(make_roster(args.clients))
        session = CaseSession(store, data, "bench")
        window = MainWindow(
            WindowSettings(data / "ui"), ImmediateRunner(), session=session, language="en"
        )
        show_and_paint(app, window)
        keys = [r.key for r in window.model.rows()]
        print(f"{args.clients} clients; medians of {args.repeat} runs\n")

        # 1. An export's statuses into the table.
        block, cells = [], []
        for i in range(args.repeat):
            word = "exported" if i % 2 else "printed"
            block.append(
                timed(
                    lambda word=word: (
                        window.model.set_statuses(keys, KINDS, word),
                        window.table.viewport().repaint(),
                    )
                )
            )

            def one_by_one(word: str = word) -> None:
                for key in keys:
                    for kind in KINDS:
                        window.model.set_status(key, kind, word)
                window.table.viewport().repaint()

            cells.append(timed(one_by_one))
        report(
            "export statuses into the table",
            median_ms(block),
            "cell by cell",
            median_ms(cells),
        )

        # 2. Marking 500 selected rows as sent, all documents, durably.
        chosen = 500
        selection = QItemSelection(window.proxy.index(0, 0), window.proxy.index(chosen - 1, 0))
        window.table.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        marks, direct = [], []
        for i in range(args.repeat):
            status = DocumentStatus.SENT if i % 2 else DocumentStatus.PRINTED
            marks.append(
                timed(
                    lambda status=status: (
                        window.status_marking.mark_selection(status, ALL_KINDS),
                        window.table.viewport().repaint(),
                    )
                )
            )
            direct.append(
                timed(
                    lambda status=status: [
                        store.set_status(keys[:chosen], kind, status) for kind in KINDS
                    ]
                )
            )
        report(
            f"mark {chosen} rows, all documents",
            median_ms(marks),
            "case store writes alone",
            median_ms(direct),
        )
        print(f"{'  (per mark, all runs)':<34} " + ", ".join(f"{m * 1000:.0f}" for m in marks))
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
