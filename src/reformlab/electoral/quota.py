"""Largest-remainder (quota) methods: the quotas, and the allocation by integer parts and remainders.

Each party gets the integer part of ``votes / quota`` seats; the seats left over go to the largest
remainders. The quota decides the bias: the larger the quota, the more seats are left to remainders, where
small parties do relatively well. Only the Hare quota guarantees every party its quota (``seats * share``
rounded down or up); smaller quotas (Droop, Hagenbach-Bischoff, Imperiali) favour large parties and can
hand out more seats by integer parts than there are seats (see :func:`remainder_allocation`).

Reference: Pukelsheim, *Proportional Representation* (2nd ed., Springer 2017), ch. 7; Gallagher and
Mitchell (eds.), *The Politics of Electoral Systems* (OUP 2005), appendix A.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from collections.abc import Set as AbstractSet
from fractions import Fraction

from reformlab.electoral.ties import Tie, TieBreak, top_by_rank
from reformlab.errors import ReformlabError


def hare(votes: int, seats: int) -> tuple[int, int]:
    """Hare (simple) quota ``V / S``; the only quota that keeps every party within its quota.

    Used by Kazakhstan's Majilis list tier ("first electoral quotient", election law Art. 97(1)).

    >>> hare(100, 8), QUOTAS["hare"](100, 8)
    ((100, 8), Fraction(25, 2))
    """
    return votes, seats


def droop(votes: int, seats: int) -> tuple[int, int]:
    """Droop quota in its integer form ``floor(V / (S + 1)) + 1``: the smallest whole number of votes
    that no more than ``S`` candidates can reach. Favours large parties relative to Hare.

    >>> droop(100, 4), QUOTAS["droop"](100, 4)
    ((21, 1), Fraction(21, 1))
    """
    return votes // (seats + 1) + 1, 1


def hagenbach_bischoff(votes: int, seats: int) -> tuple[int, int]:
    """Hagenbach-Bischoff quota ``V / (S + 1)`` (the exact Droop quota). Integer parts may exceed ``S``
    by one when votes are exact multiples of the quota; the excess is taken back from the smallest remainders.

    >>> hagenbach_bischoff(100, 4), QUOTAS["hagenbach_bischoff"](100, 4)
    ((100, 5), Fraction(20, 1))
    """
    return votes, seats + 1


def imperiali_quota(votes: int, seats: int) -> tuple[int, int]:
    """Imperiali quota ``V / (S + 2)`` (Italy's Chamber, 1956-1993). Strongly favours large parties;
    integer parts can exceed ``S``, and the excess is taken back from the smallest remainders.

    >>> imperiali_quota(100, 3), QUOTAS["imperiali_quota"](100, 3)
    ((100, 5), Fraction(20, 1))
    """
    return votes, seats + 2


#: Each quota as whole-number terms ``(num, den)`` of the vote total and the seats, ``quota = num / den`` (not
#: necessarily in lowest terms), so that ``votes / quota = votes * den / num`` stays in integers: the exact
#: path's usual case and the batch path (where the totals are numpy arrays) divide by these.
QUOTA_TERMS: dict[str, Callable[[int, int], tuple[int, int]]] = {
    "hare": hare,
    "droop": droop,
    "hagenbach_bischoff": hagenbach_bischoff,
    "imperiali_quota": imperiali_quota,
}


def _as_fraction(terms: Callable[[int, int], tuple[int, int]]) -> Callable[[int, int], Fraction]:
    def quota(votes: int, seats: int) -> Fraction:
        return Fraction(*terms(votes, seats))

    quota.__name__, quota.__doc__ = terms.__name__, terms.__doc__
    return quota


def exact_quota(num: int, den: int) -> Fraction:
    """``Fraction(num, den)`` for whole ``num >= 0`` and ``den > 0`` (a quota's terms), in lowest terms, built
    in half the time of Fraction's general constructor (the usual allocation builds one per call): the
    constructor's own last step (``Fraction._from_coprime_ints`` from Python 3.12), after one gcd.

    >>> exact_quota(100, 8), exact_quota(0, 98) == 0
    (Fraction(25, 2), True)
    """
    g = _gcd(num, den)
    if _from_coprime is not None:
        return _from_coprime(num // g, den // g)
    quota = _new_number(Fraction)
    quota._numerator, quota._denominator = num // g, den // g  # Fraction's two slots (Python 3.11)
    return quota


_gcd = math.gcd
_from_coprime = getattr(Fraction, "_from_coprime_ints", None)
_new_number = object.__new__

#: Each quota as an exact number: name -> ``(vote total, seats) -> Fraction``.
QUOTAS: dict[str, Callable[[int, int], Fraction]] = {name: _as_fraction(t) for name, t in QUOTA_TERMS.items()}


def remainder_allocation(
    quotients: Mapping[Hashable, Fraction],
    seats: int,
    tie_break: TieBreak,
    minimum: Mapping[Hashable, int] | None = None,
) -> tuple[dict, tuple[Tie, ...]]:
    """Seats from exact quotients: integer parts first, then the largest remainders.

    A party with a ``minimum`` gets at least that many seats by integer part; a party lifted to its
    minimum takes no remainder seat, nor does a party without votes. When integer parts exceed ``seats``
    (small quotas), the excess is taken back one seat each from the parties with the smallest remainders.
    When more seats are left than parties (only with a quota larger than ``V / S``: the integer Droop
    quota with fewer votes than seats), the remainders are ranked again for each further round.

    >>> remainder_allocation({"A": Fraction(7, 2), "B": Fraction(5, 2), "C": Fraction(1)}, 7, TieBreak())[0]
    {'A': 4, 'B': 2, 'C': 1}
    """
    whole = {p: int(q) for p, q in quotients.items()}  # int() truncates; quotients are >= 0
    remainder = {p: q - whole[p] for p, q in quotients.items()}
    idle = {p for p, q in quotients.items() if q <= 0}
    return _award_remainders(whole, remainder, idle, seats, tie_break, minimum)


_NOBODY: frozenset = frozenset()


def quota_allocation(
    votes: Mapping[Hashable, int],
    quota: Fraction,
    seats: int,
    tie_break: TieBreak,
    minimum: Mapping[Hashable, int] | None = None,
    correction: Mapping[Hashable, Fraction] | None = None,
) -> tuple[dict, tuple[Tie, ...]]:
    """:func:`remainder_allocation` for the quotients ``votes * correction / quota``, in whole numbers.

    Over one common denominator, a quotient's integer part and remainder are ``divmod(numerator,
    denominator)``, and remainders compare (and tie) as whole numbers exactly as the Fractions would. With
    ``quota = qn / qd`` and the corrections (a runner-up's factor, 1 for the others) over a common
    denominator ``c``, as ``k / c``, the quotient is ``votes * qd * k / (qn * c)``.

    >>> quota_allocation({"A": 7, "B": 5, "C": 2}, Fraction(2), 7, TieBreak())[0]
    {'A': 4, 'B': 2, 'C': 1}
    """
    qn, qd = quota.numerator, quota.denominator
    if not correction and not minimum:  # the usual case: divmod, then one clean cut through the remainders
        whole, remainder = {}, {}
        for party, v in votes.items():
            whole[party], remainder[party] = divmod(v * qd, qn)
        left = seats - sum(whole.values())
        if not left or clear_cut(whole, remainder, left):
            return whole, ()
        idle = _NOBODY if all(votes.values()) else {p for p, v in votes.items() if v <= 0}
        return _award_remainders(whole, remainder, idle, seats, tie_break, minimum)
    common, scale = 1, None
    if correction:
        factor = {p: Fraction(c) for p, c in correction.items()}
        common = math.lcm(*(c.denominator for c in factor.values()))
        scale = {p: c.numerator * (common // c.denominator) * qd for p, c in factor.items()}
    times, denominator = qd * common, qn * common
    whole, remainder = {}, {}
    if scale:
        for party, v in votes.items():
            whole[party], remainder[party] = divmod(v * scale.get(party, times), denominator)
    else:
        for party, v in votes.items():
            whole[party], remainder[party] = divmod(v * times, denominator)
    idle = _NOBODY if all(votes.values()) else {p for p, v in votes.items() if v <= 0}
    return _award_remainders(whole, remainder, idle, seats, tie_break, minimum)


def clear_cut(whole: dict, remainder: Mapping, left: int) -> bool:
    """Give the ``left`` seats to the largest remainders in one round when the cut is clean: fewer seats than
    parties, and the last remainder served strictly above the first one left out (no tie; and a party
    without votes, remainder 0, cannot be served). Returns whether it did; ``whole`` is changed in place."""
    if not 0 < left < len(remainder):
        return False
    ranked = sorted(remainder.values(), reverse=True)
    last = ranked[left - 1]  # the last remainder served
    if last <= ranked[left]:
        return False
    for party, r in remainder.items():
        if r >= last:
            whole[party] += 1
    return True


def _award_remainders(
    whole: dict,
    remainder: Mapping,
    idle: AbstractSet,
    seats: int,
    tie_break: TieBreak,
    minimum: Mapping[Hashable, int] | None,
) -> tuple[dict, tuple[Tie, ...]]:
    """Complete the integer parts ``whole`` (changed in place) to ``seats`` by ``remainder`` rank;
    parties in ``idle`` (without votes) and those lifted to their ``minimum`` take no remainder seat."""
    excluded = idle
    if minimum:
        excluded = set(idle)
        for party, least in minimum.items():
            if whole[party] < least:  # lifted to its minimum: no remainder seat
                whole[party] = least
                excluded.add(party)
    left = seats - sum(whole.values())
    if left == 0:
        return whole, ()
    eligible = {p: r for p, r in remainder.items() if p not in excluded} if excluded else remainder
    if clear_cut(whole, eligible, left):
        return whole, ()
    ties: list[Tie] = []
    minimum = minimum or {}
    while (
        left > 0 and eligible
    ):  # more than one round only when the quota is too large (integer Droop, V < S)
        winners, tie = top_by_rank(eligible, min(left, len(eligible)), tie_break)
        ties += [tie] if tie else []
        for party in winners:
            whole[party] += 1
        left -= len(winners)
    while left < 0:  # take back one seat per party, smallest remainders first, until the house fits
        holders = {p: r for p, r in remainder.items() if whole[p] > minimum.get(p, 0)}
        if not holders:
            raise ReformlabError(f"the guaranteed minimum seats exceed the {seats} seats", field="seats")
        keepers, tie = top_by_rank(holders, max(len(holders) + left, 0), tie_break)
        ties += [tie] if tie else []
        for party in holders.keys() - set(keepers):
            whole[party] -= 1
            left += 1
    return whole, tuple(ties)


def largest_remainder(
    votes: Mapping[Hashable, int], seats: int, quota: str = "hare", tie_break: TieBreak | None = None
) -> tuple[dict, Fraction, tuple[Tie, ...]]:
    """Allocate ``seats`` among ``votes`` by the named quota and largest remainders.

    Returns ``(seats_by_party, quota, ties)``. The Kazakh Majilis hand check (2012, 98 seats):

    >>> largest_remainder({"NO": 5621436, "AZ": 518405, "CPPK": 498788}, 98)[0]
    {'NO': 83, 'AZ': 8, 'CPPK': 7}
    """
    tie_break = tie_break or TieBreak()
    q = QUOTAS[quota](sum(votes.values()), seats)
    result, ties = quota_allocation(votes, q, seats, tie_break)
    return result, q, ties
