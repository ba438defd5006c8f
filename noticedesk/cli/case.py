"""`noticedesk case`: list, create, open and work on cases (one per incident).

Values from the roster, the incident file and the case (client names, codes, titles, case and
file names, and error sentences quoting them) are printed through ``terminal_text``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path

from noticedesk.cli import case_access, case_answers
from noticedesk.cli.case_access import KEY_HELP, data_dir, data_dir_option, open_case, report
from noticedesk.cli.columns import add_options as add_column_options
from noticedesk.cli.validate import problem_line
from noticedesk.core.case import CaseClient, CaseError, CaseStore, export_blockers
from noticedesk.core.case.keys import describe_protection
from noticedesk.core.case.records import STATUS_LABELS, DocumentStatus, RosterIssue
from noticedesk.core.case.resolutions import (
    Decision,
    Resolution,
    choices,
    settled_by,
    unsettled_errors,
)
from noticedesk.core.clients import RosterError
from noticedesk.core.dates import seireki
from noticedesk.core.deadlines import Deadline
from noticedesk.core.display_text import terminal_json, terminal_text
from noticedesk.core.incident import load_incident
from noticedesk.core.office import ProfileError
from noticedesk.core.secrets import SecretStoreUnavailable

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2

RECOVERY_NOTE = (
    "回復コードはこの一度だけ表示します。紙に書き写して、鍵のかかる場所に保管してください。"
    "別の PC でこの事案を開くとき、PC の資格情報が失われたときに必要です。\n"
    "This recovery code is shown only once. Write it on paper and keep it locked away: "
    "it opens this case on another PC."
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    common = data_dir_option()
    parser = subparsers.add_parser(
        "case",
        parents=[common],
        help="事案 (インシデントごとの作業記録) の一覧・作成・取込・チェック",
        description="事案の一覧・作成・取込・チェック。" + KEY_HELP,
    )
    sub = parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    sub.add_parser("list", parents=[common], help="事案の一覧 (* は既定の事案)")
    new = sub.add_parser("new", parents=[common], help="事案を作成し、回復コードを一度だけ表示")
    new.add_argument("name", metavar="NAME", help="事案名 (顧問先の名前は使わないでください)")
    new.add_argument(
        "--passphrase",
        action="store_true",
        help="この PC に鍵を保管せず (Windows の資格情報など)、パスフレーズで保護する",
    )
    opened = sub.add_parser("open", parents=[common], help="事案を開き、既定の事案にする")
    opened.add_argument("name", metavar="NAME")
    opened.add_argument(
        "--recovery-code",
        action="store_true",
        help="回復コードで開き、鍵をこの PC (Windows の資格情報など) に保管する (別の PC から移したとき)",
    )
    imp = sub.add_parser("import", parents=[common], help="顧問先一覧を既定の事案に取り込む")
    imp.add_argument("roster", metavar="ROSTER", type=Path)
    imp.add_argument("--encoding", metavar="ENC", help="CSV の文字コード (既定: 自動判定)")
    add_column_options(imp)
    tick = sub.add_parser("tick", parents=[common], help="顧問先を個別報告にする (--off で戻す)")
    tick.add_argument("client", metavar="CLIENT", help="顧問先コード、または名称 (完全一致)")
    tick.add_argument("--off", action="store_true", help="共同報告に戻す")
    incident = sub.add_parser(
        "incident", parents=[common], help="事案情報 (TOML) を既定の事案に登録する / 表示する"
    )
    incident.add_argument(
        "file", metavar="FILE", type=Path, nargs="?", help="事案情報 (TOML)。省略すると表示"
    )
    deadline = sub.add_parser(
        "deadline",
        parents=[common],
        help="報告期限を事務所の判断で設定する / 規定どおりに戻す (記録が残ります)",
    )
    deadline.add_argument("report", choices=("preliminary", "final"), help="速報 / 確報")
    deadline.add_argument(
        "date", metavar="DATE|rule", help="期限 (YYYY-MM-DD)、または rule で規定どおりに戻す"
    )
    status = sub.add_parser("status", parents=[common], help="件数: 顧問先・個別・共同・書類")
    status.add_argument("--json", action="store_true", help="JSON で出力")
    _register_decisions(sub, common)
    case_answers.register(sub, common)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return int(ACTIONS[args.case_command](args))
    except (CaseError, SecretStoreUnavailable, RosterError) as exc:
        if isinstance(exc, SecretStoreUnavailable):
            return report(exc)
        return report(shown_error(exc.message, exc.message_en))
    except ProfileError as exc:
        return report(shown_error(f"事案情報: {exc}", f"Incident: {exc}"))


def shown_error(message: str, message_en: str) -> CaseError:
    """An error to print whose sentences may quote a file, a client or a case name."""
    return CaseError(terminal_text(message), terminal_text(message_en))


def _list(args: argparse.Namespace) -> int:
    from noticedesk.core.case.index import last_opened_id, unreadable_case_files

    cases = CaseStore.list_cases(data_dir(args))
    unreadable = unreadable_case_files(data_dir(args))
    for path in unreadable:
        print(
            f"読めない事案ファイル: {terminal_text(path)} (事案名を読めません。壊れているか、"
            "事案のファイルではありません)\n"
            f"Unreadable case file: {terminal_text(path)} (its name cannot be read: it is "
            "damaged, or not a case file)",
            file=sys.stderr,
        )
    if not cases:
        if not unreadable:
            print("事案はまだありません。`noticedesk case new 事案名` で作成します。")
        return EXIT_PROBLEMS if unreadable else EXIT_OK
    default = last_opened_id(data_dir(args)) or cases[0].id
    for c in cases:
        mark = "*" if c.id == default else " "
        last = c.last_opened.strftime("%Y-%m-%d %H:%M") if c.last_opened else "-"
        print(
            f"{mark} {terminal_text(c.name)}\t作成 {c.created:%Y-%m-%d}\t最終 {last}\t"
            f"保護: {describe_protection(c.protection)}"
        )
    return EXIT_PROBLEMS if unreadable else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    key = case_access.key_for_new_case(args.passphrase)
    store, code = CaseStore.create(data_dir(args), args.name, key)
    with store:
        print(
            f"事案「{terminal_text(store.name)}」を作成しました (保護: {describe_protection(key.kind)})。"
        )
    print()
    print(f"    回復コード / recovery code:  {code}")
    print()
    print(RECOVERY_NOTE)
    return EXIT_OK


def _open(args: argparse.Namespace) -> int:
    if args.recovery_code:
        store = CaseStore.open(data_dir(args), args.name, case_access.ask_recovery_code())
        with store:
            store.protect_with(case_access.key_for_new_case(False))
            print(
                f"事案「{terminal_text(store.name)}」を回復コードで開き、この PC で開けるようにしました。"
            )
        return EXIT_OK
    with open_case(args, args.name) as store:
        print(
            f"事案「{terminal_text(store.name)}」を開きました。以後のコマンドはこの事案が対象です。"
        )
        _print_counts(store.counts())
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from noticedesk.cli.columns import read_roster, say_remembered

    read = read_roster(args, args.roster, args.encoding)
    say_remembered(read)
    roster = read.roster
    for issue in roster.issues:
        label = "エラー" if issue.severity == "error" else "警告"
        print(f"{label}: {problem_line(issue)}", file=sys.stderr)
    if roster.unused_columns:
        unused = "、".join(terminal_text(c) for c in roster.unused_columns)
        print(f"使っていない列 (標準の文書には載りません): {unused}", file=sys.stderr)
    with open_case(args) as store:
        diff = store.import_roster(roster)
        print(
            f"事案「{terminal_text(store.name)}」に {terminal_text(args.roster.name)} を取り込みました。"
        )
        print(f"追加 {len(diff.added)}件 / 削除 {len(diff.removed)}件 / 継続 {len(diff.kept)}件")
        for label, group in (("追加", diff.added), ("削除", diff.removed)):
            if not diff.first_import:
                for client in group:
                    print(f"  {label}: {_client_text(client.code, client.name)}")
        if diff.disagreements:
            print(
                "次の顧問先は、ファイルの個別報告欄と事案のチェックが異なります (事案のチェックを優先):"
            )
            for client in diff.disagreements:
                print(f"  {_client_text(client.code, client.name)}")
        # The one rule every export path follows (the window's too): say it now.
        for problem in export_blockers(store):
            print(terminal_text(problem.message), file=sys.stderr)
            print(terminal_text(problem.message_en), file=sys.stderr)
    return EXIT_PROBLEMS if roster.errors else EXIT_OK


def _client_text(code: str, name: str) -> str:
    return terminal_text(f"{code} {name}".strip())


def _find_client(store: CaseStore, text: str) -> CaseClient:
    wanted = text.strip()
    clients = store.clients()
    by_code = [c for c in clients if c.client.code and c.client.code == wanted]
    found = by_code or [c for c in clients if c.client.name == wanted]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CaseError(
            f"「{wanted}」に当たる顧問先がありません (顧問先コードか名称を正確に)。",
            f"No client has the code or exact name “{wanted}”.",
        )
    rows = "、".join(f"{c.client.row}行目" for c in found)
    raise CaseError(
        f"「{wanted}」という顧問先が複数あります ({rows})。顧問先コードで指定してください。",
        f"Several clients are named “{wanted}”; use the client code.",
    )


def _tick(args: argparse.Namespace) -> int:
    with open_case(args) as store:
        target = _find_client(store, args.client)
        store.set_individual([target.key], not args.off)
        state = "共同報告 (一覧に載せる)" if args.off else "個別報告 (一覧から外す)"
        print(f"{terminal_text(target.client.name)}: {state}")
    return EXIT_OK


def _incident(args: argparse.Namespace) -> int:
    """Store the incident every document of the case is built from, or show the stored one."""
    with open_case(args) as store:
        if args.file is not None:
            loaded = load_incident(args.file)
            store.set_incident(loaded)
            print(
                f"事案「{terminal_text(store.name)}」に事案情報を登録しました: "
                f"{terminal_text(loaded.title)}"
            )
        elif store.incident is None:
            print(
                f"事案「{terminal_text(store.name)}」には事案情報が未登録です (noticedesk case incident FILE)。"
            )
            return EXIT_PROBLEMS
        incident = store.incident
        assert incident is not None
        deadlines = incident.deadlines
        print(
            f"発覚日: {seireki(incident.discovered_on)}　通知日付: {seireki(incident.notice_date)}"
        )
        today = dt.date.today()
        for label, deadline in (
            ("速報の期限 (目安)", deadlines.preliminary),
            ("確報の期限", deadlines.final),
        ):
            print(f"{label}: {seireki(deadline.due)} ({_deadline_state(deadline, today)})")
            print(f"  根拠: {deadline.basis(seireki)}")
        own = incident.client_deadlines()
        if own is not None:
            print(
                f"個別に報告する顧問先の確報の期限: {seireki(own.final.due)}"
                f" (根拠: {own.final.basis(seireki)})"
            )
        individual = any(c.individual for c in store.clients())
        problems = incident.problems(individual_clients=individual)
        for problem in problems:
            print(f"  {terminal_text(problem.message)} ({problem.field})")
        return EXIT_PROBLEMS if problems else EXIT_OK


def _deadline(args: argparse.Namespace) -> int:
    """The office's own deadline for one report, or back to the rule; logged in the case."""
    with open_case(args) as store:
        incident = store.incident
        if incident is None:
            print(
                f"事案「{terminal_text(store.name)}」には事案情報が未登録です (noticedesk case incident FILE)。"
            )
            return EXIT_PROBLEMS
        if args.date == "rule":
            day = None
        else:
            try:
                day = dt.date.fromisoformat(args.date)
            except ValueError:
                raise CaseError(
                    f"期限「{args.date}」を日付として読めません (例: 2023-08-10、または rule)",
                    f"Cannot read “{args.date}” as a date (e.g. 2023-08-10, or rule)",
                ) from None
        if args.report == "preliminary":
            updated = dataclasses.replace(incident, preliminary_due_override=day)
        else:
            updated = dataclasses.replace(incident, final_due_override=day)
        problems = [p for p in updated.date_problems() if p.field.endswith("_due_override")]
        if problems:
            raise CaseError(problems[0].message, problems[0].message_en)
        store.set_incident(updated)
        deadline = getattr(updated.deadlines, args.report)
        name = "速報" if args.report == "preliminary" else "確報"
        print(f"{name}の期限: {seireki(deadline.due)}")
        print(f"  根拠: {deadline.basis(seireki)}")
    return EXIT_OK


