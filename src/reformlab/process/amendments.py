"""The process's amendments: apply any set of them, and check that they cover the package.

A process amendment (:class:`~reformlab.process.schema.Amendment`) is an amendment of the shipped package
(``package.reform``, a reform file written amendment by amendment), by its own id or its ``in_package``: the
process counts the nine APK seats apart, the package writes them with the Majilis of 107. Applying a set of
them applies those amendments of the package with their prerequisites
(:func:`reformlab.model.amendments.apply_subset`, the one way amendments are applied); taking them out of
the ``after`` version applies every other amendment but those that cannot stand without them. So "the 2007
package without the First-President exemption" or "the 1998 text plus only the new Senate" are one call.

The amendment's ``paths`` name what it touches in the resolved constitution, seat groups by id
(``bodies.majilis.seat_groups.list.seats``): :func:`package_coverage` matches every difference of the two
versions to the amendment (or listed non-amendment) accounting for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model import Constitution, Reform, diff, load_builtin
from reformlab.model.amendments import apply_subset
from reformlab.model.tree import CONTENT, join_path, split_path, to_tree
from reformlab.process.schema import Process

@lru_cache(maxsize=8)
def package_versions(constitution: str, before, after) -> tuple[Constitution, Constitution]:
    """The versions just before and after the package (built-in constitutions, cached)."""
    document = load_builtin(constitution)
    return document.as_of(before), document.as_of(after)


def content_tree(constitution: Constitution) -> dict:
    """The constitution's content (actors, bodies, procedures, party rules) as one plain tree."""
    return {name: to_tree(getattr(constitution, name)) for name in CONTENT}


def index_path(tree: Any, path: str) -> list | None:
    """``path`` with list items addressed by id turned into indices in ``tree``; None if it does not exist there.

    >>> index_path({"b": {"groups": [{"id": "x"}, {"id": "y", "n": 1}]}}, "b.groups.y.n")
    ['b', 'groups', 1, 'n']
    """
    node, found = tree, []
    for part in split_path(path):
        if isinstance(node, dict) and part in node:
            found.append(part)
            node = node[part]
        elif isinstance(node, list):
            index = _item_index(node, part)
            if index is None:
                return None
            found.append(index)
            node = node[index]
        else:
            return None
    return found


def id_path(tree: Any, path: str) -> str:
    """The inverse of :func:`index_path`: list indices of items that carry an ``id`` replaced by the id."""
    node, parts = tree, []
    for part in split_path(path):
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            item = node[part]
            parts.append(item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else part)
            node = item
        elif isinstance(node, dict) and part in node:
            parts.append(part)
            node = node[part]
        else:
            parts.append(part)
            node = None
    return join_path(parts)


def _item_index(items: list, part: Any) -> int | None:
    if isinstance(part, int):
        return part if part < len(items) else None
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == part:
            return index
    return None


@lru_cache(maxsize=8)
def package_of(reform: str, folder: Path | None = None) -> Reform:
    """The reform ``reform`` names: a shipped one (``data/reforms/<id>.yaml``), or a reform file (``.yaml``)
    relative to ``folder`` (the process file's)."""
    from reformlab.model.amendments import builtin_packages

    if reform.endswith((".yaml", ".yml")):
        from reformlab.model.reform import load_reform

        return load_reform((folder or Path()) / reform)
    packages = {p.reform: p for p in builtin_packages()}
    if reform not in packages:
        raise unknown_name("reform", reform, sorted(packages), field="package.reform",
                           fix="name a shipped reform written amendment by amendment (data/reforms/), or a reform file")
    return packages[reform]


def process_package(process: Process) -> Reform:
    """The package as its reform file (``package.reform``) writes it, amendment by amendment.

    Raises:
        ReformlabError: the process names no reform file, or one that does not exist.
    """
    if process.package.reform is None:
        raise ReformlabError("the process names no reform file for its package", field="package.reform",
                             fix="name the reform written amendment by amendment, e.g. reform: kz-2007-05-21")
    return package_of(process.package.reform, Path(process.file).parent if process.file else None)


