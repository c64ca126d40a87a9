"""A chamber's composition as data: elected tiers plus seats that are not elected (appointed, reserved...).

Seats that voters do not fill are first-class: ``UnelectedSeats(9, "indirect", filled_by="Assembly of
People of Kazakhstan")`` sits next to the list tier in the Majilis of 2007-2021 (Constitution Art. 51(1)),
and ``UnelectedSeats(15, "appointed", filled_by="President")`` in the Senate (Art. 50(2)), so later layers
can attach who fills them and how they vote.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from reformlab.electoral.kinds import tier_from_dict, tier_to_dict
from reformlab.electoral.system import check_fields, check_seats
from reformlab.electoral.tiers import parallel_tiers
from reformlab.errors import ReformlabError, unknown_name

UNELECTED_KINDS = ("appointed", "indirect", "reserved", "ex_officio")


@attrs.frozen
class UnelectedSeats:
    """Seats not filled by the chamber's popular vote.

    Args:
        seats: how many.
        kind: one of :data:`UNELECTED_KINDS` (``indirect``: elected by another body, e.g. the APK).
        filled_by: who fills them ("President", "Assembly of People of Kazakhstan").
        source: the article or source that says so.
    """

    seats: int
    kind: str = "appointed"
    filled_by: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"seats": self.seats, "kind": self.kind}
        data.update({k: getattr(self, k) for k in ("filled_by", "source") if getattr(self, k) is not None})
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> UnelectedSeats:
        check_fields(data, ("seats", "kind", "filled_by", "source"), "unelected")
        kind = data.get("kind", "appointed")
        if kind not in UNELECTED_KINDS:
            raise unknown_name("kind of unelected seats", kind, UNELECTED_KINDS, field="unelected.kind")
        return cls(
            check_seats(data.get("seats"), "unelected.seats"), kind, data.get("filled_by"), data.get("source")
        )


@attrs.frozen
class ElectionResult:
    """A filled chamber: elected seats by party (tiers added up), each tier's seats, and the unelected seats.

    Args:
        chamber: the chamber's name.
        seats: party -> elected seats over all tiers (first-seen order).
        tiers: one party -> seats mapping per elected tier, in the chamber's order.
        unelected: the unelected seat blocks, to be filled by whoever the law names.
    """

    chamber: str
    seats: dict
    tiers: tuple
    unelected: tuple[UnelectedSeats, ...] = ()

    @property
    def size(self) -> int:
        """Elected plus unelected seats."""
        return sum(self.seats.values()) + sum(u.seats for u in self.unelected)


def _seats_of(result) -> dict:
    seats = getattr(result, "seats", result)
    if not isinstance(seats, Mapping):
        raise ReformlabError(
            f"a tier result must give seats by party, got {type(result).__name__}", field="tiers"
        )
    return dict(seats)


@attrs.frozen
class Chamber:
    """A chamber: its elected tiers (parallel to each other) and its unelected seats.

    >>> majilis = Chamber.from_dict({"name": "Majilis",
    ...     "elected": [{"method": "hare", "seats": 98, "threshold": {"share": "7%", "base": "valid"}}],
    ...     "unelected": [{"seats": 9, "kind": "indirect", "filled_by": "Assembly of People of Kazakhstan"}]})
    >>> majilis.size, majilis.elected_seats, majilis.unelected_seats
    (107, 98, 9)
    >>> Chamber.from_dict(majilis.to_dict()) == majilis
    True
    """

    name: str
    elected: tuple = ()
    unelected: tuple[UnelectedSeats, ...] = ()

    @property
    def elected_seats(self) -> int:
        """Seats filled by election (nominal: before any overhang)."""
        return sum(t.elected_seats for t in self.elected)

    @property
    def unelected_seats(self) -> int:
        """Seats filled otherwise."""
        return sum(u.seats for u in self.unelected)

    @property
    def size(self) -> int:
        """All seats."""
        return self.elected_seats + self.unelected_seats

    def result(self, tier_results) -> ElectionResult:
        """Combine one result per elected tier (an Allocation, a MixedResult or party -> seats) in parallel.

        >>> c = Chamber.from_dict({"name": "Majilis", "elected": [{"kind": "single_member", "seats": 3},
        ...                                                       {"method": "hare", "seats": 4}]})
        >>> c.result([{"A": 2, "Independents": 1}, {"A": 2, "B": 2}]).seats
        {'A': 4, 'Independents': 1, 'B': 2}
        """
        tiers = tuple(_seats_of(r) for r in tier_results)
        if len(tiers) != len(self.elected):
            raise ReformlabError(
                f"{len(tiers)} tier results for {len(self.elected)} elected tiers", field="tiers"
            )
        seats = parallel_tiers({str(number): tier for number, tier in enumerate(tiers)}).seats
        return ElectionResult(self.name, seats, tiers, self.unelected)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "elected": [tier_to_dict(t) for t in self.elected],
            "unelected": [u.to_dict() for u in self.unelected],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Chamber:
        check_fields(data, ("name", "elected", "unelected"), "chamber")
        return cls(
            name=str(data.get("name", "")),
            elected=tuple(tier_from_dict(t) for t in data.get("elected") or ()),
            unelected=tuple(UnelectedSeats.from_dict(u) for u in data.get("unelected") or ()),
        )
