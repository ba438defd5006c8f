"""Start NoticeDesk as the ``noticedesk`` launcher does, with a day's work put on its event loop.

Run by ``test_real_display.py`` as ``python day_driver.py PHASE WORK`` (PHASE ``first``,
``second``, ``office``, ``paper`` or ``mail``). It makes the application object, so the day's timer can
be started, then hands over to the program's own entry point, ``noticedesk.cli.main.main``
with no arguments: the window, its settings and language, the crash handler, the thread pool
and every dialog are the program's own, and nothing in the program knows it is being driven.
The data folder comes from ``NOTICEDESK_DATA_DIR``, as for a portable install.

Exit code: the program's own (0 once the day has ended by quitting), 3 when a step failed (the
journal ``WORK/phase-PHASE.jsonl`` says which and why), 4 when the program ended before the day.

Only the standard library is imported at the top: the export's process pool starts its
workers with ``spawn``, which imports this file again in each of them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

EXIT_ENDED_EARLY = 4


def main() -> int:
    phase, work = sys.argv[1], Path(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from noticedesk.cli.main import main as noticedesk
    from tests.system.day_steps import WorkingDay, main_window
    from tests.system.driving import Day

    app = QApplication(sys.argv[:1])  # the program's run_window takes this instance
    data_dir = Path(os.environ["NOTICEDESK_DATA_DIR"])
    working = WorkingDay(work, data_dir)
    steps = working.steps(phase)
    day = Day(steps, work, phase, main_window=main_window, data_dir=data_dir)
    working.day = day
    QTimer.singleShot(0, day.start)
    code = noticedesk([])
    del app
    if day.failed:
        return 3
    if not day.reached(steps[-1][0]):
        print(f"[day] the program ended during step {day.current!r}", flush=True)
        return EXIT_ENDED_EARLY
    return code


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
