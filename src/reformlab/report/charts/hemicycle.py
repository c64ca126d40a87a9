"""Hemicycle chart of a chamber: one mark per seat, coloured by party and shaped by how the seat is filled.

Seat positions come from parliamentarch (Gouvernathor's maintained hemicycle geometry, the one behind
Wikipedia's parliament diagrams); drawing is ours, because parliamentarch styles seats per group only and a
report must show two things per seat: the party (colour) and how the seat was filled (shape and outline).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.charts.svg import INK, MUTED, attr, document, heading, legend, number, text
from reformlab.report.data import FILLINGS, Seat

CANVAS = 200.0  # height of the hemicycle and half its width, in pixels
MARGIN = 16.0
TITLE_HEIGHT = 34.0
NEUTRAL = "#9aa5b1"

# The shape drawn for each way of filling a seat. Seats filled by voters are plain discs (rings when the voters
# are local councillors); seats filled by one actor get a dark outline so they stand out whatever the colour.
FILLING_MARKS: dict[str, str] = {
    "elected": "disc",
    "indirect": "ring",
    "appointed": "square",
    "assembly": "triangle",
}


def seat_mark(filled_by: str, cx: float, cy: float, radius: float, color: str, label: str = "",
              role: str = "seat") -> str:
    """The SVG of one seat mark centred on (cx, cy).

    Args:
        filled_by: a key of :data:`FILLING_MARKS`.
        cx: centre x.
        cy: centre y.
        radius: the seat's radius; squares and triangles are sized to look as large as the disc.
        color: fill colour.
        label: tooltip text (``<title>``), empty for none.
        role: the element's class: "seat" in the chart, "swatch" in the legend.
    """
    shape = FILLING_MARKS[filled_by]
    outline = "" if shape in ("disc", "ring") else f' stroke="{INK}" stroke-width="{number(max(radius * 0.28, 0.8))}"'
    tip = f"<title>{attr(label)}</title>" if label else ""
    fill = f'fill="{attr(color)}"'
    if shape in ("disc", "ring"):
        inner = radius * 0.42
        hole = (
            f'<circle cx="{number(cx)}" cy="{number(cy)}" r="{number(inner)}" fill="#fff"/>' if shape == "ring" else ""
        )
        return (
            f'<g class="{role}" data-filled-by="{filled_by}">{tip}<circle cx="{number(cx)}" cy="{number(cy)}" '
            f'r="{number(radius * 0.92)}" {fill}{outline}/>{hole}</g>'
        )
    if shape == "square":
        side = radius * 1.62
        return (
            f'<rect class="{role}" data-filled-by="{filled_by}" x="{number(cx - side / 2)}" y="{number(cy - side / 2)}" '
            f'width="{number(side)}" height="{number(side)}" {fill}{outline}>{tip}</rect>'
        )
    top, base = radius * 1.1, radius * 0.75
    points = f"{number(cx)},{number(cy - top)} {number(cx + top)},{number(cy + base)} {number(cx - top)},{number(cy + base)}"
    return f'<polygon class="{role}" data-filled-by="{filled_by}" points="{points}" {fill}{outline}>{tip}</polygon>'


def _check(seats: Sequence[Seat], title: str) -> None:
    if not seats:
        raise ReformlabError(f"chamber '{title}' has no seats to draw", field="seats",
                             fix="give at least one Seat")
    for position, seat in enumerate(seats):
        if seat.filled_by not in FILLING_MARKS:
            raise unknown_name(
                "way of filling seats", seat.filled_by, FILLING_MARKS, field=f"seats[{position}].filled_by",
                problem=f"seat {position + 1} of '{title}' is filled by '{seat.filled_by}', which has no mark",
            )


def _seat_centres(count: int) -> tuple[list[tuple[float, float]], float]:
    """Seat centres from left to right in a 2 x 1 box (y up), and the seat radius in the same unit."""
    try:
        from parliamentarch.geometry import get_nrows_from_nseats, get_row_thickness, get_seats_centers
    except ImportError:  # pragma: no cover - parliamentarch is installed with the "chart" extra
        raise ReformlabError(
            "hemicycle charts need the parliamentarch package",
            fix="pip install 'reformlab[chart]'",
        ) from None
    centres = get_seats_centers(count)
    ordered = sorted(centres, key=centres.__getitem__, reverse=True)
    return ordered, 0.8 * get_row_thickness(get_nrows_from_nseats(count))


def legend_items(seats: Sequence[Seat]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The two legends of a hemicycle, each category listed once: (swatch, "label count") pairs.

    The first lists the parties in seat order, each with a disc of its colour. Seats with no known party
    (``party_known`` false) are listed there by who fills them ("appointed by the President 15"), drawn in
    their seat's shape, and are left out of the second legend, which counts the ways of filling the seats
    of the parties, so that no group of seats is named twice.
    """
    labels: dict[tuple[str, bool], tuple[str, set[str], int]] = {}
    for seat in seats:
        color, kinds, count = labels.get((seat.party, seat.party_known), (seat.color, set(), 0))
        labels[(seat.party, seat.party_known)] = (color, kinds | {seat.filled_by}, count + 1)
    party_items = []
    for (party, known), (color, kinds, count) in labels.items():
        shape = "elected" if known or len(kinds) > 1 else next(iter(kinds))
        party_items.append((seat_mark(shape, 7, 7, 7 if shape == "elected" else 6.5, color, role="swatch"),
                            f"{party} {count}"))
    filling_counts = Counter(seat.filled_by for seat in seats if seat.party_known)
    filling_items = [
        (seat_mark(kind, 7, 7, 6.5, NEUTRAL, role="swatch"), f"{FILLINGS[kind]} {filling_counts[kind]}")
        for kind in FILLING_MARKS
        if filling_counts[kind]
    ]
    return party_items, filling_items


