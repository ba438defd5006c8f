"""Merging one kind's documents into a print file: NoticeDesk's section-append against docxcompose.

Run by hand: ``python benchmarks/bench_print_files.py [--clients N] [--rounds N]``.

Baseline (measured in the same run): docxcompose's ``Composer.append`` over the same rendered
cover letters, saved to bytes (it keeps one section, so it also loses the per-client headers).
Measured: ``merge_documents`` on the same bytes; then ``export_case`` with and without
``print_files`` (400 clients × 3 kinds by default, the process pool as in a real export) to
show what the option adds to an export. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# bench_export sits beside this script (python puts the script's folder on the path): the
# same clients as the export benchmark.
from bench_export import make_clients
from docx import Document
from docxcompose.composer import Composer

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import export_case, merge_documents, render_document
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office


def docxcompose_merge(documents: list[bytes]) -> bytes:
    composer = Composer(Document(io.BytesIO(documents[0])))
    for data in documents[1:]:
        composer.append(Document(io.BytesIO(data)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def median_seconds(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100, help="documents merged (default 100)")
    parser.add_argument("--export-clients", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    clients = make_clients(args.clients)
    documents = [render_document("cover", c, office, incident) for c in clients]

    baseline = median_seconds(lambda: docxcompose_merge(documents), args.rounds)
    ours = median_seconds(lambda: merge_documents(documents), args.rounds)
    print(f"merge {args.clients} cover letters (median of {args.rounds}):")
    print(f"  docxcompose (baseline)     {baseline:7.3f} s  {args.clients / baseline:8.0f} docs/s")
    print(
        f"  merge_documents            {ours:7.3f} s  {args.clients / ours:8.0f} docs/s"
        f"  ×{baseline / ours:.1f}"
    )

    many = make_clients(args.export_clients)
    kinds = ["cover", "internal", "report"]
    with tempfile.TemporaryDirectory() as tmp:
        runs = iter(range(10_000))

        def export(print_files: bool) -> None:
            out = Path(tmp) / f"run{next(runs)}"
            export_case(many, office, incident, out, kinds, print_files=print_files)

        plain = median_seconds(lambda: export(False), args.rounds)
        with_files = median_seconds(lambda: export(True), args.rounds)
    print(f"export {args.export_clients} clients × 3 kinds (median of {args.rounds}):")
    print(f"  without print files (baseline) {plain:7.3f} s")
    print(
        f"  with print files               {with_files:7.3f} s"
        f"  ×{with_files / plain:.2f} (+{with_files - plain:.3f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
