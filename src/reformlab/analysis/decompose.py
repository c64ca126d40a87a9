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

from reformlab.analysis.control import procedure_control
from reformlab.analysis.power import decision_powers
from reformlab.analysis.relevance import node_of, reads, reference_graph
from reformlab.engine.decisions import decisions
from reformlab.engine.filling import fill
from reformlab.engine.tree import AnyMember, Controller, Vote, leaves
from reformlab.engine.scenario import Scenario
from reformlab.errors import ReformlabError, unknown_name
from reformlab.games.precedence import PrecedenceStructure, marginal_weights, precedence_structure
from reformlab.model.amendments import apply_subset, as_package
from reformlab.model.constitution import Constitution
from reformlab.model.reform import Reform

CONTROL_LEVELS = {"none": 0, "veto": 1, "passes alone": 2}
"""The camp's control of a decision as a number, so that its change can be shared out: 0 neither passes it
alone nor can block it, 1 can block it (a veto), 2 passes it alone."""

MEASURES = ("control", "banzhaf", "shapley")


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

    def to_dict(self) -> dict:
        return {
            "decision": self.decision, "label": self.label, "relevant_amendments": list(self.relevant),
            "cannot_tell": self.cannot_tell, "shares": [s.to_dict() for s in self.shares],
            "interactions": [vars(i) for i in self.interactions],
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

    def to_dict(self) -> dict:
        return {
            "base": self.base, "reform": self.reform.reform, "label": self.reform.label,
            "scenario": self.scenario, "camp": self.camp, "measures": list(self.measures),
            "amendments": list(self.amendments), "assumptions": list(self.assumptions),
            "evaluations": self.evaluations, "naive_evaluations": self.naive_evaluations,
            "decisions": {k: v.to_dict() for k, v in self.decisions.items()},
        }


class _Versions:
    """The base amended by subsets of the package, filled and controlled once each.

    ``structure`` is the precedence structure of the amendments one decision depends on; masks are read in
    it, versions are cached by the set of amendment ids, so decisions that share amendments share versions.
    """

    def __init__(self, base: Constitution, package: Reform, scenario: Scenario | None) -> None:
        self.base, self.package, self.scenario = base, package, scenario
        self.structure: PrecedenceStructure | None = None
        self._control: dict[frozenset, object] = {}
        self._decisions: dict[frozenset, dict] = {}
        self._powers: dict[tuple[frozenset, str], list] = {}

    def key(self, mask: int | frozenset) -> frozenset:
        return mask if isinstance(mask, frozenset) else frozenset(self.structure.members(mask))

    def constitution(self, mask: int | frozenset) -> Constitution:
        return apply_subset(self.base, self.package, self.key(mask))

    def decisions(self, mask: int | frozenset) -> dict:
        """The decisions of one version (filled once)."""
        key = self.key(mask)
        if key not in self._decisions:
            self._decisions[key] = decisions(fill(self.constitution(key), self.scenario))
        return self._decisions[key]

    def procedure(self, mask: int | frozenset, decision: str):
        """Control of one decision in one version (``None`` when the version has no such decision)."""
        key = (self.key(mask), decision)
        if key not in self._control:
            made = self.decisions(key[0]).get(decision)
            self._control[key] = None if made is None else procedure_control(made)
        return self._control[key]

    def principals(self, mask: int | frozenset) -> set[str]:
        """Every principal that takes part in some decision of the version (read off the decision trees)."""
        found: set[str] = set()
        for made in self.decisions(mask).values():
            for leaf in leaves(made.tree):
                if isinstance(leaf, Vote):
                    found |= {principal for principal, _ in leaf.seats}
                elif isinstance(leaf, AnyMember):
                    found |= set(leaf.members)
                else:
                    found.add(leaf.principal if isinstance(leaf, Controller) else leaf.name)
        return found

    def powers(self, mask: int, decision: str, indices: Sequence[str]):
        key = (self.key(mask), decision)
        if key not in self._powers:
            made = self.decisions(key[0]).get(decision)
            self._powers[key] = [] if made is None else decision_powers(made, indices)
        return self._powers[key]

    @property
    def count(self) -> int:
        return len(self._decisions)


def decompose(
    base: Constitution,
    reform: Reform,
    scenario: Scenario | None,
    *,
    camp: str = "president",
    measures: Sequence[str] = MEASURES,
    only: Sequence[str] | None = None,
    base_name: str | None = None,
) -> Decomposition:
    """Attribute the effect of ``reform`` on ``base`` (filled by ``scenario``) to its amendments.

    Args:
        camp: the actor whose control is measured (power indices are given for every actor).
        measures: among :data:`MEASURES`.
        only: decision ids to decompose (default: every decision of the base or the reformed version).

    Raises:
        ReformlabError: an unknown measure or decision, or a subset of amendments that does not make a
            valid constitution (an undeclared dependency).
    """
    for measure in measures:
        if measure not in MEASURES:
            raise unknown_name("measure", measure, MEASURES, field="--measure")
    package = as_package(reform)
    ids = [a.id for a in package.amendments]
    needs = _closed_needs(package)
    versions = _Versions(base, package, scenario)
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
    results: dict[str, DecisionAttribution] = {}
    structures: dict[tuple[str, ...], tuple[PrecedenceStructure, list]] = {}
    naive = 0
    for decision in decision_ids:
        read = reads(decision, graphs)
        direct = {i for i in ids if touched[i] & read}
        relevant = tuple(i for i in ids if i in direct or any(i in needs[d] for d in direct))
        if relevant not in structures:
            structure = precedence_structure(relevant, {i: [d for d in needs[i]] for i in relevant})
            structures[relevant] = (structure, marginal_weights(structure, structure.full))
        structure, weights = structures[relevant]
        versions.structure = structure
        naive += 2 ** len(ids)
        results[decision] = _attribute(decision, versions, structure, weights, camp, measures, ids)
    info = tuple({"id": a.id, "label": a.label, "articles": list(a.articles), "depends_on": list(a.depends_on),
                  "paths": [c.path for c in a.changes]} for a in package.amendments)
    assumptions = tuple({"name": name, "principal": a.principal, "confidence": a.confidence, "note": a.note}
                        for name, a in (scenario.assumptions() if scenario is not None else []))
    return Decomposition(
        base=base_name or f"{base.id}@{base.as_of}", reform=package, scenario=scenario.id if scenario else None,
        camp=camp, measures=tuple(measures), amendments=info, decisions=results, evaluations=versions.count,
        naive_evaluations=naive, assumptions=assumptions)


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


def _attribute(decision, versions: _Versions, structure: PrecedenceStructure, weights, camp,
               measures, ids) -> DecisionAttribution:
    relevant = structure.full
    masks = {m for entries in weights for pair in entries for m in pair} | {0, structure.full & relevant}
    for i in range(len(structure.players)):
        alone = structure.closure(1 << i)
        masks |= {alone & relevant, alone & ~(1 << i) & relevant, _without(structure, i) & relevant}
    masks = sorted(masks)
    label = ""
    for mask in (structure.full & relevant, 0):
        found = versions.decisions(mask).get(decision)
        if found is not None:
            label = found.label
            break
    relevant_ids = structure.members(relevant)
    missing = [m for m in masks if decision not in versions.decisions(m)]
    if missing:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the decision is not defined in {len(missing)} of the {len(masks)} versions needed "
            f"({_example(structure, missing[0])})"))
    by_version: dict[int, dict[tuple[str, str, str | None], Fraction]] = {}
    unknown = []
    for mask in masks:
        proc = versions.procedure(mask, decision)
        values = _measures_of(versions, mask, decision, proc, camp, measures)
        if values is None:
            unknown.append(mask)
        else:
            by_version[mask] = values
    if unknown:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the camp's role cannot be told in {len(unknown)} of the {len(masks)} versions needed "
            f"({_example(structure, unknown[0])})"))
    series, mismatch = _series_by_reading(by_version)
    if mismatch is not None:
        return DecisionAttribution(decision, label, relevant_ids, cannot_tell=(
            f"the versions are computed under different assumptions (e.g. {mismatch!r} is not a reading of every "
            "version that needs one), so no single reading spans the reform"))
    shares = []
    evaluated = set(masks)
    total_orders = structure.orders
    for (measure, actor, assumption), values in series.items():
        def worth(mask: int) -> Fraction:
            mask &= relevant
            if mask not in evaluated:
                raise AssertionError(f"version {mask} was not evaluated")  # a bug, not a user error
            return values.get(mask, Fraction(0))  # an actor absent from a version has no power in it

        zero = Fraction(0)
        split = dict.fromkeys(ids, zero)
        for i, player in enumerate(structure.players):
            amount = sum((weight * (worth(b) - worth(a)) for (a, b), weight in weights[i].items()), Fraction(0))
            split[player] = Fraction(amount, total_orders) if amount else Fraction(0)
        alone, left = dict.fromkeys(ids, zero), dict.fromkeys(ids, zero)
        for i, player in enumerate(structure.players):
            alone[player] = worth(structure.closure(1 << i)) - worth(structure.closure(1 << i) & ~(1 << i))
            left[player] = worth(structure.full) - worth(_without(structure, i))
        shares.append(Share(decision, measure, actor, assumption, worth(0), worth(structure.full), split, alone, left))
    interactions = _interactions(decision, versions, camp)
    return DecisionAttribution(decision, label, relevant_ids, tuple(shares), None, interactions)


