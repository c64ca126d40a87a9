"""How robust is each verdict? Every claim and control figure over every combination of assumptions.

The space is the product of each side's :class:`~reformlab.analysis.assumptions.Choice` (a subject both sides
assume, such as who controls the maslikhats, is one choice). Up to :data:`EXACT_LIMIT` combinations are
enumerated exactly; beyond, ``samples`` combinations are drawn with ``seed`` and the share carries a 95%
Wilson interval. For each verdict: the share of combinations in which it holds (and the share weighted by
the options' confidence), and the smallest set of assumption changes that flips it, with the seats of the
subjects involved.

Each side is filled once under the neutral scenario; a combination re-maps its trees
(:func:`~reformlab.analysis.remap.remap`), and a side whose own choices a combination leaves as they
were is reused from a cache. Control is read off the trees by :func:`reformlab.analysis.margins.level`.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass, field

import numpy as np

from reformlab.analysis.assumptions import Choice, choices, inferred_controllers, neutral
from reformlab.analysis.remap import remap, remap_filling, resolver, split_defectors, token_mapping
from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.margins import level, surplus
from reformlab.engine.decisions import Decision
from reformlab.engine.tree import Always, AnyMember, Controller, Never, Vote, leaves

EXACT_LIMIT = 2**16
ROLES = {2: "passes alone", 1: "veto", 0: "none"}


@dataclass(frozen=True)
class LevelProcedure:
    """A decision's control read off its trees (the role of an actor is its :func:`level`)."""

    decision: Decision

    @property
    def status(self) -> str:
        return self.decision.status

    @property
    def unknown(self) -> str | None:
        return self.decision.unknown

    def role(self, actor: str) -> str | None:
        if self.decision.status == "unknown":
            return None
        roles = {ROLES[level(tree, {actor})] for _, tree in self.decision.trees}
        return roles.pop() if len(roles) == 1 else None


@dataclass(frozen=True)
class LevelControl:
    procedures: dict[str, LevelProcedure]


@dataclass
class Side:
    """One version filled once under its scenario's neutral reading, with its choices."""

    evaluation: Evaluation
    space: tuple[Choice, ...]
    cache: dict = field(default_factory=dict)

    def under(self, picks: dict[str, str]) -> Evaluation:
        """The evaluation with each subject mapped as ``picks`` says (cached by this side's picks)."""
        key = tuple(picks.get(c.subject, c.options[0].principal) for c in self.space)
        if key not in self.cache:
            mapping = token_mapping(self.space, picks)
            principal = resolver(self.evaluation.filling, mapping)
            decisions = {k: _remapped(d, principal) for k, d in self.evaluation.decisions.items()}
            filled = remap_filling(self.evaluation.filling, principal)
            ev = Evaluation(self.evaluation.target, self.evaluation.constitution, self.evaluation.scenario, filled,
                            self.evaluation.election, self.evaluation.modelled)
            ev.__dict__["decisions"] = decisions
            ev.__dict__["control"] = LevelControl({k: LevelProcedure(d) for k, d in decisions.items()})
            self.cache[key] = ev
        return self.cache[key]


    def camp_roles(self, picks: dict[str, str], actor: str) -> dict[str, str]:
        """``{decision: role of actor}`` under ``picks``, read off the neutral trees with the set of tokens that
        answer to ``actor`` (a coalition's margin only sums its members' seats, so no tree is re-mapped)."""
        camp = {actor} | {token for token, p in token_mapping(self.space, picks).items() if p == actor}
        camp |= self._bodies_of(camp)
        key = (actor, frozenset(camp))
        if key not in self.cache:
            tokens = self._tokens()
            others = tokens - camp
            found = {}
            for k, decision in self.evaluation.decisions.items():
                if decision.status == "unknown":
                    found[k] = "cannot tell"
                    continue
                roles = set()
                for _, tree in decision.trees:
                    if isinstance(tree, (Never, Always)):
                        roles.add(ROLES[level(tree, camp)])
                    elif surplus(tree, camp) >= 0:
                        roles.add(ROLES[2])
                    else:
                        roles.add(ROLES[1] if surplus(tree, others) < 0 else ROLES[0])
                found[k] = roles.pop() if len(roles) == 1 else "cannot tell"
            self.cache[key] = found
        return self.cache[key]

    def _tokens(self) -> set[str]:
        if "tokens" not in self.cache:
            found = set()
            for decision in self.evaluation.decisions.values():
                for _, tree in decision.trees:
                    for leaf in leaves(tree):
                        found |= set(_players(leaf))
            self.cache["tokens"] = found
        return self.cache["tokens"]

    def _bodies_of(self, camp: set[str]) -> set[str]:
        """Bodies whose seats answering to the camp are a majority (their appointees follow the camp)."""
        bodies = [b for b in self.evaluation.filling.bodies.values() if b.blocks and b.controlled_by is None]
        found: set[str] = set()
        for _ in range(3):
            for body in bodies:
                held = sum(b.seats for b in body.blocks if b.principal in camp or b.principal in found)
                if 2 * held > sum(b.seats for b in body.blocks):
                    found.add(body.id)
        return found


