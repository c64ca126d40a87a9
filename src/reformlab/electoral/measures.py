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


#: Above this many parties, Golosov's and Sainte-Laguë's sums (one distinct denominator per party, so the
#: exact sum's denominator grows with every party: minutes at 10^5 parties) are summed as floats.
EXACT_SUM_LIMIT = 1_000


def _differences(votes: Mapping, seats: Mapping) -> tuple[list[int], int]:
    """``V * S * (v_i - s_i)`` for every party as whole numbers, and ``V * S``: linear, exact."""
    parties = dict.fromkeys([*votes, *seats])
    total_v = sum(votes.get(p, 0) for p in parties)
    total_s = sum(seats.get(p, 0) for p in parties)
    if total_v <= 0 or total_s <= 0:
        raise ReformlabError("shares need a positive total", field="votes")
    return [votes.get(p, 0) * total_s - seats.get(p, 0) * total_v for p in parties], total_v * total_s


def loosemore_hanby(votes: Mapping, seats: Mapping) -> Fraction:
    """Loosemore-Hanby index ``D = 1/2 * sum |v_i - s_i|`` in percentage points (0 = proportional).

    >>> loosemore_hanby({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(15, 1)
    """
    differences, scale = _differences(votes, seats)
    return Fraction(50 * sum(map(abs, differences)), scale)


def gallagher(votes: Mapping, seats: Mapping) -> float:
    """Gallagher's least-squares index ``LSq = sqrt(1/2 * sum (v_i - s_i)^2)`` in percentage points.

    >>> round(gallagher({"A": 60, "B": 40}, {"A": 3, "B": 1}), 6)
    15.0
    """
    differences, scale = _differences(votes, seats)
    return math.sqrt(float(Fraction(10_000 * sum(d * d for d in differences), 2 * scale * scale)))


def sainte_lague_index(votes: Mapping, seats: Mapping) -> Fraction:
    """Sainte-Laguë index ``sum (s_i - v_i)^2 / v_i`` over parties with votes (shares as fractions).

    The measure Sainte-Laguë's divisor method minimises. Parties without votes are left out.

    >>> sainte_lague_index({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(3, 32)
    """
    differences, scale = _differences(votes, seats)  # (s_i - v_i) = -d_i / scale, v_i = V_i / V
    total_v = sum(votes.values())
    square = scale * scale
    return _sum(((d * d * total_v, square * votes[p]) for p, d in zip(dict.fromkeys([*votes, *seats]), differences)
                 if votes.get(p, 0)), len(differences))


def d_hondt_advantage(votes: Mapping, seats: Mapping) -> Fraction:
    """D'Hondt largest-advantage ratio ``max s_i / v_i``: the seat bonus of the most over-represented party.

    The measure D'Hondt's method minimises. Parties without votes are left out.

    >>> d_hondt_advantage({"A": 60, "B": 40}, {"A": 3, "B": 1})
    Fraction(5, 4)
    """
    total_v, total_s = sum(votes.values()), sum(seats.values())
    if total_v <= 0 or total_s <= 0:
        raise ReformlabError("shares need a positive total", field="votes")
    return max(Fraction(seats.get(p, 0) * total_v, votes[p] * total_s) for p in votes if votes[p])


def effective_number(counts: Mapping) -> Fraction:
    """Laakso-Taagepera effective number of parties ``1 / sum p_i^2``, of votes or of seats.

    >>> effective_number({"A": 50, "B": 50}), effective_number({"A": 3, "B": 1})
    (Fraction(2, 1), Fraction(8, 5))
    """
    total = sum(counts.values())
    if total <= 0:
        raise ReformlabError("shares need a positive total", field="votes")
    return Fraction(total * total, sum(c * c for c in counts.values()))


def golosov(counts: Mapping) -> Fraction:
    """Golosov's effective number ``sum_i p_i / (p_i + p_1^2 - p_i^2)``, ``p_1`` the largest share.

    Less inflated than Laakso-Taagepera when one party dominates.

    >>> golosov({"A": 50, "B": 50}), golosov({"A": 1, "B": 0})
    (Fraction(2, 1), Fraction(1, 1))
    """
    total = sum(counts.values())
    if total <= 0:
        raise ReformlabError("shares need a positive total", field="votes")
    top = max(counts.values())  # p_i / (p_i + p_1^2 - p_i^2) = c_i T / (c_i T + c_1^2 - c_i^2)
    top_square = top * top
    return _sum(((c * total, c * total + top_square - c * c) for c in counts.values() if c), len(counts))


def _sum(terms, count: int) -> Fraction | float:
    """The exact sum of ``(numerator, denominator)`` terms, or their float sum above :data:`EXACT_SUM_LIMIT`."""
    if count <= EXACT_SUM_LIMIT:
        return sum((Fraction(n, d) for n, d in terms), Fraction(0))
    return math.fsum(n / d for n, d in terms)


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
