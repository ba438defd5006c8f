"""How much one document's templates may build, and how long they may take.

A template comes from a folder the office picked, and Jinja's sandbox keeps it away from
Python's internals but not from the machine's memory and time: ``{{ 'A' * 10**9 }}``,
``{{ x|center(10**9) }}`` or two nested ``range(100000)`` loops would take gigabytes or hours.
So every render of a document runs under a budget, and each overrun raises ``RenderLimit``,
which the rendering turns into a sentence naming the template.

The limits, and why they are where they are (a real letter stays far below each):

- ``MAX_RANGE`` 10,000 numbers from one ``range()``: a letter numbers at most a few hundred
  rows; Jinja's own sandbox allows 100,000.
- ``MAX_SIZE`` 1,000,000 characters in one text a template builds (``*``, ``+``, ``~``, ``%``,
  ``format``, ``center``, ``join``, ``replace``, ``indent``, ``wordwrap`` …), or items in one
  list, tuple or dict it builds, counting what nested lists hold each time they appear (so
  ``[[x] * 1000] * 1000`` weighs a million): a whole letter is some ten thousand characters.
  Lists and dicts a template builds cannot change afterwards (the sandbox is the immutable
  one), and a ``namespace`` cannot be put into one, so nothing grows past its size once built.
- ``MAX_DIGITS`` 3,000 digits in a number (Python itself refuses to print 4,300).
- ``MAX_OUTPUT`` 20,000,000 characters of text produced for one document, all its parts
  together (text a macro or ``{% set %}`` block captures counts each time it is made): the
  bundled letters produce under 100,000.
- ``MAX_STEPS`` 1,000,000 loop iterations and calls (macros, methods, ``caller()``) for one
  document: nested loops multiply, and this bounds their product (two nested ``range(10000)``
  stop at the millionth step, in well under a second); the bundled letters take under 100.
- ``MAX_DEPTH`` 50 calls nested in one another (a macro calling itself): a bound on the stack
  that does not depend on the platform's thread stack size.
- ``DOCUMENT_SECONDS`` 10 seconds of rendering for one document, checked at every step and
  at each ``{% if %}``, filter, intercepted operator and piece of text produced: a letter
  takes a few milliseconds; what stays inside every other limit and still runs long (loops of
  slow filters over long texts) ends here, a second or two late at most (the longest single
  operation the size limits allow).

The budget belongs to the thread that renders (``render_budget``), so the preview's thread and
an export's can render at once; the checks on sizes need no budget and hold everywhere,
including when Jinja folds constants while compiling.
"""

from __future__ import annotations

import inspect
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from jinja2.utils import Namespace

MAX_RANGE = 10_000
MAX_SIZE = 1_000_000
MAX_DIGITS = 3_000
MAX_OUTPUT = 20_000_000
MAX_STEPS = 1_000_000
MAX_DEPTH = 50
DOCUMENT_SECONDS = 10.0

_MAX_BITS = int(MAX_DIGITS * 3.3219)  # log2(10)

SIZE = "size"  # the template tried to build too much
TIME = "time"  # the template does not finish


