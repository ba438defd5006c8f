"""Finding, preparing, checking and rendering the templates: the one path every document takes.

The preview (``render_document``) and the export call the same ``render_prepared`` on the same
prepared template, and the output carries no timestamp, so a previewed document and the
exported file are byte for byte the same.

Decision: a custom template folder may hold only some of the four kinds (an office that
rewrites only its cover letter); the others come from the bundled templates.

Every way a render can fail because of what a template says (a tag that does not fit the
value, XML the tags break, a loop past the limits of ``limits``, a number too large, a
division by zero, recursion) becomes a ``TemplateProblem`` naming the template's file, never a
traceback; ``render_context`` runs each document under the time budget it is given.
"""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from jinja2 import TemplateError, TemplateSyntaxError
from lxml import etree

from noticedesk.core.bundled import templates_dir as bundled_templates_dir
from noticedesk.core.clients import Client
from noticedesk.core.documents.context import build_context, sample_client
from noticedesk.core.documents.environment import make_environment
from noticedesk.core.documents.kinds import KINDS
from noticedesk.core.documents.limits import SIZE, RenderLimit, render_budget
from noticedesk.core.documents.prepared import PreparedTemplate
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.documents.template_check import check_sources
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.core.user_error import UserError


class TemplateProblem(UserError):
    """A template cannot be used; ``problem`` says why in both languages.

    For a render that failed, ``reason`` / ``reason_en`` say why as a phrase without the
    template's name, for a sentence that also names the client (the export's).
    """

    def __init__(
        self, problem: InputProblem, path_name: str = "", reason: tuple[str, str] = ("", "")
    ) -> None:
        super().__init__(problem.message, problem.message_en)
        self.problem = problem
        self.path_name = path_name
        self.reason, self.reason_en = reason


# Exceptions a template's tags can cause while rendering (beyond RenderLimit): a filter given
# the wrong kind of value, a missing key or index, broken XML, arithmetic, Jinja's own checks.
_TEMPLATE_FAILURES = (
    TemplateError,
    etree.XMLSyntaxError,
    TypeError,
    ValueError,
    LookupError,
    ArithmeticError,
    MemoryError,
    RecursionError,
    AssertionError,
)

_TOO_LARGE = ("が大きすぎる出力を作ろうとしました", "大きすぎる出力を作ろうとしました")
_TOO_LARGE_EN = "tried to make too large an output"
_ENDLESS = ("の処理が終わりません", "処理が終わりません")
_ENDLESS_EN = "does not finish"


def template_failure(template_name: str, exc: BaseException) -> TemplateProblem | None:
    """``exc``, raised while rendering ``template_name``, as a sentence naming the template;
    None when it is not something a template causes."""
    if isinstance(exc, RenderLimit):
        large = exc.kind == SIZE
        head, short = _TOO_LARGE if large else _ENDLESS
        head_en = _TOO_LARGE_EN if large else _ENDLESS_EN
        why, why_en = exc.reason, exc.reason_en
    elif isinstance(exc, MemoryError | OverflowError):
        (head, short), head_en = _TOO_LARGE, _TOO_LARGE_EN
        why, why_en = (
            ("メモリが足りません", "out of memory")
            if isinstance(exc, MemoryError)
            else ("数が大きすぎます", "a number too large")
        )
    elif isinstance(exc, RecursionError):
        (head, short), head_en = _ENDLESS, _ENDLESS_EN
        why, why_en = "呼び出しが深すぎます", "calls nested too deeply"
    elif isinstance(exc, _TEMPLATE_FAILURES):
        head, short, head_en = "で文書を作成できません", "", "cannot be rendered"
        if isinstance(exc, ZeroDivisionError):
            why, why_en = "0 で割っています", "division by zero"
        else:
            why = why_en = str(exc) or type(exc).__name__
    else:
        return None
    return TemplateProblem(
        InputProblem(
            f"テンプレート「{template_name}」{head}（{why}）",
            f"Template {template_name} {head_en} ({why_en})",
        ),
        template_name,
        (f"{short}: {why}" if short else why, f"{head_en}: {why_en}" if short else why_en),
    )


def template_path(kind: str, templates_dir: Path | None = None) -> Path:
    """``<kind>.docx`` from the chosen folder if it is there, else the bundled one."""
    if templates_dir is not None:
        custom = Path(templates_dir) / f"{kind}.docx"
        if custom.is_file():
            return custom
    return bundled_templates_dir() / f"{kind}.docx"


_cache: dict[tuple[str, int, int], tuple[PreparedTemplate, threading.Lock]] = {}
_cache_lock = threading.Lock()


