"""Tier kinds as data: the registry :data:`KINDS` of short names, and reading any tier from a dict.

A tier's dict names its ``kind`` (default ``"list"``); the registry maps that name to a frozen class with
``from_dict`` / ``to_dict``. Data never names a Python path.

- ``list``: one nationwide list tier (:class:`~reformlab.electoral.ElectoralSystem`);
- ``single_member``: ``seats`` single-member districts, ``formula`` plurality or two-round;
- ``districts``: list seats per multi-member district;
- ``compensatory``: an MMP house of ``seats`` of which ``districts`` are single-member seats;
- ``parallel``: named tiers of the kinds above elected side by side (a segmented mixed system), so one
  seat group can be elected the way a mixed chamber is.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from reformlab.electoral.allocation import method_named
from reformlab.electoral.district import DistrictAllocation, allocate_districts, plurality, two_round
from reformlab.electoral.system import ElectoralSystem, check_fields, check_seats
from reformlab.electoral.threshold import Threshold, parse_share
from reformlab.electoral.tiers import OVERHANG_RULES, MixedResult, compensatory, parallel_tiers
from reformlab.electoral.ties import TieBreak
from reformlab.errors import ReformlabError, unknown_name

FORMULAS = ("plurality", "two_round")


def _mixed(seats: int, kind: str) -> tuple[int, int]:
    """A mixed system's split of ``seats``: half (rounded down) single-member districts, the rest list
    seats."""
    if seats < 2:
        raise ReformlabError(f"a {kind} system needs two seats or more, the group has {seats}", field="seats",
                             fix="give the seat group more seats first")
    return seats - seats // 2, seats // 2


def _threshold(data: Mapping) -> Threshold | None:
    return None if data.get("threshold") is None else Threshold.from_dict(data["threshold"])


@attrs.frozen
class SingleMemberSystem:
    """``seats`` single-member districts decided by ``formula`` (``plurality`` or ``two_round``).

    Args:
        seats: the number of districts.
        formula: one of :data:`FORMULAS`.
        majority: the first-round majority for ``two_round`` (more than this share wins).
        tie_break: the tie-break rule name.
    """

    seats: int
    formula: str = "plurality"
    majority: Fraction = Fraction(1, 2)
    tie_break: str = "order"

    kind = "single_member"

    @property
    def elected_seats(self) -> int:
        """Seats this tier fills."""
        return self.seats

    def elect(
        self,
        first: Mapping[Hashable, Mapping[Hashable, int]],
        second: Mapping[Hashable, Mapping[Hashable, int]] | None = None,
    ) -> dict:
        """District -> :class:`~reformlab.electoral.district.DistrictResult` from each district's rounds."""
        if len(first) != self.seats:
            raise ReformlabError(f"{len(first)} districts given for {self.seats} seats", field="districts")
        breaker = TieBreak(self.tie_break).validate()
        if self.formula == "plurality":
            return {d: plurality(v, breaker) for d, v in first.items()}
        second = second or {}
        return {
            d: two_round(v, second.get(d), majority=self.majority, tie_break=breaker)
            for d, v in first.items()
        }

    @classmethod
    def template(cls, seats: int, method: str, threshold: Mapping | None = None, **_) -> dict[str, Any]:
        """``seats`` two-round single-member districts (no list method or threshold)."""
        return {"kind": cls.kind, "seats": seats, "formula": "two_round"}

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "seats": self.seats, "formula": self.formula}
        if self.majority != Fraction(1, 2):
            data["majority"] = str(self.majority)
        if self.tie_break != "order":
            data["tie_break"] = self.tie_break
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> SingleMemberSystem:
        check_fields(data, ("kind", "seats", "formula", "majority", "tie_break"), "single_member")
        formula = data.get("formula", "plurality")
        if formula not in FORMULAS:
            raise unknown_name("formula", formula, FORMULAS, field="formula")
        return cls(
            seats=check_seats(data.get("seats"), "seats"),
            formula=formula,
            majority=parse_share(data.get("majority", "1/2"), field="majority"),
            tie_break=data.get("tie_break", "order"),
        )


