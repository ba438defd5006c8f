"""How the command line unlocks a case: the OS credential store first, else a passphrase.

A passphrase comes from ``NOTICEDESK_PASSPHRASE`` or, when typing is possible (stdin is a
terminal), from a prompt that does not echo. It is never stored. A recovery code comes from
``NOTICEDESK_RECOVERY_CODE`` or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from noticedesk.core import paths
from noticedesk.core.case import (
    CaseError,
    CaseStore,
    KeyringKeySource,
    KeySource,
    PassphraseKeySource,
    RecoveryCodeKeySource,
)
from noticedesk.core.case.index import case_to_open, needs_passphrase
from noticedesk.core.display_text import terminal_text
from noticedesk.core.secrets import SecretStore, SecretStoreUnavailable

ENV_PASSPHRASE = "NOTICEDESK_PASSPHRASE"
ENV_RECOVERY = "NOTICEDESK_RECOVERY_CODE"

KEY_HELP = (
    "鍵はこの PC の保管場所 (Windows の資格情報、Mac のキーチェーンなど) から取ります。使えない場合やパスフレーズで保護した事案は、"
    f"環境変数 {ENV_PASSPHRASE} か、端末での入力 (表示されません) でパスフレーズを受け取ります。"
)


def data_dir_option() -> argparse.ArgumentParser:
    """``--data-dir`` accepted before or after each action, without a later level's default
    wiping out a value given earlier (argparse copies sub-parser defaults over it)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="データフォルダ (既定: ユーザーのデータフォルダ、または NOTICEDESK_DATA_DIR)",
    )
    return parent


def data_dir(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))


def report(exc: CaseError | SecretStoreUnavailable) -> int:
    """Print the error in Japanese, then English; exit code 2 (cannot go on)."""
    # A case's name comes from a user and can carry terminal escapes: printed disarmed.
    print(f"エラー: {terminal_text(exc.text('ja'))}", file=sys.stderr)
    print(f"Error: {terminal_text(exc.text('en'))}", file=sys.stderr)
    if isinstance(exc, SecretStoreUnavailable):
        print(
            f"パスフレーズを使うには、環境変数 {ENV_PASSPHRASE} を設定するか端末から実行し、"
            "新しい事案は `noticedesk case new 事案名 --passphrase` で作成します。\n"
            f"To use a passphrase, set {ENV_PASSPHRASE} or run from a terminal; "
            "create new cases with `noticedesk case new NAME --passphrase`.",
            file=sys.stderr,
        )
    return 2


def _no_passphrase() -> CaseError:
    return CaseError(
        f"パスフレーズが必要です。環境変数 {ENV_PASSPHRASE} に設定するか、端末から実行してください。",
        f"A passphrase is needed: set {ENV_PASSPHRASE} or run this from a terminal.",
    )


def ask_passphrase(*, confirm: bool = False) -> PassphraseKeySource:
    value = os.environ.get(ENV_PASSPHRASE)
    if value:
        return PassphraseKeySource(value)
    if not sys.stdin.isatty():
        raise _no_passphrase()
    value = getpass.getpass("パスフレーズ (passphrase): ")
    if confirm and getpass.getpass("もう一度 (again): ") != value:
        raise CaseError("2回の入力が一致しません。", "The two entries differ.")
    return PassphraseKeySource(value)


def ask_recovery_code() -> RecoveryCodeKeySource:
    value = os.environ.get(ENV_RECOVERY)
    if not value:
        if not sys.stdin.isatty():
            raise CaseError(
                f"回復コードを環境変数 {ENV_RECOVERY} に設定するか、端末から実行してください。",
                f"Set the recovery code in {ENV_RECOVERY} or run this from a terminal.",
            )
        value = input("回復コード (recovery code): ")
    return RecoveryCodeKeySource(value)


def key_for_new_case(force_passphrase: bool) -> KeySource:
    """The credential store when it works; otherwise a passphrase, if one can be had."""
    if force_passphrase:
        return ask_passphrase(confirm=True)
    secrets = SecretStore()
    try:
        secrets.backend_name  # noqa: B018 - chooses the backend, raising if there is none
    except SecretStoreUnavailable as exc:
        if os.environ.get(ENV_PASSPHRASE) or sys.stdin.isatty():
            print(exc.text("ja"), file=sys.stderr)
            print("パスフレーズで保護します。", file=sys.stderr)
            return ask_passphrase(confirm=True)
        raise
    return KeyringKeySource(secrets)


def open_case(
    args: argparse.Namespace, name: str | None = None, *, allow_tampered: bool = False
) -> CaseStore:
    """Open the named case, or the last opened one, with the key its protection needs.

    A case that does not fit its seal is refused (``CaseTampered``) unless ``allow_tampered``,
    which opens it read-only with its ``findings`` (``noticedesk log``)."""
    folder = data_dir(args)
    summary = case_to_open(folder, name)
    key: KeySource = ask_passphrase() if needs_passphrase(summary) else KeyringKeySource()
    return CaseStore.open(folder, name, key, allow_tampered=allow_tampered)
