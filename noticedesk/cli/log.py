"""`noticedesk log`: the open case's audit log, on screen or as CSV for the office's records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticedesk.cli.case_access import KEY_HELP, data_dir_option, open_case, report
from noticedesk.core.case import CaseError
from noticedesk.core.secrets import SecretStoreUnavailable


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "log",
        parents=[data_dir_option()],
        help="既定の事案の操作記録 (誰が・いつ・何を)",
        description="既定の事案の操作記録を表示します。" + KEY_HELP,
    )
    parser.add_argument("--csv", metavar="FILE", type=Path, help="CSV (Excel 用) に書き出す")
    parser.add_argument("--overwrite", action="store_true", help="既存の CSV を置き換える")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_case(args) as store:
            if args.csv:
                try:
                    store.export_audit_csv(args.csv, overwrite=args.overwrite)
                except FileExistsError:
                    print(
                        f"エラー: {args.csv} はすでにあります。置き換えるには --overwrite を付けてください。\n"
                        f"Error: {args.csv} exists; add --overwrite to replace it.",
                        file=sys.stderr,
                    )
                    return 2
                except OSError as exc:
                    print(f"エラー: {args.csv} に書き込めません ({exc})", file=sys.stderr)
                    return 2
                print(f"操作記録を {args.csv} に書き出しました。")
                return 0
            print(f"事案: {store.name}")
            for e in store.audit_entries():
                print(
                    f"{e.seq:>5}  {e.at:%Y-%m-%d %H:%M:%S}  {e.user}  {e.action_label}  {e.summary()}"
                )
    except (CaseError, SecretStoreUnavailable) as exc:
        return report(exc)
    return 0
