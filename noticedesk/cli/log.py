"""`noticedesk log`: the open case's audit log, on screen or as CSV for the office's records.

``--force`` replaces an existing CSV, as in every other command (``--overwrite``, the old
spelling, is still accepted and not shown). A name that is not a regular file (a folder, a
device such as /dev/full, a pipe, a link) is never replaced. Values from the case (client
names, file names) are printed through ``terminal_text``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticedesk.cli.case import shown_error
from noticedesk.cli.case_access import KEY_HELP, data_dir_option, open_case, report
from noticedesk.core.atomic import NotARegularFile, refuse_unless_replaceable
from noticedesk.core.case import CaseError, CaseStore
from noticedesk.core.display_text import terminal_text
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
    parser.add_argument("--force", action="store_true", help="既存の CSV を上書きする")
    # The spelling of earlier versions, kept for scripts that use it.
    parser.add_argument("--overwrite", dest="force", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_case(args) as store:
            if args.csv:
                return _write_csv(store, args.csv, args.force)
            print(f"事案: {terminal_text(store.name)}")
            for e in store.audit_entries():
                print(
                    f"{e.seq:>5}  {e.at:%Y-%m-%d %H:%M:%S}  {terminal_text(e.user)}  "
                    f"{e.action_label}  {terminal_text(e.summary())}"
                )
    except CaseError as exc:
        return report(shown_error(exc.message, exc.message_en))
    except SecretStoreUnavailable as exc:
        return report(exc)
    return 0


def _write_csv(store: CaseStore, target: Path, force: bool) -> int:
    shown = terminal_text(target)
    try:
        if not force:
            # Saying "add --force" about a folder or a device would only lead to a refusal.
            refuse_unless_replaceable(target)
        store.export_audit_csv(target, overwrite=force)
    except FileExistsError:
        print(
            f"エラー: {shown} はすでにあります。置き換えるには --force を付けてください。\n"
            f"Error: {shown} exists; add --force to replace it.",
            file=sys.stderr,
        )
        return 2
    except NotARegularFile as exc:
        print(
            f"エラー: {terminal_text(exc.text('ja'))}\nError: {terminal_text(exc.text('en'))}",
            file=sys.stderr,
        )
        return 2
    except OSError as exc:
        print(f"エラー: {shown} に書き込めません ({terminal_text(exc)})", file=sys.stderr)
        return 2
    print(f"操作記録を {shown} に書き出しました。")
    return 0
