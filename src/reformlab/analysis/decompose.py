"""Which amendment did what: a reform's effect on every decision split exactly among its amendments.

For a base version, a reform package and one scenario (the same seats and alignments for every subset),
each measure of each decision (the camp's control, every power index of every actor) is evaluated on the
base amended by subsets of the package. The share of each amendment is its Shapley value over the orders
in which the package can be assembled (prerequisites first, :mod:`reformlab.games.precedence`): the
shares sum exactly to the whole reform's effect, an amendment that never changes the measure gets exactly
0, and two amendments that do the same get the same share. Beside the share, the effect of the amendment
alone (added to the base with its prerequisites) and of leaving it out (with what depends on it).

Only what matters is evaluated: a decision reads some units of the constitution (its procedure, the bodies
it names and those they are filled from, :mod:`reformlab.analysis.relevance`); amendments that touch none
of them are null for it, and subsets are enumerated over the others only. The result states how many
versions were evaluated, against the naive count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from reformlab.analysis.decompose_offsets import Offset, offsets
from reformlab.analysis.decompose_versions import CONTROL_LEVELS, MEASURES, Versions, measures_of, series_by_reading
from reformlab.analysis.relevance import node_of, reads, reference_graph
from reformlab.engine.scenario import Scenario
from reformlab.errors import ReformlabError, unknown_name
from reformlab.games.precedence import PrecedenceStructure, marginal_weights, precedence_structure
from reformlab.model.amendments import as_package
from reformlab.model.constitution import Constitution
from reformlab.model.reform import Reform

__all__ = ["CONTROL_LEVELS", "MEASURES", "DecisionAttribution", "Decomposition", "Interaction", "Offset", "Share",
           "decompose", "offsets"]


@dataclass(frozen=True)
class Share:
    """One measure of one decision for one actor (and assumption), split among the amendments.

    Attributes:
        before, after: the measure under the base and under the whole reform.
        shares: each amendment's Shapley share of ``after - before`` (0 for those that cannot affect it).
        alone: the change when only this amendment (with its prerequisites) is added to the base.
        left_out: the change when this amendment (with what depends on it) is removed from the whole reform.
    """

    decision: str
    measure: str
    actor: str
    assumption: str | None
    before: Fraction
    after: Fraction
    shares: dict[str, Fraction]
    alone: dict[str, Fraction]
    left_out: dict[str, Fraction]

    @property
    def total(self) -> Fraction:
        return self.after - self.before

    def to_dict(self) -> dict:
        text = _text
        return {
            "decision": self.decision, "measure": self.measure, "actor": self.actor,
            "assumption": self.assumption, "before": text(self.before), "after": text(self.after),
            "total": text(self.total), "shares": {k: text(v) for k, v in self.shares.items()},
            "alone": {k: text(v) for k, v in self.alone.items()},
            "left_out": {k: text(v) for k, v in self.left_out.items()},
        }


@dataclass(frozen=True)
class Interaction:
    """Two amendments that change a decision's control only together (neither alone does), or whose
    removal changes it only together."""

    decision: str
    first: str
    second: str
    side: str  # "adding to the base" or "removing from the reform"
    before: str
    after: str


@dataclass(frozen=True)
class DecisionAttribution:
    """Every measure of one decision, split among the amendments that can affect it."""

    decision: str
    label: str
    relevant: tuple[str, ...]
    shares: tuple[Share, ...] = ()
    cannot_tell: str | None = None
    interactions: tuple[Interaction, ...] = ()
    not_shared: tuple[tuple[str, str], ...] = ()  # (measure, why it has no value in some version)

    def to_dict(self) -> dict:
        return {
            "decision": self.decision, "label": self.label, "relevant_amendments": list(self.relevant),
            "cannot_tell": self.cannot_tell, "shares": [s.to_dict() for s in self.shares],
            "interactions": [vars(i) for i in self.interactions],
            "not_shared": [{"measure": m, "reason": r} for m, r in self.not_shared],
        }


@dataclass(frozen=True)
class Decomposition:
    """A reform's effect, decision by decision, attributed to its amendments."""

    base: str
    reform: Reform
    scenario: str | None
    camp: str
    measures: tuple[str, ...]
    amendments: tuple[dict, ...]
    decisions: dict[str, DecisionAttribution]
    evaluations: int
    naive_evaluations: int
    assumptions: tuple[dict, ...] = field(default=())
    election: str | None = None  # how --election was read: the votes held fixed, the seats following the rules
    risk: dict | None = None  # draws, seed, subsets simulated, scheduler (with the risk measure)

    def to_dict(self) -> dict:
        return {
            "base": self.base, "reform": self.reform.reform, "label": self.reform.label,
            "scenario": self.scenario, "election": self.election, "camp": self.camp,
            "measures": list(self.measures), "amendments": list(self.amendments),
            "assumptions": list(self.assumptions), "risk": self.risk,
            "evaluations": self.evaluations, "naive_evaluations": self.naive_evaluations,
            "decisions": {k: v.to_dict() for k, v in self.decisions.items()},
        }