def hemicycle_svg(seats: Sequence[Seat], title: str, *, note: str = "") -> str:
    """An inline SVG hemicycle of ``seats``, drawn from left to right in the order given.

    Colour shows the party; shape shows how the seat is filled (disc: elected by voters, ring: elected
    indirectly, square: appointed by one actor, triangle: chosen by an appointed assembly); appointed and assembly seats
    also have a dark outline. Two legends below list the parties and the ways of filling, with counts, each
    group of seats once (see :func:`legend_items`).

    Args:
        seats: the chamber's seats; parties should be contiguous so that they form wedges.
        title: the heading drawn above the chart ("Majilis, before").
        note: an optional line under the chart.

    Raises:
        ReformlabError: no seats, or a seat with a ``filled_by`` that has no mark.

    >>> svg = hemicycle_svg([Seat("A", "#1f77b4", "elected"), Seat("B", "#d62728", "assembly")], "Tiny")
    >>> svg.count('class="seat"'), 'data-chart="hemicycle"' in svg
    (2, True)
    """
    _check(seats, title)
    centres, radius = _seat_centres(len(seats))
    width = 2 * CANVAS + 2 * MARGIN
    body, below_title = heading(title, width / 2, 22, width - 2 * MARGIN, anchor="middle")
    top = TITLE_HEIGHT + below_title - (22 + 16 * 1.3)  # lower the drawing by any extra title lines
    scaled_radius = radius * CANVAS
    for seat, (x, y) in zip(seats, centres):
        cx, cy = MARGIN + x * CANVAS, top + (1 - y) * CANVAS
        label = f"{seat.party}: {FILLINGS[seat.filled_by]}" + (f" ({seat.group})" if seat.group else "")
        body.append(seat_mark(seat.filled_by, cx, cy, scaled_radius, seat.color, label))
    base = top + CANVAS
    body.append(text(width / 2, base - 8, str(len(seats)), size=34, anchor="middle", weight="bold"))
    body.append(text(width / 2, base + 8, "seats", size=11, anchor="middle", fill=MUTED))

    party_items, filling_items = legend_items(seats)
    y = base + 24
    for items in (party_items, filling_items):
        elements, used = legend(items, MARGIN, y, width - 2 * MARGIN)
        body.extend(elements)
        y += used + 6
    if note:
        body.append(text(MARGIN, y + 10, note, size=11, fill=MUTED))
        y += 18
    summary = ", ".join(f"{party} {count}" for party, count in Counter(seat.party for seat in seats).items())
    description = f"{title}: {len(seats)} seats ({summary})."
    return document("hemicycle", width, y + 4, title, description, body)
