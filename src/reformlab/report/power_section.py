"""The report's power section: margins first, then what of each change is the rules' and what the votes', then
how robust each verdict is, and the power indices only where they differ.

:func:`power_section` reads everything off the analysis objects (:func:`reformlab.analysis.margins.margin` on
each decision tree, :func:`reformlab.analysis.effects.change_split`, :mod:`reformlab.analysis.robust`) into
plain frozen records; ``power.html.j2`` / ``power.md.j2`` show them (nothing is computed while rendering).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.margins import margin
from reformlab.engine.tree import Always, Never, decision_key

LEVELS = {2: "passes alone", 1: "can block (veto)", 0: "neither passes nor blocks"}
SHORT = {2: "passes alone", 1: "veto", 0: "none"}


@dataclass(frozen=True)
class BodyMargin:
    """Seats the camp holds against seats needed in one body (one quota)."""

    body: str
    held: int
    needed: int
    members: int

    @property
    def text(self) -> str:
        return f"{self.body}: {self.held} held, {self.needed} needed of {self.members}"


@dataclass(frozen=True)
class SideMargin:
    """The camp's control of one decision on one side, the seats behind it and what would flip it."""

    level: int
    bodies: tuple[BodyMargin, ...]
    flip: int | None
    witness: str
    robust: str = ""  # "passes alone in k of n readings; becomes ... if ..." when robustness was read

    @property
    def role(self) -> str:
        return LEVELS[self.level]


@dataclass(frozen=True)
class MarginRow:
    """One decision (one reading of it): both sides' margins."""

    key: str
    decision: str
    before: SideMargin | str  # a margin, or why there is none ("not a decision of this version")
    after: SideMargin | str

    @property
    def moved(self) -> bool:
        def level(side):
            return side.level if isinstance(side, SideMargin) else side
        return level(self.before) != level(self.after)


@dataclass(frozen=True)
class SplitRow:
    """One decision's change in control split into the rules' share and the election's (Shapley)."""

    key: str
    decision: str
    before: int
    after: int
    rules: Fraction
    election: Fraction
    interaction: Fraction
    rules_alone: Fraction
    election_alone: Fraction
    sentence: str


@dataclass(frozen=True)
class RobustRow:
    """One verdict over every combination of the assumptions."""

    id: str
    default: str
    holds: int
    total: int
    sentence: str
    flips: str = ""  # what flips it ("becomes fails if ...")

    @property
    def name(self) -> str:
        return self.id.replace("_", " ")


@dataclass(frozen=True)
class PowerSection:
    """Everything the power section shows, lead first."""

    camp: str
    votes: str
    margins: tuple[MarginRow, ...]
    splits: tuple[SplitRow, ...] = ()
    split_note: str = ""
    robust: tuple[RobustRow, ...] = ()  # the verdicts some combination flips, the least robust first
    robust_note: str = ""
    steady: tuple[RobustRow, ...] = ()  # the verdicts no combination flips
    assumptions: tuple[tuple[str, str], ...] = ()  # (assumption, options with grounds) of the robust reading
    same_index: tuple[str, ...] = ()  # decisions whose power indices are the same before and after
    modelled: tuple[str, ...] = ()

    @property
    def moved(self) -> tuple[MarginRow, ...]:
        return tuple(row for row in self.margins if row.moved)

    @property
    def held(self) -> tuple[MarginRow, ...]:
        return tuple(row for row in self.margins if not row.moved)


def _to(camp: str, start: int, end: int) -> str:
    if end == 2:
        return f"let the {camp} pass it alone"
    if end == 1:
        return f"leave the {camp} only a veto" if start == 2 else f"give the {camp} a veto"
    return f"take away the {camp}'s veto"


