"""The package's shape: no import cycles in builder/, and no module past the house's size limit."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "builder"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every builder module and the builder modules it imports, at any depth of the code (lazy imports too)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base]) if base else ".".join(anchor)
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as the list of its modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_finder_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_builder_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "builder.gather" in graph and "builder.sources" in graph["builder.gather"]
    # A package's __init__ that re-exports its modules is imported by them only as their parent: not a cycle.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_no_module_is_over_400_lines_and_build_is_under_250() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines()) for path in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 400} == {}
    assert sizes["builder/build.py"] < 250


def test_only_gather_runs_the_stages() -> None:
    """The stage functions are called from gather alone (build, check and extract go through it)."""
    callers = {}
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for stage in ("analyze(", "extract_all(", "render_pages(", "read_sources("):
            if f" {stage}" in text.replace("def " + stage, "") or f"={stage}" in text:
                callers.setdefault(stage, set()).add(path.relative_to(ROOT).as_posix())
    assert callers["analyze("] == {"builder/gather.py"}
    assert callers["extract_all("] == {"builder/gather.py"}
    assert callers["render_pages("] == {"builder/gather.py"}