def _deadline_state(deadline: Deadline, today: dt.date) -> str:
    if deadline.filed_on is not None:
        late = "・期限後" if deadline.filed_late else ""
        return f"{seireki(deadline.filed_on)} 報告済{late}"
    days = deadline.days_left(today)
    if days > 0:
        return f"あと {days} 日"
    return "本日が期限" if days == 0 else f"{-days} 日超過"


def _status(args: argparse.Namespace) -> int:
    with open_case(args) as store:
        counts = store.counts()
        counts.update(case_answers.answer_counts(store, counts, dt.date.today()))
        if args.json:
            print(terminal_json({"case": store.name, **counts}, indent=2))
        else:
            print(f"事案: {terminal_text(store.name)}")
            _print_counts(counts)
    return EXIT_OK


def _print_counts(counts: dict[str, object]) -> None:
    print(
        f"顧問先 {counts['clients']}件 (共同報告 {counts['joint']}件 / "
        f"個別報告 {counts['individual']}件)"
    )
    if "awaiting_answer" in counts:
        overdue = f" (回答期限切れ {counts['overdue_answer']}件)" if counts.get("reply_by") else ""
        print(f"回答済 {counts['answered']}件 / 回答待ち {counts['awaiting_answer']}件{overdue}")
    documents = counts.get("documents")
    if isinstance(documents, dict):
        for kind, per in documents.items():
            parts = " / ".join(f"{STATUS_LABELS[DocumentStatus(s)]} {n}" for s, n in per.items())
            print(f"  {kind}: {parts}")


