"""Consistency checks a schema cannot express: names that must exist, seats that must add up, no cycles.

Each check takes a resolved :class:`~reformlab.model.constitution.Constitution` and returns problems as
``(path, message, fix)`` with dotted paths, so the loader can point at the YAML line.
"""

from __future__ import annotations

from typing import Iterator

from reformlab.errors import unknown_name
from reformlab.model.bodies import AppointedSeats, IndirectSeats, PopularSeats
from reformlab.model.constitution import Constitution
from reformlab.model.electoral_bridge import tier_seats
from reformlab.model.grounds import iter_grounds
from reformlab.model.steps import (
    ApproveStep, ConsultStep, NominateStep, ProposeStep, SignStep, VetoStep, Vote, iter_steps,
)
from reformlab.model.values import Unknown

Problem = tuple[str, str, str | None]


def check(c: Constitution) -> list[Problem]:
    """Every consistency problem of ``c`` (empty when it is consistent)."""
    return [*check_names(c), *check_sizes(c), *check_cycles(c), *check_grounds(c)]


def _vote_bodies(vote: Vote | None, path: str) -> Iterator[tuple[str, str, str]]:
    if vote is not None and not isinstance(vote.body, Unknown):
        yield path + ".body", vote.body, "body"


def _step_references(step, path: str) -> Iterator[tuple[str, str, str]]:
    """``(path, name, 'body'|'actor')`` for every name a step mentions."""
    if isinstance(step, ProposeStep):
        for i, name in enumerate(step.by):
            yield f"{path}.by.{i}", name, "actor"
        yield from _vote_bodies(step.initiative, path + ".initiative")
    elif isinstance(step, (NominateStep, SignStep, VetoStep)):
        yield path + ".by", step.by, "actor"
        for i, name in enumerate(getattr(step, "after_consulting", ())):
            yield f"{path}.after_consulting.{i}", name, "actor"
    elif isinstance(step, ConsultStep):
        for i, name in enumerate(step.actors):
            yield f"{path}.actors.{i}", name, "actor"
    elif isinstance(step, ApproveStep):
        yield from _vote_bodies(step, path)


def references(c: Constitution) -> Iterator[tuple[str, str, str]]:
    """``(path, name, 'body'|'actor')`` for every actor or body named anywhere in ``c``."""
    for body_id, body in c.bodies.items():
        for i, name in enumerate(body.exempt):
            yield f"bodies.{body_id}.exempt.{i}", name, "actor"
        if isinstance(body.seat_groups, Unknown):
            continue
        for g, group in enumerate(body.seat_groups):
            here = f"bodies.{body_id}.seat_groups.{g}"
            if isinstance(group, IndirectSeats):
                for i, name in enumerate(group.electors):
                    yield f"{here}.electors.{i}", name, "body"
            if isinstance(group, (AppointedSeats, IndirectSeats)) and isinstance(group.nominated_by, str):
                yield here + ".nominated_by", group.nominated_by, "actor"
            if isinstance(group, AppointedSeats):
                if isinstance(group.by, str):
                    yield here + ".by", group.by, "actor"
                for i, name in enumerate(group.after_consulting):
                    yield f"{here}.after_consulting.{i}", name, "actor"
                if not isinstance(group.consent, Unknown):
                    for i, vote in enumerate(group.consent):
                        yield from _vote_bodies(vote, f"{here}.consent.{i}")
    for proc_id, procedure in c.procedures.items():
        if isinstance(procedure, Unknown):
            continue
        for part in ("proposal", "decision"):
            for path, step in iter_steps(getattr(procedure, part), f"procedures.{proc_id}.{part}"):
                yield from _step_references(step, path)


def check_names(c: Constitution) -> list[Problem]:
    """Bodies and actors must not share ids; every name used must be a declared body or actor."""
    problems: list[Problem] = []
    for name in c.actors:
        if name in c.bodies:
            problems.append((f"actors.{name}", f"{name!r} is both a body and an actor", "rename one of them"))
    actors = set(c.actor_ids())
    for path, name, want in references(c):
        if want == "body" and name not in c.bodies:
            where = "consent step" if ".consent." in path or ".decision." in path else "reference"
            error = unknown_name("body", name, c.bodies, problem=f"unknown body {name!r} in a {where}",
                                 fix="declare it under 'bodies'")
            problems.append((path, error.problem, error.fix))
        elif want == "actor" and name not in actors:
            error = unknown_name("actor", name, actors, fix="declare it under 'actors' or 'bodies',")
            problems.append((path, error.problem, error.fix))
    return problems


