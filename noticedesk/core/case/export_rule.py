"""What stops the open case from being exported: one rule for every path.

``export_blockers`` is asked by ``export_and_record`` (the window's File → Export and
``noticedesk export --out DIR`` both go through it) before anything is written, and by the
faces to explain early why Export is not offered. Today the rule is the roster's: a roster
imported with errors (an unreadable 個別報告 answer, a missing name, a repeated client…) is
kept with the case, and the case cannot be exported until a corrected list is imported.

Room for later: when the office resolves an issue in the window (a decision kept in the case
and logged), that issue will no longer block; ``RosterIssue.id`` names it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from noticedesk.core.case.records import RosterIssue
from noticedesk.core.problems import Problem

if TYPE_CHECKING:
    from noticedesk.core.case.store import CaseStore

ROSTER_FIELD = "roster"


def export_blockers(store: CaseStore) -> list[Problem]:
    """The reasons the open case cannot be exported now; empty when it can."""
    return roster_blockers(store.roster_issues())


def roster_blockers(issues: list[RosterIssue]) -> list[Problem]:
    errors = [kept.issue for kept in issues if kept.is_error]
    if not errors:
        return []
    first = errors[0]
    where_ja = f"{first.row}行目 " if first.row is not None else ""
    where_ja += f"「{first.column}」" if first.column else ""
    where_en = f"row {first.row} " if first.row is not None else ""
    where_en += f"“{first.column}”" if first.column else ""
    return [
        Problem(
            f"顧問先一覧にエラーが {len(errors)} 件あるため、この事案はまだ書き出せません"
            f" (最初のエラー: {where_ja}{': ' if where_ja else ''}{first.message.rstrip('。')})。"
            "noticedesk validate で一覧のファイルを確かめるか、画面の「問題」一覧を見て、"
            "ファイルを直してから取り込み直してください。",
            f"The client list has {len(errors)} error(s), so this case cannot be exported yet "
            f"(first: {where_en}{': ' if where_en else ''}{first.text('en').rstrip('.')}). Check the file "
            "with `noticedesk validate` or in the window's list of problems, correct it and "
            "import it again.",
            ROSTER_FIELD,
        )
    ]
