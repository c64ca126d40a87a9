"""Actors and bodies: who exists, and how every seat of every body is filled.

A body (a chamber, a council, an office such as the presidency: a body of one seat) is made of seat groups.
Each seat group says how its seats are filled (the ``filled_by`` tag):

* ``popular``: elected by the electorate under an electoral system, stored as the data dict that
  ``reformlab.electoral.ElectoralSystem.from_dict`` reads (``{method: hare, seats: 98, threshold: {share: 7%,
  base: ballots_cast}}``), in ``constituencies`` districts (Art. 51(1): 98 deputies on party lists in one
  nationwide constituency).
* ``indirect``: elected by the members of other bodies, ``electors`` (Art. 50(2): two senators per region,
  elected at a joint session of the region's maslikhats: ``units: 16, seats_per_unit: 2``).
* ``appointed``: appointed by an actor (``by``), possibly on another's ``nominated_by`` (a recommendation or
  nomination) and with a body's ``consent`` (Art. 87(4): akims with the consent of the maslikhat).
* ``ex_officio``: held by virtue of another position (former presidents in the Constitutional Council).

Bodies are actors too: wherever an actor is expected, a body id means the body deciding by its own rules.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field, field_validator

from reformlab.model.steps import ApproveStep, ConsultStep, NominateStep, Procedure, SignStep, Vote
from reformlab.model.values import UNKNOWN, ActorId, FrozenModel, Unknown

Mandate = Literal["imperative", "free"]


class Actor(FrozenModel):
    """Someone who can act but is not a body: a person, a party, the electorate, an office holder's group.

    Attributes:
        kind: ``person`` (the First President), ``party``, ``electorate`` (the voters, in referendums and
            popular elections) or ``group`` (e.g. party factions, chamber chairs).
        label: a readable name.
    """

    kind: Literal["person", "party", "electorate", "group"]
    label: str


class _SeatGroupBase(FrozenModel):
    """Fields every seat group has.

    Attributes:
        id: short name, unique in the body (``list``, ``apk``, ``appointed``).
        label: readable description.
        seats: number of seats, or ``unknown``.
        term_years: term of office (overrides the body's).
        mandate: ``imperative`` (the seat is lost on leaving the party) or ``free``; unset when the data is silent.
    """

    id: ActorId
    label: str | None = None
    seats: Unknown | Annotated[int, Field(ge=0)]
    term_years: Unknown | Annotated[int, Field(ge=1)] | None = None
    mandate: Unknown | Mandate | None = None


class PopularSeats(_SeatGroupBase):
    """Seats elected by the voters under ``system`` in ``constituencies`` districts."""

    filled_by: Literal["popular"]
    system: Unknown | dict[str, Any]
    constituencies: Unknown | Annotated[int, Field(ge=1)] = 1
    candidates: Literal["party_lists", "individuals", "both"] | Unknown | None = None

    @field_validator("system")
    @classmethod
    def _system(cls, system):
        if isinstance(system, Unknown):
            return system
        from reformlab.model.electoral_bridge import check_system

        check_system(system)
        return system


class IndirectSeats(_SeatGroupBase):
    """Seats elected by the members of other bodies (``electors``), per territorial unit if ``units`` is set."""

    filled_by: Literal["indirect"]
    electors: tuple[ActorId, ...] = Field(min_length=1)
    units: Unknown | Annotated[int, Field(ge=1)] | None = None
    seats_per_unit: Annotated[int, Field(ge=1)] | None = None
    nominated_by: Unknown | ActorId | None = None
    system: Unknown | dict[str, Any] | None = None


class AppointedSeats(_SeatGroupBase):
    """Seats appointed by ``by``, possibly on ``nominated_by``'s proposal and with ``consent`` of bodies.

    When ``by`` is a body (a chamber electing its chair), a ``consent`` vote of that same body states the
    majority it decides by. :meth:`procedure` gives the appointment as a :class:`Procedure`, so an engine can
    treat appointments and decisions alike.
    """

    filled_by: Literal["appointed"]
    by: Unknown | ActorId
    nominated_by: Unknown | ActorId | None = None
    after_consulting: tuple[ActorId, ...] = ()
    consent: Unknown | tuple[Vote, ...] = ()

    @field_validator("consent", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, dict) else value

    def procedure(self, label: str | None = None) -> Procedure:
        """The appointment as steps: nomination (by ``nominated_by``, else ``by``), the appointer's assent,
        consultations, then each consent vote; ``unknown`` parts become unknown steps.

        >>> seats = AppointedSeats(id="pm", seats=1, filled_by="appointed", by="president",
        ...     consent=[{"body": "majilis", "majority": "1/2", "base": "members", "strict": True}])
        >>> [step.kind for step in seats.procedure().decision]
        ['nominate', 'approve']
        """
        steps: list = []
        consenting = set() if isinstance(self.consent, Unknown) else {v.body for v in self.consent}
        if isinstance(self.nominated_by, str):
            steps.append(NominateStep(kind="nominate", by=self.nominated_by))
        elif isinstance(self.nominated_by, Unknown):
            steps.append(UNKNOWN)
        if isinstance(self.by, Unknown):
            steps.append(UNKNOWN)
        elif self.by not in consenting:
            is_nominator = self.nominated_by is None
            steps.append(NominateStep(kind="nominate", by=self.by) if is_nominator else SignStep(kind="sign", by=self.by))
        if self.after_consulting:
            steps.append(ConsultStep(kind="consult", actors=self.after_consulting))
        if isinstance(self.consent, Unknown):
            steps.append(UNKNOWN)
        else:
            steps.extend(ApproveStep(kind="approve", **vote.model_dump()) for vote in self.consent)
        return Procedure(label=label or f"appointment to the seats '{self.id}'", decision=tuple(steps))


class ExOfficioSeats(_SeatGroupBase):
    """Seats held by virtue of another position (``holders``: actors or a description)."""

    filled_by: Literal["ex_officio"]
    holders: tuple[str, ...] = ()


SeatGroup = Annotated[
    Union[PopularSeats, IndirectSeats, AppointedSeats, ExOfficioSeats], Field(discriminator="filled_by")
]
FILLED_BY = ("popular", "indirect", "appointed", "ex_officio")


class Body(FrozenModel):
    """A body whose members act collectively (or an office: a body of one seat).

    Attributes:
        label: readable name.
        kind: ``chamber``, ``office`` (one holder), ``offices`` (one holder per territorial unit, e.g. the
            regional akims), ``council``, ``commission``, ``court``, ``assembly``, ``local_councils`` (one
            council per territorial unit, e.g. the maslikhats).
        size: the legal number of seats, or ``unknown``; seat groups must add up to it.
        units: for ``local_councils`` and per-unit offices, the number of territorial units.
        seat_groups: how the seats are filled; ``unknown`` when not verified.
        term_years: default term of office of the members.
        max_consecutive_terms: limit on terms in a row; ``exempt`` lists the actors term limits do not apply to.
        max_terms: limit on terms in a lifetime (1: a single term, no re-election).
        min_age, max_age: eligibility ages.
    """

    label: str
    kind: Literal["chamber", "office", "offices", "council", "commission", "court", "assembly", "local_councils"]
    size: Unknown | Annotated[int, Field(ge=1)]
    units: Unknown | Annotated[int, Field(ge=1)] | None = None
    seat_groups: Unknown | tuple[SeatGroup, ...]
    term_years: Unknown | Annotated[int, Field(ge=1)] | None = None
    max_consecutive_terms: Unknown | Annotated[int, Field(ge=1)] | None = None
    max_terms: Unknown | Annotated[int, Field(ge=1)] | None = None
    exempt: tuple[ActorId, ...] = ()
    min_age: Unknown | int | None = None
    max_age: Unknown | int | None = None

    def seat_group(self, group_id: str):
        """The seat group called ``group_id`` (``KeyError`` if absent or the groups are unknown)."""
        if not isinstance(self.seat_groups, Unknown):
            for group in self.seat_groups:
                if group.id == group_id:
                    return group
        raise KeyError(group_id)
