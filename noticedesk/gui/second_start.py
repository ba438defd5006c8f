"""Before the window is built: a second start hands its file to the running window.

Runs before the window's modules are imported (pandas, the document engine: seconds on an
office PC), with only Qt's core, the local socket and the data folder's rules, so a list dropped
on the icon while NoticeDesk is open reaches the open window at once. The first start keeps its
listening channel here until the window takes it (``take_server``).

Not claimed: a throwaway demo (its data folder is new every time) and the build check
(``--quit-after-start``), which must start whatever else is open.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from noticedesk.core.paths import ENV_DATA_DIR, data_dir
from noticedesk.core.single_instance import HandOff, channel_name
from noticedesk.gui.common.single_instance import InstanceServer, first_or_hand_off

_claimed: dict[str, object] = {}


def is_throwaway_demo(args: argparse.Namespace) -> bool:
    """``--demo`` with no data folder named: fictional data in a temporary folder."""
    return bool(args.demo and not args.data_dir and not os.environ.get(ENV_DATA_DIR))


def claim_window(args: argparse.Namespace) -> bool:
    """True when this start should open the window; False when a running one took it over."""
    if is_throwaway_demo(args) or getattr(args, "quit_after_start", False):
        return True
    _claimed["app"] = QApplication.instance() or QApplication(sys.argv[:1])
    files = (Path(args.roster),) if args.roster else ()
    server = first_or_hand_off(channel_name(data_dir(args.data_dir)), HandOff(files))
    if server is None:
        return False
    _claimed["server"] = server
    return True


def take_server() -> InstanceServer | None:
    """The channel ``claim_window`` opened for this start, handed to the window once."""
    server = _claimed.pop("server", None)
    return server if isinstance(server, InstanceServer) else None
