"""Rendering and writing the planned documents, in this process or in a pool of processes.

Decisions:
- Below ``PARALLEL_THRESHOLD`` documents the start-up of worker processes (~0.5 s each) costs
  more than it saves, and the documents are rendered here, ``LOCAL_CHUNK_SIZE`` clients between
  progress reports. Above it a pool of up to 8 processes renders chunks of ``CHUNK_SIZE``
  clients: small enough for a smooth progress bar, large enough to keep the workers busy.
- The pool starts its processes with ``spawn`` everywhere, as Windows must, so what works on a
  developer's Linux works on the office's PC. Each worker receives the ``RenderJob`` once (the
  pool's initializer) and prepares each template once; a chunk then carries only its clients.
  A worker finds ``_start_worker`` and ``_write_chunk`` by import path, so they stay
  module-level here; the frozen build ships every ``noticedesk`` module (``build.spec``) and
  its entry point calls ``multiprocessing.freeze_support()``.
- Making folders and writing files (temporary file, fsync, rename) mostly waits on the disk, so
  it runs on ``WRITER_THREADS`` threads while the next client renders; the first write error
  is raised once the writes in flight are done.
- A cancel (``cancelled()``) is seen before each document here, and between chunks with a pool
  (every ``POOL_POLL_SECONDS``): nothing new starts, what was rendered is still written whole,
  the chunks running finish, and ``ExportCancelled`` is raised for the run to report.
- Time: every document renders under ``RenderJob.seconds`` (``limits``), checked at each loop
  iteration and call of its template, here and in the workers alike. Behind that, with a pool,
  a watchdog: each worker notes in shared memory which document it is rendering, and one that
  shows the same document for ``STUCK_GRACE_SECONDS`` past the budget (stuck where the
  template's checks cannot see, inside a single long operation) gets the pool's processes
  killed, its temporary files removed, and the export stopped with the client and the
  template named. A worker that dies (the system killed it for its memory) stops the export
  the same way, with a sentence saying so.
- Folders and files are made through ``RenderJob.output`` (``output_folder``): no link inside
  the output folder is followed, and temporary files are the export's own, in private folders
  in the output folder (never in a client's), removed once each chunk is written.

Failures leave as ``RenderFailure`` (picklable, so it comes back from a worker), OSError from
writing, or ``ExportCancelled``; the run (``export``) turns them into sentences.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

from noticedesk.core.documents import limits
from noticedesk.core.documents.context import build_context
from noticedesk.core.documents.export_plan import PlannedClient
from noticedesk.core.documents.output_folder import OutputFolder
from noticedesk.core.documents.rendering import TemplateProblem, prepared_template, render_context
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

PARALLEL_THRESHOLD = 300  # documents; fewer are rendered in this process
MAX_WORKERS = 8
CHUNK_SIZE = 40  # clients per task in the pool
LOCAL_CHUNK_SIZE = 10  # clients between progress reports without a pool
WRITER_THREADS = 4  # files being written (mostly waiting on fsync) while the next renders
POOL_POLL_SECONDS = 0.1  # how often a pooled export looks at ``cancelled`` between chunks
STUCK_GRACE_SECONDS = 5.0  # past a document's budget before the watchdog stops the pool

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RenderJob:
    """What every document of one export shares; sent once to each worker process."""

    templates: dict[str, Path]  # kind -> template file
    office: OfficeProfile
    incident: Incident
    force: bool  # replace existing files
    output: OutputFolder  # where and how files are written
    seconds: float = limits.DOCUMENT_SECONDS  # rendering budget of one document


class ExportCancelled(Exception):
    """``cancelled()`` said stop; the run turns it into an ExportProblem once it knows what
    reached the disk."""


class RenderFailure(Exception):
    """One document could not be rendered (picklable, to come back from a worker).

    ``detail`` / ``detail_en`` say why. An empty ``client_name`` means a template could not be
    prepared at all; ``detail`` then holds the whole sentence.
    """

    def __init__(self, client_name: str, template: str, detail: str, detail_en: str = "") -> None:
        super().__init__(client_name, template, detail, detail_en)
        self.client_name = client_name
        self.template = template
        self.detail = detail
        self.detail_en = detail_en or detail


def worker_count(documents: int, workers: int | None) -> int:
    """How many processes render ``documents``; 1 means this process, without a pool."""
    if workers is not None:
        return max(1, workers)
    if documents < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def write_here(
    plans: Sequence[PlannedClient],
    job: RenderJob,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    """Render and write ``plans`` in this process; returns the number of documents written.

    ``progress(done, total)`` is called after each chunk of clients.
    """
    done = 0
    for chunk in _chunks(plans, LOCAL_CHUNK_SIZE):
        done += _write_documents(chunk, job, cancelled)
        if progress is not None:
            progress(done, total)
    return done


def write_in_pool(
    plans: Sequence[PlannedClient],
    job: RenderJob,
    workers: int,
    total: int,
    progress: Progress | None,
    meanwhile: Callable[[], object],
    cancelled: Cancelled | None,
) -> int:
    """Render and write ``plans`` on ``workers`` processes; ``meanwhile`` runs here while
    they start. Returns the number of documents written.

    A cancel is seen between chunks: chunks not yet started are dropped, the ones running
    finish (leaving the pool waits for them), then ExportCancelled is raised. A worker stuck
    on one document, or one that died, stops the pool (see the module docstring).
    """
    done = 0
    context = multiprocessing.get_context("spawn")
    watch = _Watch(context, workers)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(job, watch.slots, watch.claimed),
    ) as pool:
        pending: set[Future[int]] = {
            pool.submit(_write_chunk, first, chunk)
            for first, chunk in _numbered_chunks(plans, CHUNK_SIZE)
        }
        meanwhile()
        while pending:
            if cancelled is not None and cancelled():
                _cancel(pending)
                raise ExportCancelled()
            finished, pending = wait(
                pending, timeout=POOL_POLL_SECONDS, return_when=FIRST_COMPLETED
            )
            try:
                for future in finished:
                    _raise_failure(future, pending)
                    done += future.result()
                    if progress is not None:
                        progress(done, total)
            except BrokenProcessPool:  # a worker died (the system may have killed it)
                _stop(pool, job)
                raise _died() from None
            if watch.stuck(job.seconds + STUCK_GRACE_SECONDS):
                _stop(pool, job)
                raise watch.stuck_failure(plans, job)
    return done


class _Watch:
    """Which document each worker process is rendering, in shared memory: per worker a
    sequence number (one more for each document), the plan's index and the kind's index in
    ``RenderJob.templates`` (-1 while the worker is not rendering)."""

    FIELDS = 3

    def __init__(self, context: SpawnContext, workers: int) -> None:
        self.slots = context.RawArray("q", workers * self.FIELDS)
        self.claimed = context.Value("i", 0)
        self.workers = workers
        now = time.monotonic()
        self._seen = [(0, now)] * workers  # per worker: its sequence number, and since when
        self._last: tuple[int, int] | None = None  # the document found stuck: plan, kind

    def _busy(self, worker: int) -> tuple[int, int, int] | None:
        base = worker * self.FIELDS
        sequence, plan, kind = self.slots[base : base + self.FIELDS]
        return (sequence, plan, kind) if sequence and kind >= 0 else None

    def stuck(self, limit: float) -> bool:
        """True when a worker has shown the same document for more than ``limit`` seconds."""
        now = time.monotonic()
        for worker in range(self.workers):
            busy = self._busy(worker)
            sequence = busy[0] if busy else 0
            if busy is None or sequence != self._seen[worker][0]:
                self._seen[worker] = (sequence, now)
            elif now - self._seen[worker][1] > limit:
                self._last = busy[1], busy[2]
                return True
        return False

    def stuck_failure(self, plans: Sequence[PlannedClient], job: RenderJob) -> RenderFailure:
        """The sentence for the document ``stuck`` found."""
        assert self._last is not None
        plan, kind = self._last
        limit = job.seconds + STUCK_GRACE_SECONDS
        return RenderFailure(
            plans[plan].client.name,
            list(job.templates.values())[kind].name,
            f"処理が終わりません: 1通の作成が {limit:g} 秒を過ぎても終わらないため中断しました",
            f"does not finish: stopped after one document ran for more than {limit:g} seconds",
        )


def _died() -> RenderFailure:
    message = (
        "文書の作成中に処理が異常終了しました（メモリが足りなくなった可能性があります）。"
        "作成済みの文書はそのまま残っています。"
    )
    message_en = (
        "A process making the documents ended abnormally (the computer may have run out of "
        "memory); documents already written are kept."
    )
    return RenderFailure("", "", message, message_en)


def _stop(pool: ProcessPoolExecutor, job: RenderJob) -> None:
    """Kill the pool's processes (one of them is stuck or gone) and remove the temporary
    files they may have left; leaving the pool then does not wait for them."""
    # ProcessPoolExecutor has no public way to kill its workers before Python 3.14
    # (``kill_workers``); its table of processes is the way until then.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list(processes.values()):
        process.join()
    job.output.remove_temporaries()


# --- the work of one process -------------------------------------------------------------

# The job of a worker process, set by the pool's initializer. Only pool processes use it: the
# calling process passes its job along, so two exports in one process never share one.
_worker_job: RenderJob | None = None
# Where this worker notes the document it renders (``_Watch``): the shared array, its place.
_worker_slot: tuple[Any, int] | None = None


def _start_worker(job: RenderJob, slots: Any, claimed: Any) -> None:
    global _worker_job, _worker_slot
    _worker_job = job
    with claimed.get_lock():
        number = claimed.value
        claimed.value += 1
    if (number + 1) * _Watch.FIELDS <= len(slots):
        _worker_slot = (slots, number * _Watch.FIELDS)


def _note(plan: int, kind: int) -> None:
    """Tell the watchdog which document this worker starts (``kind`` -1: none)."""
    if _worker_slot is not None:
        slots, base = _worker_slot
        slots[base + 1] = plan
        slots[base + 2] = kind
        slots[base] += 1


def _write_chunk(first: int, plans: Sequence[PlannedClient]) -> int:
    """A pool task: render and write the chunk ``plans`` (``first`` is the index of its first
    plan in the export) with this worker's job."""
    if _worker_job is None:
        raise RuntimeError("a pool task ran in a process the pool did not start")
    return _write_documents(plans, _worker_job, note=_note, first=first)


