"""Process measures read from the data alone: who sat in each body, what each area proposed and got, where each
amendment came from. A figure no source gives is None with the reason, never a guess."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reformlab.process.schema import OUTCOMES, STATUSES, Body, Fact, Process, facts


def verdict_of(field) -> str:
    """A yes/no fact field read across its sources: ``yes``, ``no``, ``unknown`` or ``conflict``."""
    values = {f.value for f in facts(field) if f.known}
    if not values:
        return "unknown"
    if len(values) > 1:
        return "conflict"
    return "yes" if values.pop() is True else "no"


def shown(field) -> str:
    """A fact field as text: one value, or the conflicting values each with its source."""
    items = facts(field)
    if not items:
        return "unknown"
    if len(items) == 1:
        return str(items[0].value)
    return " | ".join(f"{f.value} ({', '.join(f.sources) or 'no source'})" for f in items)


def _sources(field) -> list[str]:
    return list(dict.fromkeys(s for f in facts(field) for s in f.sources))


def pro_presidential_share(body: Body) -> tuple[Fraction | None, str]:
    """The pro-presidential (and government) share of members, or None and why it cannot be told."""
    sizes = {f.value for f in facts(body.size) if f.known}
    counts = [g.count for g in body.members if g.affiliation in ("pro_presidential", "government")]
    if not sizes:
        return None, "the body's size is unknown"
    if len(sizes) > 1:
        return None, "the sources give different sizes"
    if not counts or any(not isinstance(c, int) for c in counts):
        return None, "the number of pro-presidential and government members is unknown"
    return Fraction(sum(counts), sizes.pop()), "counted from the member groups"


def named_members(body: Body) -> dict[str, int]:
    """The members the sources name, by side: a floor on who sat, not a share of the body."""
    counts = {"pro_presidential_or_government": 0, "opposition": 0, "civil_society": 0, "unknown": 0}
    for group in body.members:
        side = "pro_presidential_or_government" if group.affiliation in ("pro_presidential", "government") \
            else group.affiliation
        counts[side] += len(group.names)
    return {**counts, "named": sum(counts.values())}


def _chaired_by_head_of_state(body: Body) -> str:
    values = {f.head_of_state for f in facts(body.chair) if f.known and f.head_of_state is not None}
    if not values:
        return "unknown"
    return "conflict" if len(values) > 1 else ("yes" if values.pop() else "no")


def body_measures(process: Process) -> list[dict[str, Any]]:
    """Per body: status (and its rank), chair, dates, size, pro-presidential share, who was invited and took part."""
    rows = []
    for body in process.bodies:
        share, why = pro_presidential_share(body)
        opposition = [p for p in body.parties if p.camp == "opposition"]
        statuses = [f.value for f in facts(body.status) if f.known]
        rows.append({
            "id": body.id,
            "label": body.label,
            "created_by": body.created_by.value,
            "start": shown(body.start),
            "end": shown(body.end),
            "status": shown(body.status),
            "status_label": " | ".join(STATUSES[s]["label"] for s in statuses if s in STATUSES) or "unknown",
            "status_rank": max((STATUSES[s]["rank"] for s in statuses if s in STATUSES), default=None),
            "chair": shown(body.chair),
            "chaired_by_head_of_state": _chaired_by_head_of_state(body),
            "size": shown(body.size),
            "composition": shown(body.composition) if body.composition else "unknown",
            "pro_presidential_share": share,
            "pro_presidential_share_reason": why,
            "named_members": named_members(body),
            "opposition_invited": [p.party for p in opposition if verdict_of(p.invited) == "yes"],
            "opposition_not_invited": [p.party for p in opposition if verdict_of(p.invited) == "no"],
            "opposition_took_part": [p.party for p in opposition if verdict_of(p.took_part) == "yes"],
            "opposition_stayed_out": [p.party for p in opposition if verdict_of(p.took_part) == "no"],
            "opposition_unclear": [p.party for p in opposition if verdict_of(p.took_part) in ("unknown", "conflict")],
            "opposition_refused": [p.party for p in opposition
                                   if verdict_of(p.invited) == "yes" and verdict_of(p.took_part) == "no"],
            "reasons_for_staying_out": list(dict.fromkeys(r.value for p in opposition for r in p.reasons
                                                          if verdict_of(p.took_part) == "no")),
            "output": shown(body.output),
            "output_kinds": sorted({f.kind for f in facts(body.output)}),
            "sources": list(dict.fromkeys(_sources(body.start) + _sources(body.status) + _sources(body.chair))),
        })
    return rows


def area_measures(process: Process) -> list[dict[str, Any]]:
    """Per agenda area: proposals made, adopted (as proposed, in another form), not adopted."""
    rows = []
    for area in process.areas:
        proposals = [p for p in process.proposals if p.area == area.id]
        kinds = [p.outcome.kind for p in proposals]
        rows.append({
            "id": area.id, "label": area.label, "body": area.body, "proposals": len(proposals),
            "adopted": sum(OUTCOMES.get(k, {}).get("adopted", False) for k in kinds),
            **{kind: kinds.count(kind) for kind in OUTCOMES if OUTCOMES[kind]["inside"]},
        })
    return rows


def trace_table(process: Process) -> list[dict[str, Any]]:
    """Per amendment of the package: where it came from (``process`` / ``outside`` / ``untraced``) and why."""
    untraced = {u.amendment: u for u in process.untraced}
    rows = []
    for amendment in process.amendments:
        proposals = process.traced_to(amendment.id)
        rows.append({
            "id": amendment.id, "label": amendment.label, "articles": str(amendment.articles),
            "paths": list(amendment.paths), "origin": process.origin(amendment.id),
            "proposals": [p.id for p in proposals],
            "outcomes": [p.outcome.kind for p in proposals],
            "added_by": [p.outcome.by for p in proposals if p.outcome.by],
            "note": untraced[amendment.id].note if amendment.id in untraced else None,
        })
    return rows


def fact_dict(fact: Fact) -> dict[str, Any]:
    """A fact as JSON-ready data."""
    return {"value": fact.value if isinstance(fact.value, (str, int, bool, type(None))) else str(fact.value),
            "source": list(fact.sources), "confidence": fact.confidence, "note": fact.note}