def _side_margins(evaluation, camp: str, camp_name: str, body_names) -> dict[str, dict[str | None, SideMargin | str]]:
    """``{decision id: {reading: SideMargin, or why there is none}}`` for one side."""
    found: dict = {}
    for decision in evaluation.decisions.values():
        readings = found.setdefault(decision.id, {})
        if decision.status == "unknown" or not decision.trees:
            readings[None] = f"cannot tell ({decision.unknown})" if decision.unknown else "cannot tell"
            continue
        for assumption, tree in decision.trees:
            if isinstance(tree, Always):
                readings[assumption] = "nobody's agreement is needed"
                continue
            if isinstance(tree, Never):
                readings[assumption] = "no coalition can make it"
                continue
            m = margin(tree, (camp,))
            bodies = tuple(BodyMargin(body_names(body), *entry) for body, entries in m.held.items() for entry in entries)
            if m.flip is None:
                witness = "no number of seats changing hands changes it"
            else:
                where = ", ".join(f"{n} in the {body_names(body)}" for body, n in m.witness.items())
                witness = (f"{m.flip} seat{'s' if m.flip != 1 else ''} changing hands ({where}) would "
                           f"{_to(camp_name, m.level, m.to_level)}")
            readings[assumption] = SideMargin(m.level, bodies, m.flip, witness)
    return found


def _pairs(before: dict, after: dict):
    """``(decision id, reading, before entry, after entry)``: readings paired by name, a single reading of
    one side paired with each of the other's."""
    for decision in dict.fromkeys(list(before) + list(after)):
        left, right = before.get(decision, {}), after.get(decision, {})
        names = list(dict.fromkeys([k for k in left if k is not None] + [k for k in right if k is not None])) or [None]
        for name in names:
            def pick(side):
                if not side:
                    return "not a decision of this version"
                if name in side:
                    return side[name]
                return next(iter(side.values())) if len(side) == 1 else "not read under this assumption"
            yield decision, name, pick(left), pick(right)


def _signed(value) -> str:
    """``+1``, ``-1/2``, ``0``: an exact change with its sign."""
    return str(value) if value <= 0 else f"+{value}"


def _share(part: Fraction, total: Fraction) -> str:
    share = part / total
    return f"{float(share):.0%}" if share.denominator not in (1, 2, 4) else (
        {Fraction(1, 2): "half", Fraction(1): "all", Fraction(0): "none", Fraction(1, 4): "a quarter",
         Fraction(3, 4): "three quarters"}.get(share, f"{float(share):.0%}"))


def _splits(comparison, camp_name: str, labels: dict) -> tuple[tuple[SplitRow, ...], str, tuple[str, ...]]:
    from reformlab.analysis.effects import change_split

    found = change_split(comparison.before, comparison.after, actor=comparison.camp)
    if found is None:
        return (), "", ()
    if "unavailable" in found:
        return (), f"The change cannot be split into the rules' and the votes' share: {found['unavailable']}", ()
    scenario = comparison.after.scenario
    vote = f"{scenario.date.year}" if scenario is not None else found["elections"][1]
    rows = []
    for key, entry in found["decisions"].items():
        c = {k: Fraction(v) for k, v in entry["control"].items()}
        total = c["total"]
        gain = "gain" if total > 0 else "loss"
        words = (f"Of the {camp_name}'s {gain} in {labels.get(key.split(' (assuming ')[0], key)} ({SHORT[int(c['before'])]} → "
                 f"{SHORT[int(c['after'])]}), the rules account for {_share(c['rules'], total)}, the {vote} vote "
                 f"for {_share(c['election'], total)}")
        if c["interaction"] < 0:
            words += (f"; either alone would have made it (the rules alone {_signed(c['rules_alone'])}, the vote alone "
                      f"{_signed(c['election_alone'])} of {_signed(total)} level)")
        elif c["interaction"] > 0:
            words += (f"; only the two together make it (the rules alone {_signed(c['rules_alone'])}, the vote alone "
                      f"{_signed(c['election_alone'])})")
        if entry.get("surplus"):
            s = {k: Fraction(v) for k, v in entry["surplus"].items()}
            words += (f". Seats beyond (+) or short of (−) the quota on the best route: {_signed(s['before'])} → "
                      f"{_signed(s['after'])}, the rules {_signed(s['rules'])}, the vote {_signed(s['election'])}")
        rows.append(SplitRow(key, labels.get(key.split(" (assuming ")[0], key), int(c["before"]), int(c["after"]), c["rules"], c["election"],
                             c["interaction"], c["rules_alone"], c["election_alone"], words + "."))
    note = (f"The two versions under the two elections ({' and '.join(found['elections'])}), the change split the "
            "two-factor Shapley way: the rules' share is the mean of the rules' effect under either vote, and the "
            "shares add up to the change exactly.")
    return tuple(rows), note, tuple(dict.fromkeys(found["modelled"]))


