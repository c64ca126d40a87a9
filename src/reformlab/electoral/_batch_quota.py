"""Vectorised largest-remainder (quota) apportionment for many elections at once, in exact integers.

Arrays here are laid out parties by elections (``[P, B]``): with few parties, reducing over a short
contiguous axis is many times slower in numpy than combining ``P`` long rows.
"""

from __future__ import annotations

import numpy as np

from reformlab.electoral.quota import QUOTA_TERMS

QUOTA_METHODS = tuple(QUOTA_TERMS)

_LOWEST = np.iinfo(np.int64).min


def select_top(keys: np.ndarray, eligible: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per election, the ``count`` eligible parties with the highest keys; at a boundary tie, the earliest.

    Mirrors the exact path's :func:`~reformlab.electoral.ties.top_by_rank` with the ``"order"`` rule: when
    ``count`` reaches the number of eligible parties all are chosen; when the boundary falls inside a group of
    equal keys, the earliest parties of the group win and the election is flagged as tied.

    Args:
        keys: ``[P, B]`` int64 keys, comparable within an election (a column).
        eligible: ``[P, B]`` bool, which parties may be chosen.
        count: ``[B]`` how many to choose (``<= 0`` chooses none).

    Returns:
        ``(chosen [P, B] bool, tie [B] bool)``.

    >>> chosen, tie = select_top(np.array([[3], [5], [3]]), np.ones((3, 1), bool), np.array([2]))
    >>> chosen[:, 0].tolist(), tie.tolist()
    ([True, True, False], [True])
    """
    parties, rows = keys.shape
    available = eligible.sum(axis=0)
    wanted = np.clip(count, 0, available)
    ranked = np.sort(np.where(eligible, keys, _LOWEST), axis=0)  # ascending: the k-th largest is at P - k
    boundary = ranked[parties - np.maximum(wanted, 1), np.arange(rows)]
    above = eligible & (keys > boundary)
    level = eligible & (keys == boundary)
    still = wanted - above.sum(axis=0)
    chosen = above
    running = np.zeros(rows, dtype=np.int64)
    for party in range(parties):  # the first `still` parties of the boundary group, in party order
        running += level[party]
        chosen[party] |= level[party] & (running <= still)
    chosen &= wanted > 0
    tie = (wanted > 0) & (wanted < available) & (still < running)
    return chosen, tie


def allocate_quota(
    votes: np.ndarray, house: int, method: str, passed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Largest-remainder seats for every election (column) of ``votes``.

    Integer parts are ``votes * den // num`` and remainders ``votes * den - parts * num`` (each remainder
    scaled by the quota's numerator, the same in a column, so remainders compare exactly). Leftover seats go
    to the largest remainders among the admitted parties with votes, in rounds of one seat per party when
    more seats are left than such parties. When integer parts exceed the house (small quotas), seats are
    taken back one per party from the smallest remainders until the house fits.

    Args:
        votes: ``[P, B]`` non-negative int64 votes (parties not admitted already zeroed).
        house: seats per election.
        method: a key of the quota registry.
        passed: ``[P, B]`` bool, the parties admitted to the allocation.

    Returns:
        ``(seats [P, B] int64, tie [B] bool)``; an election whose admitted parties have no votes gets no
        seats.
    """
    total = votes.sum(axis=0)
    num, den = QUOTA_TERMS[method](total, house)
    live = total > 0
    num = np.where(live, num, 1)
    scaled = votes * den
    whole = scaled // num
    remainder = scaled - whole * num
    left = np.where(live, house - whole.sum(axis=0), 0)
    eligible = passed & (votes > 0)
    # More leftover seats than parties with votes (integer Droop with fewer votes than seats): each full
    # round gives every such party one seat, as the exact path's repeated rounds do; the last round ranks.
    voters = eligible.sum(axis=0)
    rounds = np.where(left > 0, left // np.maximum(voters, 1), 0)
    if rounds.any():
        whole += rounds * eligible
        left -= rounds * voters
    chosen, tie = select_top(remainder, eligible, left)
    seats = whole + chosen
    over = np.flatnonzero(left < 0)
    while len(over):
        holders = seats[:, over] > 0
        keep, cut_tie = select_top(remainder[:, over], holders, holders.sum(axis=0) + left[over])
        dropped = holders & ~keep
        seats[:, over] -= dropped
        tie[over] |= cut_tie
        left[over] += dropped.sum(axis=0)
        over = over[left[over] < 0]
    return seats, tie
