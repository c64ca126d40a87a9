"""Procedures become simple games over principals: the coalitions that can make a decision pass.

Translation of each step kind (see :mod:`reformlab.model.steps` for the law each expresses):

* ``approve {body, majority, base, strict}``: a weighted game over the body's principals, weighted by their
  seats, with the exact integer quota: "more than m of N" needs ``floor(m*N) + 1`` votes, "at least m of N"
  needs ``ceil(m*N)``. The base ``members`` is the body's seats; ``present`` and ``voting`` are read as full
  attendance (every member present and voting), which the note of the decision states.
* ``sign {by}`` and ``nominate {by}``: the principal of ``by`` must be in the coalition.
* ``veto {by, override}``: ``by`` agrees OR every override step passes.
* ``propose {by, initiative}``: one of ``by`` (a body in ``by`` means any of its members) OR the initiative
  share of a body's members. An unknown proposal step leaves agenda power out of the game, and says so.
* ``referendum``: the electorate must agree (player ``electorate``); its turnout rule is noted.
* ``any_of``: OR of the alternatives, each the AND of its steps. ``consult`` binds nobody: no game.

An appointment is a decision too: ``appoint:<body>.<group>`` (for every appointed office, and every seat
group appointed with consent) is the model's own reading of the seat group
(:meth:`reformlab.model.AppointedSeats.procedure`): the nomination (by ``nominated_by``, else the
appointer), the appointer's assent, and each consenting body's vote; so the prime minister's appointment is
measured like a law.

Anything the data mark unknown makes the decision unknown, with the reason; an unknown *majority* alone is
handled by building the game once per plausible majority (``ALTERNATIVE_MAJORITIES``) and reporting each.
A ``readings`` step (a wording not found, with a few plausible readings the data name with their grounds) is
built once per reading (per combination, when a decision has several), each labelled ``assuming <reading>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from reformlab.engine.filling import UNKNOWN_PRINCIPAL, Filling, principal_of
from reformlab.games import AndGame, Game, OrGame, WeightedGame
from reformlab.model import (
    AnyOfStep, ApproveStep, ConsultStep, NominateStep, ProposeStep, ReadingsStep, ReferendumStep, SignStep, Unknown,
    VetoStep, Vote,
)

#: Majorities tried, each as its own alternative, where the data leave a majority unknown.
ALTERNATIVE_MAJORITIES = (
    ("a majority of members", Fraction(1, 2), True),
    ("two thirds of members", Fraction(2, 3), False),
)
IMPOSSIBLE = "impossible"


class UnknownStep(Exception):
    """Raised inside the builder when a step cannot be turned into a game; carries the reason."""


class _ReadingNeeded(Exception):
    """Raised inside the builder at a ``readings`` step no reading was chosen for yet."""

    def __init__(self, step: ReadingsStep) -> None:
        super().__init__(step.missing)
        self.step = step


@dataclass(frozen=True)
class Decision:
    """One decision as a game, or the reason it cannot be told.

    Attributes:
        id: the procedure id (``ordinary_law``) or ``appoint:<body>.<group>``.
        label: what is decided.
        game: the simple game over principals (None when unknown or when it depends on an unknown majority).
        unknown: why the game cannot be built, if it cannot.
        alternatives: ``(assumption, game)`` pairs when only a majority is unknown.
        notes: readings the translation made (full attendance, agenda left out...).
        roles: player -> the steps in which the player appears (``"consent: majilis"``, ``"signature"``...).
        readings: ``(label, grounds, confidence, missing)`` of every reading the alternatives assume.
    """

    id: str
    label: str
    game: Game | None
    unknown: str | None = None
    alternatives: tuple[tuple[str, Game], ...] = ()
    notes: tuple[str, ...] = ()
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    readings: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def status(self) -> str:
        """``known``, ``alternatives`` (only a majority is unknown) or ``unknown``."""
        if self.game is not None:
            return "known"
        return "alternatives" if self.alternatives else "unknown"


class _Builder:
    def __init__(self, filling: Filling, majority: tuple[str, Fraction, bool] | None,
                 choices: tuple[int, ...] = ()) -> None:
        self.filling = filling
        self.majority = majority
        self.choices = choices  # the reading taken at each readings step met, in order
        self.met = 0
        self.notes: list[str] = []
        self.roles: dict[str, list[str]] = {}
        self.used_alternative = False

    def _role(self, player: str, role: str) -> None:
        self.roles.setdefault(player, [])
        if role not in self.roles[player]:
            self.roles[player].append(role)

    def player(self, actor: str) -> str:
        principal = principal_of(self.filling, actor)
        if principal == UNKNOWN_PRINCIPAL:
            raise UnknownStep(f"who controls {actor} is not known")
        return principal

    def single(self, actor: str, role: str) -> Game:
        player = self.player(actor)
        self._role(player, role)
        return WeightedGame({player: 1}, quota=1)

    def vote(self, vote: Vote, role: str) -> Game | str:
        if isinstance(vote.body, Unknown):
            raise UnknownStep(f"which body decides ({role}) is not known")
        majority, strict = vote.majority, vote.strict
        if isinstance(majority, Unknown):
            if self.majority is None:
                raise UnknownStep(f"the majority needed in {vote.body} ({role}) is not known")
            _, majority, strict = self.majority
            self.used_alternative = True
        if isinstance(vote.base, Unknown):
            raise UnknownStep(f"the base of the majority in {vote.body} ({role}) is not known")
        if vote.base in ("present", "voting"):
            self.notes.append(f"{vote.body}: the majority of those {vote.base} is read with every member present")
        body = self.filling.bodies.get(vote.body)
        if body is not None and not body.blocks and body.controlled_by is not None:
            if majority == Fraction(1, 2) and strict:  # the controller is taken to hold a majority, no more
                self.notes.append(f"{vote.body}: its members are not known; its assumed controller decides a simple majority")
                self._role(body.controlled_by, f"{role}: {vote.body}")
                return WeightedGame({body.controlled_by: 1}, quota=1)
            raise UnknownStep(f"the members of {vote.body} are not known beyond its assumed controller")
        if body is None or body.unknown or not body.blocks:
            reason = body.unknown if body is not None and body.unknown else f"the members of {vote.body} are not known"
            raise UnknownStep(reason)
        weights: dict[str, int] = {}
        for principal, seats in body.by_principal().items():
            if principal == UNKNOWN_PRINCIPAL:
                raise UnknownStep(f"who controls some seats of {vote.body} is not known")
            weights[principal] = seats
            self._role(principal, f"{role}: {vote.body}")
        members = sum(weights.values())
        need = majority * members
        quota = math.floor(need) + 1 if strict else math.ceil(need)
        if quota > members:
            return IMPOSSIBLE
        return WeightedGame(weights, quota=max(quota, 1))

    def steps(self, steps, role: str, path: str = "") -> Game | str | None:
        games = []
        for number, step in enumerate(steps):
            if isinstance(step, Unknown):
                ref = self.filling.constitution.ref(f"{path}.{number}") if path else None
                note = f": {ref.note}" if ref is not None and ref.note else ""
                raise UnknownStep(f"{role} step {number + 1} is not known{note}")
            game = self.step(step, role)
            if game is IMPOSSIBLE:
                return IMPOSSIBLE
            if game is not None:
                games.append(game)
        if not games:
            return None
        return games[0] if len(games) == 1 else AndGame(games)

    def step(self, step, role: str) -> Game | str | None:
        if isinstance(step, Unknown):
            raise UnknownStep(f"a {role} step is not known")
        if isinstance(step, ConsultStep):
            return None
        if isinstance(step, (SignStep, NominateStep)):
            return self.single(step.by, "nomination" if isinstance(step, NominateStep) else "signature")
        if isinstance(step, ApproveStep):
            return self.vote(step, "consent" if role == "decision" else role)
        if isinstance(step, VetoStep):
            if isinstance(step.override, Unknown):
                raise UnknownStep(f"how {step.by}'s veto is overridden is not known")
            override = self.steps(step.override, "override")
            veto = self.single(step.by, "veto")
            return veto if override in (None, IMPOSSIBLE) else OrGame([veto, override])
        if isinstance(step, ReferendumStep):
            self.notes.append("a referendum is modelled as the electorate's agreement (turnout rule noted, not simulated)")
            return self.single("electorate", "referendum")
        if isinstance(step, ProposeStep):
            return self.proposal(step)
        if isinstance(step, ReadingsStep):
            if self.met >= len(self.choices):
                raise _ReadingNeeded(step)
            reading = step.readings[self.choices[self.met]]
            self.met += 1
            return self.steps(reading.steps, role)
        if isinstance(step, AnyOfStep):
            routes = [self.steps(alternative, role) for alternative in step.alternatives]
            if any(route is None for route in routes):
                return None  # one route needs nobody's agreement
            routes = [route for route in routes if route is not IMPOSSIBLE]
            if not routes:
                return IMPOSSIBLE
            return routes[0] if len(routes) == 1 else OrGame(routes)
        raise UnknownStep(f"a step of kind {getattr(step, 'kind', type(step).__name__)} is not modelled")

    def proposal(self, step: ProposeStep) -> Game | None:
        options = []
        for actor in step.by:
            body = self.filling.bodies.get(actor)
            if body is not None and body.kind != "office" and body.blocks:
                members = list(body.by_principal())  # any one member of a chamber may initiate
                for principal in members:
                    self._role(principal, f"proposal: member of {actor}")
                options.append(WeightedGame({principal: 1 for principal in members}, quota=1))
            else:
                options.append(self.single(actor, "proposal"))
        if step.initiative is not None:
            initiative = self.vote(step.initiative, "initiative")
            if initiative is not IMPOSSIBLE:
                options.append(initiative)
        if not options:
            return None
        return options[0] if len(options) == 1 else OrGame(options)


def _build(decision_id: str, label: str, filling: Filling, proposal, decision, path: str = "") -> Decision:
    """The decision, built once per combination of readings when the procedure has ``readings`` steps."""
    pending: list[tuple[tuple[int, ...], tuple]] = [((), ())]
    built: list[tuple[tuple, Decision]] = []
    while pending:
        choices, readings = pending.pop(0)
        try:
            built.append((readings, _build_once(decision_id, label, filling, proposal, decision, path, choices)))
        except _ReadingNeeded as need:
            pending.extend((choices + (index,), readings + ((reading, need.step.missing),))
                           for index, reading in enumerate(need.step.readings))
    if len(built) == 1 and not built[0][0]:
        return built[0][1]
    return _under_readings(decision_id, label, built)


def _under_readings(decision_id: str, label: str, built: list[tuple[tuple, Decision]]) -> Decision:
    """One decision whose alternatives are every reading's game(s), each labelled with what it assumes."""
    alternatives, notes, roles, unknown, assumed = [], [], {}, None, {}
    for readings, one in built:
        assumption = "assuming " + "; ".join(reading.label for reading, _ in readings)
        for reading, missing in readings:
            assumed[reading.label] = (reading.label, reading.grounds, reading.confidence, missing)
        if one.game is not None:
            alternatives.append((assumption, one.game))
        alternatives.extend((f"{assumption}; {sub[len('assuming '):]}", game) for sub, game in one.alternatives)
        if one.game is None and not one.alternatives:
            notes.append(f"{assumption}: cannot tell, {one.unknown}")
            unknown = unknown or one.unknown
        notes.extend(one.notes)
        for player, player_roles in one.roles:
            roles.setdefault(player, dict.fromkeys(()))
            roles[player].update(dict.fromkeys(player_roles))
    missing = "; ".join(dict.fromkeys(m for _, _, _, m in assumed.values()))
    return Decision(decision_id, label, None, unknown=unknown or f"not found: {missing}",
                    alternatives=tuple(alternatives), notes=tuple(dict.fromkeys(notes)),
                    roles=tuple((p, tuple(r)) for p, r in roles.items()), readings=tuple(assumed.values()))