def _example(structure: PrecedenceStructure, mask: int) -> str:
    members = structure.members(mask)
    return "e.g. the version before the reform" if not members else "e.g. with " + ", ".join(members)


def _series_by_reading(by_version: dict[int, dict]) -> tuple[dict, str | None]:
    """``{(measure, actor, assumption): {mask: value}}``: a version told under one reading (assumption
    ``None``) gives the same value under every assumption the other versions are told under; a version with
    alternatives gives its own reading's. Returns a reading some version with alternatives lacks, if any."""
    labels = {key[2] for values in by_version.values() for key in values if key[2] is not None}
    series: dict[tuple[str, str, str | None], dict[int, Fraction]] = {}
    for mask, values in by_version.items():
        own = {key[2] for key in values}
        known = own == {None}
        if labels and not known:
            missing = labels - own
            if missing:
                return {}, sorted(missing)[0]
        for (measure, actor, assumption), value in values.items():
            for reading in (sorted(labels) if known and labels else [assumption]):
                series.setdefault((measure, actor, reading), {})[mask] = value
    for key, values in series.items():
        for mask in by_version:
            values.setdefault(mask, Fraction(0))  # an actor absent from a version has no power in it
    return series, None


def _measures_of(versions, mask, decision, proc, camp, measures) -> dict | None:
    out: dict[tuple[str, str, str | None], Fraction] = {}
    if "control" in measures:
        if proc.control is not None:
            out[("control", camp, None)] = Fraction(CONTROL_LEVELS[proc.control.role(camp)])
        elif proc.alternatives:
            for assumption, game_control in proc.alternatives:
                out[("control", camp, assumption)] = Fraction(CONTROL_LEVELS[game_control.role(camp)])
        else:
            return None
    indices = [m for m in measures if m != "control"]
    if indices:
        for assumption, results in versions.powers(mask, decision, indices):
            for index, result in results.items():
                for actor, value in result.values.items():
                    out[(index, actor, assumption)] = Fraction(value)
    return out


