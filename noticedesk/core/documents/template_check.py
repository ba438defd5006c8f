"""Checking templates before anything is rendered.

Each template is compiled, its tags are walked (Jinja's syntax tree) and compared with the
render context of a sample client: a name or attribute the context lacks (``{{ client.fax }}``,
a misspelt ``{{ ofice.name }}``) is reported with the template's file name and the part it is
in. A template that does not print what its kind must carry (a report without 原因) is reported
too. Finally each template is rendered once for the sample client, which catches what only
shows when rendering (a filter applied to the wrong kind of value, XML the tags break).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, nodes

from noticedesk.core.documents.context import RosterColumns
from noticedesk.core.documents.kinds import KINDS
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.incident import REPORT_ITEMS
from noticedesk.core.office import LABELS as OFFICE_LABELS

_ITEM_LABELS = dict(REPORT_ITEMS)
_LABELS: dict[str, tuple[str, str]] = {
    "client.name": ("顧問先名", "client name"),
    "dates.notice": ("日付", "date"),
    "deadlines.final": ("確報の期限", "final report deadline"),
    "deadlines.client_final": ("顧問先自身の確報の期限", "the client's own final report deadline"),
    "incident.subject": ("本件の件名", "the incident's subject"),
    "contact.phone": ("お問い合わせ先の電話番号", "the contact phone number"),
    **{f"office.{k}": (f"事務所の{v}", f"office {k}") for k, v in OFFICE_LABELS.items()},
    **{f"item.{k}": (f"報告事項「{v}」", f"report item {k}") for k, v in _ITEM_LABELS.items()},
}
# Alternative ways of printing a required path.
_EQUIVALENT: dict[str, tuple[str, ...]] = {
    **{f"item.{k}": ("report_items[].value", f"employee.{k}") for k in _ITEM_LABELS},
    "item.data_items": ("report_items[].value", "data_items[]"),
    "dates.notice": ("incident.notice_date",),
    "office.representative_name": ("office.representative",),
    "incident.subject": ("incident.title",),
    "contact.phone": ("office.phone", "incident.contact_phone"),
}

_UNKNOWN = object()  # a value whose shape the checker does not know (macro arguments, set …)


def part_label(member: str) -> tuple[str, str]:
    """Where in the .docx a tag is, as a Word user knows it."""
    if "header" in member:
        return "ヘッダー", "header"
    if "footer" in member:
        return "フッター", "footer"
    if "footnotes" in member:
        return "脚注", "footnotes"
    if ":" in member:
        return "文書のプロパティ", "document properties"
    return "本文", "body"


def _is_key_lookup(node: nodes.Node) -> bool:
    """``x["name"]``: checked like ``x.name``. An index (``x[5]``) depends on the value."""
    return (
        isinstance(node, nodes.Getitem)
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    )


@dataclass
class _Walk:
    context: dict[str, Any]
    globals: set[str]
    undefined: list[str] = field(default_factory=list)
    printed: set[str] = field(default_factory=set)

    def resolve(self, node: nodes.Node, scope: dict[str, tuple[object, str]]) -> tuple[object, str]:
        """The sample value and the absolute path a Name/Getattr/Getitem chain refers to."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.context:
                return self.context[node.name], node.name
            if node.name not in self.globals:
                self.undefined.append(node.name)
            return _UNKNOWN, node.name
        attr: str | None = None
        if isinstance(node, nodes.Getattr):
            attr = node.attr
        elif _is_key_lookup(node):
            attr = node.arg.value  # type: ignore[attr-defined]
        if attr is not None:
            base, path = self.resolve(node.node, scope)  # type: ignore[attr-defined]
            full = f"{path}.{attr}"
            if base is _UNKNOWN:
                return _UNKNOWN, full
            if isinstance(base, RosterColumns):  # any column name is allowed
                return "", full
            if isinstance(base, dict):
                if attr in base:
                    return base[attr], full
                self.undefined.append(full)
                return _UNKNOWN, full
            if hasattr(base, attr):
                return getattr(base, attr), full
            self.undefined.append(full)
            return _UNKNOWN, full
        self.visit(node, scope, printing=False)
        return _UNKNOWN, ""

    def visit(self, node: nodes.Node, scope: dict[str, tuple[object, str]], printing: bool) -> None:
        child: nodes.Node
        if isinstance(node, nodes.Name | nodes.Getattr) or _is_key_lookup(node):
            if isinstance(node, nodes.Name) and node.ctx != "load":
                return
            _value, path = self.resolve(node, scope)
            if printing and path:
                self.printed.add(path)
            return
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                self.visit(child, scope, printing=True)
            return
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope, printing=False)
            value, path = (
                self.resolve(node.iter, scope)
                if isinstance(node.iter, nodes.Name | nodes.Getattr)
                else (_UNKNOWN, "")
            )
            element: object = value[0] if isinstance(value, list) and value else _UNKNOWN
            inner = dict(scope)
            inner["loop"] = (_UNKNOWN, "loop")
            for target in self._targets(node.target):
                inner[target] = (
                    element if isinstance(node.target, nodes.Name) else _UNKNOWN,
                    f"{path}[]",
                )
            if node.test is not None:
                self.visit(node.test, inner, printing=False)
            for child in node.body:
                self.visit(child, inner, printing)
            for child in node.else_:
                self.visit(child, scope, printing)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            for target in self._targets(node.target):
                scope[target] = (_UNKNOWN, target)
        if isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.Macro):  # known in its own body too (it may recurse)
                scope[node.name] = (_UNKNOWN, node.name)
            inner = dict(scope)
            for arg in getattr(node, "args", []):
                inner[arg.name] = (_UNKNOWN, arg.name)
            for name in ("caller", "varargs", "kwargs"):
                inner[name] = (_UNKNOWN, name)
            for child in node.body:
                self.visit(child, inner, printing)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for with_target, value_node in zip(node.targets, node.values, strict=False):
                self.visit(value_node, scope, printing=False)
                for name in self._targets(with_target):
                    inner[name] = (_UNKNOWN, name)
            for child in node.body:
                self.visit(child, inner, printing)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope, printing)

    @staticmethod
    def _targets(node: nodes.Node) -> Iterator[str]:
        if isinstance(node, nodes.Name):
            yield node.name
        elif isinstance(node, nodes.Tuple):
            for item in node.items:
                yield from _Walk._targets(item)


