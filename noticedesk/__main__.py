"""Entry point for ``python -m noticedesk`` and the ``noticedesk`` launchers."""

import sys

from noticedesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