def _build_once(decision_id: str, label: str, filling: Filling, proposal, decision, path: str,
                choices: tuple[int, ...]) -> Decision:
    attempts = [None] + list(ALTERNATIVE_MAJORITIES)
    alternatives = []
    for majority in attempts:
        builder = _Builder(filling, majority, choices)
        try:
            if isinstance(proposal, Unknown):
                builder.notes.append("who may propose is not known: agenda power is left out of this game")
                parts = [builder.steps(decision, "decision", path and f"{path}.decision")]
            else:
                parts = [builder.steps(proposal, "proposal", path and f"{path}.proposal"),
                         builder.steps(decision, "decision", path and f"{path}.decision")]
        except UnknownStep as reason:
            if majority is None:
                first_reason = str(reason)
                if "majority needed" not in first_reason:
                    return Decision(decision_id, label, None, unknown=first_reason)
            continue
        game = _and(parts)
        roles = tuple((player, tuple(r)) for player, r in builder.roles.items())
        if majority is None:
            return Decision(decision_id, label, game, notes=tuple(dict.fromkeys(builder.notes)), roles=roles)
        alternatives.append((f"assuming {majority[0]}", game))
        notes, last_roles = builder.notes, roles
    if not alternatives:
        return Decision(decision_id, label, None, unknown=first_reason)
    return Decision(decision_id, label, None, unknown=first_reason, alternatives=tuple(alternatives),
                    notes=tuple(dict.fromkeys(notes)), roles=last_roles)