def _players(leaf) -> tuple[str, ...]:
    if isinstance(leaf, Vote):
        return tuple(p for p, _ in leaf.seats)
    if isinstance(leaf, AnyMember):
        return leaf.members
    if isinstance(leaf, Controller):
        return (leaf.principal,)
    return (leaf.name,)


def _remapped(decision: Decision, principal) -> Decision:
    import dataclasses

    return dataclasses.replace(decision, tree=remap(decision.tree, principal))


def side(target, scenario=None, *, election: str | None = None) -> Side:
    """Fill ``target`` once under the neutral reading of its scenario (see the module docstring)."""
    from reformlab.engine.filling import fill

    base = evaluate(target, scenario, election=election)
    if base.scenario is None:
        return Side(base, ())
    inferred = inferred_controllers(base.filling, base.scenario)
    filling = fill(base.constitution, neutral(base.scenario, inferred))
    space = choices(base.scenario, filling, base=base.filling)
    flat = Evaluation(base.target, base.constitution, base.scenario, split_defectors(filling, space), base.election,
                      base.modelled)
    return Side(flat, space)


def space_of(sides) -> tuple[Choice, ...]:
    """The choices of every side, one per subject: a subject both sides assume alike (the same options in the
    same order, such as who controls the maslikhats) is one choice, with both sides' grounds; one the sides
    read differently (a party aligned on one side only) is one choice per side, named with its version."""
    sides = list(sides)
    seen: dict[str, list] = {}
    for s in sides:
        for choice in s.space:
            seen.setdefault(choice.subject, []).append((s, choice))
    for subject, found in seen.items():
        principals = {tuple(o.principal for o in c.options) for _, c in found}
        if len(principals) > 1:  # each side's own reading first: not one choice
            for s, choice in found:
                own = dataclasses.replace(choice, subject=f"{subject} ({s.evaluation.target})", tokens=choice.members)
                s.space = tuple(own if c is choice else c for c in s.space)
    merged: dict[str, Choice] = {}
    for s in sides:
        for choice in s.space:
            first = merged.setdefault(choice.subject, choice)
            if first is not choice and first.options != choice.options:  # both sides' grounds, each named
                target = s.evaluation.target
                options = tuple(dataclasses.replace(a, grounds=a.grounds if a.grounds == b.grounds else
                                                    f"{a.grounds} | {target}: {b.grounds}")
                                for a, b in zip(first.options, choice.options))
                merged[choice.subject] = dataclasses.replace(first, options=options)
    return tuple(merged.values())


def combinations(space: tuple[Choice, ...], *, samples: int = 4096, seed: int = 0):
    """``(exact, [option indices per choice, ...])``: every combination up to :data:`EXACT_LIMIT`, else
    ``samples`` drawn with ``seed``."""
    sizes = [len(c.options) for c in space]
    total = math.prod(sizes)
    if total <= EXACT_LIMIT:
        return True, list(itertools.product(*(range(n) for n in sizes)))
    rng = np.random.default_rng(seed)
    return False, [tuple(int(rng.integers(n)) for n in sizes) for _ in range(samples)]


