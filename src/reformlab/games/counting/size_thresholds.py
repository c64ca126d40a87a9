"""Exact swing counts of size-threshold games (win iff ``w(C) >= T[|C|]``) by generating functions.

Weighted games (``T`` constant), head-count clauses and blocking-minority rules (``T`` depends on the size)
all reduce to this form. Two paths: a multi-modular generating-function table when the weights are small
(:mod:`reformlab.games.counting.modular_tables`), meet in the middle when they are huge but players are few
(:mod:`reformlab.games.counting.meet_in_the_middle`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.counting.meet_in_the_middle import MITM_LIMIT, mitm_swings_by_size
from reformlab.games.counting.modular_tables import (
    alternating_at,
    alternating_sums,
    crt,
    cumulative_table,
    cumulative_tables,
    gather_plan,
    moduli,
    prime_bits_for,
    size_rows,
)
from reformlab.games.limits import PARALLEL_TABLE, TABLE_LIMIT


def check_weights(weights: Sequence[int], field: str = "weights") -> list[int]:
    """The weights as a new list of Python ints; raises when one is negative or not an integer."""
    out = []
    for position, weight in enumerate(weights):
        if isinstance(weight, bool) or not isinstance(weight, (int, np.integer)):
            raise ReformlabError(
                f"weights must be integers, got {weight!r} at position {position}",
                field=field,
                fix="scale the weights to integers first",
            )
        if weight < 0:
            raise ReformlabError(f"weights must not be negative, got {weight} at position {position}", field=field)
        out.append(int(weight))
    return out


def check_quota(value: object, field: str = "quota") -> int:
    """``value`` as a Python int; raises for anything else (a fractional quota must be rounded up by the caller)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ReformlabError(
            f"quotas must be integers here, got {value!r}",
            field=field,
            fix="round a share of the total up to an integer first (w(C) >= q/d iff w(C) >= ceil(q/d))",
        )
    return int(value)


