"""What the risk section says: which decisions it charts, which it lists, and the words for its axes.

A "risk of losing" only makes sense for a power the camp holds: a decision the camp could not pass alone
even at the recorded result (``held_at_baseline`` false) was never held under those rules, so it is neither
charted nor tabulated as a loss; the section names it as never held instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformlab.report.data import ReportData, RiskSection

X_AXIS = "{parameter} (higher: less vote noise)"
Y_AXIS = "share of draws lost"  # the hint under the heading says what a lost draw is, naming the camp


@dataclass(frozen=True)
class RiskView:
    """The risk section sorted for the reader.

    Args:
        charted: decisions the camp holds on some side and loses in some draws (one chart each, held sides only).
        kept: decisions the camp holds and kept in every draw at every value.
        never_held: (decision, "before" / "after" / "before and after") for sides where the camp could not pass
            the decision alone even at the recorded result.
    """

    charted: tuple[str, ...]
    kept: tuple[str, ...]
    never_held: tuple[tuple[str, str], ...]


def held_series(section: RiskSection, procedure: str):
    """The series of ``procedure`` on the sides where the camp held it at the recorded result."""
    return [s for s in section.series if s.procedure == procedure and s.held_at_baseline]


def risk_view(report: ReportData) -> RiskView:
    """Charted, kept and never-held decisions of ``report``'s risk section, each in first-seen order."""
    if report.risk is None:
        return RiskView((), (), ())
    names = list(dict.fromkeys(s.procedure for s in report.risk.series))
    charted, kept, never = [], [], []
    for name in names:
        held = held_series(report.risk, name)
        lost = [s.side for s in report.risk.series if s.procedure == name and not s.held_at_baseline]
        if lost:
            never.append((name, " and ".join(side for side in ("before", "after") if side in lost)))
        if any(p > 0 for s in held for p in s.p_lose_pass):
            charted.append(name)
        elif held:
            kept.append(name)
    return RiskView(tuple(charted), tuple(kept), tuple(never))


def axis_words(section: RiskSection) -> tuple[str, str]:
    """The x and y axis titles of a risk chart (short enough for its axes)."""
    return X_AXIS.format(parameter=section.parameter), Y_AXIS


def risk_markdown(report: ReportData) -> str:
    """The risk section as a Markdown table: one row per held decision and side, one column per swept value."""
    if report.risk is None:
        return ""
    risk = report.risk
    view = risk_view(report)
    lines = ["| Decision | Side | " + " | ".join(f"{risk.parameter} {v:g}" for v in risk.values) + " |",
             "|---|---|" + "---:|" * len(risk.values)]
    for procedure in (*view.charted, *view.kept):
        for series in held_series(risk, procedure):
            band = [f" [{low:.3f}, {high:.3f}]" for low, high in zip(series.low, series.high)] or [""] * len(risk.values)
            lines.append(f"| {procedure} | {series.side} | "
                         + " | ".join(f"{p:.3f}{b}" for p, b in zip(series.p_lose_pass, band)) + " |")
    return "\n".join(lines)
