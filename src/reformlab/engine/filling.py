"""Filling bodies: every seat of every body, by party and by principal (the actor at the end of the chain).

Rules (each the plain reading of how the seat group says it is filled):

* popular seats named in the scenario take the election's results through the seat group's tier, of any kind
  of the electoral registry (:mod:`reformlab.engine.results`): a ``list`` tier is allocated from the raw
  votes under the version's own electoral system (so a reform that changes the rule, or the kind of tier,
  changes the seats), single-member districts elect by the tier's formula or take the declared winners,
  compensatory and parallel tiers combine their parts; independents are each their own principal;
* a popular office with no results (the presidency) is held by the office itself: its principal is its id;
* a body the scenario says is controlled by a principal (the maslikhats) is filled by that principal;
* indirectly elected seats follow the principal controlling the electors (the 9 APK deputies -> APK ->
  president, who appoints the APK's members);
* appointed seats follow the principal of the appointer (a chamber's appointees follow its majority);
* a principal is unknown when the chain reaches something the data do not say; analyses must then say so.

A cycle in who-selects-whom (a body filled by a body filled by the first) is an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reformlab.engine.scenario import Scenario
from reformlab.errors import ReformlabError
from reformlab.model import Constitution, Unknown

UNKNOWN_PRINCIPAL = "unknown"


@dataclass(frozen=True)
class NotFilled:
    """A seat group whose holders the data cannot tell, and why (the body's ``unknown`` reason)."""

    reason: str


@dataclass(frozen=True)
class SeatBlock:
    """Seats of one seat group held by one party or person, with whom they answer to.

    Attributes:
        body, group: where the seats are.
        seats: how many.
        filled_by: ``popular`` / ``indirect`` / ``appointed`` / ``ex_officio``.
        party: the party (or independent) holding them, when elected; None otherwise.
        selector: who chose them (``electorate``, ``apk``, ``president``, ``maslikhats``...).
        principal: the actor at the end of the chain, or ``unknown``.
        how: a short phrase for charts (``elected``, ``appointed by president``, ``chosen by apk``).
    """

    body: str
    group: str
    seats: int
    filled_by: str
    party: str | None
    selector: str
    principal: str
    how: str


@dataclass(frozen=True)
class FilledBody:
    """A body's members as blocks; ``unknown`` says why the membership cannot be told, if it cannot."""

    id: str
    label: str
    kind: str
    size: int | None
    blocks: tuple[SeatBlock, ...] = ()
    unknown: str | None = None
    controlled_by: str | None = None

    def by_principal(self) -> dict[str, int]:
        """Seats per principal, largest first (ties in the order blocks appear)."""
        counts = Counter()
        for block in self.blocks:
            counts[block.principal] += block.seats
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def controller(self) -> str | None:
        """The principal holding more than half of the seats (or set as ``controlled_by``), if one does."""
        if self.controlled_by is not None:
            return self.controlled_by
        total = sum(b.seats for b in self.blocks)
        for principal, seats in self.by_principal().items():
            if total and 2 * seats > total and principal != UNKNOWN_PRINCIPAL:
                return principal
        return None


@dataclass(frozen=True)
class Filling:
    """A constitution version filled under a scenario.

    Attributes:
        constitution: the resolved version.
        scenario: the scenario used (None: only what the constitution itself settles).
        bodies: body id -> :class:`FilledBody`.
        checks: results compared with the official record (``"majilis.list: reproduces the official seats"``).
    """

    constitution: Constitution
    scenario: Scenario | None
    bodies: dict[str, FilledBody]
    checks: tuple[str, ...] = ()

    def principals(self) -> list[str]:
        """Every known principal holding seats anywhere, in order of first appearance."""
        seen: dict[str, None] = {}
        for body in self.bodies.values():
            for block in body.blocks:
                if block.principal != UNKNOWN_PRINCIPAL:
                    seen.setdefault(block.principal)
        return list(seen)


@dataclass
class _Filler:
    constitution: Constitution
    scenario: Scenario | None
    done: dict[str, FilledBody] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    def body(self, body_id: str) -> FilledBody:
        if body_id in self.done:
            return self.done[body_id]
        if body_id in self.stack:
            cycle = " -> ".join(self.stack[self.stack.index(body_id):] + [body_id])
            raise ReformlabError(
                f"a cycle in who selects whom: {cycle}",
                field=f"bodies.{body_id}.seat_groups",
                fix="make one body in the cycle filled by an election or an appointment from outside it",
            )
        self.stack.append(body_id)
        try:
            filled = self._fill(body_id)
        finally:
            self.stack.pop()
        self.done[body_id] = filled
        return filled

    def _fill(self, body_id: str) -> FilledBody:
        body = self.constitution.bodies[body_id]
        size = None if isinstance(body.size, Unknown) else body.size
        base = dict(id=body_id, label=body.label, kind=body.kind, size=size)
        controller = self.scenario.controllers.get(body_id) if self.scenario else None
        if controller is not None:
            if size is None:
                return FilledBody(**base, controlled_by=controller.principal)
            block = SeatBlock(body_id, "members", size, "popular", None, "electorate", controller.principal,
                              f"controlled by {controller.principal} (assumed)")
            return FilledBody(**base, blocks=(block,), controlled_by=controller.principal)
        if isinstance(body.seat_groups, Unknown):
            return FilledBody(**base, unknown=f"how the seats of {body_id} are filled is not known")
        blocks: list[SeatBlock] = []
        for group in body.seat_groups:
            if isinstance(group.seats, Unknown):
                reason = f"the number of seats in {body_id}.{group.id} is not known"
                if len(body.seat_groups) == 1:  # every seat filled the same way: control is known all the same
                    one_seat = self._group(body_id, body, group.model_copy(update={"seats": 1}))
                    if not isinstance(one_seat, NotFilled):
                        return FilledBody(**base, unknown=reason, controlled_by=one_seat[0].principal)
                return FilledBody(**base, unknown=reason)
            if group.seats == 0:
                continue
            found = self._group(body_id, body, group)
            if isinstance(found, NotFilled):
                return FilledBody(**base, unknown=found.reason)
            blocks.extend(found)
        return FilledBody(**base, blocks=tuple(blocks))

    def _group(self, body_id, body, group) -> list[SeatBlock] | NotFilled:
        where = f"{body_id}.{group.id}"
        kind = group.filled_by
        if kind == "popular":
            spec = self.scenario.seats.get(where) if self.scenario else None
            if spec is not None:
                return self._elected(body_id, group, spec)
            if group.seats == 1 and body.kind == "office":
                return [SeatBlock(body_id, group.id, 1, kind, None, "electorate", body_id, "elected")]
            return NotFilled(f"the scenario gives no results for {where}")
        if kind == "indirect":
            principals = {self.principal_of(elector) for elector in group.electors}
            if len(principals) != 1 or UNKNOWN_PRINCIPAL in principals:
                return NotFilled(f"who controls the electors of {where} ({', '.join(group.electors)}) is not known")
            electors = "+".join(group.electors)
            return [SeatBlock(body_id, group.id, group.seats, kind, None, electors, principals.pop(),
                              f"chosen by {electors}")]
        if kind == "appointed":
            if isinstance(group.by, Unknown):
                return NotFilled(f"who appoints {where} is not known")
            principal = self.principal_of(group.by)
            if principal == UNKNOWN_PRINCIPAL:
                return NotFilled(f"who controls {group.by}, which appoints {where}, is not known")
            return [SeatBlock(body_id, group.id, group.seats, kind, None, group.by, principal, f"appointed by {group.by}")]
        return NotFilled(f"the holders of the ex officio seats {where} are not modelled")

    def _elected(self, body_id, group, spec) -> list[SeatBlock]:
        from reformlab.engine.results import elected_seats

        seats, check = elected_seats(group, spec, where=f"{body_id}.{group.id}")
        if check:
            self.checks.append(check)
        blocks = []
        for party, count in seats.items():
            if count <= 0:
                continue
            if party.lower().startswith("independent"):
                blocks.extend(
                    SeatBlock(body_id, group.id, 1, "popular", f"Independent {n}", "electorate",
                              self.scenario.principal_of_party(f"Independent {n}") if self.scenario else
                              f"Independent {n}", "elected")
                    for n in range(1, count + 1)
                )
                continue
            principal = self.scenario.principal_of_party(party) if self.scenario else party
            blocks.append(SeatBlock(body_id, group.id, count, "popular", party, "electorate", principal, "elected"))
        return blocks

    def principal_of(self, actor: str) -> str:
        """The principal an actor answers to: a body's controller, a party's alignment, an office's holder."""
        if actor in self.constitution.bodies:
            filled = self.body(actor)
            if filled.controlled_by is not None:
                return filled.controlled_by
            if filled.unknown:
                return UNKNOWN_PRINCIPAL
            if filled.kind == "office" and filled.blocks:
                return filled.blocks[0].principal
            return filled.controller() or actor
        if self.scenario and actor in self.scenario.alignments:
            return self.scenario.alignments[actor].principal
        return actor


def fill(constitution: Constitution, scenario: Scenario | None = None) -> Filling:
    """Fill every body of ``constitution`` under ``scenario`` (pure: neither argument changes).

    Raises:
        ReformlabError: a cycle in who selects whom, or results that do not fit a seat group.
    """
    filler = _Filler(constitution, scenario)
    bodies = {body_id: filler.body(body_id) for body_id in constitution.bodies}
    return Filling(constitution, scenario, bodies, tuple(filler.checks))


def principal_of(filling: Filling, actor: str) -> str:
    """The principal ``actor`` answers to in ``filling`` (see :class:`_Filler.principal_of`)."""
    return _Filler(filling.constitution, filling.scenario, done=dict(filling.bodies)).principal_of(actor)