def check_sources(
    kind: str,
    template_name: str,
    sources: dict[str, str],
    env: Environment,
    context: dict[str, Any],
) -> list[InputProblem]:
    """Undefined tags and missing required items in a prepared template's sources."""
    problems: list[InputProblem] = []
    printed: set[str] = set()
    for member, source in sources.items():
        walk = _Walk(context, set(env.globals))
        walk.visit(env.parse(source), {}, printing=False)
        printed |= walk.printed
        where, where_en = part_label(member)
        for path in dict.fromkeys(walk.undefined):
            problems.append(
                InputProblem(
                    f"テンプレート「{template_name}」の{where}にある差し込み項目"
                    f"「{{{{ {path} }}}}」は定義されていません",
                    f"Template {template_name} ({where_en}): the tag {{{{ {path} }}}} is not "
                    "defined",
                )
            )
    document_kind = KINDS[kind]
    for required in document_kind.required:
        if required in printed or any(alt in printed for alt in _EQUIVALENT.get(required, ())):
            continue
        label, label_en = _LABELS.get(required, (required, required))
        problems.append(
            InputProblem(
                f"テンプレート「{template_name}」（{document_kind.title}）に必要な{label}"
                f"（{{{{ {required} }}}}）が含まれていません",
                f"Template {template_name} ({document_kind.title_en}) does not print {label_en} "
                f"({{{{ {required} }}}})",
            )
        )
    return problems
