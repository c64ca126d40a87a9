"""What a reform process is: consultative bodies, agenda areas, proposals with outcomes, and the amendments.

A process file (``data/process/kz_2002_2007.yaml``) records who sat at the table and what came of it. Every
fact is a :class:`Fact` (``value`` with its ``source``, ``confidence`` and ``note``); where sources conflict
a field holds a list of facts, each with its own source, and nothing chooses between them. ``unknown`` is a
value, never a gap to fill.

The registries below are the vocabulary of the file; each name is written once, with what it means.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from reformlab.model.values import Confidence, Unknown

#: Legal standing of a consultative body, weakest first (``rank`` orders them).
STATUSES: dict[str, dict[str, Any]] = {
    "advisory": {"rank": 1, "label": "advisory body with no constitutional standing",
                 "meaning": "its recommendations have no legal status; the government may disregard them"},
    "national_commission": {"rank": 2, "label": "national commission (ambiguous legal status)",
                            "meaning": "a national forum meant to prepare a draft reform, chaired below the head of state"},
    "state_commission_chaired_by_head_of_state": {
        "rank": 3, "label": "state commission chaired by the head of state",
        "meaning": "a state body whose chair is the President himself"},
}

#: What became of a proposal. ``needs_amendments``: the outcome must name the amendments implementing it;
#: ``adopted``: it counts as adopted in the per-area measures; ``inside``: it came from a consultative body.
OUTCOMES: dict[str, dict[str, Any]] = {
    "adopted_as_proposed": {"label": "adopted as proposed", "needs_amendments": True, "adopted": True, "inside": True},
    "adopted_in_another_form": {"label": "adopted in another form", "needs_amendments": True, "adopted": True,
                                "inside": True},
    "not_adopted": {"label": "not adopted", "needs_amendments": False, "adopted": False, "inside": True},
    "added_outside_process": {"label": "added outside the process", "needs_amendments": True, "adopted": True,
                              "inside": False},
}

#: Whom a group of members answers to.
AFFILIATIONS = ("pro_presidential", "opposition", "government", "civil_society", "unknown")

#: The qualitative make-up a source gives when counts are unknown.
COMPOSITIONS = ("pro_presidential_majority", "balanced", "opposition_majority", "unknown")

#: What a body produced.
OUTPUT_KINDS = ("none", "little", "some", "recommendations", "draft")

Sources = str | tuple[str, ...]


class ProcessModel(BaseModel):
    """Base of the process schema: frozen, no unknown fields (a typo is an error, not a silent no-op)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Fact(ProcessModel):
    """One sourced statement: ``value`` (``unknown`` allowed), its source keys, confidence and the source's words."""

    value: Any
    source: Sources = ()
    confidence: Confidence | None = None
    note: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,) if isinstance(self.source, str) else tuple(self.source)

    @property
    def known(self) -> bool:
        return not (self.value == "unknown" or isinstance(self.value, Unknown))


class ChairFact(Fact):
    """Who chaired a body; ``head_of_state`` says whether the chair was the President."""

    head_of_state: bool | None = None


class OutputFact(Fact):
    """What a body produced, with its :data:`OUTPUT_KINDS` ``kind``."""

    kind: str = "unknown"


def facts(field: Fact | tuple[Fact, ...] | None) -> tuple[Fact, ...]:
    """A fact field as a tuple (one fact, or the conflicting facts of several sources)."""
    if field is None:
        return ()
    return field if isinstance(field, tuple) else (field,)


class MemberGroup(ProcessModel):
    """Members of one affiliation (:data:`AFFILIATIONS`); ``count`` stays ``unknown`` unless a source gives it."""

    affiliation: str
    count: int | Unknown = Field(default_factory=Unknown)
    names: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    source: Sources = ()
    note: str | None = None


class PartyRole(ProcessModel):
    """A party's place at the table: invited, took part (each a fact, or conflicting facts), reasons for staying
    out."""

    party: str
    camp: Literal["opposition", "pro_presidential", "unknown"] = "unknown"
    invited: Fact | tuple[Fact, ...] = Fact(value="unknown")
    took_part: Fact | tuple[Fact, ...] = Fact(value="unknown")
    reasons: tuple[Fact, ...] = ()


class Body(ProcessModel):
    """A consultative body: who created it, when it sat, its standing, its chair, who sat and what it produced.

    Dates are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (as precise as the source).
    """

    id: str
    label: str
    created_by: Fact
    created_how: Fact | None = None
    announced: Fact | tuple[Fact, ...] | None = None
    start: Fact | tuple[Fact, ...]
    first_sitting: Fact | tuple[Fact, ...] | None = None
    end: Fact | tuple[Fact, ...]
    sittings: Fact | None = None
    status: Fact | tuple[Fact, ...]
    chair: ChairFact | tuple[ChairFact, ...]
    president_was_to_chair: Fact | None = None
    overseen_by: Fact | None = None
    size: Fact | tuple[Fact, ...]
    composition: Fact | tuple[Fact, ...] | None = None
    members: tuple[MemberGroup, ...] = ()
    parties: tuple[PartyRole, ...] = ()
    output: OutputFact | tuple[OutputFact, ...]


class Area(ProcessModel):
    """An agenda area a body discussed."""

    id: str
    label: str
    body: str
    source: Sources = ()


