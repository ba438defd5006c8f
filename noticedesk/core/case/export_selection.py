"""Which of the open case's documents an export writes: all, some clients, or what is not yet
exported. Both faces ask this module (File → Export's choices, ``noticedesk export --clients
… --pending-only``), and ``export_and_record`` applies it.

Decisions:
- A selection names clients by ``Client.key`` (the window's rows; the command line turns client
  codes into keys). A key the case does not have is refused rather than skipped: the list was
  imported again since the rows were chosen, and the office should look before exporting.
- "Not yet exported" is decided per client and per document kind by the case's statuses: a
  document whose status is still 未作成 is pending; one exported, printed or sent is not, so a
  pending-only export never turns a 送付済 letter back into 書き出し済. A client ticked for an
  individual report after the first export has its own-report guide pending; a client in the
  joint report never has one.
- The regulator's list is not chosen: every export writes it for the whole case (see
  ``documents.export``), so it is right after any partial export.
- Print files (``印刷用/…_全顧問先.docx``) hold every client's document of a kind; a partial
  export cannot make them and refuses the option rather than writing a file whose name
  promises every client.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from noticedesk.core.case.records import CaseClient, DocumentStatus
from noticedesk.core.documents.kinds import kinds_for
from noticedesk.core.problems import Problem


@dataclass(frozen=True, slots=True)
class ExportSelection:
    """What to export: ``clients`` (keys; None: every client) and whether only the documents
    not yet exported. The default is the whole case."""

    clients: frozenset[str] | None = None
    pending_only: bool = False

    @classmethod
    def of(
        cls, clients: Collection[str] | None = None, pending_only: bool = False
    ) -> ExportSelection:
        return cls(None if clients is None else frozenset(clients), pending_only)

    @property
    def whole(self) -> bool:
        """Every document of every client: the only export that may make the print files."""
        return self.clients is None and not self.pending_only


def is_pending(entry: CaseClient, kind: str) -> bool:
    """The document ``kind`` of this client has never been exported (nor printed or sent)."""
    return entry.status(kind).status is DocumentStatus.NOT_YET


def chosen_documents(
    entries: Sequence[CaseClient], kinds: Sequence[str], selection: ExportSelection
) -> dict[str, list[str]]:
    """Per client key, in roster order, the kinds ``selection`` writes; clients with none are
    left out. Keys the case does not have are ignored here (``selection_problems`` names them).
    """
    wanted = selection.clients
    chosen: dict[str, list[str]] = {}
    for entry in entries:
        if wanted is not None and entry.key not in wanted:
            continue
        applicable = kinds_for(entry.individual, list(kinds))
        if selection.pending_only:
            applicable = [kind for kind in applicable if is_pending(entry, kind)]
        if applicable:
            chosen[entry.key] = applicable
    return chosen


def count_documents(chosen: dict[str, list[str]]) -> int:
    return sum(len(kinds) for kinds in chosen.values())


PRINT_FILES_NEED_ALL = Problem(
    "印刷用のまとめたファイルは、全顧問先のすべての文書を書き出すときだけ作れます。"
    "何も書き出していません。選んだ顧問先の印刷は「印刷プレビュー」から行えます。",
    "The print files can be made only when every client's documents are exported. Nothing "
    "was written. Print chosen clients from Print preview instead.",
    "print_files",
)


def selection_problems(
    entries: Sequence[CaseClient],
    selection: ExportSelection,
    chosen: dict[str, list[str]],
    *,
    print_files: bool = False,
    other_files: bool = False,
) -> list[Problem]:
    """Why this selection cannot be exported (nothing is written); empty when it can.
    ``other_files``: the export writes more than documents (envelopes, labels), so choosing
    no document is not choosing nothing."""
    problems: list[Problem] = []
    if print_files and not selection.whole:
        problems.append(PRINT_FILES_NEED_ALL)
    if selection.clients is not None:
        unknown = selection.clients - {entry.key for entry in entries}
        if unknown:
            problems.append(
                Problem(
                    f"選んだ顧問先のうち {len(unknown)} 件がこの事案にありません"
                    "（顧問先一覧が取り込み直された可能性があります）。何も書き出していません。"
                    "顧問先を選び直してください。",
                    f"{len(unknown)} of the chosen clients are not in this case (the client "
                    "list may have been imported again). Nothing was written. Choose the "
                    "clients again.",
                    "clients",
                )
            )
        elif not selection.clients:
            problems.append(
                Problem(
                    "顧問先が選ばれていません。何も書き出していません。",
                    "No client is chosen. Nothing was written.",
                    "clients",
                )
            )
    if not problems and not chosen and not other_files:
        problems.append(
            Problem(
                "選んだ顧問先には、まだ書き出していない文書がありません。何も書き出していません。"
                "書き出し直すには「まだ書き出していない文書だけ」を外してください。",
                "The chosen clients have no document that is not yet exported. Nothing was "
                "written. To export them again, leave out “only documents not yet exported”.",
                "pending_only",
            )
            if selection.pending_only
            else Problem(
                "書き出す文書がありません。何も書き出していません。",
                "There is no document to export. Nothing was written.",
                "kinds",
            )
        )
    return problems
