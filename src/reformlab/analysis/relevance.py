"""Which parts of a constitution a decision reads: the procedure, the bodies it names, and the bodies those
are filled from, followed through the references in the data.

Attribution evaluates a reform's amendments over their subsets; an amendment that touches nothing a
decision reads cannot change it, so its subsets need not be evaluated for that decision. What a decision
reads is read off the constitution's own tree: every string in a procedure or a body that names another
body or actor is an edge, and the decision reads everything it reaches. Nothing here names a country's
institutions.
"""

from __future__ import annotations

from collections.abc import Iterable

from reformlab.model.constitution import Constitution
from reformlab.model.tree import CONTENT, split_path, to_tree


NOT_READ = ("label", "note", "term_years", "max_consecutive_terms", "max_terms", "exempt", "min_age", "max_age")
"""Fields of a body that describe it or say who may hold it and for how long. No decision is built from
them (a decision reads who sits in the bodies and how they vote), so a change to one is a unit of its own
that no decision reads: the First President's exemption from the term limit changes his tenure, not the
votes of any procedure. (A property test checks this against full evaluation.)"""


def node_of(path: str) -> str:
    """The unit a path belongs to: ``bodies.majilis.seat_groups.0.seats`` -> ``bodies.majilis``, and
    ``bodies.president.term_years`` -> itself (see :data:`NOT_READ`)."""
    parts = [str(p) for p in split_path(path)]
    if len(parts) > 2 and parts[0] == "bodies" and parts[2] in NOT_READ:
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def decision_node(decision_id: str) -> str:
    """The unit a decision is defined in: a procedure, or for ``appoint:BODY.GROUP`` the appointed body."""
    if decision_id.startswith("appoint:"):
        return "bodies." + decision_id.removeprefix("appoint:").split(".")[0]
    return "procedures." + decision_id


def reference_graph(constitution: Constitution) -> dict[str, set[str]]:
    """``{unit: units it names}`` for every body, actor and procedure of ``constitution``."""
    trees = {name: to_tree(getattr(constitution, name)) for name in CONTENT}
    names: dict[str, str] = {}
    for section in ("bodies", "actors"):
        if isinstance(trees.get(section), dict):
            for key in trees[section]:
                names.setdefault(str(key), f"{section}.{key}")
    every = _all_nodes(trees)
    graph: dict[str, set[str]] = {}
    for section in ("bodies", "actors", "procedures"):
        items = trees.get(section)
        if not isinstance(items, dict):
            continue
        for key, subtree in items.items():
            node = f"{section}.{key}"
            if section == "bodies" and isinstance(subtree, dict):
                subtree = {k: v for k, v in subtree.items() if k not in NOT_READ}
            graph[node] = {names[s] for s in _strings(subtree) if s in names and names[s] != node}
            if section == "bodies" and f"actors.{key}" in every:
                graph[node].add(f"actors.{key}")
            if section == "actors" and f"bodies.{key}" in every:
                graph[node].add(f"bodies.{key}")
    return graph


def reads(decision_id: str, graphs: Iterable[dict[str, set[str]]]) -> frozenset[str]:
    """Every unit ``decision_id`` reads in any of the versions whose ``graphs`` are given."""
    merged: dict[str, set[str]] = {}
    for graph in graphs:
        for node, targets in graph.items():
            merged.setdefault(node, set()).update(targets)
    start = decision_node(decision_id)
    found, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node in found:
            continue
        found.add(node)
        todo.extend(merged.get(node, ()))
    return frozenset(found)


def _all_nodes(trees: dict) -> set[str]:
    return {f"{section}.{key}" for section in ("bodies", "actors", "procedures")
            if isinstance(trees.get(section), dict) for key in trees[section]}


def _strings(node) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("label", "note"):
                continue  # free text: a body's name in it is no reference
            if isinstance(key, str):
                yield key
            yield from _strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _strings(value)
