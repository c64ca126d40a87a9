"""One filling read under a combination of assumptions: tokens mapped to principals, trees and fillings re-mapped.

A combination of options (:mod:`reformlab.analysis.assumptions`) maps each token of the neutral filling to a
principal (:func:`token_mapping`); a body whose seats make a principal the majority resolves to that principal
(:func:`resolver`, as the filler does for appointers). Re-mapping the leaves of the engine's trees
(:func:`remap`) then gives every combination's trees without filling again. :func:`split_defectors` splits one
seat of each defection off its party as its own token, before any of this.
"""

from __future__ import annotations

import dataclasses

from reformlab.analysis.assumptions import OWN, WITH
from reformlab.engine.filling import Filling, SeatBlock
from reformlab.engine.tree import Actor, AllOf, Alternatives, AnyMember, AnyOf, Controller, Node, Vote


def token_mapping(space, picks: dict[str, str]) -> dict[str, str]:
    """Every token of ``space`` mapped to its principal under ``picks`` (``{subject: option principal}``;
    a subject not picked takes its first option)."""
    mapping: dict[str, str] = {}
    later = []
    for choice in space:
        principal = picks.get(choice.subject, choice.options[0].principal)
        for token in choice.members:
            if principal == OWN:
                mapping[token] = token
            elif principal == WITH:
                later.append((token, choice.party))
            else:
                mapping[token] = principal
    for token, party in later:
        mapping[token] = mapping.get(party, party)
    return mapping


def split_defectors(filling: Filling, space) -> Filling:
    """``filling`` with one seat of each defection choice split off as its own token."""
    bodies = dict(filling.bodies)
    for choice in space:
        if choice.kind != "defection":
            continue
        body_id, group = choice.seat
        body = bodies[body_id]
        blocks = []
        done = False
        for b in body.blocks:
            if not done and b.group == group and b.party == choice.party and b.seats >= 2:
                blocks += [dataclasses.replace(b, seats=b.seats - 1),
                           SeatBlock(b.body, b.group, 1, b.filled_by, b.party, b.selector, choice.tokens[0], b.how)]
                done = True
            else:
                blocks.append(b)
        bodies[body_id] = dataclasses.replace(body, blocks=tuple(blocks))
    return dataclasses.replace(filling, bodies=bodies)


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
