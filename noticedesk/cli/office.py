"""`noticedesk office`: show, set and import the office profile kept in the data folder.

Values from the profile or the imported file are printed through ``terminal_text``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticedesk.cli.case_access import data_dir, data_dir_option
from noticedesk.core.display_text import terminal_json, terminal_text
from noticedesk.core.office import LABELS, OfficeProfile, ProfileError, load_office
from noticedesk.core.office_store import (
    FIELDS,
    load_office_profile,
    profile_path,
    save_office_profile,
    validate,
    with_field,
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    common = data_dir_option()
    parser = subparsers.add_parser(
        "office",
        parents=[common],
        help="事務所情報 (全書類に載る差出人) の表示・設定・取込",
        description="事務所情報の表示・設定・取込。項目: " + ", ".join(FIELDS),
    )
    sub = parser.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    show = sub.add_parser(
        "show", parents=[common], help="表示 (未入力の必須項目があれば終了コード 1)"
    )
    show.add_argument("--json", action="store_true", help="JSON で出力")
    set_ = sub.add_parser(
        "set", parents=[common], help="1項目を設定 (法人番号はチェックデジットを検証)"
    )
    set_.add_argument("key", metavar="KEY", help="項目名: " + ", ".join(FIELDS))
    set_.add_argument("value", metavar="VALUE")
    set_.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help="smtp_security none (暗号化なし) を、事務所内のネットワークのサーバーと確認したうえで許す",
    )
    from noticedesk.cli.office_mail import register_mail_actions

    register_mail_actions(sub, common)
    imp = sub.add_parser("import", parents=[common], help="TOML ファイルから取り込む (置き換え)")
    imp.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    try:
        if args.office_command == "show":
            return _show(folder, args.json)
        if args.office_command in ("mail-password", "mail-test"):
            from noticedesk.cli.office_mail import run_mail_action

            return run_mail_action(args, folder)
        if args.office_command == "set":
            unencrypted = args.key == "smtp_security" and args.value.strip() == "none"
            if unencrypted and not args.allow_unencrypted:
                print(UNENCRYPTED_REFUSED, file=sys.stderr)
                return 2
            current = load_office_profile(folder) or OfficeProfile()
            updated = with_field(current, args.key, args.value)
            save_office_profile(folder, updated)
            value = terminal_text(getattr(updated, args.key))
            print(f"{LABELS.get(args.key, args.key)} ({terminal_text(args.key)}) = {value}")
            return 0
        profile = load_office(args.file)
        validate(profile)
        save_office_profile(folder, profile)
        print(
            f"{terminal_text(args.file.name)} の事務所情報を "
            f"{terminal_text(profile_path(folder))} に保存しました。"
        )
        return _print_problems(profile)
    except ProfileError as exc:
        print(f"エラー: {terminal_text(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"エラー: 事務所情報を保存できません ({terminal_text(exc)})", file=sys.stderr)
        return 2


UNENCRYPTED_REFUSED = (
    "smtp_security none では、パスワードと文書が暗号化されずに送られます。事務所内のネットワークに"
    "ある送信サーバーだけに使い、そうであれば --allow-unencrypted を付けてください。\n"
    "smtp_security none sends the password and the documents unencrypted: use it only for a "
    "server on the office's own network, and confirm with --allow-unencrypted."
)


def _show(folder: Path, as_json: bool) -> int:
    profile = load_office_profile(folder)
    if profile is None:
        print(
            "事務所情報はまだ登録されていません。`noticedesk office set name 事務所名` "
            "または `noticedesk office import office.toml` で登録します。",
            file=sys.stderr,
        )
        return 1
    if as_json:
        print(terminal_json(profile.to_mapping(), indent=2))
    else:
        for key in FIELDS:
            print(f"{LABELS.get(key, key)} ({key}): {terminal_text(getattr(profile, key))}")
    return _print_problems(profile)


def _print_problems(profile: OfficeProfile) -> int:
    problems = profile.problems()
    for problem in problems:
        print(f"要確認: {terminal_text(problem.message)} ({problem.field})", file=sys.stderr)
    return 1 if problems else 0
