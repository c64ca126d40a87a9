"""The computations behind every endpoint, cached by the hash of what determines them (bounded LRU).

Each request side (a built-in version, or a reform) is resolved once and its evaluation kept under the
hash of the side (:meth:`~reformlab.web.inputs.Version.key`); each answer (a comparison, control, power,
claims) is kept under the hash of the whole request. Both caches are bounded, so memory stays flat however
many different reforms clients send.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from typing import Any

from reformlab.analysis import evaluate
from reformlab.analysis.power import power_rows
from reformlab.analysis.claims import check_claim, load_claims
from reformlab.analysis.compare import check_camp, compare
from reformlab.analysis.elections import fit_scenario
from reformlab.engine.scenario import builtin_scenarios, default_scenario
from reformlab.engine.tree import decision_key
from reformlab.errors import unknown_name
from reformlab.games import INDICES
from reformlab.web.inputs import Version, constitution_of, digest, side_name
from reformlab.web.margins import margins


class LRU:
    """A thread-safe mapping that keeps the ``size`` most recently used entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[str, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                self.hits += 1
                return self.items[key]
            self.misses += 1
        value = compute()  # outside the lock: two clients may compute the same key once each, never block
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self.items)


def check_index(index: str) -> str:
    if index not in INDICES:
        raise unknown_name("index", index, INDICES, field="--index")
    return index


def exact_text(value) -> str | None:
    """An exact value as ``p/q`` (``1`` for whole numbers), None for None."""
    if value is None:
        return None
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else str(value)


