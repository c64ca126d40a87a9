"""Evaluate compiled decision trees on many draws at once: can the camp pass, can everyone else pass."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LeafInputs:
    """Per-draw facts the leaves read.

    Attributes:
        seats: body -> ``[n]`` camp seats.
        sizes: body -> seats in the body.
        flipped: assumed-controlled body -> ``[n]`` True where it has gone over to the opposition.
        draws: ``n``.
    """

    seats: dict[str, np.ndarray]
    sizes: dict[str, int]
    flipped: dict[str, np.ndarray]
    draws: int


def leaf_inputs(model, seats: dict[str, np.ndarray], flipped: dict[str, np.ndarray]) -> LeafInputs:
    """The :class:`LeafInputs` of ``model`` for camp seats ``seats`` and controller flips ``flipped``."""
    draws = len(next(iter(seats.values()))) if seats else len(next(iter(flipped.values()), ()))
    return LeafInputs(seats, dict(model.sizes), flipped, draws)


def _leaf(leaf: tuple, inputs: LeafInputs) -> tuple[np.ndarray, np.ndarray]:
    kind = leaf[0]
    if kind == "fixed":
        camp = np.full(inputs.draws, bool(leaf[1]))
        return camp, ~camp
    body = leaf[1]
    if kind == "control" and body not in inputs.sizes:
        flipped = inputs.flipped[body]
        return ~flipped, flipped
    seats, size = inputs.seats[body], inputs.sizes[body]
    others = size - seats
    if kind == "vote":
        quota = leaf[2]
        return seats >= quota, others >= quota
    if kind == "member":
        return seats >= 1, others >= 1
    if kind == "control":  # the body's majority principal: the camp, or someone outside it (or nobody)
        camp = 2 * seats > size
        return camp, ~camp
    raise ValueError(f"unknown leaf kind {kind!r}")


def evaluate_tree(tree: tuple, inputs: LeafInputs, cache: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(camp_wins, others_win)``: ``[n]`` bools, whether the camp alone, and whether the coalition of all
    outside the camp, satisfies ``tree`` in each draw. ``cache`` memoises leaves shared between trees."""
    kind = tree[0]
    if kind in ("and", "or"):
        parts = [evaluate_tree(child, inputs, cache) for child in tree[1]]
        combine = np.logical_and.reduce if kind == "and" else np.logical_or.reduce
        return combine([p[0] for p in parts]), combine([p[1] for p in parts])
    if tree not in cache:
        cache[tree] = _leaf(tree, inputs)
    return cache[tree]
