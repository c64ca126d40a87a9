"""An electoral system for one list tier as plain data: method, seats, threshold, rules, tie-break.

``ElectoralSystem.from_dict({"method": "hare", "seats": 98, "threshold": {"share": "7%", "base":
"ballots_cast"}})`` reads the form used in YAML; :meth:`ElectoralSystem.to_dict` writes it back (defaults
left out), so a system round-trips through dict and YAML. Method names come from the registry
:data:`~reformlab.electoral.allocation.METHODS`; data never names Python paths.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import attrs

from reformlab.electoral.allocation import Allocation, allocate, method_named
from reformlab.electoral.regional import RegionalThreshold
from reformlab.electoral.runner_up import MinimumParties
from reformlab.electoral.seat_cap import SeatCap
from reformlab.electoral.threshold import Threshold
from reformlab.electoral.ties import TIE_BREAKS
from reformlab.errors import ReformlabError, unknown_name


def check_fields(data: Mapping, allowed: tuple[str, ...], where: str) -> None:
    """Raise a :class:`ReformlabError` naming the first field of ``data`` not in ``allowed``."""
    if not isinstance(data, Mapping):
        raise ReformlabError(f"{where} must be a mapping, got {type(data).__name__}", field=where)
    for name in data:
        if name not in allowed:
            raise unknown_name("field", name, allowed, field=f"{where}.{name}",
                               problem=f"unknown field {name!r} in {where}")


def check_seats(value: Any, field: str) -> int:
    """``value`` if it is a whole number above 0, else a :class:`ReformlabError` on ``field``."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ReformlabError(f"seats must be a whole number above 0, got {value!r}", field=field)
    return value


