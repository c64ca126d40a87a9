"""Every package the code imports is declared in pyproject.toml (read from the source, lazy imports too).

A plain ``pip install .`` must run everything but the optional extras: a third-party import is either a
declared dependency, or belongs to an extra and is imported inside a ``try`` that turns ``ImportError``
into a message with the fix (or later in the same function as such a guarded import). A layer that only an
extra serves (:data:`OPTIONAL_LAYERS`: the web app) imports its extra freely, and everyone else imports that
layer under the same guard. ``.ci/run`` also installs the package alone in a fresh environment and runs
the CLI, which catches what this test cannot see (a dependency's own missing dependency).
"""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "reformlab"


def _name(requirement: str) -> str:
    """``"dask[distributed]>=2024.1"`` -> ``"dask"``, normalised as in PEP 503."""
    return _normal(re.match(r"[A-Za-z0-9._-]+", requirement).group(0))


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


#: reformlab sub-packages that only an extra serves -> that extra
OPTIONAL_LAYERS = {"web": "web"}


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {_name(r) for r in project["dependencies"]}
    extras = {group: {_name(r) for r in names} for group, names in project.get("optional-dependencies", {}).items()}
    return core, extras


def _catches_import_error(node: ast.Try) -> bool:
    names = set()
    for handler in node.handlers:
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        names |= {kind.id for kind in kinds if isinstance(kind, ast.Name)}
    return bool(names & {"ImportError", "ModuleNotFoundError"})


def _imports(path: Path):
    """``(module, line, guarded)`` for every absolute import (``module``: the top-level name, or
    ``reformlab.<layer>``); guarded = inside a ``try`` that catches ImportError, or after such an import of
    the same module in the same function."""
    found = []

    def name(module: str) -> str:
        parts = module.split(".")
        return ".".join(parts[:2]) if parts[0] == "reformlab" and len(parts) > 1 else parts[0]

    def visit(node: ast.AST, guarded: bool, seen: set) -> None:
        modules = []
        if isinstance(node, ast.Import):
            modules = [name(alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [name(node.module)]
        for module in modules:
            found.append((module, node.lineno, guarded or module in seen))
            if guarded:
                seen.add(module)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            seen = set()
        inner = guarded or (isinstance(node, ast.Try) and _catches_import_error(node))
        for child in ast.iter_child_nodes(node):
            visit(child, inner, seen)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), False, set())
    return found


def test_every_import_is_declared():
    core, groups = _declared()
    extras = set().union(*groups.values())
    distributions = importlib.metadata.packages_distributions()
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        layer = path.relative_to(SRC).parts[0]
        allowed = core | groups.get(OPTIONAL_LAYERS.get(layer, ""), set())
        for module, line, guarded in _imports(path):
            where = f"{path.relative_to(ROOT)}:{line} imports {module}"
            if module.startswith("reformlab."):
                optional = module.split(".")[1] in OPTIONAL_LAYERS and module.split(".")[1] != layer
                if optional and not guarded:
                    problems.append(f"{where} (a layer of an extra) outside a try/except ImportError")
                continue
            if module in sys.stdlib_module_names or module == "reformlab" or module == "__future__":
                continue
            names = {_normal(d) for d in distributions.get(module, ())}
            if not names:
                problems.append(f"{where}, which is not installed here: declare its distribution")
            elif names & allowed:
                continue
            elif names & extras and guarded:
                continue
            elif names & extras:
                problems.append(f"{where} (an extra) outside a try/except ImportError that gives the fix")
            else:
                problems.append(f"{where} ({', '.join(sorted(names))}), not declared in pyproject.toml")
    assert not problems, "\n".join(problems)


def test_the_framework_is_used_through_its_public_api_only():
    """typer vendors click since 0.26; the CLI imports neither click nor typer's private modules."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted(SRC.rglob("*.py"))
        for module, line, _ in _imports(path)
        if module == "click"
    ]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")))
    offenders += [f"uses {name}" for name in ("typer._click", "typer.core", "typer.main.") if name in text]
    assert not offenders, offenders
