"""Exact counting for AND / OR / at-least-k compositions of weighted clauses, over player types.

A *rule* is a tree of :class:`Clause` leaves (one integer weight per player and a quota) joined by
:class:`AllOf`, :class:`AnyOf` and :class:`AtLeast`. Three exact paths, cheapest first:

* **one weight and head counts**: when every clause either weighs all players equally (a head count) or is
  a multiple of one common weight vector, the rule is a size-threshold game
  (:mod:`reformlab.games.counting.size_thresholds`) -- the EU Council with its blocking minority is one;
* **player types** (:mod:`reformlab.games.counting.player_types`): players identical in every clause form a type;
  the rule is evaluated once per vector of counts per type and weighed by binomial coefficients. The US
  federal law game (435 representatives, 100 senators, Vice-President, President) has 4 types and
  ``436 * 101 * 2 * 2`` count vectors instead of ``2^537`` coalitions;
* **enumeration** of all coalitions for at most :data:`ENUMERATION_LIMIT` players.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import prod

import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.counting.size_thresholds import (
    check_quota,
    check_weights,
    sized_swings_by_size,
    table_cells,
)
from reformlab.games.counting.player_types import enumerate_swings_by_size, types_swings_by_size
from reformlab.games.limits import ENUMERATION_LIMIT, GRID_LIMIT, MITM_LIMIT, TABLE_LIMIT


@dataclass(frozen=True)
class Clause:
    """A weighted clause: ``sum of weights[i] over members >= quota`` (``weights`` covers every player)."""

    weights: tuple[int, ...]
    quota: int


@dataclass(frozen=True)
class AllOf:
    """Wins when every part wins (a vector-weighted game, a bicameral AND)."""

    parts: tuple


@dataclass(frozen=True)
class AnyOf:
    """Wins when some part wins (a veto override, a blocking-minority escape)."""

    parts: tuple


@dataclass(frozen=True)
class AtLeast:
    """Wins when at least ``k`` parts win."""

    k: int
    parts: tuple


def clauses(rule: object) -> list[Clause]:
    """The leaves of ``rule``, left to right."""
    if isinstance(rule, Clause):
        return [rule]
    if isinstance(rule, (AllOf, AnyOf, AtLeast)):
        return [leaf for part in rule.parts for leaf in clauses(part)]
    raise ReformlabError(f"not a counting rule: {rule!r}", field="rule", fix="build it from Clause, AllOf, AnyOf")


def combine(rule: object, leaf_values: dict[int, object], pick) -> object:
    """Fold ``rule`` bottom-up: leaves take ``leaf_values[id(leaf)]``; ``pick(kind, values, k)`` joins parts."""
    if isinstance(rule, Clause):
        return leaf_values[id(rule)]
    values = [combine(part, leaf_values, pick) for part in rule.parts]
    if isinstance(rule, AllOf):
        return pick("all", values, len(values))
    if isinstance(rule, AnyOf):
        return pick("any", values, 1)
    return pick("at_least", values, rule.k)


def _threshold_pick(kind: str, values: list[int], k: int) -> int:
    if k <= 0:
        return 0
    if k > len(values):
        return 1 << 62
    return sorted(values)[k - 1]


def _common_base(leaves: list[Clause], n: int) -> list[int] | None:
    """The one weight vector every non-head-count clause is a multiple of (all ones if none), or ``None``."""
    base = None
    for leaf in leaves:
        if len(set(leaf.weights)) <= 1:
            continue
        common = np.gcd.reduce(np.asarray(leaf.weights, dtype=object)) or 1
        reduced = [w // common for w in leaf.weights]
        if base is None:
            base = reduced
        elif reduced != base:
            return None
    return [1] * n if base is None else base


def size_thresholds(rule: object, n: int) -> tuple[list[int], list[int]] | None:
    """``(base, T)`` such that ``rule`` wins ``C`` iff ``base(C) >= T[|C|]``, or ``None`` if there is none.

    A head-count clause with weight ``c`` is true or false at each size; a clause ``m * base`` needs
    ``base(C) >= ceil(q / m)``. AND takes the largest threshold, OR the smallest, at-least-k the k-th.
    """
    leaves = clauses(rule)
    base = _common_base(leaves, n)
    if base is None:
        return None
    never = sum(base) + 1
    thresholds = []
    for size in range(n + 1):
        values = {}
        for leaf in leaves:
            if len(set(leaf.weights)) <= 1:
                per_head = leaf.weights[0] if leaf.weights else 0
                values[id(leaf)] = 0 if size * per_head >= leaf.quota else never
            else:
                multiple = next(w // b for w, b in zip(leaf.weights, base, strict=True) if b)
                values[id(leaf)] = max(-(-leaf.quota // multiple), 0)
        thresholds.append(min(combine(rule, values, _threshold_pick), never))
    return base, thresholds


def _player_types(leaves: list[Clause], n: int) -> tuple[list[int], list[tuple[int, ...]], list[int]]:
    """``(type_of_player, weights_of_type, multiplicity)``: players with identical columns share a type."""
    index: dict[tuple[int, ...], int] = {}
    type_of = []
    for player in range(n):
        column = tuple(leaf.weights[player] for leaf in leaves)
        type_of.append(index.setdefault(column, len(index)))
    columns = list(index)
    counts = [type_of.count(t) for t in range(len(columns))]
    return type_of, columns, counts


def _checked(rule: object, n: int) -> list[Clause]:
    leaves = clauses(rule)
    for number, leaf in enumerate(leaves):
        if len(leaf.weights) != n:
            raise ReformlabError(
                f"clause {number} has {len(leaf.weights)} weights for {n} players", field=f"clauses.{number}"
            )
        check_weights(leaf.weights, field=f"clauses.{number}.weights")
        check_quota(leaf.quota, field=f"clauses.{number}.quota")
    return leaves


def rule_swings_by_size(rule: object, n: int) -> tuple[list[list[int]], int]:
    """``(S, winning)`` for a rule over players ``0..n-1``: swings by coalition size, and winning coalitions.

    ``S[i][k]`` counts coalitions ``C`` without ``i``, ``|C| = k``, that lose while ``C + i`` wins. The path
    (size thresholds, player types, enumeration) is chosen by estimated cost; all are exact.

    Raises:
        ReformlabError: when no exact path fits (too many players with too many distinct weights).

    >>> house = Clause((1, 1, 1, 0), 2)
    >>> rule = AllOf((house, Clause((0, 0, 0, 1), 1)))       # 2 of 3 members AND the last player
    >>> rule_swings_by_size(rule, 4)
    ([[0, 0, 2, 0], [0, 0, 2, 0], [0, 0, 2, 0], [0, 0, 3, 1]], 4)
    """
    leaves = _checked(rule, n)
    reduction = size_thresholds(rule, n)
    type_of, columns, counts = _player_types(leaves, n)
    grid = prod(count + 1 for count in counts)
    costs = {
        "types": grid * len(columns) if grid <= GRID_LIMIT else None,
        "enumeration": n << n if n <= ENUMERATION_LIMIT else None,
        "thresholds": _threshold_cost(*reduction) if reduction is not None else None,
    }
    feasible = {path: cost for path, cost in costs.items() if cost is not None}
    if not feasible:
        raise ReformlabError(
            f"no exact counting path for this rule over {n} players ({len(columns)} player types)",
            field="rule",
            fix="use method='monte_carlo'",
        )
    path = min(feasible, key=feasible.__getitem__)
    if path == "thresholds":
        return sized_swings_by_size(*reduction)
    if path == "types":
        by_type, winning = types_swings_by_size(rule, leaves, columns, counts, combine)
        return [list(by_type[t]) for t in type_of], winning
    return enumerate_swings_by_size(rule, leaves, n, combine)


def _threshold_cost(base: Sequence[int], thresholds: Sequence[int]) -> int | None:
    """Work of the size-threshold path: table cells times players, or the meet-in-the-middle pairs."""
    n = len(base)
    cells = table_cells(base, max(thresholds))
    if cells <= TABLE_LIMIT:
        return n * cells
    return n * n << (n // 2 + 1) if n <= MITM_LIMIT else None


def rule_winning_count(rule: object, n: int) -> int:
    """Number of winning coalitions of a rule over players ``0..n-1`` (see :func:`rule_swings_by_size`)."""
    return rule_swings_by_size(rule, n)[1]


def rule_from_game(game: object) -> object:
    """The counting rule of a :mod:`reformlab.games` game, over ``game.players`` in that order.

    Weighted, vector-weighted, AND, OR and at-least games convert; other games raise.
    """
    from reformlab.games.composite import AndGame, AtLeastGame, OrGame
    from reformlab.games.weighted import VectorWeightedGame, WeightedGame

    players = list(game.players)

    def convert(part: object) -> object:
        if isinstance(part, WeightedGame):
            weights = part.weights
            return Clause(tuple(int(weights.get(name, 0)) for name in players), int(part.quota))
        if isinstance(part, VectorWeightedGame):
            return AllOf(tuple(convert(clause) for clause in part.clauses))
        if isinstance(part, AndGame):
            return AllOf(tuple(convert(inner) for inner in part.games))
        if isinstance(part, OrGame):
            return AnyOf(tuple(convert(inner) for inner in part.games))
        if isinstance(part, AtLeastGame):
            return AtLeast(int(part.k), tuple(convert(inner) for inner in part.games))
        raise ReformlabError(f"no counting rule for a {type(part).__name__}", field="game")

    return convert(game)
