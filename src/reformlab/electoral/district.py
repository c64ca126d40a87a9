"""Districts: single-member plurality, two-round majority, and list allocation district by district.

- **Plurality** (first past the post): the candidate with the most votes wins.
- **Two-round majority**: a candidate with more than ``majority`` of the base in the first round wins;
  otherwise the top ``runoff_size`` go to a second round, won by plurality. Kazakhstan used absolute
  majority with a runoff for its 67 single-member Majilis seats until 2007 and for the President
  (Constitution Art. 41(5): "more than fifty percent of the voters who took part").
- **Multi-district lists**: each district's seats allocated among its lists by one method, with the
  threshold applied per district or nationally (on the summed votes).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from reformlab.electoral.allocation import allocate
from reformlab.electoral.threshold import Threshold
from reformlab.electoral.ties import Tie, TieBreak, top_by_rank
from reformlab.errors import ReformlabError, unknown_name


@attrs.frozen
class DistrictResult:
    """The outcome of a single-member district.

    Args:
        winner: the elected candidate or party, or ``None`` when a runoff is due but not given.
        round: the round that decided it (1 or 2); 0 if undecided.
        runoff: the candidates who go to the second round (empty if none was needed).
        ties: exact ties that decided who won or who went to the runoff.
    """

    winner: Hashable | None
    round: int = 1
    runoff: tuple = ()
    ties: tuple[Tie, ...] = ()


def _top(votes: Mapping[Hashable, int], count: int, tie_break: TieBreak) -> tuple[tuple, tuple[Tie, ...]]:
    if not votes:
        raise ReformlabError("a district needs at least one candidate", field="votes")
    chosen, tie = top_by_rank(dict(votes), count, tie_break)
    return chosen, (tie,) if tie else ()


def plurality(votes: Mapping[Hashable, int], tie_break: TieBreak | None = None) -> DistrictResult:
    """First past the post: most votes wins; an exact tie goes to ``tie_break`` and is returned.

    >>> plurality({"A": 40, "B": 35, "C": 25}).winner
    'A'
    >>> plurality({"A": 40, "B": 40}).ties[0].parties
    ('A', 'B')
    """
    (winner,), ties = _top(votes, 1, tie_break or TieBreak())
    return DistrictResult(winner, 1, (), ties)


def two_round(
    first: Mapping[Hashable, int],
    second: Mapping[Hashable, int] | None = None,
    *,
    majority: Fraction = Fraction(1, 2),
    base: int | None = None,
    runoff_size: int = 2,
    tie_break: TieBreak | None = None,
) -> DistrictResult:
    """Two-round majority: win with more than ``majority`` of ``base`` in round one, else a runoff.

    ``base`` is the number the majority is taken of (default: the valid votes of round one; Kazakh law
    counts "voters who took part", i.e. ballots cast). ``second`` gives the runoff votes; without it an
    undecided district returns ``winner=None`` and the runoff pair.

    >>> two_round({"A": 45, "B": 35, "C": 20}).runoff
    ('A', 'B')
    >>> two_round({"A": 45, "B": 35, "C": 20}, {"A": 48, "B": 52}).winner
    'B'
    >>> two_round({"A": 51, "B": 49}).winner
    'A'
    """
    tie_break = tie_break or TieBreak()
    total = sum(first.values()) if base is None else base
    (leader,), ties = _top(first, 1, tie_break)
    if first[leader] > majority * total:
        return DistrictResult(leader, 1, (), ties)
    runoff, ties = _top(first, runoff_size, tie_break)
    if second is None:
        return DistrictResult(None, 0, runoff, ties)
    strangers = [c for c in second if c not in runoff]
    if strangers:
        raise ReformlabError(
            f"{strangers[0]!r} has second-round votes but did not qualify for the runoff",
            field="second",
            fix=f"give second-round votes only for {', '.join(map(str, runoff))}",
        )
    (winner,), final_ties = _top({c: second.get(c, 0) for c in runoff}, 1, tie_break)
    return DistrictResult(winner, 2, runoff, ties + final_ties)


@attrs.frozen
class DistrictAllocation:
    """Seats by district and in total.

    Args:
        districts: district -> :class:`~reformlab.electoral.Allocation`.
        seats: party -> total seats over all districts (every party seen, first-seen order).
        passed: parties admitted by a national threshold (all parties when the threshold is per district).
    """

    districts: dict
    seats: dict
    passed: tuple = ()


def allocate_districts(
    votes: Mapping[Hashable, Mapping[Hashable, int]],
    seats: Mapping[Hashable, int],
    method: str = "d_hondt",
    threshold: Threshold | Mapping | str | None = None,
    *,
    threshold_level: str = "district",
    **options: Any,
) -> DistrictAllocation:
    """Allocate each district's ``seats`` among its lists by ``method``.

    ``threshold_level="district"`` applies the threshold within each district; ``"national"`` applies it
    to the votes summed over districts (base ``valid``), and only lists passing nationally take part in
    any district. ``options`` go to :func:`~reformlab.electoral.allocate` (``tie_break``, ``seed``...).

    >>> votes = {"N": {"A": 60, "B": 40}, "S": {"A": 30, "B": 70}}
    >>> allocate_districts(votes, {"N": 3, "S": 2}, "d_hondt").seats
    {'A': 2, 'B': 3}
    """
    if set(votes) != set(seats):
        missing = sorted(map(str, set(votes) ^ set(seats)))
        raise ReformlabError(
            f"districts with votes and districts with seats differ: {', '.join(missing)}",
            field="seats",
            fix="give seats for every district that has votes, and votes for every district with seats",
        )
    if threshold_level not in ("district", "national"):
        raise unknown_name("threshold level", threshold_level, ("district", "national"), field="threshold_level")
    parties = list(dict.fromkeys(p for district in votes.values() for p in district))
    passed = tuple(parties)
    if threshold is not None and threshold_level == "national":
        national = {p: sum(d.get(p, 0) for d in votes.values()) for p in parties}
        passed = allocate(national, 1, method, threshold).passed
        threshold = None
    results = {}
    for name, district in votes.items():
        admitted = {p: v for p, v in district.items() if p in passed}
        result = allocate(admitted, seats[name], method, threshold, **options)
        results[name] = attrs.evolve(
            result, seats={p: result.seats.get(p, 0) for p in district}, votes=dict(district)
        )
    total = {p: sum(r.seats.get(p, 0) for r in results.values()) for p in parties}
    return DistrictAllocation(results, total, passed)
