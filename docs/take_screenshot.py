"""Take docs/screenshot.png (the window on the demo case, in Japanese) and docs/preview.png
(the same window with one client's notices in the preview panel).

Run under a virtual X display with Japanese fonts (Debian: xvfb, fonts-noto-cjk):

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/take_screenshot.py

The demo case is built in a throwaway folder, its documents are exported there with the real
engine, and a few clients are marked printed and sent, so the status columns show the work
moving along. Nothing is written outside the temporary folder except the picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication

from noticedesk.core.case import DocumentStatus
from noticedesk.core.documents import DOCUMENT_KINDS, export_case
from noticedesk.gui.app import build_window
from noticedesk.gui.window.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshot.png"
PREVIEW_OUT = Path(__file__).resolve().parent / "preview.png"
SIZE = (1360, 820)
PREVIEW_ROW = 2  # 株式会社さくら運輸: reports individually and is in an association


def stage(window: MainWindow, work: Path) -> None:
    """Export the demo, mark some clients, select a few rows: a day in the middle of the job."""
    session = window.state.session
    assert session is not None
    result = export_case(
        session.clients(),
        session.office(),
        session.incident,  # type: ignore[arg-type]
        work / "out",
        DOCUMENT_KINDS,
    )
    session.store.record_export(result.documents_by_client(), result.ppc_list)
    keys = [row.key for row in window.model.rows()]
    session.set_status(keys[:9], ["cover", "internal", "report"], DocumentStatus.SENT)
    session.set_status(keys[9:15], ["cover", "internal", "report"], DocumentStatus.PRINTED)
    window.reload_rows()
    selection = window.table.selectionModel()
    for row in (15, 16, 17):
        selection.select(
            window.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def main() -> int:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="noticedesk-shot-") as tmp:
        work = Path(tmp)
        window = build_window(app, work / "data", "ja", demo=True)
        window.resize(*SIZE)
        window.show()
        failures: list[str] = []

        def shoot() -> None:
            if window.model.rowCount() == 0:  # the demo opens once the event loop runs
                QTimer.singleShot(100, shoot)
                return
            try:
                stage(window, work)
                app.processEvents()
                if not window.grab().save(str(OUT)):
                    failures.append(f"could not write {OUT}")
            except Exception as exc:  # reported below; the loop must still end
                failures.append(repr(exc))
                finish()
                return
            show_preview()

        def show_preview() -> None:
            window.table.selectRow(PREVIEW_ROW)
            window.preview.pages_shown.connect(lambda *_: QTimer.singleShot(500, shoot_preview))
            window.preview.failed.connect(lambda text: (failures.append(text), finish()))
            assert window.preview.dock is not None
            window.preview.dock.show()
            window.preview.dock.raise_()

        def shoot_preview() -> None:
            if not window.grab().save(str(PREVIEW_OUT)):
                failures.append(f"could not write {PREVIEW_OUT}")
            finish()

        def finish() -> None:
            window.close()
            app.quit()

        QTimer.singleShot(300, shoot)
        app.exec()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"wrote {OUT} and {PREVIEW_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
