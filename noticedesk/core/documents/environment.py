"""The Jinja environment every template is rendered with.

Sandboxed, so a template from a folder the user picked cannot reach Python internals; and
autoescaping, so ``A&B商事`` or ``<有限会社>`` is written into the document XML as text instead
of breaking it (docxtpl's own default is no escaping, which silently cuts such names short).
Values are never evaluated as templates, so a client called ``{{ 7*7 }}`` prints as written.

Bounded (``limits``): Jinja's sandbox keeps a template from Python's internals, not from the
machine's memory and time. Here every way a template can build something large goes through
a check, and every loop iteration and call through the document's budget:

- the compiled code counts each loop iteration (a step at the top of every ``{% for %}``
  body), bounds the text of ``~``, the lists, tuples and dicts a template writes out
  (``[x, x]``) and what it stores in a ``namespace``, and counts the text collected by
  macros and ``{% set %}`` blocks (``_BoundedCodeGenerator``);
- ``*``, ``**``, ``%`` and ``+`` are intercepted (which also keeps Jinja from folding
  ``'A' * 10**9`` while compiling), as are calls (methods such as ``center`` or ``join``, and
  macros), ``str.format``, ``range``, ``lipsum`` and the built-in filters;
- lists and dicts cannot be changed once built (the immutable sandbox), so nothing a template
  measured can grow afterwards;
- the text of each rendered part is counted as it is joined (``concat``).

Each overrun raises ``limits.RenderLimit``; ``rendering`` names the template in a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import update_wrapper
from itertools import islice
from string import Formatter
from typing import Any, ClassVar

from jinja2 import StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Template
from jinja2.filters import FILTERS
from jinja2.runtime import Context, Macro
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup

from noticedesk.core import dates
from noticedesk.core.documents import limits


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


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    """Jinja's ``lipsum`` within the limits: at most 100 paragraphs of at most 1,000 words."""
    if n > 100 or max > 1_000:
        raise limits.RenderLimit(
            limits.SIZE, "lipsum() の文章が長すぎます", "a lipsum() text too long"
        )
    return generate_lorem_ipsum(n, html, min, max)


# --- the compiled code ---------------------------------------------------------------------


_INTERNAL = frozenset({"loop_step", "built"})  # environment methods the compiled code calls


