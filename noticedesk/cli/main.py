"""Dispatch: ``noticedesk SUBCOMMAND …`` runs a command; anything else opens the window.

Exit codes, shared by every command: 0 clean, 1 problems found, 2 the input cannot be used
(unreadable file, missing profile) or a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from noticedesk import __version__

# Each module has register(subparsers) that adds its parser with ``func=run(args) -> int``.
COMMANDS: dict[str, str] = {
    "validate": "noticedesk.cli.validate",
    "export": "noticedesk.cli.export",
    "office": "noticedesk.cli.office",
    "case": "noticedesk.cli.case",
    "log": "noticedesk.cli.log",
    "mail": "noticedesk.cli.mail",
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


def common_options(default: object = argparse.SUPPRESS) -> argparse.ArgumentParser:
    """Options every command accepts, before or after its name.

    Sub-parsers get SUPPRESS as default: argparse copies a sub-parser's defaults over values the
    top level already parsed, which would drop ``noticedesk --data-dir X validate …``.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="データフォルダ (既定: ユーザーのデータフォルダ、または NOTICEDESK_DATA_DIR)",
    )
    return parent


def command_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The commands' parser; ``only``: register just that command (the one being run), so a
    command does not pay for importing every other one (pandas, the document engine…)."""
    parser = argparse.ArgumentParser(
        prog="noticedesk",
        description="NoticeDesk — 個人情報漏えい等の通知文書作成",
        parents=[common_options(default=None)],
    )
    parser.add_argument("--version", action="version", version=f"NoticeDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module_name).register(subparsers, common_options())
    return parser


def window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="noticedesk",
        description="NoticeDesk を起動します。コマンド: " + ", ".join(COMMANDS),
        parents=[common_options(default=None)],
    )
    parser.add_argument("--version", action="version", version=f"NoticeDesk {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="同梱のサンプル事案で起動する（--data-dir か NOTICEDESK_DATA_DIR があればそこに残し、"
        "なければ終了時に消える一時フォルダを使う）",
    )
    parser.add_argument("--lang", choices=["ja", "en"], help="表示言語 (既定: システムの言語)")
    parser.add_argument("roster", nargs="?", help="開く顧問先一覧 (CSV / XLSX)")
    # For checking a build: start, open the case, print one line, exit.
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="同梱のサンプルで読み込み・書き出し・プレビューを確かめて終了する（0: 正常）",
    )
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in ("--data-dir", "--lang"):
            skip = True
            continue
        if not token.startswith("-"):
            return token
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _make_output_safe()
    command = _first_positional(args_list)
    if command in COMMANDS:
        args = command_parser(only=command).parse_args(args_list)
        try:
            return int(args.func(args))
        except BrokenPipeError:
            # `noticedesk validate x.csv | head`: the reader left; that is not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        except KeyboardInterrupt:
            return 130
        except Exception as exc:  # the last line of defence: a sentence, not a traceback
            return _report_crash(args, exc)
    args = window_parser().parse_args(args_list)
    if args.selftest:  # checks this installation; never handed to a window already open
        from noticedesk.cli.selftest import run as run_selftest

        return run_selftest()
    from noticedesk.gui.second_start import claim_window  # before the window's heavy imports

    if not claim_window(args):
        return EXIT_OK  # the window already open took this start's file
    from noticedesk.gui.app import run_window  # Qt only loads when the window is wanted

    return run_window(args)


def _report_crash(args: argparse.Namespace, exc: Exception) -> int:
    from noticedesk.core.crash_report import write_crash_report
    from noticedesk.core.paths import data_dir

    try:
        where = str(write_crash_report(data_dir(getattr(args, "data_dir", None)), exc))
    except OSError:
        where = ""
    print("予期しないエラーで中断しました。書きかけのファイルは残っていません。", file=sys.stderr)
    print(
        "An unexpected error stopped the command; no half-written file was left.", file=sys.stderr
    )
    if where:
        print(f"お問い合わせの際はこの記録をお送りください / report: {where}", file=sys.stderr)
    return EXIT_UNUSABLE


def _make_output_safe() -> None:
    # A console that cannot show a character (㈱ on a narrow code page) must not crash a run.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