@dataclass(frozen=True)
class Robustness:
    """How one verdict fares over the assumption space."""

    id: str
    default: str
    holds: int
    total: int
    weighted: float
    exact: bool
    interval: tuple[float, float] | None
    flips: tuple[tuple[str, str, str], ...] | None  # (assumption, from, to) of a smallest flipping set
    flipped_to: str | None
    seats: dict[str, dict[str, int]]
    smallest: tuple[tuple[str, ...], ...] = ()  # every smallest flipping set, by assumption names

    @property
    def share(self) -> float:
        return self.holds / self.total if self.total else float("nan")

    def sentence(self) -> str:
        head = f"{self.default} in {self.holds} of {self.total} readings" + ("" if self.exact else " (sampled)")
        return f"{head}; {self.flip_text()}"

    def flip_text(self) -> str:
        """What flips the verdict (``becomes fails if ...``), or that nothing does."""
        if self.flips is None:
            return "no combination of the assumptions flips it"
        changes = "; ".join(f"{name} {new} instead of {old}" for name, old, new in self.flips)
        others = len(self.smallest) - 1
        more = f" (or {others} other set{'s' if others > 1 else ''} of {len(self.flips)})" if others > 0 else ""
        return f"becomes {self.flipped_to} if {changes}{more}"

    def to_dict(self) -> dict:
        return {"id": self.id, "default": self.default, "holds": self.holds, "total": self.total,
                "share": self.share, "weighted_share": self.weighted, "exact": self.exact,
                "interval": None if self.interval is None else list(self.interval),
                "flipping_set": None if self.flips is None else [
                    {"assumption": n, "from": a, "to": b} for n, a, b in self.flips],
                "flipped_to": self.flipped_to, "smallest_flipping_sets": [list(x) for x in self.smallest],
                "seats": self.seats, "sentence": self.sentence()}


class Verdicts(tuple):
    """The :class:`Robustness` of every verdict (a tuple), with the assumption space they range over
    (``space``) and the combinations read (``total``, ``exact``)."""

    space: tuple = ()

    @property
    def total(self) -> int:
        return self[0].total if self else 0

    @property
    def exact(self) -> bool:
        return self[0].exact if self else True

    def to_dict(self) -> dict:
        return {"combinations": self.total, "exact": self.exact,
                "assumptions": [c.to_dict() for c in self.space], "verdicts": [r.to_dict() for r in self]}


def _wilson(k: int, n: int) -> tuple[float, float]:
    z = 1.96
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def robustness(space, verdict_of, *, samples: int = 4096, seed: int = 0, sides=(), progress=None) -> Verdicts:
    """Evaluate ``verdict_of(picks) -> {id: verdict}`` on every combination and summarise each verdict; the
    flipping set shown is a smallest one, and among those the one moving the fewest seats. ``progress``:
    called ``(done, total)`` as the combinations are read (a command's progress bar)."""
    exact, combos = combinations(space, samples=samples, seed=seed)
    default = verdict_of({})
    outcomes = []
    for done, combo in enumerate(combos, 1):
        picks = {c.subject: c.options[i].principal for c, i in zip(space, combo) if i}
        outcomes.append((combo, verdict_of(picks)))
        if progress is not None:
            progress(done, len(combos))
    found = []
    for key, base in default.items():
        holds = sum(1 for _, v in outcomes if v.get(key) == base)
        weights = [math.prod(c.weight(i) for c, i in zip(space, combo)) for combo, _ in outcomes]
        weighted = sum(w for w, (_, v) in zip(weights, outcomes) if v.get(key) == base) / sum(weights)
        flipping = [(sum(1 for i in combo if i), combo, v[key]) for combo, v in outcomes if v.get(key) != base]
        flips = flipped = None
        seats: dict[str, dict[str, int]] = {}
        smallest: tuple = ()
        if flipping:
            weight = {c.subject: sum(_seats_of(c, sides).values()) for c in space}

            def moved(combo) -> int:  # seats of the subjects changed: the least telling flip last
                return sum(weight[c.subject] for c, i in zip(space, combo) if i)

            size, combo, flipped = min(flipping, key=lambda f: (f[0], moved(f[1])))
            smallest = tuple(dict.fromkeys(tuple(c.name for c, i in zip(space, other) if i)
                                           for n, other, _ in flipping if n == size))
            flips = tuple((c.name, c.options[0].words, c.options[i].words)
                          for c, i in zip(space, combo) if i)
            for c, i in zip(space, combo):
                if i:
                    seats[c.name] = _seats_of(c, sides)
        found.append(Robustness(key, base, holds, len(outcomes), weighted, exact,
                                None if exact else _wilson(holds, len(outcomes)), flips, flipped, seats, smallest))
    found = Verdicts(found)
    found.space = tuple(space)
    return found