@attrs.frozen
class MultiDistrictSystem:
    """List seats per district: ``seats`` maps district -> seats; threshold per district or national."""

    method: str
    seats: dict
    threshold: Threshold | None = None
    threshold_level: str = "district"

    kind = "districts"

    @property
    def elected_seats(self) -> int:
        """Seats this tier fills (all districts)."""
        return sum(self.seats.values())

    def allocate(
        self, votes: Mapping[Hashable, Mapping[Hashable, int]], **options: Any
    ) -> DistrictAllocation:
        """Allocate every district (see :func:`~reformlab.electoral.district.allocate_districts`)."""
        return allocate_districts(
            votes, self.seats, self.method, self.threshold, threshold_level=self.threshold_level, **options
        )

    @classmethod
    def template(cls, seats: int, method: str, threshold: Mapping | None = None, **_) -> dict[str, Any]:
        """One district of ``seats`` (named ``nationwide``), the threshold applied nationally on valid votes
        (the only base per-district list votes give)."""
        data: dict[str, Any] = {"kind": cls.kind, "method": method, "seats": {"nationwide": seats}}
        if threshold:
            data.update(threshold={"share": threshold["share"], "base": "valid"}, threshold_level="national")
        return data

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "method": self.method, "seats": dict(self.seats)}
        if self.threshold is not None:
            data["threshold"] = self.threshold.to_dict()
            data["threshold_level"] = self.threshold_level
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> MultiDistrictSystem:
        check_fields(data, ("kind", "method", "seats", "threshold", "threshold_level"), "districts")
        seats = data.get("seats")
        if not isinstance(seats, Mapping) or not seats:
            raise ReformlabError("'seats' must map each district to its seats", field="seats")
        for name, n in seats.items():
            check_seats(n, f"seats.{name}")
        method_named(data.get("method", "d_hondt"))
        return cls(
            data.get("method", "d_hondt"),
            dict(seats),
            _threshold(data),
            data.get("threshold_level", "district"),
        )


@attrs.frozen
class CompensatorySystem:
    """A mixed-member proportional house of ``seats``, ``districts`` of them single-member seats."""

    method: str
    seats: int
    districts: int
    threshold: Threshold | None = None
    overhang: str = "keep"

    kind = "compensatory"

    @property
    def elected_seats(self) -> int:
        """The nominal house size (overhang may add to it)."""
        return self.seats

    def allocate(
        self, votes: Mapping[Hashable, int], district_seats: Mapping[Hashable, int], **options
    ) -> MixedResult:
        """Top up ``district_seats`` to proportional entitlements (see ``compensatory``)."""
        return compensatory(
            votes, district_seats, self.seats, self.method, self.threshold, overhang=self.overhang, **options
        )

    @classmethod
    def template(cls, seats: int, method: str, threshold: Mapping | None = None, **_) -> dict[str, Any]:
        """A house of ``seats``, half of them (rounded down) single-member districts, overhang kept."""
        data: dict[str, Any] = {"kind": cls.kind, "method": method, "seats": seats,
                                "districts": _mixed(seats, cls.kind)[1]}
        if threshold:
            data["threshold"] = dict(threshold)
        return {**data, "overhang": "keep"}

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "method": self.method,
            "seats": self.seats,
            "districts": self.districts,
        }
        if self.threshold is not None:
            data["threshold"] = self.threshold.to_dict()
        data["overhang"] = self.overhang
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> CompensatorySystem:
        check_fields(data, ("kind", "method", "seats", "districts", "threshold", "overhang"), "compensatory")
        overhang = data.get("overhang", "keep")
        if overhang not in OVERHANG_RULES:
            raise unknown_name("overhang rule", overhang, OVERHANG_RULES, field="overhang")
        seats = check_seats(data.get("seats"), "seats")
        districts = check_seats(data.get("districts"), "districts")
        if districts > seats:
            raise ReformlabError(f"{districts} districts in a house of {seats} seats", field="districts",
                                 fix="give at most as many districts as the house has seats")
        method_named(data.get("method", "sainte_lague"))
        return cls(
            data.get("method", "sainte_lague"),
            seats,
            districts,
            _threshold(data),
            overhang,
        )


