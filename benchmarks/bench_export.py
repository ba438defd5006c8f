"""Export speed: 1,000 clients × 3 documents (cover, internal, report) against the naive loop.

Run by hand: ``python benchmarks/bench_export.py [--clients N] [--rounds N] [--sample N]``.

Baseline (measured in the same run): the naive loop, a fresh ``DocxTemplate(path)`` rendered
(with the same sandboxed autoescaping environment) and saved per document, timed on a sample
of documents spread over the three kinds and extrapolated to the whole export.
Measured: ``export_case`` end to end — template checks, planning, the process pool (both
cores), rendering, atomic writes and the regulator's list — into a fresh folder each round;
and the same with one process, for comparison. Prints medians, documents per second and the
ratio to the baseline. Target from the issue: at least 20× the naive loop.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate

from noticedesk.core.bundled import sample_dir
from noticedesk.core.clients import Client
from noticedesk.core.documents import build_context, export_case, template_path
from noticedesk.core.documents.environment import make_environment
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office

KINDS = ("cover", "internal", "report")
NAMES = ["㈱髙橋製作所", "有限会社山﨑商店", "A&B商事", "株式会社①番館", "<有限会社>さくら"]


def make_clients(count: int) -> list[Client]:
    return [
        Client(
            row=n + 3,
            name=f"{NAMES[n % len(NAMES)]}{n}",
            code=f"C{n:05d}",
            postal_code="164-0001",
            address=f"東京都中野区中野{n % 9 + 1}丁目{n % 20 + 1}番{n % 30 + 1}号",
            phone=f"03-{3000 + n % 6000:04d}-{n % 10000:04d}",
            contact_person="鈴木 一郎",
            employees=str(n % 200 + 1),
            association="東京SR経営労務センター" if n % 7 == 0 else "",
        )
        for n in range(count)
    ]


def naive_rate(clients: list[Client], sample: int, out: Path) -> float:
    """Documents per second of a fresh DocxTemplate per document."""
    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    started = time.perf_counter()
    for n in range(sample):
        kind = KINDS[n % len(KINDS)]
        each = clients[n * len(clients) // sample]
        template = DocxTemplate(str(template_path(kind)))
        template.render(build_context(each, office, incident), jinja_env=make_environment())
        template.save(str(out / f"naive-{n}.docx"))
    return sample / (time.perf_counter() - started)


def export_rate(clients: list[Client], out: Path, workers: int | None) -> float:
    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    started = time.perf_counter()
    result = export_case(clients, office, incident, out, KINDS, workers=workers)
    elapsed = time.perf_counter() - started
    assert result.count == len(clients) * len(KINDS)
    return result.count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=60, help="documents for the naive loop")
    args = parser.parse_args()
    clients = make_clients(args.clients)
    documents = args.clients * len(KINDS)
    naive, pooled, single = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for round_number in range(args.rounds):
            naive_dir = root / f"naive{round_number}"
            naive_dir.mkdir()
            naive.append(naive_rate(clients, args.sample, naive_dir))
            pooled.append(export_rate(clients, root / f"pool{round_number}", None))
            single.append(export_rate(clients, root / f"single{round_number}", 1))
    base = statistics.median(naive)
    print(
        f"{args.clients} clients × {len(KINDS)} kinds = {documents} documents, "
        f"{args.rounds} rounds (medians)"
    )
    print(
        f"naive loop (fresh DocxTemplate, {args.sample}-document sample): {base:8.1f} docs/s"
        f"  → {documents / base:6.1f} s extrapolated"
    )
    for label, rates in (
        ("export_case, process pool", pooled),
        ("export_case, one process", single),
    ):
        rate = statistics.median(rates)
        print(
            f"{label:38s} {rate:8.1f} docs/s  → {documents / rate:6.1f} s"
            f"   ratio {rate / base:5.1f}×"
        )


if __name__ == "__main__":
    main()
