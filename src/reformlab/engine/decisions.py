"""The one place that reads the law: every procedure becomes a typed decision tree (:mod:`reformlab.engine.tree`).

Translation of each step kind (see :mod:`reformlab.model.steps` for the law each expresses):

* ``approve {body, majority, base, strict}``: a :class:`~reformlab.engine.tree.Vote` of the body's principals,
  weighted by their seats, with the exact integer quota: "more than m of N" needs ``floor(m*N) + 1`` votes, "at least m of N"
  needs ``ceil(m*N)``. The base ``members`` is the body's seats; ``present`` and ``voting`` are read as full
  attendance (every member present and voting), which the note of the decision states.
* ``sign {by}`` and ``nominate {by}``: the principal of ``by`` must agree (the controller of a body, or an actor).
* ``veto {by, override}``: ``by`` agrees OR every override step passes (no override steps: ``by`` alone).
* ``propose {by, initiative}``: one of ``by`` (a body in ``by`` means any of its members) OR the initiative
  share of a body's members. An unknown proposal step leaves agenda power out of the game, and says so.
* ``referendum``: the electorate must agree (actor ``electorate``); its turnout rule is noted.
* ``any_of``: any one of the alternatives, each all of its steps. ``consult`` binds nobody (always passes).
* a quota above the body's seats can never be reached (never).

An appointment is a decision too: ``appoint:<body>.<group>`` (for every appointed office, and every seat
group appointed with consent) is the model's own reading of the seat group
(:meth:`reformlab.model.AppointedSeats.procedure`): the nomination (by ``nominated_by``, else the
appointer), the appointer's assent, and each consenting body's vote; so the prime minister's appointment is
measured like a law.

Anything the data mark unknown becomes an :class:`~reformlab.engine.tree.Unknown` node with its
:class:`~reformlab.engine.tree.Gap`, and the decision cannot be told; where every gap is an unknown *majority*,
the tree is built once per plausible majority (``ALTERNATIVE_MAJORITIES``) and the decision is an
:class:`~reformlab.engine.tree.Alternatives` of the readings. A ``readings`` step (a wording not found, with
the few plausible readings the data name, each with its grounds) is an :class:`~reformlab.engine.tree.Alternatives`
too, one :class:`~reformlab.engine.tree.Reading` per reading, labelled ``assuming <reading>``.

A procedure open only on listed grounds (dissolution before 2007: after a vote of no confidence, after two
refusals of consent to the Prime Minister) has those grounds in its tree, between proposal and decision, and
states them and its limits as :attr:`Decision.conditions` (:mod:`reformlab.engine.grounds`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction

from reformlab.engine.filling import UNKNOWN_PRINCIPAL, Filling, principal_of
from reformlab.engine.grounds import Condition, conditions, ground_tree, note_of, only_if
from reformlab.engine.tree import (
    Actor, Alternatives, AllOf, Always, AnyMember, AnyOf, Controller, Gap, Never, Node, Quota, Reading, Unknown,
    Vote, leaves, readings, simple_game, simplify, unknowns, walk,
)
from reformlab.games import Game
from reformlab.model import (
    AnyOfStep, ApproveStep, ConsultStep, NominateStep, ProposeStep, ReadingsStep, ReferendumStep, SignStep, VetoStep,
)
from reformlab.model import Unknown as UnknownValue
from reformlab.model import Vote as VoteRule

#: Majorities tried, each as its own alternative, where the data leave a majority unknown.
ALTERNATIVE_MAJORITIES = (
    ("a majority of members", Fraction(1, 2), True),
    ("two thirds of members", Fraction(2, 3), False),
)


@dataclass(frozen=True)
class Decision:
    """One decision as a tree (:mod:`reformlab.engine.tree`), with the readings the translation made.

    Attributes:
        id: the procedure id (``ordinary_law``) or ``appoint:<body>.<group>``.
        label: what is decided.
        tree: what it takes to pass, as the law says it (unknowns and alternatives included).
        notes: readings the translation made (full attendance, agenda left out...).
        roles: player -> the steps in which the player appears (``"consent: majilis"``, ``"signature"``...).
        conditions: its grounds and limits in words (the grounds are in ``tree`` too; limits bind everyone).
    """

    id: str
    label: str
    tree: Node
    notes: tuple[str, ...] = ()
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    conditions: tuple[Condition, ...] = ()

    @property
    def only_if(self) -> str | None:
        """``"only if after a vote of no confidence (Art. 63(1)), or ..."``, or None when the decision is open
        at will."""
        return only_if(self.conditions)

    @cached_property
    def trees(self) -> tuple[tuple[str | None, Node], ...]:
        """``((assumption, simplified tree), ...)`` for every reading that can be told: one with assumption
        None for a known decision, one per assumption for alternatives, none for an unknown decision."""
        return tuple((label, simplify(tree)) for label, tree in readings(self.tree) if not unknowns(tree))

    @property
    def status(self) -> str:
        """``known``, ``alternatives`` (told under each of a bounded set of assumptions) or ``unknown``."""
        told = self.trees
        if not told:
            return "unknown"
        return "known" if told[0][0] is None else "alternatives"

    @property
    def unknown(self) -> str | None:
        """Why the decision cannot be told without an assumption (the first gap), or None."""
        gaps = unknowns(self.tree)
        if gaps:
            return gaps[0].reason
        alternatives = [node for node in walk(self.tree) if isinstance(node, Alternatives)]
        return alternatives[0].gap.reason if alternatives else None


def games(decision: Decision) -> tuple[tuple[str | None, Game | None], ...]:
    """``((assumption, game), ...)`` for every reading of ``decision`` that can be told; the game is None
    where no coalition can pass (or nobody need agree): :func:`~reformlab.engine.tree.simple_game`."""
    return tuple((label, None if isinstance(tree, (Never, Always)) else simple_game(tree))
                 for label, tree in decision.trees)


class _Builder:
    def __init__(self, filling: Filling, majority: tuple[str, Fraction, bool] | None) -> None:
        self.filling = filling
        self.majority = majority
        self.notes: list[str] = []
        self.roles: dict[str, list[str]] = {}

    def _role(self, player: str, role: str) -> None:
        self.roles.setdefault(player, [])
        if role not in self.roles[player]:
            self.roles[player].append(role)

    def single(self, actor: str, role: str) -> Node:
        principal = principal_of(self.filling, actor)
        if principal == UNKNOWN_PRINCIPAL:
            return Unknown(Gap.CONTROLLER, actor, f"who controls {actor} is not known")
        self._role(principal, role)
        if actor in self.filling.bodies:
            return Controller(actor, principal, role)
        return Actor(principal, role)

    def vote(self, vote: VoteRule, role: str) -> Node:
        if isinstance(vote.body, UnknownValue):
            return Unknown(Gap.BODY, role, f"which body decides ({role}) is not known")
        majority, strict = vote.majority, vote.strict
        if isinstance(majority, UnknownValue):
            if self.majority is None:
                return Unknown(Gap.MAJORITY, vote.body, f"the majority needed in {vote.body} ({role}) is not known")
            _, majority, strict = self.majority
        if isinstance(vote.base, UnknownValue):
            return Unknown(Gap.BASE, vote.body, f"the base of the majority in {vote.body} ({role}) is not known")
        if vote.base in ("present", "voting"):
            self.notes.append(f"{vote.body}: the majority of those {vote.base} is read with every member present")
        body = self.filling.bodies.get(vote.body)
        if body is not None and not body.blocks and body.controlled_by is not None:
            if majority == Fraction(1, 2) and strict:  # the controller is taken to hold a majority, no more
                self.notes.append(f"{vote.body}: its members are not known; its assumed controller decides a simple majority")
                self._role(body.controlled_by, f"{role}: {vote.body}")
                return Controller(vote.body, body.controlled_by, role)
            return Unknown(Gap.MEMBERS, vote.body,
                           f"the members of {vote.body} are not known beyond its assumed controller")
        if body is None or body.unknown or not body.blocks:
            reason = body.unknown if body is not None and body.unknown else f"the members of {vote.body} are not known"
            return Unknown(Gap.MEMBERS, vote.body, reason)
        seats = body.by_principal()
        if UNKNOWN_PRINCIPAL in seats:
            return Unknown(Gap.CONTROLLER, vote.body, f"who controls some seats of {vote.body} is not known")
        for principal in seats:
            self._role(principal, f"{role}: {vote.body}")
        quota = Quota(majority, vote.base, strict)
        members = sum(seats.values())
        if quota.needed(members) > members:
            return Never(f"{vote.body} cannot reach {quota.needed(members)} votes of {members}")
        return Vote(vote.body, quota, tuple(seats.items()), role)

    def steps(self, steps, role: str, path: str = "") -> Node:
        parts = []
        for number, step in enumerate(steps):
            if isinstance(step, UnknownValue):
                ref = self.filling.constitution.ref(f"{path}.{number}") if path else None
                note = f": {ref.note}" if ref is not None and ref.note else ""
                parts.append(Unknown(Gap.STEP, f"{path}.{number}" if path else role,
                                     f"{role} step {number + 1} is not known{note}"))
                continue
            parts.append(self.step(step, role))
        return AllOf(tuple(parts))

    def step(self, step, role: str) -> Node:
        if isinstance(step, ConsultStep):
            return Always()
        if isinstance(step, (SignStep, NominateStep)):
            return self.single(step.by, "nomination" if isinstance(step, NominateStep) else "signature")
        if isinstance(step, ApproveStep):
            return self.vote(step, "consent" if role == "decision" else role)
        if isinstance(step, VetoStep):
            if isinstance(step.override, UnknownValue):
                return Unknown(Gap.OVERRIDE, step.by, f"how {step.by}'s veto is overridden is not known")
            override = self.steps(step.override, "override") if step.override else Never("no override")
            return AnyOf((self.single(step.by, "veto"), override))
        if isinstance(step, ReferendumStep):
            self.notes.append("a referendum is modelled as the electorate's agreement (turnout rule noted, not simulated)")
            return self.single("electorate", "referendum")
        if isinstance(step, ProposeStep):
            return self.proposal(step)
        if isinstance(step, AnyOfStep):
            return AnyOf(tuple(self.steps(alternative, role) for alternative in step.alternatives))
        if isinstance(step, ReadingsStep):
            gap = Unknown(Gap.WORDING, role, step.missing)
            return Alternatives(gap, tuple(
                Reading(f"assuming {r.label}", self.steps(r.steps, role), grounds=r.grounds, confidence=r.confidence)
                for r in step.readings))
        kind = getattr(step, "kind", type(step).__name__)
        return Unknown(Gap.STEP_KIND, str(kind), f"a step of kind {kind} is not modelled")

    def proposal(self, step: ProposeStep) -> Node:
        options = []
        for actor in step.by:
            body = self.filling.bodies.get(actor)
            if body is not None and body.kind != "office" and body.blocks:
                members = tuple(body.by_principal())  # any one member of a chamber may initiate
                for principal in members:
                    self._role(principal, f"proposal: member of {actor}")
                options.append(AnyMember(actor, members))
            else:
                options.append(self.single(actor, "proposal"))
        if step.initiative is not None:
            options.append(self.vote(step.initiative, "initiative"))
        return AnyOf(tuple(options)) if options else Always()


def _tree(builder: _Builder, proposal, decision, path: str, ground: Node | None = None) -> Node:
    if isinstance(proposal, UnknownValue):
        builder.notes.append("who may propose is not known: agenda power is left out of this game")
        parts = (builder.steps(decision, "decision", path and f"{path}.decision"),)
    else:
        parts = (builder.steps(proposal, "proposal", path and f"{path}.proposal"),
                 builder.steps(decision, "decision", path and f"{path}.decision"))
    if ground is not None:  # the grounds come after the proposal: nobody decides before one has arisen
        parts = (*parts[:-1], ground, parts[-1])
    return AllOf(parts)


def _build(decision_id: str, label: str, filling: Filling, proposal, decision, path: str = "",
           ground: Node | None = None, conditions: tuple[Condition, ...] = ()) -> Decision:
    builder = _Builder(filling, None)
    tree = _tree(builder, proposal, decision, path, ground)
    gaps = unknowns(tree)
    if not gaps:
        return Decision(decision_id, label, tree, tuple(dict.fromkeys(builder.notes)), _roles(builder, ground),
                        conditions)
    if any(gap.gap is not Gap.MAJORITY for gap in gaps):
        return Decision(decision_id, label, tree, conditions=conditions)
    found, notes, roles = [], (), ()
    for majority in ALTERNATIVE_MAJORITIES:
        builder = _Builder(filling, majority)
        reading = _tree(builder, proposal, decision, path, ground)
        if unknowns(reading):
            continue
        found.append(Reading(f"assuming {majority[0]}", reading))
        notes, roles = tuple(dict.fromkeys(builder.notes)), _roles(builder, ground)
    if not found:
        return Decision(decision_id, label, tree, conditions=conditions)
    return Decision(decision_id, label, Alternatives(gaps[0], tuple(found)), notes, roles, conditions)


def _roles(builder: _Builder, ground: Node | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each player's roles; a player who can bring a ground about has ``ground: <body>`` (or ``ground``)."""
    for leaf in () if ground is None else leaves(ground):
        players = [p for p, _ in leaf.seats] if isinstance(leaf, Vote) else \
            list(leaf.members) if isinstance(leaf, AnyMember) else \
            [leaf.principal if isinstance(leaf, Controller) else leaf.name]
        for player in players:
            builder._role(player, f"ground: {leaf.body}" if hasattr(leaf, "body") else "ground")
    return tuple((player, tuple(r)) for player, r in builder.roles.items())


