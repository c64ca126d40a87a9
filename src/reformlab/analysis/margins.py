"""Margins of control read off a decision tree: seats held against seats needed, and the fewest seats that
must change hands to flip who controls the decision, with a witness.

A coalition ``camp`` (a set of principals) is read against everyone else. On a plain tree:

* ``surplus(tree, camp)``: seats beyond (positive) or short of (negative) the quota on the camp's best route
  to pass alone: a vote counts the camp's seats less the quota; all-of takes the least, any-of the most;
  a controller or actor the camp holds never binds, one it does not hold can never be won by seats (None).
* ``flip``: the fewest seats moving between the camp and the rest that change the camp's control level
  (2 passes alone, 1 veto, 0 none): moving ``k`` seats of a body changes every vote of that body by ``k``,
  so an any-of of votes in one body needs the largest of their costs, votes in different bodies the sum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reformlab.engine.tree import Actor, AllOf, Always, AnyMember, AnyOf, Controller, Never, Node, Vote

INF = math.inf


def _held(seats, camp) -> int:
    return sum(n for principal, n in seats if principal in camp)


def surplus(tree: Node, camp) -> float:
    """Seats beyond (>= 0) or short of (< 0) the quota for ``camp`` to pass ``tree`` alone; ``inf`` /
    ``-inf`` where seats do not decide (a controller held / not held)."""
    if isinstance(tree, Vote):
        return _held(tree.seats, camp) - tree.needed
    if isinstance(tree, AnyMember):
        return 0 if set(tree.members) & set(camp) else -INF
    if isinstance(tree, Controller):
        return INF if tree.principal in camp else -INF
    if isinstance(tree, Actor):
        return INF if tree.name in camp else -INF
    if isinstance(tree, Always):
        return INF
    if isinstance(tree, Never):
        return -INF
    if isinstance(tree, AllOf):
        return min(surplus(part, camp) for part in tree.parts)
    if isinstance(tree, AnyOf):
        return max(surplus(part, camp) for part in tree.parts)
    raise ValueError(f"a {type(tree).__name__} node has no margin; read Decision.trees")


def _merge(costs: list[dict | None], combine) -> dict | None:
    if any(cost is None for cost in costs):
        return None
    merged: dict[str, int] = {}
    for cost in costs:
        for body, seats in cost.items():
            merged[body] = combine(merged.get(body, 0), seats)
    return merged


def _total(cost: dict | None) -> float:
    return INF if cost is None else sum(cost.values())


def gain(tree: Node, camp) -> dict[str, int] | None:
    """Seats per body the camp must win from the rest so that it passes ``tree`` alone (None: seats
    cannot do it; ``{}``: it already does)."""
    if isinstance(tree, Vote):
        short = tree.needed - _held(tree.seats, camp)
        return {tree.body: short} if short > 0 else {}
    if isinstance(tree, (AllOf,)):
        return _merge([gain(part, camp) for part in tree.parts], max)
    if isinstance(tree, AnyOf):
        return min((gain(part, camp) for part in tree.parts), key=_total)
    return {} if surplus(tree, camp) >= 0 else None


def lose(tree: Node, camp) -> dict[str, int] | None:
    """Seats per body the camp must lose to the rest so that it no longer passes ``tree`` alone (None:
    seats cannot do it; ``{}``: it does not pass now)."""
    if isinstance(tree, Vote):
        spare = _held(tree.seats, camp) - tree.needed
        return {tree.body: spare + 1} if spare >= 0 else {}
    if isinstance(tree, AllOf):
        return min((lose(part, camp) for part in tree.parts), key=_total)
    if isinstance(tree, AnyOf):
        return _merge([lose(part, camp) for part in tree.parts], max)
    return {} if surplus(tree, camp) < 0 else None


def _others(tree: Node, camp) -> set[str]:
    from reformlab.engine.tree import leaves

    found = set()
    for leaf in leaves(tree):
        if isinstance(leaf, Vote):
            found |= {p for p, _ in leaf.seats}
        elif isinstance(leaf, AnyMember):
            found |= set(leaf.members)
        elif isinstance(leaf, Controller):
            found.add(leaf.principal)
        else:
            found.add(leaf.name)
    return found - set(camp)


def level(tree: Node, camp) -> int:
    """2: the camp passes ``tree`` alone; 1: it can block (the rest cannot pass without it); 0: neither."""
    if surplus(tree, camp) >= 0:
        return 2
    others = _others(tree, camp)
    return 1 if surplus(tree, others) < 0 else 0


@dataclass(frozen=True)
class Margin:
    """The camp's control of one decision reading, and what it would take to flip it.

    Attributes:
        level: 2 passes alone, 1 veto, 0 none.
        surplus: seats beyond (>= 0) or short of the quota on the camp's best route (None: seats do not decide).
        held: per body voting, ``((seats the camp holds, seats needed, members), ...)``, one per quota there.
        flip: the fewest seats changing hands that change ``level`` (None: no number of seats does).
        witness: those seats per body, and the level they lead to.
    """

    level: int
    surplus: int | None
    held: dict[str, tuple[tuple[int, int, int], ...]]
    flip: int | None
    witness: dict[str, int]
    to_level: int | None

    def to_dict(self) -> dict:
        return {"level": self.level, "surplus": self.surplus, "flip": self.flip, "witness": self.witness,
                "to_level": self.to_level, "held": {b: [list(e) for e in v] for b, v in self.held.items()}}


def margin(tree: Node, camp=("president",)) -> Margin:
    """The :class:`Margin` of ``camp`` on one plain decision tree (a reading of :attr:`Decision.trees`)."""
    from reformlab.engine.tree import leaves

    camp = set(camp)
    current = level(tree, camp)
    others = _others(tree, camp)
    options: list[tuple[dict | None, int]] = []
    if current == 2:
        options.append((lose(tree, camp), 1 if surplus(tree, others) < 0 else 0))
    elif current == 1:
        options += [(gain(tree, camp), 2), (gain(tree, others), 0)]
    else:
        options.append((lose(tree, others), 1))
    options = [(cost, to) for cost, to in options if cost]
    best = min(options, key=lambda o: _total(o[0]), default=(None, None))
    held: dict[str, tuple[tuple[int, int, int], ...]] = {}
    for leaf in leaves(tree):
        if isinstance(leaf, Vote):
            entry = (_held(leaf.seats, camp), leaf.needed, leaf.members)
            held[leaf.body] = tuple(sorted(set(held.get(leaf.body, ()) + (entry,)), key=lambda e: e[1]))
    value = surplus(tree, camp)
    return Margin(current, None if math.isinf(value) else int(value), held,
                  None if best[0] is None else int(_total(best[0])), dict(best[0] or {}), best[1])


def decision_margins(evaluation, camp=("president",)) -> dict[str, Margin]:
    """``{decision key: Margin}`` for every reading of every decision of ``evaluation`` that is a game
    (a decision nobody's agreement is needed for, or none can make, has no margin)."""
    from reformlab.engine.tree import decision_key

    found = {}
    for decision in evaluation.decisions.values():
        for assumption, tree in decision.trees:
            if not isinstance(tree, (Always, Never)):
                found[decision_key(decision.id, assumption)] = margin(tree, camp)
    return found


def margin_text(m: Margin | None) -> str:
    """``-1 (1 seat flips it)``: the seats beyond or short of the quota, and the fewest that flip control."""
    if m is None:
        return "–"
    head = "seats do not decide" if m.surplus is None else f"{m.surplus:+d}"
    return head + ("" if m.flip is None else f" ({m.flip} seat{'s' if m.flip != 1 else ''} flip{'s' if m.flip == 1 else ''} it)")
