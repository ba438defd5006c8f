"""`noticedesk export`: write every client's documents and the regulator's list.

    noticedesk export ROSTER --out DIR [--office FILE] [--incident FILE] [--templates DIR]
                      [--kinds internal,report,cover,individual] [--force] [--json]
                      [--encoding ENC] [--print-files] [--pdf | --pdf-only]
                      [--columns FIELD=HEADER,… | --columns-file FILE]
    noticedesk export --demo --out DIR
    noticedesk export --out DIR [--clients CODE,…] [--pending-only] [--force]
                                         (the open case: its clients, ticks and incident)

Exit codes: 0 exported, nothing to report; 1 problems found (roster errors: nothing written;
roster warnings: exported, and the warnings listed); 2 the input cannot be used (unreadable
roster, missing or incomplete office profile or incident, a bad template, files that would be
overwritten without --force) or a usage error.

For the open case, --clients C0001,C0003 exports only those clients (by client code or exact
name, as ``case tick`` takes them; after fixing one client's data, ``--clients C0003 --force``
writes its documents again) and --pending-only only the documents the case still has as
未作成; the regulator's list is written for the whole case every time, and --print-files needs
every client (``core.case.export_selection``).

--kinds envelope,labels also writes the envelopes (one page per client, --envelope-size
naga3|kaku2) and the address labels (--label-layout NAME, --label-start N for a half-used
sheet) for the clients exported, into OUT/印刷用/; --json lists them in ``address_files``.

--print-files also writes, per document kind, one file with every client's document for
printing the batch (OUT/印刷用/01_送付状_全顧問先.docx …); --json lists them in ``print_files``.

--pdf also writes a PDF beside each .docx (made from the very .docx, by Word or LibreOffice,
``core.documents.export_pdf``); --pdf-only writes the PDFs without the .docx files. With
--print-files, one PDF per kind for the printer too (--json: ``print_pdfs``). Without a
converter on the PC, --pdf writes the .docx files and exits 2 saying no PDF was made;
--pdf-only writes nothing.

Values from the roster and the case (client names, header texts, paths) are printed through
``terminal_text``; the JSON keeps them exact, with control and bidi characters escaped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from noticedesk.cli.columns import add_options as add_column_options
from noticedesk.cli.validate import problem_line
from noticedesk.core.addresses import (
    DEFAULT_ENVELOPE,
    DEFAULT_LAYOUT,
    ENVELOPE_SIZES,
    envelope_size,
    find_layout,
)
from noticedesk.core.addresses.label_layouts import check_start
from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseError, CaseStore, export_blockers
from noticedesk.core.case.recorded_export import ExportNotRecorded, export_and_record
from noticedesk.core.clients import Client, Issue, Roster, RosterError
from noticedesk.core.display_text import terminal_json, terminal_text
from noticedesk.core.documents import (
    DOCUMENT_KINDS,
    KINDS,
    ExportProblem,
    ExportResult,
    InputProblem,
    export_case,
)
from noticedesk.core.documents.address_files import AddressOptions
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.documents.kinds import ADDRESS_KINDS, default_kinds
from noticedesk.core.documents.pdf import find_converter
from noticedesk.core.incident import Incident, load_incident
from noticedesk.core.office import OfficeProfile, ProfileError, load_office
from noticedesk.core.office_store import load_office_profile
from noticedesk.core.paths import data_dir
from noticedesk.core.secrets import SecretStoreUnavailable
from noticedesk.core.user_error import UserError

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="通知文書と個人情報保護委員会への報告対象一覧を書き出す",
        description="顧問先一覧から、顧問先ごとの通知文書 (Word) と個人情報保護委員会への"
        "報告対象一覧 (Excel) を書き出します。",
    )
    parser.add_argument("roster", nargs="?", metavar="ROSTER", help="顧問先一覧 (CSV / XLSX)")
    parser.add_argument("--out", required=True, metavar="DIR", help="書き出し先のフォルダ")
    parser.add_argument("--office", metavar="FILE", help="事務所情報 (TOML)。既定: 登録済みのもの")
    parser.add_argument("--incident", metavar="FILE", help="事案情報 (TOML)")
    parser.add_argument("--templates", metavar="DIR", help="独自のテンプレートのフォルダ")
    parser.add_argument(
        "--kinds",
        default=None,
        metavar="KINDS",
        help="書き出す文書 (カンマ区切り: "
        + ", ".join(DOCUMENT_KINDS + ADDRESS_KINDS)
        + "。回答書は "
        "reply、回答のない顧問先への回答書ご返送のお願いは reminder)",
    )
    parser.add_argument(
        "--envelope-size",
        default=DEFAULT_ENVELOPE,
        metavar="SIZE",
        help="封筒 (envelope) の大きさ: "
        + ", ".join(f"{s.key} ({s.title})" for s in ENVELOPE_SIZES.values())
        + f"。既定: {DEFAULT_ENVELOPE}",
    )
    parser.add_argument(
        "--label-layout",
        default=DEFAULT_LAYOUT,
        metavar="NAME",
        help=f"宛名ラベル (labels) の用紙 (既定: {DEFAULT_LAYOUT})。データフォルダの "
        "label_layouts.toml で追加できます",
    )
    parser.add_argument(
        "--label-start",
        type=int,
        default=1,
        metavar="N",
        help="1枚目の何番目のラベルから印刷するか (使いかけのシート用。左上が1、横に数える)",
    )
    parser.add_argument("--force", action="store_true", help="既存のファイルを上書きする")
    parser.add_argument("--json", action="store_true", help="結果を JSON で出力する")
    parser.add_argument(
        "--print-files",
        action="store_true",
        help="印刷用に、文書の種類ごとに全顧問先分をまとめたファイルも作る (印刷用/)",
    )
    pdf = parser.add_mutually_exclusive_group()
    pdf.add_argument("--pdf", action="store_true", help="各 Word 文書の横に PDF も作る")
    pdf.add_argument(
        "--pdf-only", action="store_true", help="Word 文書の代わりに PDF だけを書き出す"
    )
    parser.add_argument(
        "--clients",
        metavar="CODE,…",
        help="開いている事案のうち、この顧問先コードの顧問先だけを書き出す (カンマ区切り)",
    )
    parser.add_argument(
        "--pending-only",
        action="store_true",
        help="開いている事案で、まだ書き出していない文書 (未作成) だけを書き出す",
    )
    parser.add_argument("--encoding", metavar="ENC", help="CSV の文字コード (既定: 自動判定)")
    add_column_options(parser)
    parser.add_argument("--demo", action="store_true", help="同梱のサンプル事案で書き出す")
    parser.set_defaults(func=run)


class _Unusable(Exception):
    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


def _stored_office(args: argparse.Namespace) -> OfficeProfile | None:
    return load_office_profile(data_dir(args.data_dir))


def _stored_incident(args: argparse.Namespace) -> Incident | None:
    """The incident of the open case, when there is a case; opening it may ask for its key."""
    from noticedesk.cli.case_access import open_case
    from noticedesk.core.case import CaseStore

    if not CaseStore.list_cases(data_dir(args.data_dir)):
        return None
    try:
        with open_case(args) as store:
            return store.incident
    except (CaseError, SecretStoreUnavailable) as exc:
        raise _Unusable([InputProblem(exc.text("ja"), exc.text("en"))]) from None


def _inputs(args: argparse.Namespace) -> tuple[Path, OfficeProfile, Incident]:
    if args.demo:
        sample = sample_dir()
        roster_path = Path(args.roster) if args.roster else sample / "roster.csv"
        office_file = args.office or sample / "office.toml"
        incident_file = args.incident or sample / "incident.toml"
    else:
        roster_path = Path(args.roster)
        office_file, incident_file = args.office, args.incident
    office, incident = _office_and_incident(args, office_file, incident_file)
    return roster_path, office, incident


T = TypeVar("T")

_NO_OFFICE = InputProblem(
    "事務所情報が登録されていません。--office で事務所情報のファイル (TOML) を"
    "指定するか、noticedesk office で登録してください",
    "No office profile is stored: pass --office FILE (TOML) or store one with `noticedesk office`",
)
_NO_INCIDENT = InputProblem(
    "事案情報がありません。--incident で事案情報のファイル (TOML) を指定するか、"
    "noticedesk case incident FILE で事案に登録してください",
    "No incident is stored: pass --incident FILE (TOML) or store one in the "
    "case with `noticedesk case incident FILE`",
)


def _file_or_stored(
    file: str | Path | None,
    load: Callable[[Path], T],
    stored: Callable[[], T | None],
    labels: tuple[str, str],
    missing: InputProblem,
    problems: list[InputProblem],
) -> T | None:
    """The value read from ``file`` when one is named, else the stored one; a problem noted
    (in ``problems``) when it cannot be read or there is none."""
    try:
        value = load(Path(file)) if file else stored()
    except ProfileError as exc:
        problems.append(InputProblem(f"{labels[0]}: {exc}", f"{labels[1]}: {exc}"))
        return None
    if value is None:
        problems.append(missing)
    return value


def _office_and_incident(
    args: argparse.Namespace,
    office_file: str | Path | None,
    incident_file: str | Path | None,
    case_incident: Callable[[], Incident | None] | None = None,
) -> tuple[OfficeProfile, Incident]:
    problems: list[InputProblem] = []
    office = _file_or_stored(
        office_file,
        load_office,
        lambda: _stored_office(args),
        ("事務所情報", "Office profile"),
        _NO_OFFICE,
        problems,
    )
    incident = _file_or_stored(
        incident_file,
        load_incident,
        case_incident or (lambda: _stored_incident(args)),
        ("事案情報", "Incident"),
        _NO_INCIDENT,
        problems,
    )
    if problems or office is None or incident is None:
        raise _Unusable(problems)
    return office, incident


def _kinds(text: str | None) -> list[str]:
    """The kinds asked for; [] when --kinds is not given (``default_kinds`` of the incident)."""
    if text is None:
        return []
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS and k not in ADDRESS_KINDS]
    if unknown or not kinds:
        shown = ", ".join(unknown) or repr(text)
        known = ", ".join(DOCUMENT_KINDS + ADDRESS_KINDS)
        raise _Unusable(
            [
                InputProblem(
                    f"--kinds に使えない文書の種類があります: {shown}（{known} から選んでください）",
                    f"Unknown document kind in --kinds: {shown} (choose from {known})",
                )
            ]
        )
    return kinds


def _addresses(args: argparse.Namespace, kinds: Sequence[str]) -> AddressOptions | None:
    """The envelope size and label sheet the options name (looked up only when asked for)."""
    if not any(kind in ADDRESS_KINDS for kind in kinds):
        return None
    try:
        size = envelope_size(args.envelope_size)
        if "labels" not in kinds:
            return AddressOptions(envelope=size)
        layout = find_layout(args.label_layout, data_dir(args.data_dir))
        check_start(layout, args.label_start)
    except UserError as exc:
        raise _Unusable([InputProblem(exc.text("ja"), exc.text("en"))]) from None
    return AddressOptions(envelope=size, layout=layout, start=args.label_start)


def _read_roster(args: argparse.Namespace, path: Path, encoding: str | None) -> Roster:
    """The roster file, its columns as --columns says or as remembered (``cli.columns``)."""
    from noticedesk.cli.columns import read_roster, say_remembered

    try:
        read = read_roster(args, path, encoding)
    except RosterError as exc:
        raise _Unusable([InputProblem(exc.message, exc.message_en)]) from None
    say_remembered(read)
    return read.roster


def _issue_line(issue: Issue) -> str:
    label = "エラー" if issue.severity == "error" else "警告"
    return f"{label}: {problem_line(issue)}"


def _progress(done: int, total: int) -> None:
    print(f"\r書き出し中… {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


_SELECTION_NEEDS_CASE = InputProblem(
    "--clients と --pending-only は開いている事案の書き出しだけに使えます"
    "（顧問先一覧のファイルや --demo と一緒には使えません）",
    "--clients and --pending-only apply to the open case only (not with a roster file or --demo)",
)


def _client_keys(store: CaseStore, text: str | None) -> list[str] | None:
    """The keys of the clients ``--clients`` names (each by code or exact name, as
    ``noticedesk case tick`` takes them); None when the option is not given (every client)."""
    from noticedesk.cli.case import _find_client

    if text is None:
        return None
    wanted = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not wanted:
        raise _Unusable(
            [InputProblem("--clients に顧問先コードがありません", "--clients names no client")]
        )
    problems, keys = [], []
    for code in wanted:
        try:
            keys.append(_find_client(store, code).key)
        except CaseError as exc:
            problems.append(InputProblem(exc.text("ja"), exc.text("en"), "clients"))
    if problems:
        raise _Unusable(problems)
    return keys


def run(args: argparse.Namespace) -> int:
    if not args.roster and not args.demo:
        return _export_open_case(args)
    if args.clients is not None or args.pending_only:
        return _fail(args, [_SELECTION_NEEDS_CASE], [], EXIT_UNUSABLE)
    try:
        kinds = _kinds(args.kinds)
        args.addresses = _addresses(args, kinds)
        roster_path, office, incident = _inputs(args)
        roster = _read_roster(args, roster_path, args.encoding)
    except _Unusable as exc:
        return _fail(args, exc.problems, [], EXIT_UNUSABLE)

    if roster.errors:
        if args.json:
            _emit(
                args,
                ok=False,
                roster=roster,
                problems=[
                    InputProblem(
                        "顧問先一覧にエラーがあるため書き出しませんでした",
                        "The roster has errors; nothing was exported",
                    )
                ],
            )
        else:
            for issue in roster.issues:
                print(_issue_line(issue), file=sys.stderr)
            print(
                f"顧問先一覧にエラーが {len(roster.errors)} 件あるため、何も書き出していません。",
                file=sys.stderr,
            )
        return EXIT_PROBLEMS

    try:
        result = _write(args, roster.clients, office, incident, kinds or default_kinds(incident))
    except ExportProblem as exc:
        return _fail(args, exc.problems, exc.conflicts, EXIT_UNUSABLE, roster)
    _report(args, result, roster)
    return EXIT_PROBLEMS if roster.warnings else EXIT_OK


def _export_open_case(args: argparse.Namespace) -> int:
    """Export the open case's clients with the case's ticks, and record what was written."""
    from noticedesk.cli.case_access import open_case

    if not CaseStore.list_cases(data_dir(args.data_dir)):
        problem = InputProblem(
            "顧問先一覧のファイルを指定してください (noticedesk export ROSTER --out DIR)。"
            "事案で作業するには noticedesk case new NAME で作成します。サンプルは --demo で",
            "Name the roster file (noticedesk export ROSTER --out DIR), or create a case with "
            "`noticedesk case new NAME`; --demo uses the bundled sample",
        )
        return _fail(args, [problem], [], EXIT_UNUSABLE)
    try:
        kinds = _kinds(args.kinds)
        args.addresses = _addresses(args, kinds)
        store = open_case(args)
    except _Unusable as exc:
        return _fail(args, exc.problems, [], EXIT_UNUSABLE)
    except (CaseError, SecretStoreUnavailable) as exc:
        problem = InputProblem(exc.text("ja"), exc.text("en"))
        return _fail(args, [problem], [], EXIT_UNUSABLE)
    with store:
        # The core's rule (the window follows it too); export_and_record checks it again.
        blockers = export_blockers(store)
        if blockers:
            return _fail(args, blockers, [], EXIT_UNUSABLE)
        try:
            office, incident = _office_and_incident(
                args, args.office, args.incident, lambda: store.incident
            )
        except _Unusable as exc:
            return _fail(args, exc.problems, [], EXIT_UNUSABLE)
        if not store.clients():
            problem = InputProblem(
                f"事案「{store.name}」には顧問先一覧がまだ取り込まれていません"
                "（noticedesk case import ROSTER）",
                f"The case “{store.name}” has no roster yet (noticedesk case import ROSTER)",
            )
            return _fail(args, [problem], [], EXIT_UNUSABLE)
        try:
            keys = _client_keys(store, args.clients)
        except _Unusable as exc:
            return _fail(args, exc.problems, [], EXIT_UNUSABLE)
        try:
            # The window's path too: what reaches the disk is recorded, even part-way.
            result = export_and_record(
                store,
                office,
                incident,
                Path(args.out),
                kinds or default_kinds(incident),
                clients=keys,
                pending_only=args.pending_only,
                **_options(args),
            )
        except ExportProblem as exc:
            return _fail(args, exc.problems, exc.conflicts, EXIT_UNUSABLE)
        except ExportNotRecorded as exc:
            problem = InputProblem(exc.text("ja"), exc.text("en"))
            return _fail(args, [problem], [], EXIT_UNUSABLE)
        _report(args, result, None)
        if not args.json:
            print(f"事案「{terminal_text(store.name)}」に書き出しの記録を残しました。")
    return EXIT_OK


def _write(
    args: argparse.Namespace,
    clients: Sequence[Client],
    office: OfficeProfile,
    incident: Incident,
    kinds: Sequence[str],
) -> ExportResult:
    return export_case(clients, office, incident, Path(args.out), kinds, **_options(args))


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The export's options from the command line, for a roster file and the open case alike."""
    show_progress = not args.json and sys.stderr.isatty()
    return {
        "templates_dir": Path(args.templates) if args.templates else None,
        "force": args.force,
        "progress": _progress if show_progress else None,
        "print_files": args.print_files,
        "pdf": _pdf_request(args),
        "addresses": getattr(args, "addresses", None),
    }