def decompose(
    base: Constitution,
    reform: Reform,
    scenario: Scenario | None,
    *,
    camp: str = "president",
    measures: Sequence[str] = ("control", "banzhaf", "shapley"),
    only: Sequence[str] | None = None,
    base_name: str | None = None,
    election: str | None = None,
    alignments: dict[str, str] | None = None,
    draws: int = 100_000,
    seed: int = 0,
    scheduler: str = "serial",
    workers: int = 2,
    address: str | None = None,
    processes: bool = True,
    progress=None,
) -> Decomposition:
    """Attribute the effect of ``reform`` on ``base`` (filled by ``scenario``) to its amendments.

    Args:
        camp: the actor whose control, margin and risk are measured (power indices: every actor).
        measures: among :data:`MEASURES`.
        only: decision ids to decompose (default: every decision of the base or the reformed version).
        election: fill every subset from this election's votes under the subset's own rules (then
            ``scenario`` is None; ``alignments`` re-align its parties).
        draws, seed, scheduler, workers, address, processes, progress: the risk run (measure ``risk``):
            ``draws`` per subset, all subsets on the draws of ``seed``, serially or on Dask
            (:func:`~reformlab.analysis.risk.simulate`).

    Raises:
        ReformlabError: an unknown measure or decision, or a subset of amendments that does not make a
            valid constitution (an undeclared dependency).
    """
    for measure in measures:
        if measure not in MEASURES:
            raise unknown_name("measure", measure, MEASURES, field="--measure")
    if election is not None and scenario is not None:
        raise ReformlabError("give --scenario or --election, not both", field="--election",
                             fix="--election fills every subset from that election's votes under its own rules")
    if "risk" in measures:
        from reformlab.analysis.risk import check_draws
        from reformlab.analysis.risk.draws import check_seed

        draws, seed = check_draws(draws), check_seed(seed)
    package = as_package(reform)
    ids = [a.id for a in package.amendments]
    needs = _closed_needs(package)
    versions = Versions(base, package, scenario, election=election, alignments=alignments,
                        name=base_name or f"{base.id}@{base.as_of}")
    everything = frozenset(ids)
    none = frozenset()
    graphs = [reference_graph(versions.constitution(key)) for key in _probe_sets(ids, needs)]
    decision_ids = list(dict.fromkeys([*versions.decisions(none), *versions.decisions(everything)]))
    principals = versions.principals(none) | versions.principals(everything)
    if camp not in principals:
        raise unknown_name("camp", camp, principals, field="--camp",
                           problem=f"{camp!r} holds no seat and no office in either version")
    if only:
        for wanted in only:
            if wanted not in decision_ids:
                raise unknown_name("decision", wanted, decision_ids, field="--decision",
                                   problem=f"no decision {wanted!r}")
        decision_ids = [d for d in decision_ids if d in only]
    touched = {a.id: {node_of(c.path) for c in a.changes} for a in package.amendments}
    structures: dict[tuple[str, ...], tuple[PrecedenceStructure, list]] = {}
    plans = {}
    for decision in decision_ids:
        read = reads(decision, graphs)
        direct = {i for i in ids if touched[i] & read}
        relevant = tuple(i for i in ids if i in direct or any(i in needs[d] for d in direct))
        if relevant not in structures:
            structure = precedence_structure(relevant, {i: [d for d in needs[i]] for i in relevant})
            structures[relevant] = (structure, marginal_weights(structure, structure.full))
        structure, weights = structures[relevant]
        plans[decision] = (structure, weights, _masks(structure, weights))
    if "risk" in measures:
        keys = [frozenset(structure.members(m)) for structure, _, masks in plans.values() for m in masks]
        versions.simulate(keys, camp, draws=draws, seed=seed, scheduler=scheduler, workers=workers,
                          address=address, processes=processes, progress=progress)
    results: dict[str, DecisionAttribution] = {}
    for decision, (structure, weights, masks) in plans.items():
        versions.structure = structure
        results[decision] = _attribute(decision, versions, structure, weights, masks, camp, measures, ids)
    info = tuple({"id": a.id, "label": a.label, "articles": list(a.articles), "depends_on": list(a.depends_on),
                  "paths": [c.path for c in a.changes]} for a in package.amendments)
    filled_by = versions.evaluation(none).scenario
    assumptions = tuple({"name": name, "principal": a.principal, "confidence": a.confidence, "note": a.note}
                        for name, a in (filled_by.assumptions() if filled_by is not None else []))
    return Decomposition(
        base=base_name or f"{base.id}@{base.as_of}", reform=package, scenario=filled_by.id if filled_by else None,
        camp=camp, measures=tuple(measures), amendments=info, decisions=results, evaluations=versions.count,
        naive_evaluations=2 ** len(ids) * len(decision_ids), assumptions=assumptions,
        election=versions.evaluation(none).election, risk=versions.risk_run)


