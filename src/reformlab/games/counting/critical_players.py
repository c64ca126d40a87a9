"""Johnston's critical-player sums of a weighted game by generating functions, beyond enumeration.

In a winning coalition ``S`` of a weighted game, member ``k`` is critical iff ``w_k > w(S) - q``: the critical
members are the members heavier than the excess ``t = w(S) - q``. For each range of ``t`` over which the set
``H`` of players heavier than ``t`` stays the same, one generating function ``prod_{h in H} (1 + x^{w_h} y)
prod_{l not in H} (1 + x^{w_l})`` counts coalitions by weight and number of heavy (critical) members; removing
player ``i`` from it (a division, done by subtraction) gives the coalitions in which ``i`` is critical.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from reformlab.games.counting.size_thresholds import reduce_common_factor
from reformlab.games.limits import JOHNSTON_COST_LIMIT


def johnston_cost(weights: Sequence[int], quota: int) -> int:
    """Work of :func:`johnston_sums` (compare with :data:`JOHNSTON_COST_LIMIT`)."""
    weights, (quota,) = reduce_common_factor(list(weights), [quota])
    return len(set(weights)) * len(weights) * (quota + max(weights, default=0))


def johnston_sums(weights: Sequence[int], quota: int) -> tuple[Fraction, ...]:
    """Per player, the sum over winning coalitions where it is critical of 1 / (number of critical members).

    >>> [str(v) for v in johnston_sums([40, 30, 20, 10], 51)]
    ['3', '4/3', '4/3', '1/3']
    """
    weights, (quota,) = reduce_common_factor(list(weights), [quota])
    n = len(weights)
    bits = n + 1
    mask = (1 << bits) - 1
    sums = [Fraction(0)] * n
    bounds = [0, *sorted(set(w for w in weights if w > 0))]
    for low, high in zip(
        bounds, bounds[1:], strict=False
    ):  # excess t in [low, high - 1]: heavy = weight >= high
        top = quota + high - 1  # the heaviest coalition weight in this range
        table = [0] * (top + 1)
        table[0] = 1
        for weight in weights:
            shift = bits if weight >= high else 0
            for total in range(top, weight - 1, -1):
                table[total] += table[total - weight] << shift
        for player, weight in enumerate(weights):
            if weight < high:
                continue
            without = list(table)
            for total in range(weight, top + 1):
                without[total] = table[total] - (without[total - weight] << bits)
            window = sum(without[max(0, quota + low - weight) : max(0, quota + high - weight)])
            others = [(window >> (k * bits)) & mask for k in range(n)]
            sums[player] += sum(
                (Fraction(count, k + 1) for k, count in enumerate(others) if count), Fraction(0)
            )
    return tuple(sums)