@attrs.frozen
class ParallelSystem:
    """A parallel (segmented) mixed system: named tiers elected side by side, none of them compensating the
    other, a party's seats the sum of its seats in each (Kazakhstan 1999 and 2004: 67 single-member seats
    and 10 list seats; 2023: 69 list seats and 29 districts).

    Args:
        tiers: tier name -> tier of any other kind (``{"list": ElectoralSystem, "districts": SingleMember...}``);
            a list tier's ``seats`` is its whole share of the seats.

    >>> mixed = ParallelSystem.from_dict({"kind": "parallel", "tiers": {
    ...     "list": {"method": "hare", "seats": 4}, "districts": {"kind": "single_member", "seats": 3}}})
    >>> mixed.elected_seats, mixed.combine({"list": {"A": 2, "B": 2}, "districts": {"A": 2, "C": 1}}).seats
    (7, {'A': 4, 'B': 2, 'C': 1})
    """

    tiers: dict

    kind = "parallel"

    @property
    def elected_seats(self) -> int:
        """Seats all the tiers fill."""
        return sum(tier.elected_seats for tier in self.tiers.values())

    def combine(self, results: Mapping[str, Mapping[Hashable, int]]) -> MixedResult:
        """Add the seats each tier gave (tier name -> party -> seats), party by party."""
        missing = [name for name in self.tiers if name not in results]
        if missing:
            raise ReformlabError(f"no result for the tier {missing[0]!r}", field=f"tiers.{missing[0]}")
        return parallel_tiers({name: results[name] for name in self.tiers})

    @classmethod
    def template(cls, seats: int, method: str, threshold: Mapping | None = None, **_) -> dict[str, Any]:
        """A list tier and two-round single-member districts side by side, half the seats (rounded down)
        to the districts."""
        lists, districts = _mixed(seats, cls.kind)
        return {"kind": cls.kind, "tiers": {"list": ElectoralSystem.template(lists, method, threshold),
                                            "districts": SingleMemberSystem.template(districts, method)}}

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "tiers": {name: tier.to_dict() for name, tier in self.tiers.items()}}

    @classmethod
    def from_dict(cls, data: Mapping) -> ParallelSystem:
        check_fields(data, ("kind", "tiers"), "parallel")
        tiers = data.get("tiers")
        if not isinstance(tiers, Mapping) or len(tiers) < 2:
            raise ReformlabError("a parallel system needs 'tiers': two or more named tiers", field="tiers",
                                 fix="write tiers: {list: {method: ..., seats: N}, districts: {kind: single_member, "
                                     "seats: M}}")
        read = {}
        for name, tier in tiers.items():
            if isinstance(tier, Mapping) and tier.get("kind") == cls.kind:
                raise ReformlabError(f"the tier {name!r} of a parallel system is itself parallel",
                                     field=f"tiers.{name}.kind", fix="list its tiers beside the others")
            try:
                read[str(name)] = tier_from_dict(tier)
            except ReformlabError as error:
                raise ReformlabError(error.problem, field=f"tiers.{name}.{error.field or 'kind'}",
                                     fix=error.fix) from None
        return cls(read)


KINDS: dict[str, type] = {
    "list": ElectoralSystem,
    "single_member": SingleMemberSystem,
    "districts": MultiDistrictSystem,
    "compensatory": CompensatorySystem,
    "parallel": ParallelSystem,
}


def tier_from_dict(data: Mapping):
    """Read any tier from its dict form, dispatching on ``kind`` (default ``"list"``) through :data:`KINDS`.

    >>> tier_from_dict({"kind": "single_member", "seats": 29}).to_dict()
    {'kind': 'single_member', 'seats': 29, 'formula': 'plurality'}
    """
    if not isinstance(data, Mapping):
        raise ReformlabError(f"a tier must be a mapping, got {type(data).__name__}", field="tier")
    kind = data.get("kind", "list")
    if kind not in KINDS:
        raise unknown_name("tier kind", kind, KINDS, field="kind")
    return KINDS[kind].from_dict(data)


def tier_to_dict(tier) -> dict[str, Any]:
    """The dict form of any registered tier, with its ``kind``."""
    data = tier.to_dict()
    return data if "kind" in data else {"kind": "list", **data}
