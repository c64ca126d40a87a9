"""The report's process section: the three bodies on a timeline, proposals to outcomes, and the road not taken.

:func:`process_section` turns a :class:`~reformlab.analysis.process.ProcessAnalysis` into plain frozen records;
the templates ``process.html.j2`` / ``process.md.j2`` show them (nothing is computed while rendering).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reformlab.process import OUTCOMES, area_measures, body_measures, facts, partial_date_range, trace_table


@dataclass(frozen=True)
class BodyLine:
    """One consultative body on the timeline (dates as the sources give them; ``end`` None when unknown)."""

    id: str
    short: str
    label: str
    start: dt.date
    end: dt.date | None
    start_latest: dt.date
    dates: str
    status: str
    status_rank: int | None
    chair: str
    sat: str
    stayed_out: str
    output: str

    @property
    def caption(self) -> str:
        return f"{self.status}; chair: {self.chair}"

    @property
    def captions(self) -> tuple[str, str]:
        return self.status, f"chair: {self.chair}; opposition at the table: {self.sat}"


@dataclass(frozen=True)
class CounterfactualLine:
    """One row of the counterfactual table."""

    label: str
    proposals: str
    assumption: str
    seats: str
    lost: str
    gained: str


@dataclass(frozen=True)
class ProcessSection:
    """Everything the process section shows."""

    title: str
    bodies: tuple[BodyLine, ...]
    outcome_rows: tuple[tuple[str, dict], ...]
    proposals: tuple[tuple[str, str, str, str], ...]
    counterfactuals: tuple[CounterfactualLine, ...]
    break_even: tuple[str, ...]
    effects: str
    package_date: dt.date
    package_label: str
    risk: tuple[tuple[str, str, str], ...] = ()
    risk_note: str = ""
    claims: tuple[tuple[str, str, str], ...] = ()


def _short(label: str, body_id: str) -> str:
    inside = label.rpartition("(")[2].rstrip(")") if label.endswith(")") else ""
    return inside if inside and len(inside) <= 12 else body_id.replace("_", " ").title()


def _span(field, pick) -> dt.date | None:
    spans = [partial_date_range(f.value) for f in facts(field) if f.known]
    spans = [s for s in spans if s is not None]
    return pick(spans) if spans else None


def process_section(analysis, claims=()) -> ProcessSection:
    """The section's records from a computed process analysis and the checked process claims
    (:class:`~reformlab.analysis.claims.ClaimResult`)."""
    process = analysis.process
    rows = {row["id"]: row for row in body_measures(process)}
    bodies = []
    for body in process.bodies:
        row = rows[body.id]
        start = _span(body.start, lambda spans: min(s for s, _ in spans))
        latest = _span(body.start, lambda spans: max(s for s, _ in spans))
        end = _span(body.end, lambda spans: max(e for _, e in spans))
        sat = ", ".join(row["opposition_took_part"]) or "no opposition party"
        out = ", ".join(dict.fromkeys(row["opposition_not_invited"] + row["opposition_stayed_out"]))
        if row["opposition_unclear"]:
            out += ("; " if out else "") + "not settled: " + ", ".join(row["opposition_unclear"])
        bodies.append(BodyLine(body.id, _short(body.label, body.id), body.label, start, end, latest,
                               f"{row['start']} – {row['end']}", row["status_label"], row["status_rank"],
                               row["chair"], sat, out or "none known", row["output"]))
    outcome_rows = [(row["id"].replace("_", " "), {k: row[k] for k in OUTCOMES if k in row})
                    for row in area_measures(process)]
    outside = [p for p in process.proposals if not OUTCOMES[p.outcome.kind]["inside"]]
    if outside:
        outcome_rows.append(("outside the process", {"added_outside_process": len(outside)}))
    origins = trace_table(process)
    origin_counts = dict.fromkeys(("adopted_as_proposed", "adopted_in_another_form", "added_outside_process",
                                   "untraced"), 0)
    for row in origins:
        kinds = set(row["outcomes"])
        key = "untraced" if row["origin"] == "untraced" else "added_outside_process" if row["origin"] == "outside" \
            else "adopted_in_another_form" if "adopted_in_another_form" in kinds else "adopted_as_proposed"
        origin_counts[key] += 1
    outcome_rows.append((f"{len(origins)} amendments by origin", origin_counts))
    proposals = tuple(
        (p.label, OUTCOMES[p.outcome.kind]["label"] + (f" (by {p.outcome.by})" if p.outcome.by else ""),
         ", ".join(p.outcome.amendments) or
         ("instead: " + ", ".join(p.outcome.instead) if p.outcome.instead else "–"),
         p.source if isinstance(p.source, str) else ", ".join(p.source))
        for p in process.proposals)
    lines = []
    for run in analysis.runs:
        lines.append(CounterfactualLine(run.label, ", ".join(run.proposals), run.assumption_label or "none needed",
                                        run.seats_text("→"), ", ".join(run.lost) or "none", ", ".join(run.gained) or "none"))
    even = tuple(f"{cf}: {analysis.break_even_text(cf)}" for cf in analysis.break_even)
    counts = {}
    for effect in analysis.effects:
        counts[effect.effect] = counts.get(effect.effect, 0) + 1
    effects = ", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" (of {len(analysis.effects)} amendments)"
    note = (f"{analysis.risk_draws:,} draws, seed {analysis.risk_seed}, the risk simulation's default parameters "
            "(docs/risk.md); the districts drawn around their 2004 winners") if analysis.risk else ""
    return ProcessSection(process.label, tuple(bodies), tuple(outcome_rows), proposals, tuple(lines), even, effects,
                          process.package.after, process.package.label or str(process.package.after),
                          tuple((n, t.replace("->", "→"), s) for n, t, s in analysis.risk_lines()), note,
                          tuple((c.text, c.verdict, c.reason or "") for c in claims))
