"""Amendments as named patches: apply any set of a package's amendments, and check that they cover the package.

An amendment (:class:`~reformlab.process.schema.Amendment`) names the paths it touches, seat groups by id
(``bodies.majilis.seat_groups.list.seats``). :func:`amendments_reform` turns a set of amendments into an
ordinary :class:`~reformlab.model.Reform` on the package's ``before`` version, each path set to its value in
the ``after`` version (added where ``before`` lacks it, removed where ``after`` lacks it), with the ``after``
version's article and sources. So "the 2007 package without the First-President exemption" or "the 1998
text plus only the new Senate" are one call, and applying all amendments reproduces the package
(:func:`package_coverage` checks that nothing in the package is left out).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model import Constitution, Patch, Reform, apply, diff, load_builtin
from reformlab.model.tree import CONTENT, join_path, split_path, to_tree
from reformlab.process.schema import Process

_ABSENT = object()


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


def _value(tree: Any, path: list) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def amendments_reform(process: Process, ids, *, onto: str = "before", label: str | None = None) -> Reform:
    """A reform applying the amendments ``ids`` (in the package's order) to the package's ``before`` version, or,
    with ``onto="after"``, taking them out of the ``after`` version (each path set back to its earlier value)."""
    if onto not in ("before", "after"):
        raise ReformlabError(f"onto must be 'before' or 'after', not {onto!r}", field="onto")
    ids = list(dict.fromkeys(ids))
    unknown = [i for i in ids if i not in {a.id for a in process.amendments}]
    if unknown:
        raise unknown_name("amendment", unknown[0], [a.id for a in process.amendments], field="amendments")
    versions = package_versions(process.constitution, process.package.before, process.package.after)
    start, goal = versions if onto == "before" else versions[::-1]
    working, target = content_tree(start), content_tree(goal)
    changes = []
    for amendment in (a for a in process.amendments if a.id in ids):
        for path in amendment.paths:
            patch = _patch_for(working, target, goal, path)
            if patch is not None:
                changes.append(patch)
    prefix = "" if onto == "before" else "without:"
    return Reform(reform=prefix + ("+".join(ids) or "none"), base=process.constitution, date=start.as_of,
                  label=label or prefix + ", ".join(ids), changes=tuple(changes) or (_noop(start),))


def _noop(before: Constitution) -> Patch:
    """An empty amendment set as a reform that changes nothing (a reform needs one change)."""
    return Patch(op="set", path="party_rules", value=to_tree(before.party_rules))


def _patch_for(working: dict, target: dict, goal: Constitution, path: str) -> Patch | None:
    """The patch making ``path`` in ``working`` what it is in ``target``; ``working`` is updated to match."""
    here, there = index_path(working, path), index_path(target, path)
    if here is None and there is None:
        raise ReformlabError(f"amendment path {path!r} exists in neither version of the package",
                             field="amendments.paths", fix="check the path against `reformlab show`")
    if there is None:
        parent = _value(working, here[:-1])
        del parent[here[-1]]
        return Patch(op="remove", path=join_path(here))
    value = copy.deepcopy(_value(target, there))
    ref = goal.ref(join_path(there))
    reference = {"article": None if ref is None else ref.article,
                 "source": None if ref is None or not ref.sources else ref.sources}
    if here is None:
        parent_path = index_path(working, join_path(split_path(path)[:-1]))
        if parent_path is None:
            raise ReformlabError(f"cannot add {path!r}: its parent does not exist before the package",
                                 field="amendments.paths", fix="name the parent path instead")
        parent = _value(working, parent_path)
        if isinstance(parent, list):
            parent.append(value)
            return Patch(op="add", path=join_path(parent_path + ["-"]), value=value, **reference)
        parent[split_path(path)[-1]] = value
        return Patch(op="add", path=join_path(parent_path + [split_path(path)[-1]]), value=value, **reference)
    parent = _value(working, here[:-1])
    parent[here[-1]] = value
    return Patch(op="set", path=join_path(here), value=value, **reference)


def apply_amendments(process: Process, ids, *, onto: str = "before") -> Constitution:
    """The package's ``before`` version with only the amendments ``ids`` applied, or (``onto="after"``) the
    ``after`` version without them (validated)."""
    versions = package_versions(process.constitution, process.package.before, process.package.after)
    return apply(versions[0] if onto == "before" else versions[1], amendments_reform(process, ids, onto=onto))


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