def _and(parts) -> Game | str:
    if IMPOSSIBLE in parts:
        return IMPOSSIBLE
    games = [part for part in parts if part is not None]
    if not games:
        return IMPOSSIBLE  # nobody needs to agree is not a decision the engine can measure
    return games[0] if len(games) == 1 else AndGame(games)


def decisions(filling: Filling) -> dict[str, Decision]:
    """Every procedure of the filled constitution, and every appointment needing consent, as a :class:`Decision`."""
    constitution = filling.constitution
    found: dict[str, Decision] = {}
    for proc_id, procedure in constitution.procedures.items():
        if isinstance(procedure, Unknown):
            ref = constitution.ref(f"procedures.{proc_id}")
            missing = ref.note if ref is not None and ref.note else "the procedure is not known"
            found[proc_id] = Decision(proc_id, proc_id.replace("_", " "), None, unknown=missing)
            continue
        found[proc_id] = _build(proc_id, procedure.label, filling, procedure.proposal, procedure.decision,
                                f"procedures.{proc_id}")
    for body_id, group in constitution.iter_seat_groups():
        office = constitution.bodies[body_id].kind in ("office", "offices")
        if group.filled_by != "appointed" or not (group.consent or office):
            continue
        decision_id = f"appoint:{body_id}.{group.id}"
        label = f"appointing {constitution.bodies[body_id].label}" + ("" if group.id == body_id else f" ({group.id})")
        if isinstance(group.by, Unknown) or isinstance(group.consent, Unknown):
            found[decision_id] = Decision(decision_id, label, None, unknown="who appoints, or who consents, is not known")
            continue
        procedure = group.procedure(label)  # nomination (by nominated_by, else by), assent, consent votes
        found[decision_id] = _build(decision_id, label, filling, procedure.proposal, procedure.decision)
    return found
