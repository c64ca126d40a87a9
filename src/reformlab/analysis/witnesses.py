"""Witness coalitions for large decision games, found over player *types* instead of all coalitions.

Players with the same weight in every weighted vote of a game, and the same place in its AND / OR
structure, are interchangeable (the 18 independents and the two one-seat parties of the 2004 Majilis).
Whether a coalition wins then depends only on how many players of each type it holds, so the smallest
winning coalition and the minimal winning coalitions can be found over the (few) type-count vectors,
exactly, even where the 2^n coalitions are far too many to enumerate.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from reformlab.games import AndGame, Game, OrGame, WeightedGame

MAX_VECTORS = 1 << 20


def _leaves(game: Game) -> list[WeightedGame] | None:
    if isinstance(game, WeightedGame):
        return [game]
    if isinstance(game, (AndGame, OrGame)):
        found = []
        for sub in game.games:
            leaves = _leaves(sub)
            if leaves is None:
                return None
            found.extend(leaves)
        return found
    return None


def player_types(game: Game) -> list[tuple[str, ...]] | None:
    """Groups of interchangeable players (by weight in every weighted leaf), or None for other games."""
    leaves = _leaves(game)
    if leaves is None:
        return None
    groups: dict[tuple, list[str]] = {}
    for player in game.players:
        signature = tuple(leaf.weights.get(player, 0) for leaf in leaves)
        groups.setdefault(signature, []).append(player)
    return [tuple(members) for members in groups.values()]


def _coalitions(game: Game, types, vectors) -> np.ndarray:
    index = {name: i for i, name in enumerate(game.players)}
    matrix = np.zeros((len(vectors), len(game.players)), dtype=bool)
    for row, vector in enumerate(vectors):
        for members, count in zip(types, vector):
            for name in members[:count]:
                matrix[row, index[name]] = True
    return matrix


def describe(types, vector) -> tuple[str, ...]:
    """A coalition named by type counts: whole types by their members, partial ones as ``k of (...)``."""
    parts = []
    for members, count in zip(types, vector):
        if count == len(members):
            parts.extend(members)
        elif count:
            parts.append(f"any {count} of ({', '.join(members)})")
    return tuple(parts)


def typed_witnesses(game: Game, max_witnesses: int = 12):
    """``(smallest, minimal)`` winning coalitions described by type counts, or None when not applicable.

    ``smallest`` is a winning coalition with the fewest players; ``minimal`` lists minimal winning
    type-count vectors (a coalition wins, and loses if any one member leaves), up to ``max_witnesses``.
    """
    types = player_types(game)
    if types is None or math.prod(len(t) + 1 for t in types) > MAX_VECTORS:
        return None
    vectors = list(itertools.product(*[range(len(t) + 1) for t in types]))
    wins = game.wins(_coalitions(game, types, vectors))
    winning = {v for v, w in zip(vectors, wins) if w}
    if not winning:
        return None, ()
    smallest = min(winning, key=lambda v: (sum(v), v))
    minimal = []
    for vector in sorted(winning, key=lambda v: (sum(v), v)):
        lesser = [vector[:i] + (vector[i] - 1,) + vector[i + 1:] for i in range(len(vector)) if vector[i]]
        if all(v not in winning for v in lesser):
            minimal.append(describe(types, vector))
            if len(minimal) >= max_witnesses:
                break
    return describe(types, smallest), tuple(minimal)