def _votes(comparison) -> str:
    sides = []
    for label, ev in (("before", comparison.before), ("after", comparison.after)):
        said = ev.election or (f"scenario {ev.scenario.id} ({ev.scenario.label})" if ev.scenario else "no scenario")
        sides.append((label, said))
    if sides[0][1] == sides[1][1] and comparison.before.election:
        return f"Both sides filled from the same votes, {sides[0][1]}: what differs is the rules'."
    return "; ".join(f"{label}: {said}" for label, said in sides) + "."


def _same_index(comparison, labels: dict) -> tuple[str, ...]:
    """The labels of the decisions whose power indices are the same before and after (their bars say nothing)."""
    found = []
    for proc, actors in comparison.power().items():
        if actors and all(v["before"] == v["after"] for v in actors.values()):
            found.append(labels.get(proc, proc))
    return tuple(found)


def power_section(comparison, *, robust=None, claims_robust=None, camp_name: str | None = None,
                  short_labels: dict | None = None) -> PowerSection:
    """The power section of ``comparison``; ``robust``: :func:`reformlab.analysis.robust.robust_control` of its
    two sides (each side's margin then says how it fares over the assumptions); ``claims_robust``: the study's
    claims over the same space (the section then leads with them)."""
    camp = comparison.camp
    camp_name = camp_name or camp
    names = {}
    for side in (comparison.before, comparison.after):
        names.update({b: body.label for b, body in side.constitution.bodies.items()})
    names.update(short_labels or {})
    body_names = lambda b: names.get(b, b)  # noqa: E731
    before = _side_margins(comparison.before, camp, camp_name, body_names)
    after = _side_margins(comparison.after, camp, camp_name, body_names)
    by_id = {r.id: r for r in (robust or ())}
    labels: dict[str, str] = {}
    for side in (comparison.before, comparison.after):  # the after side's label wins, as in the index bars
        labels.update({d.id: d.label for d in side.decisions.values()})
    rows = []
    for decision, reading, left, right in _pairs(before, after):
        pair = []
        for side, entry in ((comparison.before, left), (comparison.after, right)):
            r = by_id.get(f"{side.target}: {decision}")
            if isinstance(entry, SideMargin) and r is not None:
                entry = dataclasses.replace(entry, robust=r.sentence())
            pair.append(entry)
        if not any(isinstance(e, SideMargin) for e in pair):
            continue
        label = labels.get(decision, decision) + (f" ({reading})" if reading else "")
        rows.append(MarginRow(decision_key(decision, reading), label, *pair))
    splits, note, modelled = _splits(comparison, camp_name, labels)
    every = [RobustRow(r.id, r.default, r.holds, r.total, r.sentence(), r.flip_text()) for r in (claims_robust or ())]
    robust_rows = tuple(sorted((r for r in every if r.holds < r.total), key=lambda r: r.holds / r.total))
    steady = tuple(r for r in every if r.holds == r.total)
    reading = claims_robust if claims_robust is not None else robust
    robust_note = assumptions = ()
    if reading is not None:
        robust_note = (f"{'Every' if reading.exact else 'A seeded sample of'} {reading.total} combination"
                       f"{'s' if reading.total != 1 else ''} of the {len(reading.space)} assumptions below "
                       f"{'enumerated' if reading.exact else 'drawn'}; a flip names the fewest changes that turn the verdict.")
        assumptions = tuple((c.name, "; ".join(f"{o.words} ({o.grounds}{', ' + o.confidence if o.confidence else ''})"
                                               for o in c.options)) for c in reading.space)
    modelled += tuple(n for ev in (comparison.before, comparison.after) for n in ev.modelled)
    return PowerSection(camp_name, _votes(comparison), tuple(rows), splits, note, robust_rows, robust_note or "",
                        steady, assumptions, _same_index(comparison, labels), tuple(dict.fromkeys(modelled)))
