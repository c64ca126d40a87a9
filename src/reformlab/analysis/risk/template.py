"""Compile a filled constitution version into arrays and decision trees a draw can be evaluated on.

The decision trees come from the engine (:func:`reformlab.engine.decisions.decisions`): each leaf names the
body it counts in (a vote with its exact quota, any member, the controller) or an actor, so the engine stays
the one place that reads the law, and the simulation only re-counts seats
(:mod:`reformlab.analysis.risk.trees`).

Under a draw, "the camp passes alone" evaluates the tree with the camp's seats; "the camp can block" is the
tree with everyone else's seats failing. Both coalitions are monotone, so AND / OR combine leaf results.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reformlab.analysis.evaluation import Evaluation
from reformlab.data.election_results import election_inputs
from reformlab.electoral import ElectoralSystem
from reformlab.engine.tree import Always, Never, Node, decision_key
from reformlab.errors import ReformlabError
from reformlab.model import Unknown


@dataclass(frozen=True)
class ListTier:
    """A list tier allocated from drawn votes (the batch path), parties in the election's order."""

    body: str
    group: str
    election: str
    parties: tuple[str, ...]
    camp: np.ndarray  # [P] bool: parties answering to the camp
    votes: np.ndarray  # [P] int64 baseline votes
    seats: int
    method: str
    threshold: Fraction | None
    inclusive: bool
    base_ratio: Fraction | None  # base / valid votes; None: the valid votes themselves
    baseline_camp: int
    defect: str  # the defection parameter for its camp deputies
    system: ElectoralSystem | None = None  # set when rows may need the exact path (a minimum-parties rule)
    base_kind: str = "valid"


@dataclass(frozen=True)
class DistrictTier:
    """Single-member districts; the camp's baseline wins anchor the district model."""

    body: str
    group: str
    seats: int
    baseline_camp: int
    defect: str = "defect_district"


@dataclass(frozen=True)
class FixedSeats:
    """Seats not elected in the draw (appointed, indirect, an office); ``flippable``: the selector is only
    assumed controlled."""

    body: str
    group: str
    seats: int
    camp: bool
    selector: str
    flippable: bool
    defect: str | None


@dataclass(frozen=True)
class DecisionModel:
    """One decision (or one assumed majority of it) as a tree, with its baseline answers."""

    id: str
    label: str
    assumption: str | None
    status: str  # simulated / impossible / unknown / not simulated
    tree: Node | None  # a plain, simplified reading of the engine's tree
    reason: str | None = None
    baseline_pass: bool | None = None
    baseline_block: bool | None = None

    @property
    def key(self) -> str:
        return decision_key(self.id, self.assumption)


@dataclass(frozen=True)
class VersionModel:
    """Everything a draw needs about one version: tiers, fixed seats, body sizes, decisions."""

    target: str
    scenario: str | None
    camp: tuple[str, ...]
    lists: tuple[ListTier, ...]
    districts: tuple[DistrictTier, ...]
    fixed: tuple[FixedSeats, ...]
    sizes: dict[str, int]
    controllers: tuple[str, ...]
    decisions: tuple[DecisionModel, ...]
    notes: tuple[str, ...] = ()  # what the draws cannot vary for lack of data, in words

    @property
    def camp_share(self) -> float:
        """The camp's baseline share of the valid list votes (the first list tier), the swing's origin."""
        if not self.lists:
            return float("nan")
        tier = self.lists[0]
        return float(tier.votes[tier.camp].sum() / tier.votes.sum())

    def baseline_seats(self) -> dict[str, int]:
        """The camp's seats per body as the scenario records them."""
        seats = dict.fromkeys(self.sizes, 0)
        for part in self.lists + self.districts:
            seats[part.body] += part.baseline_camp
        for part in self.fixed:
            seats[part.body] += part.seats if part.camp else 0
        return seats


def _votes_inputs(spec):
    """A scenario's own ``votes:`` read as a built-in election's inputs (no data-base rule: the law's base)."""
    from reformlab.data.election_results import ElectionInputs

    return ElectionInputs("scenario votes", dict(spec.votes), {}, {}, spec.ballots_cast, spec.against_all,
                          {"system": {}})


def _list_tier(body_id, group, spec, blocks, camp_parties) -> ListTier | str:
    """The tier the draws re-allocate, or why they cannot (its seats are then held as filled)."""
    where = f"{body_id}.{group.id}"
    if isinstance(group.system, Unknown):
        raise ReformlabError(f"the electoral system of {where} is not known", field=where)
    if group.system.get("kind", "list") != "list":
        return (f"{where} is elected by a {group.system['kind']} tier, which the draws do not re-allocate: its "
                "seats are held as the scenario fills them")
    inputs = election_inputs(spec.election) if spec.election is not None else _votes_inputs(spec)
    data = dict(group.system)
    data["seats"] = group.seats
    law_base = (inputs.rule.get("system") or {}).get("threshold", {}).get("base")
    threshold = data.get("threshold")
    if inputs.rule.get("data_base") and isinstance(threshold, dict) and threshold.get("base") == law_base:
        data["threshold"] = {**threshold, "base": inputs.rule["data_base"]}  # as engine.results does
    system = ElectoralSystem.from_dict(data)
    rule = system.threshold
    if rule is not None and (rule.votes or rule.districts):
        return (f"the draws cannot yet re-allocate {where} under its threshold rules (votes or districts won): its "
                "seats are held as the scenario fills them")
    parties = tuple(inputs.votes)
    votes = np.array([inputs.votes[p] for p in parties], dtype=np.int64)
    valid = int(votes.sum())
    ratio = None
    if rule is not None and rule.base == "ballots_cast":
        ratio = Fraction(inputs.ballots_cast, valid)
    elif rule is not None and rule.base == "valid_plus_against_all":
        ratio = Fraction(valid + (inputs.against_all or 0), valid)
    imperative = getattr(group, "mandate", None) == "imperative"
    return ListTier(
        body_id,
        group.id,
        spec.election or "the scenario's votes",
        parties,
        np.array([p in camp_parties for p in parties]),
        votes,
        group.seats,
        system.method,
        None if rule is None or rule.share is None else Fraction(rule.share),
        True if rule is None else rule.inclusive,
        ratio,
        sum(b.seats for b in blocks if b.party in camp_parties),
        "defect_list_imperative" if imperative else "defect_list_free",
        system if system.minimum_parties is not None else None,
        "valid" if rule is None else rule.base,
    )


