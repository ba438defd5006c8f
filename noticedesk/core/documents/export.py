"""Writing every client's documents and the regulator's list into one output folder.

Layout (decided for an office that prints and mails one envelope per client)::

    OUT/
      個人情報保護委員会_報告対象顧問先一覧.xlsx
      C0001_㈱髙橋製作所/
        01_送付状_㈱髙橋製作所.docx
        02_従業員向け通知（社内掲示用）_㈱髙橋製作所.docx
        03_委託元への報告形式通知_㈱髙橋製作所.docx
        04_個別報告のご案内_㈱髙橋製作所.docx      (only for clients reporting individually)

With ``print_files`` the export also writes, per kind, one file holding that document of every
client, for printing the batch at once (``印刷用/``, see ``print_files``).

One folder per client holds what goes into its envelope, numbered in envelope order; the
client's name is in each file name too, so a file attached to an e-mail or open in Word still
says whose it is. Folder names start with the client code when there is one, so they sort like
the roster.

Nothing is overwritten unless ``force``: every path is planned first and, if any exists, the
export stops before writing anything and lists them. Each file is written to a temporary name
and renamed. Large exports are rendered by a pool of processes (spawn, as on Windows), each
preparing the templates once.

An export can be cancelled (``cancelled``): it stops between documents (between chunks of
clients when a pool renders them), lets the files being written finish, and raises
ExportProblem naming what reached the disk, so the case can record it like any other run.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError
from lxml import etree

from noticedesk.core.atomic import write_bytes
from noticedesk.core.clients import Client
from noticedesk.core.documents.context import build_context
from noticedesk.core.documents.docx_merge import MergeError
from noticedesk.core.documents.filenames import safe_name, unique_names
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS, kinds_for
from noticedesk.core.documents.ppc_list import PPC_LIST_NAME, write_ppc_list
from noticedesk.core.documents.print_files import (
    PRINT_FOLDER,
    PlannedPrintFile,
    plan_print_files,
    write_print_files,
)
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.documents.rendering import (
    TemplateProblem,
    find_input_problems,
    prepared_template,
    render_context,
    template_path,
)
from noticedesk.core.incident import Incident
from noticedesk.core.joint_report import joint_clients
from noticedesk.core.office import OfficeProfile
from noticedesk.core.user_error import UserError

# Below this many documents the start-up of worker processes (~0.5 s each) costs more than it
# saves; the export then runs in the calling process.
PARALLEL_THRESHOLD = 300
CHUNK_SIZE = 40  # clients per task in the pool: small enough for a smooth progress bar
LOCAL_CHUNK_SIZE = 10  # clients between progress reports without a pool
WRITER_THREADS = 4  # files being written (mostly waiting on fsync) while the next renders
POOL_POLL_SECONDS = 0.1  # how often a pooled export looks at ``cancelled`` between chunks
FILE_NAME_CHARS = 30  # the client's name inside a file name (the folder has up to 40)


class ExportProblem(UserError):
    """The export cannot start (or could not finish); nothing was overwritten.

    ``problems`` are the reasons (Japanese and English); ``conflicts`` the existing files that
    an export without ``force`` refused to replace; ``cancelled`` is true when the export
    stopped because its caller asked it to (``export_case(cancelled=...)``).
    """

    def __init__(
        self,
        problems: Sequence[InputProblem],
        conflicts: Sequence[Path] = (),
        *,
        cancelled: bool = False,
    ) -> None:
        self.problems = list(problems)
        self.conflicts = list(conflicts)
        self.cancelled = cancelled
        # An export that stopped part-way leaves the files it wrote: per Client.key the
        # (kind, file) pairs, and the regulator's list when it was written, so the case can
        # still record (and the audit log list) what is on disk.
        self.written: dict[str, list[tuple[str, Path]]] = {}
        self.ppc_list: Path | None = None
        super().__init__(
            "\n".join(p.message for p in self.problems),
            "\n".join(p.message_en for p in self.problems),
        )

    def messages(self, language: str = "ja") -> list[str]:
        return [p.text(language) for p in self.problems]


@dataclass(frozen=True, slots=True)
class PlannedClient:
    client: Client
    folder: Path
    documents: tuple[tuple[str, Path], ...]  # (kind, target)


@dataclass(slots=True)
class ExportResult:
    out_dir: Path
    ppc_list: Path
    clients: list[PlannedClient] = field(default_factory=list)  # in roster order
    count: int = 0  # documents written (the regulator's list and print files not counted)
    ppc_count: int = 0  # clients in the regulator's list
    print_files: dict[str, Path] = field(default_factory=dict)  # kind -> merged file

    @property
    def files(self) -> dict[str, list[Path]]:
        """Per Client.key, the files written (two clients sharing a key share one list)."""
        return {
            key: [path for _k, path in docs] for key, docs in self.documents_by_client().items()
        }

    def documents_by_client(self) -> dict[str, list[tuple[str, Path]]]:
        """Per Client.key, the (kind, file) pairs written: what the case records."""
        out: dict[str, list[tuple[str, Path]]] = {}
        for plan in self.clients:
            out.setdefault(plan.client.key, []).extend(plan.documents)
        return out


def plan_export(
    clients: Sequence[Client], out_dir: Path, kinds: Sequence[str] = DOCUMENT_KINDS
) -> list[PlannedClient]:
    """Where each client's documents go (see the module docstring for the layout)."""
    labels = [safe_name(f"{c.code}_{c.name}" if c.code.strip() else c.name) for c in clients]
    # The print folder's name is taken first, so a client called 印刷用 gets 印刷用 (2).
    folders = unique_names([PRINT_FOLDER, *labels])[1:]
    plans = []
    for client, folder_name in zip(clients, folders, strict=True):
        folder = Path(out_dir) / folder_name
        short = safe_name(client.name, FILE_NAME_CHARS)
        documents = tuple(
            (kind, folder / f"{KINDS[kind].file_prefix}_{KINDS[kind].title}_{short}.docx")
            for kind in kinds_for(client.individual, list(kinds))
        )
        plans.append(PlannedClient(client, folder, documents))
    return plans


