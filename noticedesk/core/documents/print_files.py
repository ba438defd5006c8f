"""The print files: per document kind, one .docx with that document of every client.

An office with hundreds of clients prints the batch in an afternoon; opening one Word file per
client is not an afternoon. So the export can also write::

    OUT/印刷用/
      01_送付状_全顧問先.docx
      02_従業員向け通知（社内掲示用）_全顧問先.docx
      03_委託元への報告形式通知_全顧問先.docx
      04_個別報告のご案内_個別報告の顧問先.docx   (only the clients reporting individually)

One source of truth: each print file is merged (``docx_merge``) from the very files the export
has just written for each client, read back from disk in roster order, so the printed sheet
and the client's own file cannot differ. Each client starts on a new page with its own header
and footer, numbered from 1.

Decisions: a kind that no client gets (the own-report guide when nobody reports
individually) has no print file; the files go into a folder of their own so the per-client
folders stay what goes into each envelope.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.atomic import write_bytes
from noticedesk.core.documents.docx_merge import merge_documents
from noticedesk.core.documents.kinds import KINDS
from noticedesk.core.documents.output_folder import OutputFolder

PRINT_FOLDER = "印刷用"
ALL_CLIENTS = "全顧問先"
INDIVIDUAL_CLIENTS = "個別報告の顧問先"
JOINT_CLIENTS = "共同報告の顧問先"


@dataclass(frozen=True, slots=True)
class PlannedPrintFile:
    kind: str
    target: Path
    sources: tuple[Path, ...]  # the clients' own files of this kind, in roster order


def print_file_name(kind: str) -> str:
    """``01_送付状_全顧問先.docx``: numbered like the clients' files, so they sort alike."""
    info = KINDS[kind]
    who = (
        INDIVIDUAL_CLIENTS
        if info.for_individual_only
        else JOINT_CLIENTS
        if info.for_joint_only
        else ALL_CLIENTS
    )
    return f"{info.file_prefix}_{info.title}_{who}.docx"


def plan_print_files(
    out_dir: Path, documents: Sequence[Sequence[tuple[str, Path]]], kinds: Sequence[str]
) -> list[PlannedPrintFile]:
    """The print file of each kind in ``kinds`` that some client gets, in envelope order.

    ``documents`` holds each client's (kind, file) pairs, in roster order.
    """
    folder = Path(out_dir) / PRINT_FOLDER
    planned = []
    for kind in sorted(dict.fromkeys(kinds), key=lambda k: KINDS[k].file_prefix):
        sources = tuple(path for pairs in documents for k, path in pairs if k == kind)
        if sources:
            planned.append(PlannedPrintFile(kind, folder / print_file_name(kind), sources))
    return planned


def write_print_files(
    planned: Sequence[PlannedPrintFile],
    *,
    force: bool = False,
    written: Callable[[PlannedPrintFile], None] | None = None,
    output: OutputFolder | None = None,
) -> dict[str, Path]:
    """Merge and write each planned file (temporary name, then renamed); kind -> path.

    Raises MergeError (the clients' files are not from one template) and OSError; a file
    that exists is replaced only with ``force``. ``written`` is called after each file.
    With ``output`` (the export's), its folder is made and its files written as the
    clients' are: no link followed, temporary files in the output folder's root.
    """
    out: dict[str, Path] = {}
    for plan in planned:
        merged = merge_documents([path.read_bytes() for path in plan.sources])
        if output is None:
            plan.target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(plan.target, merged, overwrite=force)
        else:
            output.make_folder(plan.target.parent)
            output.write_bytes(plan.target, merged, overwrite=force)
        out[plan.kind] = plan.target
        if written is not None:
            written(plan)
    return out


__all__ = [
    "PRINT_FOLDER",
    "PlannedPrintFile",
    "plan_print_files",
    "print_file_name",
    "write_print_files",
]