def reduce_common_factor(weights: list[int], thresholds: list[int]) -> tuple[list[int], list[int]]:
    """Divide by the weights' gcd ``g``: ``w(C) >= t`` iff ``w(C)/g >= ceil(t/g)``.

    >>> reduce_common_factor([40, 30, 20, 10], [51, 51])
    ([4, 3, 2, 1], [6, 6])
    """
    common = math.gcd(*weights)
    if common <= 1:
        return weights, thresholds
    return [w // common for w in weights], [-(-t // common) for t in thresholds]


def table_cells(weights: Sequence[int], limit: int) -> int:
    """uint64 cells the size-by-weight tables need, over all moduli (compare with :data:`TABLE_LIMIT`)."""
    rows = size_rows(weights, limit)
    return rows * limit * len(moduli(len(weights) + 1, prime_bits_for(rows + 1)))


def one_row_fits(players: int, quota: int) -> bool:
    """Whether the size-blind tables (one row of ``quota`` cells per modulus) fit in :data:`TABLE_LIMIT`."""
    return quota * len(moduli(players + 1, prime_bits_for(1))) <= TABLE_LIMIT


def _distinct(weights: Sequence[int]) -> list[int]:
    return sorted(set(weights))


def _windows(thresholds: list[int], weight: int, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sizes ``k = 0..n-1`` and the swing window ``(low, high]`` as cumulative-table columns."""
    sizes = np.arange(n, dtype=np.int64)
    high = np.asarray(thresholds[:n], dtype=np.int64) - 1
    low = np.asarray(thresholds[1 : n + 1], dtype=np.int64) - weight - 1
    return sizes, np.minimum(low, high), high


def table_swings_by_size(
    weights: Sequence[int], thresholds: Sequence[int]
) -> tuple[dict[int, list[int]], int]:
    """Swings by size per distinct weight, and the winning count, from one table per modulus.

    ``S_w[k] = G[k, T[k]-1] - G[k, T[k+1]-w-1]`` where ``G`` is the cumulative table with one player of
    weight ``w`` removed (:func:`~reformlab.games.counting.modular_tables.alternating_gather`); losing coalitions
    number ``sum_k F[k, T[k]-1]``.

    Args:
        weights: non-negative integer weights.
        thresholds: ``T[0..n]``, already clamped to ``[0, W + 1]``.

    Returns:
        ``({weight: S_w}, winning)``.

    Complexity: ``O(n * rows * limit * m)`` for ``m`` moduli (about ``n / 50``), ``limit = max T``.
    """
    n = len(weights)
    limit = max(thresholds)
    distinct = _distinct(weights)
    if limit == 0:
        return {weight: [0] * n for weight in distinct}, 1 << n
    rows = size_rows(weights, limit)
    mods = moduli(n + 1, prime_bits_for(rows + 1))
    tables = cumulative_tables(weights, limit, mods, by_size=True)
    residues: list[list[int]] = [[] for _ in mods]
    for weight in distinct:
        sizes, low, high = _windows(thresholds, weight, n)
        plan = gather_plan((rows, limit), weight, np.r_[sizes, sizes], np.r_[high, low], by_size=True)
        for values, table, modulus in zip(residues, tables, mods, strict=True):
            both = alternating_sums(table, modulus, plan)
            values.extend(((both[:n] - both[n:]) % modulus).tolist())
    for values, table, modulus in zip(residues, tables, mods, strict=True):
        losing = sum(
            int(table[size, thresholds[size] - 1]) for size in range(min(rows, n + 1)) if thresholds[size] > 0
        )
        values.append(losing % modulus)
    exact = crt(residues, mods)
    swings = {weight: exact[i * n : (i + 1) * n] for i, weight in enumerate(distinct)}
    return swings, (1 << n) - exact[-1]


def table_swings(weights: Sequence[int], quota: int) -> tuple[dict[int, int], int]:
    """Banzhaf swings per distinct weight and the winning count of ``[quota; weights]``, sizes not tracked.

    One row of cumulative counts ``F[x] = #{C : w(C) <= x}`` for ``x < quota``; the swings of a player of
    weight ``w`` are ``G[q-1] - G[q-1-w]`` with ``G[x] = sum_j (-1)^j F[x - j w]``.

    Complexity: ``O(n * quota * m)`` for ``m`` moduli, plus ``O(quota / w)`` per distinct weight ``w``.
    """
    n = len(weights)
    distinct = [weight for weight in _distinct(weights) if weight > 0]
    lightest = min(distinct, default=1)
    mods = moduli(n + 1, prime_bits_for(quota // lightest + 2))

    def residues_for(modulus: int) -> list[int]:  # one table alive per worker
        row = cumulative_table(weights, quota, modulus, by_size=False)[0]
        values = [
            (alternating_at(row, modulus, w, quota - 1) - alternating_at(row, modulus, w, quota - 1 - w)) % modulus
            for w in distinct
        ]
        return [*values, int(row[quota - 1]) % modulus]

    workers = min(len(mods), os.cpu_count() or 1, 2)
    if workers < 2 or n * quota < PARALLEL_TABLE * 16:
        residues = [residues_for(modulus) for modulus in mods]
    else:  # numpy releases the GIL while it adds: the moduli share the cores
        with ThreadPoolExecutor(max_workers=workers) as pool:
            residues = list(pool.map(residues_for, mods))
    exact = crt(residues, mods)
    swings = dict(zip(distinct, exact[:-1], strict=True))
    swings[0] = 0
    return swings, (1 << n) - exact[-1]


def table_winning_count(weights: Sequence[int], quota: int) -> int:
    """Winning coalitions of ``[quota; weights]``: ``2^n - F[quota - 1]`` from one size-blind row per modulus."""
    n = len(weights)
    mods = moduli(n + 1, prime_bits_for(1))
    residues = [[int(cumulative_table(weights, quota, modulus, by_size=False)[0, quota - 1])] for modulus in mods]
    return (1 << n) - crt(residues, mods)[0]


def _clamped(weights: list[int], thresholds: Sequence[int]) -> tuple[list[int], list[int]]:
    n = len(weights)
    if len(thresholds) != n + 1:
        raise ReformlabError(
            f"need one threshold per coalition size 0..{n}, got {len(thresholds)}", field="thresholds"
        )
    total = sum(weights)
    clamped = [min(max(check_quota(t, "thresholds"), 0), total + 1) for t in thresholds]
    return reduce_common_factor(weights, clamped) if total else (weights, clamped)


def sized_swings_by_size(weights: Sequence[int], thresholds: Sequence[int]) -> tuple[list[list[int]], int]:
    """``(S, winning)`` for the game that a coalition ``C`` wins iff ``w(C) >= thresholds[|C|]``.

    ``S[i][k]`` counts coalitions ``C`` without ``i``, ``|C| = k``, that lose while ``C + i`` wins. The
    generating-function table is used when it fits in :data:`TABLE_LIMIT` cells, else meet in the middle.

    Args:
        weights: non-negative integer weights (not modified).
        thresholds: ``T[0..n]``; values below 0 or above the total weight are allowed (always / never).

    >>> S, winning = sized_swings_by_size([1, 1, 1], [9, 9, 0, 0])   # wins iff at least 2 members
    >>> S, winning
    ([[0, 2, 0], [0, 2, 0], [0, 2, 0]], 4)
    """
    weights = check_weights(weights)
    reduced, clamped = _clamped(weights, thresholds)
    n = len(reduced)
    cells = table_cells(reduced, max(clamped))
    if cells <= TABLE_LIMIT:
        by_weight, winning = table_swings_by_size(reduced, clamped)
        return [list(by_weight[weight]) for weight in reduced], winning
    if n <= MITM_LIMIT:
        return mitm_swings_by_size(reduced, clamped)
    raise ReformlabError(
        f"exact counting needs a table of {cells:,} cells for {n} players with these weights",
        field="weights",
        fix="use method='monte_carlo', or round the weights to fewer significant digits",
    )


def sized_swings(weights: Sequence[int], thresholds: Sequence[int]) -> tuple[list[int], int]:
    """``(swings, winning)`` with the sizes summed out: all that Banzhaf, Penrose and Coleman indices need.

    With one threshold for every size (a weighted game) this is the size-blind table of :func:`table_swings`,
    ``O(n * quota)`` per modulus instead of ``O(n * rows * quota)``; otherwise the rows of
    :func:`sized_swings_by_size` are summed.

    >>> sized_swings([40, 30, 20, 10], [51] * 5)
    ([5, 3, 3, 1], 7)
    """
    weights = check_weights(weights)
    reduced, clamped = _clamped(weights, thresholds)
    quota = clamped[0]
    if len(set(clamped)) == 1 and 0 < quota and one_row_fits(len(reduced), quota):
        by_weight, winning = table_swings(reduced, quota)
        return [by_weight[weight] for weight in reduced], winning
    swings, winning = sized_swings_by_size(weights, thresholds)
    return [sum(row) for row in swings], winning

