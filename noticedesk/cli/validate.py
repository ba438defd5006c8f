"""`noticedesk validate ROSTER`: read a client roster and report what was found and every problem.

``--columns`` and ``--columns-file`` say which column holds which field (``cli.columns``); a
mapping remembered for the file's header layout is used otherwise, and said. The report lists
the columns no field takes (kept with the clients, printed by no standard document), and, where
a column looked like a field it was not read as, the ``--columns`` that would read it.

Exit codes: 0 when the roster has no problem at all; 1 when it has any problem, warnings
included (a repaired phone number is still something the office should look at before
sending letters); 2 when the file cannot be read as a roster, or on a usage error.

What the roster holds (names, addresses, header texts, the file's own name) is printed through
``terminal_text``: an ANSI or OSC escape, a carriage return or a bidi override in a cell is
shown as plain text and does nothing. ``--json`` gives the exact values, with those
characters escaped (``terminal_json``).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from noticedesk.cli.columns import ReadRoster, add_options, read_roster, remembered_note, suggestion
from noticedesk.core.clients import Client, Issue, Roster, RosterError, Severity
from noticedesk.core.display_text import terminal_json, terminal_text

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

_TEXT = {
    "ja": {
        "file": "顧問先一覧",
        "format": "形式",
        "header": "見出し {row} 行目",
        "sheet": "シート「{sheet}」",
        "summary": "顧問先 {clients} 件（共同報告 {joint} 件・個別報告 {individual} 件）",
        "individual": "個別報告を希望した顧問先（{count} 件）",
        "none": "  （なし）",
        "list": "読み込んだ顧問先（{count} 件）",
        "yes": "○",
        "clean": "問題はありません。",
        "problems": "問題 {total} 件（エラー {errors} 件・警告 {warnings} 件）",
        "errors": "エラー（修正するまで文書を出力できません）",
        "warnings": "警告（確認してください）",
        "cannot_read": "読み込めません: {message}",
        "given": "列の対応: --columns の指定どおり",
        "unused": "使っていない列（顧問先ごとに残しますが、標準の文書には載りません）",
        "hint": "列を指定して読み直すには: {option}",
    },
    "en": {
        "file": "Roster",
        "format": "Format",
        "header": "header on row {row}",
        "sheet": "sheet “{sheet}”",
        "summary": "{clients} clients ({joint} in the joint report, {individual} reporting individually)",
        "individual": "Clients reporting individually ({count})",
        "none": "  (none)",
        "list": "Clients read ({count})",
        "yes": "yes",
        "clean": "No problems found.",
        "problems": "{total} problems ({errors} errors, {warnings} warnings)",
        "errors": "Errors (documents cannot be exported until they are fixed)",
        "warnings": "Warnings (please check)",
        "cannot_read": "Cannot read: {message}",
        "given": "Columns: as --columns says",
        "unused": "Columns not used (kept with each client, printed by no standard document)",
        "hint": "To read them, run again with: {option}",
    },
}


_COLUMNS = {
    "ja": ("行", "コード", "事業所名", "電話番号", "個別報告", "労働保険事務組合"),
    "en": ("Row", "Code", "Name", "Phone", "Individual", "Association"),
}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "validate",
        parents=[common],
        help="顧問先一覧を読み込んで検査する / check a client roster",
        description="顧問先一覧（CSV / Excel）を読み込み、顧問先・個別報告の希望・問題点を表示します。",
        epilog=(
            "終了コード: 0 問題なし / 1 エラーまたは警告あり / 2 読み込めないファイル・使い方の誤り\n"
            "Exit status: 0 no problems / 1 any error or warning / 2 unreadable file or usage error"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "roster", metavar="ROSTER", help="顧問先一覧 (.csv .txt .xlsx .xlsm .xls .ods)"
    )
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="CSV の文字コード（既定: 自動判別。例: cp932, utf-8） / CSV encoding (default: detected)",
    )
    add_options(parser)
    parser.add_argument(
        "--json", action="store_true", help="結果を JSON で出力する / print one JSON object"
    )
    parser.add_argument(
        "--lang", choices=["ja", "en"], default="ja", help="表示言語 / output language (ja)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    language = str(getattr(args, "lang", "ja") or "ja")
    try:
        read = read_roster(args, Path(args.roster), args.encoding)
    except RosterError as exc:
        if args.json:
            print(terminal_json({"error": {"message": exc.message, "message_en": exc.message_en}}))
        message = terminal_text(exc.text(language))
        print(_TEXT[language]["cannot_read"].format(message=message), file=sys.stderr)
        return EXIT_UNUSABLE
    roster = read.roster
    if args.json:
        print(terminal_json(roster_json(roster, read.origin), indent=2))
    else:
        print("\n".join(report_lines(roster, language, read)))
    return EXIT_PROBLEMS if roster.issues else EXIT_OK


def roster_json(roster: Roster, column_mapping: str = "automatic") -> dict[str, object]:
    """``column_mapping``: "given" (--columns), "remembered" or "automatic"."""
    source = roster.source
    return {
        "clients": len(roster.clients),
        "individual": [c.name for c in roster.individual],
        "joint": len(roster.joint),
        "errors": len(roster.errors),
        "warnings": len(roster.warnings),
        "issues": [issue.to_json() for issue in roster.issues],
        "columns": roster.columns,
        "column_mapping": column_mapping,
        "unused_columns": roster.unused_columns,
        "source": {
            "path": str(source.path),
            "format": source.file_format,
            "encoding": source.encoding,
            "sheet": source.sheet,
            "header_row": source.header_row,
            "sha256": source.sha256,
        },
    }


def report_lines(roster: Roster, language: str = "ja", read: ReadRoster | None = None) -> list[str]:
    text = _TEXT[language]
    source = roster.source
    kind = source.file_format.upper()
    details = [f"{kind} ({source.encoding.upper()})" if source.encoding else kind]
    if source.sheet:
        details.append(text["sheet"].format(sheet=terminal_text(source.sheet)))
    details.append(text["header"].format(row=source.header_row))
    lines = [
        f"{text['file']}: {terminal_text(source.path)}",
        f"  {text['format']}: {' / '.join(details)}",
        f"  SHA-256: {source.sha256}",
    ]
    if read is not None and read.origin == "given":
        lines.append(f"  {text['given']}")
    elif read is not None and read.origin == "remembered":
        lines.append(f"  {remembered_note(language)}")
    lines += [
        "",
        text["summary"].format(
            clients=len(roster.clients), joint=len(roster.joint), individual=len(roster.individual)
        ),
        "",
        text["individual"].format(count=len(roster.individual)),
    ]
    lines += _client_table(roster.individual, language, short=True) or [text["none"]]
    lines += ["", text["list"].format(count=len(roster.clients))]
    lines += _client_table(roster.clients, language, short=False)
    if roster.unused_columns:
        lines += ["", text["unused"]]
        separator = ", " if language.startswith("en") else "、"
        lines.append("  " + separator.join(terminal_text(c) for c in roster.unused_columns))
    lines.append("")
    lines += _problem_lines(roster, language)
    option = suggestion(read) if read is not None else None
    if option:
        lines += ["", text["hint"].format(option=option)]
    return lines


def _client_table(clients: Sequence[Client], language: str, short: bool) -> list[str]:
    """Aligned rows; the short form (row, code, name) has no heading line."""
    if not clients:
        return []
    text = _TEXT[language]
    rows: list[tuple[str, ...]] = [
        (
            str(c.row),
            terminal_text(c.code),
            terminal_text(c.name),
            terminal_text(c.phone),
            text["yes"] if c.individual else "",
            terminal_text(c.association),
        )
        for c in clients
    ]
    if short:
        rows = [r[:3] for r in rows]
    else:
        rows.insert(0, _COLUMNS[language])
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    # Row numbers line up on the right, as in Excel.
    return [
        ("  " + "  ".join(pad(v, widths[i], right=i == 0) for i, v in enumerate(r))).rstrip()
        for r in rows
    ]


def _problem_lines(roster: Roster, language: str) -> list[str]:
    text = _TEXT[language]
    if not roster.issues:
        return [text["clean"]]
    lines = [
        text["problems"].format(
            total=len(roster.issues), errors=len(roster.errors), warnings=len(roster.warnings)
        )
    ]
    for severity, title in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings")):
        chosen = [i for i in roster.issues if i.severity is severity]
        if chosen:
            lines += ["", text[title]]
            lines += [f"  {problem_line(i, language)}" for i in chosen]
    return lines


def problem_line(issue: Issue, language: str = "ja") -> str:
    """``行 12 / 電話番号: message`` — where the user finds it in Excel, then what is wrong.

    The column is the file's header text and the message may quote a cell: both are made
    safe for the terminal.
    """
    return f"{terminal_text(issue.where(language))}: {terminal_text(issue.text(language))}"


def display_width(value: str) -> int:
    """Columns a console gives the text: wide characters take two.

    Ambiguous characters (○, ①, ※) count as two, as a Japanese Windows console draws them.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in value)


def pad(value: str, width: int, right: bool = False) -> str:
    value = value.replace("\n", " ")
    space = " " * max(0, width - display_width(value))
    return space + value if right else value + space
