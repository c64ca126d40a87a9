"""Disproportionality and fragmentation measures of an election result.

All take ``votes`` and ``seats`` as mappings party -> count over the same parties (parties missing from
``seats`` hold 0 seats). Vote shares are of the votes given (all lists, including those below the
threshold). Results are exact :class:`~fractions.Fraction` where the formula is rational; Gallagher's
index involves a square root and is a float.

References: Gallagher, "Proportionality, disproportionality and electoral systems", *Electoral Studies*
10 (1991) 33-51; Loosemore and Hanby, *BJPS* 1 (1971) 467-477; Laakso and Taagepera, *CPS* 12 (1979)
3-27; Golosov, *Party Politics* 16 (2010) 171-192.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from fractions import Fraction

from reformlab.errors import ReformlabError


def _shares(counts: Mapping[Hashable, int], parties) -> dict:
    total = sum(counts.get(p, 0) for p in parties)
    if total <= 0:
        raise ReformlabError("shares need a positive total", field="votes")
    return {p: Fraction(counts.get(p, 0), total) for p in parties}


def _pair(votes: Mapping, seats: Mapping) -> tuple[dict, dict]:
    parties = list(dict.fromkeys([*votes, *seats]))
    return _shares(votes, parties), _shares(seats, parties)


def loosemore_hanby(votes: Mapping, seats: Mapping) -> Fraction:
    """Loosemore-Hanby index ``D = 1/2 * sum |v_i - s_i|`` in percentage points (0 = proportional).

    >>> loosemore_hanby({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(15, 1)
    """
    v, s = _pair(votes, seats)
    return sum((abs(v[p] - s[p]) for p in v), Fraction(0)) * 50


def gallagher(votes: Mapping, seats: Mapping) -> float:
    """Gallagher's least-squares index ``LSq = sqrt(1/2 * sum (v_i - s_i)^2)`` in percentage points.

    >>> round(gallagher({"A": 60, "B": 40}, {"A": 3, "B": 1}), 6)
    15.0
    """
    v, s = _pair(votes, seats)
    return math.sqrt(float(sum(((v[p] - s[p]) * 100) ** 2 for p in v) / 2))


def sainte_lague_index(votes: Mapping, seats: Mapping) -> Fraction:
    """Sainte-Laguë index ``sum (s_i - v_i)^2 / v_i`` over parties with votes (shares as fractions).

    The measure Sainte-Laguë's divisor method minimises. Parties without votes are left out.

    >>> sainte_lague_index({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(3, 32)
    """
    v, s = _pair(votes, seats)
    return sum(((s[p] - v[p]) ** 2 / v[p] for p in v if v[p]), Fraction(0))


def d_hondt_advantage(votes: Mapping, seats: Mapping) -> Fraction:
    """D'Hondt largest-advantage ratio ``max s_i / v_i``: the seat bonus of the most over-represented party.

    The measure D'Hondt's method minimises. Parties without votes are left out.

    >>> d_hondt_advantage({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(5, 4)
    """
    v, s = _pair(votes, seats)
    return max(s[p] / v[p] for p in v if v[p])


def effective_number(counts: Mapping) -> Fraction:
    """Laakso-Taagepera effective number of parties ``1 / sum p_i^2``, of votes or of seats.

    >>> effective_number({"A": 50, "B": 50}), effective_number({"A": 3, "B": 1})
    (Fraction(2, 1), Fraction(8, 5))
    """
    p = _shares(counts, list(counts))
    return 1 / sum(x * x for x in p.values())


def golosov(counts: Mapping) -> Fraction:
    """Golosov's effective number ``sum_i p_i / (p_i + p_1^2 - p_i^2)``, ``p_1`` the largest share.

    Less inflated than Laakso-Taagepera when one party dominates.

    >>> golosov({"A": 50, "B": 50}), golosov({"A": 1, "B": 0})
    (Fraction(2, 1), Fraction(1, 1))
    """
    p = _shares(counts, list(counts))
    top = max(p.values())
    return sum((x / (x + top * top - x * x) for x in p.values() if x), Fraction(0))


def summary(votes: Mapping, seats: Mapping) -> dict:
    """The measures the CLI prints: Gallagher, Loosemore-Hanby, ENP of votes and of seats, and more."""
    return {
        "gallagher": gallagher(votes, seats),
        "loosemore_hanby": loosemore_hanby(votes, seats),
        "sainte_lague_index": sainte_lague_index(votes, seats),
        "d_hondt_advantage": d_hondt_advantage(votes, seats),
        "enp_votes": effective_number(votes),
        "enp_seats": effective_number(seats),
        "golosov_votes": golosov(votes),
        "golosov_seats": golosov(seats),
    }
