"""Seat caps: no list may take more than a fixed number of seats (Kyrgyzstan 2010: 65 of 120).

Constitution of the Kyrgyz Republic (27 June 2010), Art. 70(2): "As a result of elections a political party
may not be granted more than 65 deputy mandates". The Constitution does not say where the seats above the
cap go; the rules registered here are the readings the data may name (:data:`EXCESS_RULES`):

- ``reallocate``: the capped list keeps exactly the cap and the rest of the house is allocated among the
  other admitted lists by the same method, as if the capped list were not there; repeated while another
  list goes over the cap. The house stays whole (``keeps_house``).
- ``vacant``: the seats above the cap stay empty; the house shrinks by the excess.

A cap never binds when no list would exceed it, so the uncapped result is returned unchanged then.

>>> from reformlab.electoral import ElectoralSystem
>>> system = ElectoralSystem.from_dict({"method": "hare", "seats": 10, "seat_cap": {"seats": 6}})
>>> system.allocate({"A": 900, "B": 60, "C": 40}).seats
{'A': 6, 'B': 2, 'C': 2}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from reformlab.errors import ReformlabError, unknown_name


@attrs.frozen
class ExcessRule:
    """A registered reading of where seats above a cap go.

    Args:
        name: the registry key.
        keeps_house: every seat of the tier is filled (checked by the property tests).
        meaning: one sentence for docs and the CLI.
    """

    name: str
    keeps_house: bool
    meaning: str


EXCESS_RULES: dict[str, ExcessRule] = {
    "reallocate": ExcessRule(
        "reallocate", True, "the seats above the cap go to the other admitted lists by the same method"
    ),
    "vacant": ExcessRule("vacant", False, "the seats above the cap stay empty"),
}


@attrs.frozen
class SeatCap:
    """At most ``seats`` seats per list; ``excess`` names how the seats above it are treated.

    >>> SeatCap(65).to_dict()
    {'seats': 65, 'excess': 'reallocate'}
    """

    seats: int
    excess: str = "reallocate"

    def validate(self) -> SeatCap:
        """Return self if the cap is a whole number above 0 and the excess rule is registered."""
        if isinstance(self.seats, bool) or not isinstance(self.seats, int) or self.seats <= 0:
            raise ReformlabError(
                f"a seat cap must be a whole number above 0, got {self.seats!r}", field="seat_cap.seats"
            )
        if self.excess not in EXCESS_RULES:
            raise unknown_name("excess rule", self.excess, EXCESS_RULES, field="seat_cap.excess")
        return self

    def to_dict(self) -> dict:
        """Plain data."""
        return {"seats": self.seats, "excess": self.excess}

    @classmethod
    def from_dict(cls, data: Mapping | int) -> SeatCap:
        """Read ``{"seats": 65, "excess": "reallocate"}`` (or just ``65``)."""
        if isinstance(data, int) and not isinstance(data, bool):
            return cls(data).validate()
        if not isinstance(data, Mapping) or "seats" not in data:
            raise ReformlabError("a seat cap needs 'seats'", field="seat_cap", fix="write seat_cap: {seats: 65}")
        unknown = set(data) - {"seats", "excess"}
        if unknown:
            name = sorted(unknown)[0]
            raise unknown_name("seat-cap field", name, ["seats", "excess"], field=f"seat_cap.{name}")
        return cls(data["seats"], data.get("excess", "reallocate")).validate()

    def apply(self, seats: dict, passed: tuple, allocate_rest: Callable[[dict, int], tuple[dict, tuple]]) -> tuple[dict, tuple]:
        """The seats after the cap, and the ties the re-allocations met.

        Args:
            seats: party -> seats before the cap (every party, in input order).
            passed: the admitted lists, in input order.
            allocate_rest: ``(admitted lists -> votes as given to it, house) -> (seats, ties)``; called with
                the lists still free and the seats left for them (``reallocate`` only).

        >>> def to_the_first(lists, house):  # a stand-in allocator: every seat to the first free list
        ...     return {lists[0]: house}, ()
        >>> SeatCap(3).apply({"A": 5, "B": 1, "C": 0}, ("A", "B", "C"), to_the_first)[0]
        {'A': 3, 'B': 3, 'C': 0}
        """
        capped: dict = {}
        result = dict(seats)
        ties: tuple = ()
        while True:
            over = [p for p, s in result.items() if s > self.seats and p not in capped]
            if not over:
                return result, ties
            for party in over:
                capped[party] = self.seats
            if self.excess == "vacant":
                result.update(capped)
                return result, ties
            house = sum(seats.values()) - sum(capped.values())
            free = tuple(p for p in passed if p not in capped)
            if not free:
                raise ReformlabError(
                    f"the seat cap of {self.seats} leaves {house} seats that no admitted list may take",
                    field="seat_cap",
                    fix="admit more lists, or name the excess rule 'vacant'",
                )
            rest, found = allocate_rest(free, house)
            ties += tuple(found)
            result = {p: capped.get(p, rest.get(p, 0)) for p in seats}
