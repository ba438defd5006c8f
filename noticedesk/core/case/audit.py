"""The audit log: who did what to a case, and when. Append-only; exportable as CSV.

The who is the OS user, the when local time with its offset. Details (which clients, which
files) are client data and are stored encrypted; the log itself forbids UPDATE and DELETE with
SQLite triggers, so not even a bug in NoticeDesk can rewrite history. Triggers stop mistakes,
not someone with the file: each entry is also chained to the one before by a keyed hash and the
chain's end is sealed (``ledger``), so a deleted or edited entry is named on the next open.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticedesk.core import atomic
from noticedesk.core.dates import seireki
from noticedesk.core.incident import Incident
from noticedesk.core.spreadsheet_safe import csv_row

ACTION_LABELS: dict[str, str] = {
    "create": "事案作成",
    "import": "顧問先一覧の取込",
    "tick": "個別報告に変更",
    "untick": "共同報告に戻す",
    "status": "書類の状況変更",
    "export": "書類出力",
    "incident": "事案情報の保存",
    "deadline": "報告期限の変更",
    "key": "鍵の追加",
    "seal": "改ざん検知の開始",
    "accept": "不一致の確認と再封印",
    "resolve": "一覧の問題への決定",
    "withdraw": "決定の取り消し",
    "mail_sending": "メール送信の開始",
    "mail_sent": "メール送信",
    "mail_failed": "メール送信の失敗",
    "mail_draft": "メール下書きの作成",
    "mail_confirmed": "メール送信済の確認",
    "answer": "顧問先の回答の記録",
    "answer_withdraw": "顧問先の回答の取り消し",
}
MAIL_ACTIONS = frozenset(a for a in ACTION_LABELS if a.startswith("mail_"))

NO_UPDATE = """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
NO_DELETE = """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    details BLOB NOT NULL,
    mac BLOB
);
{NO_UPDATE};
{NO_DELETE};
"""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: dt.datetime
    user: str
    action: str
    details: dict[str, Any]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def summary(self) -> str:
        """One line of Japanese describing the details, for the CSV and the window."""
        d = self.details
        if d.get("unreadable"):
            return "(内容を読めません: 書き換えられたか、壊れています)"
        if self.action == "import":
            return (
                f"{d.get('file', '')} (SHA-256 {d.get('sha256', '')}): "
                f"追加 {len(d.get('added', []))}件 {_names(d.get('added', []))} / "
                f"削除 {len(d.get('removed', []))}件 {_names(d.get('removed', []))} / "
                f"継続 {d.get('kept', 0)}件"
                + (f" / 一覧のエラー {d['errors']}件" if d.get("errors") else "")
                + (f" / 警告 {d['warnings']}件" if d.get("warnings") else "")
                + (f" / 引き継いだ決定 {d['decisions_kept']}件" if d.get("decisions_kept") else "")
                + (
                    f" / 問題がなくなり取り下げた決定 {_names(d['decisions_dropped'])}"
                    if d.get("decisions_dropped")
                    else ""
                )
            )
        if self.action in ("resolve", "withdraw"):
            where = f"行 {d.get('row')}" + (f"「{d['column']}」" if d.get("column") else "")
            client = f" ({d['client']})" if d.get("client") else ""
            if self.action == "withdraw":
                return f"{where}{client}: 「{d.get('decision_label', '')}」を取り消し — {d.get('problem', '')}"
            replaced = f"「{d['replaced']}」から変更: " if d.get("replaced") else ""
            return (
                f"{where}{client}: {replaced}{d.get('decision_label', '')} — {d.get('problem', '')}"
                f" → {d.get('effect', '')}"
            )
        if self.action in ("answer", "answer_withdraw"):
            lines = []
            for item in d.get("answers", []):
                line = f"{item.get('client', '')}: {item.get('answer', '')}"
                if item.get("replaced"):
                    line += f"（変更前: {item['replaced']}）"
                lines.append(line)
            return ("取り消し " if self.action == "answer_withdraw" else "") + " / ".join(lines)
        if self.action in ("tick", "untick"):
            return "、".join(d.get("clients", []))
        if self.action == "status":
            return f"{d.get('kind', '')} → {d.get('status_label', '')}: " + "、".join(
                d.get("clients", [])
            )
        if self.action == "export":
            lines = [f"{label}: " + "、".join(paths) for label, paths in d.get("files", {}).items()]
            if d.get("ppc_list"):
                lines.append(f"個人情報保護委員会への報告用一覧: {d['ppc_list']}")
            if d.get("address_files"):
                lines.append("封筒・宛名ラベル: " + "、".join(d["address_files"].values()))
            return f"書類 {', '.join(d.get('kinds', []))} / " + " / ".join(lines)
        if self.action == "deadline":
            return (
                f"{d.get('report', '')}: {d.get('before', '')} → {d.get('after', '')}"
                f"（規定による計算: {d.get('computed', '')}）"
            )
        if self.action in ("create", "incident", "key", "seal"):
            return str(d.get("text", ""))
        if self.action in MAIL_ACTIONS:
            return f"{d.get('client', '')}: {d.get('text', '')}"
        if self.action == "accept":
            return f"{d.get('text', '')}: " + " / ".join(d.get("findings", []))
        return ", ".join(f"{k}={v}" for k, v in d.items())


def _names(labels: list[str], limit: int = 20) -> str:
    shown = "、".join(labels[:limit])
    return shown + (f" ほか{len(labels) - limit}件" if len(labels) > limit else "")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (some services, containers)
        return "unknown"


CSV_HEADER = ("番号", "日時", "操作者", "操作", "内容")


def write_csv(entries: list[AuditEntry], path: Path, *, overwrite: bool = False) -> None:
    """The log as CSV with a BOM, so Excel on a Japanese Windows opens it as UTF-8.

    Every cell goes through ``spreadsheet_safe.csv_cell``: a client called ``=1+1`` or a
    roster file called ``=HYPERLINK(…)`` is shown as text, never run as a formula. Replacing
    ``path`` (``overwrite``) is refused when it is not a regular file (``atomic``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_row(CSV_HEADER))
    for e in entries:
        writer.writerow(csv_row((e.seq, e.at.isoformat(), e.user, e.action_label, e.summary())))
    atomic.write_bytes(path, buffer.getvalue().encode("utf-8-sig"), overwrite=overwrite)


_REPORT_NAMES = {"preliminary": "速報", "final": "確報"}


def deadline_changes(before: Incident | None, after: Incident) -> list[dict[str, str]]:
    """Audit details for each deadline the office set, changed or cleared in ``after``."""
    changes: list[dict[str, str]] = []
    for kind in ("preliminary", "final"):
        key = f"{kind}_due_override"
        old: dt.date | None = getattr(before, key) if before is not None else None
        new: dt.date | None = getattr(after, key)
        if old == new:
            continue
        computed = getattr(after.deadlines, kind).computed
        changes.append(
            {
                "report": _REPORT_NAMES[kind],
                "before": seireki(old) if old else "規定どおり",
                "after": seireki(new) if new else "規定どおり",
                "computed": seireki(computed),
            }
        )
    return changes
