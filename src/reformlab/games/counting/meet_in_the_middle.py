"""Meet-in-the-middle counting for games with few players and huge weights (populations, votes).

A *size-threshold game* wins a coalition ``C`` when ``w(C) >= T[|C|]``: a weighted game has ``T`` constant,
a head-count clause or a blocking-minority rule makes ``T`` depend on the size. With populations as
weights the generating-function table is far too wide, but with ``n <= 40`` players the coalitions of
each half can be listed (``2^(n/2)`` each) and pairs counted by binary search (Horowitz & Sahni 1974).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.limits import MITM_LIMIT, MITM_TOTAL


def _subsets(weights: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(members, sizes, sums)`` of all subsets by size, heaviest first (bit ``a`` of ``members`` = player ``a``).

    Within a size the search keys ``bound - sum`` then increase, which numpy's binary search exploits.
    """
    sizes = np.zeros(1, dtype=np.int64)
    sums = np.zeros(1, dtype=np.int64)
    for weight in weights:
        sizes = np.concatenate([sizes, sizes + 1])
        sums = np.concatenate([sums, sums + weight])
    order = np.lexsort((-sums, sizes))
    return order, sizes[order], sums[order]


class _SortedHalf:
    """The subsets of one half, sorted by weight within each size, for counting pairs by binary search."""

    def __init__(self, weights: Sequence[int]) -> None:
        _, sizes, sums = _subsets(weights)
        self.by_size = [np.sort(sums[sizes == size]) for size in range(len(weights) + 1)]

    def count_between(self, size: int, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """For each query, how many subsets of ``size`` weigh in ``[low, high]`` (0 where ``low > high``)."""
        column = self.by_size[size]
        counts = np.searchsorted(column, high, side="right") - np.searchsorted(column, low, side="left")
        return np.maximum(counts, 0)


def _grouped_counts(
    sizes: np.ndarray, sums: np.ndarray, other: _SortedHalf, low: np.ndarray, high: np.ndarray, width: int
) -> list[int]:
    """``out[k]`` = pairs (own subset, other subset) of total size ``k`` and total weight in ``[low[k], high[k]]``.

    ``sizes`` must be sorted, so the pair counts group by size without sorting again.
    """
    out = [0] * width
    open_window = np.r_[low <= high, np.zeros(len(other.by_size) + 1, dtype=bool)]
    for other_size in range(len(other.by_size)):
        total_size = sizes + other_size
        inside = open_window[total_size]
        if not inside.any():
            continue
        total_size, own = total_size[inside], sums[inside]
        counts = other.count_between(other_size, low[total_size] - own, high[total_size] - own)
        starts = np.flatnonzero(np.r_[True, total_size[1:] != total_size[:-1]])
        for size, count in zip(total_size[starts].tolist(), np.add.reduceat(counts, starts).tolist(), strict=True):
            out[size] += count
    return out


def _check(weights: Sequence[int]) -> None:
    if len(weights) > MITM_LIMIT:
        raise ReformlabError(
            f"exact counting with large weights handles at most {MITM_LIMIT} players, got {len(weights)}",
            field="weights",
            fix="use method='monte_carlo' or smaller integer weights",
        )
    if sum(weights) >= MITM_TOTAL:
        raise ReformlabError("total weight too large for exact counting (over 2^61)", field="weights")


def mitm_swings_by_size(weights: Sequence[int], thresholds: Sequence[int]) -> tuple[list[list[int]], int]:
    """Swings by size and the number of winning coalitions of a size-threshold game, by meet in the middle.

    Player ``i`` swings for ``C`` (``i`` not in ``C``, ``|C| = k``) when ``T[k+1] - w_i <= w(C) <= T[k] - 1``.
    The players are split into halves ``A`` and ``B``; for ``i`` in ``A`` the subsets of ``A`` without ``i``
    are paired with the subsets of ``B`` of each size by two binary searches.

    Args:
        weights: non-negative integer weights, ``n <= MITM_LIMIT`` players, total below ``2^61``.
        thresholds: ``T[0..n]``, the weight a coalition of each size needs to win.

    Returns:
        ``(S, winning)``: ``S[i][k]`` for ``k = 0..n-1`` and the number of winning coalitions.

    Complexity: ``O(n^2 2^(n/2) log 2^(n/2))`` time, ``O(2^(n/2))`` memory.
    """
    weights = [int(weight) for weight in weights]
    _check(weights)
    n = len(weights)
    cut = n // 2
    halves = (list(range(cut)), list(range(cut, n)))
    listed = [_subsets([weights[i] for i in half]) for half in halves]
    sorted_halves = [_SortedHalf([weights[i] for i in half]) for half in halves]
    clamp = np.asarray([min(max(int(t), -1), MITM_TOTAL) for t in thresholds], dtype=np.int64)
    swings: list[list[int]] = []
    for player, weight in enumerate(weights):
        side = 0 if player < cut else 1
        position = player - (0 if side == 0 else cut)
        members, sizes, sums = listed[side]
        keep = (members >> position) & 1 == 0  # subsets of this half without the player, still by size
        low = np.minimum(clamp[1:] - weight, MITM_TOTAL)
        high = clamp[:-1] - 1
        swings.append(_grouped_counts(sizes[keep], sums[keep], sorted_halves[1 - side], low, high, n))
    _, sizes, sums = listed[0]
    top = np.full(n + 1, MITM_TOTAL, dtype=np.int64)
    winning = sum(_grouped_counts(sizes, sums, sorted_halves[1], clamp, top, n + 1))
    return swings, winning
