"""Highest-averages (divisor) methods: the divisor sequences, and the seat-by-seat allocation.

Each seat goes to the party with the highest average ``votes / d(s)``, where ``s`` is the number of seats
it already holds and ``d`` the method's divisor sequence. Every divisor method is house monotone (one more
seat never costs a party a seat); none always stays within quota. The first divisor sets the bias: a
large first divisor (Danish, Imperiali, modified Sainte-Laguë) makes the first seat expensive and helps
large parties; a zero first divisor (Adams, Dean, Huntington-Hill) gives every party a seat first.

Exactness: Huntington-Hill's divisor ``sqrt(s(s+1))`` is irrational, so averages are compared through
their squares ``votes**2 / (s(s+1))`` (a monotone transform, so the order and the ties are unchanged).
A zero divisor ranks above every finite average; among zero divisors the larger vote ranks first.

Reference: Balinski and Young, *Fair Representation* (2nd ed., Brookings 2001); Pukelsheim,
*Proportional Representation* (2nd ed., 2017), ch. 3-4.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from fractions import Fraction

import attrs

from reformlab.electoral.ties import Tie, TieBreak, top_by_rank


@attrs.frozen
class Divisor:
    """A divisor sequence ``d(s)`` for the seat after ``s`` held, compared at ``power`` (2: Huntington-Hill).

    Args:
        name: the registry name.
        sequence: ``s -> d(s) ** power`` as an exact number (int or Fraction).
        power: the power at which votes and divisors are compared.
    """

    name: str
    sequence: Callable[[int], Fraction]
    power: int = 1

    def average(self, votes: int, held: int) -> tuple[int, Fraction]:
        """An exact, comparable key for ``votes / d(held)``: ``(1, votes)`` when ``d(held) == 0``."""
        d = self.sequence(held)
        return (1, Fraction(votes)) if d == 0 else (0, Fraction(votes**self.power) / d)


def _d_hondt(s: int) -> Fraction:
    return Fraction(s + 1)


def _sainte_lague(s: int) -> Fraction:
    return Fraction(2 * s + 1)


def _modified_sainte_lague(s: int) -> Fraction:
    return Fraction(7, 5) if s == 0 else Fraction(2 * s + 1)


def _danish(s: int) -> Fraction:
    return Fraction(3 * s + 1)


def _imperiali(s: int) -> Fraction:
    return Fraction(s + 2)


def _huntington_hill(s: int) -> Fraction:
    return Fraction(s * (s + 1))  # the square of the geometric mean sqrt(s(s+1))


def _adams(s: int) -> Fraction:
    return Fraction(s)


def _dean(s: int) -> Fraction:
    return Fraction(2 * s * (s + 1), 2 * s + 1)  # harmonic mean of s and s+1


DIVISORS: dict[str, Divisor] = {
    d.name: d
    for d in (
        # D'Hondt / Jefferson: 1, 2, 3, ... Favours large parties; stays above lower quota.
        Divisor("d_hondt", _d_hondt),
        # Sainte-Laguë / Webster: 1, 3, 5, ... Unbiased between large and small parties.
        Divisor("sainte_lague", _sainte_lague),
        # Scandinavian modified Sainte-Laguë: 1.4, 3, 5, ... Makes a small party's first seat dearer.
        Divisor("modified_sainte_lague", _modified_sainte_lague),
        # Danish: 1, 4, 7, ... (Danish supplementary seats). Favours small parties more than Sainte-Laguë.
        Divisor("danish", _danish),
        # Imperiali divisors: 2, 3, 4, ... (Belgian municipalities). Favours large parties more than D'Hondt.
        Divisor("imperiali", _imperiali),
        # Huntington-Hill / equal proportions: sqrt(s(s+1)) (US House since 1941). Everyone gets a first seat.
        Divisor("huntington_hill", _huntington_hill, power=2),
        # Adams / smallest divisors: 0, 1, 2, ... Favours small parties; stays below upper quota.
        Divisor("adams", _adams),
        # Dean / harmonic mean: 2s(s+1)/(2s+1). Gives everyone a first seat.
        Divisor("dean", _dean),
    )
}


def highest_averages(
    votes: Mapping[Hashable, int],
    seats: int,
    divisor: str = "d_hondt",
    tie_break: TieBreak | None = None,
    held: Mapping[Hashable, int] | None = None,
) -> tuple[dict, tuple[Tie, ...]]:
    """Allocate ``seats`` by the named divisor method, seat by seat, exactly.

    ``held`` gives seats already held before the first one is handed out (e.g. a guaranteed minimum).
    Returns ``(seats_by_party, ties)``; a tie is recorded only when it decides who gets a seat.

    >>> highest_averages({"A": 100, "B": 80, "C": 30}, 8)[0]
    {'A': 4, 'B': 3, 'C': 1}
    >>> highest_averages({"A": 100, "B": 80, "C": 30}, 8, "sainte_lague")[0]
    {'A': 4, 'B': 3, 'C': 1}
    >>> highest_averages({"A": 10, "B": 10}, 1)[1][0].parties
    ('A', 'B')
    """
    tie_break = tie_break or TieBreak()
    rule = DIVISORS[divisor]
    result = {p: (held or {}).get(p, 0) for p in votes}
    left = seats - sum(result.values())
    ties: list[Tie] = []
    while left > 0:
        keys = {p: rule.average(v, result[p]) for p, v in votes.items() if v > 0}
        if not keys:
            break
        best = max(keys.values())
        level = [p for p in keys if keys[p] == best]
        winners, tie = top_by_rank({p: 0 for p in level}, min(left, len(level)), tie_break)
        ties += [tie] if tie else []
        for party in winners:
            result[party] += 1
        left -= len(winners)
    return result, tuple(ties)
