"""Class-compressed counting: a rule evaluated on vectors of counts per player type, weighed by binomials.

Players identical in every clause are interchangeable, so whether a coalition wins depends only on how
many of each type it holds. With types of sizes ``m_1..m_T`` there are ``prod (m_t + 1)`` count vectors;
a count vector ``c`` stands for ``prod_t C(m_t, c_t)`` coalitions of size ``sum c``. A player of type ``t``
swings for ``c`` (without them) when ``c + e_t`` wins and ``c`` loses, which happens for
``C(m_t - 1, c_t) prod_{u != t} C(m_u, c_u)`` coalitions. The masks are summed against these products
one axis at a time while tracking the size (a polynomial in the size), in int64 while the counts fit
and in Python ints after (the reduction of simple games to classes of equivalent players).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import comb

import numpy as np
from reformlab.games.limits import GRID_LIMIT
from reformlab.games.limits import INT64_BITS as _INT64_BITS


def _binomials(top: int) -> list[int]:
    return [comb(top, k) for k in range(top + 1)]


def size_polynomial(mask: np.ndarray, binomials: Sequence[Sequence[int]]) -> list[int]:
    """``out[k] = sum over count vectors c with sum(c) = k of mask[c] * prod_t binomials[t][c_t]``.

    Axes are contracted smallest first so the large axes meet an already short remainder; each
    contraction shifts the size polynomial by ``c_t`` (``O(grid * length)`` operations in total).
    """
    order = sorted(range(mask.ndim), key=lambda axis: mask.shape[axis], reverse=True)
    table = np.moveaxis(mask.astype(np.int64), order, range(mask.ndim))[..., None]
    weights = [binomials[axis] for axis in order]
    bits = 0
    for axis in range(mask.ndim - 1, -1, -1):
        factor = weights[axis]
        bits += len(factor) - 1
        exact = bits <= _INT64_BITS
        dtype = np.int64 if exact else object
        column = np.asarray(factor, dtype=dtype)
        depth = table.shape[-1]
        shape = table.shape[:axis] + (depth + len(factor) - 1,)
        out = np.zeros(shape, dtype=dtype)
        if not exact:
            table = table.astype(object)
        for count in range(len(factor)):
            out[..., count : count + depth] += table[..., count, :] * column[count]
        table = out
    return [int(value) for value in table.tolist()]


def _count_grid(leaves: Sequence, columns: Sequence[Sequence[int]], counts: Sequence[int]) -> dict[int, np.ndarray]:
    """Each clause's weight on every count vector (broadcast open grid, int64 or Python ints if large)."""
    axes = np.ix_(*[np.arange(count + 1, dtype=np.int64) for count in counts])
    total = sum(max(column) for column in columns) * max(counts, default=0) if columns else 0
    values = {}
    for position, leaf in enumerate(leaves):
        weight = 0
        for axis, column in zip(axes, columns, strict=True):
            per_player = column[position]
            if per_player:
                weight = weight + (axis * per_player if total < 1 << 62 else axis.astype(object) * per_player)
        values[id(leaf)] = np.broadcast_to(np.asarray(weight) >= leaf.quota, tuple(c + 1 for c in counts))
    return values


def _boolean_pick(kind: str, values: list[np.ndarray], k: int) -> np.ndarray:
    if kind == "all":
        return np.logical_and.reduce(values)
    if kind == "any":
        return np.logical_or.reduce(values)
    return np.sum(values, axis=0) >= k


def types_swings_by_size(
    rule: object, leaves: Sequence, columns: Sequence[Sequence[int]], counts: Sequence[int], combine: Callable
) -> tuple[list[list[int]], int]:
    """``(S_by_type, winning)``: swings by size for one player of each type, and the winning count.

    Args:
        rule: the rule (see :mod:`reformlab.games.counting.compositions`).
        leaves: its clauses, in the order of ``columns``' entries.
        columns: per type, the weight a player of that type has in each clause.
        counts: players per type.
        combine: folds the rule over the clause masks.

    Complexity: ``O(T * grid * n)`` for ``T`` types, ``grid = prod (m_t + 1)``.
    """
    n = sum(counts)
    win = combine(rule, _count_grid(leaves, columns, counts), _boolean_pick)
    full = [_binomials(count) for count in counts]
    winning = sum(size_polynomial(win, full))
    by_type = []
    for axis, count in enumerate(counts):
        joins = np.take(win, range(1, count + 1), axis=axis) & ~np.take(win, range(count), axis=axis)
        factors = list(full)
        factors[axis] = _binomials(count - 1)
        polynomial = size_polynomial(joins, factors)
        by_type.append((polynomial + [0] * n)[:n])
    return by_type, winning


def _subset_sums(weights: Sequence[int]) -> np.ndarray:
    """``sums[mask]``: the weight of the coalition with bitmask ``mask`` (bit ``i`` = player ``i``), by doubling.

    int64 while the total fits, Python ints past it (no silent overflow); ``2^n`` entries, no member matrix.
    """
    dtype = np.int64 if sum(weights) < 1 << _INT64_BITS else object
    sums = np.zeros(1, dtype=dtype)
    for weight in weights:
        sums = np.concatenate([sums, sums + (int(weight) if dtype is object else weight)])
    return sums


def enumerate_swings_by_size(
    rule: object, leaves: Sequence, n: int, combine: Callable
) -> tuple[list[list[int]], int]:
    """``(S, winning)`` by listing all ``2^n`` coalitions (for small ``n``; ``O(n 2^n)`` time and memory)."""
    sizes = np.zeros(1, dtype=np.uint8)
    for _ in range(n):
        sizes = np.concatenate([sizes, sizes + 1])
    values = {id(leaf): _subset_sums(leaf.weights) >= leaf.quota for leaf in leaves}
    win = np.asarray(combine(rule, values, _boolean_pick), dtype=bool)
    coalitions = np.arange(1 << n, dtype=np.int64)
    swings = []
    for player in range(n):
        without = coalitions[(coalitions >> player) & 1 == 0]
        joins = win[without | (1 << player)] & ~win[without]
        swings.append(np.bincount(sizes[without][joins], minlength=n)[:n].tolist())
    return swings, int(win.sum())
