"""The e-mail's subject and body: an editable Jinja text template with the documents' context.

The template is ``mail.txt``: its first line is the subject, then one empty line, then the body.
An office that words its letters its own way puts its own ``mail.txt`` in its template folder
(beside its .docx templates); otherwise the bundled one (``templates/mail.txt``) is used.

Decisions:
- **The same context as the documents** (``documents.context.build_context``), plus
  ``attachments``: the file names attached, in envelope order.
- **The same sandbox** (``documents.environment``): bounded, immutable, StrictUndefined, so a
  template from the office's folder cannot reach Python's internals, run away, or print a blank
  where a name is missing.
- **Escaping for text, not HTML.** The documents escape for XML; a plain-text e-mail must not
  (``A&B商事`` would arrive as ``A&amp;B商事``). What a value can break in plain text is the
  layout and the headers: every printed value loses its control characters (other than line
  breaks and tabs) and the bidirectional overrides that make text read differently from what it
  is (``finalize``), and the subject is one line whatever a value holds (no header injection:
  the headers are written by ``email`` from this one line). Values are never evaluated as
  templates, so a client called ``{{ 7*7 }}`` prints as written.
- ``trim_blocks`` / ``lstrip_blocks``: a line that holds only a tag leaves no empty line.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError

from noticedesk.core.bundled import templates_dir as bundled_templates_dir
from noticedesk.core.documents.environment import BoundedSandbox, make_environment
from noticedesk.core.documents.limits import RenderLimit, render_budget
from noticedesk.core.documents.rendering import template_failure
from noticedesk.core.user_error import UserError

TEMPLATE_NAME = "mail.txt"
MAX_TEMPLATE_BYTES = 64 * 1024
MAX_SUBJECT_CHARS = 200

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")


class MailTemplateProblem(UserError):
    """The mail template cannot be used; the sentence names the file and why."""


def plain_text(value: Any) -> Any:
    """What a value prints as in a plain-text message (see the module notes)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return "".join(
        ch for ch in value if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI)
    )


def text_environment() -> BoundedSandbox:
    """The documents' sandbox, set up for plain text (compile-time settings, set before use)."""
    env = make_environment()
    env.autoescape = False
    env.finalize = plain_text
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.keep_trailing_newline = True
    return env


def mail_template_path(templates_dir: Path | None = None) -> Path:
    if templates_dir is not None:
        custom = Path(templates_dir) / TEMPLATE_NAME
        if custom.is_file():
            return custom
    return bundled_templates_dir() / TEMPLATE_NAME


@dataclass(frozen=True, slots=True)
class MailText:
    subject: str
    body: str


class MailTemplate:
    """A compiled ``mail.txt``; ``render(context)`` gives the subject and body for one client."""

    def __init__(self, source: str, name: str = TEMPLATE_NAME) -> None:
        self.name = name
        self.source = source.replace("\r\n", "\n").lstrip("\ufeff")
        subject, sep, body = self.source.partition("\n")
        if not sep or not body.startswith("\n") or not subject.strip():
            raise MailTemplateProblem(
                f"メールのテンプレート「{name}」は、1行目を件名、2行目を空行、3行目からを本文にしてください",
                f"The mail template {name} must have the subject on its first line, an empty "
                "second line, and the body from the third line",
            )
        self._lock = threading.Lock()
        env = text_environment()
        try:
            self._subject: Template = env.from_string(subject)
            self._body: Template = env.from_string(body[1:])
        except TemplateSyntaxError as exc:
            line = exc.lineno + (2 if exc.source is not None and exc.source != subject else 0)
            raise MailTemplateProblem(
                f"メールのテンプレート「{name}」の {line} 行目のタグに誤りがあります: {exc.message}",
                f"The mail template {name} has a malformed tag on line {line}: {exc.message}",
            ) from None

    @classmethod
    def load(cls, templates_dir: Path | None = None) -> MailTemplate:
        path = mail_template_path(templates_dir)
        try:
            data = path.read_bytes()[: MAX_TEMPLATE_BYTES + 1]
        except OSError as exc:
            raise MailTemplateProblem(
                f"メールのテンプレート {path} を読めません（{exc.strerror}）",
                f"The mail template {path} cannot be read ({exc.strerror})",
            ) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise MailTemplateProblem(
                f"メールのテンプレート「{path.name}」が大きすぎます（64 KB まで）",
                f"The mail template {path.name} is too large (64 KB at most)",
            )
        try:
            return cls(data.decode("utf-8"), path.name)
        except UnicodeDecodeError:
            raise MailTemplateProblem(
                f"メールのテンプレート「{path.name}」は UTF-8 で保存してください",
                f"Save the mail template {path.name} as UTF-8",
            ) from None

    def render(self, context: dict[str, Any], *, seconds: float | None = None) -> MailText:
        with self._lock:
            try:
                with render_budget(seconds):
                    subject = self._subject.render(context)
                    body = self._body.render(context)
            except (TemplateError, RenderLimit, TypeError, ValueError, LookupError) as exc:
                failure = template_failure(self.name, exc)
                raise MailTemplateProblem(
                    failure.message if failure else str(exc),
                    failure.message_en if failure else str(exc),
                ) from None
        subject = _SPACES.sub(" ", subject).strip()[:MAX_SUBJECT_CHARS]
        body = body.rstrip() + "\n"
        return MailText(subject, body)


__all__ = [
    "TEMPLATE_NAME",
    "MailTemplate",
    "MailTemplateProblem",
    "MailText",
    "mail_template_path",
    "plain_text",
    "text_environment",
]
