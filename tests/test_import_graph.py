"""The import graph of the package has no cycles: a stage never imports what imports it.

Read from the source (an AST walk), counting imports inside functions too (a late import is
still a dependency), but not those under `if TYPE_CHECKING:`. Two levels are checked: modules,
and the parts of the package (`tripwire.events`, `tripwire.store` ...), where every stage's
`cli` module belongs to the command layer above the pipeline, beside `tripwire.cli`.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
STAGES = ["actors", "clean", "events", "quotes", "timex", "nlp", "ingest", "store", "signals",
          "server", "scale", "schema", "eval"]


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "tripwire").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        else:
            found.extend(_imports(node))
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (a name imported from a package counts as the
    package's module unless it is a submodule)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(a.name) for a in node.names)
                continue
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in modules else known(base))
        graph[name] = {t for t in targets if t and t.startswith("tripwire") and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def part_of(module: str) -> str:
    """The part of the package a module belongs to: commands, or its first-level name."""
    if module == "tripwire.cli" or module.endswith(".cli"):
        return "commands"
    return ".".join(module.split(".")[:2])


def test_modules_import_without_cycles() -> None:
    assert cycles(import_graph()) == []


def test_parts_of_the_package_import_without_cycles() -> None:
    parts: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        # every module imports the root package implicitly; the root only re-exports
        parts.setdefault(part_of(module), set()).update(
            part_of(t) for t in targets if t != "tripwire" and part_of(t) != part_of(module))
    assert cycles(parts) == []


def test_the_pipeline_never_imports_the_scorers() -> None:
    importers = {module for module, targets in import_graph().items()
                 if any(t == "tripwire.eval" or t.startswith("tripwire.eval.") for t in targets)}
    assert {m for m in importers if not m.startswith("tripwire.eval")} == {"tripwire.cli"}


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_package_imports(stage: str) -> None:
    assert importlib.import_module(f"tripwire.{stage}").__name__ == f"tripwire.{stage}"
