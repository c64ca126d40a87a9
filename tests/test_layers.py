"""Lower layers never import upper ones (read from the source, so it holds for lazy imports too)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reformlab"

# layer -> packages it must never import
FORBIDDEN = {
    "electoral": {"model", "engine", "analysis", "report", "cli", "commands", "games"},
    "games": {"model", "engine", "analysis", "report", "cli", "commands", "electoral"},
    "model": {"engine", "analysis", "report", "cli", "commands"},
    "engine": {"analysis", "report", "cli", "commands"},
    "analysis": {"report", "cli", "commands"},
    "report": {"cli", "commands"},
    "data": {"model", "engine", "analysis", "report", "cli", "commands", "games"},
}
#: The bottom layer: imports nothing of reformlab but itself.
BOTTOM = ("errors", "atomic", "yamlio")


def _imported_reformlab_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "reformlab" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_lower_layers(layer):
    offenders = []
    for path in sorted((SRC / layer).rglob("*.py")):
        bad = _imported_reformlab_packages(path) & FORBIDDEN[layer]
        if bad:
            offenders.append(f"{path.relative_to(SRC)} imports {sorted(bad)}")
    assert not offenders, "layering broken:\n" + "\n".join(offenders)


def test_no_unsafe_yaml_loading():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in ("yaml.load(", "yaml.unsafe_load", "yaml.full_load", "FullLoader", "UnsafeLoader"):
            if needle in text:
                offenders.append(f"{path.relative_to(SRC)}: {needle}")
    assert not offenders, offenders


@pytest.mark.parametrize("module", BOTTOM)
def test_the_bottom_layer_imports_only_itself(module):
    assert _imported_reformlab_packages(SRC / f"{module}.py") <= set(BOTTOM)


def test_one_yaml_reader():
    """Only ``reformlab.yamlio`` parses YAML (with its alias, depth and size guards); everyone else calls it."""
    offenders = [str(path.relative_to(SRC)) for path in sorted(SRC.rglob("*.py"))
                 if path.name != "yamlio.py" and any(needle in path.read_text(encoding="utf-8")
                                                     for needle in ("import yaml", "yaml.safe_load", "yaml.compose"))]
    assert not offenders, offenders


def _module_imports(path: Path) -> set[str]:
    """The reformlab modules ``path`` imports at run time (imports under ``if TYPE_CHECKING:`` never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("reformlab.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("reformlab."):
            found.add(node.module)
    return found


def test_no_import_cycles_between_modules():
    """No two modules import each other, even lazily (``model/loader.py`` and ``model/reform.py`` once did)."""
    graph = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = _module_imports(path)
    cycles = sorted(f"{a} <-> {b}" for a, targets in graph.items() for b in targets
                    if a < b and a in graph.get(b, ()) and not a.startswith(b + ".") and not b.startswith(a + "."))
    assert not cycles, cycles