def package_subset(process: Process, ids, *, onto: str = "before") -> tuple[str, ...]:
    """The amendments of :func:`process_package` that make the process amendments ``ids`` (each its own id
    or its ``in_package``): with their prerequisites (``onto="before"``), or, with ``onto="after"``, every
    amendment of the package but those and the ones that cannot stand without them."""
    if onto not in ("before", "after"):
        raise ReformlabError(f"onto must be 'before' or 'after', not {onto!r}", field="onto")
    ids = list(dict.fromkeys(ids))
    known = {a.id: a for a in process.amendments}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise unknown_name("amendment", unknown[0], list(known), field="amendments")
    package = process_package(process)
    needs = {a.id: set(a.depends_on) for a in package.amendments}
    chosen = {known[i].package_id for i in ids}
    missing = sorted(chosen - set(needs))
    if missing:
        raise unknown_name("amendment", missing[0], sorted(needs), field="amendments.in_package",
                           problem=f"the package {package.reform!r} has no amendment {missing[0]!r}",
                           fix="name the package's amendment in 'in_package'")

    def close(found: set[str], step) -> set[str]:
        todo = list(found)
        while todo:
            for other in step(todo.pop()):
                if other not in found:
                    found.add(other)
                    todo.append(other)
        return found

    if onto == "before":
        keep = close(set(chosen), lambda i: needs[i])
    else:
        dropped = close(set(chosen), lambda i: [j for j, n in needs.items() if i in n])
        keep = set(needs) - dropped
    return tuple(a.id for a in package.amendments if a.id in keep)


def apply_amendments(process: Process, ids, *, onto: str = "before") -> Constitution:
    """The package's ``before`` version with only the amendments ``ids`` applied (with their prerequisites),
    or (``onto="after"``) the ``after`` version without them (and what cannot stand without them): the
    package's own amendments (:func:`reformlab.model.amendments.apply_subset`), validated. The ``after`` version
    without them is dated as the ``after`` version (the scenario of that date fills it)."""
    before, after = package_versions(process.constitution, process.package.before, process.package.after)
    made = apply_subset(before, process_package(process), package_subset(process, ids, onto=onto))
    return made if onto == "before" else made.model_copy(update={"as_of": after.as_of})


def prerequisites(process: Process, ids) -> tuple[str, ...]:
    """The package's amendments that ``ids`` cannot stand without and do not make themselves (the party-list
    Majilis for the imperative mandate): the base from which their own effect is read."""
    known = {a.id: a for a in process.amendments}
    own = {known[i].package_id for i in ids if i in known}
    return tuple(i for i in package_subset(process, ids) if i not in own)


def apply_prerequisites(process: Process, ids) -> Constitution:
    """The package's ``before`` version with only the :func:`prerequisites` of ``ids`` applied."""
    before, _ = package_versions(process.constitution, process.package.before, process.package.after)
    return apply_subset(before, process_package(process), prerequisites(process, ids))


@dataclass(frozen=True)
class Coverage:
    """How the package's differences map to amendments.

    Attributes:
        by_amendment: amendment id -> the differences (id paths) it accounts for.
        not_amendments: the differences listed as not amendments (the earlier value unknown in the data).
        uncovered: differences neither an amendment nor a listed non-amendment accounts for (should be none).
        unused: amendment paths that match no difference (should be none).
    """

    by_amendment: dict[str, list[str]]
    not_amendments: list[str]
    uncovered: list[str]
    unused: list[str]


def _covers(prefix: str, path: str) -> bool:
    return path == prefix or path.startswith(prefix + ".") or prefix.startswith(path + ".")


def package_coverage(process: Process) -> Coverage:
    """Match every difference between the package's two versions to the amendment (or non-amendment) covering it."""
    before, after = package_versions(process.constitution, process.package.before, process.package.after)
    trees = {"before": content_tree(before), "after": content_tree(after)}
    by_amendment: dict[str, list[str]] = {a.id: [] for a in process.amendments}
    listed, uncovered, used = [], [], set()
    for change in diff(before, after):
        path = id_path(trees["before" if change.shape == "removed" else "after"], change.path)
        owners = [(a.id, p) for a in process.amendments for p in a.paths if _covers(p, path)]
        if owners:
            for owner, prefix in owners:
                by_amendment[owner].append(path)
                used.add(prefix)
        elif any(_covers(item.path, path) for item in process.not_amendments):
            listed.append(path)
        else:
            uncovered.append(path)
    unused = [p for a in process.amendments for p in a.paths if p not in used]
    return Coverage(by_amendment, listed, uncovered, unused)