def compile_version(evaluation: Evaluation, camp: tuple[str, ...] = ("president",)) -> VersionModel:
    """Compile ``evaluation`` for the camp ``camp`` (principals).

    Raises:
        ReformlabError: a list tier the batch path cannot simulate.
    """
    camp_set = set(camp)
    filling, scenario = evaluation.filling, evaluation.scenario
    controllers = tuple(scenario.controllers) if scenario else ()
    camp_parties = {
        p for p, a in (scenario.alignments.items() if scenario else ()) if a.principal in camp_set
    }
    camp_parties |= camp_set
    lists, districts, fixed, sizes, notes = [], [], [], {}, []
    for body_id, body in filling.bodies.items():
        if body.unknown or not body.blocks:
            continue
        sizes[body_id] = sum(b.seats for b in body.blocks)
        groups = {g.id: g for b, g in evaluation.constitution.iter_seat_groups() if b == body_id}
        for group_id in dict.fromkeys(b.group for b in body.blocks):
            blocks = [b for b in body.blocks if b.group == group_id]
            spec = scenario.seats.get(f"{body_id}.{group_id}") if scenario else None
            drawn = spec is not None and spec.tier == "list" and (spec.election or spec.votes) is not None
            system = getattr(groups[group_id], "system", None)
            kind = system.get("kind", "list") if isinstance(system, dict) else None
            tier = _list_tier(body_id, groups[group_id], spec, blocks, camp_parties) if drawn else None
            if isinstance(tier, str):
                notes.append(tier)
            if isinstance(tier, ListTier):
                lists.append(tier)
            elif spec is not None and (spec.tier == "smd" or kind == "single_member"):
                won = sum(b.seats for b in blocks if b.principal in camp_set)
                districts.append(DistrictTier(body_id, group_id, sum(b.seats for b in blocks), won))
            else:
                for block in blocks:
                    in_camp = block.principal in camp_set
                    electors = set(block.selector.split("+"))
                    fixed.append(
                        FixedSeats(
                            body_id,
                            group_id,
                            block.seats,
                            in_camp,
                            block.selector,
                            bool(electors & set(controllers)) and in_camp,
                            "defect_appointed"
                            if in_camp and block.filled_by in ("appointed", "indirect")
                            else None,
                        )
                    )
    if districts and not lists:
        notes.append("the scenario gives no list votes, so there is no national swing: the single-member "
                     "districts vary by district noise alone around the declared winners")
    if not lists and not districts and not notes:
        notes.append("the scenario gives no votes: the elected seats are held as declared, and only "
                     "defections and controller flips are drawn")
    models = []
    for decision in evaluation.decisions.values():
        common = dict(id=decision.id, label=decision.label)
        if decision.status == "unknown":
            models.append(
                DecisionModel(**common, assumption=None, status="unknown", tree=None, reason=decision.unknown)
            )
        for assumption, tree in decision.trees:
            if isinstance(tree, Never):
                status, reason, tree = "impossible", "no coalition can make this decision", None
            elif isinstance(tree, Always):
                status, reason, tree = "not simulated", "nobody's agreement is needed", None
            else:
                status, reason = "simulated", None
            models.append(DecisionModel(**common, assumption=assumption, status=status, tree=tree, reason=reason))
    model = VersionModel(
        evaluation.target,
        scenario.id if scenario else None,
        tuple(camp),
        tuple(lists),
        tuple(districts),
        tuple(fixed),
        sizes,
        controllers,
        tuple(models),
        tuple(notes),
    )
    return _with_baseline(model)


def _with_baseline(model: VersionModel) -> VersionModel:
    from reformlab.analysis.risk.trees import evaluate_tree, leaf_inputs

    seats = {body: np.array([n]) for body, n in model.baseline_seats().items()}
    inputs = leaf_inputs(model, seats, {c: np.array([False]) for c in model.controllers})
    decisions_ = []
    for decision in model.decisions:
        if decision.tree is not None:
            camp_wins, others_win = evaluate_tree(decision.tree, inputs, {})
            decision = dataclasses.replace(
                decision, baseline_pass=bool(camp_wins[0]), baseline_block=not bool(others_win[0])
            )
        decisions_.append(decision)
    return dataclasses.replace(model, decisions=tuple(decisions_))