def _write_documents(
    plans: Sequence[PlannedClient],
    job: RenderJob,
    cancelled: Cancelled | None = None,
    *,
    note: Callable[[int, int], None] | None = None,
    first: int = 0,
) -> int:
    """Render and write the documents of ``plans``; returns how many were written.

    ``cancelled()`` is asked before each document; when it says stop, the documents already
    rendered are still written (whole files, each renamed into place) and ExportCancelled is
    raised. The first write error is raised once the writes in flight are done. ``note(plan,
    kind)`` is told of each document before it renders (``plan`` counted from ``first``).
    """
    written = 0
    try:
        templates = {kind: prepared_template(path) for kind, path in job.templates.items()}
    except TemplateProblem as exc:  # the file changed after it was checked
        raise RenderFailure(
            "", exc.path_name, exc.problem.message, exc.problem.message_en
        ) from None
    kind_numbers = {kind: number for number, kind in enumerate(job.templates)}
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as writers:
        pending: list[Future[None]] = []
        try:
            for number, plan in enumerate(plans, start=first):
                context = build_context(plan.client, job.office, job.incident)
                documents = []
                stop = False
                for kind, target in plan.documents:
                    if cancelled is not None and cancelled():
                        stop = True
                        break
                    if note is not None:
                        note(number, kind_numbers[kind])
                    try:
                        data = render_context(templates[kind], context, seconds=job.seconds)
                    except TemplateProblem as exc:
                        template = job.templates[kind].name
                        raise RenderFailure(
                            plan.client.name, template, exc.reason, exc.reason_en
                        ) from None
                    documents.append((target, data))
                if documents:
                    pending.append(writers.submit(_write_client, plan.folder, documents, job))
                    written += len(documents)
                if stop:
                    raise ExportCancelled()
        finally:
            if note is not None:
                note(-1, -1)  # writing is not rendering: the watchdog does not time it
            try:
                for future in pending:
                    _raise_failure(future, pending)
            finally:
                job.output.release_folders()
    return written