def prepared_template(path: Path) -> tuple[PreparedTemplate, threading.Lock]:
    """The prepared template for ``path``, prepared again when the file changes.

    The lock serialises renders of one prepared template (it reuses one XML tree), so the
    window may preview from a worker thread while another renders.
    """
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        prepared = PreparedTemplate(path, make_environment())
    except TemplateSyntaxError as exc:
        line = (exc.source or "").splitlines()[exc.lineno - 1] if exc.source and exc.lineno else ""
        text = etree_text(line)
        raise TemplateProblem(
            InputProblem(
                f"テンプレート「{path.name}」のタグに誤りがあります: {exc.message}"
                + (f"（「{text}」付近）" if text else ""),
                f"Template {path.name} has a malformed tag: {exc.message}"
                + (f' (near "{text}")' if text else ""),
            ),
            path.name,
        ) from None
    except (RecursionError, MemoryError, OverflowError, AssertionError, SyntaxError) as exc:
        # Tags nested deeper than Jinja parses or Python compiles (20 nested blocks at most).
        failure = template_failure(
            path.name, ValueError(exc.msg) if isinstance(exc, SyntaxError) else exc
        )
        assert failure is not None
        raise failure from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TemplateProblem(
            InputProblem(
                f"テンプレート「{path.name}」を Word 文書（.docx）として読めません。"
                "Word で開けるか、.doc で保存していないか確かめてください",
                f"Template {path.name} cannot be read as a Word document (.docx) ({exc}); "
                "check that Word opens it and that it was not saved as .doc",
            ),
            path.name,
        ) from None
    entry = (prepared, threading.Lock())
    with _cache_lock:
        _cache[key] = entry
    return entry


def etree_text(xml_line: str) -> str:
    """The visible text of one line of Word XML, for pointing at a broken tag."""
    return re.sub(r"<[^>]+>", "", xml_line).strip()[:60]


def render_prepared(
    prepared: tuple[PreparedTemplate, threading.Lock],
    client: Client,
    office: OfficeProfile,
    incident: Incident,
    *,
    seconds: float | None = None,
) -> bytes:
    return render_context(prepared, build_context(client, office, incident), seconds=seconds)


def render_context(
    prepared: tuple[PreparedTemplate, threading.Lock],
    context: dict[str, Any],
    *,
    seconds: float | None = None,
) -> bytes:
    """Render a context made by ``build_context`` (built once per client, used for each kind).

    The document is rendered under a budget of ``seconds`` (``limits.DOCUMENT_SECONDS``);
    whatever the template makes go wrong is raised as a TemplateProblem naming its file.
    """
    template, lock = prepared
    with lock:
        try:
            with render_budget(seconds):
                return template.render(context)
        except (*_TEMPLATE_FAILURES, RenderLimit) as exc:
            problem = template_failure(template.name, exc)
            assert problem is not None
            raise problem from None


def render_document(
    kind: str,
    client: Client,
    office: OfficeProfile,
    incident: Incident,
    templates_dir: Path | None = None,
) -> bytes:
    """One finished .docx, exactly as ``export_case`` writes it (for the preview)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind: {kind}")
    return render_prepared(
        prepared_template(template_path(kind, templates_dir)), client, office, incident
    )


def find_input_problems(
    office: OfficeProfile,
    incident: Incident,
    templates_dir: Path | None,
    kinds: Sequence[str],
    *,
    individual_clients: bool = False,
) -> list[InputProblem]:
    """Everything that stops an export, found before anything is rendered.

    ``individual_clients``: some client of this export reports individually (its guide needs
    the date of the office's first notice to the clients).
    """
    problems: list[InputProblem] = []
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        names = ", ".join(unknown)
        known = ", ".join(KINDS)
        problems.append(
            InputProblem(
                f"文書の種類 {names} はありません（{known} から選んでください）",
                f"Unknown document kind {names} (choose from {known})",
            )
        )
    problems.extend(office.problems())
    problems.extend(incident.problems(individual_clients=individual_clients))
    if templates_dir is not None and not Path(templates_dir).is_dir():
        problems.append(
            InputProblem(
                f"テンプレートのフォルダが見つかりません: {templates_dir}",
                f"Template folder not found: {templates_dir}",
            )
        )
        return problems
    context = build_context(sample_client(), office, incident)
    for kind in kinds:
        if kind not in KINDS:
            continue
        path = template_path(kind, templates_dir)
        if not path.is_file():
            problems.append(
                InputProblem(
                    f"テンプレート {path.name} が見つかりません: {path}",
                    f"Template {path.name} not found: {path}",
                )
            )
            continue
        try:
            prepared = prepared_template(path)
        except TemplateProblem as exc:
            problems.append(exc.problem)
            continue
        try:
            found = check_sources(kind, path.name, prepared[0].sources, prepared[0].env, context)
        except RecursionError as exc:  # tags nested deeper than the checker walks
            failure = template_failure(path.name, exc)
            assert failure is not None
            found = [failure.problem]
        problems.extend(found)
        if found:
            continue
        try:
            render_prepared(prepared, sample_client(), office, incident)
        except TemplateProblem as exc:
            problems.append(exc.problem)
    return problems


def check_inputs(
    office: OfficeProfile,
    incident: Incident,
    templates_dir: Path | None,
    kinds: Sequence[str],
    *,
    individual_clients: bool = False,
) -> list[str]:
    """The problems that stop an export, one Japanese sentence each (empty: all is well)."""
    return [
        p.message
        for p in find_input_problems(
            office, incident, templates_dir, kinds, individual_clients=individual_clients
        )
    ]


__all__ = [
    "TemplateProblem",
    "check_inputs",
    "find_input_problems",
    "prepared_template",
    "render_context",
    "render_document",
    "render_prepared",
    "template_failure",
    "template_path",
]
