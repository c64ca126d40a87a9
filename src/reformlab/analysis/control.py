"""Control: whose principals fill each body, and for each decision who can pass it alone or block it.

Answers come with witnesses, not bare booleans: a veto player comes with the steps that give the veto
(consent in a chamber, a signature, a nomination), "passes alone" with the coalition that wins, and every
decision with its minimal winning coalitions (up to a bound).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction

from reformlab.analysis.witnesses import typed_witnesses
from reformlab.engine.decisions import Decision, decisions
from reformlab.engine.filling import Filling
from reformlab.engine.tree import Always, Never, Node, simple_game
from reformlab.games import Game, dictator, minimal_winning_coalitions, smallest_winning_coalition, veto_players
from reformlab.errors import ReformlabError

MAX_WITNESSES = 12


@dataclass(frozen=True)
class BodyShare:
    """Seats of one principal in one body."""

    body: str
    principal: str
    seats: int
    share: Fraction
    how: tuple[str, ...]


@dataclass(frozen=True)
class GameControl:
    """Who controls one game: veto players, the dictator, a smallest winning coalition, minimal winners."""

    players: tuple[str, ...]
    veto_players: tuple[str, ...]
    dictator: str | None
    smallest_winning: tuple[str, ...] | None
    minimal_winning: tuple[tuple[str, ...], ...]
    impossible: bool = False

    @classmethod
    def of_tree(cls, tree: Node) -> GameControl:
        """Control of a plain, simplified decision tree (see :attr:`Decision.trees`): no coalition can
        pass :class:`Never`; the empty coalition passes :class:`Always`; otherwise control of its game.

        Kept for the last :data:`TREES_KEPT` trees (a tree is a frozen value, and control is a function of
        it alone): a reform that leaves a decision's tree as it was, such as a threshold that lets the
        same lists in, reuses its control instead of enumerating the game again."""
        return _control_of_tree(cls, tree)

    @classmethod
    def _of_tree(cls, tree: Node) -> GameControl:
        if isinstance(tree, Never):
            return cls((), (), None, None, (), impossible=True)
        if isinstance(tree, Always):
            return cls((), (), None, (), ((),))
        return cls.of(simple_game(tree))

    @classmethod
    def of(cls, game: Game) -> GameControl:
        typed = typed_witnesses(game, MAX_WITNESSES) if len(game.players) > 16 else None
        if typed is not None:
            smallest, minimal = typed
        else:
            found = smallest_winning_coalition(game)
            smallest = None if found is None else tuple(sorted(found))
            try:
                minimal = tuple(
                    tuple(sorted(c)) for c in minimal_winning_coalitions(game, max_coalitions=MAX_WITNESSES)
                )
            except ReformlabError as error:  # more than MAX_WITNESSES (2023: 7 independents): show the smallest
                if error.field != "max_coalitions":
                    raise
                minimal = ()
        return cls(
            players=tuple(game.players),
            veto_players=tuple(veto_players(game)),
            dictator=dictator(game),
            smallest_winning=smallest,
            minimal_winning=tuple(minimal),
        )

    def role(self, actor: str) -> str:
        """``passes alone``, ``veto`` (can block, cannot pass alone) or ``none``."""
        if self.dictator == actor:
            return "passes alone"
        if actor in self.veto_players:
            return "veto"
        return "none"


@dataclass(frozen=True)
class ProcedureControl:
    """Control of one decision: a :class:`GameControl`, or one per assumed majority, or the unknown reason."""

    id: str
    label: str
    status: str
    control: GameControl | None = None
    alternatives: tuple[tuple[str, GameControl], ...] = ()
    unknown: str | None = None
    notes: tuple[str, ...] = ()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    only_if: str | None = None  # its grounds and limits in words ("only if after a vote of no confidence ...")

    @property
    def dictator(self) -> str | None:
        return None if self.control is None else self.control.dictator

    def role(self, actor: str) -> str | None:
        """The actor's role (see :meth:`GameControl.role`); with alternatives, the role when all agree;
        ``None`` when it cannot be told."""
        if self.control is not None:
            return self.control.role(actor)
        roles = {c.role(actor) for _, c in self.alternatives}
        return roles.pop() if len(roles) == 1 else None

    def to_dict(self) -> dict:
        def game(c: GameControl) -> dict:
            return {
                "veto_players": list(c.veto_players), "dictator": c.dictator, "impossible": c.impossible,
                "smallest_winning": None if c.smallest_winning is None else list(c.smallest_winning),
                "minimal_winning": [list(m) for m in c.minimal_winning],
            }

        return {
            "id": self.id, "label": self.label, "status": self.status, "unknown": self.unknown,
            "control": None if self.control is None else game(self.control),
            "alternatives": [{"assumption": a, **game(c)} for a, c in self.alternatives],
            "notes": list(self.notes), "roles": {k: list(v) for k, v in self.roles.items()},
            "only_if": self.only_if,
        }


@dataclass(frozen=True)
class DecisionTally:
    """One actor's decisions on one side, counted once for every place that states them (the claims' "all
    decisions", the report's summary and key figures): the role in each decision that can be told, and the
    decisions whose role cannot be (a rule unknown, or readings that disagree).

    Attributes:
        roles: ``((decision id, role), ...)`` for every decision whose role can be told.
        untold: the ids of the decisions whose role cannot be told.
    """

    roles: tuple[tuple[str, str], ...]
    untold: tuple[str, ...]

    @property
    def told(self) -> int:
        return len(self.roles)

    @property
    def alone(self) -> tuple[str, ...]:
        """The decisions the actor passes alone."""
        return tuple(d for d, role in self.roles if role == "passes alone")

    @property
    def total(self) -> int:
        return len(self.roles) + len(self.untold)


def decision_tally(procedures, actor: str) -> DecisionTally:
    """:class:`DecisionTally` of ``procedures`` (id -> anything with ``role(actor)``: a
    :class:`ProcedureControl`, or a robustness level's)."""
    roles = {proc_id: pc.role(actor) for proc_id, pc in procedures.items()}
    return DecisionTally(tuple((d, r) for d, r in roles.items() if r is not None),
                         tuple(d for d, r in roles.items() if r is None))


@dataclass(frozen=True)
class Control:
    """Control of a filled constitution: body shares and per-decision control."""

    filling: Filling
    bodies: tuple[BodyShare, ...]
    procedures: dict[str, ProcedureControl]

    def tally(self, actor: str) -> DecisionTally:
        """The actor's role in every decision that can be told, and the decisions that cannot."""
        return decision_tally(self.procedures, actor)

    def frame(self):
        """Body shares as a pandas DataFrame (body, principal, seats, share)."""
        import pandas as pd

        return pd.DataFrame(
            [(s.body, s.principal, s.seats, float(s.share), "; ".join(s.how)) for s in self.bodies],
            columns=["body", "principal", "seats", "share", "how"],
        )

    def to_dict(self) -> dict:
        bodies: dict[str, dict] = {}
        for share in self.bodies:
            bodies.setdefault(share.body, {})[share.principal] = {
                "seats": share.seats, "share": str(share.share), "how": list(share.how)
            }
        for body in self.filling.bodies.values():
            if body.unknown:
                bodies[body.id] = {"unknown": body.unknown, "controlled_by": body.controlled_by}
        return {
            "bodies": bodies,
            "procedures": {k: v.to_dict() for k, v in self.procedures.items()},
            "checks": list(self.filling.checks),
        }


def body_shares(filling: Filling) -> tuple[BodyShare, ...]:
    """Every body's seats by principal (bodies whose membership is unknown are left out)."""
    shares = []
    for body in filling.bodies.values():
        total = sum(b.seats for b in body.blocks)
        if body.unknown or not total:
            continue
        for principal, seats in body.by_principal().items():
            how = tuple(dict.fromkeys(b.how for b in body.blocks if b.principal == principal))
            shares.append(BodyShare(body.id, principal, seats, Fraction(seats, total), how))
    return tuple(shares)


#: How many decision trees keep their control (and, in :mod:`.power`, their power) in memory.
TREES_KEPT = 1024


@functools.lru_cache(maxsize=TREES_KEPT)
def _control_of_tree(cls, tree: Node) -> GameControl:
    return cls._of_tree(tree)


def procedure_control(decision: Decision) -> ProcedureControl:
    """Control of one :class:`~reformlab.engine.decisions.Decision`."""
    roles = dict(decision.roles)
    common = dict(id=decision.id, label=decision.label, status=decision.status, notes=decision.notes, roles=roles,
                  only_if=decision.only_if)
    if decision.status == "known":
        return ProcedureControl(**common, control=GameControl.of_tree(decision.trees[0][1]))
    alternatives = tuple((a, GameControl.of_tree(tree)) for a, tree in decision.trees)
    return ProcedureControl(**common, alternatives=alternatives, unknown=decision.unknown)


def control(filling: Filling, built: dict[str, Decision] | None = None) -> Control:
    """Control of every body and decision of a filled constitution (``built``: its decisions, when the
    caller already holds them, so they are not built twice)."""
    found = {k: procedure_control(d) for k, d in (decisions(filling) if built is None else built).items()}
    return Control(filling, body_shares(filling), found)
