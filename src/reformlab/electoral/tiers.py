"""Mixed systems: a parallel (segmented) list tier next to district seats, and a compensatory (MMP) tier.

- **Parallel** (Kazakhstan 1999 and 2004: 67 single-member seats + 10 list seats; 2023: 29 + 69): the
  tiers do not interact; a party's seats are its district seats plus its list seats.
- **Compensatory** (mixed-member proportional; Germany, New Zealand): the list tier tops up each party's
  district seats to its proportional entitlement of the whole house. District seats beyond the
  entitlement are *overhang*; :data:`OVERHANG_RULES` says what happens then:

  - ``"keep"``: the party keeps them and the house grows (New Zealand);
  - ``"compensate"``: the house grows until no party has overhang, so other parties are levelled up
    (Germany 2013-2020);
  - ``"fixed_house"``: the house size stays; overhang parties keep their district seats and the rest of the
    house is shared proportionally among the other parties (repeated until no new overhang arises).

  District seats won by independents or by parties below the threshold are subtracted from the house
  before the proportional share is computed (German Federal Electoral Law, s. 6(1)).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import attrs

from reformlab.electoral.allocation import Allocation, allocate
from reformlab.electoral.threshold import Threshold
from reformlab.errors import ReformlabError, unknown_name

OVERHANG_RULES = ("keep", "compensate", "fixed_house")


@attrs.frozen
class MixedResult:
    """Seats of a mixed system, in total and by tier.

    Args:
        seats: party -> total seats (district parties first seen first, then list parties).
        tiers: tier name -> (party -> seats), e.g. ``{"district": {...}, "list": {...}}``.
        house: the total number of seats (may exceed the nominal size with overhang).
        overhang: party -> overhang seats (compensatory tiers only).
        list_allocation: the :class:`Allocation` that set the proportional shares.
    """

    seats: dict
    tiers: dict
    house: int
    overhang: dict = attrs.Factory(dict)
    list_allocation: Allocation | None = None


def parallel(district_seats: Mapping[Hashable, int], list_tier: Allocation) -> MixedResult:
    """Add district seats and list seats, party by party (a segmented system).

    >>> lists = allocate({"A": 60, "B": 40}, 4, "hare")
    >>> parallel({"A": 5, "Independents": 1}, lists).seats
    {'A': 7, 'Independents': 1, 'B': 2}
    """
    combined = parallel_tiers({"district": district_seats, "list": list_tier.seats})
    return attrs.evolve(combined, list_allocation=list_tier)


def parallel_tiers(results: Mapping[str, Mapping[Hashable, int]]) -> MixedResult:
    """Add the seats of tiers that do not interact (tier name -> party -> seats), party by party, parties in
    the order they first appear.

    >>> parallel_tiers({"districts": {"A": 2, "C": 1}, "list": {"A": 1, "B": 1}}).seats
    {'A': 3, 'C': 1, 'B': 1}
    """
    parties = list(dict.fromkeys(p for seats in results.values() for p in seats))
    total = {p: sum(seats.get(p, 0) for seats in results.values()) for p in parties}
    return MixedResult(seats=total, tiers={name: dict(seats) for name, seats in results.items()},
                       house=sum(total.values()))


def _entitlement(votes: dict, house: int, method: str, options: dict) -> Allocation:
    return allocate(votes, house, method, **options)


def compensatory(
    votes: Mapping[Hashable, int],
    district_seats: Mapping[Hashable, int],
    seats: int,
    method: str = "sainte_lague",
    threshold: Threshold | Mapping | str | None = None,
    *,
    overhang: str = "keep",
    **options: Any,
) -> MixedResult:
    """A compensatory (MMP) allocation of a ``seats``-seat house from list ``votes`` and ``district_seats``.

    Args:
        votes: party -> list (second) votes.
        district_seats: party (or "Independents") -> district seats won.
        seats: the nominal house size, district and list seats together.
        method: the method for proportional entitlements.
        threshold: the threshold for taking part in the proportional share.
        overhang: one of :data:`OVERHANG_RULES`.
        options: passed to :func:`~reformlab.electoral.allocate` (``ballots_cast``, ``tie_break``...).

    >>> votes, won = {"A": 50, "B": 30, "C": 20}, {"A": 7, "B": 1}
    >>> r = compensatory(votes, won, 10, "sainte_lague")
    >>> r.seats, r.overhang, r.house
    ({'A': 7, 'B': 3, 'C': 2}, {'A': 2}, 12)
    >>> compensatory(votes, won, 10, overhang="compensate").seats
    {'A': 7, 'B': 4, 'C': 3}
    >>> compensatory(votes, won, 10, overhang="fixed_house").seats
    {'A': 7, 'B': 2, 'C': 1}
    """
    if overhang not in OVERHANG_RULES:
        raise unknown_name("overhang rule", overhang, OVERHANG_RULES, field="overhang")
    base = allocate(votes, seats, method, threshold, **options)  # settles the threshold and validates inputs
    passed = {p: votes[p] for p in base.passed}
    outside = sum(n for p, n in district_seats.items() if p not in passed)
    house = seats - outside
    if house <= 0:
        raise ReformlabError(
            "district seats outside the proportional share fill the house", field="district_seats"
        )
    entitled = nominal = _entitlement(passed, house, method, options)
    final = {p: max(entitled.seats[p], district_seats.get(p, 0)) for p in passed}
    if overhang == "compensate":
        limit = house + 10 * sum(district_seats.values()) + 10
        while any(district_seats.get(p, 0) > entitled.seats[p] for p in passed):
            house += 1
            if house > limit:
                raise ReformlabError("levelling seats did not converge", field="overhang", fix="use 'keep'")
            entitled = _entitlement(passed, house, method, options)
        final = dict(entitled.seats)
    elif overhang == "fixed_house":
        fixed = {p: n for p, n in district_seats.items() if p in passed and n > entitled.seats[p]}
        while fixed:
            rest = {p: v for p, v in passed.items() if p not in fixed}
            share = _entitlement(rest, house - sum(fixed.values()), method, options) if rest else None
            more = {p: district_seats[p] for p in rest if share and district_seats.get(p, 0) > share.seats[p]}
            if not more:
                final = {p: fixed.get(p) or (share.seats[p] if share else 0) for p in passed}
                break
            fixed.update(more)
    parties = list(dict.fromkeys([*district_seats, *votes]))
    total = {p: final.get(p, district_seats.get(p, 0) if p not in passed else 0) for p in parties}
    return MixedResult(
        seats=total,
        tiers={
            "district": dict(district_seats),
            "list": {p: total[p] - district_seats.get(p, 0) for p in parties},
        },
        house=sum(total.values()),
        overhang={
            p: n - nominal.seats[p] for p, n in district_seats.items() if p in passed and n > nominal.seats[p]
        },
        list_allocation=entitled,
    )
