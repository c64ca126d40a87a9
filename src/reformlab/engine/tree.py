"""The decision tree: what it takes for one decision to pass, as a small typed value every analysis reads.

The engine (:func:`reformlab.engine.decisions.decisions`) is the one place that reads the law; it emits one
tree per decision, built from these frozen nodes::

    Vote(body, quota, seats)     the body's members vote; passes with quota.needed(members) yes votes
    AnyMember(body, members)     any one member of the body suffices (a deputy's initiative)
    Controller(body, principal)  whoever controls the body decides (a chamber's nomination, an office)
    Actor(name)                  one actor outside every body decides (the electorate)
    AllOf(parts) / AnyOf(parts)  every part must pass / one part suffices
    Never(reason) / Always()     no coalition can pass it / nobody's agreement is needed
    Unknown(gap, subject, reason)  a fact the data do not give; ``gap`` says which kind (:class:`Gap`)
    Alternatives(gap, readings)  a fact not known, with the bounded readings computed for it, each a
                                 :class:`Reading` (an assumption label and the tree under that assumption)

Everything else is a pure function of a tree: :func:`refusal` (who can make it fail), :func:`readings` (one plain tree per combination of
assumptions), :func:`unknowns`, :func:`simplify`, :func:`simple_game` (the simple game for power indices,
composed from :mod:`reformlab.games`), :func:`render` (the tree as indented text). The risk model evaluates
the same leaves over many draws of seats (:mod:`reformlab.analysis.risk.trees`).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Union

from reformlab.games import AndGame, Game, OrGame, WeightedGame


class Gap(str, Enum):
    """Which kind of fact is missing where a tree says :class:`Unknown`."""

    PROCEDURE = "procedure"  # the procedure as a whole
    STEP = "step"  # one step of the procedure
    STEP_KIND = "step_kind"  # a step of a kind the engine does not model
    BODY = "body"  # which body votes
    MAJORITY = "majority"  # the share a vote needs
    BASE = "base"  # what the share is of (members, present, voting)
    MEMBERS = "members"  # who sits in a body
    CONTROLLER = "controller"  # whom an actor, or some seats, answer to
    OVERRIDE = "override"  # how a veto is overridden
    APPOINTMENT = "appointment"  # who appoints, or who consents to an appointment
    WORDING = "wording"  # a step's wording not found, with the readings the data name
    GROUNDS = "grounds"  # when the procedure may be used at all (its grounds) was not found


@dataclass(frozen=True)
class Quota:
    """The exact majority of a vote: more than (``strict``) or at least ``majority`` of the ``base``.

    The base ``members`` counts the body's seats; ``present`` and ``voting`` are read with every member
    present and voting (the decision's notes say so), so every base counts the body's seats.
    """

    majority: Fraction
    base: str | None  # None: the data give no base (an assumed majority); counted as the members
    strict: bool

    def needed(self, members: int) -> int:
        """Yes votes needed out of ``members``: "more than m of N" is ``floor(m*N) + 1``, "at least m of N"
        is ``ceil(m*N)``; never fewer than one.

        >>> Quota(Fraction(1, 2), "members", True).needed(107), Quota(Fraction(2, 3), "members", False).needed(107)
        (54, 72)
        """
        need = self.majority * members
        return max(math.floor(need) + 1 if self.strict else math.ceil(need), 1)


@dataclass(frozen=True)
class Vote:
    """A vote of ``body`` by ``quota``; ``seats`` are its members as the filling counts them, by principal."""

    body: str
    quota: Quota
    seats: tuple[tuple[str, int], ...]
    role: str = "consent"

    @property
    def members(self) -> int:
        return sum(n for _, n in self.seats)

    @property
    def needed(self) -> int:
        return self.quota.needed(self.members)


@dataclass(frozen=True)
class AnyMember:
    """Any one member of ``body`` suffices (``members``: its principals)."""

    body: str
    members: tuple[str, ...]
    role: str = "proposal"


@dataclass(frozen=True)
class Controller:
    """Whoever controls ``body`` decides; ``principal`` is who that is in the filling."""

    body: str
    principal: str
    role: str = "signature"


@dataclass(frozen=True)
class Actor:
    """One actor that is no body of the constitution (the electorate, a party's principal) decides."""

    name: str
    role: str = "signature"


@dataclass(frozen=True)
class AllOf:
    """Every part must pass (the steps of a procedure, in order)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """One part suffices (alternative routes; a veto or its override)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Never:
    """No coalition can pass this (a quota above the body's seats)."""

    reason: str = "no coalition can make this decision"


@dataclass(frozen=True)
class Always:
    """Nobody's agreement is needed (a consultation; a proposal anyone may make)."""


@dataclass(frozen=True)
class Unknown:
    """A fact the data do not give: ``gap`` says which kind, ``subject`` where (a body, an actor, a path),
    ``reason`` says it in words for people (nothing branches on it)."""

    gap: Gap
    subject: str
    reason: str


@dataclass(frozen=True)
class Reading:
    """One reading of an unknown fact: the assumption in words, the tree under it, and, where the data
    give them, the grounds for the reading and its confidence."""

    assumption: str
    tree: Node
    grounds: str = ""
    confidence: str | None = None


@dataclass(frozen=True)
class Alternatives:
    """A fact the data do not give (``gap``), with the bounded set of readings computed for it."""

    gap: Unknown
    readings: tuple[Reading, ...]


Leaf = Union[Vote, AnyMember, Controller, Actor]
Node = Union[Vote, AnyMember, Controller, Actor, AllOf, AnyOf, Never, Always, Unknown, Alternatives]
LEAVES = (Vote, AnyMember, Controller, Actor)


def readings(tree: Node) -> tuple[tuple[str | None, Node], ...]:
    """``((assumption, plain tree), ...)``: one tree per combination of the readings of every
    :class:`Alternatives` node (labels joined by ``"; "``); ``((None, tree),)`` when the tree has none."""
    if isinstance(tree, Alternatives):
        found = []
        for reading in tree.readings:
            for label, plain in readings(reading.tree):
                found.append((reading.assumption if label is None else f"{reading.assumption}; {label}", plain))
        return tuple(found)
    if isinstance(tree, (AllOf, AnyOf)):
        options = [readings(part) for part in tree.parts]
        if all(len(option) == 1 and option[0][0] is None for option in options):
            return ((None, tree),)
        found = []
        for combination in itertools.product(*options):
            labels = [label for label, _ in combination if label is not None]
            found.append(("; ".join(dict.fromkeys(labels)) or None, type(tree)(tuple(t for _, t in combination))))
        return tuple(found)
    return ((None, tree),)


def refusal(tree: Node) -> Node:
    """The tree of *refusing* ``tree`` in its votes: the coalitions that can make a vote of it fail.

    A vote needing ``q`` of ``N`` fails when ``N - q + 1`` members vote no, so "more than m" turns into "at
    least 1 - m" and "at least m" into "more than 1 - m" (exact: ``N - ceil(mN) = floor((1 - m)N)``). All-of
    fails when any part fails, any-of when every part does. Actors and controllers outside the votes (the
    President who nominates the Prime Minister) do not refuse their own proposal: their parts never fail.
    Parliament "twice refuses consent to the appointment of the Prime Minister" (Art. 63(1), 1998) is the
    refusal of the appointment's consent votes.
    """
    if isinstance(tree, Vote):
        quota = tree.quota
        return Vote(tree.body, Quota(1 - quota.majority, quota.base, not quota.strict), tree.seats, "refusal")
    if isinstance(tree, (AllOf, AnyOf)):
        dual = AnyOf if isinstance(tree, AllOf) else AllOf
        return dual(tuple(refusal(part) for part in tree.parts))
    if isinstance(tree, Alternatives):
        return Alternatives(tree.gap, tuple(Reading(r.assumption, refusal(r.tree), r.grounds, r.confidence)
                                            for r in tree.readings))
    if isinstance(tree, Never):
        return Always()
    if isinstance(tree, Unknown):
        return tree
    return Never("the proposer does not refuse its own proposal")  # Always, actors, controllers, any member


def walk(tree: Node):
    """Every node of ``tree``, depth first, parents before children (readings of alternatives included)."""
    yield tree
    if isinstance(tree, (AllOf, AnyOf)):
        for part in tree.parts:
            yield from walk(part)
    elif isinstance(tree, Alternatives):
        for reading in tree.readings:
            yield from walk(reading.tree)


def unknowns(tree: Node) -> tuple[Unknown, ...]:
    """Every :class:`Unknown` in ``tree``, depth first (the gaps of :class:`Alternatives` are not counted:
    their readings settle them)."""
    return tuple(node for node in walk(tree) if isinstance(node, Unknown))


def leaves(tree: Node) -> tuple[Leaf, ...]:
    """Every actor or body leaf of ``tree``, depth first."""
    return tuple(node for node in walk(tree) if isinstance(node, LEAVES))


def simplify(tree: Node) -> Node:
    """``tree`` with :class:`Never` and :class:`Always` propagated: a part that never passes sinks an
    :class:`AllOf` and drops out of an :class:`AnyOf`; one that always passes drops out of an :class:`AllOf`
    and settles an :class:`AnyOf`; a combination of one part is that part. Unknowns are kept."""
    if isinstance(tree, (AllOf, AnyOf)):
        parts = [simplify(part) for part in tree.parts]
        sink, neutral = (Never, Always) if isinstance(tree, AllOf) else (Always, Never)
        for part in parts:
            if isinstance(part, sink):
                return part
        parts = [part for part in parts if not isinstance(part, neutral)]
        if not parts:
            return neutral()
        return parts[0] if len(parts) == 1 else type(tree)(tuple(parts))
    if isinstance(tree, Alternatives):
        return Alternatives(tree.gap, tuple(Reading(r.assumption, simplify(r.tree), r.grounds, r.confidence)
                                            for r in tree.readings))
    return tree


def simple_game(tree: Node) -> Game:
    """The simple game over principals whose winning coalitions are those that can make ``tree`` pass.

    A vote is a :class:`~reformlab.games.WeightedGame` of the members' seats with the exact quota; any
    member is a weighted game of quota 1 over the members; a controller or an actor is a one-player game;
    all-of / any-of are :class:`~reformlab.games.AndGame` / :class:`~reformlab.games.OrGame`.

    Raises:
        ValueError: ``tree`` is not a plain, simplified tree (it holds :class:`Never`, :class:`Always`,
            :class:`Unknown` or :class:`Alternatives`): such a tree has no game; ask :func:`simplify` and
            :func:`readings` first.
    """
    if isinstance(tree, Vote):
        return WeightedGame(dict(tree.seats), quota=tree.needed)
    if isinstance(tree, AnyMember):
        return WeightedGame({member: 1 for member in tree.members}, quota=1)
    if isinstance(tree, Controller):
        return WeightedGame({tree.principal: 1}, quota=1)
    if isinstance(tree, Actor):
        return WeightedGame({tree.name: 1}, quota=1)
    if isinstance(tree, AllOf):
        return AndGame([simple_game(part) for part in tree.parts])
    if isinstance(tree, AnyOf):
        return OrGame([simple_game(part) for part in tree.parts])
    raise ValueError(f"a {type(tree).__name__} node has no simple game")


def render(tree: Node, indent: str = "") -> str:
    """``tree`` as indented text, one node a line (for docs, debugging and ``show``)."""
    if isinstance(tree, Vote):
        quota = tree.quota
        words = "more than" if quota.strict else "at least"
        base = quota.base or "members (no base given)"
        line = f"vote of {tree.body}: {words} {quota.majority} of {base} = {tree.needed} of {tree.members}"
    elif isinstance(tree, AnyMember):
        line = f"any member of {tree.body}"
    elif isinstance(tree, Controller):
        line = f"controller of {tree.body} ({tree.principal})"
    elif isinstance(tree, Actor):
        line = f"actor {tree.name}"
    elif isinstance(tree, (AllOf, AnyOf)):
        head = "all of" if isinstance(tree, AllOf) else "any of"
        return "\n".join([f"{indent}{head}"] + [render(part, indent + "  ") for part in tree.parts])
    elif isinstance(tree, Alternatives):
        lines = [f"{indent}alternatives ({tree.gap.gap.value}: {tree.gap.reason})"]
        for reading in tree.readings:
            lines += [f"{indent}  {reading.assumption}:", render(reading.tree, indent + "    ")]
        return "\n".join(lines)
    elif isinstance(tree, Never):
        line = f"never ({tree.reason})"
    elif isinstance(tree, Always):
        line = "always"
    else:
        line = f"unknown {tree.gap.value} ({tree.reason})"
    return indent + line


def decision_key(decision_id: str, assumption: str | None) -> str:
    """The one key of "a decision under an assumption": ``ordinary_law`` or ``ordinary_law (assuming ...)``."""
    return decision_id if assumption is None else f"{decision_id} ({assumption})"
