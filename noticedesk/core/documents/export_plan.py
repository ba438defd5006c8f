"""Where an export puts each client's documents, and which of those files exist already.

Layout (decided for an office that prints and mails one envelope per client)::

    OUT/
      個人情報保護委員会_報告対象顧問先一覧.xlsx
      C0001_㈱髙橋製作所/
        01_送付状_㈱髙橋製作所.docx
        02_従業員向け通知（社内掲示用）_㈱髙橋製作所.docx
        03_委託元への報告形式通知_㈱髙橋製作所.docx
        04_個別報告のご案内_㈱髙橋製作所.docx      (only for clients reporting individually)

Decisions:
- One folder per client holds what goes into its envelope, numbered in envelope order; the
  client's name is in each file name too (cut to ``FILE_NAME_CHARS``), so a file attached to an
  e-mail or open in Word still says whose it is.
- Folder names start with the client code when there is one, so they sort like the roster; two
  clients whose folder names clash get `` (2)`` in roster order, and the print folder
  (``印刷用``) is taken first, so a client called 印刷用 gets 印刷用 (2).
- Every path is planned before anything is written, so an export can refuse at once, listing
  every file it would replace. Names are compared as Windows and macOS compare them (NFC,
  case-insensitive), with one directory listing per existing folder rather than a check per
  file: a fresh export into an empty folder costs one listing.

Pure apart from ``find_conflicts``, which only reads directory listings.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents.filenames import safe_name, unique_names
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS, kinds_for
from noticedesk.core.documents.print_files import PRINT_FOLDER, PlannedPrintFile

FILE_NAME_CHARS = 30  # the client's name inside a file name (the folder has up to 40)


@dataclass(frozen=True, slots=True)
class PlannedClient:
    client: Client
    folder: Path
    documents: tuple[tuple[str, Path], ...]  # (kind, target)


def document_file_name(kind: str, client: Client) -> str:
    """``01_送付状_㈱髙橋製作所.docx``: the name a client's document of ``kind`` is written as."""
    info = KINDS[kind]
    return f"{info.file_prefix}_{info.title}_{safe_name(client.name, FILE_NAME_CHARS)}.docx"


def plan_export(
    clients: Sequence[Client], out_dir: Path, kinds: Sequence[str] = DOCUMENT_KINDS
) -> list[PlannedClient]:
    """Where each client's documents go (see the module docstring for the layout)."""
    labels = [safe_name(f"{c.code}_{c.name}" if c.code.strip() else c.name) for c in clients]
    folders = unique_names([PRINT_FOLDER, *labels])[1:]
    plans = []
    for client, folder_name in zip(clients, folders, strict=True):
        folder = Path(out_dir) / folder_name
        documents = tuple(
            (kind, folder / document_file_name(kind, client))
            for kind in kinds_for(client.individual, list(kinds))
        )
        plans.append(PlannedClient(client, folder, documents))
    return plans


def find_conflicts(
    out_dir: Path,
    plans: Sequence[PlannedClient],
    ppc_path: Path,
    print_plans: Sequence[PlannedPrintFile] = (),
) -> list[Path]:
    """The planned paths that already exist, and any file standing where a folder would go."""
    top = _listing(out_dir) or set()
    found = [ppc_path] if _folded(ppc_path.name) in top else []
    if print_plans and _folded(PRINT_FOLDER) in top:
        found.extend(_existing_in(print_plans[0].target.parent, [p.target for p in print_plans]))
    for plan in plans:
        if _folded(plan.folder.name) in top:
            found.extend(_existing_in(plan.folder, [target for _kind, target in plan.documents]))
    return found


def _existing_in(folder: Path, targets: Sequence[Path]) -> list[Path]:
    """Which of ``targets`` (all inside ``folder``) exist; ``[folder]`` when it is a file."""
    inside = _listing(folder)
    if inside is None:
        return [folder]
    return [target for target in targets if _folded(target.name) in inside]


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


__all__ = [
    "FILE_NAME_CHARS",
    "PlannedClient",
    "document_file_name",
    "find_conflicts",
    "plan_export",
]
