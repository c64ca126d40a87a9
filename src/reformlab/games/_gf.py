"""Exact swing and winning counts of a weighted game by generating functions (Python ints, no overflow).

The number of coalitions of each size and weight is the coefficient of ``x^w y^k`` in
``prod_i (1 + x^{w_i} y)`` (Brams & Affuso 1976; Bilbao et al. 2000). Only weights below the quota matter;
for each weight the polynomial in ``y`` is packed into one Python int, so a step is a shift and an add.
Removing player ``i`` divides by ``(1 + x^{w_i} y)``, which is a subtraction running up the weights.
This is the simple exact path; :mod:`reformlab.games.counting` holds the fast one when present.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

GF_LIMIT = 4_000_000  # players x quota (after dividing out the common factor of the weights)


def reduced(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """Divide weights and quota by the weights' common factor: ``w(S) >= q`` iff ``w(S)/g >= ceil(q/g)``.

    >>> reduced([40, 30, 20, 10], 51)
    ([4, 3, 2, 1], 6)
    """
    common = math.gcd(*weights) or 1
    return [w // common for w in weights], -(-quota // common)


def gf_cost(weights: Sequence[int], quota: int) -> int:
    """Work estimate for :func:`swings_by_size` (compare with :data:`GF_LIMIT`)."""
    weights, quota = reduced(weights, quota)
    return len(weights) * min(quota, sum(weights) + 1)


def _below_quota(weights: Sequence[int], quota: int, bits: int) -> list[int]:
    table = [0] * quota
    table[0] = 1
    for weight in weights:
        if weight == 0:
            table = [entry + (entry << bits) for entry in table]
            continue
        for total in range(quota - 1, weight - 1, -1):
            table[total] += table[total - weight] << bits
    return table


def _unpack(packed: int, slots: int, bits: int) -> list[int]:
    mask = (1 << bits) - 1
    return [(packed >> (k * bits)) & mask for k in range(slots)]


def swings_by_size(weights: Sequence[int], quota: int) -> tuple[list[list[int]], int]:
    """``(S, W)``: ``S[i][k]`` swing coalitions of size ``k`` for player ``i``; ``W`` winning coalitions.

    >>> swings, winning = swings_by_size([40, 30, 20, 10], 51)
    >>> [sum(row) for row in swings], winning
    ([5, 3, 3, 1], 7)
    """
    weights, quota = reduced(list(weights), quota)
    n = len(weights)
    bits = n + 1  # a coefficient counts coalitions, at most 2^n
    table = _below_quota(weights, quota, bits)
    losing = sum(sum(_unpack(entry, n + 1, bits)) for entry in table)
    swings = []
    for weight in weights:
        if weight == 0:
            swings.append([0] * n)
            continue
        without = list(table)
        for total in range(weight, quota):
            without[total] = table[total] - (without[total - weight] << bits)
        window = sum(without[max(0, quota - weight) : quota])
        swings.append(_unpack(window, n, bits))
    return swings, (1 << n) - losing
