"""The road not taken, computed: each proposal's counterfactual against the adopted package on the same election,
and each amendment's own effect on the President's power.

Counterfactuals are reform files applied to the package's ``after`` version and filled by the scenario that fits
it (the 18 Aug 2007 list votes, allocated under each version's own rule). Seats a counterfactual adds that no
election filled (single-member districts in 2007) are filled under each labelled district assumption of the
process file, and the *break-even* is computed without one: the fewest districts the President's camp must win
for him to keep each decision he controls under the adopted package.

Single-amendment effects are in :mod:`reformlab.analysis.process_effects` (re-exported here).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from reformlab.analysis.compare import compare
from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.engine.scenario import Assumption, ElectionSeats, Scenario, default_scenario
from reformlab.errors import ReformlabError
from reformlab.model import Constitution
from reformlab.model.targets import resolve_target
from reformlab.process import Process, load_process, package_versions
from reformlab.analysis.process_effects import (  # noqa: F401 - effect_shares, AmendmentEffect: public here too
    CAMP, ROLE_RANK, AmendmentEffect, _president, amendment_effect, amendment_effects, effect_shares,
)



@dataclass(frozen=True)
class CounterfactualRun:
    """One counterfactual under one district assumption, compared with the adopted package.

    Attributes:
        decisions: decision id -> ``{"adopted": role, "counterfactual": role, "banzhaf_adopted": ...,
            "banzhaf_counterfactual": ...}`` for the President (a role of None: cannot be told).
        lost / gained / unknown: decisions the President controls (passes alone) under one side only, or
            cannot be told on the counterfactual side.
    """

    counterfactual: str
    label: str
    proposals: tuple[str, ...]
    assumption: str | None
    assumption_label: str | None
    scenario: str | None
    decisions: dict[str, dict]
    lost: tuple[str, ...]
    gained: tuple[str, ...]
    unknown: tuple[str, ...]
    majilis: dict[str, int | None] = field(default_factory=dict)
    offices: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def seats_text(self, arrow: str = "->") -> str:
        """The President's seats that change, body by body (``majilis: 107 -> 67``), or ``unchanged``."""
        def side(value):
            return "cannot tell" if value is None else str(value)

        return "; ".join(f"{body}: {side(cell['adopted'])} {arrow} {side(cell['counterfactual'])}"
                         for body, cell in self.offices.items()) or "unchanged"

    def to_dict(self) -> dict:
        return {
            "counterfactual": self.counterfactual, "label": self.label, "proposals": list(self.proposals),
            "assumption": self.assumption, "assumption_label": self.assumption_label, "scenario": self.scenario,
            "majilis": self.majilis, "offices": self.offices, "lost": list(self.lost), "gained": list(self.gained),
            "unknown": list(self.unknown),
            "decisions": {k: {n: (str(v) if isinstance(v, Fraction) else v) for n, v in d.items()}
                          for k, d in self.decisions.items()},
        }


def counterfactual_constitution(process: Process, counterfactual_id: str) -> Constitution:
    """The adopted package amended by the counterfactual's reform file."""
    item = next(c for c in process.counterfactuals if c.id == counterfactual_id)
    return resolve_target(str(Path(process.file).parent / item.file))


def _unfilled_groups(constitution: Constitution, scenario: Scenario | None) -> list[tuple[str, int]]:
    """Popular seat groups of collective bodies the scenario gives no results for (``("majilis.districts", 67)``)."""
    found = []
    for body_id, body in constitution.bodies.items():
        if body.kind == "office" or not isinstance(body.seat_groups, tuple):
            continue
        for group in body.seat_groups:
            where = f"{body_id}.{group.id}"
            if group.filled_by == "popular" and isinstance(group.seats, int) and group.seats > 1 and \
                    (scenario is None or where not in scenario.seats) and body.kind != "offices":
                found.append((where, group.seats))
    return found


def with_seats(scenario: Scenario, where: str, seats: dict[str, int], label: str) -> Scenario:
    """A copy of ``scenario`` filling ``where`` with declared seats (an assumption, named in the id)."""
    return scenario.model_copy(update={
        "id": f"{scenario.id}+{label}", "label": f"{scenario.label}; {where}: {label}",
        "seats": {**scenario.seats, where: ElectionSeats(seats=seats)},
    })


