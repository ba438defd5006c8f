"""`noticedesk case answer | answers`: clients' answers to the reply slip on the command line.

``case answer CLIENT joint|individual --via fax|phone|email|post|visit [--date D] [--taken-by
NAME]`` records an answer (the tick follows it; logged), ``case answer CLIENT withdraw`` takes
it back, and ``case answers [--awaiting | --overdue] [--json]`` lists them: every client with
its answer, only those still awaited, or only those past the incident's reply-by date (the
reminder list; ``noticedesk export --kinds reminder`` writes the letters for them).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from noticedesk.cli.case_access import open_case
from noticedesk.core.case import CaseError, CaseStore
from noticedesk.core.case.answers import (
    Answer,
    AnswerChoice,
    AnswerVia,
    awaiting,
    parse_via,
    reminder_due,
)
from noticedesk.core.case.audit import current_user
from noticedesk.core.dates import seireki
from noticedesk.core.display_text import terminal_json, terminal_text

EXIT_OK, EXIT_PROBLEMS = 0, 1
WITHDRAW = "withdraw"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    answer = sub.add_parser(
        "answer",
        parents=[common],
        help="回答書の回答を記録する (個別報告のチェックが回答に従います。記録が残ります)",
        description=(
            "顧問先の回答を記録します: joint (共同報告に含める) / individual (自ら報告する)、"
            "withdraw で取り消し。"
        ),
    )
    answer.add_argument("client", metavar="CLIENT", help="顧問先コード、または名称 (完全一致)")
    answer.add_argument("answer", choices=("joint", "individual", WITHDRAW), help="回答")
    answer.add_argument(
        "--via",
        choices=[v.value for v in AnswerVia],
        help="受け取った方法 (fax, phone, email, post, visit)。withdraw 以外では必須",
    )
    answer.add_argument("--date", metavar="DATE", help="回答を受けた日 (YYYY-MM-DD、既定: 今日)")
    answer.add_argument("--taken-by", metavar="NAME", help="受けた人 (既定: ログインユーザー名)")
    answers = sub.add_parser(
        "answers", parents=[common], help="回答の一覧 (--awaiting 回答待ち / --overdue 期限切れ)"
    )
    shown = answers.add_mutually_exclusive_group()
    shown.add_argument("--awaiting", action="store_true", help="回答のない顧問先だけ")
    shown.add_argument(
        "--overdue",
        action="store_true",
        help="回答期限を過ぎても回答のない顧問先 (催促状を送る先: 個別報告の顧問先を除く) だけ",
    )
    answers.add_argument("--json", action="store_true", help="JSON で出力")


def _answer(args: argparse.Namespace) -> int:
    from noticedesk.cli.case import _find_client

    with open_case(args) as store:
        target = _find_client(store, args.client)
        name = terminal_text(target.client.name)
        if args.answer == WITHDRAW:
            if not store.withdraw_answers([target.key]):
                print(f"{name}: 記録された回答はありません。")
                return EXIT_PROBLEMS
            print(f"{name}: 回答を取り消しました (回答待ち)。")
            return EXIT_OK
        if args.via is None:
            raise CaseError(
                "受け取った方法を --via で指定してください (fax, phone, email, post, visit)。",
                "Say how the answer came with --via (fax, phone, email, post, visit).",
            )
        made = Answer(
            AnswerChoice(args.answer),
            _day(args.date),
            parse_via(args.via),
            (args.taken_by or "").strip() or current_user(),
        )
        store.record_answers([target.key], made)
        state = "個別報告 (一覧から外す)" if made.choice.individual else "共同報告 (一覧に載せる)"
        print(f"{name}: {terminal_text(made.summary())} → {state}")
    return EXIT_OK


def _day(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CaseError(
            f"日付「{text}」を読めません (例: 2023-08-01)",
            f"Cannot read “{text}” as a date (e.g. 2023-08-01)",
        ) from None


def answer_counts(store: CaseStore, counts: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """What ``case status`` adds to ``store.counts()``: the reply-by date and how many clients
    are past it without an answer (every client awaited, once the date has passed)."""
    reply_by = store.incident.reply_by if store.incident is not None else None
    late = reply_by is not None and today > reply_by
    return {
        "reply_by": reply_by.isoformat() if reply_by else None,
        "overdue_answer": counts["awaiting_answer"] if late else 0,
    }


def _answers(args: argparse.Namespace) -> int:
    with open_case(args) as store:
        clients = store.clients()
        answers = store.answers()
        reply_by = store.incident.reply_by if store.incident is not None else None
        keys = [c.key for c in clients]
        if args.overdue:
            pairs = [(c.key, bool(c.individual)) for c in clients]
            wanted = set(reminder_due(pairs, answers, reply_by, dt.date.today()))
        elif args.awaiting:
            wanted = set(awaiting(keys, answers))
        else:
            wanted = set(keys)
        shown = [c for c in clients if c.key in wanted]
        if args.json:
            rows = []
            for c in shown:
                given = answers.get(c.key)
                rows.append(
                    {
                        "code": c.client.code,
                        "name": c.client.name,
                        "individual": c.individual,
                        "answer": given.to_mapping() if given else None,
                    }
                )
            print(
                terminal_json(
                    {
                        "case": store.name,
                        "reply_by": reply_by.isoformat() if reply_by else None,
                        "clients": rows,
                    },
                    indent=2,
                )
            )
            return EXIT_OK
        if args.overdue and reply_by is None:
            print("事案情報に回答書の返送期限がありません (事案情報の「回答書の返送期限」)。")
        for c in shown:
            given = answers.get(c.key)
            text = given.summary() if given else "回答待ち"
            print(terminal_text(f"{c.client.code}\t{c.client.name}\t{text}"))
        if reply_by is not None:
            print(f"回答期限: {seireki(reply_by)}　回答待ち {len(awaiting(keys, answers))}件")
    return EXIT_OK


ACTIONS = {"answer": _answer, "answers": _answers}
