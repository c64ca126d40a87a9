"""Exact divisor-method seats in whole numbers: guess the allocation, then move seats until no move helps.

Seat by seat, a divisor method hands each seat to the highest average ``votes / d(s)``. Because every
registered sequence ``d`` is strictly increasing, the result is characterised without replaying the seats:
an allocation is the method's result exactly when the lowest average a party won a seat with is above the
highest average any party bids for its next seat. So a guess from the vote shares (a few seats off at most)
is repaired by moving single seats, instead of ranking ``seats x parties`` averages.

Averages are compared without Fractions: with ``d(s) ** power == a / b`` (:attr:`Divisor.ratio`), the
average of ``w = votes ** power`` is ``w * b / a``, and ``w1 * b1 / a1 > w2 * b2 / a2`` exactly when
``w1 * b1 * a2 > w2 * b2 * a1``. An average over a zero divisor (``a == 0``) is above every finite one, and
among those the larger vote ranks first, as in :meth:`Divisor.average`.
"""

from __future__ import annotations

from heapq import heappop, heappush
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # divisor.py imports this module to allocate
    from reformlab.electoral.divisor import Divisor


#: Up to this many parties with votes, the best bid and the worst win are found by a scan; above, by heaps.
SCAN_LIMIT = 64


def above(n1: int, a1: int, n2: int, a2: int) -> bool:
    """Whether the average ``n1 / a1`` is above ``n2 / a2`` (``a == 0``: infinite, ranked by ``n``).

    >>> above(7, 2, 10, 3), above(1, 0, 10**9, 1), above(5, 0, 6, 0)
    (True, True, False)
    """
    if a1 and a2:
        return n1 * a2 > n2 * a1
    if a1 or a2:
        return not a1  # one infinite average: it is the larger one
    return n1 > n2


def level(n1: int, a1: int, n2: int, a2: int) -> bool:
    """Whether the averages ``n1 / a1`` and ``n2 / a2`` are exactly equal (same conventions as :func:`above`).

    >>> level(2, 4, 1, 2), level(3, 0, 3, 0), level(3, 0, 3, 1)
    (True, True, False)
    """
    if a1 and a2:
        return n1 * a2 == n2 * a1
    return not a1 and not a2 and n1 == n2


