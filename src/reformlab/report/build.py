"""Build a :class:`ReportData` from a comparison of two evaluated versions and the study's claims.

Everything shown is taken from the computed objects: seats from the filled bodies, edges from how each
seat group is filled, power from the decision games, changes from the structural diff, verdicts from the
claims, provenance from the references of the rules used and the scenario's assumptions.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from urllib.parse import urlparse

from reformlab import __version__
from reformlab.ordering import natural_key
from reformlab.model import Unknown as UnknownValue
from reformlab.model.confidence import strongest
from reformlab.report.data import (
    Actor, AppointmentGraph, Change, Claim, Fact, Figure, KeyFigure, ProcedurePower, Relation, ReportData, RiskSection,
    RiskSeries, Snapshot, Source, Unknown,
)
from reformlab.report.figures import decision_counts, key_figures
from reformlab.report.words import describe_value, fact_text, value_text
from reformlab.report.seating import chamber_from_counts, party_colors

VERDICT_WORDS = {"holds": "supported", "fails": "refuted", "cannot tell": "open", "about another comparison": "other"}
ACTOR_NAMES = {"president": "President", "electorate": "Voters (referendum)"}


def actor_name(actor: str) -> str:
    """How a principal is shown: ``President``, party names as they are."""
    return ACTOR_NAMES.get(actor, actor)
CAMP_COLOR = "#1f4e9c"


def _filling_mark(block, constitution) -> str:
    """``elected``, ``indirect``, ``appointed``, or ``assembly`` when the electors are a body of kind assembly."""
    if block.filled_by == "popular":
        return "elected"
    if block.filled_by == "indirect":
        elector = constitution.bodies.get(block.selector)
        return "assembly" if elector is not None and elector.kind == "assembly" else "indirect"
    return "appointed"


def _seat_label(block, spec, constitution) -> str:
    if block.party:
        return "Independents" if block.party.startswith("Independent ") else block.party
    selector = spec.label(block.selector, constitution)
    return {"appointed": f"appointed by {selector}", "indirect": f"chosen by {selector}"}.get(block.filled_by, block.how)


def _chambers(evaluation, colors, spec, camp):
    chambers = []
    c = evaluation.constitution
    for body in evaluation.filling.bodies.values():
        if body.kind != "chamber" or body.unknown:
            continue
        rows = {}
        for block in sorted(body.blocks, key=lambda b: (b.principal != camp, b.filled_by, natural_key(_seat_label(b, spec, c)))):
            key = (_seat_label(block, spec, c), _filling_mark(block, c), block.group)
            rows[key] = rows.get(key, 0) + block.seats
        note = f"{body.size} seats; filled under scenario {evaluation.scenario.id}" if evaluation.scenario else ""
        described = {_seat_label(block, spec, c) for block in body.blocks if not block.party}
        chambers.append(chamber_from_counts(
            body.label, [(label, mark, count, group) for (label, mark, group), count in rows.items()], colors, note,
            described))
    return tuple(chambers)


def appointment_graph(c, camp: str) -> AppointmentGraph:
    """Who elects, selects and consents to whom in constitution ``c``, the ``camp`` drawn as a person."""
    actors = {"electorate": Actor("electorate", "Voters", "electorate")}
    relations = []

    def node(actor_id: str) -> str:
        if actor_id not in actors:
            own = c.actors[actor_id].label if actor_id in c.actors else ""
            label = (c.bodies[actor_id].label if actor_id in c.bodies else own[:1].upper() + own[1:] if own
                     else actor_id.replace("_", " ").title())
            person = actor_id in c.actors and c.actors[actor_id].kind == "person"
            kind = "person" if actor_id == camp or person else "body"
            actors[actor_id] = Actor(actor_id, label, kind)
        return actor_id

    for body_id, body in c.bodies.items():
        if isinstance(body.seat_groups, UnknownValue):  # it existed; how it was filled is not in the sources
            actors[body_id] = Actor(body_id, f"{body.label} (how it is filled: not known)", "body")
            continue
        for number, group in enumerate(body.seat_groups):
            article = _article(c, f"bodies.{body_id}.seat_groups.{number}") or _article(c, f"bodies.{body_id}")
            target = node(body_id)
            if group.filled_by == "popular":
                relations.append(Relation("electorate", target, "elects", article))
            elif group.filled_by == "indirect":
                relations.extend(Relation(node(e), target, "elects", article) for e in group.electors)
            elif group.filled_by == "appointed" and not isinstance(group.by, UnknownValue):
                nominator = getattr(group, "nominated_by", None)
                if nominator is not None and not isinstance(nominator, UnknownValue) and nominator != group.by:
                    relations.append(Relation(node(nominator), target, "nominates", article))
                relations.append(Relation(node(group.by), target, "selects", article))
                if not isinstance(group.consent, UnknownValue):
                    relations.extend(
                        Relation(node(v.body), target, "consents", article)
                        for v in group.consent if not isinstance(v.body, UnknownValue)
                    )
    return AppointmentGraph(tuple(actors.values()), tuple(dict.fromkeys(relations)))


def _article(c, path: str) -> str:
    ref = c.ref(path)
    return "" if ref is None or not ref.article or ref.article == "unknown" else f"Art. {ref.article}"


def _source(c, key: str, locator: str = "") -> Source:
    entry = c.sources.get(key)
    if entry is None:
        return Source(key, locator)
    if entry.citation:
        return Source(entry.citation, locator, entry.url or "")
    host = urlparse(entry.url or "").netloc.removeprefix("www.") or key
    return Source(host, locator, entry.url or "")


def _snapshot(label: str, evaluation, colors, spec, camp) -> Snapshot:
    unfilled = tuple(body.label for body in evaluation.filling.bodies.values() if body.kind == "chamber" and body.unknown)
    return Snapshot(label, str(evaluation.constitution.as_of), _chambers(evaluation, colors, spec, camp),
                    appointment_graph(evaluation.constitution, camp), unfilled)


def _power(comparison) -> tuple[ProcedurePower, ...]:
    found = []
    control = comparison.control()
    for proc, actors in comparison.power().items():
        before = {a: v["before"] for a, v in actors.items() if v["before"] is not None}
        after = {a: v["after"] for a, v in actors.items() if v["after"] is not None}
        if not before and not after:
            continue
        veto = {side: frozenset(actor_name(a) for a, roles in control.get(proc, {}).items()
                                if roles.get(side) in ("veto", "passes alone"))
                for side in ("before", "after")}
        witness = {side: _witness(getattr(comparison, side), proc) for side in ("before", "after")}
        alone = {side: next((actor_name(a) for a, roles in control.get(proc, {}).items()
                             if roles.get(side) == "passes alone"), None) for side in ("before", "after")}
        found.append(ProcedurePower(
            _decision_label(comparison, proc), comparison.index,
            {actor_name(a): v for a, v in before.items()}, {actor_name(a): v for a, v in after.items()},
            veto["before"], veto["after"], alone_before=alone["before"], alone_after=alone["after"],
            witness_before=witness["before"], witness_after=witness["after"],
        ))
    return tuple(found)


def _witness(side, proc: str) -> tuple[str, ...]:
    pc = side.control.procedures.get(proc)
    if pc is None or pc.control is None or pc.control.smallest_winning is None:
        return ()
    return tuple(actor_name(a) for a in pc.control.smallest_winning)


def _decision_label(comparison, proc: str) -> str:
    for side in (comparison.after, comparison.before):
        if proc in side.decisions:
            return side.decisions[proc].label
    return proc


def _subject(comparison, change) -> str:
    """``bodies.majilis.seat_groups.0.seats`` -> ``Majilis › seats 'list' › seats`` (list indices are those of
    the version that has the value: the earlier one for a removed value)."""
    parts = change.path.split(".")
    words = []
    node_sides = [comparison.after.constitution, comparison.before.constitution]
    if change.after is None:
        node_sides.reverse()
    for number, part in enumerate(parts):
        so_far = ".".join(parts[: number + 1])
        if number == 0 and part in ("bodies", "procedures", "actors"):
            continue
        if part == "seat_groups":
            continue
        if part.isdigit() and parts[number - 1] == "seat_groups":
            group_id = next((_safe_get(c, so_far + ".id") for c in node_sides if _safe_get(c, so_far + ".id")), part)
            words.append(f"seats '{group_id}'")
            continue
        if number == 1 and parts[0] == "bodies":
            label = next((c.bodies[part].label for c in node_sides if part in c.bodies), part)
            words.append(label.split(" (")[0])
            continue
        if part.isdigit():  # a list position reads as the item's number, never as an index
            words.append(f"{words.pop() if words else 'item'} {int(part) + 1}")
            continue
        words.append(part.replace("_", " "))
    return " › ".join(words)


def _safe_get(c, path: str):
    try:
        return c.get(path)
    except KeyError:
        return None


def _changes(comparison) -> tuple[Change, ...]:
    after = comparison.after.constitution
    return tuple(
        Change(_subject(comparison, change), describe_value(change.before), describe_value(change.after),
               f"Art. {change.article}" if change.article and change.article != "unknown" else "",
               tuple(_source(after, key) for key in change.sources), change.kind)
        for change in comparison.changes
    )


def _claims(results, source: Source) -> tuple[Claim, ...]:
    claims = []
    for result in results:
        figures = tuple(
            Figure(side, value) for side, value in result.computed.items()
            if isinstance(value, (int, Fraction)) and not isinstance(value, bool)
        )
        reasoning = "; ".join(f"computed {side}: {value_text(v)}, stated: {value_text(result.expected.get(side))}"
                              for side, v in result.computed.items())
        if result.rounding:
            reasoning += f" ({result.rounding})"
        if result.reason:
            label = {"fails": "Why it fails", "cannot tell": "Cannot tell"}.get(result.verdict, "Note")
            reasoning = (reasoning + ". " if reasoning else "") + f"{label}: {result.reason}"
        claims.append(Claim(result.text, source, VERDICT_WORDS[result.verdict], figures, reasoning))
    return tuple(claims)


class _Path:
    """A path and its value, read by :func:`_subject` like a change."""

    def __init__(self, path: str, value) -> None:
        self.path, self.after = path, value


def _facts(comparison) -> tuple[Fact, ...]:
    facts, seen = [], set()
    for label, side in (("before", comparison.before), ("after", comparison.after)):
        c = side.constitution
        for path, ref in c.refs.items():
            if ref.confidence in (None, "unknown") or not ref.sources or path.count(".") > 3:
                continue
            try:
                value = c.get(path)
            except KeyError:
                continue
            statement = f"{_subject(comparison, _Path(path, value))}: {fact_text(value)}"
            key = (statement, ref.sources)
            if key in seen:
                continue
            seen.add(key)
            locator = f"Art. {ref.article}" if ref.article and ref.article != "unknown" else ""
            source = _source(c, strongest(ref.sources, c.sources), locator)
            facts.append(Fact(f"[{label}, version {c.version}] {statement}", source,
                              ref.confidence))
        if side.scenario:
            for what, assumption in side.scenario.assumptions():
                key = (what, assumption.principal)
                if key not in seen and assumption.confidence in ("high", "medium", "low"):
                    seen.add(key)
                    citation = side.scenario.sources.get(assumption.sources[0], assumption.sources[0]) if assumption.sources else "assumption"
                    facts.append(Fact(f"[scenario {side.scenario.id}] {what} {assumption.principal}: {assumption.note or ''}",
                                      Source(citation), assumption.confidence))
    return tuple(facts)


def _unknowns(comparison) -> tuple[Unknown, ...]:
    found = []
    for label, side in (("before", comparison.before), ("after", comparison.after)):
        for path, ref in side.constitution.unknowns():
            found.append(Unknown(f"{path} ({label}, version {side.constitution.version})",
                                 "none: left unknown", (ref.note if ref and ref.note else "")))
        for decision in side.decisions.values():
            if decision.status != "known":
                found.append(Unknown(f"{decision.label} ({label})",
                                     "each plausible majority computed separately" if decision.status == "alternatives" else "none",
                                     decision.unknown or ""))
        if side.scenario:
            for what, assumption in side.scenario.assumptions():
                found.append(Unknown(f"{what}? ({label})", assumption.principal,
                                     "every body and decision this principal's seats take part in"))
    return tuple(found)


def _risk(comparison, risk: dict | None, camp: str = "the camp") -> RiskSection | None:
    """The risk section from :func:`reformlab.analysis.risk.risk_section` data (targets in before/after order)."""
    if not risk:
        return None
    sides = dict(zip(risk["targets"], ("before", "after")))
    series = []
    for entry in risk["series"]:
        side = sides.get(entry["version"])
        if side is None:
            continue
        decision, _, assumption = entry["procedure"].partition(" ")  # "appoint:x.chair (assuming two thirds ...)"
        procedure = entry["label"] + (f" {assumption}" if assumption else "")
        control = getattr(comparison, side).control.procedures.get(decision)
        held = control is None or control.role(comparison.camp) in (None, "passes alone")
        series.append(RiskSeries(side, procedure, tuple(entry["p_lose_pass"]), tuple(entry["p_lose_pass_low"]),
                                 tuple(entry["p_lose_pass_high"]), held_at_baseline=held))
    drawn = risk.get("baseline") or {}
    return RiskSection(risk["parameter"], risk["why"], tuple(float(v) for v in risk["values"]), tuple(series),
                       risk["draws"], risk["seed"], camp, drawn.get("votes") or "", drawn.get("same_votes", True))


def build_report(comparison, claims=(), *, risk: dict | None = None, title: str | None = None,
                 generated_on: str | None = None, study: str | None = None, spec=None) -> ReportData:
    """The report of ``comparison`` (a :class:`~reformlab.analysis.compare.Comparison`) with checked ``claims``
    and, when given, the risk section data of :func:`reformlab.analysis.risk.risk_section`.

    ``spec`` (:class:`~reformlab.report.spec.ReportSpec`, default: the after-version's) gives the country,
    the key bodies, the short labels and the camp's parties; the camp itself is ``comparison.camp``."""
    from reformlab.report.spec import checked_spec, report_spec

    before, after = comparison.before, comparison.after
    spec = report_spec(after.constitution) if spec is None else checked_spec(spec, after.constitution)
    parties = [b.party or "" for side in (before, after) for body in side.filling.bodies.values() for b in body.blocks]
    colors = party_colors([_seat_label_name(p) for p in parties if p], dict.fromkeys(spec.camp_parties, CAMP_COLOR))
    country = spec.country
    study = study or spec.study.get("citation") or "the study"
    camp = comparison.camp
    reform = f"{after.constitution.version_label}"
    counts = decision_counts(comparison, actor_name)
    return ReportData(
        title=title or f"{country}: {before.target} → {after.target}",
        country=country,
        reform=reform,
        before=_snapshot("Before", before, colors, spec, camp),
        after=_snapshot("After", after, colors, spec, camp),
        power=_power(comparison),
        changes=_changes(comparison),
        claims=_claims(claims, Source(study)),
        facts=_facts(comparison),
        unknowns=_unknowns(comparison),
        key_figures=key_figures(comparison, spec, counts[0]),
        decision_counts=counts,
        generated_by=f"reformlab {__version__}",
        generated_on=generated_on or dt.date.today().isoformat(),
        risk=_risk(comparison, risk, f"{spec.label(camp, after.constitution)}'s camp"),
    )


def _seat_label_name(party: str) -> str:
    return "Independents" if party.startswith("Independent ") else party
