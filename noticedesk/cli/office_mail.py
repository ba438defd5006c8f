"""`noticedesk office mail-password` and `noticedesk office mail-test`.

The password is taken from ``NOTICEDESK_MAIL_PASSWORD`` or typed at the terminal (not shown,
asked twice) and kept only in the OS credential store. The test message goes to the office's
own address through the saved settings.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from noticedesk.core.display_text import terminal_text
from noticedesk.core.mail.settings import (
    ENV_PASSWORD,
    MailSettings,
    MailSettingsError,
    mail_password,
    mail_settings,
    store_password,
)
from noticedesk.core.mail.transport import DeliveryProblem, ServerRefusedLogin, SmtpTransport
from noticedesk.core.mail.trial import send_trial_message
from noticedesk.core.office import OfficeProfile
from noticedesk.core.office_store import load_office_profile
from noticedesk.core.secrets import SecretStoreUnavailable


def register_mail_actions(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    sub.add_parser(
        "mail-password",
        parents=[common],
        help=f"送信サーバーのパスワードを OS の資格情報ストアに保存 (端末で入力、または {ENV_PASSWORD})",
    )
    sub.add_parser("mail-test", parents=[common], help="事務所のメールアドレスにテストメールを送る")


def run_mail_action(args: argparse.Namespace, folder: Path) -> int:
    office = load_office_profile(folder) or OfficeProfile()
    try:
        settings = mail_settings(office)
        if args.office_command == "mail-password":
            return _password(settings)
        password = mail_password(settings)
        message_id = send_trial_message(settings, SmtpTransport(settings, password))
    except (MailSettingsError, SecretStoreUnavailable, ServerRefusedLogin, DeliveryProblem) as exc:
        print(f"エラー: {terminal_text(exc.text('ja'))}", file=sys.stderr)
        print(f"Error: {terminal_text(exc.text('en'))}", file=sys.stderr)
        return 2
    print(
        f"テストメールを {terminal_text(settings.office_address)} に送りました "
        f"(Message-ID {terminal_text(message_id)})。"
    )
    return 0


def _password(settings: MailSettings) -> int:
    if not settings.user:
        print(
            "送信サーバーのユーザー名 (smtp_user) を先に設定してください。",
            file=sys.stderr,
        )
        return 2
    value = os.environ.get(ENV_PASSWORD)
    if not value:
        if not sys.stdin.isatty():
            print(
                f"パスワードを環境変数 {ENV_PASSWORD} に設定するか、端末から実行してください。",
                file=sys.stderr,
            )
            return 2
        value = getpass.getpass(f"{settings.user}@{settings.host} のパスワード (password): ")
        if getpass.getpass("もう一度 (again): ") != value:
            print("2回の入力が一致しません。", file=sys.stderr)
            return 2
    if not value:
        print("パスワードが空です。", file=sys.stderr)
        return 2
    store_password(settings, value)
    print(
        f"{terminal_text(settings.user)}@{terminal_text(settings.host)} のパスワードを "
        "OS の資格情報ストアに保存しました。"
    )
    return 0
