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

Failures leave as ``RenderFailure`` (picklable, so it comes back from a worker), OSError from
writing, or ``ExportCancelled``; the run (``export``) turns them into sentences.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from lxml import etree

from noticedesk.core.atomic import write_bytes
from noticedesk.core.documents.context import build_context
from noticedesk.core.documents.export_plan import PlannedClient
from noticedesk.core.documents.rendering import TemplateProblem, prepared_template, render_context
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

PARALLEL_THRESHOLD = 300  # documents; fewer are rendered in this process
MAX_WORKERS = 8
CHUNK_SIZE = 40  # clients per task in the pool
LOCAL_CHUNK_SIZE = 10  # clients between progress reports without a pool
WRITER_THREADS = 4  # files being written (mostly waiting on fsync) while the next renders
POOL_POLL_SECONDS = 0.1  # how often a pooled export looks at ``cancelled`` between chunks

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RenderJob:
    """What every document of one export shares; sent once to each worker process."""

    templates: dict[str, Path]  # kind -> template file
    office: OfficeProfile
    incident: Incident
    force: bool  # replace existing files


class ExportCancelled(Exception):
    """``cancelled()`` said stop; the run turns it into an ExportProblem once it knows what
    reached the disk."""


class RenderFailure(Exception):
    """One document could not be rendered (picklable, to come back from a worker).

    An empty ``client_name`` means a template could not be prepared at all; ``detail`` then
    holds the whole sentence.
    """

    def __init__(self, client_name: str, template: str, detail: str) -> None:
        super().__init__(client_name, template, detail)
        self.client_name = client_name
        self.template = template
        self.detail = detail


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
    finish (leaving the pool waits for them), then ExportCancelled is raised.
    """
    done = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(job,),
    ) as pool:
        pending: set[Future[int]] = {
            pool.submit(_write_chunk, chunk) for chunk in _chunks(plans, CHUNK_SIZE)
        }
        meanwhile()
        while pending:
            if cancelled is not None and cancelled():
                _cancel(pending)
                raise ExportCancelled()
            finished, pending = wait(
                pending, timeout=POOL_POLL_SECONDS, return_when=FIRST_COMPLETED
            )
            for future in finished:
                _raise_failure(future, pending)
                done += future.result()
                if progress is not None:
                    progress(done, total)
    return done


# --- the work of one process -------------------------------------------------------------

# The job of a worker process, set by the pool's initializer. Only pool processes use it: the
# calling process passes its job along, so two exports in one process never share one.
_worker_job: RenderJob | None = None


def _start_worker(job: RenderJob) -> None:
    global _worker_job
    _worker_job = job


def _write_chunk(plans: Sequence[PlannedClient]) -> int:
    """A pool task: render and write the chunk ``plans`` with this worker's job."""
    if _worker_job is None:
        raise RuntimeError("a pool task ran in a process the pool did not start")
    return _write_documents(plans, _worker_job)


def _write_documents(
    plans: Sequence[PlannedClient], job: RenderJob, cancelled: Cancelled | None = None
) -> int:
    """Render and write the documents of ``plans``; returns how many were written.

    ``cancelled()`` is asked before each document; when it says stop, the documents already
    rendered are still written (whole files, each renamed into place) and ExportCancelled is
    raised. The first write error is raised once the writes in flight are done.
    """
    written = 0
    try:
        templates = {kind: prepared_template(path) for kind, path in job.templates.items()}
    except TemplateProblem as exc:  # the file changed after it was checked
        raise RenderFailure("", exc.path_name, exc.problem.message) from None
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as writers:
        pending: list[Future[None]] = []
        try:
            for plan in plans:
                context = build_context(plan.client, job.office, job.incident)
                documents = []
                stop = False
                for kind, target in plan.documents:
                    if cancelled is not None and cancelled():
                        stop = True
                        break
                    try:
                        data = render_context(templates[kind], context)
                    except (TemplateError, etree.XMLSyntaxError, TypeError, ValueError) as exc:
                        template = job.templates[kind].name
                        raise RenderFailure(plan.client.name, template, str(exc)) from None
                    documents.append((target, data))
                if documents:
                    pending.append(writers.submit(_write_client, plan.folder, documents, job.force))
                    written += len(documents)
                if stop:
                    raise ExportCancelled()
        finally:
            for future in pending:
                _raise_failure(future, pending)
    return written


def _write_client(folder: Path, documents: list[tuple[Path, bytes]], force: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for target, data in documents:
        write_bytes(target, data, overwrite=force)


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
    return [list(plans[i : i + size]) for i in range(0, len(plans), size)]


__all__ = [
    "CHUNK_SIZE",
    "LOCAL_CHUNK_SIZE",
    "PARALLEL_THRESHOLD",
    "Cancelled",
    "ExportCancelled",
    "Progress",
    "RenderFailure",
    "RenderJob",
    "worker_count",
    "write_here",
    "write_in_pool",
]
