"""Assumptions as a space: every assumption a scenario makes, its alternatives, and the trees under each
combination, got by re-mapping seat principals on trees filled once.

A scenario assumes whom each party answers to (``Otan -> president``) and who controls the bodies whose
membership is not known (``maslikhats -> president``); a party it does not align is assumed to answer to
itself. Each is a :class:`Choice` with its options, the scenario's own first with its grounds and
confidence, the others marked ``no source``:

* an aligned party: its principal, or itself;
* a party holding seats that the scenario does not align: itself, or the camp (``president``);
* a controlled body: its controller, or the body itself (its members answer to nobody of the camp).

The bodies are filled **once**, under the neutral scenario in which every party is its own principal and
every controlled body its own controller (its id is the token). A combination of options maps each token to
a principal; a body whose seats make a principal the majority resolves to that principal (as the filler
does for appointers). Re-mapping the leaves of the engine's trees (:func:`remap`) then gives every
combination's trees without filling again, and a side whose tokens a combination does not change is reused.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reformlab.engine.filling import Filling
from reformlab.engine.scenario import Assumption, Scenario
from reformlab.engine.tree import Actor, AllOf, Alternatives, AnyMember, AnyOf, Controller, Node, Vote
from reformlab.errors import unknown_name

CAMP = "president"
WEIGHTS = {"high": 0.9, "medium": 0.7, "low": 0.5, "unknown": 0.5, None: 0.5}


@dataclass(frozen=True)
class Option:
    """One reading of an assumption: the principal the subject answers to, its grounds and confidence."""

    principal: str
    grounds: str
    confidence: str | None


@dataclass(frozen=True)
class Choice:
    """One assumption: ``subject`` (a party or a body) and its options, the scenario's first."""

    subject: str
    what: str  # "answers to" (a party) or "controlled by" (a body)
    options: tuple[Option, ...]

    @property
    def name(self) -> str:
        return f"{self.subject} {self.what}"

    def weight(self, index: int) -> float:
        """The confidence weight of option ``index``: the scenario's option weighs its confidence, the
        others share the rest."""
        first = WEIGHTS.get(self.options[0].confidence, 0.5)
        return first if index == 0 else (1 - first) / (len(self.options) - 1)


def _grounds(assumption: Assumption, sources: dict) -> str:
    cited = ", ".join(sources.get(key, key) for key in assumption.sources)
    return "; ".join(part for part in (assumption.note, cited) if part) or "no source"


def choices(scenario: Scenario, filling: Filling, camp: str = CAMP) -> tuple[Choice, ...]:
    """Every assumption of ``scenario`` as a :class:`Choice` (``filling``: the neutral filling, for the
    parties that hold seats)."""
    found = []
    for party, assumption in scenario.alignments.items():
        found.append(Choice(party, "answers to", (
            Option(assumption.principal, _grounds(assumption, scenario.sources), assumption.confidence),
            Option(party, "no source (its own principal)", None))))
    elected = dict.fromkeys(b.party for body in filling.bodies.values() for b in body.blocks
                            if b.party is not None and b.party == b.principal)
    for party in elected:
        if party not in scenario.alignments and _is_party(scenario, party):
            found.append(Choice(party, "answers to", (
                Option(party, "the scenario aligns it with no one", None),
                Option(camp, "no source", None))))
    for body, assumption in scenario.controllers.items():
        found.append(Choice(body, "controlled by", (
            Option(assumption.principal, _grounds(assumption, scenario.sources), assumption.confidence),
            Option(body, "no source (its members answer to nobody named)", None))))
    return tuple(found)


def _is_party(scenario: Scenario, name: str) -> bool:
    """Whether ``name`` is a list or district party of the scenario's elections (not an independent)."""
    from reformlab.data.election_results import election_inputs

    for spec in scenario.seats.values():
        if spec.election is not None:
            inputs = election_inputs(spec.election)
            if name in inputs.votes or name in inputs.district_seats:
                return True
        for given in (spec.votes, spec.seats, spec.district_seats):
            if given and name in given:
                return True
    return False


def scenario_subjects(scenario: Scenario | None) -> set[str]:
    """What an ``--align`` may name under ``scenario``: its aligned parties, controlled bodies and the
    parties of its results."""
    if scenario is None:
        return set()
    from reformlab.data.election_results import election_inputs

    found = set(scenario.alignments) | set(scenario.controllers)
    for spec in scenario.seats.values():
        if spec.election is not None:
            inputs = election_inputs(spec.election)
            found |= set(inputs.votes) | set(inputs.district_seats)
        for given in (spec.votes, spec.seats, spec.district_seats):
            found |= set(given or ())
    return found


def overrides_per_side(scenarios: dict, overrides: dict[str, str] | None) -> dict[str, dict[str, str]]:
    """``--align`` overrides split by side (each side takes those about its own subjects).

    Raises:
        ReformlabError: an override about a subject of no side.
    """
    overrides = dict(overrides or {})
    found = {label: {k: p for k, p in overrides.items() if k in scenario_subjects(sc)} for label, sc in scenarios.items()}
    unused = set(overrides) - {k for part in found.values() for k in part}
    if unused:
        name = sorted(unused)[0]
        known = set().union(*(scenario_subjects(sc) for sc in scenarios.values()))
        raise unknown_name("party", name, sorted(known), field="--align",
                           fix="name a party or a controlled body of either side's scenario")
    return found


