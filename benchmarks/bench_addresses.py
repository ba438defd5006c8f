"""Envelopes and address labels: what they cost beside the letters they go with.

Run by hand: ``python benchmarks/bench_addresses.py [--clients N] [--rounds N]``.

Baseline (measured in the same run): rendering every client's cover letter (``render_document``
over the prepared template, as the export does in one process), the document each envelope
carries. Measured: ``render_envelopes`` (長形3号) and ``render_labels`` (A4 24面) for the same
clients, each one .docx for all of them, fitting every block on the way. Prints medians and
ratios against the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

# bench_export sits beside this script (python puts the script's folder on the path): the
# same clients as the export benchmark.
from bench_export import make_clients

from noticedesk.core.addresses import envelope_size, find_layout, render_envelopes, render_labels
from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import render_document
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office


def median_seconds(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    clients = make_clients(args.clients)
    size, layout = envelope_size("naga3"), find_layout("a4-24")

    letters = median_seconds(
        lambda: [render_document("cover", c, office, incident) for c in clients], args.rounds
    )
    envelopes = median_seconds(lambda: render_envelopes(clients, office, size), args.rounds)
    labels = median_seconds(lambda: render_labels(clients, layout), args.rounds)
    n = args.clients
    print(f"{n} clients (median of {args.rounds}):")
    print(f"  cover letters, one each (baseline) {letters:7.3f} s  {n / letters:8.0f} clients/s")
    for name, seconds in (("envelopes, one file", envelopes), ("labels, one file", labels)):
        print(
            f"  {name:<34} {seconds:7.3f} s  {n / seconds:8.0f} clients/s"
            f"  ×{seconds / letters:.2f} of the baseline"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
