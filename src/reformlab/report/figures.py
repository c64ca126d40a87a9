"""The report's counted figures, each computed once: who passes how many decisions alone, and the key figures.

The summary, the key-figure table and the claims all state how many decisions the camp passes alone and how
many cannot be told; they read one :class:`~reformlab.report.data.DecisionCount` per actor, built here from
:func:`reformlab.analysis.control.decision_tally` (the same tally the claims' "all decisions" quantity uses),
so the figures cannot disagree. Chamber sizes in the key figures are the seats the filling draws (the
chambers section's totals), the law's size only where no scenario fills the chamber.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.control import decision_tally
from reformlab.model import Unknown as UnknownValue
from reformlab.report.data import KeyFigure


@dataclass(frozen=True)
class DecisionCount:
    """The decisions one actor passes alone, before and after: counted once
    (:func:`reformlab.analysis.control.decision_tally`), read by the summary and the key figures alike.

    Args:
        actor: the actor's name as shown ("President").
        alone_before, alone_after: the decisions (labels) the actor passes alone on that side.
        told_before, told_after: how many decisions can be told on that side.
        untold_before, untold_after: the decisions (labels) whose outcome for the actor cannot be told.
    """

    actor: str
    alone_before: tuple[str, ...]
    told_before: int
    untold_before: tuple[str, ...]
    alone_after: tuple[str, ...]
    told_after: int
    untold_after: tuple[str, ...]


def _label(comparison, decision_id: str) -> str:
    for side in (comparison.after, comparison.before):
        if decision_id in side.decisions:
            return side.decisions[decision_id].label
    return decision_id


def decision_counts(comparison, actor_name) -> tuple[DecisionCount, ...]:
    """The camp's :class:`DecisionCount`, then every other principal's who passes a decision alone on a side;
    ``actor_name(principal)`` is how the report shows the principal."""
    sides = (comparison.before, comparison.after)
    others = sorted({pc.dictator for side in sides for pc in side.control.procedures.values()
                     if pc.dictator and pc.dictator != comparison.camp}
                    | {c.dictator for side in sides for pc in side.control.procedures.values()
                       for _, c in pc.alternatives if c.dictator and c.dictator != comparison.camp})
    counts = []
    for actor in (comparison.camp, *others):
        before, after = (decision_tally(side.control.procedures, actor) for side in sides)
        count = DecisionCount(
            actor_name(actor),
            tuple(_label(comparison, d) for d in before.alone), before.told,
            tuple(_label(comparison, d) for d in before.untold),
            tuple(_label(comparison, d) for d in after.alone), after.told,
            tuple(_label(comparison, d) for d in after.untold))
        if actor == comparison.camp or count.alone_before or count.alone_after:
            counts.append(count)
    return tuple(counts)


def key_figures(comparison, spec, camp_count: DecisionCount) -> tuple[KeyFigure, ...]:
    """Per key body of the spec: its seats and the camp's share; then the camp's decisions from
    ``camp_count`` (passed alone; cannot be told)."""
    camp_id = comparison.camp

    def size(side, body):
        filled = side.filling.bodies.get(body)
        if filled is not None and not filled.unknown and filled.blocks:
            return sum(b.seats for b in filled.blocks)
        value = side.constitution.bodies[body].size if body in side.constitution.bodies else None
        return None if isinstance(value, UnknownValue) else value

    def camp(side, body):
        filled = side.filling.bodies.get(body)
        if filled is None or filled.unknown or not filled.blocks:
            return None
        total = sum(b.seats for b in filled.blocks)
        return Fraction(filled.by_principal().get(camp_id, 0), total)

    b, a = comparison.before, comparison.after
    who = spec.label(camp_id, a.constitution)
    names = {body: spec.label(body, a.constitution if body in a.constitution.bodies else b.constitution)
             for body in spec.key_bodies}
    sizes = tuple(KeyFigure(f"{names[body]} seats", size(b, body), size(a, body), "seats") for body in spec.key_bodies)
    shares = tuple(KeyFigure(f"{names[body]} seats answering to {who}", camp(b, body), camp(a, body), "%")
                   for body in spec.key_bodies)
    return sizes + shares + (
        KeyFigure(f"Decisions {who} passes alone", len(camp_count.alone_before), len(camp_count.alone_after), ""),
        KeyFigure("Decisions that can be told", camp_count.told_before, camp_count.told_after, ""),
        KeyFigure("Decisions that cannot be told (rules unknown)", len(camp_count.untold_before),
                  len(camp_count.untold_after), ""),
    )