def check_sizes(c: Constitution) -> list[Problem]:
    """Seat groups add up to the body's size; per-unit and per-constituency seats add up to the group's."""
    problems: list[Problem] = []
    for body_id, body in c.bodies.items():
        if isinstance(body.seat_groups, Unknown):
            continue
        here = f"bodies.{body_id}"
        seats = [g.seats for g in body.seat_groups]
        if not isinstance(body.size, Unknown) and not any(isinstance(s, Unknown) for s in seats):
            if sum(seats) != body.size:
                shown = " + ".join(f"{g.id} {g.seats}" for g in body.seat_groups) or "no seat groups"
                problems.append(
                    (here + ".size", f"the seat groups add up to {sum(seats)} ({shown}), but the size is {body.size}",
                     "make the seat groups add up to the size")
                )
        for g, group in enumerate(body.seat_groups):
            problems.extend(_group_sizes(group, f"{here}.seat_groups.{g}"))
    return problems


def _group_sizes(group, here: str) -> list[Problem]:
    if isinstance(group.seats, Unknown):
        return []
    if isinstance(group, IndirectSeats) and isinstance(group.units, int) and group.seats_per_unit:
        if group.units * group.seats_per_unit != group.seats:
            return [(here + ".seats", f"{group.units} units x {group.seats_per_unit} seats is not {group.seats}", None)]
    if isinstance(group, PopularSeats) and isinstance(group.system, dict):
        constituencies = group.constituencies if isinstance(group.constituencies, int) else None
        filled = tier_seats(group.system, constituencies)
        if filled is None or filled == group.seats:
            return []
        if group.system.get("kind", "list") == "list":
            per = group.system.get("seats")
            return [(here + ".system.seats",
                     f"{constituencies or 1} constituencies x {per} seats is not the group's {group.seats} seats",
                     "give the seats per constituency in 'system.seats'")]
        field = ".system.tiers" if group.system["kind"] == "parallel" else ".system.seats"
        return [(here + field, (f"the {group.system['kind']} tier fills {filled} seats, not the group's "
                                f"{group.seats}"), "make the tier's seats those of the seat group")]
    return []


def appointment_graph(c: Constitution) -> dict[str, set[str]]:
    """Who fills whom: ``appointer -> {bodies}`` for appointed seats (``by``) and indirect seats (``electors``)."""
    graph: dict[str, set[str]] = {}
    for body_id, group in c.iter_seat_groups():
        fillers = []
        if isinstance(group, AppointedSeats) and isinstance(group.by, str):
            fillers.append(group.by)
        if isinstance(group, IndirectSeats):
            fillers.extend(group.electors)
        for filler in fillers:
            graph.setdefault(filler, set()).add(body_id)
    return graph


def find_cycle(graph: dict[str, set[str] | list[str] | tuple[str, ...]]) -> list[str] | None:
    """One cycle of the directed ``graph`` as node names, the first repeated at the end, or ``None``.

    >>> find_cycle({"a": {"b"}, "b": {"a"}})
    ['a', 'b', 'a']
    """
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def check_cycles(c: Constitution) -> list[Problem]:
    """No body may (indirectly) fill itself: the who-fills-whom graph must have no cycle."""
    cycle = find_cycle(appointment_graph(c))
    if cycle:
        return [(f"bodies.{cycle[1]}.seat_groups", "bodies fill each other in a cycle: " + " -> ".join(cycle),
                 "at least one body in the chain must be filled by election or ex officio")]
    return []


def decision_ids(c: Constitution) -> tuple[str, ...]:
    """Every decision a ground may name: each procedure, and ``appoint:<body>.<group>`` for seats appointed
    with consent, or to an office (the decisions the engine builds)."""
    appointed = tuple(f"appoint:{body_id}.{group.id}" for body_id, group in c.iter_seat_groups()
                      if isinstance(group, AppointedSeats)
                      and (group.consent or c.bodies[body_id].kind in ("office", "offices")))
    return (*c.procedures, *appointed)


def ground_graph(c: Constitution) -> dict[str, set[str]]:
    """``procedure -> {decisions its grounds name}``: a dissolution after a vote of no confidence points there."""
    return {proc_id: {ground.decision for ground in iter_grounds(procedure.grounds) if hasattr(ground, "decision")}
            for proc_id, procedure in c.procedures.items() if not isinstance(procedure, Unknown)}


def check_grounds(c: Constitution) -> list[Problem]:
    """A ground names a decision of the same constitution, and no procedure is (indirectly) its own ground."""
    problems: list[Problem] = []
    known = decision_ids(c)
    graph = ground_graph(c)
    for proc_id, named in graph.items():
        for name in sorted(named - set(known)):
            error = unknown_name("decision", name, known, fix="name a procedure id or appoint:<body>.<seat group>",
                                 problem=f"a ground names the decision {name!r}, which this constitution does not have")
            problems.append((f"procedures.{proc_id}.grounds", error.problem, error.fix))
    cycle = find_cycle(graph)
    if cycle:
        problems.append((f"procedures.{cycle[0]}.grounds", "procedures are each other's grounds in a cycle: "
                         + " -> ".join(cycle), "a ground must name a decision that does not depend on this one"))
    return problems
