"""Checking an office's own template folder, as the window does when it is chosen and before
an export: is it cheap enough to run on the GUI thread?

Run by hand: ``python benchmarks/bench_template_check.py [--runs N]``. Printed beside a baseline
taken in the same run: rendering one cover letter from a template already prepared (what every
click in the preview costs before conversion).

- first check of a folder (four templates prepared, checked and rendered once each);
- the same folder checked again ("Check again", the check before an export): prepared
  templates are reused while the files are unchanged.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from noticedesk.core.bundled import sample_dir
from noticedesk.core.bundled import templates_dir as standard_templates_dir
from noticedesk.core.documents import DOCUMENT_KINDS, render_document
from noticedesk.core.documents.context import sample_client
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office
from noticedesk.gui.templates.files import template_problems


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def fresh_folder(root: Path, number: int) -> Path:
    """A copy of the standard templates under a new path: nothing of it is prepared yet."""
    folder = root / f"templates-{number}"
    folder.mkdir()
    for kind in DOCUMENT_KINDS:
        shutil.copy(standard_templates_dir() / f"{kind}.docx", folder / f"{kind}.docx")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    client = sample_client()
    render_document("cover", client, office, incident)  # prepare the baseline's template

    first, again, baseline = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(args.runs):
            folder = fresh_folder(Path(tmp), number)
            first.append(timed(lambda f=folder: template_problems(f, office, incident)))
            again.append(timed(lambda f=folder: template_problems(f, office, incident)))
            baseline.append(timed(lambda: render_document("cover", client, office, incident)))
            assert template_problems(folder, office, incident) == []

    base = statistics.median(baseline)
    print(f"medians of {args.runs} runs; four templates per folder\n")
    print(f"{'render one cover letter (baseline)':40} {base * 1000:8.2f} ms")
    for label, samples in (
        ("first check of a chosen folder", first),
        ("check again, files unchanged", again),
    ):
        median = statistics.median(samples)
        print(f"{label:40} {median * 1000:8.2f} ms   ratio {median / base:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