def _folded(name: str) -> str:
    # Windows and macOS compare names case-insensitively: treat "ABC" as clashing with "abc".
    return unicodedata.normalize("NFC", name).casefold()


def _listing(folder: Path) -> set[str] | None:
    """The folded names in ``folder``; None when it is not a folder."""
    try:
        with os.scandir(folder) as entries:
            return {_folded(entry.name) for entry in entries}
    except (FileNotFoundError, NotADirectoryError):
        return None


def _conflicts(
    out_dir: Path,
    plans: Sequence[PlannedClient],
    ppc_path: Path,
    print_plans: Sequence[PlannedPrintFile] = (),
) -> list[Path]:
    """Planned paths that already exist. One directory listing per existing client folder
    instead of a check per file: a fresh export into an empty folder costs one listing."""
    top = _listing(out_dir) or set()
    found = [ppc_path] if _folded(ppc_path.name) in top else []
    if print_plans and _folded(PRINT_FOLDER) in top:
        folder = print_plans[0].target.parent
        inside = _listing(folder)
        if inside is None:  # a file where the print folder would go
            found.append(folder)
        else:
            found.extend(p.target for p in print_plans if _folded(p.target.name) in inside)
    for plan in plans:
        if _folded(plan.folder.name) not in top:
            continue
        inside = _listing(plan.folder)
        if inside is None:  # a file where the client's folder would go
            found.append(plan.folder)
            continue
        found.extend(t for _kind, t in plan.documents if _folded(t.name) in inside)
    return found


# --- the work of one process -------------------------------------------------------------

_worker_state: dict[str, object] = {}


def _init_worker(
    paths: dict[str, Path], office: OfficeProfile, incident: Incident, force: bool
) -> None:
    _worker_state.update(paths=paths, office=office, incident=incident, force=force)


