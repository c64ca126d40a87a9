"""A constitution plus a scenario becomes filled bodies and decision trees (layer 3): the one place that
reads the law.

Three steps, each a pure function of frozen values:

1. a :class:`Scenario` (``data/scenarios/``) says with whom the seats are filled: election results,
   controllers of bodies, party alignments, each with its source and confidence;
2. :func:`fill` gives every body's seats by party and by *principal* (the actor at the end of the chain of
   who selects whom), as a :class:`Filling`;
3. :func:`decisions` turns every procedure, and every appointment needing consent, into a :class:`Decision`
   whose ``tree`` (:mod:`reformlab.engine.tree`) says what it takes to pass: votes of bodies with their exact
   quotas, actors, all-of / any-of, never / always, unknowns with the kind of fact missing, and labelled
   readings where a bounded set of assumptions stands in for a missing fact.

Analyses (control, power, risk, compare, claims) read the trees; they never read the law themselves.

>>> from reformlab.model import load_builtin
>>> kz = load_builtin("kz").as_of("2007-09-01")
>>> decision = decisions(fill(kz, scenario_named("kz-majilis-2007")))["no_confidence"]
>>> print(render(decision.trees[0][1]))
all of
  vote of majilis: at least 1/5 of members = 22 of 107
  vote of majilis: more than 1/2 of members = 54 of 107
"""

from reformlab.engine.decisions import ALTERNATIVE_MAJORITIES, Decision, decisions, games
from reformlab.engine.filling import UNKNOWN_PRINCIPAL, FilledBody, Filling, SeatBlock, fill, principal_of
from reformlab.engine.scenario import (
    Assumption, ElectionSeats, Scenario, builtin_scenarios, default_scenario, load_scenarios, scenario_named,
)
from reformlab.engine.tree import (
    Actor, AllOf, Alternatives, Always, AnyMember, AnyOf, Controller, Gap, Never, Node, Quota, Reading, Unknown,
    Vote, decision_key, leaves, readings, render, simple_game, simplify, unknowns, walk,
)

__all__ = [
    "ALTERNATIVE_MAJORITIES",
    "UNKNOWN_PRINCIPAL",
    "Actor",
    "AllOf",
    "Alternatives",
    "Always",
    "AnyMember",
    "AnyOf",
    "Assumption",
    "Controller",
    "Decision",
    "ElectionSeats",
    "FilledBody",
    "Filling",
    "Gap",
    "Never",
    "Node",
    "Quota",
    "Reading",
    "Scenario",
    "SeatBlock",
    "Unknown",
    "Vote",
    "builtin_scenarios",
    "decision_key",
    "decisions",
    "default_scenario",
    "fill",
    "games",
    "leaves",
    "load_scenarios",
    "principal_of",
    "readings",
    "render",
    "scenario_named",
    "simple_game",
    "simplify",
    "unknowns",
    "walk",
]
