"""Exporting the open case, and recording in it what reached the disk: the one path both faces
take (``noticedesk export --out DIR`` and File → Export).

Decisions:
- Nothing is written while ``export_rule.export_blockers`` names a reason (today: the roster
  kept with the case has errors); the refusal is an ``ExportProblem`` like any other.
- The case's clients are exported with the case's ticks (not a roster file's answers).
- What is exported can be narrowed (``clients``: keys; ``pending_only``: the documents still
  未作成), as ``export_selection`` decides; ``export_blockers`` applies to every selection, and
  a selection that names no document, or a client the case lacks, writes nothing. The
  regulator's list is written for the whole case every time, so a partial export (one client
  re-exported after its data was fixed) never leaves a list without the other clients; an
  export into a folder that holds the list asks to overwrite it like any other file.
- Whatever was written is recorded, whether the export finished, failed part-way or was
  cancelled: the status columns and the audit log must say what is on disk.
- Envelopes and labels (``kinds`` ``envelope`` / ``labels``) are made for the chosen clients
  (all, or ``clients``), whatever ``pending_only`` leaves of their documents: they go with the
  letters being printed. They are files for printing, not a client's documents: the log entry
  of the export names them, and they leave no status behind.
- Answers to the reply slip (``answers``): a reminder is written only for clients that have
  not answered, whatever the selection; the regulator's list holds the clients the office's
  rule for silence lets in (``incident.silence_rule``: all by default).
- Recording happens after the files are written; when the case cannot record (a locked or
  damaged file), the files stay and ``ExportNotRecorded`` says so, carrying the result, so the
  office knows to mark them by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from noticedesk.core.case.answers import SilenceRule, listed_clients
from noticedesk.core.case.export_rule import export_blockers
from noticedesk.core.case.export_selection import (
    ExportSelection,
    chosen_documents,
    selection_problems,
)
from noticedesk.core.case.store import CaseStore
from noticedesk.core.documents.address_files import AddressOptions, split_kinds
from noticedesk.core.documents.export import ExportProblem, ExportResult, export_case
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.core.problems import Problem
from noticedesk.core.user_error import UserError, error_text


class ExportNotRecorded(UserError):
    """The documents were written but the case could not record them."""

    def __init__(self, result: ExportResult, cause: BaseException) -> None:
        super().__init__(
            f"文書は {result.out_dir} に書き出しましたが、事案に記録できませんでした。"
            f"事案が書き込める状態になってから、手作業で状況を記録してください。"
            f"（{error_text(cause, 'ja')}）",
            f"The documents were written to {result.out_dir}, but the case could not record "
            f"it. Mark them by hand once the case can be written. ({error_text(cause, 'en')})",
        )
        self.result = result


NO_ONE_TO_REMIND = Problem(
    "選んだ顧問先はすべて回答済みのため、回答書ご返送のお願いを書き出す相手がいません。"
    "何も書き出していません。",
    "Every chosen client has answered, so there is no one to send a reminder to. Nothing was "
    "written.",
    "kinds",
)


def _no_reminder_for_answered(
    chosen: Mapping[str, Sequence[str]], answers: Mapping[str, object]
) -> dict[str, list[str]]:
    narrowed = {
        key: [kind for kind in kinds if kind != "reminder" or key not in answers]
        for key, kinds in chosen.items()
    }
    return {key: kinds for key, kinds in narrowed.items() if kinds}


def export_and_record(
    store: CaseStore,
    office: OfficeProfile,
    incident: Incident,
    out_dir: Path,
    kinds: Sequence[str],
    *,
    clients: Collection[str] | None = None,
    pending_only: bool = False,
    templates_dir: Path | None = None,
    force: bool = False,
    print_files: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    pdf: PdfRequest | None = None,
    addresses: AddressOptions | None = None,
) -> ExportResult:
    """Export the clients of ``store`` and record what was written (see the module notes).

    ``clients`` (keys) narrows the export to those clients, ``pending_only`` to the documents
    not yet exported; by default every document of every client. With ``pdf``, the PDFs
    are recorded like the .docx files (with PDF only, the PDFs alone).

    Raises ExportProblem (with ``written`` recorded already, or before anything is written
    when the case or the selection may not be exported) or ExportNotRecorded.
    """
    blockers = export_blockers(store)
    if blockers:
        raise ExportProblem(blockers)
    entries = store.clients()
    selection = ExportSelection.of(clients, pending_only)
    chosen = None
    if not selection.whole:
        chosen = chosen_documents(entries, kinds, selection)
        problems = selection_problems(
            entries,
            selection,
            chosen,
            print_files=print_files,
            other_files=bool(split_kinds(kinds)[1]),
        )
        if problems:
            raise ExportProblem(problems)
    answers = store.answers()
    if "reminder" in kinds:
        if chosen is None:
            chosen = chosen_documents(entries, kinds, selection)
        chosen = _no_reminder_for_answered(chosen, answers)
        if not chosen:
            raise ExportProblem([NO_ONE_TO_REMIND])
    case_clients = [entry.client for entry in entries]
    try:
        result = export_case(
            case_clients,
            office,
            incident,
            Path(out_dir),
            kinds,
            templates_dir=templates_dir,
            force=force,
            progress=progress,
            print_files=print_files,
            cancelled=cancelled,
            workers=workers,
            chosen=chosen,
            pdf=pdf,
            addresses=addresses,
            address_clients=[
                entry.client
                for entry in entries
                if selection.clients is None or entry.key in selection.clients
            ],
            listed=listed_clients(case_clients, answers, SilenceRule(incident.silence_rule)),
        )
    except ExportProblem as exc:
        if exc.written or exc.ppc_list is not None:
            store.record_export(exc.written, exc.ppc_list)
        raise
    try:
        store.record_export(result.documents_by_client(), result.ppc_list, result.address_files)
    except Exception as exc:  # the files are on disk whatever the case says
        raise ExportNotRecorded(result, exc) from exc
    return result
