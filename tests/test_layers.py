"""Lower layers never import upper ones, and no module imports itself round a cycle (read from the source,
so it holds for lazy imports too)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reformlab"

#: Rank of each package (docs/architecture.md); a module imports only packages of a lower rank, or its own.
#: Top-level modules (``errors``, ``atomic``, ``shares``, and any other but ``cli``) are the bottom layer,
#: rank 0; every package must be listed.
RANKS = {
    "electoral": 1, "games": 1, "data": 1,
    "model": 2,
    "process": 2.5,  # beside the model: reform processes, whose amendments are patches of it
    "engine": 3,
    "analysis": 4,
    "report": 5,
    "web": 6,
    "commands": 7, "cli": 8,  # the command line registers the commands
}
#: Cycles that run through lazy imports today, with the issue that ends each; nothing else may join them.
KNOWN_CYCLES: dict[frozenset, str] = {}  # model/loader <-> model/reform ended by model/problems.py (issue 9.4)


def _rank(package: str) -> int:
    return RANKS.get(package, 0)


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in sorted(SRC.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every ``reformlab`` module ``path`` imports at run time (in functions too; ``TYPE_CHECKING`` blocks
    are not run)."""
    found = set()

    def visit(node):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return {name for name in found if name.startswith("reformlab.")}


GRAPH = {module: _imports(path) & set(MODULES) for module, path in MODULES.items()}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("package", sorted({_package(m) for m in MODULES if _package(m)}))
def test_layer_imports_only_lower_layers(package):
    offenders = []
    for module, imported in GRAPH.items():
        if _package(module) != package:
            continue
        for target in sorted(imported):
            other = _package(target)
            below = _rank(other) < _rank(package) or _rank(other) == _rank(package) == 0  # the bottom may share
            if other and other != package and not below:
                offenders.append(f"{module} imports {target} (rank {_rank(other)} >= {_rank(package)})")
    assert not offenders, "layering broken:\n" + "\n".join(offenders)


def test_every_package_has_a_rank():
    packages = {path.name for path in SRC.iterdir() if (path / "__init__.py").is_file()}
    unranked = sorted(packages - set(RANKS))
    assert not unranked, f"add {unranked} to RANKS in tests/test_layers.py (and the table in docs/architecture.md)"


def test_the_bottom_layer_and_data_import_nothing_above_them():
    bottom = [m for m in MODULES if _rank(_package(m)) == 0 and m != "reformlab"]
    assert {"reformlab.errors", "reformlab.atomic", "reformlab.yamlio"} <= set(bottom)
    for module in bottom + [m for m in MODULES if _package(m) == "data"]:
        above = {t for t in GRAPH[module] if _rank(_package(t)) > 0 and _package(t) != _package(module)}
        assert not above, f"{module} imports {sorted(above)}"


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_no_import_cycles():
    new = [sorted(c) for c in _cycles(GRAPH) if c not in KNOWN_CYCLES]
    assert not new, f"import cycles: {new}"


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_unsafe_yaml_loading():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in ("yaml.load(", "yaml.unsafe_load", "yaml.full_load", "FullLoader", "UnsafeLoader"):
            if needle in text:
                offenders.append(f"{path.relative_to(SRC)}: {needle}")
    assert not offenders, offenders


def test_one_yaml_reader():
    """Only ``reformlab.yamlio`` parses YAML (with its alias, depth and size guards); everyone else calls it
    (writing YAML, as the web editor does, is not reading it)."""
    offenders = [str(path.relative_to(SRC)) for path in sorted(SRC.rglob("*.py"))
                 if path.name != "yamlio.py" and any(needle in path.read_text(encoding="utf-8")
                                                     for needle in ("safe_load", "yaml.compose", "yaml.parse", "SafeLoader(", "yaml.load"))]
    assert not offenders, offenders


def test_modules_stay_small():
    """Small modules, each about one idea: none over 400 lines (split by idea, never by squeezing lines)."""
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long
