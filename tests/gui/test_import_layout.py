"""The window's modules import one another without a circle, read from the source with ``ast``.

What counts, decided here:

- **Module-level imports make the graph**: every ``import`` / ``from … import`` that runs when
  the module is imported: its top level, a class body, and under ``if``/``try`` blocks,
  ``if TYPE_CHECKING:`` included (a circle of types is still a circle a reader has to untangle,
  and it turns into a real one the day an annotation is needed at run time). Importing
  ``noticedesk.gui.preview.panel`` also imports the packages above it, so those are edges too.
- **The rooms too**: the same edges between the subpackages (``window``, ``clients``,
  ``shared``…) have no circle either, so the rooms stand in layers and a newcomer reading one
  needs only the rooms beneath it.
- **Imports inside a function are not edges, and may not name the window's modules at all.** A
  deferred import is how a circle hides: both circles this layout replaced (``startup`` →
  ``case_commands`` → ``main_window``, and ``templates_dialog`` ↔ ``template_folder``) ran
  through one. A function may still defer an import of the core or of another library (the
  roster reader loads pandas on first use).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "noticedesk" / "gui"
PACKAGE = "noticedesk.gui"


def module_name(path: Path) -> str:
    parts = path.relative_to(GUI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def gui_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(GUI.rglob("*.py"))}


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The modules an import statement names (a ``from`` import may name a module or a
    package's attribute: both are listed, and the graph keeps those that are modules)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    source = _absolute(node, module, is_package)
    return [source, *(f"{source}.{alias.name}" for alias in node.names)]


def _walk_imports(
    node: ast.AST, in_function: bool
) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, in_function
        inside = in_function or isinstance(
            child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
        )
        yield from _walk_imports(child, inside)


def _with_packages(name: str) -> list[str]:
    """``a.b.c`` is imported with ``a`` and ``a.b``."""
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def import_graph() -> tuple[dict[str, set[str]], list[tuple[str, str, int]]]:
    """The module-level graph of the window's modules, and the deferred imports of them
    (module, imported module, line)."""
    modules = gui_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    deferred: list[tuple[str, str, int]] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        for node, in_function in _walk_imports(tree, False):
            for imported in imported_names(node, name, is_package):
                targets = {m for m in _with_packages(imported) if m in modules and m != name}
                if in_function:
                    deferred.extend((name, target, node.lineno) for target in targets)
                else:
                    graph[name] |= targets
    return graph, deferred


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of the graph as a path that ends where it starts ([] when there is none)."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str]:
        path.append(node)
        on_path.add(node)
        for nxt in sorted(graph[node]):
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                found = visit(nxt)
                if found:
                    return found
        on_path.discard(path.pop())
        done.add(node)
        return []

    for start in sorted(graph):
        if start not in done:
            found = visit(start)
            if found:
                return found
    return []


def test_the_window_modules_import_without_a_circle() -> None:
    graph, _deferred = import_graph()
    assert len(graph) > 40 and any(graph.values())  # the source was read
    cycle = find_cycle(graph)
    assert cycle == [], " → ".join(cycle)


def room_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The module graph folded into the rooms (``noticedesk.gui.<room>``)."""

    def room(module: str) -> str:
        return ".".join(module.split(".")[:3])

    rooms: dict[str, set[str]] = {room(m): set() for m in graph}
    for module, targets in graph.items():
        rooms[room(module)] |= {room(t) for t in targets if room(t) not in (room(module), PACKAGE)}
    return rooms


def test_the_rooms_import_downward_only() -> None:
    graph, _deferred = import_graph()
    rooms = room_graph(graph)
    assert rooms.get("noticedesk.gui.window")
    cycle = find_cycle(rooms)
    assert cycle == [], " → ".join(cycle)


def test_no_function_defers_an_import_of_a_window_module() -> None:
    _graph, deferred = import_graph()
    assert [f"{module}:{line} imports {target}" for module, target, line in deferred] == []


def test_the_check_sees_a_circle_and_a_deferred_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []
    tree = ast.parse(
        "import x\nif TYPE_CHECKING:\n    from p import q\n"
        "def f():\n    from r import s\nclass C:\n    import t\n"
    )
    found = [
        (imported_names(n, "m", False)[0], deferred) for n, deferred in _walk_imports(tree, False)
    ]
    assert found == [("x", False), ("p", False), ("r", True), ("t", False)]


def test_every_room_says_what_lives_in_it() -> None:
    rooms = sorted(p.parent.name for p in GUI.glob("*/__init__.py"))
    assert rooms  # the window is in rooms
    for room in rooms:
        doc = ast.get_docstring(ast.parse((GUI / room / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"noticedesk/gui/{room}/__init__.py has no docstring"
        modules = sorted(p.stem for p in (GUI / room).glob("*.py") if p.stem != "__init__")
        missing = [m for m in modules if f"``{m}``" not in doc]
        assert missing == [], f"{room}: the docstring does not name {missing}"