def with_assumption(scenario: Scenario, where: str, assumption) -> Scenario:
    """A copy of ``scenario`` filling the districts ``where`` under a district assumption of the process file:
    its declared seats, or a built-in election's district winners with its parties' alignments."""
    if assumption.seats is not None:
        return with_seats(scenario, where, assumption.seats, assumption.id)
    alignments = dict(scenario.alignments)
    for party, principal in assumption.alignments.items():
        alignments[party] = Assumption(principal=principal, source=assumption.source,
                                       confidence=assumption.confidence or "low", note=assumption.note)
    return scenario.model_copy(update={
        "id": f"{scenario.id}+{assumption.id}", "label": f"{scenario.label}; {where}: {assumption.label}",
        "seats": {**scenario.seats, where: ElectionSeats(election=assumption.election, tier="smd")},
        "alignments": alignments,
    })


def _grouped(by_principal: dict[str, int]) -> dict[str, int]:
    """Seats by principal with the independents summed."""
    found: dict[str, int] = {}
    for principal, seats in by_principal.items():
        key = "Independents" if principal.startswith("Independent ") else principal
        found[key] = found.get(key, 0) + seats
    return found


def _run(process, item, constitution, adopted: Evaluation, scenario, assumption) -> CounterfactualRun:
    evaluation = _evaluated(constitution, scenario, item.id)
    comparison = compare(adopted, evaluation)
    rows = _president(comparison)
    offices = {}
    for body in dict.fromkeys([*adopted.filling.bodies, *evaluation.filling.bodies]):
        cell = {"adopted": _president_seats(adopted, body), "counterfactual": _president_seats(evaluation, body)}
        if cell["adopted"] != cell["counterfactual"]:
            offices[body] = cell
    lost = tuple(p for p, r in rows.items() if r["adopted"] == "passes alone" and r["counterfactual"] not in
                 ("passes alone", None))
    gained = tuple(p for p, r in rows.items() if r["counterfactual"] == "passes alone" and r["adopted"] not in
                   ("passes alone", None))
    unknown = tuple(p for p, r in rows.items() if r["counterfactual"] is None and r["adopted"] is not None)
    majilis = evaluation.filling.bodies.get("majilis")
    seats = {} if majilis is None or majilis.unknown else _grouped(majilis.by_principal())
    return CounterfactualRun(item.id, item.label, item.proposals, None if assumption is None else assumption.id,
                             None if assumption is None else assumption.label,
                             None if scenario is None else scenario.id, rows, lost, gained, unknown, seats, offices)


def _president_seats(evaluation: Evaluation, body_id: str) -> int | None:
    """The seats of one body held by the President's camp (None where its membership is unknown or it is absent)."""
    body = evaluation.filling.bodies.get(body_id)
    if body is None or body.unknown or not body.blocks:
        return None
    return body.by_principal().get(CAMP, 0)


def _evaluated(constitution: Constitution, scenario, name: str) -> Evaluation:
    """The counterfactual evaluated, named after it (so a simulation tells it from the adopted version)."""
    return dataclasses.replace(evaluate(constitution, scenario), target=name)


def counterfactual_scenarios(process: Process, adopted: Evaluation, constitution: Constitution) -> list:
    """``[(assumption or None, scenario)]`` filling the counterfactual: one per district assumption that fits
    its one unfilled district group, or the adopted version's scenario when nothing is unfilled."""
    base = adopted.scenario
    unfilled = _unfilled_groups(constitution, base)
    if base is None or len(unfilled) != 1:
        return [(None, base)]
    where, seats = unfilled[0]
    found = []
    for assumption in process.district_assumptions:
        if assumption.seats is not None and sum(assumption.seats.values()) != seats:
            continue
        scenario = with_assumption(base, where, assumption)
        try:
            evaluate(constitution, scenario)
        except ReformlabError:
            continue  # the election's districts do not fit this seat group
        found.append((assumption, scenario))
    return found or [(None, base)]