class Service:
    """Evaluations and answers for the API, with their caches."""

    def __init__(self, evaluations: int = 64, answers: int = 256) -> None:
        self.evaluations = LRU(evaluations)
        self.answers = LRU(answers)

    def scenario(self, name: str | None, constitution):
        """A built-in scenario by id, or the one fitting the version; never a file (the CLI also reads
        ``FILE.yaml#id``, which a server must not)."""
        if name is None:
            return default_scenario(constitution.id, constitution.as_of)
        known = builtin_scenarios()
        if name not in known:
            raise unknown_name("scenario", name, known, field="--scenario", problem=f"no built-in scenario {name!r}")
        return known[name]

    def evaluation(self, version: Version):
        """The side evaluated (the reform applied, the scenario filled), cached by the side's hash. Where a
        reform changed the kind of a tier the scenario fills from an election (a list tier made parallel),
        that election fills the new tier as ``--election`` would, and what is modelled is said
        (``modelled``)."""
        def compute():
            constitution, reform = constitution_of(version)
            scenario, modelled = fit_scenario(constitution, self.scenario(version.scenario, constitution))
            found = evaluate(constitution, scenario, alignments=dict(version.alignments))
            return replace(found, target=side_name(version, reform, constitution), modelled=modelled)

        return self.evaluations.get_or_compute(version.key(), compute)

    def cached(self, kind: str, request: dict, compute: Callable[[], Any]) -> Any:
        return self.answers.get_or_compute(digest({"kind": kind, **request}), compute)

    def view(self, kind: str, request, compute: Callable[[], Any]) -> Any:
        """A further view of a comparison (:mod:`reformlab.web.views`), cached by both sides' hashes and its
        options; the camp must hold a seat or an office on a side."""
        options = request.model_dump(mode="json", exclude={"before", "after"})
        key = {"before": request.before.key(), "after": request.after.key(), **options}

        def checked():
            check_camp(request.camp, self.evaluation(request.after), self.evaluation(request.before))
            return compute()

        return self.cached(kind, key, checked)

    # -- the answers, each mirroring a CLI command's JSON ------------------------------------------------

    def control(self, version: Version, camp: tuple[str, ...] = ("president",)) -> dict:
        """As ``reformlab control --format json``, with the camp's margin in every vote of every decision."""
        def compute():
            evaluation = self.evaluation(version)
            data = evaluation.control.to_dict()
            for decision_id, entry in data["procedures"].items():
                entry["margins"] = margins(evaluation, decision_id, camp)
            return {"target": evaluation.target, "scenario": _scenario_id(evaluation), "camp": list(camp),
                    "assumptions": assumptions(evaluation), **data}

        return self.cached("control", {"version": version.key(), "camp": list(camp)}, compute)

    def power(self, version: Version, indices: tuple[str, ...]) -> dict:
        """As ``reformlab power TARGET --format json``: every index for every actor of every decision, exact."""
        for index in indices:
            check_index(index)

        def compute():
            evaluation = self.evaluation(version)
            found: dict = {}
            for row in power_rows(evaluation, tuple(indices)):
                key = decision_key(row["procedure"], row["assumption"])
                found.setdefault(key, {}).setdefault(row["index"], {})[row["actor"]] = exact_text(row["exact"])
            unknown = {k: d.unknown for k, d in evaluation.decisions.items() if d.status == "unknown"}
            return {"target": evaluation.target, "scenario": _scenario_id(evaluation), "indices": list(indices),
                    "power": found, "unknown": unknown}

        return self.cached("power", {"version": version.key(), "indices": list(indices)}, compute)

    def comparison(self, before: Version, after: Version, index: str):
        """The :class:`~reformlab.analysis.compare.Comparison` object (cached with the answers)."""
        check_index(index)
        return self.cached("comparison", {"before": before.key(), "after": after.key(), "index": index},
                           lambda: compare(self.evaluation(before), self.evaluation(after), index=index))

    def compare(self, before: Version, after: Version, index: str) -> dict:
        """As ``reformlab compare --format json``, with labels of the decisions and the assumptions used."""
        def compute():
            comparison = self.comparison(before, after, index)
            data = comparison.to_dict()
            data["before"]["name"], data["after"]["name"] = comparison.before.target, comparison.after.target
            data["labels"] = {proc: _label(comparison, proc) for proc in comparison.procedures()}
            data["assumptions"] = {"before": assumptions(comparison.before), "after": assumptions(comparison.after)}
            return data

        return self.cached("compare", {"before": before.key(), "after": after.key(), "index": index}, compute)

    def claims(self, name: str, before: Version | None, after: Version | None) -> dict:
        """As ``reformlab claims --format json``: each claim of the study checked on the two sides (by default
        the study's own versions), with its verdict and the reason when it cannot be told."""
        def compute():
            data = load_claims(name)
            sides = {
                "before": self.evaluation(before or Version(target=data["compare"]["before"])),
                "after": self.evaluation(after or Version(target=data["compare"]["after"])),
            }
            results = [check_claim(claim, sides) for claim in data["claims"]]
            return {"claims": name, "before": sides["before"].target, "after": sides["after"].target,
                    "study": {"before": data["compare"]["before"], "after": data["compare"]["after"]},
                    "results": [r.to_dict() for r in results],
                    "counts": {v: sum(r.verdict == v for r in results) for v in ("holds", "fails", "cannot tell")}}

        request = {"name": name, "before": before and before.key(), "after": after and after.key()}
        return self.cached("claims", request, compute)

    def show(self, version: Version) -> dict:
        """As ``reformlab show --format json``: the constitution in force, every rule."""
        return self.cached("show", {"version": version.key()},
                           lambda: self.evaluation(version).constitution.model_dump(mode="json"))


def _scenario_id(evaluation) -> str | None:
    return evaluation.scenario.id if evaluation.scenario else None


def _label(comparison, proc: str) -> str:
    for side in (comparison.after, comparison.before):
        if proc in side.decisions:
            return side.decisions[proc].label
    return proc


def assumptions(evaluation) -> list[dict]:
    """The scenario's assumptions a result depends on: what, the principal chosen, confidence and sources."""
    if evaluation.scenario is None:
        return []
    return [{"what": what, "principal": a.principal, "confidence": a.confidence, "sources": list(a.sources),
             "note": a.note}
            for what, a in evaluation.scenario.assumptions()]
