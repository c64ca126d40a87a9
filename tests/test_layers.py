"""Lower layers never import upper ones (read from the source, so it holds for lazy imports too)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reformlab"

# layer -> packages it must never import
FORBIDDEN = {
    "electoral": {"model", "engine", "analysis", "report", "cli", "commands", "games"},
    "games": {"model", "engine", "analysis", "report", "cli", "commands", "electoral"},
    "model": {"engine", "analysis", "report", "web", "cli", "commands"},
    "engine": {"analysis", "report", "web", "cli", "commands"},
    "analysis": {"report", "web", "cli", "commands"},
    "report": {"web", "cli", "commands"},
    "web": {"cli", "commands"},
}


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