def _closed_needs(package: Reform) -> dict[str, frozenset[str]]:
    """Each amendment's direct and indirect prerequisites (the reform loader has refused cycles)."""
    direct = {a.id: tuple(a.depends_on) for a in package.amendments}
    closed: dict[str, frozenset[str]] = {}

    def of(ident: str, seen: frozenset = frozenset()) -> frozenset[str]:
        if ident not in closed:
            if ident in seen:
                raise ReformlabError(f"the dependencies of amendment {ident!r} form a cycle", file=package.file)
            found: set[str] = set()
            for other in direct[ident]:
                found |= {other} | of(other, seen | {ident})
            closed[ident] = frozenset(found)
        return closed[ident]

    for ident in direct:
        of(ident)
    return closed


def _probe_sets(ids: list[str], needs: dict[str, frozenset[str]]) -> list[frozenset]:
    """The base, the whole reform, each amendment alone (with its prerequisites) and each left out."""
    everything = frozenset(ids)
    found = {frozenset(), everything}
    for ident in ids:
        found.add(frozenset({ident}) | needs[ident])
        found.add(everything - {ident} - {j for j in ids if ident in needs[j]})
    return sorted(found, key=lambda s: (len(s), sorted(s)))


def _without(structure: PrecedenceStructure, i: int) -> int:
    """The whole reform less amendment ``i`` and every amendment that needs it."""
    drop = 1 << i
    for j, need in enumerate(structure.needs):
        if need >> i & 1:
            drop |= 1 << j
    return structure.full & ~drop


def _masks(structure: PrecedenceStructure, weights) -> list[int]:
    """The subsets (masks in ``structure``) one decision's shares read: those the Shapley weights name, the
    base and the whole reform, and each amendment alone and left out."""
    masks = {m for entries in weights for pair in entries for m in pair} | {0, structure.full}
    for i in range(len(structure.players)):
        alone = structure.closure(1 << i)
        masks |= {alone, alone & ~(1 << i), _without(structure, i)}
    return sorted(masks)