@attrs.frozen
class ElectoralSystem:
    """One list tier: ``seats`` allocated by ``method`` among lists passing ``threshold``.

    Args:
        method: a registered method name (``"hare"``, ``"d_hondt"``...).
        seats: seats in this tier.
        threshold: the legal threshold, if any.
        minimum_parties: a rule admitting runners-up when too few lists pass (Kazakhstan since 2009).
        regional_threshold: a share every list must pass in every region too (Kyrgyzstan), see :mod:`.regional`.
        seat_cap: at most so many seats per list (Kyrgyzstan 2010, Art. 70(2): 65), see :mod:`.seat_cap`.
        tie_break: ``"order"`` (the law's order, e.g. earlier-registered list), ``"lot"`` or ``"raise"``.

    >>> data = {"method": "hare", "seats": 98, "threshold": {"share": "7%", "base": "ballots_cast"}}
    >>> ElectoralSystem.from_dict(data).to_dict() == data
    True
    """

    method: str
    seats: int
    threshold: Threshold | None = None
    minimum_parties: MinimumParties | None = None
    tie_break: str = "order"
    seat_cap: SeatCap | None = None
    regional_threshold: RegionalThreshold | None = None

    kind = "list"
    FIELDS = ("kind", "method", "seats", "threshold", "minimum_parties", "tie_break", "seat_cap", "regional_threshold")

    @property
    def elected_seats(self) -> int:
        """Seats this tier fills."""
        return self.seats

    def validate(self) -> ElectoralSystem:
        """Return self if every part is usable; otherwise raise :class:`ReformlabError`."""
        method_named(self.method)
        check_seats(self.seats, "seats")
        if self.threshold is not None:
            self.threshold.validate()
        if self.minimum_parties is not None:
            self.minimum_parties.validate()
        if self.seat_cap is not None:
            self.seat_cap.validate()
        if self.regional_threshold is not None:
            self.regional_threshold.validate()
        if self.tie_break not in TIE_BREAKS:
            raise unknown_name("tie-break rule", self.tie_break, TIE_BREAKS, field="tie_break")
        return self

    def allocate(self, votes: Mapping[Hashable, int], **figures: Any) -> Allocation:
        """Allocate this tier's seats; ``figures`` are passed to :func:`~reformlab.electoral.allocate`
        (``ballots_cast``, ``against_all``, ``registered``, ``district_wins``, ``order``, ``seed``, ``rng``).

        With a regional threshold (``regions``, ``regional_registered`` or ``regional_passed`` among the
        figures, see :mod:`.regional`), the seats go to the lists passing both tests. With a seat cap, the
        seats above it are treated by its excess rule. Re-allocations use the same method and tie-break, the
        threshold already applied."""
        regional = {k: figures.pop(k) for k in ("regions", "regional_registered", "regional_passed") if k in figures}
        if regional and self.regional_threshold is None:
            raise ReformlabError("regional votes were given, but this system has no regional threshold",
                                 field=sorted(regional)[0], fix="drop them, or add regional_threshold to the system")
        result = allocate(
            votes,
            self.seats,
            self.method,
            self.threshold,
            minimum_parties=self.minimum_parties,
            tie_break=self.tie_break,
            **figures,
        )
        keep = {k: v for k, v in figures.items() if k in ("order", "seed", "rng")}
        if self.regional_threshold is not None:
            passing = set(self.regional_threshold.passing(votes, **regional))
            if any(p not in passing for p in result.passed):
                admitted = {p: result.votes[p] for p in result.passed if p in passing}
                if not admitted:
                    raise ReformlabError("no list passes both the national and the regional threshold",
                                         field="regional_threshold")
                rest = allocate(admitted, self.seats, self.method, tie_break=self.tie_break, **keep)
                result = attrs.evolve(result, seats={p: rest.seats.get(p, 0) for p in result.seats},
                                      passed=tuple(admitted), ties=result.ties + rest.ties)
        if self.seat_cap is None:
            return result

        def allocate_rest(lists: tuple, house: int) -> tuple[dict, tuple]:
            rest = allocate({p: result.votes[p] for p in lists}, house, self.method, tie_break=self.tie_break, **keep)
            return rest.seats, rest.ties

        seats, ties = self.seat_cap.apply(result.seats, result.passed, allocate_rest)
        return attrs.evolve(result, seats=seats, ties=result.ties + ties)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, defaults left out."""
        data: dict[str, Any] = {"method": self.method, "seats": self.seats}
        if self.threshold is not None:
            data["threshold"] = self.threshold.to_dict()
        if self.minimum_parties is not None:
            data["minimum_parties"] = self.minimum_parties.to_dict()
        if self.tie_break != "order":
            data["tie_break"] = self.tie_break
        if self.seat_cap is not None:
            data["seat_cap"] = self.seat_cap.to_dict()
        if self.regional_threshold is not None:
            data["regional_threshold"] = self.regional_threshold.to_dict()
        return data

    @classmethod
    def template(cls, seats: int, method: str, threshold: Mapping | None = None, *,
                 constituencies: int = 1) -> dict[str, Any]:
        """The dict form of a list tier of ``seats`` by ``method`` over ``threshold`` (an editor's starting
        point), in ``constituencies`` of equal size (the tier's ``seats`` are each one's).

        >>> ElectoralSystem.template(98, "hare", {"share": "7%", "base": "ballots_cast"})["seats"]
        98
        """
        if constituencies < 1 or seats % constituencies:
            raise ReformlabError(f"{seats} seats do not divide into {constituencies} equal constituencies",
                                 field="constituencies",
                                 fix="give a number of constituencies that divides the seats")
        data = {"method": method, "seats": seats // constituencies, "tie_break": "order"}
        return {**data, "threshold": dict(threshold)} if threshold else data

    @classmethod
    def from_dict(cls, data: Mapping) -> ElectoralSystem:
        """Read the dict/YAML form; raises :class:`ReformlabError` naming the field at fault."""
        check_fields(data, cls.FIELDS, "system")
        if "method" not in data or "seats" not in data:
            raise ReformlabError(
                "a list tier needs 'method' and 'seats'", field="system", fix="add both fields"
            )
        threshold = data.get("threshold")
        rule = data.get("minimum_parties")
        cap = data.get("seat_cap")
        regional = data.get("regional_threshold")
        return cls(
            method=data["method"],
            seats=data["seats"],
            threshold=None if threshold is None else Threshold.from_dict(threshold),
            minimum_parties=None if rule is None else MinimumParties.from_dict(rule),
            tie_break=data.get("tie_break", "order"),
            seat_cap=None if cap is None else SeatCap.from_dict(cap),
            regional_threshold=None if regional is None else RegionalThreshold.from_dict(regional),
        ).validate()
