"""Minimal winning coalitions of a weighted game at any size: listed one by one, or counted by size.

Order the players by decreasing weight. A coalition ``S`` wins minimally iff its lightest member ``j``
turns a losing ``S - j`` into a winning one: removing a heavier member removes at least as much weight.
A depth-first search over players in that order, cut when the remaining weight cannot reach the quota,
visits at most ``n`` partial coalitions per minimal winning coalition it finds. When there are too many to
list, the same decomposition counts them by generating functions (Bilbao et al. 2000).
"""

from __future__ import annotations

from collections.abc import Sequence

from reformlab.games.counting.size_thresholds import reduce_common_factor
from reformlab.games.limits import MINIMAL_COST_LIMIT


def weighted_minimal_winning(weights: Sequence[int], quota: int, cap: int) -> list[int] | None:
    """Bitmasks (bit ``i`` = player ``i``) of the minimal winning coalitions; ``None`` past ``cap``.

    >>> sorted(weighted_minimal_winning([40, 30, 20, 10], 51, cap=10))
    [3, 5, 14]
    """
    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: -weights[i])
    suffix = [0] * (len(order) + 1)
    for position in range(len(order) - 1, -1, -1):
        suffix[position] = suffix[position + 1] + weights[order[position]]
    found: list[int] = []
    stack = [(0, 0, 0)]  # (next position, weight so far (below the quota), coalition so far)
    while stack:
        start, total, mask = stack.pop()
        for position in range(start, len(order)):
            if total + suffix[position] < quota:
                break
            player = order[position]
            if total + weights[player] >= quota:
                found.append(mask | 1 << player)
                if len(found) > cap:
                    return None
            else:
                stack.append((position + 1, total + weights[player], mask | 1 << player))
    return found


def minimal_counts(masks: Sequence[int], n: int) -> tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """``(per_player[i][s], total[s])``: minimal winning coalitions of size ``s`` (containing ``i``).

    >>> minimal_counts([3, 5, 14], 4)
    (((0, 0, 2, 0, 0), (0, 0, 1, 1, 0), (0, 0, 1, 1, 0), (0, 0, 0, 1, 0)), (0, 0, 2, 1, 0))
    """
    per_player = [[0] * (n + 1) for _ in range(n)]
    total = [0] * (n + 1)
    for mask in masks:
        size = mask.bit_count()
        total[size] += 1
        while mask:
            low = mask & -mask
            per_player[low.bit_length() - 1][size] += 1
            mask ^= low
    return tuple(map(tuple, per_player)), tuple(total)


def _reduced(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    reduced, (quota,) = reduce_common_factor(list(weights), [quota])
    return reduced, quota


def gf_cost(weights: Sequence[int], quota: int) -> int:
    """Work of :func:`minimal_counts_by_size` (compare with :data:`~reformlab.games.limits.MINIMAL_COST_LIMIT`)."""
    weights, quota = _reduced(weights, quota)
    return len(weights) ** 2 * quota


def _count_by_size(weights: Sequence[int], order: Sequence[int], quota: int, bits: int) -> int:
    """Minimal winning coalitions by size, packed in one int (``bits`` per size), over the players ``order``.

    Each is counted once, at its lightest member ``j``: the heavier members weigh ``q - w_j .. q - 1``.
    """
    below = [0] * quota  # below[w]: coalitions of the players seen so far weighing w, packed by size
    below[0] = 1
    found = 0
    for player in order:
        weight = weights[player]
        found += sum(below[max(0, quota - weight) :]) << bits  # one more member: the next size slot
        for total in range(quota - 1, weight - 1, -1):
            below[total] += below[total - weight] << bits
    return found


def minimal_counts_by_size(
    weights: Sequence[int], quota: int
) -> tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """:func:`minimal_counts` of a weighted game by generating functions, without listing the coalitions.

    The coalitions containing ``i`` are those of the whole game minus those of the game without ``i``.

    >>> minimal_counts_by_size([40, 30, 20, 10], 51)
    (((0, 0, 2, 0, 0), (0, 0, 1, 1, 0), (0, 0, 1, 1, 0), (0, 0, 0, 1, 0)), (0, 0, 2, 1, 0))
    """
    weights, quota = _reduced(list(weights), quota)
    n = len(weights)
    bits = n + 1
    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: -weights[i])
    mask = (1 << bits) - 1

    def unpack(packed: int) -> list[int]:
        return [(packed >> (size * bits)) & mask for size in range(n + 1)]

    total = unpack(_count_by_size(weights, order, quota, bits))
    per_player = []
    for player in range(n):
        without = unpack(_count_by_size(weights, [p for p in order if p != player], quota, bits))
        per_player.append(tuple(a - b for a, b in zip(total, without, strict=True)))
    return tuple(per_player), tuple(total)
