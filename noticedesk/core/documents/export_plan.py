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
- Where a planned folder or file exists as a link, the export refuses even when told to
  overwrite: a link inside the output folder is never followed (see ``output_folder``). What
  is of the wrong kind (a file where a client's folder goes, a folder or a device under a
  document's name) is in the way like an existing file, and cannot be overwritten either.

Pure apart from ``find_existing``, which only reads directory listings.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core import atomic
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


@dataclass(frozen=True, slots=True)
class Existing:
    """What an export would meet in its output folder (what stands there is named with what
    it is, in Japanese and English)."""

    conflicts: list[Path]  # planned paths taken: files (replaced with force) or ``misplaced``
    misplaced: list[tuple[Path, str, str]]  # of the wrong kind: never replaced
    links: list[tuple[Path, str, str]]  # links (or junctions): never followed nor replaced


def find_existing(
    out_dir: Path,
    plans: Sequence[PlannedClient],
    ppc_path: Path,
    print_plans: Sequence[PlannedPrintFile] = (),
) -> Existing:
    """The planned paths that exist already, and those that must not be used (see above)."""
    found = Existing([], [], [])
    top = _listing(out_dir)
    if top is None:
        return found
    _look(top, ppc_path, found, folder=False)
    if print_plans and _look(top, print_plans[0].target.parent, found, folder=True):
        inside = _listing(print_plans[0].target.parent)
        for plan in print_plans:
            _look(inside, plan.target, found, folder=False)
    for client_plan in plans:
        if _look(top, client_plan.folder, found, folder=True):
            inside = _listing(client_plan.folder)
            for _kind, target in client_plan.documents:
                _look(inside, target, found, folder=False)
    return found


def _look(
    listing: dict[str, os.DirEntry[str]] | None, path: Path, found: Existing, *, folder: bool
) -> bool:
    """Whether ``path`` is a folder to look into (``folder``) that exists as one; what
    stands under its name in its folder's ``listing`` is added to ``found``."""
    entry = listing.get(_folded(path.name)) if listing else None
    if entry is None:
        return False
    try:
        status = entry.stat(follow_symlinks=False)
    except FileNotFoundError:
        return False
    if atomic.is_link(status):
        found.links.append((Path(entry.path), *atomic.describe(status)))
        return False
    if stat.S_ISDIR(status.st_mode) if folder else stat.S_ISREG(status.st_mode):
        if not folder:
            found.conflicts.append(path)
        return folder
    found.conflicts.append(path)
    found.misplaced.append((path, *atomic.describe(status)))
    return False


def _folded(name: str) -> str:
    # Windows and macOS compare names case-insensitively: treat "ABC" as clashing with "abc".
    return unicodedata.normalize("NFC", name).casefold()


def _listing(folder: Path) -> dict[str, os.DirEntry[str]] | None:
    """The entries of ``folder`` by folded name; None when it is not a folder."""
    try:
        with os.scandir(folder) as entries:
            return {_folded(entry.name): entry for entry in entries}
    except (FileNotFoundError, NotADirectoryError):
        return None


__all__ = [
    "FILE_NAME_CHARS",
    "Existing",
    "PlannedClient",
    "document_file_name",
    "find_existing",
    "plan_export",
]