def _pdf_request(args: argparse.Namespace) -> PdfRequest | None:
    if not (args.pdf or args.pdf_only):
        return None
    return PdfRequest(find_converter(notify=_converter_notice), only=args.pdf_only)


def _converter_notice(text_ja: str, _text_en: str) -> None:
    """Word failed and LibreOffice took over: said once, on stderr."""
    print(terminal_text(text_ja), file=sys.stderr)


def _report(args: argparse.Namespace, result: ExportResult, roster: Roster | None) -> None:
    if args.json:
        _emit(args, ok=True, roster=roster, result=result)
        return
    for issue in roster.warnings if roster else []:
        print(_issue_line(issue), file=sys.stderr)
    print(
        f"{len(result.clients)} 件の顧問先について {result.count} 件の文書を書き出しました: "
        f"{terminal_text(result.out_dir)}"
    )
    print(
        f"個人情報保護委員会への報告対象一覧 ({result.ppc_count} 件): "
        f"{terminal_text(result.ppc_list)}"
    )
    for path in result.print_files.values():
        print(f"印刷用: {terminal_text(path)}")
    if result.pdfs:
        print(f"PDF ({sum(len(plan.documents) for plan in result.pdfs)} 件) も作成しました。")
    for path in result.print_pdfs.values():
        print(f"印刷用 PDF: {terminal_text(path)}")
    for path in result.address_files.values():
        print(f"封筒・宛名ラベル: {terminal_text(path)}")