def neutral(scenario: Scenario) -> Scenario:
    """``scenario`` with every party its own principal and every controlled body its own controller."""
    controllers = {body: a.model_copy(update={"principal": body}) for body, a in scenario.controllers.items()}
    return scenario.model_copy(update={"alignments": {}, "controllers": controllers})


def check_overrides(space: tuple[Choice, ...], overrides: dict[str, str], principals: set[str]) -> None:
    """Raise when an ``--align`` override names no assumption's subject or no known principal."""
    subjects = {c.subject: c for c in space}
    for subject, principal in overrides.items():
        if subject not in subjects:
            raise unknown_name("party", subject, sorted(subjects), field="--align",
                               fix="name a party or a controlled body the scenario makes an assumption about")
        if principal not in principals | {subject}:
            raise unknown_name("principal", principal, sorted(principals), field="--align",
                               fix="name a party, a body or an actor of the constitution")


def apply_overrides(scenario: Scenario, filling: Filling, overrides: dict[str, str]) -> Scenario:
    """``scenario`` with ``--align SUBJECT=PRINCIPAL`` overrides applied: a party's alignment, or a
    controlled body's controller (``maslikhats=maslikhats``: controlled by nobody of the camp).

    Raises:
        ReformlabError: a subject no assumption is about, or a principal nobody in the filling is.
    """
    space = choices(scenario, filling)
    constitution = filling.constitution
    principals = ({b.principal for body in filling.bodies.values() for b in body.blocks}
                  | {b.party for body in filling.bodies.values() for b in body.blocks if b.party}
                  | set(constitution.actor_ids()) | {o.principal for c in space for o in c.options})
    check_overrides(space, overrides, principals)
    controlled = {body: principal for body, principal in overrides.items() if body in scenario.controllers}
    parties = {party: principal for party, principal in overrides.items() if party not in controlled}
    updated = scenario.with_alignments(parties)
    if controlled:
        controllers = dict(updated.controllers)
        for body, principal in controlled.items():
            controllers[body] = Assumption(principal=principal, confidence="unknown", note="set by the user")
        updated = updated.model_copy(update={"controllers": controllers})
    return updated


def resolver(filling: Filling, mapping: dict[str, str]):
    """The function token -> principal under ``mapping``, bodies resolved to the majority of their seats."""
    resolved = dict(mapping)
    for _ in range(3):  # bodies whose majority rests on other bodies' appointees: a few rounds settle them
        for body in filling.bodies.values():
            if body.id in mapping or not body.blocks or body.controlled_by is not None:
                continue
            counts: dict[str, int] = {}
            for block in body.blocks:
                p = resolved.get(block.principal, block.principal)
                counts[p] = counts.get(p, 0) + block.seats
            total = sum(counts.values())
            top = max(counts, key=counts.get)
            resolved[body.id] = top if 2 * counts[top] > total else body.id
    return lambda token: resolved.get(token, token)


def remap(tree: Node, principal) -> Node:
    """``tree`` with every seat principal, controller and member mapped by ``principal`` (seats merged)."""
    if isinstance(tree, Vote):
        seats: dict[str, int] = {}
        for who, n in tree.seats:
            p = principal(who)
            seats[p] = seats.get(p, 0) + n
        return dataclasses.replace(tree, seats=tuple(seats.items()))
    if isinstance(tree, AnyMember):
        return dataclasses.replace(tree, members=tuple(dict.fromkeys(principal(m) for m in tree.members)))
    if isinstance(tree, Controller):
        return dataclasses.replace(tree, principal=principal(tree.principal))
    if isinstance(tree, Actor):
        return dataclasses.replace(tree, name=principal(tree.name))
    if isinstance(tree, (AllOf, AnyOf)):
        return type(tree)(tuple(remap(part, principal) for part in tree.parts))
    if isinstance(tree, Alternatives):
        return Alternatives(tree.gap, tuple(dataclasses.replace(r, tree=remap(r.tree, principal)) for r in tree.readings))
    return tree


def remap_filling(filling: Filling, principal) -> Filling:
    """``filling`` with every block's principal (and every body's controller) mapped by ``principal``."""
    bodies = {}
    for body_id, body in filling.bodies.items():
        blocks = tuple(dataclasses.replace(b, principal=principal(b.principal)) for b in body.blocks)
        controlled = None if body.controlled_by is None else principal(body.controlled_by)
        bodies[body_id] = dataclasses.replace(body, blocks=blocks, controlled_by=controlled)
    return dataclasses.replace(filling, bodies=bodies)


__all__ = ["CAMP", "Choice", "Option", "check_overrides", "choices", "neutral", "remap",
           "remap_filling", "resolver"]
