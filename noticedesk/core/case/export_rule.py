"""What stops the open case from being exported: one rule for every path.

``export_blockers`` is asked by ``export_and_record`` (the window's File → Export and
``noticedesk export --out DIR`` both go through it) before anything is written, and by the
faces to explain early why Export is not offered. The rule is the roster's: a roster imported
with errors (an unreadable 個別報告 answer, a missing name, a repeated client…) is kept with
the case, and the case cannot be exported while an error remains that no decision of the
office settles (``resolutions.settled_by``). A decision is made where the problem is seen (the
window's problems list, ``noticedesk case resolve``) or the file is corrected and imported
again.

The refusal is one sentence that lists every error still open, each where Excel shows it and
in the words ``noticedesk validate`` uses for it, up to ``SHOWN``; the problems list and
``noticedesk case issues`` list them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from noticedesk.core.case.records import RosterIssue
from noticedesk.core.case.resolutions import Resolution, unsettled_errors
from noticedesk.core.problems import Problem

if TYPE_CHECKING:
    from noticedesk.core.case.store import CaseStore

ROSTER_FIELD = "roster"
SHOWN = 10


def export_blockers(store: CaseStore) -> list[Problem]:
    """The reasons the open case cannot be exported now; empty when it can."""
    return roster_blockers(store.roster_issues(), store.resolutions())


def roster_blockers(
    issues: list[RosterIssue], resolutions: Mapping[str, Resolution] | None = None
) -> list[Problem]:
    errors = unsettled_errors(issues, resolutions or {})
    if not errors:
        return []
    lines_ja = [f"・{kept.issue.where('ja')}: {kept.issue.message}" for kept in errors[:SHOWN]]
    lines_en = [f"- {kept.issue.where('en')}: {kept.issue.text('en')}" for kept in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines_ja.append(f"・ほか {len(errors) - SHOWN} 件")
        lines_en.append(f"- and {len(errors) - SHOWN} more")
    return [
        Problem(
            f"顧問先一覧にエラーが {len(errors)} 件あるため、この事案はまだ書き出せません。\n"
            + "\n".join(lines_ja)
            + "\n画面の「顧問先一覧の問題」で一件ずつ決める (noticedesk case issues と "
            "noticedesk case resolve でも同じ) か、noticedesk validate でファイルを確かめて"
            "直してから取り込み直してください。",
            f"The client list has {len(errors)} error(s), so this case cannot be exported yet.\n"
            + "\n".join(lines_en)
            + "\nDecide each one in the window's list of problems (or with `noticedesk case "
            "issues` and `noticedesk case resolve`), or check the file with `noticedesk "
            "validate`, correct it and import it again.",
            ROSTER_FIELD,
        )
    ]
