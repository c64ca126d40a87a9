"""Highest-averages (divisor) methods: the divisor sequences, and the allocation they define seat by seat.

Each seat goes to the party with the highest average ``votes / d(s)``, where ``s`` is the number of seats
it already holds and ``d`` the method's divisor sequence. Every divisor method is house monotone (one more
seat never costs a party a seat); none always stays within quota. The first divisor sets the bias: a
large first divisor (Danish, Imperiali, modified Sainte-Laguë) makes the first seat expensive and helps
large parties; a zero first divisor (Adams, Dean, Huntington-Hill) gives every party a seat first.

Exactness: Huntington-Hill's divisor ``sqrt(s(s+1))`` is irrational, so averages are compared through
their squares ``votes**2 / (s(s+1))`` (a monotone transform, so the order and the ties are unchanged).
A zero divisor ranks above every finite average; among zero divisors the larger vote ranks first.
Each sequence is stored as an integer ratio (:attr:`Divisor.ratio`), so averages are compared by
cross-multiplying whole numbers; :func:`highest_averages` finds the seat-by-seat result by moving single
seats from a guess (:mod:`reformlab.electoral._divisor_moves`) rather than replaying every seat.

Reference: Balinski and Young, *Fair Representation* (2nd ed., Brookings 2001); Pukelsheim,
*Proportional Representation* (2nd ed., 2017), ch. 3-4.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from fractions import Fraction

import attrs

from reformlab.electoral._divisor_moves import divisor_seats
from reformlab.electoral.ties import Tie, TieBreak


@attrs.frozen
class Divisor:
    """A divisor sequence ``d(s)`` for the seat after ``s`` held, compared at ``power`` (2: Huntington-Hill).

    Args:
        name: the registry name.
        ratio: ``s -> (a, b)``, whole numbers with ``b > 0`` and ``d(s) ** power == a / b``: the sequence as
            an integer ratio, so that averages are compared by cross-multiplication, without Fractions.
        power: the power at which votes and divisors are compared.
        offset: ``d(s)`` grows like ``slope * (s + offset)``; only used to guess a starting allocation.
    """

    name: str
    ratio: Callable[[int], tuple[int, int]]
    power: int = 1
    offset: Fraction = Fraction(1, 2)

    def sequence(self, held: int) -> Fraction:
        """``d(held) ** power`` as an exact number."""
        a, b = self.ratio(held)
        return Fraction(a, b)

    def average(self, votes: int, held: int) -> tuple[int, Fraction]:
        """An exact, comparable key for ``votes / d(held)``: ``(1, votes)`` when ``d(held) == 0``."""
        d = self.sequence(held)
        return (1, Fraction(votes)) if d == 0 else (0, Fraction(votes**self.power) / d)


def _d_hondt(s: int) -> tuple[int, int]:
    return s + 1, 1


def _sainte_lague(s: int) -> tuple[int, int]:
    return 2 * s + 1, 1


def _modified_sainte_lague(s: int) -> tuple[int, int]:
    return (7, 5) if s == 0 else (2 * s + 1, 1)


def _danish(s: int) -> tuple[int, int]:
    return 3 * s + 1, 1


def _imperiali(s: int) -> tuple[int, int]:
    return s + 2, 1


def _huntington_hill(s: int) -> tuple[int, int]:
    return s * (s + 1), 1  # the square of the geometric mean sqrt(s(s+1))


def _adams(s: int) -> tuple[int, int]:
    return s, 1


def _dean(s: int) -> tuple[int, int]:
    return 2 * s * (s + 1), 2 * s + 1  # harmonic mean of s and s+1


DIVISORS: dict[str, Divisor] = {
    d.name: d
    for d in (
        # D'Hondt / Jefferson: 1, 2, 3, ... Favours large parties; stays above lower quota.
        Divisor("d_hondt", _d_hondt, offset=Fraction(1)),
        # Sainte-Laguë / Webster: 1, 3, 5, ... Unbiased between large and small parties.
        Divisor("sainte_lague", _sainte_lague),
        # Scandinavian modified Sainte-Laguë: 1.4, 3, 5, ... Makes a small party's first seat dearer.
        Divisor("modified_sainte_lague", _modified_sainte_lague),
        # Danish: 1, 4, 7, ... (Danish supplementary seats). Favours small parties more than Sainte-Laguë.
        Divisor("danish", _danish, offset=Fraction(1, 3)),
        # Imperiali divisors: 2, 3, 4, ... (Belgian municipalities). Favours large parties more than D'Hondt.
        Divisor("imperiali", _imperiali, offset=Fraction(2)),
        # Huntington-Hill / equal proportions: sqrt(s(s+1)) (US House since 1941). Everyone gets a first seat.
        Divisor("huntington_hill", _huntington_hill, power=2),
        # Adams / smallest divisors: 0, 1, 2, ... Favours small parties; stays below upper quota.
        Divisor("adams", _adams, offset=Fraction(0)),
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
    """Allocate ``seats`` by the named divisor method: each seat to the highest average, exactly.

    ``held`` gives seats already held before the first one is handed out (e.g. a guaranteed minimum).
    Votes may be Fractions (a corrected runner-up's votes); only parties with votes above 0 win seats.
    Returns ``(seats_by_party, ties)``; a tie is recorded only when it decides who gets a seat: when the
    last seats fall on more parties with exactly equal averages than there are seats left.

    The seats are those of the seat-by-seat procedure, found without replaying it (see
    :mod:`reformlab.electoral._divisor_moves`): whole-number cross-multiplication, no Fraction per seat.

    >>> highest_averages({"A": 100, "B": 80, "C": 30}, 8)[0]
    {'A': 4, 'B': 3, 'C': 1}
    >>> highest_averages({"A": 100, "B": 80, "C": 30}, 8, "sainte_lague")[0]
    {'A': 4, 'B': 3, 'C': 1}
    >>> highest_averages({"A": 10, "B": 10}, 1)[1][0].parties
    ('A', 'B')
    """
    tie_break = tie_break or TieBreak()
    parties = list(votes)
    floor = [held.get(p, 0) for p in parties] if held else [0] * len(parties)
    result, won, bidding = divisor_seats(whole_votes(votes.values()), floor, seats, DIVISORS[divisor])
    ties: tuple[Tie, ...] = ()
    if won:
        tied = sorted(won + bidding)  # input order, the default tie-break order
        tie = tie_break.choose([parties[i] for i in tied], len(won))
        for i in won:
            result[i] -= 1
        awarded = set(tie.awarded_to)
        for i in tied:
            result[i] += parties[i] in awarded
        ties = (tie,)
    return dict(zip(parties, result, strict=True)), ties


def whole_votes(values: Iterable[int | Fraction]) -> list[int]:
    """The votes as whole numbers in the same proportions: Fractions are scaled by their common denominator.

    Scaling every vote by one positive number changes no comparison of averages, so the seats and ties are
    those of the votes given.

    >>> whole_votes([3, Fraction(7, 10), Fraction(1, 4)])
    [60, 14, 5]
    """
    values = list(values)
    for v in values:
        if type(v) is not int:
            break
    else:  # all whole already (the usual case)
        return values
    exact = [Fraction(v) for v in values]
    scale = math.lcm(*(v.denominator for v in exact))
    return [v.numerator * (scale // v.denominator) for v in exact]