def decisions(filling: Filling) -> dict[str, Decision]:
    """Every procedure of the filled constitution, and every appointment needing consent, as a :class:`Decision`."""
    constitution = filling.constitution
    appointments = _appointments(filling)
    found: dict[str, Decision] = {}

    def build(proc_id: str) -> Decision:  # grounds name other decisions; the model refuses cycles
        if proc_id in found:
            return found[proc_id]
        procedure = constitution.procedures[proc_id]
        if isinstance(procedure, UnknownValue):
            gap = Unknown(Gap.PROCEDURE, f"procedures.{proc_id}", note_of(constitution, f"procedures.{proc_id}",
                                                                      "the procedure is not known"))
            found[proc_id] = Decision(proc_id, proc_id.replace("_", " "), gap)
            return found[proc_id]
        path = f"procedures.{proc_id}"
        ground = ground_tree(procedure.grounds, lambda named: (appointments.get(named) or build(named)).tree,
                             f"{path}.grounds", note_of(constitution, f"{path}.grounds", "the grounds were not found"))
        stated = conditions(procedure, constitution, path)
        found[proc_id] = _build(proc_id, procedure.label, filling, procedure.proposal, procedure.decision, path,
                                ground, stated)
        return found[proc_id]

    for proc_id in constitution.procedures:
        build(proc_id)
    return {**found, **appointments}


def _appointments(filling: Filling) -> dict[str, Decision]:
    """Every appointment needing consent (and every appointed office) as a decision ``appoint:<body>.<group>``."""
    constitution = filling.constitution
    found: dict[str, Decision] = {}
    for body_id, group in constitution.iter_seat_groups():
        office = constitution.bodies[body_id].kind in ("office", "offices")
        if group.filled_by != "appointed" or not (group.consent or office):
            continue
        decision_id = f"appoint:{body_id}.{group.id}"
        label = f"appointing {constitution.bodies[body_id].label}" + ("" if group.id == body_id else f" ({group.id})")
        if isinstance(group.by, UnknownValue) or isinstance(group.consent, UnknownValue):
            gap = Unknown(Gap.APPOINTMENT, f"{body_id}.{group.id}", "who appoints, or who consents, is not known")
            found[decision_id] = Decision(decision_id, label, gap)
            continue
        procedure = group.procedure(label)  # nomination (by nominated_by, else by), assent, consent votes
        found[decision_id] = _build(decision_id, label, filling, procedure.proposal, procedure.decision)
    return found