class RenderLimit(Exception):
    """A template went past one of the limits; ``kind`` is ``SIZE`` or ``TIME`` and
    ``reason`` / ``reason_en`` say which limit, as a phrase."""

    def __init__(self, kind: str, reason: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.kind = kind
        self.reason = reason
        self.reason_en = reason_en


def _too_long_text() -> RenderLimit:
    return RenderLimit(
        SIZE, f"{MAX_SIZE:,} 文字を超える文字列", f"a text longer than {MAX_SIZE:,} characters"
    )


def _too_many_items() -> RenderLimit:
    return RenderLimit(
        SIZE, f"要素が {MAX_SIZE:,} 個を超える一覧", f"a list of more than {MAX_SIZE:,} items"
    )


def _too_large_number() -> RenderLimit:
    return RenderLimit(
        SIZE, f"{MAX_DIGITS:,} 桁を超える数", f"a number of more than {MAX_DIGITS:,} digits"
    )


def too_much_output() -> RenderLimit:
    return RenderLimit(
        SIZE,
        f"文書の文字数が {MAX_OUTPUT:,} 文字を超えます",
        f"more than {MAX_OUTPUT:,} characters of document text",
    )


# --- the budget of one document ----------------------------------------------------------


class _Budget:
    __slots__ = ("deadline", "depth", "produced", "seconds", "steps")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.steps = 0
        self.depth = 0
        self.produced = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise RenderLimit(
                TIME,
                f"繰り返しと呼び出しが合計 {MAX_STEPS:,} 回を超えます",
                f"more than {MAX_STEPS:,} loop steps and calls",
            )
        self.on_time()

    def on_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimit(
                TIME,
                f"1通の作成に {self.seconds:g} 秒を超えてかかっています",
                f"one document took more than {self.seconds:g} seconds",
            )

    def enter(self) -> None:
        """A call: one step, and one level deeper until ``leave``."""
        self.step()
        if self.depth >= MAX_DEPTH:
            raise RenderLimit(
                TIME,
                f"マクロなどの呼び出しが {MAX_DEPTH} 段を超えて入れ子になっています",
                f"calls nested more than {MAX_DEPTH} deep",
            )
        self.depth += 1

    def leave(self) -> None:
        self.depth -= 1

    def produce(self, characters: int) -> None:
        self.produced += characters
        if self.produced > MAX_OUTPUT:
            raise too_much_output()
        self.on_time()


class _Current(threading.local):
    budget: _Budget | None = None


_current = _Current()


class render_budget:  # lower case: used like a function, ``with render_budget():``
    """Render one document under a fresh budget (``seconds``: ``DOCUMENT_SECONDS``).

    Inside a render that already has one (each part of a document), the outer budget holds.
    """

    __slots__ = ("_owner", "_seconds")

    def __init__(self, seconds: float | None = None) -> None:
        self._seconds = seconds
        self._owner = False

    def __enter__(self) -> None:
        if _current.budget is None:
            seconds = DOCUMENT_SECONDS if self._seconds is None else self._seconds
            _current.budget = _Budget(seconds)
            self._owner = True

    def __exit__(self, *_exc: object) -> None:
        if self._owner:
            _current.budget = None


def step() -> None:
    """One loop iteration or call of the document being rendered."""
    budget = _current.budget
    if budget is not None:
        budget.step()


def on_time() -> None:
    """RenderLimit when the document being rendered is past its time.

    Checked at every step, and also wherever a template can do much work without a loop: each
    ``{% if %}``, filter, intercepted operator and piece of text produced.
    """
    budget = _current.budget
    if budget is not None:
        budget.on_time()


def produced(characters: int) -> None:
    """``characters`` of text were made for the document being rendered."""
    budget = _current.budget
    if budget is not None:
        budget.produce(characters)


def current() -> _Budget | None:
    """The budget of the document this thread is rendering, if any."""
    return _current.budget


# --- sizes ---------------------------------------------------------------------------------

_SEQUENCES = frozenset({list, tuple, set, frozenset})
_VIEWS = frozenset({type({}.keys()), type({}.values()), type({}.items())})


def weigh(value: object, *, namespace_ok: bool = True) -> int:
    """How big ``value`` is when printed or compared: characters of text, items of lists and
    dicts (what a nested list holds counts each time it appears); RenderLimit past MAX_SIZE.

    A ``namespace`` may be weighed at the top (``namespace_ok``) but not inside a list: its
    attributes can change after the list is built (see the module docstring).
    """
    total = 0
    pending: list[Any] = [value]
    top = True
    while pending:
        item = pending.pop()
        kind = type(item)
        if isinstance(item, str | bytes):
            total += len(item)
        elif kind is int:
            total += item.bit_length() // 3 + 1
        elif kind in _SEQUENCES or kind in _VIEWS:
            total += len(item) + 1
            if total <= MAX_SIZE:
                pending.extend(item)
        elif isinstance(item, dict):
            total += 2 * len(item) + 1
            if total <= MAX_SIZE:
                pending.extend(item.keys())
                pending.extend(item.values())
        elif isinstance(item, Namespace):
            if not (top and namespace_ok):
                raise RenderLimit(
                    SIZE,
                    "namespace を一覧や別の namespace に入れています",
                    "a namespace put into a list or another namespace",
                )
            pending.append(dict(object.__getattribute__(item, "_Namespace__attrs")))
        else:
            total += 1
        top = False
        if total > MAX_SIZE:
            raise _too_long_text() if isinstance(value, str) else _too_many_items()
    return total


def checked(value: Any) -> Any:
    """``value`` if what a template just built is within the limits; RenderLimit if not."""
    if isinstance(value, str):
        if len(value) > MAX_SIZE:
            raise _too_long_text()
    elif type(value) is int:
        if value.bit_length() > _MAX_BITS:
            raise _too_large_number()
    elif type(value) in _SEQUENCES or isinstance(value, dict | Namespace):
        weigh(value)
    return value


def _room(size: int, what: object) -> None:
    if size > MAX_SIZE:
        raise _too_long_text() if isinstance(what, str | bytes) else _too_many_items()


def _count(value: object) -> int | None:
    """``value`` as a count or width, when it is one (bool and float are not)."""
    return value if type(value) is int else None


# --- operators ----------------------------------------------------------------------------


def multiply(left: Any, right: Any) -> Any:
    """``left * right``: a text or list repeated only within MAX_SIZE."""
    times, repeated = (right, left) if _count(right) is not None else (left, right)
    if _count(times) is not None and not isinstance(repeated, int | float):
        one = len(repeated) if isinstance(repeated, str | bytes) else weigh(repeated)
        _room(one * max(times, 0), repeated)
    return checked(left * right)


def power(left: Any, right: Any) -> Any:
    """``left ** right``: an integer result only within MAX_DIGITS."""
    base, exponent = _count(left), _count(right)
    if (
        base is not None
        and exponent is not None
        and (abs(base).bit_length() - 1) * exponent > _MAX_BITS
    ):
        raise _too_large_number()
    return checked(left**right)


_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _check_widths(widths: list[str]) -> bool:
    """True when a width is ``*`` (given by an argument); RenderLimit for a number too large."""
    star = False
    for width in widths:
        if width == "*":
            star = True
        elif width and int(width) > MAX_SIZE:
            raise _too_long_text()
    return star


def percent_format(text: str | bytes, arguments: Any) -> None:
    """Check ``text % arguments`` before it runs: no width or precision past MAX_SIZE."""
    if not isinstance(text, str):
        return
    star = False
    for match in _PERCENT.finditer(text):
        star = _check_widths([match.group(1) or "", match.group(2) or ""]) or star
    values = arguments if isinstance(arguments, tuple) else (arguments,)
    if star:
        for value in values:
            if _count(value) is not None and abs(value) > MAX_SIZE:
                raise _too_long_text()
    for value in values:
        weigh(value)


def modulo(left: Any, right: Any) -> Any:
    """``left % right``: a %-format only within MAX_SIZE."""
    if isinstance(left, str):
        percent_format(left, right)
    return checked(left % right)


def add(left: Any, right: Any) -> Any:
    return checked(left + right)


def format_spec(spec: str) -> None:
    """A ``str.format`` field's spec: no width or precision past MAX_SIZE."""
    for digits in _DIGITS.findall(spec):
        if int(digits) > MAX_SIZE:
            raise _too_long_text()


def joined(text: Any) -> Any:
    """The result of ``~``."""
    if isinstance(text, str) and len(text) > MAX_SIZE:
        raise _too_long_text()
    return text


# --- methods a template may call -------------------------------------------------------------


def _width_arg(owner: str | bytes, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    width = _count(args[0]) if args else None
    if width is not None:
        _room(width, owner)


def _expandtabs(owner: str | bytes, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    size = _count(args[0] if args else kwargs.get("tabsize", 8))
    if size is not None:
        tab = "\t" if isinstance(owner, str) else b"\t"
        _room(len(owner) + owner.count(tab) * max(size, 0), owner)  # type: ignore[arg-type]


def _replaced_size(text: str | bytes, old: object, new: object, count: object) -> int | None:
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return None
    found = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    limit = _count(count)
    if limit is not None and limit >= 0:
        found = min(found, limit)
    return len(text) + found * max(0, len(new) - len(old))


def _replace(owner: str | bytes, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    if len(args) >= 2:
        size = _replaced_size(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
        if size is not None:
            _room(size, owner)


def _translate(owner: str | bytes, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    table = args[0] if args else None
    if isinstance(owner, str) and isinstance(table, dict):
        longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
        _room(len(owner) * longest, owner)


_STRING_METHODS: dict[str, Callable[[str | bytes, tuple[Any, ...], Mapping[str, Any]], None]] = {
    "center": _width_arg,
    "ljust": _width_arg,
    "rjust": _width_arg,
    "zfill": _width_arg,
    "expandtabs": _expandtabs,
    "replace": _replace,
    "translate": _translate,
}


def method_arguments(
    function: object, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> tuple[Any, ...]:
    """Check a call before it runs; the arguments to call it with (an iterable joined by
    ``str.join`` is read once, here, to measure it)."""
    owner = getattr(function, "__self__", None)
    if not isinstance(owner, str | bytes):
        return args
    name = getattr(function, "__name__", "")
    check = _STRING_METHODS.get(name)
    if check is not None:
        check(owner, args, kwargs)
    elif name == "join" and len(args) == 1:
        items = list(args[0])
        size = sum(len(i) for i in items if isinstance(i, str | bytes))
        _room(size + len(owner) * max(len(items) - 1, 0), owner)
        return (items,)
    return args


# --- filters -------------------------------------------------------------------------------


def _filter_center(arguments: dict[str, Any]) -> None:
    width = _count(arguments.get("width"))
    if width is not None:
        _room(width, "")


def _filter_indent(arguments: dict[str, Any]) -> None:
    width = arguments.get("width")
    text = str(arguments.get("s", ""))
    indent = len(width) if isinstance(width, str) else _count(width)
    if indent is not None:
        _room(len(text) + (text.count("\n") + 1) * max(indent, 0), "")


def _filter_wordwrap(arguments: dict[str, Any]) -> None:
    text = str(arguments.get("s", ""))
    wrap = arguments.get("wrapstring")
    width = _count(arguments.get("width"))
    if isinstance(wrap, str) and width is not None and width > 0:
        lines = len(text) // width + text.count("\n") + 1
        _room(len(text) + lines * len(wrap), "")


def _filter_count(name: str) -> Callable[[dict[str, Any]], None]:
    def check(arguments: dict[str, Any]) -> None:
        count = _count(arguments.get(name))
        if count is not None and count > MAX_SIZE:
            raise _too_many_items()

    return check


def _filter_join(arguments: dict[str, Any]) -> None:
    items = list(arguments.get("value", ()))
    arguments["value"] = items
    separator = arguments.get("d", "")
    size = sum(len(i) for i in items if isinstance(i, str))
    if isinstance(separator, str):
        _room(size + len(separator) * max(len(items) - 1, 0), "")


def _filter_replace(arguments: dict[str, Any]) -> None:
    text = arguments.get("s")
    if isinstance(text, str):
        size = _replaced_size(text, arguments.get("old"), arguments.get("new"), arguments["count"])
        if size is not None:
            _room(size, "")


def _filter_format(arguments: dict[str, Any]) -> None:
    percent_format(str(arguments.get("value", "")), arguments.get("kwargs") or arguments["args"])


_FILTER_CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "center": _filter_center,
    "indent": _filter_indent,
    "wordwrap": _filter_wordwrap,
    "batch": _filter_count("linecount"),
    "slice": _filter_count("slices"),
    "join": _filter_join,
    "replace": _filter_replace,
    "format": _filter_format,
}


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a Jinja filter) with its arguments checked before it runs when they set
    a size, and what it returns checked after."""
    check = _FILTER_CHECKS.get(name)
    passes = getattr(function, "jinja_pass_arg", None) is not None  # context & co. come first
    signature = None
    if check is not None:
        signature = inspect.signature(function)
        parameters = list(signature.parameters.values())
        if passes and parameters and parameters[0].name in ("context", "eval_ctx", "environment"):
            parameters = parameters[1:]
        signature = signature.replace(parameters=parameters)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        if check is not None and signature is not None:
            lead, rest = (args[:1], args[1:]) if passes else ((), args)
            try:
                bound = signature.bind(*rest, **kwargs)
            except TypeError:
                pass  # the filter itself says what is wrong with its arguments
            else:
                bound.apply_defaults()
                check(bound.arguments)
                args, kwargs = (*lead, *bound.args), bound.kwargs
        on_time()
        return checked(function(*args, **kwargs))

    bounded.__dict__.update(getattr(function, "__dict__", {}))  # keeps pass_context & co.
    bounded.__name__ = getattr(function, "__name__", name)
    bounded.__doc__ = function.__doc__
    return bounded


def bounded_range(*args: int) -> range:
    """``range`` for templates: at most MAX_RANGE numbers."""
    numbers = range(*args)
    try:
        length = len(numbers)
    except OverflowError:
        length = MAX_RANGE + 1
    if length > MAX_RANGE:
        raise RenderLimit(
            SIZE,
            f"range() で {MAX_RANGE:,} 個を超える数",
            f"a range() of more than {MAX_RANGE:,} numbers",
        )
    return numbers


__all__ = [
    "DOCUMENT_SECONDS",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_OUTPUT",
    "MAX_RANGE",
    "MAX_SIZE",
    "MAX_STEPS",
    "SIZE",
    "TIME",
    "RenderLimit",
    "bounded_filter",
    "bounded_range",
    "checked",
    "current",
    "method_arguments",
    "on_time",
    "produced",
    "render_budget",
    "step",
    "too_much_output",
    "weigh",
]
