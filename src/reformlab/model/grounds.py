"""When a procedure may be used at all: its grounds (any one suffices) and its limits (every one binds).

Some decisions are not open at will. The 1998-2007 text of Kazakhstan let the President dissolve Parliament
only "in cases: expressing by Parliament of a vote of no confidence in the Government, twice refusal of
Parliament to give consent to the appointment of the Prime Minister ..." (Art. 63(1)); from 21 May 2007 no
ground is listed. A procedure's ``grounds`` and ``limits`` say this as data:

* ``grounds``: the procedure may be used only once one of them has arisen (empty: no ground is needed;
  ``unknown``: the grounds were not found, and the decision cannot be told). Ground kinds:

  - ``after {decision, outcome: passed | refused, times}``: another decision of the same constitution
    passed (``no_confidence``), or was refused ``times`` times (``appoint:prime_minister.prime_minister``,
    refused twice). The engine puts that decision's tree, or its refusal, into this one's: whoever can
    bring the ground about is part of the game.
  - ``circumstance {label}``: a state of affairs no body decides (a political crisis; no coalition formed
    within a month). The game takes it as arisen; the analysis states it as a condition.
  - ``readings {missing, readings: [{label, grounds, confidence, adds: [ground, ...]}]}``: the list of
    grounds is not known in full (the excerpt of Art. 63(1) is cut off), but the plausible readings are
    few; each reading names the grounds it adds (none: the list is complete) and is computed as an
    assumption.

* ``limits``: restrictions on timing that bind every coalition alike, so they narrow *when* the decision
  may be taken, never *who* takes it (``unknown``: not found). Limit kinds: ``not_during {state}`` (not
  during a state of emergency or martial law), ``not_within {months, after | before}`` (not within a year
  of a previous dissolution; not in the last six months of the presidential term).

Each ground and limit carries ``label`` (the law in words) and, where known, its ``article``.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from reformlab.model.values import FrozenModel, Unknown


class AfterDecision(FrozenModel):
    """A ground: another decision passed (``outcome: passed``) or was refused ``times`` times.

    Attributes:
        decision: the decision's id: a procedure (``no_confidence``) or an appointment
            (``appoint:<body>.<seat group>``).
        outcome: ``passed`` (after a vote of no confidence) or ``refused`` (after Parliament twice refuses
            consent to the Prime Minister: refused by the bodies that vote in it, never by its proposer).
        times: how many times (the same coalitions can refuse again, so it changes no one's power).
    """

    kind: Literal["after"]
    label: str = Field(min_length=1)
    decision: str = Field(pattern=r"^(appoint:)?[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")
    outcome: Literal["passed", "refused"] = "passed"
    times: int = Field(default=1, ge=1)
    article: str | None = None


class Circumstance(FrozenModel):
    """A ground no body decides: a state of affairs the game takes as arisen."""

    kind: Literal["circumstance"]
    label: str = Field(min_length=1)
    article: str | None = None


PlainGround = Annotated[Union[AfterDecision, Circumstance], Field(discriminator="kind")]


class GroundReading(FrozenModel):
    """One plausible reading of a list of grounds not known in full: the grounds it adds, and why.

    Attributes:
        label: the reading in words (``"no further ground"``).
        grounds: why this reading is plausible.
        confidence: how plausible (never above the confidence of its grounds).
        adds: the grounds this reading adds to the known ones (empty: the list is complete).
    """

    label: str = Field(min_length=1)
    grounds: str = Field(min_length=1)
    confidence: Literal["medium", "low", "unknown"]
    adds: tuple[PlainGround, ...] = ()


class GroundReadings(FrozenModel):
    """Grounds not known in full, with the few plausible readings of the rest (each computed)."""

    kind: Literal["readings"]
    missing: str = Field(min_length=1)
    readings: tuple[GroundReading, ...] = Field(min_length=2)


Ground = Annotated[Union[AfterDecision, Circumstance, GroundReadings], Field(discriminator="kind")]
GROUND_KINDS = ("after", "circumstance", "readings")


class NotDuring(FrozenModel):
    """A limit: not while ``state`` lasts (a state of emergency, martial law)."""

    kind: Literal["not_during"]
    label: str = Field(min_length=1)
    state: str = Field(min_length=1)
    article: str | None = None


class NotWithin(FrozenModel):
    """A limit: not within ``months`` after an event (a previous dissolution) or before one (the end of the
    presidential term); exactly one of ``after`` and ``before``."""

    kind: Literal["not_within"]
    label: str = Field(min_length=1)
    months: int = Field(ge=1)
    after: str | None = None
    before: str | None = None
    article: str | None = None

    @model_validator(mode="after")
    def _one_event(self) -> NotWithin:
        if (self.after is None) == (self.before is None):
            raise ValueError("a 'not_within' limit needs exactly one of 'after' (the event it follows) and "
                             "'before' (the event it precedes)")
        return self


Limit = Annotated[Union[NotDuring, NotWithin], Field(discriminator="kind")]
LIMIT_KINDS = ("not_during", "not_within")
GroundsValue = Union[Unknown, tuple[Ground, ...]]
LimitsValue = Union[Unknown, tuple[Limit, ...]]


def iter_grounds(grounds):
    """Every plain ground (``after`` / ``circumstance``) in ``grounds``, readings' additions included."""
    if isinstance(grounds, Unknown):
        return
    for ground in grounds:
        if isinstance(ground, GroundReadings):
            for reading in ground.readings:
                yield from reading.adds
        else:
            yield ground
