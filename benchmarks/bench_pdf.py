"""The export's PDFs: merged per kind and split by client, against per-document batch conversion.

Run by hand (LibreOffice installed): ``python benchmarks/bench_pdf.py [--clients N]
[--rounds N] [--no-baseline]``; ``--clients 1000`` is the issue's case, 3,000 PDFs (the
baseline alone then takes several minutes).

Baseline (measured in the same run): the same rendered documents converted as separate files,
``BATCH`` per soffice call, as many calls at once as the merged path runs (two on a 2-core
PC), so only the merging differs. Measured: ``pdf_merged`` (chunks merged, few calls, split by
the bookmarks) on the same bytes; then the whole export with ``--pdf-only`` (render, write,
convert, split, write the PDFs) as an office would run it. Prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_export import make_clients

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import export_case, render_document
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.documents.kinds import kinds_for
from noticedesk.core.documents.pdf import LibreOfficeConverter, PdfConverter, find_libreoffice
from noticedesk.core.documents.pdf_merged import chunks_of, convert_chunks, parallel_converters
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office

KINDS = ["cover", "internal", "report"]
BATCH = 50  # separate files per soffice call in the baseline (~0.15–0.2 s each)


def median_seconds(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_document(converters: Sequence[PdfConverter], documents: list[bytes]) -> int:
    """The baseline: separate files, ``BATCH`` per call, the calls spread over ``converters``."""
    batches = [documents[i : i + BATCH] for i in range(0, len(documents), BATCH)]
    lanes = [batches[n :: len(converters)] for n in range(len(converters))]

    def lane(converter: PdfConverter, mine: list[list[bytes]]) -> int:
        return sum(len(converter.convert(batch)) for batch in mine)

    with ThreadPoolExecutor(len(converters)) as pool:
        return sum(pool.map(lane, converters, lanes))


def merged(converters: Sequence[PdfConverter], by_kind: dict[str, list[bytes]]) -> int:
    chunks = [chunk for kind, docs in by_kind.items() for chunk in chunks_of(kind, docs)]
    made: list[int] = []
    whole: list[bool] = []

    def delivered(converted: object) -> None:
        made.append(len(converted.pdfs))  # type: ignore[attr-defined]
        whole.append(converted.whole is not None)  # type: ignore[attr-defined]

    convert_chunks(converters, chunks, delivered)
    if not all(whole):
        print("  (some chunks fell back to one-by-one conversion)")
    return sum(made)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100, help="clients (default 100)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="skip the slow baseline")
    args = parser.parse_args()
    binary = find_libreoffice()
    if binary is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2

    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    clients = make_clients(args.clients)
    by_kind: dict[str, list[bytes]] = {kind: [] for kind in KINDS}
    for each in clients:
        for kind in kinds_for(each.individual, KINDS):
            by_kind[kind].append(render_document(kind, each, office, incident))
    documents = [data for docs in by_kind.values() for data in docs]
    count = len(documents)

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        converter = LibreOfficeConverter(binary, profile_dir=Path(tmp) / "profile")
        converters = parallel_converters(converter)
        converter.convert(documents[:1])  # profiles made once, as in a session
        for other in converters[1:]:
            other.convert(documents[:1])
        lanes = len(converters)
        print(
            f"{args.clients} clients × {len(KINDS)} kinds = {count} PDFs, {lanes} soffice at once"
        )
        print(f"(median of {args.rounds})")
        base = None
        if not args.no_baseline:
            base = median_seconds(lambda: per_document(converters, documents), args.rounds)
            print(
                f"  per-document batches of {BATCH} (baseline) {base:8.2f} s"
                f"  {count / base:6.1f} PDFs/s"
            )
        fast = median_seconds(lambda: merged(converters, by_kind), args.rounds)
        ratio = f"  ×{base / fast:.1f}" if base else ""
        print(
            f"  merged and split                   {fast:8.2f} s  {count / fast:6.1f} PDFs/s{ratio}"
        )

        runs = iter(range(10_000))

        def export() -> None:
            out = Path(tmp) / f"run{next(runs)}"
            pdf = PdfRequest(converter, only=True)
            export_case(clients, office, incident, out, KINDS, pdf=pdf)

        whole = median_seconds(export, args.rounds)
        print(f"  whole export, --pdf-only           {whole:8.2f} s  {count / whole:6.1f} PDFs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
