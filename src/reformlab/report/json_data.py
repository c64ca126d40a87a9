"""The report as data: :func:`render_json` writes a :class:`ReportData` as one JSON document.

It is built from the same records the HTML and Markdown are rendered from, field by field, so it says what
they say: the versions compared, the chambers and who selects whom, the decisions and the camp's control
before and after, the power indices, the changes, the claims' verdicts, the risk figures when simulated,
the process and per-amendment sections when present, the facts and assumptions with their sources and
confidence. Charts are pictures of these figures and are left out (a seat's colour too).

Exact numbers stay exact: a fraction is ``{"exact": "299593/299596", "float": 0.99998...}``; integers are
integers, dates ISO strings, sets sorted lists, and a float that is not finite (``inf``: no vote noise) the
string ``"inf"``, so the document is strict JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections import Counter
from fractions import Fraction

from reformlab.report.data import Chamber, ReportData, Source

SCHEMA = "reformlab-report/1"

# Record fields holding tuples of plain tuples: the names of their items, as the templates read them.
ITEM_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("PowerSection", "assumptions"): ("assumption", "options"),
    ("ProcessSection", "outcome_rows"): ("label", "outcomes"),
    ("ProcessSection", "proposals"): ("proposal", "outcome", "amendments", "source"),
    ("ProcessSection", "risk"): ("counterfactual", "decisions_at_risk", "never_lost"),
    ("ProcessSection", "claims"): ("text", "verdict", "reason"),
    ("AttributionSection", "cannot_tell"): ("decision", "why"),
    ("AttributionSection", "per_decision"): ("decision", "verdict"),
}
# Properties that are part of what a record says (the renderers show them), kept beside its fields.
PROPERTIES: dict[str, tuple[str, ...]] = {"SideMargin": ("role",), "MarginRow": ("moved",)}


def plain(value, record: str = "", field: str = ""):
    """``value`` as JSON-ready data (see the module docstring for how each kind of value is written)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Fraction):
        return {"exact": str(value), "float": float(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Chamber):
        return _chamber(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(item) for item in value)
    if isinstance(value, (tuple, list)):
        names = ITEM_NAMES.get((record, field))
        if names:
            return [dict(zip(names, (plain(part) for part in item), strict=True)) for item in value]
        return [plain(item) for item in value]
    raise TypeError(f"{record}.{field}: a {type(value).__name__} has no JSON form")


def _record(value) -> dict:
    name = type(value).__name__
    data = {f.name: plain(getattr(value, f.name), name, f.name) for f in dataclasses.fields(value)}
    data.update({prop: plain(getattr(value, prop)) for prop in PROPERTIES.get(name, ())})
    return data


def _chamber(chamber: Chamber) -> dict:
    """A chamber as its seat counts by holder, filling and seat group, in the drawing's order (no colours)."""
    counts = Counter((s.party, s.party_known, s.filled_by, s.group) for s in chamber.seats)
    rows = [{"party": party, "party_known": known, "filled_by": filled, "group": group, "seats": n}
            for (party, known, filled, group), n in counts.items()]
    return {"name": chamber.name, "seats": len(chamber.seats), "note": chamber.note, "composition": rows}


def _sources(report: ReportData) -> list[dict]:
    """Every source the report cites (changes, claims, facts), each once, in order of first citation."""
    found: dict[Source, None] = {}
    for change in report.changes:
        found.update(dict.fromkeys(change.sources))
    found.update(dict.fromkeys(claim.source for claim in report.claims))
    found.update(dict.fromkeys(fact.source for fact in report.facts))
    return [plain(source) for source in found]


def report_dict(report: ReportData) -> dict:
    """The report's data as a JSON-ready dict, its sections under the names the report gives them."""
    sections = {f.name: plain(getattr(report, f.name), "ReportData", f.name)
                for f in dataclasses.fields(report)}
    return {
        "schema": SCHEMA,
        "title": sections.pop("title"),
        "country": sections.pop("country"),
        "reform": sections.pop("reform"),
        "generated_by": sections.pop("generated_by"),
        "generated_on": sections.pop("generated_on"),
        "versions": {"before": sections.pop("before"), "after": sections.pop("after")},
        "summary": {"key_figures": sections.pop("key_figures"),
                    "decision_counts": sections.pop("decision_counts"),
                    "changes_by_kind": report.change_counts(), "claims_by_verdict": report.verdict_counts()},
        **sections,
        "sources": _sources(report),
    }


def render_json(report: ReportData) -> str:
    """The report as an indented JSON document (UTF-8 text kept readable), ending in a newline."""
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
