"""Evaluate decision trees (:mod:`reformlab.engine.tree`) on many draws at once: can the camp pass, can
everyone else pass.

Each leaf is read against the camp's seats in each draw: a :class:`~reformlab.engine.tree.Vote` passes for
the camp when its seats reach the vote's exact quota (and for everyone else when the other seats do); any
member of a body, when the side holds one seat of it; the controller of a body, when the side holds more
than half of it (a body the draw does not fill, the APK, keeps its controller unless the draw flips it);
an actor outside every body is fixed. Both coalitions are monotone, so all-of / any-of combine leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reformlab.engine.tree import Actor, AllOf, AnyMember, AnyOf, Controller, Node, Vote


@dataclass(frozen=True)
class LeafInputs:
    """Per-draw facts the leaves read.

    Attributes:
        seats: body -> ``[n]`` camp seats.
        sizes: body -> seats in the body (the bodies the draw fills).
        flipped: assumed-controlled body -> ``[n]`` True where it has gone over to the opposition.
        draws: ``n``.
        camp: the camp's principals (an actor or a fixed controller in it passes for the camp).
    """

    seats: dict[str, np.ndarray]
    sizes: dict[str, int]
    flipped: dict[str, np.ndarray]
    draws: int
    camp: frozenset[str] = frozenset()


def leaf_inputs(model, seats: dict[str, np.ndarray], flipped: dict[str, np.ndarray]) -> LeafInputs:
    """The :class:`LeafInputs` of ``model`` for camp seats ``seats`` and controller flips ``flipped``."""
    draws = len(next(iter(seats.values()))) if seats else len(next(iter(flipped.values()), ()))
    return LeafInputs(seats, dict(model.sizes), flipped, draws, frozenset(model.camp))


def _key(leaf) -> tuple:
    """What a leaf's answer depends on (leaves differing only by role share one evaluation)."""
    if isinstance(leaf, Vote):
        return ("vote", leaf.body, leaf.needed)
    if isinstance(leaf, AnyMember):
        return ("member", leaf.body)
    if isinstance(leaf, Controller):
        return ("control", leaf.body, leaf.principal)
    if isinstance(leaf, Actor):
        return ("actor", leaf.name)
    raise ValueError(f"a {type(leaf).__name__} node is not a leaf the risk model evaluates")


def _fixed(in_camp: bool, inputs: LeafInputs) -> tuple[np.ndarray, np.ndarray]:
    camp = np.full(inputs.draws, in_camp)
    return camp, ~camp


def _leaf(leaf, inputs: LeafInputs) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(leaf, Actor):
        return _fixed(leaf.name in inputs.camp, inputs)
    body = leaf.body
    if isinstance(leaf, Controller) and body not in inputs.sizes:
        if body not in inputs.flipped:  # a body nobody simulates: its controller stays
            return _fixed(leaf.principal in inputs.camp, inputs)
        flipped = inputs.flipped[body]
        return ~flipped, flipped
    seats, size = inputs.seats[body], inputs.sizes[body]
    others = size - seats
    if isinstance(leaf, Vote):
        return seats >= leaf.needed, others >= leaf.needed
    if isinstance(leaf, AnyMember):
        return seats >= 1, others >= 1
    camp = 2 * seats > size  # the body's majority principal: the camp, or someone outside it (or nobody)
    return camp, ~camp


def evaluate_tree(tree: Node, inputs: LeafInputs, cache: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(camp_wins, others_win)``: ``[n]`` bools, whether the camp alone, and whether the coalition of all
    outside the camp, satisfies the plain, simplified ``tree`` in each draw. ``cache`` memoises leaves
    shared between trees."""
    if isinstance(tree, (AllOf, AnyOf)):
        parts = [evaluate_tree(child, inputs, cache) for child in tree.parts]
        combine = np.logical_and.reduce if isinstance(tree, AllOf) else np.logical_or.reduce
        return combine([p[0] for p in parts]), combine([p[1] for p in parts])
    key = _key(tree)
    if key not in cache:
        cache[key] = _leaf(tree, inputs)
    return cache[key]
