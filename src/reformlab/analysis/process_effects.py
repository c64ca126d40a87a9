"""Each amendment's own effect on the President's power, read both ways (added alone to the ``before``
version, taken alone out of the ``after`` one): ``raised`` (some gain, no loss), ``lowered`` (some loss, no
gain), ``mixed``, ``unchanged``, or ``cannot tell`` (no decision comparable on both sides)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.compare import Comparison, compare
from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.process import Process, apply_amendments, package_versions
from reformlab.process.amendments import apply_prerequisites, prerequisites

ROLE_RANK = {"none": 0, "veto": 1, "passes alone": 2}
CAMP = "president"


def _president(comparison: Comparison) -> dict[str, dict]:
    control = comparison.control()
    power = comparison.power()
    rows = {}
    for proc, actors in control.items():
        roles = actors.get(CAMP, {})
        values = power.get(proc, {}).get(CAMP, {})
        rows[proc] = {"adopted": roles.get("before"), "counterfactual": roles.get("after"),
                      "banzhaf_adopted": values.get("before"), "banzhaf_counterfactual": values.get("after")}
    return rows


@dataclass(frozen=True)
class AmendmentEffect:
    """One amendment's own effect on the President: ``raised``, ``lowered``, ``mixed``, ``unchanged`` or
    ``cannot tell``.

    Attributes:
        added: decisions gained / lost when it is added alone to the ``before`` version (earlier election).
        removed: decisions gained / lost *because of it*, read from taking it alone out of the ``after``
            version (later election): a decision the President loses without it is one it gave him.
        compared: decisions known on both sides, summed over the two readings.
    """

    amendment: str
    applied_with: tuple[str, ...]
    effect: str
    gains: tuple[str, ...]
    losses: tuple[str, ...]
    compared: int
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"amendment": self.amendment, "applied_with": list(self.applied_with), "effect": self.effect,
                "gains": list(self.gains), "losses": list(self.losses), "compared": self.compared,
                "reason": self.reason}


def _gains_losses(first: Evaluation, second: Evaluation) -> tuple[list[str], list[str], int]:
    """Decisions where the President gains / loses control or Banzhaf power from ``first`` to ``second``."""
    gains, losses, compared = [], [], 0
    for proc, row in _president(compare(first, second)).items():
        a, b = row["adopted"], row["counterfactual"]
        if a not in ROLE_RANK or b not in ROLE_RANK:
            continue
        compared += 1
        x, y = row["banzhaf_adopted"], row["banzhaf_counterfactual"]
        step = ROLE_RANK[b] - ROLE_RANK[a]
        if step == 0 and x is not None and y is not None:
            step = (y > x) - (y < x)
        if step > 0:
            gains.append(proc)
        elif step < 0:
            losses.append(proc)
    return gains, losses, compared


def amendment_effect(process: Process, amendment_id: str, sides: tuple[Evaluation, Evaluation] | None = None
                     ) -> AmendmentEffect:
    """The President's gains and losses from one amendment (with those it requires), read both ways: added
    alone to the ``before`` version (to the package's prerequisites it cannot stand without, when there are
    any) and taken alone out of the ``after`` version (with what cannot stand without it), each filled by the
    scenario fitting its version."""
    amendment = process.amendment(amendment_id)
    bundle = (amendment_id, *amendment.requires)
    versions = package_versions(process.constitution, process.package.before, process.package.after)
    before, after = sides or (evaluate(versions[0]), evaluate(versions[1]))
    added = evaluate(apply_amendments(process, bundle), before.scenario)
    removed = evaluate(apply_amendments(process, bundle, onto="after"), after.scenario)
    start = evaluate(apply_prerequisites(process, bundle), before.scenario) if prerequisites(process, bundle) \
        else before
    gains, losses, compared = _gains_losses(start, added)
    lost_without, gained_without, compared_after = _gains_losses(after, removed)
    gains = list(dict.fromkeys(gains + [f"{p} (2nd reading)" for p in lost_without]))
    losses = list(dict.fromkeys(losses + [f"{p} (2nd reading)" for p in gained_without]))
    compared += compared_after
    if not compared:
        effect, reason = "cannot tell", "no decision it touches is known on both sides"
    else:
        effect = "mixed" if gains and losses else "raised" if gains else "lowered" if losses else "unchanged"
        reason = None
    return AmendmentEffect(amendment_id, tuple(amendment.requires), effect, tuple(gains), tuple(losses), compared,
                           reason)


def amendment_effects(process: Process) -> list[AmendmentEffect]:
    """:func:`amendment_effect` for every amendment of the package."""
    versions = package_versions(process.constitution, process.package.before, process.package.after)
    sides = (evaluate(versions[0]), evaluate(versions[1]))
    return [amendment_effect(process, a.id, sides) for a in process.amendments]


def effect_shares(effects: list[AmendmentEffect]) -> dict[str, Fraction | int]:
    """How many amendments raised / lowered / ... the President's power, and the raised and lowered shares of those
    whose effect could be told."""
    kinds = ("raised", "lowered", "mixed", "unchanged", "cannot tell")
    counts = {kind: sum(e.effect == kind for e in effects) for kind in kinds}
    told = len(effects) - counts["cannot tell"]
    return {**counts, "told": told,
            "raised_share": Fraction(counts["raised"], told) if told else None,
            "lowered_share": Fraction(counts["lowered"], told) if told else None}
