"""Entry point for ``python -m noticedesk``, the ``noticedesk`` launchers and the frozen build."""

import multiprocessing
import sys

from noticedesk.cli.main import main

if __name__ == "__main__":
    # The export engine uses a process pool; a frozen Windows build spawns workers through
    # this same executable, and they must not start the program again.
    multiprocessing.freeze_support()
    sys.exit(main())
