"""The office's own Word templates as files: which kinds a folder holds, a stamp that changes
when one is saved again in Word, and what stops them from being used.

No widgets here: the preview, the export and the templates dialog all ask these functions, the
same way ``--templates`` feeds the command line.

The check prepares and renders each template for a sample client: about 95 ms for four
templates the first time, 10 ms once they are prepared (benchmarks/bench_template_check.py), so
it runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from noticedesk.core.bundled import sample_dir
from noticedesk.core.documents import DOCUMENT_KINDS, InputProblem, find_input_problems
from noticedesk.core.incident import Incident, load_incident
from noticedesk.core.office import OfficeProfile, load_office

TemplateStamp = tuple[tuple[str, int, int], ...]


def template_file(kind: str) -> str:
    return f"{kind}.docx"


def own_kinds(folder: Path | None) -> list[str]:
    """The kinds ``folder`` has its own template for (the rest come from the standard ones)."""
    if folder is None:
        return []
    return [kind for kind in DOCUMENT_KINDS if (folder / template_file(kind)).is_file()]


def folder_stamp(folder: Path | None) -> TemplateStamp:
    """Name, modification time and size of each own template: it changes when one is saved
    again in Word, so the preview knows to render again."""
    stamp = []
    for kind in own_kinds(folder):
        assert folder is not None
        try:
            info = (folder / template_file(kind)).stat()
        except OSError:
            continue
        stamp.append((kind, info.st_mtime_ns, info.st_size))
    return tuple(stamp)


def template_problems(
    folder: Path | None,
    office: OfficeProfile | None,
    incident: Incident | None,
    kinds: Sequence[str] = DOCUMENT_KINDS,
) -> list[InputProblem]:
    """What stops the templates in ``folder`` from being used, each naming its file.

    The case's office profile and incident are used when they are complete; otherwise the
    bundled sample ones, so a template can be checked before the case is filled in (the check
    is about the template's tags, not about the case).
    """
    if folder is None:
        return []
    if office is None or incident is None or find_input_problems(office, incident, None, []):
        office = load_office(sample_dir() / "office.toml")
        incident = load_incident(sample_dir() / "incident.toml")
    return find_input_problems(office, incident, folder, list(kinds))
