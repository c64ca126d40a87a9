"""Procedures as ordered steps: who proposes, who nominates, which bodies consent by which exact majority.

A procedure is ``proposal`` steps (who may put the question) followed by ``decision`` steps (who must agree).
Every step in a list must succeed, in order; ``any_of`` offers alternative routes. Proposal power (agenda
setting) is kept apart from consent power (veto): ``propose`` and ``nominate`` are never ``approve``.

Step kinds and the law each expresses:

* ``propose {by: [actors], initiative: vote}``: any one listed actor may initiate, or a share of a body's
  members (Art. 56(2): no confidence on the initiative of at least 1/5 of the Majilis deputies).
* ``nominate {by: actor, after_consulting: [actors]}``: one actor alone chooses the candidate or text
  (Art. 44(1): the President nominates the Prime Minister after consulting the Majilis party factions).
* ``consult {actors: [...]}``: a consultation that binds nobody (Art. 63(1): before dissolving, the President
  consults the chamber chairs and the Prime Minister). It never changes who can pass a decision.
* ``approve {body, more_than | at_least, base}``: the body consents when its yes votes are *more than* or *at
  least* the share of the ``base``: ``members`` (members in office, the Kazakh "total number of deputies"),
  ``present`` or ``voting``. Write it as the law says it: "more than half of the total number of deputies" is
  ``{more_than: 1/2, base: members}``; "at least two thirds" is ``{at_least: 2/3, base: members}``. (The long
  form ``{majority: 1/2, strict: true}`` is what both read into, and what JSON output shows.)
* ``sign {by: actor}``: the actor must agree and cannot be overridden (an absolute veto).
* ``veto {by: actor, override: [approve steps]}``: the actor may refuse; the decision still passes if every
  override step passes (Art. 54(2)(2): both chambers by at least 2/3 of their total deputies).
* ``any_of {alternatives: [[steps], [steps]]}``: passes if any one route passes (Art. 91: amendment by
  Parliament or by referendum).
* ``readings {missing, readings: [{label, grounds, confidence, steps}]}``: a step whose wording is not known
  but whose plausible readings are few (the 1998 veto override: 2/3 of each chamber, or none). ``missing``
  names the fact not found; each reading states its grounds. Every analysis computes each reading, labelled
  as an assumption; none is taken as the law.
* ``referendum {turnout, majority}``: the electorate decides; valid when ``turnout`` is met (Art. 91(1):
  more than half of the eligible voters take part) and adopted by ``majority`` of its base.

The engine turns a procedure into a simple game whose winning coalitions are those that can make it pass.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from reformlab.model.grounds import GroundsValue, LimitsValue
from reformlab.model.values import ActorId, FrozenModel, Share, Unknown

Base = Literal["members", "present", "voting"]
VOTE_BASES = ("members", "present", "voting")


def law_words(data, share_key: str):
    """Read ``more_than: X`` / ``at_least: X`` (the law's words) into ``share_key: X`` with ``strict``.

    >>> law_words({"body": "majilis", "more_than": "1/2", "base": "members"}, "majority")
    {'body': 'majilis', 'base': 'members', 'majority': '1/2', 'strict': True}
    """
    if not isinstance(data, dict) or not ({"more_than", "at_least"} & set(data)):
        return data
    if "more_than" in data and "at_least" in data:
        raise ValueError("write either 'more_than' or 'at_least', not both")
    if share_key in data or "strict" in data:
        raise ValueError(f"'more_than' / 'at_least' already say the share and whether it is strict: "
                         f"drop '{share_key}' and 'strict'")
    out = {k: v for k, v in data.items() if k not in ("more_than", "at_least")}
    strict = "more_than" in data
    out[share_key] = data["more_than" if strict else "at_least"]
    out["strict"] = strict
    return out


class Vote(FrozenModel):
    """A collective decision of one body by an exact majority of a stated base.

    Attributes:
        body: the deciding body (its id in ``bodies``), or ``unknown``.
        majority: the exact share, e.g. ``1/2`` or ``2/3``; ``unknown`` when not verified.
        base: what the share is of: ``members`` (in office), ``present`` or ``voting``.
        strict: ``true`` for "more than" the share, ``false`` for "at least". Required with a known majority,
            so "a majority" can never be read two ways.
        in_joint_session: the chambers sit together but each counts its own votes (Art. 53).
    """

    body: Unknown | ActorId
    majority: Unknown | Share
    base: Unknown | Base | None = None
    strict: bool | None = None
    in_joint_session: bool = False

    @model_validator(mode="before")
    @classmethod
    def _law_words(cls, data):
        return law_words(data, "majority")

    @model_validator(mode="after")
    def _explicit(self) -> Vote:
        if isinstance(self.majority, Fraction) and (self.base is None or self.strict is None):
            raise ValueError(
                "a known majority needs 'base' (members, present or voting) and 'strict' "
                "(true: more than the share; false: at least the share)"
            )
        _possible(self.majority, self.strict)
        return self


def _possible(majority, strict: bool | None) -> None:
    """Refuse a majority no vote can mean: 0 (passes with no votes at all) or more than the whole base."""
    if isinstance(majority, Fraction) and majority == 0:
        raise ValueError("a majority of 0 passes with no votes at all; write the share the law names (e.g. 1/2)")
    if isinstance(majority, Fraction) and majority == 1 and strict:
        raise ValueError("more than all of the base can never be reached; write 'strict: false' for unanimity")


def _require_strict(share, strict, what: str) -> None:
    if isinstance(share, Fraction) and strict is None:
        raise ValueError(f"a known {what} needs 'strict' (true: more than the share; false: at least the share)")


class Turnout(FrozenModel):
    """A participation quorum: ``share`` of the ``base`` (``registered`` voters) must take part."""

    share: Unknown | Share
    base: Literal["registered"] = "registered"
    strict: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _law_words(cls, data):
        return law_words(data, "share")

    @model_validator(mode="after")
    def _explicit(self) -> Turnout:
        _require_strict(self.share, self.strict, "turnout share")
        return self


class ProposeStep(FrozenModel):
    """Who may put the question: any one of ``by``, or a share of a body's members (``initiative``)."""

    kind: Literal["propose"]
    by: tuple[ActorId, ...] = ()
    initiative: Vote | None = None


class NominateStep(FrozenModel):
    """One actor alone picks the candidate or the text, possibly after non-binding consultations."""

    kind: Literal["nominate"]
    by: ActorId
    after_consulting: tuple[ActorId, ...] = ()


class ConsultStep(FrozenModel):
    """A consultation the law requires but that binds nobody."""

    kind: Literal["consult"]
    actors: tuple[ActorId, ...]


class ApproveStep(Vote):
    """A body's consent by an exact majority (see :class:`Vote`)."""

    kind: Literal["approve"]


class SignStep(FrozenModel):
    """The actor must agree; nobody can override the refusal."""

    kind: Literal["sign"]
    by: ActorId


class VetoStep(FrozenModel):
    """The actor may refuse; every ``override`` step passing adopts the decision anyway."""

    kind: Literal["veto"]
    by: ActorId
    override: Unknown | tuple[ApproveStep, ...]
    within_days: int | None = Field(default=None, ge=1)


class ReferendumStep(FrozenModel):
    """The electorate decides: valid when ``turnout`` is met, adopted by ``majority``."""

    kind: Literal["referendum"]
    turnout: Turnout | Unknown | None = None
    majority: Unknown | Share
    base: Unknown | Literal["voting", "registered"] | None = None
    strict: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _law_words(cls, data):
        return law_words(data, "majority")

    @model_validator(mode="after")
    def _explicit(self) -> ReferendumStep:
        _require_strict(self.majority, self.strict, "referendum majority")
        if isinstance(self.majority, Fraction) and self.base is None:
            raise ValueError("a known referendum majority needs 'base' (voting or registered)")
        return self


class Reading(FrozenModel):
    """One plausible reading of a step whose wording was not found, with what supports it.

    Attributes:
        label: the reading in words (``"override by 2/3 of each chamber"``).
        grounds: why this reading is plausible (the later or earlier text it is read from, a commentary...).
        confidence: how plausible (never above the confidence of its grounds).
        steps: the steps this reading stands for (empty: nobody needs to agree at this point).
    """

    label: str = Field(min_length=1)
    grounds: str = Field(min_length=1)
    confidence: Literal["medium", "low", "unknown"]
    steps: tuple[Step, ...] = ()


class ReadingsStep(FrozenModel):
    """A step not found in the text, with its few plausible readings (each computed, none assumed).

    Attributes:
        missing: the fact that was not found (what would settle it).
        readings: at least two readings, each with its grounds.
    """

    kind: Literal["readings"]
    missing: str = Field(min_length=1)
    readings: tuple[Reading, ...] = Field(min_length=2)


class AnyOfStep(FrozenModel):
    """Alternative routes: the decision passes if the steps of any one alternative all pass."""

    kind: Literal["any_of"]
    alternatives: tuple[tuple[Step, ...], ...] = Field(min_length=2)


KnownStep = Annotated[
    Union[ProposeStep, NominateStep, ConsultStep, ApproveStep, SignStep, VetoStep, ReferendumStep, AnyOfStep,
          ReadingsStep],
    Field(discriminator="kind"),
]
Step = Union[Unknown, KnownStep]
STEP_KINDS = ("propose", "nominate", "consult", "approve", "sign", "veto", "referendum", "any_of", "readings")


class Procedure(FrozenModel):
    """A decision the constitution regulates (a law, an amendment, no confidence...).

    Attributes:
        label: what is decided, in words.
        proposal: who may initiate (``propose`` / ``nominate`` steps); ``unknown`` if not verified.
        decision: who must agree, in order (``approve``, ``sign``, ``veto``, ``any_of``, ``referendum``...).
        grounds: the procedure may be used only on one of these grounds (:mod:`reformlab.model.grounds`:
            after a vote of no confidence...); empty: no ground is needed; ``unknown``: not found.
        limits: restrictions on timing that bind every coalition alike (not during a state of emergency...).
        conditions: remarks in words that change no one's power (for up to one year...). A ground or a limit
            is never written here: the game would ignore it.
    """

    label: str
    proposal: Unknown | tuple[Step, ...] = ()
    decision: tuple[Step, ...] = Field(min_length=1)
    grounds: GroundsValue = ()
    limits: LimitsValue = ()
    conditions: tuple[str, ...] = ()


AnyOfStep.model_rebuild()
Reading.model_rebuild()
ReadingsStep.model_rebuild()


def iter_steps(steps, path: str = ""):
    """Yield ``(path, step)`` for every step in ``steps``, descending into ``any_of`` and veto overrides."""
    if isinstance(steps, Unknown):
        return
    for index, step in enumerate(steps):
        here = f"{path}.{index}" if path else str(index)
        yield here, step
        if isinstance(step, AnyOfStep):
            for alt_index, alternative in enumerate(step.alternatives):
                yield from iter_steps(alternative, f"{here}.alternatives.{alt_index}")
        elif isinstance(step, VetoStep) and not isinstance(step.override, Unknown):
            yield from iter_steps(step.override, f"{here}.override")
        elif isinstance(step, ReadingsStep):
            for reading_index, reading in enumerate(step.readings):
                yield from iter_steps(reading.steps, f"{here}.readings.{reading_index}.steps")