def _write_client(folder: Path, documents: list[tuple[Path, bytes]], job: RenderJob) -> None:
    job.output.make_folder(folder)
    for target, data in documents:
        job.output.write_bytes(target, data, overwrite=job.force)


def _raise_failure(future: Future[Any], others: Iterable[Future[Any]]) -> None:
    """Wait for ``future``; if it failed, cancel ``others`` (those not started) and re-raise."""
    error = future.exception()
    if error is not None:
        _cancel(others)
        raise error


def _cancel(futures: Iterable[Future[Any]]) -> None:
    for future in futures:
        future.cancel()


def _chunks(plans: Sequence[PlannedClient], size: int) -> list[list[PlannedClient]]:
    return [chunk for _first, chunk in _numbered_chunks(plans, size)]


def _numbered_chunks(
    plans: Sequence[PlannedClient], size: int
) -> list[tuple[int, list[PlannedClient]]]:
    """The chunks of ``plans``, each with the index of its first plan."""
    return [(i, list(plans[i : i + size])) for i in range(0, len(plans), size)]


__all__ = [
    "CHUNK_SIZE",
    "LOCAL_CHUNK_SIZE",
    "PARALLEL_THRESHOLD",
    "STUCK_GRACE_SECONDS",
    "Cancelled",
    "ExportCancelled",
    "Progress",
    "RenderFailure",
    "RenderJob",
    "worker_count",
    "write_here",
    "write_in_pool",
]