def _seats_of(choice: Choice, sides) -> dict[str, int]:
    """Seats the choice's tokens hold per body, over the sides (the seats a flip moves)."""
    seats: dict[str, int] = {}
    tokens = set(choice.members)
    for s in sides:
        for body in s.evaluation.filling.bodies.values():
            n = sum(b.seats for b in body.blocks if b.principal in tokens and b.filled_by in ("popular", "indirect"))
            if n:
                seats[f"{s.evaluation.target}: {body.id}"] = n
    return seats


def held_fixed(space, fixed: dict[str, str] | None, sides) -> tuple[tuple[Choice, ...], dict[str, str]]:
    """The space without the subjects ``fixed`` (``--align`` overrides) holds, and those picks.

    Raises:
        ReformlabError: a subject no assumption is about, a defection, or a principal nobody is.
    """
    from reformlab.analysis.assumptions import OWN, check_overrides

    if not fixed:
        return tuple(space), {}
    principals = {o.principal for c in space for o in c.options} - {OWN}
    for s in sides:
        principals |= s._tokens() | set(s.evaluation.constitution.actor_ids())
    per_side = {c.members[0]: [] for c in space if c.tokens and c.kind == "alignment"}
    for c in space:
        if c.tokens and c.kind == "alignment":
            per_side[c.members[0]].append(c.subject)  # a party read differently by the two sides
    fixed = {name: p for k, p in fixed.items() for name in per_side.get(k, [k])}
    check_overrides(tuple(space), fixed, principals)
    kinds = {c.subject: c.kind for c in space}
    picks = {k: OWN if p == k and kinds[k] == "independents" else p for k, p in fixed.items()}
    return tuple(c for c in space if c.subject not in fixed), picks


def robust_claims(name: str = "isaacs2008", *, samples: int = 4096, seed: int = 0, before: str | None = None,
                  after: str | None = None, election: str | None = None, fixed: dict[str, str] | None = None,
                  progress=None) -> Verdicts:
    """Every claim of a built-in claims file over the assumption space of its two versions (or ``before`` /
    ``after``; with ``election``, both filled from that election's votes); ``fixed``: assumptions held as
    ``--align`` says while the others vary; ``progress`` as :func:`robustness` takes it."""
    from reformlab.analysis.claims import check_claim, load_claims

    data = load_claims(name)
    targets = {"before": before or data["compare"]["before"], "after": after or data["compare"]["after"]}
    sides = {label: side(target, election=election) for label, target in targets.items()}
    space, held = held_fixed(space_of(sides.values()), fixed, sides.values())
    cache: dict = {}

    def verdicts(picks):
        evs = {label: s.under({**held, **picks}) for label, s in sides.items()}
        key = tuple(id(ev) for ev in evs.values())
        if key not in cache:
            cache[key] = {c["id"]: check_claim(c, evs).verdict for c in data["claims"]}
        return cache[key]

    return robustness(space, verdicts, samples=samples, seed=seed, sides=tuple(sides.values()), progress=progress)


def robust_control(sides, *, actor: str = "president", samples: int = 4096, seed: int = 0,
                   fixed: dict[str, str] | None = None) -> Verdicts:
    """The actor's role in every decision of every side, over the sides' assumption space (``fixed``: the
    assumptions held as ``--align`` says)."""
    space, held = held_fixed(space_of(sides), fixed, sides)

    def roles(picks):
        found = {}
        for s in sides:
            for key, role in s.camp_roles({**held, **picks}, actor).items():
                found[f"{s.evaluation.target}: {key}"] = role
        return found

    return robustness(space, roles, samples=samples, seed=seed, sides=tuple(sides))