def _fail(
    args: argparse.Namespace,
    problems: list[InputProblem],
    conflicts: list[Path],
    code: int,
    roster: Roster | None = None,
) -> int:
    if args.json:
        _emit(args, ok=False, roster=roster, problems=problems, conflicts=conflicts)
    else:
        for problem in problems:
            print(terminal_text(problem.message, lines=True), file=sys.stderr)
        for path in conflicts[:10]:
            print(f"  既存: {terminal_text(path)}", file=sys.stderr)
        if len(conflicts) > 10:
            print(f"  ほか {len(conflicts) - 10} 件", file=sys.stderr)
        if conflicts:
            print("上書きするには --force を付けてください。", file=sys.stderr)
    return code


def _emit(
    args: argparse.Namespace,
    *,
    ok: bool,
    roster: Roster | None = None,
    result: ExportResult | None = None,
    problems: list[InputProblem] | None = None,
    conflicts: list[Path] | None = None,
) -> None:
    payload: dict[str, Any] = {
        "ok": ok,
        "out_dir": str(Path(args.out)),
        "clients": [],
        "ppc_list": None,
        "print_files": {},
        "address_files": {},
        "count": 0,
        "problems": [p.to_json() for p in problems or []],
        "conflicts": [str(p) for p in conflicts or []],
        "issues": [i.to_json() for i in roster.issues] if roster else [],
    }
    if result is not None:
        payload["clients"] = [
            {
                "name": plan.client.name,
                "code": plan.client.code,
                "row": plan.client.row,
                "individual": plan.client.individual,
                "folder": str(plan.folder),
                "files": [str(path) for _kind, path in plan.documents],
            }
            for plan in result.clients
        ]
        payload["ppc_list"] = str(result.ppc_list)
        payload["print_files"] = {kind: str(path) for kind, path in result.print_files.items()}
        payload["pdf_files"] = [str(path) for plan in result.pdfs for _kind, path in plan.documents]
        payload["print_pdfs"] = {kind: str(path) for kind, path in result.print_pdfs.items()}
        payload["address_files"] = {kind: str(p) for kind, p in result.address_files.items()}
        payload["ppc_count"] = result.ppc_count
        payload["count"] = result.count
    sys.stdout.write(terminal_json(payload, indent=2) + "\n")
