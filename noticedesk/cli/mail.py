"""`noticedesk mail`: e-mail each client of the open case its documents, or write drafts.

    noticedesk mail --dry-run [--show CLIENT] [--json]   who gets what, who not and why
    noticedesk mail --send [--per-minute N] [--json]      send through the office's server
    noticedesk mail --eml DIR [--force] [--json]          .eml drafts for Outlook / Thunderbird
    options: --kinds K,… --clients C,… --attach pdf|docx --templates DIR
             --resend C,…        send again to clients already sent to (or whose last message's
                                 outcome is unknown): the explicit confirmation
             --confirm-sent C,…  record an unknown outcome as sent (nothing is sent)

Exit codes: 0 every planned message sent (or drafted, or the dry run has nothing to report);
1 some failed, are uncertain, or clients cannot be sent to (listed); 2 the case, the office's
settings, the template or the server's login cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from noticedesk.cli.case_access import data_dir, data_dir_option, open_case
from noticedesk.core.case import CaseError, CaseStore, export_blockers
from noticedesk.core.display_text import terminal_json, terminal_text
from noticedesk.core.documents import DOCUMENT_KINDS, KINDS
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pdf import PdfConverter, find_converter
from noticedesk.core.mail.delivery import (
    DEFAULT_PER_MINUTE,
    MailJob,
    RunResult,
    compose,
    confirm_sent,
    send_plan,
)
from noticedesk.core.mail.drafts import DraftResult, write_drafts
from noticedesk.core.mail.job import make_job
from noticedesk.core.mail.message import readable
from noticedesk.core.mail.plan import MailPlan, PlannedMail, Reason, plan_mail
from noticedesk.core.mail.settings import ENV_PASSWORD, mail_password
from noticedesk.core.mail.transport import SmtpTransport
from noticedesk.core.office_store import load_office_profile
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.core.user_error import UserError

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "mail",
        parents=[data_dir_option()],
        help="開いている事案の顧問先に、文書をメールで送る (または .eml の下書きを作る)",
        description="顧問先一覧のメールアドレスに、顧問先ごとの文書 (既定は PDF) を添付して送ります。"
        "送信の記録は事案に残り、同じ顧問先に二重に送ることはありません。",
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="送る相手と送らない相手を表示する")
    mode.add_argument("--send", action="store_true", help="事務所の送信サーバーで送信する")
    mode.add_argument("--eml", metavar="DIR", help="Outlook 等で開く下書き (.eml) をここに作る")
    parser.add_argument(
        "--kinds",
        default=None,
        metavar="KINDS",
        help="添付する文書 (カンマ区切り: "
        + ", ".join(DOCUMENT_KINDS)
        + "。既定は書き出しと同じ: 回答書の返送期限があれば reply も)",
    )
    parser.add_argument("--clients", metavar="C,…", help="この顧問先だけ (コードか名称)")
    parser.add_argument(
        "--resend",
        metavar="C,…",
        help="送付済・送信結果不明の顧問先に、確認のうえで再送する (コードか名称)",
    )
    parser.add_argument(
        "--confirm-sent",
        metavar="C,…",
        help="送信結果不明の顧問先を、届いていると確認できたので送付済として記録する (送信しない)",
    )
    parser.add_argument(
        "--attach", choices=("pdf", "docx"), default="pdf", help="添付の形式 (既定: pdf)"
    )
    parser.add_argument(
        "--per-minute",
        type=float,
        default=DEFAULT_PER_MINUTE,
        metavar="N",
        help=f"1分あたりの送信数の上限 (既定: {DEFAULT_PER_MINUTE})",
    )
    parser.add_argument(
        "--templates", metavar="DIR", help="独自のテンプレートのフォルダ (mail.txt)"
    )
    parser.add_argument(
        "--show", metavar="CLIENT", help="この顧問先へのメールを送る形のまま表示する"
    )
    parser.add_argument("--force", action="store_true", help="既存の .eml を上書きする")
    parser.add_argument("--json", action="store_true", help="結果を JSON で出力する")
    parser.set_defaults(func=run)


class _Unusable(Exception):
    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message, self.message_en = message, message_en or message


def _names(store: CaseStore, text: str | None) -> list[str]:
    from noticedesk.cli.case import _find_client

    if not text:
        return []
    keys = []
    for part in dict.fromkeys(p.strip() for p in text.split(",") if p.strip()):
        try:
            keys.append(_find_client(store, part).key)
        except CaseError as exc:
            raise _Unusable(exc.text("ja"), exc.text("en")) from None
    return keys


def _kinds(text: str) -> list[str]:
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise _Unusable(
            f"--kinds に使えない文書の種類があります: {', '.join(unknown) or text}",
            f"Unknown document kind in --kinds: {', '.join(unknown) or text}",
        )
    return kinds


def run(args: argparse.Namespace) -> int:
    try:
        store = open_case(args)
    except (CaseError, SecretStoreUnavailable) as exc:
        return _fail(args, exc.text("ja"), exc.text("en"))
    with store:
        try:
            return _run(args, store)
        except _Unusable as exc:
            return _fail(args, exc.message, exc.message_en)
        except UserError as exc:
            return _fail(args, exc.text("ja"), exc.text("en"))


def _run(args: argparse.Namespace, store: CaseStore) -> int:
    blockers = export_blockers(store)
    if blockers:
        raise _Unusable(blockers[0].message, blockers[0].message_en)
    office = load_office_profile(data_dir(args))
    if office is None:
        raise _Unusable(
            "事務所情報が登録されていません (noticedesk office set …)",
            "No office profile is stored (noticedesk office set …)",
        )
    incident = store.incident
    if incident is None:
        raise _Unusable(
            "事案情報がありません (noticedesk case incident FILE)",
            "The case has no incident (noticedesk case incident FILE)",
        )
    kinds = _kinds(args.kinds) if args.kinds is not None else list(default_kinds(incident))
    wanted = _names(store, args.clients) or None
    for key in _names(store, args.confirm_sent):
        _confirm(store, kinds, key)
    plan = plan_mail(
        store.clients(),
        store.mail_records(),
        kinds,
        clients=wanted,
        resend=_names(store, args.resend),
    )
    converter: PdfConverter | None = find_converter() if args.attach == "pdf" else None
    templates = Path(args.templates) if args.templates else None
    job = make_job(office, incident, kinds, converter=converter, templates_dir=templates)
    if args.dry_run:
        return _dry_run(args, store, plan, job)
    if args.eml:
        drafts = write_drafts(store, plan, job, Path(args.eml), overwrite=args.force)
        return _report_drafts(args, plan, job, drafts)
    password = mail_password(job.settings)
    if job.settings.user and password is None:
        raise _Unusable(
            "送信サーバーのパスワードが保存されていません。noticedesk office mail-password で"
            f"保存するか、{ENV_PASSWORD} に設定してください",
            f"No mail password is stored: run `noticedesk office mail-password` or set "
            f"{ENV_PASSWORD}",
        )
    show = not args.json and sys.stderr.isatty()
    result = send_plan(
        store,
        plan,
        job,
        SmtpTransport(job.settings, password),
        per_minute=args.per_minute,
        progress=_progress if show else None,
    )
    return _report_run(args, plan, job, result)


def _confirm(store: CaseStore, kinds: Sequence[str], key: str) -> None:
    entry = next(
        e for e in plan_mail(store.clients(), store.mail_records(), kinds).entries if e.key == key
    )
    if entry.reason is not Reason.UNCERTAIN:
        raise _Unusable(
            f"{entry.client.code} {entry.client.name} は送信結果不明ではありません（{entry.reason.label}）",
            f"{entry.client.code} {entry.client.name} has no message of unknown outcome",
        )
    confirm_sent(store, entry)
    print(
        f"送付済として記録しました: {terminal_text(entry.client.code)} {terminal_text(entry.client.name)}",
        file=sys.stderr,
    )


def _progress(done: int, total: int, entry: PlannedMail) -> None:
    print(f"\r送信中… {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def _format_note(job: MailJob) -> tuple[str, str]:
    converter = job.maker.converter
    if converter is not None:
        return (
            f"添付: PDF ({converter.name} で変換)",
            f"Attachments: PDF (converted by {converter.name})",
        )
    return (
        "添付: Word (.docx)。PDF に変換するプログラム (Microsoft Word か LibreOffice) がないか、"
        "--attach docx が指定されています",
        "Attachments: Word (.docx): no PDF converter (Microsoft Word or LibreOffice) was found, "
        "or --attach docx was given",
    )


def _entry_json(entry: PlannedMail, job: MailJob) -> dict[str, Any]:
    return {
        "code": entry.client.code,
        "name": entry.client.name,
        "reason": entry.reason.value,
        "reason_label": entry.reason.label,
        "to": list(entry.to),
        "invalid": list(entry.invalid),
        "attachments": job.maker.names(entry.client, entry.kinds),
        "previous": entry.previous.to_mapping() if entry.previous else None,
    }


def _client(entry: PlannedMail) -> str:
    return terminal_text(f"{entry.client.code} {entry.client.name}".strip())


def _previous(entry: PlannedMail) -> str:
    """送付済・メール with its date and Message-ID, for a client already e-mailed."""
    record = entry.previous
    if record is None or entry.reason not in (Reason.ALREADY_SENT, Reason.UNCERTAIN):
        return ""
    channel = "メール" if record.channel == "smtp" else record.channel
    when = record.at[:16].replace("T", " ")
    return (
        f"  送付済・{channel} {when} Message-ID {terminal_text(record.message_id)}"
        if (record.state == "sent")
        else f"  送信開始 {when} Message-ID {terminal_text(record.message_id)}"
    )


def _dry_run(args: argparse.Namespace, store: CaseStore, plan: MailPlan, job: MailJob) -> int:
    shown = None
    if args.show:
        key = _names(store, args.show)[0]
        entry = next((e for e in plan.entries if e.key == key), None)
        if entry is None or not entry.will_send:
            reason = entry.reason.label if entry else "対象外"
            raise _Unusable(
                f"{args.show} にはメールを送りません（{reason}）", f"{args.show} gets no message"
            )
        shown = readable(compose(job, entry).message)
    if args.json:
        payload = {
            "ok": True,
            "format": job.maker.file_format,
            "counts": plan.counts(),
            "clients": [_entry_json(e, job) for e in plan.entries],
            "message": shown,
        }
        sys.stdout.write(terminal_json(payload, indent=2) + "\n")
    elif shown is not None:
        print(terminal_text(shown, lines=True))
    else:
        print(_format_note(job)[0])
        for entry in plan.entries:
            if entry.will_send:
                names = "、".join(job.maker.names(entry.client, entry.kinds))
                to = ", ".join(entry.to)
                print(
                    f"{entry.reason.label}: {_client(entry)} → {terminal_text(to)}  添付: {terminal_text(names)}"
                )
                if entry.invalid:
                    print(f"  使わないアドレス: {terminal_text(', '.join(entry.invalid))}")
        for entry in plan.not_sent:
            print(f"送信しない ({entry.reason.label}): {_client(entry)}{_previous(entry)}")
        print(f"送信 {len(plan.to_send)} 件 / 送信しない {len(plan.not_sent)} 件")
    return (
        EXIT_OK
        if not any(e.invalid for e in plan.entries)
        and all(e.reason in (Reason.SEND, Reason.RESEND, Reason.ALREADY_SENT) for e in plan.entries)
        else EXIT_PROBLEMS
    )


def _report_run(args: argparse.Namespace, plan: MailPlan, job: MailJob, result: RunResult) -> int:
    if args.json:
        payload = {
            "ok": result.stopped is None and not result.failed and not result.uncertain,
            "format": job.maker.file_format,
            "cancelled": result.cancelled,
            "stopped": result.stopped.text("ja") if result.stopped else None,
            "outcomes": [
                {
                    "code": o.entry.client.code,
                    "name": o.entry.client.name,
                    "state": o.state,
                    "message_id": o.message_id,
                    "detail": o.detail,
                    "refused": o.refused,
                }
                for o in result.outcomes
            ],
            "not_sent": [_entry_json(e, job) for e in plan.not_sent],
        }
        sys.stdout.write(terminal_json(payload, indent=2) + "\n")
    else:
        print(_format_note(job)[0])
        print(f"送信しました: {len(result.sent)} 件")
        for outcome in result.failed:
            print(
                f"送信できませんでした: {_client(outcome.entry)}: {terminal_text(outcome.detail)}"
            )
        for outcome in result.sent:
            for address, reply in outcome.refused.items():
                print(
                    f"宛先を拒否されました: {_client(outcome.entry)} {terminal_text(address)}: {terminal_text(reply)}"
                )
        for outcome in result.uncertain:
            print(
                f"送信結果不明: {_client(outcome.entry)} (Message-ID {terminal_text(outcome.message_id)})。"
                "届いたか確かめ、--confirm-sent か --resend で決めてください"
            )
        for entry in plan.not_sent:
            print(f"送信しない ({entry.reason.label}): {_client(entry)}")
        if result.stopped is not None:
            print(f"中断しました: {terminal_text(result.stopped.text('ja'))}", file=sys.stderr)
    if result.stopped is not None:
        return EXIT_UNUSABLE
    problems = result.failed or result.uncertain or result.cancelled
    return EXIT_PROBLEMS if problems else EXIT_OK


def _report_drafts(
    args: argparse.Namespace, plan: MailPlan, job: MailJob, drafts: DraftResult
) -> int:
    if args.json:
        payload = {
            "ok": not drafts.failed,
            "format": job.maker.file_format,
            "drafts": [
                {"code": e.client.code, "name": e.client.name, "path": str(p)}
                for e, p in drafts.written
            ],
            "failed": [
                {"code": e.client.code, "name": e.client.name, "detail": d}
                for e, d in drafts.failed
            ],
            "not_sent": [_entry_json(e, job) for e in plan.not_sent],
        }
        sys.stdout.write(terminal_json(payload, indent=2) + "\n")
    else:
        print(_format_note(job)[0])
        print(f"下書きを {len(drafts.written)} 件作成しました: {terminal_text(args.eml)}")
        for entry, detail in drafts.failed:
            print(f"作成できませんでした: {_client(entry)}: {terminal_text(detail)}")
        for entry in plan.not_sent:
            print(f"作成しない ({entry.reason.label}): {_client(entry)}")
    return EXIT_PROBLEMS if drafts.failed else EXIT_OK


def _fail(args: argparse.Namespace, message: str, message_en: str) -> int:
    if getattr(args, "json", False):
        payload = {"ok": False, "problems": [{"message": message, "message_en": message_en}]}
        sys.stdout.write(terminal_json(payload, indent=2) + "\n")
    else:
        print(f"エラー: {terminal_text(message)}", file=sys.stderr)
        print(f"Error: {terminal_text(message_en)}", file=sys.stderr)
    return EXIT_UNUSABLE
