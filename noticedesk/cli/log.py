"""`noticedesk log`: the open case's audit log, on screen or as CSV for the office's records.

``--verify`` checks the case file against its seal (the log's chain, every tick and status,
the totals) and names each place that does not fit, in Japanese and English: exit 0 when all
fits, 1 when not. ``--verify --accept`` then records the findings in the log and seals the
file as it is now, after the office has looked at them. The log is shown even for a case that
does not fit (with a warning and exit 1): it is what one wants to read then.

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
from noticedesk.core.case import CaseError, CaseStore, CaseTampered
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
    parser.add_argument(
        "--verify",
        action="store_true",
        help="記録が封印と合うか (書き換え・削除がないか) を確かめる。合えば 0、合わなければ 1",
    )
    parser.add_argument(
        "--accept",
        action="store_true",
        help="--verify で見つかった不一致を確かめたうえで操作記録に残し、今の内容で封印し直す",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_case(args, allow_tampered=True) as store:
            if args.verify or args.accept:
                return _verify(store, accept=args.accept)
            code = _write_csv(store, args.csv, args.force) if args.csv else _show(store)
            return code or _warn(store)
    except CaseError as exc:
        return report(shown_error(exc.message, exc.message_en))
    except SecretStoreUnavailable as exc:
        return report(exc)


def _show(store: CaseStore) -> int:
    print(f"事案: {terminal_text(store.name)}")
    for e in store.audit_entries():
        print(
            f"{e.seq:>5}  {e.at:%Y-%m-%d %H:%M:%S}  {terminal_text(e.user)}  "
            f"{e.action_label}  {terminal_text(e.summary())}"
        )
    return 0


def _warn(store: CaseStore) -> int:
    """A case that does not fit its seal is shown, and said so: exit 1."""
    if not store.findings:
        return 0
    error = CaseTampered(store.name, store.findings)
    print(f"警告: {terminal_text(error.message)}", file=sys.stderr)
    print(f"Warning: {terminal_text(error.message_en)}", file=sys.stderr)
    return 1


def _verify(store: CaseStore, *, accept: bool) -> int:
    checked = store.verify()
    print(f"事案: {terminal_text(store.name)}")
    if not store.sealed:
        print(
            "この事案はまだ封印されていません (読み取り専用の場所にあるため)。書き込める場所で"
            "一度開くと封印され、確かめられるようになります。\n"
            "This case is not sealed yet (it is on a read-only medium); open it once where it "
            "can be written to seal it."
        )
        return 1
    if checked.since > 1:
        print(
            f"(封印は操作記録 {checked.since} 番から。それより前の記録は、その時点の内容のまま"
            f"封印されています / sealed from log entry {checked.since}; earlier entries were "
            "sealed as they were then)"
        )
    if not checked.findings:
        print(
            f"記録はすべて封印と一致しました: 操作記録 {checked.entries} 件、"
            f"顧問先 {len(checked.rows)} 件、書類の状況 {checked.statuses} 件。\n"
            f"All records fit their seal: {checked.entries} log entries, "
            f"{len(checked.rows)} clients, {checked.statuses} document statuses."
        )
        return 0
    print(
        f"記録が封印と合いません ({len(checked.findings)} 件)。NoticeDesk の外で書き換えられたか、"
        f"壊れています。\nThe records do not fit their seal ({len(checked.findings)}): "
        "changed outside NoticeDesk, or damaged."
    )
    for finding in checked.findings:
        print(f"  - {terminal_text(finding.message)}")
        print(f"    {terminal_text(finding.message_en)}")
    if accept:
        store.accept_findings()
        print(
            "この不一致を操作記録に残し、今の内容で封印し直しました。以後はここから確かめます。\n"
            "The findings are recorded in the log and the file is sealed as it is now; "
            "checking starts afresh from here."
        )
    else:
        print(
            "バックアップがあれば、そこから事案のファイルを戻してください。今の内容のまま続けるには、"
            "確かめたうえで noticedesk log --verify --accept を実行します (不一致は記録に残ります)。\n"
            "Restore the case file from a backup if there is one. To go on with the case as it "
            "is, run `noticedesk log --verify --accept` (the findings stay in the log)."
        )
    return 1


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
