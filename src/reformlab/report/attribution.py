"""The report's "which amendment did what" section: a waterfall per decision that moved, and the study's
test of the package (was every amendment that lowered the camp's power matched by one that restored it)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.claims import change_verdict
from reformlab.analysis.decompose import CONTROL_LEVELS, Decomposition, offsets
from reformlab.analysis.decompose_offsets import package_test
from reformlab.report.charts.waterfall import Step, waterfall_svg

LEVEL_NAMES = {v: k for k, v in CONTROL_LEVELS.items()}
MEASURE_NAMES = {"control": "control level (0 none, 1 veto, 2 passes alone)",
                 "margin": "seats beyond (+) or short of (-) the quota",
                 "risk_pass": "probability of losing the power to pass it alone",
                 "risk_block": "probability of losing the power to block it"}


@dataclass(frozen=True)
class Waterfall:
    """One decision and measure: the value before, each amendment's share, the value after."""

    decision: str
    measure: str
    before: Fraction
    after: Fraction
    steps: tuple[Step, ...]
    sentence: str

    def svg(self) -> str:
        unit = {"control": "control level", "margin": "seats"}.get(self.measure, "")
        return waterfall_svg(f"{self.decision}: {self._measure_name()}", self.before, self.steps, unit=unit)

    def _measure_name(self) -> str:
        return MEASURE_NAMES.get(self.measure) or f"{self.measure.replace('_', '-').title()} power"


@dataclass(frozen=True)
class OffsetRow:
    decision: str
    lowered: str
    restored_by: str
    net: Fraction
    restored: bool


@dataclass(frozen=True)
class AttributionSection:
    """Everything the section shows, computed once from one :class:`Decomposition`."""

    camp: str
    package: str
    source: str
    scenario: str | None
    waterfalls: tuple[Waterfall, ...]
    offsets: tuple[OffsetRow, ...]
    cannot_tell: tuple[tuple[str, str], ...]
    evaluations: int
    naive_evaluations: int
    amendments: int
    verdict: str = "cannot tell"  # the study's claim that every lowering was restored, as `reformlab claims` gives it
    verdict_reason: str | None = None
    per_decision: tuple[tuple[str, str], ...] = ()  # (decision, its verdict with the pairs)

    @property
    def all_restored(self) -> bool | None:
        return None if not self.offsets else all(row.restored for row in self.offsets)


def attribution_section(result: Decomposition, source: str, *, camp_label: str | None = None,
                        measures=("control", "banzhaf", "margin")) -> AttributionSection:
    """The section data of ``result`` (the decisions whose control or the camp's power moved)."""
    articles = {a["id"]: ", ".join(a["articles"]) for a in result.amendments}
    labels = {a["id"]: a["label"] or a["id"] for a in result.amendments}
    camp = camp_label or result.camp
    waterfalls, blocked = [], []
    for attribution in result.decisions.values():
        name = attribution.label or attribution.decision
        if attribution.cannot_tell:
            blocked.append((name, attribution.cannot_tell))
            continue
        for share in attribution.shares:
            if share.measure not in measures or share.actor != result.camp or not share.total:
                continue
            order = sorted((a for a, v in share.shares.items() if v), key=lambda a: -abs(share.shares[a]))
            steps = tuple(Step(labels[a], articles[a], share.shares[a]) for a in order)
            waterfalls.append(Waterfall(name + (f" ({share.assumption})" if share.assumption else ""), share.measure,
                                        share.before, share.after, steps, _sentence(camp, name, share, labels)))
    rows = []
    for offset in offsets(result, "banzhaf"):
        for lowered, partners in offset.pairs:
            rows.append(OffsetRow(offset.decision, labels.get(lowered, lowered),
                                  ", ".join(labels.get(p, p) for p in partners) or "none", offset.net,
                                  offset.restored))
    computed, reason, undecided = package_test(result, "banzhaf")
    verdict = change_verdict("restored", computed["summary"], undecided)
    names = {d: a.label or d for d, a in result.decisions.items()}
    per = tuple((_named(decision, names), text) for decision, text in computed["decisions"].items())
    return AttributionSection(camp, result.reform.label or result.reform.reform, source, result.scenario,
                              tuple(waterfalls), tuple(rows), tuple(blocked), result.evaluations,
                              result.naive_evaluations, len(result.amendments), verdict, reason, per)


def _named(key: str, names: dict[str, str]) -> str:
    """A decision key (``ordinary_law (assuming ...)``) with the decision's label."""
    decision, _, rest = key.partition(" (")
    return names.get(decision, decision) + (f" ({rest}" if rest else "")


def _sentence(camp: str, decision: str, share, labels) -> str:
    if share.measure == "control":
        change = f"from {LEVEL_NAMES[int(share.before)]} to {LEVEL_NAMES[int(share.after)]}"
    else:
        change = f"from {_exact(share.before)} to {_exact(share.after)}"
    parts = [f"{labels[a]} {_signed(v)}" for a, v in sorted(share.shares.items(), key=lambda item: -abs(item[1]))
             if v]
    if share.measure == "margin":
        return (f"{camp}'s seats beyond (+) or short of (-) the quota to pass {decision} alone move {change}: "
                + "; ".join(parts) + ".")
    measure = "control" if share.measure == "control" else f"{share.measure.replace('_', '-').title()} power"
    return f"{camp}'s {measure} in {decision} moves {change}: " + "; ".join(parts) + "."


def _signed(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{int(value):+d}"
    return f"{float(value):+.3f}" if abs(value) >= Fraction(1, 1000) else ("+" if value > 0 else "-") + str(abs(value))


def _exact(value: Fraction) -> str:
    """Three decimals, or the exact fraction when three decimals would hide the change (0.99999 is not 1)."""
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.3f}"
    if value.denominator != 1 and float(text) == float(round(value)) and len(str(value)) <= 15:
        return str(value)
    return text
