#!/usr/bin/env python3
"""Print the import circles of the `assistant` package; exit 1 when there is one.

Every import counts: at the top of a module, inside a function, and under
`if TYPE_CHECKING:` (a circle of type names is still a circle of knowledge).
`from package import name` counts as an import of `package` itself (its
`__init__` runs first) and, when `package.name` is a module, of that module too. Only imports between modules
of the package are drawn; the standard library and third parties are left out.

    scripts/import_cycles.py            # the circles, or "no import circles"
    scripts/import_cycles.py --edges    # every import edge, for a closer look
    scripts/import_cycles.py --root DIR # another checkout (an older commit, say)

Run by ./test (tests/test_architecture.py); uses the standard library only.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "assistant"


def module_names(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its `__init__`)."""
    out = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` imports, anywhere in its text."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    out.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(name, is_package, node)
            if base is None:
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if candidate in modules:
                    out.add(candidate)
                if base in modules:
                    out.add(base)
    out.discard(name)
    return out


def _absolute(name: str, is_package: bool, node: ast.ImportFrom) -> str | None:
    if node.level == 0:
        return node.module if node.module and node.module.split(".")[0] == PACKAGE else None
    parts = name.split(".") if is_package else name.split(".")[:-1]
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    modules = module_names(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


def main(argv: list[str]) -> int:
    root = Path(argv[argv.index("--root") + 1]).resolve() if "--root" in argv else ROOT
    edges = graph(root)
    if "--edges" in argv:
        for source in sorted(edges):
            for target in sorted(edges[source]):
                print(f"{source} -> {target}")
        return 0
    found = circles(edges)
    if not found:
        print(f"no import circles ({len(edges)} modules)")
        return 0
    for component in found:
        inside = [f"  {a} -> {b}" for a in component for b in sorted(edges[a]) if b in component]
        print(f"circle of {len(component)} modules:")
        print("\n".join(inside))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
