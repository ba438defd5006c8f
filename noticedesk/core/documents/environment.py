"""The Jinja environment every template is rendered with.

Sandboxed, so a template from a folder the user picked cannot reach Python internals; and
autoescaping, so ``A&B商事`` or ``<有限会社>`` is written into the document XML as text instead
of breaking it (docxtpl's own default is no escaping, which silently cuts such names short).
Values are never evaluated as templates, so a client called ``{{ 7*7 }}`` prints as written.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from noticedesk.core import dates


def wareki(value: object) -> str:
    """令和5年7月28日; an empty value prints nothing."""
    if value in (None, ""):
        return ""
    return dates.wareki(dates.parse_date(value))


def seireki(value: object) -> str:
    """2023年7月28日; an empty value prints nothing."""
    if value in (None, ""):
        return ""
    return dates.seireki(dates.parse_date(value))


@pass_context
def office_date(context: Context, value: object) -> str:
    """A date in the office's chosen style (``office.date_style``); empty prints nothing."""
    office: Any = context.get("office")
    style = office.get("date_style") if isinstance(office, dict) else None
    return wareki(value) if style == "wareki" else seireki(value)


def make_environment() -> SandboxedEnvironment:
    """A fresh environment; one per prepared template set (Jinja environments are not shared
    across processes).

    StrictUndefined: a tag that names something the context lacks is an error at render time
    too, not a silent blank in a letter (the checker reports such tags before rendering).
    """
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["wareki"] = wareki
    env.filters["seireki"] = seireki
    env.filters["date"] = office_date
    return env
