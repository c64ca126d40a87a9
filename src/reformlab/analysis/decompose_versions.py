"""The versions a decomposition evaluates: the base amended by subsets of the package, each filled once, and
each measure of a decision read off one of them.

Every subset is filled the same way: by the one scenario of the decomposition (the same seats and
alignments whatever the rules), or with ``election`` by that election's votes under the subset's own rules
(:func:`reformlab.analysis.evaluation.evaluate` with ``election=``), so that the votes are held fixed and
the seats follow the rules.

Measures of one decision in one version (each per reading of the decision when the data leave a majority
open):

* ``control``: the camp's control as a level (:data:`CONTROL_LEVELS`);
* ``banzhaf``, ``shapley``: every actor's power index;
* ``margin``: the seats the camp holds beyond (> 0) or short of (< 0) the quota on its best route to pass
  the decision alone (:func:`reformlab.analysis.margins.margin`); where seats do not decide (the camp holds
  or lacks an office that decides) there is no seat count, and the measure is not shared out;
* ``risk``: the estimated probability that the camp loses the power to pass the decision alone
  (``risk_pass``) and to block it (``risk_block``), from the risk model (:mod:`reformlab.analysis.risk`)
  with the same seed, hence the same draws, for every subset (common random numbers). A decision no
  coalition can make is lost to pass in every draw and never lost to block; one that needs nobody's
  agreement the reverse. The estimates are counts over the draws, so their shares are exact fractions that
  sum to the estimated change.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from reformlab.analysis.control import procedure_control
from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.margins import margin
from reformlab.analysis.power import decision_powers
from reformlab.engine.filling import fill
from reformlab.engine.scenario import Scenario
from reformlab.engine.tree import AnyMember, Controller, Vote, decision_key, leaves
from reformlab.model.amendments import apply_subset
from reformlab.model.constitution import Constitution
from reformlab.model.reform import Reform

CONTROL_LEVELS = {"none": 0, "veto": 1, "passes alone": 2}
"""The camp's control of a decision as a number, so that its change can be shared out: 0 neither passes it
alone nor can block it, 1 can block it (a veto), 2 passes it alone."""

INDICES = ("banzhaf", "shapley")
RISK_FIGURES = ("risk_pass", "risk_block")
MEASURES = ("control", *INDICES, "margin", "risk")

NO_SEAT_COUNT = "seats do not decide it in some version (an office the camp holds or lacks decides)"
UNKNOWN_RISK = "the risk model cannot simulate it in some version (the data leave it unknown)"


_AMENDED: dict = {}  # (id(base), id(package), subset) -> (version, base, package): the ids stay theirs


class Versions:
    """The base amended by subsets of the package, filled and controlled once each.

    ``structure`` is the precedence structure of the amendments one decision depends on; masks are read in
    it, versions are cached by the set of amendment ids, so decisions that share amendments share versions.
    """

    def __init__(self, base: Constitution, package: Reform, scenario: Scenario | None, *,
                 election: str | None = None, alignments: dict[str, str] | None = None, name: str = "") -> None:
        self.base, self.package, self.scenario = base, package, scenario
        self.election, self.alignments, self.name = election, alignments, name or f"{base.id}@{base.as_of}"
        self.structure = None
        self._evaluations: dict[frozenset, Evaluation] = {}
        self._control: dict[tuple, object] = {}
        self._powers: dict[tuple, list] = {}
        self.risk: dict[str, dict[str, list[int]]] | None = None
        self.risk_run: dict | None = None

    def key(self, mask: int | frozenset) -> frozenset:
        return mask if isinstance(mask, frozenset) else frozenset(self.structure.members(mask))

    def constitution(self, mask: int | frozenset) -> Constitution:
        """The base amended by one subset (shared between decompositions of the same base and package:
        another scenario or reading fills the same versions)."""
        key = (id(self.base), id(self.package), self.key(mask))
        if key not in _AMENDED:
            if len(_AMENDED) > 512:
                _AMENDED.clear()
            _AMENDED[key] = (apply_subset(self.base, self.package, key[2]), self.base, self.package)
        return _AMENDED[key][0]

    def target(self, key: frozenset) -> str:
        """A name for the version (the risk model's key): the base, with the amendments added."""
        ids = [a.id for a in self.package.amendments if a.id in key]
        return self.name + (" + " + " + ".join(ids) if ids else "")

    def evaluation(self, mask: int | frozenset) -> Evaluation:
        """One version, filled once (by the scenario, or by the election's votes under its own rules)."""
        key = self.key(mask)
        if key not in self._evaluations:
            constitution = self.constitution(key)
            if self.election is not None:
                found = evaluate(constitution, election=self.election, alignments=self.alignments)
                found = Evaluation(self.target(key), constitution, found.scenario, found.filling, found.election,
                                   found.modelled)
            else:
                found = Evaluation(self.target(key), constitution, self.scenario, fill(constitution, self.scenario))
            self._evaluations[key] = found
        return self._evaluations[key]

    def decisions(self, mask: int | frozenset) -> dict:
        return self.evaluation(mask).decisions

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
        return len(self._evaluations)

    def simulate(self, keys: Sequence[frozenset], camp: str, *, draws: int, seed: int, scheduler: str = "serial",
                 workers: int = 2, address: str | None = None, processes: bool = True, progress=None) -> None:
        """Run the risk model once over the versions ``keys``, all on the same draws (one seed, one run)."""
        from reformlab.analysis.risk import RiskParams, simulate
        from reformlab.analysis.risk.template import compile_version

        keys = list(dict.fromkeys(keys))
        params = RiskParams().replace(camp=(camp,))
        models = [compile_version(self.evaluation(key), params.camp) for key in keys]
        result = simulate([], models=models, draws=draws, seed=seed, params=params, scheduler=scheduler,
                          workers=workers, address=address, processes=processes, progress=progress)
        self.risk = {self.target(key): result.counts.losses.get(self.target(key), {}) for key in keys}
        self.risk_run = {"draws": result.draws, "seed": result.seed, "subsets": len(keys), "scheduler": scheduler}


def measures_of(versions: Versions, mask, decision: str, camp: str, measures) -> dict | None:
    """``{(measure, actor, assumption): value}`` of one decision in one version; a value is a
    ``(None, reason)`` pair where the measure has no value in this version. ``None``: the camp's control
    or the power indices cannot be told (no reading of the decision can)."""
    out: dict[tuple[str, str, str | None], object] = {}
    made = versions.decisions(mask)[decision]
    if "control" in measures:
        proc = versions.procedure(mask, decision)
        if proc.control is not None:
            out[("control", camp, None)] = Fraction(CONTROL_LEVELS[proc.control.role(camp)])
        elif proc.alternatives:
            for assumption, game_control in proc.alternatives:
                out[("control", camp, assumption)] = Fraction(CONTROL_LEVELS[game_control.role(camp)])
        else:
            return None
    indices = [m for m in measures if m in INDICES]
    if indices:
        told = versions.powers(mask, decision, indices)
        if not told:
            return None  # no reading of the decision can be told: its powers are unknown, not zero
        for assumption, results in told:
            for index, result in results.items():
                for actor, value in result.values.items():
                    out[(index, actor, assumption)] = Fraction(value)
    if "margin" in measures:
        for assumption, tree in made.trees:
            surplus = margin(tree, (camp,)).surplus
            out[("margin", camp, assumption)] = (None, NO_SEAT_COUNT) if surplus is None else Fraction(surplus)
    if "risk" in measures:
        out.update(_risk_of(versions, mask, made, camp))
    return out


def _risk_of(versions: Versions, mask, made, camp: str) -> dict:
    from reformlab.engine.tree import Always, Never

    losses = versions.risk[versions.target(versions.key(mask))]
    draws = versions.risk_run["draws"]
    out = {}
    if made.status == "unknown":
        return {(figure, camp, None): (None, UNKNOWN_RISK) for figure in RISK_FIGURES}
    for assumption, tree in made.trees:
        if isinstance(tree, Never):
            lost = (draws, 0)
        elif isinstance(tree, Always):
            lost = (0, draws)
        else:
            lost = losses.get(decision_key(made.id, assumption))
        for figure, count in zip(RISK_FIGURES, lost or (None, None)):
            out[(figure, camp, assumption)] = (None, UNKNOWN_RISK) if count is None else Fraction(count, draws)
    return out


def series_by_reading(by_version: dict[int, dict]) -> tuple[dict, str | None]:
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