def first_guess(votes: list[int], held: list[int], house: int, divisor: Divisor) -> list[int]:
    """Seats from the vote shares: ``ceil(v * E / V - offset)``, at least ``held``, at most ``house``.

    ``d(s)`` grows like ``slope * (s + offset)``, so a party gets about ``v / D - offset + 1/2`` seats for
    a common divisor ``D``; ``E = house + n * (offset - 1/2)`` (``n`` parties with votes) makes them add up
    to the house on average, as in the batch path. Only a starting point: :func:`divisor_seats` repairs it.
    """
    total = sum(votes)  # votes are >= 0: the parties with votes make the total
    on, od = divisor.offset.as_integer_ratio()
    spread = 2 * od * house + (len(votes) - votes.count(0)) * (2 * on - od)  # 2 * od * E
    scale = 2 * od * total
    lead = 2 * on * total
    guess = [-((lead - v * spread) // scale) if v > 0 else h for v, h in zip(votes, held, strict=True)]
    return [max(h, house if g > house else g) for g, h in zip(guess, held, strict=True)]


_TABLES: dict[int, tuple[Divisor, list[tuple[int, int]]]] = {}  # id(divisor) -> (divisor, its table)
TABLE_SIZE = 1024  # seats up to this many use a precomputed table of the sequence; beyond, the function


def ratios(divisor: Divisor, house: int):
    """``s -> divisor.ratio(s)`` for ``0 <= s <= house``: a list lookup from a table made once per method
    (one Python call less per average), or the function itself for houses beyond :data:`TABLE_SIZE`.

    >>> from reformlab.electoral.divisor import DIVISORS
    >>> ratios(DIVISORS["d_hondt"], 98)(3), ratios(DIVISORS["d_hondt"], 10**6)(3)
    ((4, 1), (4, 1))
    """
    if house >= TABLE_SIZE:
        return divisor.ratio
    entry = _TABLES.get(id(divisor))
    if entry is None or entry[0] is not divisor:
        entry = _TABLES[id(divisor)] = (divisor, [divisor.ratio(s) for s in range(TABLE_SIZE + 1)])
    return entry[1].__getitem__


def divisor_seats(
    votes: list[int], held: list[int], house: int, divisor: Divisor
) -> tuple[list[int], list[int], list[int]]:
    """The divisor method's seats for whole ``votes``, parties already holding ``held`` seats.

    Parties without votes keep ``held``; if ``held`` fills the house, nothing moves. Otherwise seats are
    added at the highest bid or taken back at the lowest winning average until the house is full, then moved
    from the lowest winning average to the highest bid while the first is below the second.

    Returns:
        ``(seats, won_at_tie, bidding_at_tie)``. When the lowest winning average equals the highest bid, the
        last seats are tied: ``won_at_tie`` are the parties holding a seat won at that average (as many seats
        as are contested), ``bidding_at_tie`` those bidding it; both are empty when there is no tie. The
        caller takes one seat from each of ``won_at_tie`` and lets the tie-break hand them out among both.

    >>> from reformlab.electoral.divisor import DIVISORS
    >>> divisor_seats([100, 80, 30], [0, 0, 0], 8, DIVISORS["d_hondt"])
    ([4, 3, 1], [], [])
    >>> divisor_seats([10, 10], [0, 0], 1, DIVISORS["d_hondt"])
    ([1, 0], [0], [1])
    """
    eligible = [i for i, v in enumerate(votes) if v > 0]
    if not eligible or sum(held) >= house:
        return list(held), [], []
    ratio, power = ratios(divisor, house), divisor.power
    seats = first_guess(votes, held, house, divisor)
    weight = votes if power == 1 else [v**power for v in votes]
    count = len(votes)
    bid_n, bid_a, won_n, won_a = [0] * count, [0] * count, [0] * count, [0] * count
    # Two heaps with lazy deletion keep the highest bid and the lowest winning average at hand, so each
    # seat moved costs log(parties), not a scan of every party (10^5 parties in well under a second).
    few = len(eligible) <= SCAN_LIMIT  # a scan beats a heap's entries for a few parties (the usual law)
    version = [0] * count
    bids: list[_Bid] = []
    wins: list[_Won] = []

    def refresh(i: int) -> None:
        # bid: the average for the next seat; won: the one the last seat beyond ``held`` was won with
        # (a = -1 marks no such seat). A zero divisor keeps n = w, so infinite averages rank by votes.
        a, b = ratio(seats[i])
        bid_n[i], bid_a[i] = (weight[i] * b if a else weight[i]), a
        if not few:
            version[i] += 1
            heappush(bids, _Bid(bid_n[i], a, i, version[i]))
        if seats[i] > held[i]:
            a, b = ratio(seats[i] - 1)
            won_n[i], won_a[i] = (weight[i] * b if a else weight[i]), a
            if not few:
                heappush(wins, _Won(won_n[i], a, i, version[i]))
        else:
            won_a[i] = -1

    # best_bid and worst_won compare finite averages inline (the usual case, a * a' > 0) and call above()
    # only where an average is infinite: the same order, at a fraction of the calls.
    def best_scanned_bid() -> int:
        best = eligible[0]
        bn, ba = bid_n[best], bid_a[best]
        for k in eligible:
            n, a = bid_n[k], bid_a[k]
            if (n * ba > bn * a) if (a and ba) else above(n, a, bn, ba):
                best, bn, ba = k, n, a
        return best

    def worst_scanned_won() -> int:
        worst, wn, wa = -1, 0, 0
        for k in eligible:
            a = won_a[k]
            if a < 0:
                continue
            n = won_n[k]
            if worst < 0 or ((wn * a > n * wa) if (a and wa) else above(wn, wa, n, a)):
                worst, wn, wa = k, n, a
        return worst

    def top(heap: list) -> int:
        while heap[0].version != version[heap[0].party]:
            heappop(heap)
        return heap[0].party

    def best_heap_bid() -> int:
        return top(bids)

    def worst_heap_won() -> int:
        return top(wins) if _live(wins, version) else -1

    best_bid = best_scanned_bid if few else best_heap_bid
    worst_won = worst_scanned_won if few else worst_heap_won

    for i in eligible:
        refresh(i)
    total = sum(seats)
    while total < house:
        i = best_bid()
        seats[i] += 1
        refresh(i)
        total += 1
    while total > house:
        i = worst_won()
        seats[i] -= 1
        refresh(i)
        total -= 1
    while True:
        worst, best = worst_won(), best_bid()
        n, a = won_n[worst], won_a[worst]
        if above(n, a, bid_n[best], bid_a[best]):
            return seats, [], []
        if level(n, a, bid_n[best], bid_a[best]):
            won = [k for k in eligible if won_a[k] >= 0 and level(won_n[k], won_a[k], n, a)]
            return seats, won, [k for k in eligible if level(bid_n[k], bid_a[k], n, a)]
        seats[worst] -= 1
        seats[best] += 1
        refresh(worst)
        refresh(best)


def usual_seats(votes: list[int], house: int, divisor: Divisor) -> list[int] | None:
    """:func:`divisor_seats` for the usual case, by plain scans (no heaps, no closures): a few parties
    (up to :data:`SCAN_LIMIT`), every one with votes, nothing held, power 1 and a first divisor above 0
    (every registered method but Adams, Dean and Huntington-Hill). The same characterisation: the guess is
    repaired until the lowest winning average is strictly above the highest bid, which only the
    seat-by-seat result satisfies. ``None`` when the last seat is tied or the case is not the usual one:
    :func:`divisor_seats` and the tie-break rule decide those.

    >>> from reformlab.electoral.divisor import DIVISORS
    >>> usual_seats([100, 80, 30], 8, DIVISORS["d_hondt"]), usual_seats([10, 10], 1, DIVISORS["d_hondt"])
    ([4, 3, 1], None)
    """
    if divisor.power != 1 or len(votes) > SCAN_LIMIT or 0 in votes:
        return None
    ratio = ratios(divisor, house)
    if ratio(0)[0] <= 0:
        return None
    seats = first_guess(votes, [0] * len(votes), house, divisor)
    total = sum(seats)
    while True:
        best = worst = -1
        bn = ba = wn = wa = 0
        for i, v in enumerate(votes):  # the highest bid and the lowest winning average, in one pass
            s = seats[i]
            a, b = ratio(s)
            if best < 0 or v * b * ba > bn * a:
                best, bn, ba = i, v * b, a
            if s:
                a, b = ratio(s - 1)
                if worst < 0 or v * b * wa < wn * a:
                    worst, wn, wa = i, v * b, a
        if total < house:
            seats[best] += 1
            total += 1
        elif total > house:
            seats[worst] -= 1
            total -= 1
        elif wn * ba > bn * wa:  # every seat won above every bid: the result
            return seats
        elif wn * ba == bn * wa:  # the last seat is tied
            return None
        else:
            seats[worst] -= 1
            seats[best] += 1


class _Bid:
    """A heap entry for a party's next-seat average: the highest ranks first, then the earlier party."""

    __slots__ = ("n", "a", "party", "version")

    def __init__(self, n: int, a: int, party: int, version: int) -> None:
        self.n, self.a, self.party, self.version = n, a, party, version

    def __lt__(self, other: _Bid) -> bool:
        if above(self.n, self.a, other.n, other.a):
            return True
        return self.party < other.party and level(self.n, self.a, other.n, other.a)


class _Won(_Bid):
    """A heap entry for the average a party's last seat was won with: the lowest ranks first."""

    __slots__ = ()

    def __lt__(self, other: _Won) -> bool:
        if above(other.n, other.a, self.n, self.a):
            return True
        return self.party < other.party and level(self.n, self.a, other.n, other.a)


def _live(heap: list[_Bid], version: list[int]) -> bool:
    """Drop stale entries from the top of ``heap``; whether a current one is left."""
    while heap and heap[0].version != version[heap[0].party]:
        heappop(heap)
    return bool(heap)