def _attribute(decision, versions: Versions, structure: PrecedenceStructure, weights, masks, camp,
               measures, ids) -> DecisionAttribution:
    label = ""
    for mask in (structure.full, 0):
        found = versions.decisions(mask).get(decision)
        if found is not None:
            label = found.label
            break
    relevant_ids = structure.members(structure.full)
    missing = [m for m in masks if decision not in versions.decisions(m)]
    if missing:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the decision is not defined in {len(missing)} of the {len(masks)} versions needed "
            f"({_example(structure, missing[0])})"))
    by_version: dict[int, dict] = {}
    unknown = []
    for mask in masks:
        values = measures_of(versions, mask, decision, camp, measures)
        if values is None:
            unknown.append(mask)
        else:
            by_version[mask] = values
    if unknown:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the camp's role or the power indices cannot be told in {len(unknown)} of the {len(masks)} versions needed "
            f"({_example(structure, unknown[0])})"))
    series, mismatch = series_by_reading(by_version)
    if mismatch is not None:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the versions are computed under different assumptions (e.g. {mismatch!r} is not a reading of every "
            "version that needs one), so no single reading spans the reform"))
    shares, not_shared = [], {}
    evaluated = set(masks)
    for (measure, actor, assumption), values in series.items():
        gaps = [m for m, v in values.items() if isinstance(v, tuple)]
        if gaps:  # no value in some version: not shared out (a reason, never a zero)
            what = measure + (f" ({assumption})" if assumption else "")
            not_shared.setdefault(what, f"{values[gaps[0]][1]}, {_example(structure, gaps[0])}")
            continue

        def worth(mask: int) -> Fraction:
            if mask not in evaluated:
                raise AssertionError(f"version {mask} was not evaluated")  # a bug, not a user error
            return values[mask]

        shares.append(_share(decision, (measure, actor, assumption), structure, weights, worth, ids))
    interactions = _interactions(decision, versions, camp) if "control" in measures else ()
    return DecisionAttribution(decision, label, relevant_ids, tuple(shares), None, interactions,
                               tuple(not_shared.items()))


def _share(decision, key, structure: PrecedenceStructure, weights, worth, ids) -> Share:
    """One series' Shapley shares (over the orders that respect the dependencies), alone and left out."""
    zero = Fraction(0)
    split, alone, left = dict.fromkeys(ids, zero), dict.fromkeys(ids, zero), dict.fromkeys(ids, zero)
    for i, player in enumerate(structure.players):
        amount = sum((weight * (worth(b) - worth(a)) for (a, b), weight in weights[i].items()), zero)
        split[player] = Fraction(amount, structure.orders) if amount else zero
        alone[player] = worth(structure.closure(1 << i)) - worth(structure.closure(1 << i) & ~(1 << i))
        left[player] = worth(structure.full) - worth(_without(structure, i))
    return Share(decision, *key, worth(0), worth(structure.full), split, alone, left)


def _example(structure: PrecedenceStructure, mask: int) -> str:
    members = structure.members(mask)
    return "e.g. the version before the reform" if not members else "e.g. with " + ", ".join(members)


def _interactions(decision, versions: Versions, camp: str) -> tuple[Interaction, ...]:
    """Pairs of relevant amendments that flip the camp's control only together."""
    structure = versions.structure
    relevant = structure.full
    members = list(range(len(structure.players)))
    if len(members) > 8:
        return ()

    def role(mask: int) -> str | None:
        proc = versions.procedure(mask, decision)
        return None if proc is None else proc.role(camp)

    found = []
    base_role, full_role = role(0), role(structure.full & relevant)
    for x, i in enumerate(members):
        for j in members[x + 1:]:
            a, b = structure.closure(1 << i), structure.closure(1 << j)
            both = structure.closure(a | b)
            if role(a) == base_role and role(b) == base_role and role(both) not in (base_role, None) \
                    and base_role is not None:
                found.append(Interaction(decision, structure.players[i], structure.players[j],
                                         "adding to the base", base_role, role(both)))
            wa, wb = _without(structure, i) & relevant, _without(structure, j) & relevant
            if role(wa) == full_role and role(wb) == full_role and role(wa & wb) not in (full_role, None) \
                    and full_role is not None:
                found.append(Interaction(decision, structure.players[i], structure.players[j],
                                         "removing from the reform", full_role, role(wa & wb)))
    return tuple(found)


def _text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(value)
