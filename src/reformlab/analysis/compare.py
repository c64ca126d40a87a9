"""Compare two versions (or a version and a reform): what changed, with references, and how power moved.

Each side is evaluated under its own scenario (the built-in one that fits its version unless given), so a
77-seat Majilis is filled from the 2004 results and a 107-seat one from the 2007 results. Control is
compared actor by actor (``passes alone`` / ``veto`` / ``none``), power index by index.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.power import decision_powers
from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.diff import KINDS, Change, diff
from reformlab.ordering import natural_key


@dataclass(frozen=True)
class Comparison:
    """Two evaluations side by side.

    Attributes:
        before, after: the evaluations.
        changes: the structural differences (path, before, after, article, sources).
        index: the power index compared.
        camp: the principal whose control is followed first in every table (``president`` by default;
            any principal of either side, e.g. a party, with ``--camp``).
    """

    before: Evaluation
    after: Evaluation
    changes: tuple[Change, ...]
    index: str = "banzhaf"
    camp: str = "president"

    def change_counts(self) -> dict[str, int]:
        """How many changes of each kind (``amendment``, ``newly_known``, ``carried``, ``unknown_after``):
        the one count the table, the JSON and the report state."""
        return {kind: sum(c.kind == kind for c in self.changes) for kind in KINDS}

    def procedures(self) -> list[str]:
        """Decision ids on either side, in order of first appearance."""
        return list(dict.fromkeys(list(self.before.decisions) + list(self.after.decisions)))

    def actors(self) -> list[str]:
        """Principals on either side, in order of first appearance."""
        return list(dict.fromkeys(self.before.filling.principals() + self.after.filling.principals()))

    def control(self) -> dict[str, dict[str, dict[str, str | None]]]:
        """``{procedure: {actor: {"before": role, "after": role}}}``; a role is ``passes alone``, ``veto``,
        ``none``, ``absent`` (the decision does not exist then) or None (cannot be told)."""
        found: dict = {}
        for proc in self.procedures():
            sides = [side.control.procedures.get(proc) for side in (self.before, self.after)]
            actors = {a for pc in sides if pc and pc.control for a in pc.control.players}
            actors |= {a for pc in sides if pc for _, c in pc.alternatives for a in c.players}
            actors |= {self.camp}
            found[proc] = {
                actor: {
                    label: _role(side, proc, pc, actor)
                    for label, side, pc in zip(("before", "after"), (self.before, self.after), sides)
                }
                for actor in sorted(actors, key=lambda a: (a != self.camp, natural_key(a)))
            }
        return found

    def power(self) -> dict[str, dict[str, dict[str, Fraction | None]]]:
        """``{procedure: {actor: {"before": value, "after": value}}}`` for :attr:`index`; None where the
        decision is unknown, absent or its value depends on an assumption on that side (readings that agree
        on every actor's value, a player absent from one reading counting 0, give that value)."""
        found: dict = {}
        for proc in self.procedures():
            sides = []
            for side in (self.before, self.after):
                decision = side.decisions.get(proc)
                results = decision_powers(decision, [self.index]) if decision is not None else []
                values = [r[self.index].values for _, r in results]
                held = [{actor: v for actor, v in vals.items() if v} for vals in values]  # a null player is 0 anyway
                agreed = bool(values) and all(h == held[0] for h in held)
                sides.append(max(values, key=len) if agreed else None)
            actors = sorted({a for s in sides if s for a in s}, key=lambda a: (a != self.camp, natural_key(a)))
            found[proc] = {
                actor: {label: (None if s is None else s.get(actor, Fraction(0))) for label, s in zip(("before", "after"), sides)}
                for actor in actors
            }
        return found

    def seats(self) -> dict[str, dict[str, dict[str, int | None]]]:
        """``{body: {principal: {"before": seats, "after": seats}}}``; None where the body's membership is
        unknown on that side, whose entry ``"?"`` then says so (independents are summed as ``Independents``)."""
        found: dict = {}
        known: set[tuple[str, str]] = set()
        for label, side in (("before", self.before), ("after", self.after)):
            for body in side.filling.bodies.values():
                entry = found.setdefault(body.id, {})
                if body.unknown or not body.blocks:
                    entry.setdefault("?", {})[label] = None
                    continue
                known.add((body.id, label))
                for principal, seats in body.by_principal().items():
                    key = "Independents" if principal.startswith("Independent ") else principal
                    cell = entry.setdefault(key, {})
                    cell[label] = (cell.get(label) or 0) + seats
        for body_id, entry in found.items():
            for principal, cell in entry.items():
                for label in ("before", "after"):  # "?" marks an unknown membership: never a count
                    cell.setdefault(label, 0 if (body_id, label) in known and principal != "?" else None)
        return found

    def to_dict(self) -> dict:
        """JSON-ready: ``changes``, ``control`` and ``power`` (exact values as ``"p/q"``), plus context."""
        def text(value):
            return None if value is None else str(value)

        return {
            "before": {"target": self.before.target, "version": str(self.before.constitution.version),
                       "scenario": self.before.scenario.id if self.before.scenario else None,
                       "assumptions": self.before.scenario.assumptions_data() if self.before.scenario else []},
            "after": {"target": self.after.target, "version": str(self.after.constitution.version),
                      "scenario": self.after.scenario.id if self.after.scenario else None,
                      "assumptions": self.after.scenario.assumptions_data() if self.after.scenario else []},
            "changes": [
                {"path": c.path, "kind": c.kind, "before": _plain(c.before), "after": _plain(c.after),
                 "article": c.article, "source": list(c.sources), "confidence": c.confidence,
                 "carried_from": c.carried_from}
                for c in self.changes
            ],
            "change_counts": self.change_counts(),
            "seats": self.seats(),
            "control": self.control(),
            "power": {
                proc: {actor: {k: text(v) for k, v in sides.items()} for actor, sides in actors.items()}
                for proc, actors in self.power().items()
            },
            "index": self.index,
            "votes": {"before": self.before.election, "after": self.after.election,
                      "modelled": {"before": list(self.before.modelled), "after": list(self.after.modelled)}},
            "camp": self.camp,
        }


def _role(side: Evaluation, proc: str, pc, actor: str) -> str | None:
    if pc is None:
        body = proc.partition(":")[2].partition(".")[0]
        known = body in side.filling.bodies and not side.filling.bodies[body].unknown
        return "absent" if not proc.startswith("appoint:") or known or body not in side.filling.bodies else None
    if pc.status == "unknown":
        return None
    return pc.role(actor) if actor in _players(pc) else "none"


def _plain(value):
    """JSON-ready copy: the ``unknown`` sentinel becomes the string ``"unknown"``."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _players(pc) -> set[str]:
    if pc.control is not None:
        return set(pc.control.players)
    return {a for _, c in pc.alternatives for a in c.players}


def compare(before, after, *, scenario_before=None, scenario_after=None, index: str = "banzhaf",
            alignments: dict[str, str] | None = None, camp: str = "president", election: str | None = None) -> Comparison:
    """Evaluate ``before`` and ``after`` (targets or evaluations) and compare them, following ``camp``; with
    ``election`` both sides are filled from that election's votes (the votes held fixed: what moves is the rules').

    Raises:
        ReformlabError: the two sides are different constitutions (see :func:`~reformlab.analysis.crosscompare.
            cross_compare`), or ``camp`` is no actor or principal of either side.
    """
    if alignments and not isinstance(before, Evaluation) and not isinstance(after, Evaluation):
        from reformlab.analysis.evaluation import evaluate_pair

        before, after = evaluate_pair(before, after, scenario_before, scenario_after, alignments=alignments,
                                      election=election)
    if not isinstance(before, Evaluation):
        before = evaluate(before, scenario_before, alignments=alignments, election=election)
    if not isinstance(after, Evaluation):
        after = evaluate(after, scenario_after, alignments=alignments, election=election)
    if before.constitution.id != after.constitution.id:
        raise ReformlabError(
            f"{before.constitution.id!r} and {after.constitution.id!r} are different constitutions: their bodies "
            "cannot be compared one by one",
            field="after",
            fix="line them up by role (head of state, chambers, government) with "
            "reformlab.analysis.crosscompare.cross_compare, which `reformlab compare` uses for two countries",
        )
    check_camp(camp, before, after)
    return Comparison(before, after, tuple(diff(before.constitution, after.constitution)), index, camp)


def camp_actors(*evaluations: Evaluation) -> list[str]:
    """Every name a camp may take: the principals filled on each side and the constitution's actors and bodies."""
    names: dict[str, None] = {}
    for side in evaluations:
        names.update(dict.fromkeys(side.filling.principals()))
        names.update(dict.fromkeys(side.constitution.actors))
        names.update(dict.fromkeys(side.constitution.bodies))
    return list(names)


def check_camp(camp: str, *evaluations: Evaluation) -> str:
    """``camp`` if it is an actor or principal of one of ``evaluations``; otherwise a :class:`ReformlabError`."""
    known = camp_actors(*evaluations)
    if camp not in known:
        raise unknown_name("camp", camp, known, field="--camp",
                           problem=f"the camp {camp!r} is no actor or principal here")
    return camp