class Amendment(ProcessModel):
    """One amendment of the reform package, reusable as a named patch.

    Attributes:
        id: the name used everywhere (outcomes, effects, the report).
        label: what it does, in a sentence.
        articles: the articles it amends (``unknown`` when the fact base does not give them).
        paths: what it touches in the resolved constitution, seat groups by id
            (``bodies.majilis.seat_groups.list.seats``); applying it sets each path to its value in the
            package's ``after`` version (removing it where ``after`` has none).
        requires: amendments it cannot stand without in a consistent version (a Majilis size needs its seat
            groups); single-amendment effects apply them together.
        in_package: the id of the amendment of the package's reform file (``package.reform``) that makes this
            change, where it differs (the package folds the APK seats into the Majilis of 107).
    """

    id: str
    label: str
    articles: str | Unknown = Field(default_factory=Unknown)
    paths: tuple[str, ...] = Field(min_length=1)
    requires: tuple[str, ...] = ()
    in_package: str | None = None

    @property
    def package_id(self) -> str:
        return self.in_package or self.id


class NotAmendment(ProcessModel):
    """A difference between the two versions that is not an amendment (the earlier value is unknown in the data)."""

    path: str
    reason: str


class Outcome(ProcessModel):
    """What became of a proposal (``kind`` from :data:`OUTCOMES`), linked to the amendments that implement it.

    ``instead`` names the amendments adopted in place of a proposal that was not adopted; ``by`` who added a
    proposal outside the process.
    """

    kind: str
    amendments: tuple[str, ...] = ()
    instead: tuple[str, ...] = ()
    by: str | None = None
    source: Sources = ()
    confidence: Confidence | None = None
    note: str | None = None


class Proposal(ProcessModel):
    """A proposal, with the body and area it came from (``None`` for one made outside the process) and its outcome."""

    id: str
    label: str
    body: str | None = None
    area: str | None = None
    value: Any = None
    proposed_by: str | None = None
    source: Sources = ()
    confidence: Confidence | None = None
    note: str | None = None
    outcome: Outcome
    counterfactuals: tuple[str, ...] = ()


class Untraced(ProcessModel):
    """An amendment no source traces to a proposal or to an addition outside the process."""

    amendment: str
    note: str
    source: Sources = ()


class SourceClaim(ProcessModel):
    """A figure a source states about the process (the embassy's 80%), checked by the process claims."""

    id: str
    value: Any
    source: Sources = ()
    confidence: Confidence | None = None
    note: str | None = None


class Counterfactual(ProcessModel):
    """A road not taken: a reform file (relative to the process file) applied to the adopted package."""

    id: str
    file: str
    label: str
    proposals: tuple[str, ...] = Field(min_length=1)


class DistrictAssumption(ProcessModel):
    """Who wins single-member districts a counterfactual adds, as a labelled assumption: declared ``seats``
    (party -> districts), or the district winners of a built-in ``election`` with the ``alignments`` of its
    parties (party -> principal); an election also gives the risk simulation its baseline."""

    id: str
    label: str
    seats: dict[str, int] | None = None
    election: str | None = None
    alignments: dict[str, str] = {}
    source: Sources = ()
    confidence: Confidence | None = None
    note: str | None = None


class Package(ProcessModel):
    """The reform package: the versions of the constitution just before and after it, the shipped reform
    file that writes it amendment by amendment (its amendments are applied, :mod:`reformlab.process.amendments`),
    and when it was announced and adopted (facts, conflicting where the sources disagree)."""

    before: dt.date
    after: dt.date
    reform: str | None = None  # the shipped reform file written amendment by amendment (data/reforms/<id>.yaml)
    label: str | None = None
    announced: Fact | tuple[Fact, ...] | None = None
    adopted: Fact | tuple[Fact, ...] | None = None


class Process(ProcessModel):
    """A whole reform process (see the module docstring); ``file`` is where it was read from."""

    schema_version: Literal[1]
    id: str
    label: str
    constitution: str
    package: Package
    sources: dict[str, str]
    bodies: tuple[Body, ...] = Field(min_length=1)
    areas: tuple[Area, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    not_amendments: tuple[NotAmendment, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    untraced: tuple[Untraced, ...] = ()
    claims_of_sources: tuple[SourceClaim, ...] = ()
    counterfactuals: tuple[Counterfactual, ...] = ()
    district_assumptions: tuple[DistrictAssumption, ...] = ()
    file: str | None = Field(default=None, exclude=True)

    def body(self, body_id: str) -> Body:
        return next(b for b in self.bodies if b.id == body_id)

    def amendment(self, amendment_id: str) -> Amendment:
        return next(a for a in self.amendments if a.id == amendment_id)

    def proposal(self, proposal_id: str) -> Proposal:
        return next(p for p in self.proposals if p.id == proposal_id)

    def traced_to(self, amendment_id: str) -> list[Proposal]:
        """The proposals whose outcome names ``amendment_id`` (adopted, or added outside the process)."""
        return [p for p in self.proposals if amendment_id in p.outcome.amendments]

    def origin(self, amendment_id: str) -> str:
        """``process`` (from a body's proposal), ``outside`` (added outside the process) or ``untraced``."""
        kinds = {OUTCOMES[p.outcome.kind]["inside"] for p in self.traced_to(amendment_id)
                 if p.outcome.kind in OUTCOMES}
        if True in kinds:
            return "process"
        return "outside" if kinds else "untraced"
