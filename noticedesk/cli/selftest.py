"""`noticedesk --selftest`: the bundled sample read, exported and previewed; exit 0 when all work.

For whoever installs the program (an office's IT person, the build pipeline): one line per step,
in Japanese and English, and the exit code. The steps are ``core.selftest``'s; nothing of the
user's data folder is read or written.
"""

from __future__ import annotations

from noticedesk import __version__
from noticedesk.core.selftest import run_selftest

EXIT_OK = 0
EXIT_FAILED = 1


def run() -> int:
    print(f"NoticeDesk {__version__} セルフテスト / self-test")
    steps = run_selftest()
    for step in steps:
        mark = "OK" if step.ok else "NG"
        print(f"{mark} {step.name}: {step.ja} / {step.en}", flush=True)
    passed = len(steps) == 3 and all(step.ok for step in steps)
    print("すべて正常です / all passed" if passed else "失敗しました / failed")
    return EXIT_OK if passed else EXIT_FAILED
