"""The document preview, offscreen: from selecting a client to its pages painted.

Run by hand: ``python benchmarks/bench_preview.py [--rounds N]`` (needs LibreOffice). Printed
beside a baseline taken in the same run, the bare conversion of the same client's documents in
one soffice call, so the ratios mean something on a noisy machine:

- cold: a client not seen before (render, one soffice start for its envelope, draw, paint);
- warm: a client seen before (render and hash only; the PDF and pages come from the cache);
- first: the very first preview in the process (LibreOffice makes its profile folder), once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from noticedesk.core.case import EphemeralKeySource
from noticedesk.core.documents.pdf import LibreOfficeConverter, find_converter
from noticedesk.core.documents.preview import client_documents
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.shared.session import open_demo
from noticedesk.gui.window.main_window import MainWindow


def select_and_paint(app: QApplication, window: MainWindow, row: int) -> float:
    """Seconds from selecting ``row`` to its first page painted on screen."""
    panel = window.preview
    shown: list[str] = []
    panel.pages_shown.connect(lambda key, _kind, _n: shown.append(key))
    start = time.perf_counter()
    window.table.selectRow(row)  # ImmediateRunner: the preview is made before this returns
    app.processEvents()
    panel.pages.viewport().repaint()  # synchronous: the page is on screen when this returns
    elapsed = time.perf_counter() - start
    panel.pages_shown.disconnect()
    key = window.model.row_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).key
    assert shown and shown[-1] == key, "the page shown is not the selected client's"
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    converter = find_converter()
    if not isinstance(converter, LibreOfficeConverter):
        print("LibreOffice (soffice) is needed for this benchmark.", file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        data = Path(tmp)
        os.environ["NOTICEDESK_DATA_DIR"] = str(data)
        session = open_demo(data, EphemeralKeySource())
        window = MainWindow(WindowSettings(data), ImmediateRunner(), session=session)
        window.preview.set_converter(converter)
        window.show()
        window.table.setCurrentIndex(QModelIndex())  # nothing selected: nothing previewed yet
        assert window.preview.dock is not None
        window.preview.dock.show()
        window.resizeDocks([window.preview.dock], [560], Qt.Orientation.Horizontal)
        app.processEvents()

        rows = window.proxy.rowCount()
        assert rows >= 2 * args.rounds + 1, "the demo case is too small for that many rounds"
        first = select_and_paint(app, window, 0)

        cold, warm, bare = [], [], []
        office, incident = session.office(), session.incident
        assert incident is not None
        for n in range(args.rounds):
            row = 1 + n
            cold.append(select_and_paint(app, window, row))
            warm.append(select_and_paint(app, window, 0))  # seen before: from the cache
            source_row = window.proxy.mapToSource(window.proxy.index(row, 0)).row()
            client = window.model.row_at(source_row).client
            documents = [d.docx for d in client_documents(client, office, incident)]
            start = time.perf_counter()
            converter.convert(documents)
            bare.append(time.perf_counter() - start)
        window.close()
        session.close()

    base = statistics.median(bare)
    print(f"preview, {args.rounds} rounds, documents per client: 3 (4 when reporting individually)")
    label = "bare conversion of the envelope (baseline)"
    print(f"  {label:42s} {base * 1000:8.0f} ms   1.00x")
    for name, samples in (("cold: select to painted", cold), ("warm: select to painted", warm)):
        median = statistics.median(samples)
        print(f"  {name:42s} {median * 1000:8.0f} ms   {median / base:.2f}x")
    label = "first preview in the process (once)"
    print(f"  {label:42s} {first * 1000:8.0f} ms   {first / base:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