# --- decisions on the roster's problems (the window's problems list, on the command line) -----

DECISION_WORDS = {
    "joint": Decision.JOINT,
    "individual": Decision.INDIVIDUAL,
    "name": Decision.NAME,
    "exclude": Decision.EXCLUDE,
    "keep-both": Decision.KEEP_BOTH,
}


def _register_decisions(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    issues = sub.add_parser(
        "issues",
        parents=[common],
        help="取り込んだ顧問先一覧の問題と、その決定の一覧 (未解決のエラーがあれば 1)",
    )
    issues.add_argument("--json", action="store_true", help="JSON で出力")
    resolve = sub.add_parser(
        "resolve",
        parents=[common],
        help="一覧の問題を決定で解決する (記録が残ります)",
        description=(
            "一覧の問題 (case issues の id。先頭の 4 文字以上でも可) を決めます: "
            "joint / individual (判別できない個別報告の回答)、name NAME (名称のない行)、"
            "exclude (この行を今回は除く)、keep-both (重複とされた 2 行を両方残す)。"
        ),
    )
    resolve.add_argument("issue", metavar="ISSUE_ID", help="問題の id (noticedesk case issues)")
    resolve.add_argument("decision", choices=list(DECISION_WORDS), help="決定")
    resolve.add_argument("name", metavar="NAME", nargs="?", default="", help="name のときの名称")
    withdraw = sub.add_parser(
        "withdraw", parents=[common], help="問題への決定を取り消す (記録が残ります)"
    )
    withdraw.add_argument("issue", metavar="ISSUE_ID", help="問題の id (noticedesk case issues)")


def _issues(args: argparse.Namespace) -> int:
    """Every problem of the roster kept with the case, its id, and what was decided."""
    with open_case(args) as store:
        issues, resolutions = store.roster_issues(), store.resolutions()
        blocked = bool(export_blockers(store))
        if args.json:
            listed = [_issue_json(kept, resolutions) for kept in issues]
            print(
                terminal_json({"case": store.name, "blocked": blocked, "issues": listed}, indent=2)
            )
            return EXIT_PROBLEMS if blocked else EXIT_OK
        print(f"事案: {terminal_text(store.name)}")
        if not issues:
            print("取り込んだ顧問先一覧に問題はありません。")
        for kept in issues:
            for line in _issue_lines(kept, resolutions):
                print(line)
        open_errors = len(unsettled_errors(issues, resolutions))
        if open_errors:
            print(
                f"未解決のエラーが {open_errors} 件あるため、まだ書き出せません "
                "(noticedesk case resolve ISSUE_ID 決定)。"
            )
        elif issues:
            print("書き出しを止めるエラーはありません。")
    return EXIT_PROBLEMS if blocked else EXIT_OK


def _issue_lines(kept: RosterIssue, resolutions: Mapping[str, Resolution]) -> list[str]:
    from noticedesk.cli.validate import problem_line

    lines = [problem_line(kept.issue)]
    resolution = settled_by(kept, resolutions)
    kind = "エラー" if kept.is_error else "警告"
    if resolution is None:
        offered = " | ".join(_decision_word(d) for d in choices(kept.issue))
        state = f"{kind}・未解決　選べる決定: {offered}" if offered else kind
        lines.append(f"    {state}　id {kept.id}")
        return lines
    who = _decided_by(resolution)
    if resolution.issue_id == kept.id:
        lines.append(f"    {kind}・決定済: {terminal_text(resolution.label())}{who}　id {kept.id}")
        lines.append(f"    → {terminal_text(resolution.effect())}")
    else:
        lines.append(
            f"    {kind}・行 {resolution.row} の決定「{terminal_text(resolution.label())}」"
            f"で解決済{who}　id {kept.id}"
        )
    return lines


def _decided_by(resolution: Resolution) -> str:
    when = f"、{resolution.at:%Y-%m-%d %H:%M}" if resolution.at else ""
    return f" ({terminal_text(resolution.user)}{when})"


def _decision_word(decision: Decision) -> str:
    return next(word for word, value in DECISION_WORDS.items() if value is decision)


def _issue_json(kept: RosterIssue, resolutions: Mapping[str, Resolution]) -> dict[str, object]:
    resolution = settled_by(kept, resolutions)
    decided: dict[str, object] | None = None
    if resolution is not None:
        decided = {
            **resolution.to_mapping(),
            "decision": _decision_word(resolution.decision),
            "label": resolution.label(),
            "label_en": resolution.label("en"),
            "effect": resolution.effect(),
            "effect_en": resolution.effect("en"),
        }
    return {
        "id": kept.id,
        **kept.issue.to_json(),
        "choices": [_decision_word(d) for d in choices(kept.issue)],
        "settled": resolution is not None,
        "resolution": decided,
    }


def _resolve(args: argparse.Namespace) -> int:
    decision = DECISION_WORDS[args.decision]
    if (decision is Decision.NAME) != bool(args.name.strip()):
        raise CaseError(
            "名称は name のときだけ、必ず指定します (例: case resolve ID name 株式会社〇〇)。",
            "Give a NAME with name, and only then (e.g. case resolve ID name “Example Ltd”).",
        )
    with open_case(args) as store:
        resolution = store.resolve(args.issue, decision, args.name)
        print(f"行 {resolution.row}: {terminal_text(resolution.label())}")
        print(f"  {terminal_text(resolution.effect())}")
        return _say_what_blocks(store)


def _withdraw(args: argparse.Namespace) -> int:
    with open_case(args) as store:
        withdrawn = store.withdraw(args.issue)
        print(f"行 {withdrawn.row}: 決定「{terminal_text(withdrawn.label())}」を取り消しました。")
        return _say_what_blocks(store)


def _say_what_blocks(store: CaseStore) -> int:
    open_errors = len(unsettled_errors(store.roster_issues(), store.resolutions()))
    if open_errors:
        print(f"未解決のエラー: {open_errors} 件 (noticedesk case issues)")
        return EXIT_PROBLEMS
    print("書き出しを止めるエラーはありません。")
    return EXIT_OK


ACTIONS = {
    "list": _list,
    "new": _new,
    "open": _open,
    "import": _import,
    "tick": _tick,
    "incident": _incident,
    "deadline": _deadline,
    "status": _status,
    "issues": _issues,
    "resolve": _resolve,
    "withdraw": _withdraw,
    **case_answers.ACTIONS,
}
