"""The preview with LibreOffice kept running, against today's one soffice call per client.

Run by hand: ``python benchmarks/bench_preview_resident.py [--rounds N]`` (needs LibreOffice
and an interpreter with its ``uno``: python3-uno on Debian/Ubuntu). Offscreen, from selecting a
row to its first page painted, medians. The baseline is measured in the same run: the same
window with the one-shot converter (``soffice --convert-to`` per client), so the ratios mean
something on a noisy machine.

- baseline: a client not seen yet, one soffice start per client (today's preview);
- first: the very first preview with LibreOffice kept running (it starts, makes its profile);
- jump: a client not seen yet and not beside one seen (converted on the running LibreOffice);
- next row: moving down after the preview rendered the neighbours ahead (from the cache);
- warm: a client seen before;
- bare: the envelope converted directly, one-shot and kept running (no rendering, no paint).

The target of issue 12: under 0.3 s for any client after the first.
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

from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from noticedesk.core.case import EphemeralKeySource
from noticedesk.core.documents.pdf import LibreOfficeConverter, PdfConverter, find_converter
from noticedesk.core.documents.pdf_resident import ResidentConverter
from noticedesk.core.documents.preview import client_documents
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.shared.session import CaseSession, open_demo
from noticedesk.gui.window.main_window import MainWindow

FIRST_JUMP = 15  # rows far from the first one, so no jump lands on a neighbour rendered ahead


def open_window(data: Path, converter: PdfConverter) -> tuple[MainWindow, CaseSession]:
    session = open_demo(data, EphemeralKeySource())
    window = MainWindow(WindowSettings(data), ThreadPoolRunner(QThreadPool()), session=session)
    window.preview.set_converter(converter)
    window.show()
    window.table.setCurrentIndex(QModelIndex())  # nothing selected: nothing previewed yet
    assert window.preview.dock is not None
    window.preview.dock.show()
    window.resizeDocks([window.preview.dock], [560], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    return window, session


def settle(window: MainWindow) -> None:
    """Wait until the preview has nothing left to do (the neighbours rendered ahead too)."""
    while window.preview.jobs.is_busy():
        QApplication.processEvents()
        time.sleep(0.002)


def select_and_paint(window: MainWindow, row: int) -> float:
    """Seconds from selecting ``row`` to its first page painted on screen."""
    panel = window.preview
    key = window.model.row_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).key
    shown: list[str] = []
    panel.pages_shown.connect(lambda shown_key, _kind, _n: shown.append(shown_key))
    start = time.perf_counter()
    window.table.selectRow(row)
    while key not in shown:
        QApplication.processEvents()
        if window.preview.message_text().startswith("The preview could not be made"):
            raise SystemExit(window.preview.message_text())
    panel.pages.viewport().repaint()  # synchronous: the page is on screen when this returns
    elapsed = time.perf_counter() - start
    panel.pages_shown.disconnect()
    return elapsed


def envelope(window: MainWindow, session: CaseSession, row: int) -> list[bytes]:
    client = window.model.row_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).client
    incident = session.incident
    assert incident is not None
    return [d.docx for d in client_documents(client, session.office(), incident)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    one_shot = find_converter()
    if not isinstance(one_shot, LibreOfficeConverter):
        print("LibreOffice (soffice) is needed for this benchmark.", file=sys.stderr)
        return 2
    resident = ResidentConverter(one_shot.binary, fallback=one_shot)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    baseline, first, jump, following, warm, bare_one_shot, bare_resident = ([] for _ in range(7))
    with tempfile.TemporaryDirectory(prefix="bench-preview-resident-") as tmp:
        os.environ["NOTICEDESK_DATA_DIR"] = str(Path(tmp) / "one-shot")
        window, session = open_window(Path(tmp) / "one-shot", one_shot)
        assert window.proxy.rowCount() > FIRST_JUMP + 3 * args.rounds + 1, "too many rounds"
        select_and_paint(window, 0)  # the profile folder is made once, as in the real program
        settle(window)
        for n in range(args.rounds):
            baseline.append(select_and_paint(window, 1 + n))
            settle(window)
            start = time.perf_counter()
            one_shot.convert(envelope(window, session, 1 + n))
            bare_one_shot.append(time.perf_counter() - start)
        window.close()
        session.close()

        os.environ["NOTICEDESK_DATA_DIR"] = str(Path(tmp) / "resident")
        window, session = open_window(Path(tmp) / "resident", resident)
        first.append(select_and_paint(window, 0))
        if not resident.stays_running:
            print("No Python with LibreOffice's uno here (python3-uno).", file=sys.stderr)
            return 2
        pid = resident.soffice_pid
        settle(window)
        for n in range(args.rounds):
            row = FIRST_JUMP + 3 * n
            jump.append(select_and_paint(window, row))
            settle(window)  # staff read the page; the neighbours are rendered meanwhile
            following.append(select_and_paint(window, row + 1))
            settle(window)
            warm.append(select_and_paint(window, 0))
            settle(window)
            documents = envelope(window, session, 1 + n)  # not in the converter's way: direct
            start = time.perf_counter()
            resident.convert(documents)
            bare_resident.append(time.perf_counter() - start)
        assert resident.soffice_pid == pid and resident.starts == 1, "LibreOffice was restarted"
        window.close()
        session.close()
    resident.shut_down()
    del app

    base = statistics.median(baseline)
    print(f"preview with LibreOffice kept running, {args.rounds} rounds, select to painted")
    rows = [
        ("baseline: new client, one soffice per client", baseline),
        ("first preview (LibreOffice starts, once)", first),
        ("jump to a client not seen", jump),
        ("next row (rendered ahead)", following),
        ("warm: a client seen before", warm),
        ("bare envelope, one soffice call", bare_one_shot),
        ("bare envelope, kept running", bare_resident),
    ]
    for label, samples in rows:
        median = statistics.median(samples)
        print(f"  {label:46s} {median * 1000:8.0f} ms   {median / base:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