def counterfactual_runs(process: Process) -> list[CounterfactualRun]:
    """Every counterfactual, under every district assumption that fits its unfilled seats (or as it is)."""
    _, after = package_versions(process.constitution, process.package.before, process.package.after)
    adopted = evaluate(after)
    runs = []
    for item in process.counterfactuals:
        constitution = counterfactual_constitution(process, item.id)
        for assumption, scenario in counterfactual_scenarios(process, adopted, constitution):
            runs.append(_run(process, item, constitution, adopted, scenario, assumption))
    return runs


@dataclass(frozen=True)
class RiskRow:
    """The chance that the President loses the power to pass a decision alone at the next election, under the
    adopted package and under a counterfactual, on the same draws (``reformlab.analysis.risk`` defaults)."""

    counterfactual: str
    assumption: str | None
    procedure: str
    adopted: float
    counterfactual_p: float
    interval: tuple[float, float]

    def to_dict(self) -> dict:
        return {"counterfactual": self.counterfactual, "assumption": self.assumption, "procedure": self.procedure,
                "p_lose_adopted": self.adopted, "p_lose_counterfactual": self.counterfactual_p,
                "interval_counterfactual": list(self.interval)}


def risk_rows(process: Process, *, draws: int = 20_000, seed: int = 7) -> tuple[list[RiskRow], list[str]]:
    """Monte Carlo of losing control, adopted package vs each counterfactual whose seats a built-in election
    fills (the districts from an election's winners, not declared seats), on common random numbers.

    Returns the rows (decisions the President passes alone under the adopted package) and, per counterfactual
    that could not be simulated, why.
    """
    from reformlab.analysis.risk import simulate

    _, after = package_versions(process.constitution, process.package.before, process.package.after)
    adopted = evaluate(after)
    rows, skipped = [], []
    for item in process.counterfactuals:
        constitution = counterfactual_constitution(process, item.id)
        for assumption, scenario in counterfactual_scenarios(process, adopted, constitution):
            if assumption is not None and assumption.election is None:
                continue  # declared seats have no vote shares to draw around
            label = item.id if assumption is None else f"{item.id} ({assumption.id})"
            try:
                result = simulate([adopted, _evaluated(constitution, scenario, label)], draws=draws, seed=seed)
            except (ReformlabError, TypeError, KeyError, ValueError) as exc:
                skipped.append(f"{label}: {exc}")
                continue
            table = {(r["version"], r["procedure"], r["assumption"]): r for r in result.rows()}
            for proc, pc in adopted.control.procedures.items():
                if pc.role(CAMP) != "passes alone":
                    continue
                mine, theirs = table.get((adopted.target, proc, None)), table.get((label, proc, None))
                if not mine or not theirs or theirs["lost_pass"] is None or mine["lost_pass"] is None:
                    continue
                rows.append(RiskRow(item.id, None if assumption is None else assumption.id, proc,
                                    mine["p_lose_pass"], theirs["p_lose_pass"],
                                    (theirs["p_lose_pass_low"], theirs["p_lose_pass_high"])))
    return rows, skipped


