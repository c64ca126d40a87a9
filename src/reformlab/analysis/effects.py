"""Rules or votes? Every version under every election, and each change split into a rules effect, an
election effect and their interaction.

:func:`grid` evaluates each version with each election (:func:`reformlab.analysis.evaluation.evaluate` with
``election=``), reading per decision (and per reading of an unknown fact) and per actor three quantities:
the control level (2 passes alone, 1 veto, 0 none), the seats beyond or short of the quota on the actor's
best route (:mod:`reformlab.analysis.margins`) and each power index.

:func:`split` decomposes a change from ``(A, E1)`` to ``(B, E2)`` the two-factor Shapley way::

    rules       = ( f(B,E1) - f(A,E1)  +  f(B,E2) - f(A,E2) ) / 2
    election    = ( f(A,E2) - f(A,E1)  +  f(B,E2) - f(B,E1) ) / 2
    interaction =   f(B,E2) - f(B,E1) - f(A,E2) + f(A,E1)        (shared half and half by the two above)

so ``rules + election == total`` exactly (Fractions), and ``rules_alone + election_alone + interaction ==
total`` with the one-factor changes from ``(A, E1)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.margins import margin
from reformlab.engine.tree import Always, Never, decision_key
from reformlab.errors import ReformlabError, unknown_name
from reformlab.games import powers

QUANTITIES = ("control", "surplus")


@dataclass(frozen=True)
class Split:
    """A change split into the rules' and the election's share (Shapley), with the interaction."""

    before: Fraction
    after: Fraction
    rules: Fraction
    election: Fraction
    interaction: Fraction
    rules_alone: Fraction
    election_alone: Fraction

    @property
    def total(self) -> Fraction:
        return self.after - self.before

    def to_dict(self) -> dict:
        return {k: str(getattr(self, k)) for k in
                ("before", "after", "total", "rules", "election", "interaction", "rules_alone", "election_alone")}


def split(a1, b1, a2, b2) -> Split | None:
    """The split of ``f(B,E2) - f(A,E1)`` given ``a1 = f(A,E1)``, ``b1 = f(B,E1)``, ``a2 = f(A,E2)``,
    ``b2 = f(B,E2)``; None when any of the four is not known.

    >>> s = split(1, 2, 1, 2)
    >>> s.rules, s.election, s.interaction
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """
    if any(v is None for v in (a1, b1, a2, b2)):
        return None
    a1, b1, a2, b2 = (Fraction(v) for v in (a1, b1, a2, b2))
    return Split(
        before=a1, after=b2,
        rules=((b1 - a1) + (b2 - a2)) / 2,
        election=((a2 - a1) + (b2 - b1)) / 2,
        interaction=b2 - b1 - a2 + a1,
        rules_alone=b1 - a1, election_alone=a2 - a1,
    )


def cell_quantities(evaluation: Evaluation, indices=("banzhaf",)) -> dict[str, dict[str, dict[str, Fraction | None]]]:
    """``{decision key: {actor: {quantity: value}}}`` for one evaluation (quantities: ``control``,
    ``surplus`` and each index; a decision whose reading has no game gives control and indices of 0 for
    every actor, and ``surplus`` None)."""
    found: dict = {}
    for decision in evaluation.decisions.values():
        for assumption, tree in decision.trees:
            key = decision_key(decision.id, assumption)
            if isinstance(tree, (Never, Always)):
                found[key] = {}
                continue
            from reformlab.engine.tree import simple_game

            game = simple_game(tree)
            values = powers(game, list(indices))
            row = {}
            for actor in game.players:
                m = margin(tree, (actor,))
                row[actor] = {"control": Fraction(m.level), "surplus": None if m.surplus is None else Fraction(m.surplus)}
                row[actor].update({index: values[index].values.get(actor, Fraction(0)) for index in indices})
            found[key] = row
        if len(decision.trees) > 1:  # the decision over its readings: a value where every reading agrees
            rows = [found[decision_key(decision.id, a)] for a, _ in decision.trees]
            actors = dict.fromkeys(actor for row in rows for actor in row)
            found[decision.id] = {
                actor: {name: _agreed([_value({"k": row}, "k", actor, name) for row in rows])
                        for name in QUANTITIES + tuple(indices)}
                for actor in actors
            }
    return found


def _agreed(values):
    return values[0] if all(v == values[0] for v in values) else None


@dataclass(frozen=True)
class Grid:
    """Every version under every election: ``cells[(version, election)]`` is an :class:`Evaluation`."""

    versions: tuple[str, ...]
    elections: tuple[str, ...]
    cells: dict[tuple[str, str], Evaluation]
    indices: tuple[str, ...] = ("banzhaf",)

    def quantities(self) -> dict[tuple[str, str], dict]:
        return {key: cell_quantities(ev, self.indices) for key, ev in self.cells.items()}

    def splits(self, first: tuple[str, str] | None = None, last: tuple[str, str] | None = None) -> dict:
        """``{decision key: {actor: {quantity: Split | None}}}`` from ``first = (A, E1)`` to ``last = (B,
        E2)`` (default: the first version with the first election to the last with the last)."""
        a, e1 = first or (self.versions[0], self.elections[0])
        b, e2 = last or (self.versions[-1], self.elections[-1])
        q = self.quantities()
        corners = [q[(a, e1)], q[(b, e1)], q[(a, e2)], q[(b, e2)]]
        keys = list(dict.fromkeys(k for c in corners for k in c))
        found: dict = {}
        for key in keys:
            actors = list(dict.fromkeys(actor for c in corners for actor in c.get(key, {})))
            found[key] = {}
            for actor in actors:
                found[key][actor] = {}
                for quantity in QUANTITIES + self.indices:
                    values = [_value(c, key, actor, quantity) for c in corners]
                    found[key][actor][quantity] = split(*values)
        return found

    def to_dict(self) -> dict:
        q = self.quantities()

        def text(v):
            return None if v is None else str(v)

        return {
            "versions": list(self.versions), "elections": list(self.elections), "indices": list(self.indices),
            "cells": [
                {"version": v, "election": e, "read_as": self.cells[(v, e)].election,
                 "modelled": list(self.cells[(v, e)].modelled),
                 "decisions": {k: {a: {n: text(x) for n, x in row.items()} for a, row in actors.items()}
                               for k, actors in q[(v, e)].items()}}
                for v in self.versions for e in self.elections
            ],
            "splits": {k: {a: {n: (None if s is None else s.to_dict()) for n, s in row.items()}
                           for a, row in actors.items()} for k, actors in self.splits().items()},
        }


def _value(quantities: dict, key: str, actor: str, quantity: str):
    """An actor's quantity in one cell: 0 where the decision exists and the actor takes no part (control,
    indices), None where the decision does not exist in that cell or the quantity is not told."""
    if key not in quantities:
        base = key.split(" (assuming ")[0]  # a reading of a fact this cell does not depend on
        if base == key or base not in quantities:
            return None
        key = base
    row = quantities[key].get(actor)
    if row is None:
        return None if quantity == "surplus" else Fraction(0)
    return row[quantity]


def grid(versions, elections, *, alignments: dict[str, str] | None = None, indices=("banzhaf",)) -> Grid:
    """Evaluate every version under every election (see the module docstring).

    Raises:
        ReformlabError: a version/election pair that cannot be filled, with the reason.
    """
    from reformlab.analysis.assumptions import subjects_of
    from reformlab.analysis.elections import election_parties

    alignments = dict(alignments or {})
    cells = {(v, e): evaluate(v, election=e) for v in versions for e in elections}
    if alignments:
        subjects = {key: election_parties(key[1]) | subjects_of(ev) for key, ev in cells.items()}
        unused = set(alignments) - set().union(*subjects.values())
        if unused:
            raise unknown_name("party", sorted(unused)[0], sorted(set().union(*subjects.values())), field="--align",
                               fix="name a party, the independents of a chamber or a controlled body of one of the cells")
        for key, found in subjects.items():
            mine = {k: p for k, p in alignments.items() if k in found}
            if mine:
                cells[key] = evaluate(key[0], election=key[1], alignments=mine)
    return Grid(tuple(versions), tuple(elections), cells, tuple(indices))


def change_split(before: Evaluation, after: Evaluation, actor: str = "president") -> dict | None:
    """For a comparison whose sides are filled by different built-in elections: each decision's change in
    ``actor``'s control and surplus split into the rules' and the election's share (the 2x2 grid of the two
    versions under the two elections), with a sentence; None when a side has no built-in election."""
    from reformlab.analysis.elections import _list_election

    names = []
    for side in (before, after):
        if side.scenario is None or _list_election(side.scenario) is None:
            return None
        names.append(side.election.split(" ")[1] if side.election else side.scenario.id)
    if names[0] == names[1]:
        return None
    try:
        table = grid([before.target, after.target], names, indices=())
    except ReformlabError as error:
        return {"unavailable": error.message()}
    election = table.cells[(table.versions[0], names[1])].scenario.seats
    vote = next((s.election for s in election.values() if s.election), names[1])
    found = {}
    for key, actors in table.splits().items():
        row = actors.get(actor, {})
        control, surplus = row.get("control"), row.get("surplus")
        if control is None or control.total == 0:
            continue
        words = (f"of the {actor}'s change in {key} ({control.before} -> {control.after} on 0 none / 1 veto / "
                 f"2 passes alone), the rules account for {control.rules}, the {vote} vote for {control.election} "
                 f"(interaction {control.interaction}, shared half and half)")
        if surplus is not None:
            words += (f"; seats beyond the quota {surplus.before} -> {surplus.after}: rules {surplus.rules}, "
                      f"vote {surplus.election}")
        found[key] = {"control": control.to_dict(), "surplus": None if surplus is None else surplus.to_dict(),
                      "sentence": words}
    return {"elections": names, "actor": actor, "decisions": found,
            "modelled": [n for ev in table.cells.values() for n in ev.modelled]}
