"""Grounds and limits of a procedure in the decision tree, and "may be used only if ..." in words.

A procedure with grounds (:mod:`reformlab.model.grounds`) passes only where one ground has arisen, so its
tree is ``all of (proposal, any of (grounds), decision)``:

* ``after {decision, outcome: passed}``: that decision's own tree (whoever can pass a vote of no confidence
  can open the dissolution);
* ``after {decision, outcome: refused}``: :func:`~reformlab.engine.tree.refusal` of that decision's tree
  (whoever can make Parliament refuse consent to the Prime Minister);
* ``circumstance``: :class:`~reformlab.engine.tree.Always` (no body decides it; it is stated as a condition);
* ``readings``: an :class:`~reformlab.engine.tree.Alternatives`, one reading per plausible rest of the list
  (no further ground: :class:`~reformlab.engine.tree.Never`, which drops out of the any-of);
* grounds ``unknown``: an :class:`~reformlab.engine.tree.Unknown` of gap ``grounds``: the decision cannot be
  told, and says which fact is missing.

Limits bind every coalition alike (not during a state of emergency...), so they narrow when the decision may
be taken, not who takes it: they stay out of the game and are stated with the grounds as the decision's
:class:`Condition` s.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from reformlab.engine.tree import (
    LEAVES, AllOf, Alternatives, Always, AnyOf, Gap, Never, Node, Reading, Unknown, refusal,
)
from reformlab.model.grounds import Circumstance, GroundReadings
from reformlab.model.values import Unknown as UnknownValue


@dataclass(frozen=True)
class Condition:
    """One condition of a decision, in words: a ground (any one suffices) or a limit (every one binds).

    ``known`` is False where the data say the ground or limit was not found (the words then say what is
    missing); ``readings`` are the labelled readings of a list of grounds not known in full.
    """

    kind: str  # "ground" or "limit"
    text: str
    article: str | None = None
    known: bool = True
    readings: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        article = f" (Art. {self.article})" if self.article else ""
        readings = f": read as {' or as '.join(self.readings)}" if self.readings else ""
        return f"{self.text}{article}{readings}"


def only_if(conditions: tuple[Condition, ...]) -> str | None:
    """``"only on one of these grounds: <ground>, or <ground>; limits: <limit>"`` for a decision's
    conditions, or None without any.

    >>> only_if((Condition("ground", "after a vote of no confidence", "63(1)"),))
    'only on this ground: after a vote of no confidence (Art. 63(1))'
    """
    grounds = [c for c in conditions if c.kind == "ground"]
    limits = [c.words for c in conditions if c.kind == "limit"]
    parts = []
    if len(grounds) == 1 and not grounds[0].known and not grounds[0].readings:
        parts.append(f"only on grounds not known ({grounds[0].words})")
    elif grounds:
        parts.append(("only on this ground: " if len(grounds) == 1 else "only on one of these grounds: ")
                     + ", or ".join(c.words for c in grounds))
    if limits:
        parts.append("limits: " + "; ".join(limits))
    return "; ".join(parts) or None


def _relabel(tree: Node, role: str) -> Node:
    """``tree`` with every leaf's role set to ``role`` (a vote of no confidence counted as a ground)."""
    if isinstance(tree, LEAVES):
        return replace(tree, role=role)
    if isinstance(tree, (AllOf, AnyOf)):
        return type(tree)(tuple(_relabel(part, role) for part in tree.parts))
    if isinstance(tree, Alternatives):
        return Alternatives(tree.gap, tuple(Reading(r.assumption, _relabel(r.tree, role), r.grounds, r.confidence)
                                            for r in tree.readings))
    return tree


def _plain(ground, decision_tree: Callable[[str], Node]) -> Node:
    if isinstance(ground, Circumstance):
        return Always()
    tree = decision_tree(ground.decision)
    return _relabel(tree if ground.outcome == "passed" else refusal(tree), "ground")


def ground_tree(grounds, decision_tree: Callable[[str], Node], subject: str, missing: str) -> Node | None:
    """The any-of of ``grounds`` (None: no ground needed); ``decision_tree(id)`` gives a named decision's tree.

    ``missing`` says what is not known where the grounds are ``unknown``.
    """
    if isinstance(grounds, UnknownValue):
        return Unknown(Gap.GROUNDS, subject, missing)
    if not grounds:
        return None
    parts = []
    for ground in grounds:
        if isinstance(ground, GroundReadings):
            gap = Unknown(Gap.GROUNDS, subject, ground.missing)
            added = [AnyOf(tuple(_plain(g, decision_tree) for g in r.adds)) if r.adds else Never("no further ground")
                     for r in ground.readings]
            parts.append(Alternatives(gap, tuple(
                Reading(f"assuming {r.label}", tree, grounds=r.grounds, confidence=r.confidence)
                for r, tree in zip(ground.readings, added))))
        else:
            parts.append(_plain(ground, decision_tree))
    return AnyOf(tuple(parts))


def note_of(constitution, path: str, default: str) -> str:
    """The note of the leaf at ``path`` (what is missing there), or ``default``."""
    ref = constitution.ref(path)
    return ref.note if ref is not None and ref.note else default


def conditions(procedure, constitution, path: str) -> tuple[Condition, ...]:
    """The grounds and limits of ``procedure`` (at ``path`` in ``constitution``) as :class:`Condition` s, in
    the law's order; an unknown one says what is missing (its note)."""
    missing_grounds = note_of(constitution, f"{path}.grounds", "the grounds were not found")
    missing_limits = note_of(constitution, f"{path}.limits", "the limits were not found")
    found: list[Condition] = []
    if isinstance(procedure.grounds, UnknownValue):
        found.append(Condition("ground", missing_grounds, known=False))
    else:
        for ground in procedure.grounds:
            if isinstance(ground, GroundReadings):
                found.append(Condition("ground", f"further grounds not known: {ground.missing}", known=False,
                                       readings=tuple(r.label for r in ground.readings)))
            else:
                found.append(Condition("ground", ground.label, ground.article))
    if isinstance(procedure.limits, UnknownValue):
        found.append(Condition("limit", f"not known: {missing_limits}", known=False))
    else:
        found.extend(Condition("limit", limit.label, limit.article) for limit in procedure.limits)
    return tuple(found)

