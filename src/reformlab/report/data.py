"""The plain data a report is rendered from: small frozen records that the analyses fill in.

Nothing here computes anything. The analyses (``reformlab.analysis``) build a :class:`ReportData`; the
renderers (:mod:`reformlab.report.render`) turn it into HTML, Markdown or PDF. Every record is a frozen
dataclass whose constructor only stores its fields; :func:`reformlab.report.validate.validate_report`
checks a whole report before rendering and names the offending field.

Numbers (power values, key figures) may be ``int``, ``fractions.Fraction`` or ``float``; the renderers
format them and never change them. Sequences are tuples so that a report cannot be edited after it was
built.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from reformlab.report.risk_data import RiskSection, RiskSeries  # noqa: F401 - part of the report's records

if TYPE_CHECKING:
    from reformlab.report.attribution import AttributionSection
    from reformlab.report.figures import DecisionCount
    from reformlab.report.process_section import ProcessSection
    from reformlab.report.power_section import PowerSection

Number = int | Fraction | float

# How a seat is filled, by short name. The analyses may only use these names; each has a mark in the
# hemicycle chart (see reformlab.report.charts.hemicycle.FILLING_MARKS).
FILLINGS: dict[str, str] = {
    "elected": "elected by voters",
    "indirect": "elected indirectly (by other bodies' members)",
    "appointed": "appointed by one actor",
    "assembly": "chosen by an appointed assembly",
}

# Relations between actors in the appointment graph, by short name, with their legend text.
RELATIONS: dict[str, str] = {
    "elects": "elects",
    "selects": "appoints or selects",
    "nominates": "nominates",
    "consents": "must consent",
    "dismisses": "may dismiss",
}

VERDICTS: dict[str, str] = {
    "supported": "supported",
    "partly": "partly supported",
    "refuted": "refuted",
    "open": "cannot be decided yet",
    "other": "about another comparison",
}

CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")


@dataclass(frozen=True)
class Source:
    """Where a fact comes from.

    Args:
        citation: a human-readable reference ("Constitution of Kazakhstan (1995), as amended 21 May 2007").
        locator: the place inside it: an article, a page, a paragraph ("Art. 50(2)", "p. 144").
        url: an address, shown as text and as a link (the report never fetches it).
    """

    citation: str
    locator: str = ""
    url: str = ""


@dataclass(frozen=True)
class Seat:
    """One seat of a chamber, as the hemicycle chart draws it.

    Args:
        party: the party or group holding the seat ("Nur Otan", "non-partisan").
        color: its colour as CSS hex ("#1f77b4"); all seats of a party should share one colour.
        filled_by: how the seat is filled: one of :data:`FILLINGS` ("elected", "indirect", "appointed", "assembly").
        group: the seat group of the constitution it belongs to ("party list", "presidential appointees").
        party_known: False when no party is known and ``party`` says who fills the seat instead
            ("appointed by the President"); the legend then shows it once, with the seat's shape.
    """

    party: str
    color: str
    filled_by: str
    group: str = ""
    party_known: bool = True


@dataclass(frozen=True)
class Chamber:
    """A chamber's seats at one date.

    Args:
        name: the chamber ("Majilis", "Senate").
        seats: every seat, in the order to draw them from left to right (group parties together).
        note: one line shown under the chart ("after the 2007 election").
    """

    name: str
    seats: tuple[Seat, ...]
    note: str = ""


@dataclass(frozen=True)
class Actor:
    """A node of the appointment graph: a person, a body or the electorate.

    Args:
        id: a short unique key used by edges ("president", "majilis").
        label: the name shown ("President", "Majilis").
        kind: "person", "body" or "electorate"; decides the node's shape.
    """

    id: str
    label: str
    kind: str = "body"


@dataclass(frozen=True)
class Relation:
    """An edge of the appointment graph: ``source`` does ``relation`` to ``target``.

    Args:
        source: the acting actor's id.
        target: the actor's id that is elected, selected, consented to or dismissed.
        relation: one of :data:`RELATIONS` ("selects", "consents", ...).
        article: the article that says so ("Art. 44(3)").
    """

    source: str
    target: str
    relation: str
    article: str = ""


@dataclass(frozen=True)
class AppointmentGraph:
    """Who selects whom at one date.

    Args:
        actors: the nodes, in a stable order (the layout keeps it where it can).
        relations: the edges.
    """

    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class ProcedurePower:
    """Power of each actor in one procedure, before and after.

    Args:
        procedure: the procedure's name ("ordinary law", "constitutional amendment").
        index: the power index used ("banzhaf", "shapley").
        before: actor -> power value before the reform (actors absent from a side have no role there).
        after: actor -> power value after.
        veto_before: actors who could block the procedure alone before.
        veto_after: actors who can block it alone after.
        article: where the procedure is defined.
        alone_before, alone_after: the actor who can pass the procedure alone on that side, if one can.
        witness_before, witness_after: a smallest winning coalition on that side (the witness of who is needed).
    """

    procedure: str
    index: str
    before: dict[str, Number]
    after: dict[str, Number]
    veto_before: frozenset[str] = frozenset()
    veto_after: frozenset[str] = frozenset()
    article: str = ""
    alone_before: str | None = None
    alone_after: str | None = None
    witness_before: tuple[str, ...] = ()
    witness_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """One structural difference between the two versions.

    Args:
        subject: what changed ("Majilis size", "consent to the National Bank chair").
        before: the rule before, as text ("77 seats").
        after: the rule after ("107 seats: 98 party list, 9 chosen by the APK").
        article: the article(s) concerned ("Art. 50(2)").
        sources: where the change is documented.
        kind: ``amendment`` (both texts known and different), ``newly_known`` (unknown before: a gap in the
            sources), ``carried`` (a side read from another date's text) or ``unknown_after``.
    """

    subject: str
    before: str
    after: str
    article: str = ""
    sources: tuple[Source, ...] = ()
    kind: str = "amendment"


@dataclass(frozen=True)
class Figure:
    """A computed figure: a label, a value and its unit.

    Args:
        label: what the number is ("presidential appointees in the Senate").
        value: the number; a Fraction is shown as a decimal (and as a percentage when ``unit`` is "%").
        unit: "%" (value is a share in [0, 1]), "seats", "" ...
    """

    label: str
    value: Number
    unit: str = ""


@dataclass(frozen=True)
class KeyFigure:
    """A headline number, before and after, for the summary table.

    Args:
        label: what is measured.
        before: value before (``None`` when the thing did not exist).
        after: value after.
        unit: as in :class:`Figure`.
    """

    label: str
    before: Number | None
    after: Number | None
    unit: str = ""


@dataclass(frozen=True)
class Claim:
    """A claim of the study, with the verdict the computation gives.

    Args:
        text: the claim, in the study's words or close to them.
        source: where the study makes it.
        verdict: one of :data:`VERDICTS`.
        figures: the computed figures the verdict rests on.
        reasoning: one or two sentences saying how the figures decide the claim.
    """

    text: str
    source: Source
    verdict: str
    figures: tuple[Figure, ...] = ()
    reasoning: str = ""


@dataclass(frozen=True)
class Fact:
    """An input fact used by the analyses, with its source and how sure we are.

    Args:
        statement: the fact ("The Senate has 47 members after 2007").
        source: where it comes from.
        confidence: one of :data:`CONFIDENCES`.
    """

    statement: str
    source: Source
    confidence: str = "high"


@dataclass(frozen=True)
class Unknown:
    """Something the analyses needed but could not establish, and what it affects.

    Args:
        question: what is not known ("party of the 9 APK deputies").
        assumption: what the analyses assumed instead.
        affects: which results depend on it.
    """

    question: str
    assumption: str = ""
    affects: str = ""


@dataclass(frozen=True)
class Snapshot:
    """The institutions at one date.

    Args:
        label: a short heading ("Before", "After").
        as_of: the date the rules are resolved at, ISO format ("2007-05-20").
        chambers: the chambers' seats.
        graph: the appointment graph.
        unfilled: names of chambers that exist then but whose membership is not known (no scenario fills them).
    """

    label: str
    as_of: str
    chambers: tuple[Chamber, ...]
    graph: AppointmentGraph
    unfilled: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportData:
    """Everything one report shows, computed beforehand.

    Args:
        title: the report's title.
        country: the country ("Kazakhstan").
        reform: the reform compared ("constitutional amendments of 21 May 2007").
        before: the institutions before the reform.
        after: the institutions after it.
        power: power per procedure, before and after.
        changes: the structural diff.
        claims: the study's claims with verdicts.
        facts: provenance of every fact used.
        unknowns: what is not known and what was assumed.
        key_figures: headline numbers for the summary.
        decision_counts: for the camp first, then every other actor who passes a decision alone: the
            decisions passed alone, told and not told on each side (one count for summary and key figures).
        generated_by: the tool and version that produced the numbers ("reformlab 0.1.0").
        generated_on: the date the report was made (ISO); set by the caller, so renders are reproducible.
        risk: the risk of losing control under electoral uncertainty, when simulated.
        process: the reform process section (:class:`reformlab.report.process_section.ProcessSection`), when
            the comparison spans a process's package.
        power_section: margins, the rules/election split and robustness, leading the power section
            (:class:`reformlab.report.power_section.PowerSection`); the index bars then show only the
            procedures whose indices differ.
        attribution: each amendment's share of the change in every decision that moved
            (:class:`reformlab.report.attribution.AttributionSection`), when the comparison is a package.
    """

    title: str
    country: str
    reform: str
    before: Snapshot
    after: Snapshot
    power: tuple[ProcedurePower, ...] = ()
    changes: tuple[Change, ...] = ()
    claims: tuple[Claim, ...] = ()
    facts: tuple[Fact, ...] = ()
    unknowns: tuple[Unknown, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    decision_counts: tuple[DecisionCount, ...] = ()
    generated_by: str = ""
    generated_on: str = ""
    risk: RiskSection | None = None
    process: ProcessSection | None = None
    attribution: AttributionSection | None = None
    power_section: PowerSection | None = None

    def change_counts(self) -> dict[str, int]:
        """Changes by kind, counted once for the summary, the key figures and the section."""
        return dict(Counter(change.kind for change in self.changes))

    def verdict_counts(self) -> dict[str, int]:
        """Claims by verdict, counted once for the summary and the claims section."""
        return dict(Counter(claim.verdict for claim in self.claims))

    def amendment_articles(self) -> tuple[str, ...]:
        """The articles of the amendments (each once, in order)."""
        return tuple(dict.fromkeys(c.article for c in self.changes if c.kind == "amendment" and c.article))