def _internal_call(name: str, *args: nodes.Node, lineno: int) -> nodes.Call:
    # Jinja allows no node types of one's own: a call of an environment attribute (which no
    # template can write) marks the places, and ``visit_Call`` writes them as plain calls.
    arguments: list[Any] = list(args)
    return nodes.Call(nodes.EnvironmentAttribute(name), arguments, [], None, None, lineno=lineno)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's compiler, writing the calls into ``BoundedSandbox`` described above."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            step = _internal_call("loop_step", lineno=loop.lineno)
            loop.body.insert(0, nodes.ExprStmt(step, lineno=loop.lineno))
        for assign in node.find_all(nodes.Assign):
            if any(True for _ in assign.find_all(nodes.NSRef)):
                assign.node = _internal_call("built", assign.node, lineno=assign.lineno)
        super().visit_Template(node, frame)

    def visit_If(self, node: nodes.If, frame: Frame) -> None:
        self.writeline("environment.on_time()", node)
        super().visit_If(node, frame)

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        target = node.node
        if isinstance(target, nodes.EnvironmentAttribute) and target.name in _INTERNAL:
            self.write(f"environment.{target.name}(")
            for number, argument in enumerate(node.args):
                self.write(", " if number else "")
                self.visit(argument, frame)
            self.write(")")
        else:
            super().visit_Call(node, frame, forward_caller=forward_caller)

    def _bounded(self, check: str, node: nodes.Node, frame: Frame, visit: Any) -> None:
        self.write(f"environment.{check}(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._bounded("built", node, frame, super().visit_List)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._bounded("built", node, frame, super().visit_Dict)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # a loop's or an assignment's targets
            super().visit_Tuple(node, frame)
        else:
            self._bounded("built", node, frame, super().visit_Tuple)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self._bounded("joined", node, frame, super().visit_Concat)

    def buffer(self, frame: Frame) -> None:
        # What macros, {% set %} blocks, {% filter %} and {% call %} collect is counted.
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")


class _OutputBuffer(list[str]):
    """A compiled template's buffer that counts the text put into it."""

    __slots__ = ()

    def append(self, piece: str) -> None:
        limits.produced(len(piece) if isinstance(piece, str) else 0)
        super().append(piece)

    def extend(self, pieces: Iterable[str]) -> None:
        pieces = tuple(pieces)
        limits.produced(sum(len(p) for p in pieces if isinstance(p, str)))
        super().extend(pieces)


class BoundedTemplate(Template):
    """A template whose ``render`` runs under a document budget (the caller's, if any)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with limits.render_budget():
            return super().render(*args, **kwargs)


class _BoundedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        limits.format_spec(format_spec)
        limits.weigh(value)
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(SandboxedEscapeFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        limits.format_spec(format_spec)
        limits.weigh(value)
        return super().format_field(value, format_spec)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, bounded (see the module docstring)."""

    code_generator_class = _BoundedCodeGenerator
    template_class = BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    _BINOPS: ClassVar[dict[str, Callable[[Any, Any], Any]]] = {
        "*": limits.multiply,
        "**": limits.power,
        "%": limits.modulo,
        "+": limits.add,
    }

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = limits.bounded_range
        self.globals["lipsum"] = _lipsum
        for name, function in FILTERS.items():
            self.filters[name] = limits.bounded_filter(name, function)

    # The compiled code calls these (``_BoundedCodeGenerator``).

    loop_step = staticmethod(limits.step)
    on_time = staticmethod(limits.on_time)
    joined = staticmethod(limits.joined)

    def built(self, value: Any) -> Any:
        limits.weigh(value, namespace_ok=False)
        return value

    def output_buffer(self) -> list[str]:
        return _OutputBuffer()

    def concat(self, pieces: Iterable[str]) -> str:
        """Join a part's text (Jinja's ``"".join``), counting it as it comes, a few dozen
        pieces at a time (each at most ``MAX_SIZE`` characters, or a macro's counted text)."""
        if isinstance(pieces, _OutputBuffer):  # already counted
            return "".join(pieces)
        collected: list[str] = []
        size = 0
        coming = iter(pieces)
        while chunk := list(islice(coming, 32)):
            size += sum(map(len, chunk))
            if size > limits.MAX_OUTPUT:
                raise limits.too_much_output()
            limits.on_time()
            collected += chunk
        limits.produced(size)
        return "".join(collected)

    # The sandbox's hooks.

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.on_time()
        return self._BINOPS.get(operator, self.binop_table[operator])(left, right)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = limits.current()
        if budget is None:
            result = super().call(
                context, obj, *limits.method_arguments(obj, args, kwargs), **kwargs
            )
        else:
            budget.enter()
            try:
                args = limits.method_arguments(obj, args, kwargs)
                result = super().call(context, obj, *args, **kwargs)
            finally:
                budget.leave()
        return result if isinstance(obj, Macro) else limits.checked(result)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's ``str.format`` for templates, with widths and values checked."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text: str = value.__self__
        formatter: Formatter = (
            _BoundedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _BoundedFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            positional, named = args, kwargs
            if is_map:
                if kwargs or len(args) != 1:
                    return wrapped(*args, **kwargs)  # Jinja's own error
                positional, named = (), args[0]
            # As Jinja's: the result is of the format string's type (Markup stays Markup).
            formatted: str = type(text)(formatter.vformat(text, positional, named))
            limits.joined(formatted)
            return formatted

        return update_wrapper(bounded, value)


def make_environment() -> BoundedSandbox:
    """A fresh environment; one per prepared template set (Jinja environments are not shared
    across processes).

    StrictUndefined: a tag that names something the context lacks is an error at render time
    too, not a silent blank in a letter (the checker reports such tags before rendering).
    """
    env = BoundedSandbox(autoescape=True, undefined=StrictUndefined)
    env.filters["wareki"] = wareki
    env.filters["seireki"] = seireki
    env.filters["date"] = office_date
    return env


__all__ = ["BoundedSandbox", "make_environment", "office_date", "seireki", "wareki"]
