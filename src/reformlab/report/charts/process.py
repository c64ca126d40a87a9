"""Charts of the reform process: a timeline of the consultative bodies and proposals-to-outcomes bars (inline SVG)."""

from __future__ import annotations

import datetime as dt
from html import escape

from reformlab.report.charts.svg import GRID, MUTED, document, legend, number, text, wrap

#: Outcome kind -> (legend text, colour); the order is the order of the stacked segments.
OUTCOME_COLOURS: dict[str, tuple[str, str]] = {
    "adopted_as_proposed": ("adopted as proposed", "#2f855a"),
    "adopted_in_another_form": ("adopted in another form", "#d69e2e"),
    "not_adopted": ("not adopted", "#c53030"),
    "added_outside_process": ("added outside the process", "#553c9a"),
    "untraced": ("amendment no source traces", "#a0aec0"),
}
STATUS_COLOURS = {1: "#90cdf4", 2: "#4299e1", 3: "#2b6cb0"}


def _x(day: dt.date, first: dt.date, last: dt.date, left: float, width: float) -> float:
    return left + width * (day - first).days / max((last - first).days, 1)


def timeline_svg(bodies, marker: tuple[dt.date, str] | None = None, width: float = 720) -> str:
    """One bar per body from its earliest start to its latest end (an open end fades out), shaded by status rank.

    Args:
        bodies: records with ``label``, ``start`` / ``end`` (dates; ``end`` None when unknown), ``status_rank``,
            ``caption`` (status and chair, shown under the bar).
        marker: a date to mark (the reform package) and its label.
    """
    left, right = 130, 20
    first = dt.date(min(b.start.year for b in bodies), 1, 1)
    last_day = max([b.end or b.start for b in bodies] + ([marker[0]] if marker else []))
    last = dt.date(last_day.year + 1, 1, 1)
    span = width - left - right
    # Every label and caption folded whole at word boundaries (never cut): each row as tall as its text.
    rows, y = [], 30.0
    for item in bodies:
        names = wrap(item.short, 12 * 1.08, left - 12)
        captions = [line for caption in getattr(item, "captions", (item.caption,))
                    for line in wrap(caption, 10.5, span)]
        rows.append((item, y, names, captions))
        y += max(30 + 12 * len(captions), 16 + 14 * len(names)) + 16
    height = y + 40
    body = []
    for year in range(first.year, last.year + 1):
        x = _x(dt.date(year, 1, 1), first, last, left, span)
        body.append(f'<line x1="{number(x)}" y1="24" x2="{number(x)}" y2="{number(height - 24)}" stroke="{GRID}"/>')
        body.append(text(x, height - 10, str(year), size=11, anchor="middle", fill=MUTED))
    for index, (item, y, names, captions) in enumerate(rows):
        x0 = _x(item.start, first, last, left, span)
        end = item.end or (bodies[index + 1].start if index + 1 < len(bodies) else last)
        x1 = max(_x(end, first, last, left, span), x0 + 3)
        colour = STATUS_COLOURS.get(item.status_rank, "#cbd5e0")
        dash = ' stroke-dasharray="4 3" fill-opacity="0.45"' if item.end is None else ""
        firm = _x(getattr(item, "start_latest", item.start), first, last, left, span)
        if firm > x0:  # the sources disagree on the start: the disputed stretch is drawn light
            body.append(f'<rect x="{number(x0)}" y="{number(y + 4)}" width="{number(firm - x0)}" height="8" '
                        f'fill="{colour}" fill-opacity="0.35"><title>start disputed: {item.start} or '
                        f'{item.start_latest}</title></rect>')
        body.append(f'<rect class="span" x="{number(firm)}" y="{number(y)}" width="{number(max(x1 - firm, 3))}" '
                    f'height="16" rx="3" '
                    f'fill="{colour}" stroke="{colour}"{dash}/>')
        for line, name in enumerate(names):
            body.append(text(left - 8, y + 12 + 14 * line, name, size=12, anchor="end", weight="bold"))
        for line, caption in enumerate(captions):
            body.append(text(left, y + 30 + 12 * line, caption, size=10.5, fill=MUTED))
    if marker is not None:
        x = _x(marker[0], first, last, left, span)
        body.append(f'<line x1="{number(x)}" y1="18" x2="{number(x)}" y2="{number(height - 24)}" stroke="#c53030" '
                    f'stroke-width="2"/>')
        body.append(text(x, 14, marker[1], size=11, anchor="middle", fill="#c53030"))
    description = "; ".join(f"{b.short}: {b.start} to {b.end or 'unknown'}, {b.caption}" for b in bodies)
    title = "The consultative bodies of the reform process"
    return document("process-timeline", width, height, title, description, body)


def outcome_bars_svg(rows, width: float = 720) -> str:
    """Stacked bars, one per row (an agenda area, or the package's amendments by origin), segments per outcome.

    Args:
        rows: ``(label, {outcome kind: count})`` pairs; kinds from :data:`OUTCOME_COLOURS`.
    """
    left, right, bar, gap = 190, 20, 18, 10
    most = max((sum(counts.values()) for _, counts in rows), default=1) or 1
    span = width - left - right
    placed, y = [], 12.0  # each label folded whole (never cut): a row as tall as its label
    for label, counts in rows:
        lines = wrap(label, 12, left - 12)
        placed.append((label, counts, y, lines))
        y += max(bar, 14 * len(lines)) + gap
    height = y + 60
    body = []
    for label, counts, y, lines in placed:
        for line, part in enumerate(lines):
            body.append(text(left - 8, y + 13 + 14 * line, part, size=12, anchor="end"))
        x = left
        for kind, (_, colour) in OUTCOME_COLOURS.items():
            n = counts.get(kind, 0)
            if not n:
                continue
            w = span * n / most
            body.append(f'<rect class="bar" x="{number(x)}" y="{number(y)}" width="{number(w)}" height="{bar}" fill="{colour}">'
                        f'<title>{escape(label)}: {n} {OUTCOME_COLOURS[kind][0]}</title></rect>')
            body.append(text(x + w / 2, y + 13, str(n), size=11, anchor="middle", fill="#ffffff", weight="bold"))
            x += w
    used = [kind for kind in OUTCOME_COLOURS if any(counts.get(kind) for _, counts in rows)]
    marks = [(f'<rect width="14" height="14" rx="2" fill="{OUTCOME_COLOURS[k][1]}"/>', OUTCOME_COLOURS[k][0])
             for k in used]
    elements, _ = legend(marks, 20, height - 44, width - 40)
    body.extend(elements)
    description = "; ".join(f"{label}: " + ", ".join(f"{n} {OUTCOME_COLOURS[k][0]}" for k, n in counts.items() if n)
                            for label, counts in rows)
    return document("process-outcomes", width, height, "Proposals and their outcomes", description, body)