def camp_party(evaluation: Evaluation, body_id: str, camp: str = CAMP) -> str | None:
    """The party answering to ``camp`` that holds the most elected seats of ``body_id`` in ``evaluation`` (the
    scenario's alignments decide who answers to whom); None when no party does, or two hold as many.

    >>> camp_party(evaluate("kz@2007-09-01"), "majilis")
    'Nur Otan'
    """
    body = evaluation.filling.bodies.get(body_id)
    held: dict[str, int] = {}
    for block in () if body is None else body.blocks:
        if block.party is not None and block.principal == camp:
            held[block.party] = held.get(block.party, 0) + block.seats
    ranked = sorted(held.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(held, key=held.__getitem__)


def break_even(process: Process, counterfactual_id: str, party: str | None = None) -> dict[str, int | None]:
    """Per decision the President controls under the adopted package: the fewest of the counterfactual's unfilled
    district seats ``party`` (default: his camp's largest party in that body, :func:`camp_party`) must win for
    him to keep passing it alone (None: not even with all); empty when that cannot be asked.

    Control only grows with the camp's seats (the games are monotone), so each threshold is found by bisection.
    """
    _, after = package_versions(process.constitution, process.package.before, process.package.after)
    adopted = evaluate(after)
    constitution = counterfactual_constitution(process, counterfactual_id)
    unfilled = _unfilled_groups(constitution, adopted.scenario)
    if adopted.scenario is None or len(unfilled) != 1:
        return {}
    where, seats = unfilled[0]
    party = party or camp_party(adopted, where.split(".")[0])
    if party is None:
        return {}
    cache: dict[int, dict] = {}

    def roles(k: int) -> dict:
        if k not in cache:
            filled = {party: k, "Independents": seats - k} if 0 < k < seats else \
                ({party: seats} if k == seats else {"Independents": seats})
            scenario = with_seats(adopted.scenario, where, filled, f"{party}={k}")
            control = evaluate(constitution, scenario).control
            cache[k] = {p: c.role(CAMP) for p, c in control.procedures.items()}
        return cache[k]

    held = [p for p, c in adopted.control.procedures.items() if c.role(CAMP) == "passes alone"]
    found = {}
    for proc in held:
        if roles(seats).get(proc) != "passes alone":
            found[proc] = None
            continue
        low, high = 0, seats
        while low < high:
            middle = (low + high) // 2
            if roles(middle).get(proc) == "passes alone":
                high = middle
            else:
                low = middle + 1
        found[proc] = low
    return found


@dataclass(frozen=True)
class ProcessAnalysis:
    """Everything computed about a process: counterfactual runs, break-evens, single-amendment effects."""

    process: Process
    runs: tuple[CounterfactualRun, ...]
    break_even: dict[str, dict[str, int | None]]
    effects: tuple[AmendmentEffect, ...]
    risk: tuple[RiskRow, ...] = ()
    risk_skipped: tuple[str, ...] = ()
    risk_draws: int = 0
    risk_seed: int | None = None

    def risk_lines(self) -> list[tuple[str, str, str]]:
        """``(counterfactual, decisions at risk with their loss probabilities, decisions never lost)`` per
        simulated counterfactual: the probabilities as percentages, adopted package first."""
        lines = []
        for name in dict.fromkeys(r.counterfactual for r in self.risk):
            rows = [r for r in self.risk if r.counterfactual == name]
            moving = [r for r in rows if r.adopted or r.counterfactual_p]
            text = ", ".join(f"{r.procedure} {r.adopted:.2%} -> {r.counterfactual_p:.2%}" for r in moving)
            still = ", ".join(r.procedure for r in rows if r not in moving)
            assumption = rows[0].assumption
            lines.append((name + (f" ({assumption})" if assumption else ""), text or "none", still or "none"))
        return lines

    def break_even_text(self, counterfactual: str, joiner: str = " ") -> str:
        """``ordinary_law 1, constitutional_law 23, ...``: the decisions that need districts, fewest first."""
        found = self.break_even.get(counterfactual, {})
        return ", ".join(f"{proc}{joiner}{k}" for proc, k in sorted(found.items(), key=lambda i: i[1] or 0) if k)

    def to_dict(self) -> dict:
        shares = effect_shares(list(self.effects))
        return {
            "counterfactuals": [r.to_dict() for r in self.runs],
            "break_even": self.break_even,
            "amendment_effects": [e.to_dict() for e in self.effects],
            "effect_shares": {k: (str(v) if isinstance(v, Fraction) else v) for k, v in shares.items()},
            "risk": {"draws": self.risk_draws, "seed": self.risk_seed, "rows": [r.to_dict() for r in self.risk],
                     "not_simulated": list(self.risk_skipped)},
        }


def analyse(process: Process | None = None, *, draws: int = 20_000, seed: int = 7) -> ProcessAnalysis:
    """Counterfactuals, break-evens, single-amendment effects and the risk of losing control (``draws`` Monte
    Carlo draws with ``seed``; 0 draws skips it) of ``process`` (the built-in one when None)."""
    if process is None:
        return builtin_analysis()
    runs = counterfactual_runs(process)
    even = {c.id: found for c in process.counterfactuals if (found := break_even(process, c.id))}
    risk, skipped = risk_rows(process, draws=draws, seed=seed) if draws else ([], [])
    return ProcessAnalysis(process, tuple(runs), even, tuple(amendment_effects(process)), tuple(risk),
                           tuple(skipped), draws, seed if draws else None)


@lru_cache(maxsize=1)
def builtin_analysis() -> ProcessAnalysis:
    """The analysis of the built-in process, computed once per run."""
    return analyse(load_process())
