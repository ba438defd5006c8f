"""``.eml`` drafts for offices that send from Outlook: one unsent message per client.

Each draft is the very message ``delivery.compose`` makes for sending, with ``X-Unsent: 1``,
which Outlook and Thunderbird open as a new message ready to send (not as a received one). It
is written as ``<code>_<name>.eml`` into the folder chosen, atomically, and recorded in the case
as ``draft`` with its Message-ID (the log names the file). The documents stay as they were:
a draft is not a sending. Staff mark them 送付済 once sent from Outlook, as for letters.

Decision: files already in the folder are never replaced unless the caller says so (the
command line's ``--force``, the window's question); every clash is named before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from noticedesk.core import atomic
from noticedesk.core.case.mail_records import DRAFT, EML
from noticedesk.core.case.store import CaseStore
from noticedesk.core.documents.filenames import safe_name, unique_names
from noticedesk.core.mail.delivery import MailJob, compose, record_of
from noticedesk.core.mail.plan import MailPlan, PlannedMail
from noticedesk.core.user_error import UserError, error_text


class DraftsInTheWay(UserError):
    def __init__(self, paths: list[Path]) -> None:
        shown = "、".join(p.name for p in paths[:5]) + (
            f" ほか{len(paths) - 5}件" if len(paths) > 5 else ""
        )
        super().__init__(
            f"下書きのファイルがすでにあります: {shown}。上書きする場合はそう指定してください",
            f"Draft files already exist: {', '.join(p.name for p in paths[:5])}; "
            "choose to overwrite them to go on",
        )
        self.paths = paths


@dataclass(slots=True)
class DraftResult:
    written: list[tuple[PlannedMail, Path]] = field(default_factory=list)
    failed: list[tuple[PlannedMail, str]] = field(default_factory=list)


def draft_paths(plan: MailPlan, out_dir: Path) -> list[tuple[PlannedMail, Path]]:
    entries = plan.to_send
    labels = [
        safe_name(f"{e.client.code}_{e.client.name}" if e.client.code.strip() else e.client.name)
        for e in entries
    ]
    names = unique_names(labels)
    return [(e, Path(out_dir) / f"{n}.eml") for e, n in zip(entries, names, strict=True)]


def write_drafts(
    store: CaseStore,
    plan: MailPlan,
    job: MailJob,
    out_dir: Path,
    *,
    overwrite: bool = False,
    progress: Callable[[int, int, PlannedMail], None] | None = None,
) -> DraftResult:
    """Write a draft for every client the plan sends to, and record each one."""
    targets = draft_paths(plan, out_dir)
    if not overwrite:
        clashes = [p for _e, p in targets if p.exists() or p.is_symlink()]
        if clashes:
            raise DraftsInTheWay(clashes)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    result = DraftResult()
    for done, (entry, path) in enumerate(targets):
        if progress is not None:
            progress(done, len(targets), entry)
        try:
            composed = compose(job, entry, draft=True)
        except UserError as exc:
            result.failed.append((entry, error_text(exc, "ja")))
            continue
        atomic.write_bytes(path, composed.message.as_bytes(), overwrite=overwrite)
        record = record_of(composed, DRAFT, str(path), channel=EML)
        store.record_mail(
            record,
            "mail_draft",
            {
                "text": f"下書きを作成しました: {path}",
                "message_id": record.message_id,
                "kinds": list(record.kinds),
                "to": list(record.to),
                "cc": list(record.cc),
                "detail": str(path),
            },
        )
        result.written.append((entry, path))
    return result


__all__ = ["DraftResult", "DraftsInTheWay", "draft_paths", "write_drafts"]
