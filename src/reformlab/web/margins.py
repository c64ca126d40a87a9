"""Margins: for each vote a decision needs, how many seats the camp holds against the votes required.

"The president passes it alone" says who wins; the margin says by how much: in the 2007 Majilis the
president's camp held every seat of 107 against the 72 that two thirds of the members need, a margin of 35.
Read from the engine's decision tree (its :class:`~reformlab.engine.Vote` leaves carry the body, the exact
quota and the seats by principal), so margins count exactly what control and power count.
"""

from __future__ import annotations

from reformlab.engine import AllOf, Alternatives, AnyOf, Unknown, Vote


def _votes(node, assumption: str | None = None):
    """``(assumption, node)`` for every vote and every unknown in the tree, with the reading it sits under."""
    if isinstance(node, (Vote, Unknown)):
        yield assumption, node
    elif isinstance(node, (AllOf, AnyOf)):
        for part in node.parts:
            yield from _votes(part, assumption)
    elif isinstance(node, Alternatives):
        yield assumption, node.gap
        for reading in node.readings:
            label = reading.assumption if assumption is None else f"{assumption}; {reading.assumption}"
            yield from _votes(reading.tree, label)


def margins(evaluation, decision_id: str, camp: tuple[str, ...] = ("president",)) -> list[dict]:
    """The camp's margin in every vote of one decision (seats held minus votes needed), and every fact the
    data leave unknown there (with ``margin`` None and the reason)."""
    decision = evaluation.decisions.get(decision_id)
    if decision is None:
        return []
    found = []
    for assumption, node in _votes(decision.tree):
        if isinstance(node, Unknown):
            found.append({"assumption": assumption, "role": None, "body": node.subject, "majority": None,
                          "strict": None, "base": None, "members": None, "needed": None, "held": None,
                          "margin": None, "unknown": node.reason, "gap": node.gap.value})
            continue
        held = sum(seats for principal, seats in node.seats if principal in camp)
        found.append({"assumption": assumption, "role": node.role, "body": node.body,
                      "majority": str(node.quota.majority), "strict": node.quota.strict, "base": node.quota.base,
                      "members": node.members, "needed": node.needed, "held": held, "margin": held - node.needed,
                      "unknown": None, "gap": None})
    return found
