"""Exact counting for simple games: winning coalitions, swings and power indices as Python ints.

All functions are pure: they take plain integers (weights, quotas), never modify their inputs, and return
exact Python ints or :class:`~fractions.Fraction` values (no floats). One module per strategy:

* :mod:`~reformlab.games.counting.modular_tables`: generating functions counting coalitions by weight (and
  size), one numpy table per modulus, rebuilt exactly by Chinese remaindering; one player removed by
  deconvolution (an alternating series) instead of a new table per player;
* :mod:`~reformlab.games.counting.size_thresholds`: games won when ``w(C) >= T[|C|]`` (weighted games,
  head-count clauses, blocking minorities) on those tables, or by
* :mod:`~reformlab.games.counting.meet_in_the_middle` for few players with huge weights;
* :mod:`~reformlab.games.counting.compositions`: AND / OR / at-least-k rules of weighted clauses, by size
  thresholds, :mod:`~reformlab.games.counting.player_types` or enumeration;
  :mod:`~reformlab.games.counting.vector_weighted` for vector-weighted games;
* :mod:`~reformlab.games.counting.enumeration`: every coalition of a game listed (small games, all counts);
* :mod:`~reformlab.games.counting.minimal_winning` and :mod:`~reformlab.games.counting.critical_players`:
  minimal winning coalitions and Johnston's critical sums of weighted games.

Every size limit and switch-over point is in :mod:`reformlab.games.limits`, with its reason.

References: Brams & Affuso (1976), Bilbao, Fernandez, Jimenez Losada & Lopez (2000) "Generating functions
for computing power indices efficiently"; Uno (2012) on deconvolution; Knuth TAOCP 4.3.2 (modular arithmetic).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import factorial

from reformlab.games.counting.compositions import (
    AllOf,
    AnyOf,
    AtLeast,
    Clause,
    rule_from_game,
    rule_swings_by_size,
    rule_winning_count,
)
from reformlab.games.counting.size_thresholds import (
    check_quota,
    check_weights,
    one_row_fits,
    reduce_common_factor,
    sized_swings,
    sized_swings_by_size,
    table_winning_count,
)
from reformlab.games.counting.vector_weighted import (
    vector_swings,
    vector_swings_by_size,
    vector_winning_count,
)
from reformlab.games.limits import MITM_LIMIT, TABLE_LIMIT

__all__ = [
    "AllOf",
    "AnyOf",
    "AtLeast",
    "Clause",
    "MITM_LIMIT",
    "TABLE_LIMIT",
    "banzhaf_exact",
    "banzhaf_from_swings",
    "rule_from_game",
    "rule_swings_by_size",
    "rule_winning_count",
    "shapley_from_swings_by_size",
    "shapley_shubik_exact",
    "sized_swings",
    "sized_swings_by_size",
    "vector_swings",
    "vector_swings_by_size",
    "vector_winning_count",
    "weighted_swings",
    "weighted_swings_by_size",
    "weighted_winning_count",
]


def _weighted_input(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    weights = check_weights(weights)
    total = sum(weights)
    quota = min(max(check_quota(quota), 0), total + 1)
    if total == 0:
        return weights, quota
    reduced, (quota,) = reduce_common_factor(weights, [quota])
    return reduced, quota


def weighted_swings_by_size(weights: Sequence[int], quota: int) -> list[list[int]]:
    """``S[i][k]``: coalitions ``C`` without ``i``, ``|C| = k``, with ``w(C) < quota <= w(C) + w_i``.

    The Shapley-Shubik index is ``sum_k S[i][k] k! (n-k-1)! / n!``; ``sum_k S[i][k]`` is the Banzhaf swing
    count. Table of coalitions by (size, weight below the quota), ``O(n * rows * quota)`` additions per
    modulus with ``rows <= n + 1``; meet in the middle when the quota is huge and ``n <= 36``.

    Args:
        weights: non-negative integer weights (any sequence; not modified).
        quota: an integer; a coalition wins iff its weight is at least ``quota``.

    >>> weighted_swings_by_size([40, 30, 20, 10], 51)
    [[0, 2, 3, 0], [0, 1, 2, 0], [0, 1, 2, 0], [0, 0, 1, 0]]
    """
    reduced, quota = _weighted_input(weights, quota)
    swings, _ = sized_swings_by_size(reduced, [quota] * (len(reduced) + 1))
    return swings


def weighted_winning_count(weights: Sequence[int], quota: int) -> int:
    """Number of coalitions ``C`` with ``w(C) >= quota`` (``2^n`` minus the cumulative count below the quota).

    >>> weighted_winning_count([40, 30, 20, 10], 51)
    7
    """
    reduced, quota = _weighted_input(weights, quota)
    if quota == 0:
        return 1 << len(reduced)
    if one_row_fits(len(reduced), quota):
        return table_winning_count(reduced, quota)
    return sized_swings_by_size(reduced, [quota] * (len(reduced) + 1))[1]


def weighted_swings(weights: Sequence[int], quota: int) -> list[int]:
    """Raw Banzhaf swing counts: for each player, coalitions without them that lose but win with them.

    One row of cumulative counts below the quota per modulus (``O(n * quota)``), then the deconvolution
    ``O(quota / w)`` per distinct weight ``w``.

    >>> weighted_swings([40, 30, 20, 10], 51)
    [5, 3, 3, 1]
    """
    reduced, quota = _weighted_input(weights, quota)
    if quota == 0 or quota > sum(reduced):
        return [0] * len(reduced)
    return sized_swings(reduced, [quota] * (len(reduced) + 1))[0]


def banzhaf_from_swings(swings: Sequence[int]) -> list[Fraction]:
    """Normalised Banzhaf index: swings over the total swings (all zero when nobody swings).

    >>> banzhaf_from_swings([5, 3, 3, 1])
    [Fraction(5, 12), Fraction(1, 4), Fraction(1, 4), Fraction(1, 12)]
    """
    total = sum(swings)
    return [Fraction(int(count), total) if total else Fraction(0) for count in swings]


def shapley_from_swings_by_size(swings_by_size: Sequence[Sequence[int]]) -> list[Fraction]:
    """Shapley-Shubik index ``sum_k S[i][k] k! (n-k-1)! / n!`` (Shapley & Shubik 1954).

    >>> shapley_from_swings_by_size([[0, 2, 3, 0], [0, 1, 2, 0], [0, 1, 2, 0], [0, 0, 1, 0]])
    [Fraction(5, 12), Fraction(1, 4), Fraction(1, 4), Fraction(1, 12)]
    """
    n = len(swings_by_size)
    orders = [factorial(k) * factorial(n - k - 1) for k in range(n)]
    everyone = factorial(n)
    by_row: dict[tuple[int, ...], Fraction] = {}  # players of one type share a row: compute it once
    values = []
    for row in swings_by_size:
        key = tuple(int(count) for count in row)
        if key not in by_row:
            by_row[key] = Fraction(sum(count * order for count, order in zip(key, orders, strict=False)), everyone)
        values.append(by_row[key])
    return values


def banzhaf_exact(weights: Sequence[int], quota: int) -> list[Fraction]:
    """Normalised Banzhaf index of ``[quota; weights]`` as exact fractions (see :func:`weighted_swings`).

    >>> [str(v) for v in banzhaf_exact([3, 2, 1], 4)]
    ['3/5', '1/5', '1/5']
    """
    return banzhaf_from_swings(weighted_swings(weights, quota))


def shapley_shubik_exact(weights: Sequence[int], quota: int) -> list[Fraction]:
    """Shapley-Shubik index of ``[quota; weights]`` as exact fractions (see :func:`weighted_swings_by_size`).

    >>> [str(v) for v in shapley_shubik_exact([3, 2, 1], 4)]
    ['2/3', '1/6', '1/6']
    """
    return shapley_from_swings_by_size(weighted_swings_by_size(weights, quota))