def _interactions(decision, versions: _Versions, camp: str) -> tuple[Interaction, ...]:
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


@dataclass(frozen=True)
class Offset:
    """The study's test of a package, for one decision and measure: did amendments that lowered the camp's
    value come with amendments that restored it?

    Attributes:
        lowered, raised: ``(amendment, share)`` of the amendments with a negative / positive share.
        pairs: each lowering amendment with the raising amendments that make up for it (largest first).
        restored: the raising shares make up for the lowering ones (the net change is not negative).
    """

    decision: str
    measure: str
    lowered: tuple[tuple[str, Fraction], ...]
    raised: tuple[tuple[str, Fraction], ...]
    pairs: tuple[tuple[str, tuple[str, ...]], ...]
    net: Fraction

    @property
    def restored(self) -> bool:
        return self.net >= 0


def offsets(result: Decomposition, measure: str = "banzhaf") -> tuple[Offset, ...]:
    """For every decision where some amendment lowered the camp's ``measure``: was it matched by one that
    restored it? (Isaacs: the liberalising changes were "conditioned by mechanisms which minimize" the
    president's risk.) Decisions whose shares cannot be told are left out; a caller reports them."""
    found = []
    for attribution in result.decisions.values():
        for share in attribution.shares:
            if share.measure != measure or share.actor != result.camp:
                continue
            lowered = tuple(sorted(((a, v) for a, v in share.shares.items() if v < 0), key=lambda item: item[1]))
            if not lowered:
                continue
            raised = tuple(sorted(((a, v) for a, v in share.shares.items() if v > 0), key=lambda item: -item[1]))
            pairs, pool = [], [list(item) for item in raised]
            for amendment, value in lowered:
                need, partners = -value, []
                for item in pool:
                    if need <= 0:
                        break
                    if item[1] > 0:
                        used = min(item[1], need)
                        item[1] -= used
                        need -= used
                        partners.append(item[0])
                pairs.append((amendment, tuple(partners)))
            label = attribution.decision + (f" ({share.assumption})" if share.assumption else "")
            found.append(Offset(label, measure, lowered, raised, tuple(pairs), share.total))
    return tuple(found)
