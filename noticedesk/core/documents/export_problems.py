"""Why an export did not start or did not finish, in the sentences the office reads.

Decisions:
- One exception, ``ExportProblem``, for every reason, carrying each reason in Japanese and
  English (``InputProblem``), the existing files it refused to replace, whether the user
  cancelled, and (filled in by the run) what reached the disk before it stopped.
- Every sentence says what happened to the files: nothing written, or the documents already
  written are kept; a write error names the file and the likely cause (a document open in
  Word, a read-only folder), never an errno alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from noticedesk.core.documents.docx_merge import MergeError
from noticedesk.core.documents.export_workers import RenderFailure
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.user_error import UserError

CONFLICTS_SHOWN = 5  # existing files named in the refusal; the rest are counted


class ExportProblem(UserError):
    """The export cannot start (or could not finish); nothing was overwritten.

    ``problems`` are the reasons (Japanese and English); ``conflicts`` the existing files that
    an export without ``force`` refused to replace; ``cancelled`` is true when the export
    stopped because its caller asked it to (``export_case(cancelled=...)``).
    """

    def __init__(
        self,
        problems: Sequence[InputProblem],
        conflicts: Sequence[Path] = (),
        *,
        cancelled: bool = False,
    ) -> None:
        self.problems = list(problems)
        self.conflicts = list(conflicts)
        self.cancelled = cancelled
        # An export that stopped part-way leaves the files it wrote: per Client.key the
        # (kind, file) pairs, and the regulator's list when it was written, so the case can
        # still record (and the audit log list) what is on disk.
        self.written: dict[str, list[tuple[str, Path]]] = {}
        self.ppc_list: Path | None = None
        super().__init__(
            "\n".join(p.message for p in self.problems),
            "\n".join(p.message_en for p in self.problems),
        )

    def messages(self, language: str = "ja") -> list[str]:
        return [p.text(language) for p in self.problems]


def _problem(message: str, message_en: str) -> ExportProblem:
    return ExportProblem([InputProblem(message, message_en)])


def refused(out_dir: Path, conflicts: Sequence[Path]) -> ExportProblem:
    shown = "、".join(str(p.relative_to(out_dir)) for p in conflicts[:CONFLICTS_SHOWN])
    hidden = len(conflicts) - CONFLICTS_SHOWN
    more = f" ほか{hidden}件" if hidden > 0 else ""
    return ExportProblem(
        [
            InputProblem(
                f"出力先に同じ名前のファイルが既にあります（{len(conflicts)}件: {shown}{more}）。"
                "上書きする場合は上書きを指定してください。何も書き込んでいません。",
                f"{len(conflicts)} file(s) to be written already exist in the output folder; "
                "nothing was written. Use force to overwrite them.",
            )
        ],
        conflicts,
    )


def unusable(out_dir: Path, found: Sequence[tuple[Path, str, str]]) -> ExportProblem:
    """Links, or the wrong kind of thing, where the export writes: refused even with force.

    ``found`` holds each path with what it is, in Japanese and English."""
    shown = found[:CONFLICTS_SHOWN]
    listed = "、".join(f"{_relative(path, out_dir)} ({what})" for path, what, _en in shown)
    listed_en = ", ".join(f"{_relative(path, out_dir)} ({what})" for path, _ja, what in shown)
    hidden = len(found) - CONFLICTS_SHOWN
    if hidden > 0:
        listed += f" ほか{hidden}件"
        listed_en += f" and {hidden} more"
    return ExportProblem(
        [
            InputProblem(
                "出力先のフォルダの中に、リンクか、書き出す文書やフォルダと同じ名前の別の種類の"
                f"ものがあります（{len(found)}件: {listed}）。リンクの先には書き込まず、"
                "上書きを指定しても置き換えません。移動するか、別の出力先を選んでください。"
                "何も書き込んでいません。",
                f"{len(found)} item(s) in the output folder are links, or not what NoticeDesk "
                f"writes under that name ({listed_en}): links are never followed and these are "
                "not replaced, even with force. Move them or choose another output folder; "
                "nothing was written.",
            )
        ]
    )


def _relative(path: Path, out_dir: Path) -> Path:
    try:
        return path.relative_to(out_dir)
    except ValueError:
        return path


def stopped(count: int) -> ExportProblem:
    return ExportProblem(
        [
            InputProblem(
                f"書き出しを中止しました。中止までに書き出した文書（{count}件）はそのまま"
                "残っています。残りを作成するには、上書きを指定してもう一度書き出してください。",
                f"The export was cancelled. The {count} document(s) written before it stopped "
                "are kept; to make the rest, export again and overwrite.",
            )
        ],
        cancelled=True,
    )


def not_rendered(exc: RenderFailure) -> ExportProblem:
    if not exc.client_name:  # the template itself: ``detail`` is the whole sentence
        return _problem(exc.detail, exc.detail_en)
    return _problem(
        f"「{exc.client_name}」の文書をテンプレート「{exc.template}」から作成できません"
        f"（{exc.detail}）。作成済みの文書はそのまま残っています。",
        f"The document for {exc.client_name} cannot be made from template "
        f"{exc.template} ({exc.detail_en}); documents already written are kept.",
    )


def not_merged(exc: MergeError) -> ExportProblem:
    return _problem(
        "印刷用にまとめたファイルを作成できません（テンプレートが書き出しの途中で"
        f"変更された可能性があります: {exc}）。顧問先ごとの文書は書き出し済みです。",
        "The print files cannot be made (a template may have changed during the "
        f"export: {exc}); each client's documents were written.",
    )


def _path_of(exc: OSError) -> str:
    # os.link names the target second; atomic_path raises with the target as the message.
    return str(exc.filename2 or exc.filename or exc)


def _appeared(exc: FileExistsError) -> ExportProblem:
    path = _path_of(exc)
    return ExportProblem(
        [
            InputProblem(
                f"書き込み中に同じ名前のファイルが作られました: {path}",
                f"A file appeared while exporting: {path}",
            )
        ],
        [Path(path)],
    )


def _unwritable(exc: OSError) -> ExportProblem:
    """Most often a document still open in Word (Windows locks it) or a read-only folder; or
    a name NoticeDesk refuses to write through (``atomic``'s sentence)."""
    if isinstance(exc, UserError):
        return _problem(
            f"{exc.message}書き出し済みの文書はそのまま残っています。",
            f"{exc.message_en} Documents already written are kept.",
        )
    where = _path_of(exc)
    return _problem(
        "書き出し先に書き込めません。同じ名前の文書を Word で開いていないか、"
        f"フォルダに書き込めるか確かめてください（{where}）。"
        "書き出し済みの文書はそのまま残っています。",
        "Cannot write to the export folder: check that no document of the same name is "
        f"open in Word and that the folder is writable ({where}: {exc.strerror}); "
        "documents already written are kept.",
    )


def not_written(exc: OSError) -> ExportProblem:
    """A file could not be written: one appeared under its name, or the disk refused."""
    if isinstance(exc, FileExistsError):
        return _appeared(exc)
    return _unwritable(exc)


__all__ = [
    "ExportProblem",
    "not_merged",
    "not_rendered",
    "not_written",
    "refused",
    "stopped",
    "unusable",
]
