"""Minimal winning coalitions of a weighted game, listed directly (output-sensitive, any number of players).

Order the players by decreasing weight. A coalition ``S`` wins minimally iff its lightest member ``j``
turns a losing ``S - j`` into a winning one: removing a heavier member removes at least as much weight.
A depth-first search over players in that order, cut when the remaining weight cannot reach the quota,
visits at most ``n`` partial coalitions per minimal winning coalition it finds.
"""

from __future__ import annotations

from collections.abc import Sequence


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
