"""Envelopes and address labels in an export: one file each, for the clients exported.

    OUT/印刷用/
      封筒_長形3号.docx            (--kinds envelope: one page per client)
      宛名ラベル_a4-12.docx        (--kinds labels: the sheets, from the chosen first label)

Decisions:
- They are files to print, so they go into the print folder beside the print files; the
  per-client folders stay what goes into each envelope. Their names say the size and the
  layout, so a second export on another sheet writes beside the first instead of over it.
- They are made for the clients the export is given (the whole case, the selected rows or
  the rows the search shows); "only documents not yet exported" narrows the documents, not
  the envelopes, which go with whatever letters are printed.
- Every file is rendered in memory before anything is written: a client without an address,
  or one whose name cannot fit even at the smallest size, stops the export with one sentence
  naming the client, before a single file is on disk.
- What stands where they go is looked at like every other planned file: an existing file is
  replaced only with ``force``; a link, or a folder under their name, never.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.addresses.envelopes import (
    DEFAULT_ENVELOPE,
    ENVELOPE_SIZES,
    EnvelopeSize,
    render_envelopes,
)
from noticedesk.core.addresses.label_layouts import DEFAULT_LAYOUT, LabelLayout, load_layouts
from noticedesk.core.addresses.labels import render_labels
from noticedesk.core.clients import Client
from noticedesk.core.documents.filenames import safe_name
from noticedesk.core.documents.kinds import ADDRESS_KINDS
from noticedesk.core.documents.print_files import PRINT_FOLDER
from noticedesk.core.office import OfficeProfile
from noticedesk.core.problems import Problem
from noticedesk.core.user_error import UserError

ADDRESS_TITLES = {"envelope": ("封筒", "envelopes"), "labels": ("宛名ラベル", "address labels")}


def _default_layout() -> LabelLayout:
    return load_layouts()[DEFAULT_LAYOUT]


@dataclass(frozen=True, slots=True)
class AddressOptions:
    """The envelope's size, the label sheet, and the first label still free on it."""

    envelope: EnvelopeSize = ENVELOPE_SIZES[DEFAULT_ENVELOPE]
    layout: LabelLayout = field(default_factory=_default_layout)
    start: int = 1


@dataclass(frozen=True, slots=True)
class AddressFile:
    kind: str  # "envelope" or "labels"
    target: Path
    data: bytes


def split_kinds(kinds: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the per-client document kinds, the address kinds) of ``kinds``, each in order."""
    return [k for k in kinds if k not in ADDRESS_KINDS], [k for k in kinds if k in ADDRESS_KINDS]


def address_file_name(kind: str, options: AddressOptions) -> str:
    if kind == "envelope":
        return f"封筒_{options.envelope.title}.docx"
    return f"宛名ラベル_{safe_name(options.layout.name, 40)}.docx"


def render_address_files(
    out_dir: Path,
    kinds: Sequence[str],
    clients: Sequence[Client],
    office: OfficeProfile,
    options: AddressOptions,
) -> tuple[list[AddressFile], list[Problem]]:
    """The address files of ``kinds`` rendered in memory, or the problems that stop them."""
    folder = Path(out_dir) / PRINT_FOLDER
    files: list[AddressFile] = []
    problems: list[Problem] = []
    if not clients:  # no page to print: no file rather than an empty one
        return files, problems
    for kind in kinds:
        try:
            if kind == "envelope":
                data = render_envelopes(clients, office, options.envelope)
            else:
                data = render_labels(clients, options.layout, options.start)
        except UserError as exc:
            problems.append(Problem(exc.text("ja"), exc.text("en"), kind))
            continue
        files.append(AddressFile(kind, folder / address_file_name(kind, options), data))
    return files, problems


@dataclass(slots=True)
class FoundInTheWay:
    conflicts: list[Path] = field(default_factory=list)  # files: replaced only with force
    refused: list[tuple[Path, str, str]] = field(default_factory=list)  # links, folders


def in_the_way(files: Sequence[AddressFile]) -> FoundInTheWay:
    """What stands where ``files`` (and their folder) would be written."""
    found = FoundInTheWay()
    if not files:
        return found
    folder = files[0].target.parent
    status = _lstat(folder)
    if status is not None and not (os.path.isdir(folder) and not atomic.is_link(status)):
        found.refused.append((folder, *atomic.describe(status)))
        return found
    for file in files:
        status = _lstat(file.target)
        if status is None:
            continue
        if atomic.is_link(status) or not _regular(status):
            found.refused.append((file.target, *atomic.describe(status)))
        else:
            found.conflicts.append(file.target)
    return found


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _regular(status: os.stat_result) -> bool:
    return stat.S_ISREG(status.st_mode)


__all__ = [
    "ADDRESS_TITLES",
    "AddressFile",
    "AddressOptions",
    "FoundInTheWay",
    "address_file_name",
    "in_the_way",
    "render_address_files",
    "split_kinds",
]
