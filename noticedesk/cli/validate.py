"""`noticedesk validate`: not built yet."""

from __future__ import annotations

import argparse
import sys


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser("validate", parents=[common], help="(準備中)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print("noticedesk validate: まだ利用できません", file=sys.stderr)
    return 2
