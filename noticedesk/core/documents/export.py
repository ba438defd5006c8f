"""Writing every client's documents and the regulator's list into one output folder: the run.

The export has four parts, one module each:

- ``export_plan``: which files each client gets, their names and folders (the layout is
  described there), and which of them exist already;
- ``export_workers``: rendering and writing the documents, in this process or in a pool of
  processes, with cancellation between chunks;
- ``export_problems``: ``ExportProblem`` and every sentence an export stops with;
- this module: ``export_case``, which checks the inputs, plans, refuses or writes, then adds
  the regulator's list and the print files (``印刷用/``, see ``print_files``), and turns every
  failure into an ``ExportProblem`` that names what reached the disk.

Decisions:
- Nothing is overwritten unless ``force``: every path is planned first and, if any exists, the
  export stops before writing anything and lists them. Each file is written to a temporary
  name and renamed.
- An export that stops part-way (a failure or a cancel) still says what reached the disk
  (``ExportProblem.written`` / ``ppc_list``), so the case can record it like any other run.
  Without ``force`` a planned file that exists is new (the conflict check saw none); with
  ``force`` it counts when modified since the run began, less two seconds for file systems
  with coarse times (FAT on a USB stick).
- With a pool, the regulator's list is written here while the workers start; without one,
  after the documents.
- A partial export (``chosen``: per client, the kinds to write) plans every client's folder as
  a whole export would, so a client's files land where they always do (two clients whose
  names clash keep their `` (2)``), then writes only the chosen documents. The regulator's
  list is written for every client given, whatever is chosen: a list that lacked the clients
  not chosen this time would be wrong, and it is one file the office attaches whole.
- The output folder is checked first like every other input (a link to nowhere, a file, a
  read-only folder: a sentence, nothing written); what stands inside it where the export
  writes is looked at before writing (``export_plan.find_existing``): a link there is refused
  even with ``force``. Before writing, the temporary files an earlier export left when it was
  killed are removed (``output_folder``).
- Envelopes and address labels (``address_files``) are kinds like the documents but one file
  each, for ``address_clients`` (by default every client given); they are rendered before
  anything is written and go into the print folder after the documents.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents import limits
from noticedesk.core.documents.address_files import (
    AddressFile,
    AddressOptions,
    in_the_way,
    render_address_files,
    split_kinds,
)
from noticedesk.core.documents.docx_merge import MergeError
from noticedesk.core.documents.export_pdf import (
    PdfRequest,
    no_converter,
    not_converted,
    pdf_count,
    pdf_plans,
    pdf_print_plans,
    remove_stage,
    remove_stale_stages,
    stage_folder,
    staged_plans,
    write_pdfs,
)
from noticedesk.core.documents.export_plan import (
    FILE_NAME_CHARS,
    Existing,
    PlannedClient,
    find_existing,
    plan_export,
)
from noticedesk.core.documents.export_problems import (
    ExportProblem,
    not_merged,
    not_rendered,
    not_written,
    refused,
    stopped,
    unusable,
)
from noticedesk.core.documents.export_workers import (
    Cancelled,
    ExportCancelled,
    Progress,
    RenderFailure,
    RenderJob,
    worker_count,
    write_here,
    write_in_pool,
)
from noticedesk.core.documents.kinds import DOCUMENT_KINDS
from noticedesk.core.documents.output_folder import OutputFolder, folder_problems, not_created
from noticedesk.core.documents.pdf import PdfConversionError
from noticedesk.core.documents.ppc_list import PPC_LIST_NAME, write_ppc_list
from noticedesk.core.documents.print_files import (
    PlannedPrintFile,
    plan_print_files,
    write_print_files,
)
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.documents.rendering import find_input_problems, template_path
from noticedesk.core.incident import Incident
from noticedesk.core.joint_report import joint_clients
from noticedesk.core.office import OfficeProfile


@dataclass(slots=True)
class ExportResult:
    out_dir: Path
    ppc_list: Path
    clients: list[PlannedClient] = field(default_factory=list)  # in roster order
    count: int = 0  # documents written (the regulator's list and print files not counted)
    ppc_count: int = 0  # clients in the regulator's list
    print_files: dict[str, Path] = field(default_factory=dict)  # kind -> merged file
    pdfs: list[PlannedClient] = field(default_factory=list)  # the PDFs beside the .docx files
    print_pdfs: dict[str, Path] = field(default_factory=dict)  # kind -> the print PDF
    address_files: dict[str, Path] = field(default_factory=dict)  # envelope / labels -> file

    @property
    def files(self) -> dict[str, list[Path]]:
        """Per Client.key, the files written (two clients sharing a key share one list)."""
        return {
            key: [path for _k, path in docs] for key, docs in self.documents_by_client().items()
        }

    def documents_by_client(self) -> dict[str, list[tuple[str, Path]]]:
        """Per Client.key, the (kind, file) pairs written: what the case records."""
        out: dict[str, list[tuple[str, Path]]] = {}
        for plan in [*self.clients, *self.pdfs]:
            out.setdefault(plan.client.key, []).extend(plan.documents)
        return out


def export_case(
    clients: Sequence[Client],
    office: OfficeProfile,
    incident: Incident,
    out_dir: Path,
    kinds: Sequence[str] = DOCUMENT_KINDS,
    *,
    templates_dir: Path | None = None,
    force: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    print_files: bool = False,
    cancelled: Cancelled | None = None,
    chosen: Mapping[str, Collection[str]] | None = None,
    pdf: PdfRequest | None = None,
    addresses: AddressOptions | None = None,
    address_clients: Sequence[Client] | None = None,
    listed: Sequence[Client] | None = None,
) -> ExportResult:
    """Write every client's documents and the regulator's list into ``out_dir``.

    ``listed``: the clients the regulator's list is made from, when the office's rule for
    clients who have not answered leaves some out (``case.answers.listed_clients``); by
    default ``clients``.

    With ``chosen`` (per Client.key, the kinds to write for that client), only those documents
    are written, in the folders a whole export gives them; the regulator's list still names
    every client of ``clients``, and the print files hold only the documents written.

    With ``print_files``, also one file per kind holding every client's document of that
    kind, merged from the files just written (``ExportResult.print_files``).

    Raises ExportProblem, before writing anything, when the office profile, the incident or a
    template is not usable, or when a file to be written exists and ``force`` is false.
    ``progress(done, total)`` is called from this thread as documents are written; each print
    file counts as one more document.

    ``cancelled()`` is asked from this thread before each document (with a pool: between
    chunks, about every tenth of a second), before the regulator's list and between print
    files; once it returns True nothing new is started, the files in progress are finished,
    and ExportProblem is raised with ``cancelled`` set and ``written`` / ``ppc_list`` naming
    what is on disk. It must be cheap and safe to call from a worker thread (a flag).

    With ``pdf``, PDFs too (``export_pdf``): beside each .docx, or alone (``pdf.only``: then
    ``ExportResult.clients`` plans the PDFs and no .docx file is left in ``out_dir``); with
    ``print_files``, one print PDF per kind. Each PDF counts as one more document in
    ``progress``. Without a converter, PDF only is refused before anything is written; PDF
    beside .docx writes the .docx files, then raises ExportProblem saying no PDF was made.
    ``kinds`` may name ``envelope`` and ``labels`` (``addresses`` gives their size, sheet and
    first label): one file each, for ``address_clients`` (every client when None).
    """
    out_dir = Path(out_dir)
    kinds, address_kinds = split_kinds(list(dict.fromkeys(kinds)))
    problems = find_input_problems(
        office,
        incident,
        templates_dir,
        kinds,
        individual_clients="individual" in kinds and any(c.individual for c in clients),
    )
    if not clients:
        problems.append(InputProblem("顧問先が1件もありません", "There are no clients to export"))
    problems.extend(folder_problems(out_dir))
    address_files: list[AddressFile] = []
    if address_kinds and clients and not problems:
        address_files, address_problems = render_address_files(
            out_dir,
            address_kinds,
            clients if address_clients is None else address_clients,
            office,
            addresses or AddressOptions(),
        )
        problems.extend(address_problems)
    if problems:
        raise ExportProblem(problems)

    if pdf is not None and pdf.only and pdf.converter is None:
        raise ExportProblem([no_converter(only=True)])
    plans = plan_export(clients, out_dir, kinds)
    if chosen is not None:
        plans = _only_chosen(plans, chosen)
    ppc_path = out_dir / PPC_LIST_NAME
    print_plans = (
        plan_print_files(out_dir, [p.documents for p in plans], kinds) if print_files else []
    )
    only_pdf = pdf is not None and pdf.only
    pdf_targets = pdf_plans(plans) if pdf is not None else []
    print_pdfs = pdf_print_plans(print_plans) if pdf is not None else []
    if only_pdf:
        existing = find_existing(out_dir, pdf_targets, ppc_path, print_pdfs)
    else:
        existing = find_existing(out_dir, plans, ppc_path, print_plans)
        if pdf is not None:
            _add(existing, find_existing(out_dir, pdf_targets, ppc_path, print_pdfs))
    in_way = in_the_way(address_files)
    if existing.links:
        raise unusable(out_dir, existing.links)
    if existing.conflicts + in_way.conflicts and not force:
        raise refused(out_dir, existing.conflicts + in_way.conflicts)
    if existing.misplaced or in_way.refused:
        raise unusable(out_dir, existing.misplaced + in_way.refused)

    job = RenderJob(
        {kind: template_path(kind, templates_dir) for kind in kinds},
        office,
        incident,
        force,
        OutputFolder.for_run(out_dir),
        limits.DOCUMENT_SECONDS,
    )
    started = time.time_ns()
    recorded = pdf_targets if only_pdf else [*plans, *pdf_targets]
    step = None
    if pdf is not None:
        step = _PdfStep(pdf, plans, pdf_targets, print_pdfs)
        if only_pdf:
            stage = stage_folder(job.output)
            plans, print_plans = staged_plans(plans, out_dir, stage), []
            step.sources = plans
    try:
        result = _write_planned(
            clients if listed is None else listed,
            job,
            plans,
            ppc_path,
            print_plans,
            started,
            workers,
            progress,
            cancelled,
            step,
        )
        result.address_files = _write_address_files(address_files, job, cancelled)
    except ExportProblem as exc:
        exc.written, exc.ppc_list = _written_since(recorded, ppc_path, started, force)
        raise
    except ExportCancelled:
        written, ppc_list = _written_since(recorded, ppc_path, started, force)
        problem = stopped(sum(len(documents) for documents in written.values()))
        problem.written, problem.ppc_list = written, ppc_list
        raise problem from None
    finally:
        job.output.remove_temporaries()
        if only_pdf:
            remove_stage(job.output)
    if only_pdf:
        result.clients, result.pdfs = pdf_targets, []
    return result


@dataclass(slots=True)
class _PdfStep:
    """The PDFs of one export: made from ``sources`` (the .docx files written) at ``targets``."""

    request: PdfRequest
    sources: list[PlannedClient]
    targets: list[PlannedClient]
    print_targets: list[PlannedPrintFile]

    @property
    def count(self) -> int:
        if self.request.converter is None:
            return 0
        return pdf_count(self.targets, self.print_targets)


def _add(existing: Existing, more: Existing) -> None:
    """``more`` added to ``existing``, each path once (both name the regulator's list)."""
    existing.conflicts.extend(p for p in more.conflicts if p not in existing.conflicts)
    existing.misplaced.extend(m for m in more.misplaced if m not in existing.misplaced)
    existing.links.extend(link for link in more.links if link not in existing.links)


def _only_chosen(
    plans: Sequence[PlannedClient], chosen: Mapping[str, Collection[str]]
) -> list[PlannedClient]:
    """The plans narrowed to the chosen documents; a client with none is left out."""
    narrowed = []
    for plan in plans:
        wanted = chosen.get(plan.client.key, ())
        documents = tuple((kind, target) for kind, target in plan.documents if kind in wanted)
        if documents:
            narrowed.append(replace(plan, documents=documents))
    return narrowed


def _written_since(
    plans: Sequence[PlannedClient], ppc_path: Path, started_ns: int, force: bool
) -> tuple[dict[str, list[tuple[str, Path]]], Path | None]:
    """The planned files that a failed run put on disk (see the module docstring)."""
    since = started_ns - 2_000_000_000

    def new(path: Path) -> bool:
        try:
            modified = path.stat().st_mtime_ns
        except OSError:
            return False
        return not force or modified >= since

    written: dict[str, list[tuple[str, Path]]] = {}
    for plan in plans:
        done = [(kind, target) for kind, target in plan.documents if new(target)]
        if done:
            written.setdefault(plan.client.key, []).extend(done)
    return written, ppc_path if new(ppc_path) else None


def _write_planned(
    clients: Sequence[Client],
    job: RenderJob,
    plans: list[PlannedClient],
    ppc_path: Path,
    print_plans: Sequence[PlannedPrintFile],
    started_ns: int,
    workers: int | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    pdf: _PdfStep | None = None,
) -> ExportResult:
    out_dir = job.output.root
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # checked before, but the system may still say no
        raise ExportProblem([not_created(out_dir, exc)]) from None
    job.output.remove_leftovers(started_ns)  # what a killed export left
    remove_stale_stages(out_dir, started_ns)

    def write_list() -> None:
        write_ppc_list(clients, job.office, job.incident, ppc_path, overwrite=job.force)

    total = sum(len(p.documents) for p in plans) + len(print_plans)
    total += pdf.count if pdf is not None else 0
    if progress is not None:
        progress(0, total)
    count = worker_count(total, workers)
    try:
        if count == 1:
            done = write_here(plans, job, total, progress, cancelled)
        else:
            done = write_in_pool(plans, job, count, total, progress, write_list, cancelled)
    except RenderFailure as exc:
        raise not_rendered(exc) from None
    except OSError as exc:
        raise not_written(exc) from None

    if count == 1:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        write_list()
    ppc_count = len(joint_clients(clients))
    merged = _write_print_files(print_plans, job, done, total, progress, cancelled)
    result = ExportResult(
        out_dir=out_dir,
        ppc_list=ppc_path,
        clients=plans,
        count=done,
        ppc_count=ppc_count,
        print_files=merged,
    )
    if pdf is not None:
        result.print_pdfs = _write_pdfs(pdf, job, done + len(merged), total, progress, cancelled)
        result.pdfs = pdf.targets
    return result


def _write_pdfs(
    pdf: _PdfStep,
    job: RenderJob,
    done: int,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> dict[str, Path]:
    """The PDF step, once the .docx files are on disk (see ``export_pdf``)."""
    converter = pdf.request.converter
    if converter is None:
        raise ExportProblem([no_converter(only=False)])
    steps = {"done": done}

    def made(count: int) -> None:
        steps["done"] += count
        if progress is not None:
            progress(steps["done"], total)

    try:
        return write_pdfs(
            converter,
            pdf.sources,
            pdf.targets,
            pdf.print_targets,
            job.output,
            force=job.force,
            progress=made,
            cancelled=cancelled,
        )
    except PdfConversionError as exc:
        raise ExportProblem([not_converted(exc, pdf.request.only)]) from None
    except OSError as exc:
        raise not_written(exc) from None


def _write_address_files(
    files: Sequence[AddressFile], job: RenderJob, cancelled: Cancelled | None
) -> dict[str, Path]:
    """The envelopes and labels rendered before the run, written last (each whole)."""
    written: dict[str, Path] = {}
    for file in files:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        try:
            job.output.make_folder(file.target.parent)
            job.output.write_bytes(file.target, file.data, overwrite=job.force)
        except OSError as exc:
            raise not_written(exc) from None
        finally:
            job.output.release_folders()
        written[file.kind] = file.target
    return written


def _write_print_files(
    print_plans: Sequence[PlannedPrintFile],
    job: RenderJob,
    done: int,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None = None,
) -> dict[str, Path]:
    """The print files, once every client's own files are on disk (they are made from them).

    A cancel stops between print files: the file just merged is whole and stays.
    """
    steps = {"done": done}
    if print_plans and cancelled is not None and cancelled():
        raise ExportCancelled()

    def written(_plan: PlannedPrintFile) -> None:
        steps["done"] += 1
        if progress is not None:
            progress(steps["done"], total)
        if steps["done"] < total and cancelled is not None and cancelled():
            raise ExportCancelled()

    try:
        return write_print_files(print_plans, force=job.force, written=written, output=job.output)
    except MergeError as exc:
        raise not_merged(exc) from None
    except OSError as exc:
        raise not_written(exc) from None


__all__ = [
    "FILE_NAME_CHARS",  # kept here for ``documents.preview``
    "ExportProblem",
    "ExportResult",
    "PdfRequest",
    "PlannedClient",
    "export_case",
    "plan_export",
]