def _write_client(folder: Path, documents: list[tuple[Path, bytes]], force: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for target, data in documents:
        write_bytes(target, data, overwrite=force)


class ExportCancelled(Exception):
    """Raised inside the engine when ``cancelled()`` said stop; export_case turns it into an
    ExportProblem once it knows what reached the disk."""


Cancelled = Callable[[], bool]


def _write_documents(plans: Sequence[PlannedClient], cancelled: Cancelled | None = None) -> int:
    """Render and write the documents of ``plans``; returns how many were written.

    Making folders and writing files (temporary file, fsync, rename) mostly waits on the disk,
    so it runs on a few threads while this one renders the next client; the first write error
    is raised. ``cancelled()`` is asked before each document; when it says stop, the documents
    already rendered are still written (whole files, each renamed into place) and
    ExportCancelled is raised.
    """
    paths: dict[str, Path] = _worker_state["paths"]  # type: ignore[assignment]
    office: OfficeProfile = _worker_state["office"]  # type: ignore[assignment]
    incident: Incident = _worker_state["incident"]  # type: ignore[assignment]
    force = bool(_worker_state["force"])
    written = 0
    try:
        templates = {kind: prepared_template(path) for kind, path in paths.items()}
    except TemplateProblem as exc:  # the file changed after it was checked
        raise RenderFailure("", exc.path_name, exc.problem.message) from None
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as writers:
        pending: list[Future[None]] = []
        try:
            for plan in plans:
                context = build_context(plan.client, office, incident)
                documents = []
                stop = False
                for kind, target in plan.documents:
                    if cancelled is not None and cancelled():
                        stop = True
                        break
                    try:
                        data = render_context(templates[kind], context)
                    except (TemplateError, etree.XMLSyntaxError, TypeError, ValueError) as exc:
                        raise RenderFailure(plan.client.name, paths[kind].name, str(exc)) from None
                    documents.append((target, data))
                if documents:
                    pending.append(writers.submit(_write_client, plan.folder, documents, force))
                    written += len(documents)
                if stop:
                    raise ExportCancelled()
        finally:
            for future in pending:
                error = future.exception()
                if error is not None:
                    for other in pending:
                        other.cancel()
                    raise error
    return written


class RenderFailure(Exception):
    """One document could not be rendered (picklable, to come back from a worker)."""

    def __init__(self, client_name: str, template: str, detail: str) -> None:
        super().__init__(client_name, template, detail)
        self.client_name = client_name
        self.template = template
        self.detail = detail


def _chunks(plans: Sequence[PlannedClient], size: int) -> list[list[PlannedClient]]:
    return [list(plans[i : i + size]) for i in range(0, len(plans), size)]


def _worker_count(documents: int, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    if documents < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


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
    progress: Callable[[int, int], None] | None = None,
    print_files: bool = False,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write every client's documents and the regulator's list into ``out_dir``.

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
    """
    out_dir = Path(out_dir)
    kinds = list(dict.fromkeys(kinds))
    problems = find_input_problems(
        office,
        incident,
        templates_dir,
        kinds,
        individual_clients="individual" in kinds and any(c.individual for c in clients),
    )
    if not clients:
        problems.append(InputProblem("顧問先が1件もありません", "There are no clients to export"))
    if out_dir.exists() and not out_dir.is_dir():
        problems.append(
            InputProblem(
                f"出力先 {out_dir} はフォルダではありません",
                f"The output {out_dir} is not a folder",
            )
        )
    if problems:
        raise ExportProblem(problems)

    plans = plan_export(clients, out_dir, kinds)
    ppc_path = out_dir / PPC_LIST_NAME
    print_plans = (
        plan_print_files(out_dir, [p.documents for p in plans], kinds) if print_files else []
    )
    conflicts = _conflicts(out_dir, plans, ppc_path, print_plans)
    if conflicts and not force:
        shown = "、".join(str(p.relative_to(out_dir)) for p in conflicts[:5])
        more = f" ほか{len(conflicts) - 5}件" if len(conflicts) > 5 else ""
        raise ExportProblem(
            [
                InputProblem(
                    f"出力先に同じ名前のファイルが既にあります（{len(conflicts)}件: {shown}{more}）。"
                    "上書きする場合は上書きを指定してください。何も書き込んでいません。",
                    f"{len(conflicts)} file(s) to be written already exist in the output folder; "
                    "nothing was written. Use force to overwrite them.",
                )
            ],
            conflicts,
        )

    started = time.time_ns()
    try:
        return _write_planned(
            clients, office, incident, out_dir, kinds, plans, ppc_path, print_plans,
            templates_dir=templates_dir, force=force, workers=workers, progress=progress,
            cancelled=cancelled,
        )  # fmt: skip
    except ExportProblem as exc:
        exc.written, exc.ppc_list = _written_since(plans, ppc_path, started, force)
        raise
    except ExportCancelled:
        written, ppc_list = _written_since(plans, ppc_path, started, force)
        problem = _stopped(sum(len(documents) for documents in written.values()))
        problem.written, problem.ppc_list = written, ppc_list
        raise problem from None


def _stopped(count: int) -> ExportProblem:
    return ExportProblem(
        [
            InputProblem(
                f"書き出しを中止しました。中止までに書き出した文書（{count}件）はそのまま"
                "残っています。残りを作成するには、上書きを指定してもう一度書き出してください。",
                f"The export was cancelled. The {count} document(s) written before it stopped "
                "are kept; to make the rest, export again and overwrite.",
            )
        ],
        cancelled=True,
    )


def _written_since(
    plans: Sequence[PlannedClient], ppc_path: Path, started_ns: int, force: bool
) -> tuple[dict[str, list[tuple[str, Path]]], Path | None]:
    """The planned files that a failed run put on disk.

    Without ``force`` none of them existed before the run (the conflict check), so being there
    is enough. With ``force`` a file counts when it was modified since the run began, less two
    seconds for file systems that keep coarse times (FAT on a USB stick).
    """
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
    office: OfficeProfile,
    incident: Incident,
    out_dir: Path,
    kinds: Sequence[str],
    plans: list[PlannedClient],
    ppc_path: Path,
    print_plans: Sequence[PlannedPrintFile],
    *,
    templates_dir: Path | None,
    force: bool,
    workers: int | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {kind: template_path(kind, templates_dir) for kind in kinds}
    total = sum(len(p.documents) for p in plans) + len(print_plans)
    done = 0
    if progress is not None:
        progress(0, total)
    count = _worker_count(total, workers)
    try:
        if count == 1:
            _init_worker(paths, office, incident, force)
            for chunk in _chunks(plans, LOCAL_CHUNK_SIZE):
                done += _write_documents(chunk, cancelled)
                if progress is not None:
                    progress(done, total)
        else:
            done = _run_pool(
                plans,
                paths,
                office,
                incident,
                force,
                count,
                total,
                progress,
                lambda: write_ppc_list(clients, office, incident, ppc_path, overwrite=force),
                cancelled,
            )
    except RenderFailure as exc:
        if not exc.client_name:
            raise ExportProblem([InputProblem(exc.detail, exc.detail)]) from None
        raise ExportProblem(
            [
                InputProblem(
                    f"「{exc.client_name}」の文書をテンプレート「{exc.template}」から作成できません"
                    f"（{exc.detail}）。作成済みの文書はそのまま残っています。",
                    f"The document for {exc.client_name} cannot be made from template "
                    f"{exc.template} ({exc.detail}); documents already written are kept.",
                )
            ]
        ) from None
    except FileExistsError as exc:
        raise _appeared(exc) from None
    except OSError as exc:
        raise _unwritable(exc) from None

    if count == 1:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        write_ppc_list(clients, office, incident, ppc_path, overwrite=force)
    ppc_count = len(joint_clients(clients))
    merged = _write_print_files(print_plans, force, done, total, progress, cancelled)
    return ExportResult(
        out_dir=out_dir,
        ppc_list=ppc_path,
        clients=plans,
        count=done,
        ppc_count=ppc_count,
        print_files=merged,
    )


def _write_print_files(
    print_plans: Sequence[PlannedPrintFile],
    force: bool,
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
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
        return write_print_files(print_plans, force=force, written=written)
    except MergeError as exc:
        raise ExportProblem(
            [
                InputProblem(
                    "印刷用にまとめたファイルを作成できません（テンプレートが書き出しの途中で"
                    f"変更された可能性があります: {exc}）。顧問先ごとの文書は書き出し済みです。",
                    "The print files cannot be made (a template may have changed during the "
                    f"export: {exc}); each client's documents were written.",
                )
            ]
        ) from None
    except FileExistsError as exc:
        raise _appeared(exc) from None
    except OSError as exc:
        raise _unwritable(exc) from None


def _run_pool(
    plans: Sequence[PlannedClient],
    paths: dict[str, Path],
    office: OfficeProfile,
    incident: Incident,
    force: bool,
    workers: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    meanwhile: Callable[[], object],
    cancelled: Cancelled | None = None,
) -> int:
    """Run the chunks on ``workers`` processes; ``meanwhile`` runs here while they work.

    A cancel is seen between chunks: chunks not yet started are dropped, the ones running
    finish (leaving the pool waits for them), then ExportCancelled is raised.
    """
    done = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(paths, office, incident, force),
    ) as pool:
        pending: set[Future[int]] = {
            pool.submit(_write_documents, chunk) for chunk in _chunks(plans, CHUNK_SIZE)
        }
        meanwhile()
        while pending:
            if cancelled is not None and cancelled():
                for other in pending:
                    other.cancel()
                raise ExportCancelled()
            finished, pending = wait(
                pending, timeout=POOL_POLL_SECONDS, return_when=FIRST_COMPLETED
            )
            for future in finished:
                error = future.exception()
                if error is not None:
                    for other in pending:
                        other.cancel()
                    raise error
                done += future.result()
                if progress is not None:
                    progress(done, total)
    return done


def _path_of(exc: OSError) -> str:
    # os.link names the target second; atomic_path raises with the target as the message.
    return str(exc.filename2 or exc.filename or exc)


def _appeared(exc: FileExistsError) -> ExportProblem:
    path = _path_of(exc)
    return ExportProblem(
        [
            InputProblem(
                f"書き込み中に同じ名前のファイルが作られました: {path}",
                f"A file appeared while exporting: {path}",
            )
        ],
        [Path(path)],
    )


def _unwritable(exc: OSError) -> ExportProblem:
    """Most often a document still open in Word (Windows locks it) or a read-only folder."""
    where = _path_of(exc)
    return ExportProblem(
        [
            InputProblem(
                "書き出し先に書き込めません。同じ名前の文書を Word で開いていないか、"
                f"フォルダに書き込めるか確かめてください（{where}）。"
                "書き出し済みの文書はそのまま残っています。",
                "Cannot write to the export folder: check that no document of the same name is "
                f"open in Word and that the folder is writable ({where}: {exc.strerror}); "
                "documents already written are kept.",
            )
        ]
    )
