"""Edge routes of the appointment graph around its boxes, and the check that no route crosses a box.

Rows of boxes alternate with channels that hold no box. A route leaves its source box vertically through a
port of its own (ports on one side of a box are ordered by where their edges go, so they do not cross at
the box), drops or climbs to the row's edge, crosses each channel as an S-curve whose height stays inside
the channel, passes each row in between through the slot reserved for it, and enters its target
vertically. A relation between two actors of one row runs along a level of its own in the channel above
the row (below it for the top row). Every piece therefore lies in a box-free region, which
:func:`box_crossings` verifies on the drawn geometry.
"""

from __future__ import annotations

from collections.abc import Iterable

from reformlab.report.charts.geometry import Layout, Placed, Point, Route, relation_key
from reformlab.report.data import AppointmentGraph

TOP = 56.0  # the first row's top, below the title
CHANNEL = 46.0  # height of the gap between two rows, before levels for edges along a row
LEVEL_GAP = 7.0
PORT_INSET = 8.0  # ports keep this far from a box's corners
CURVE_SAMPLES = 24


def route_all(graph: AppointmentGraph, rows, row_of, chains, x, sizes, labels, width: float) -> Layout:
    """Vertical positions, boxes and every relation's route (see the module docstring)."""
    tallest = [max((sizes[name][1] for name in row if name in sizes), default=0.0) for row in rows]
    same_row = [key for key, chain in chains.items() if len(chain) == 2 and row_of[chain[0]] == row_of[chain[1]]]
    channel_of = {key: max(row_of[chains[key][0]] - 1, 0) for key in same_row}  # channel r lies below row r
    levels: dict[tuple[str, str, str], int] = {}
    for key in sorted(same_row, key=lambda k: abs(x[chains[k][0]] - x[chains[k][1]])):  # short runs nearest
        levels[key] = sum(channel_of[other] == channel_of[key] for other in levels)
    heights = [CHANNEL + LEVEL_GAP * sum(channel_of[k] == r for k in same_row) for r in range(len(rows))]
    y, centre = [], TOP
    for index, height in enumerate(tallest):
        centre += height / 2
        y.append(centre)
        centre += height / 2 + heights[index]
    top = [y[r] - tallest[r] / 2 for r in range(len(rows))]
    bottom = [y[r] + tallest[r] / 2 for r in range(len(rows))]
    boxes = {name: Placed(x[name], y[row_of[name]], *sizes[name], labels[name]) for name in sizes}

    def side(key, end: int) -> str:
        """Which side of the box at ``end`` (0 source, -1 target) the route uses: "top" or "bottom"."""
        chain = chains[key]
        here, there = row_of[chain[end]], row_of[chain[1 if end == 0 else -2]]
        if here == there:
            return "bottom" if row_of[chain[0]] == 0 else "top"
        return "bottom" if there > here else "top"

    attached: dict[tuple[str, str], list[tuple[float, int, tuple[str, str, str], int]]] = {}
    for number, (key, chain) in enumerate(chains.items()):
        for end in (0, -1):
            neighbour = chain[1] if end == 0 else chain[-2]
            attached.setdefault((chain[end], side(key, end)), []).append((x[neighbour], number, key, end))
    ports: dict[tuple[tuple[str, str, str], int], float] = {}
    for (name, _), items in attached.items():
        box = boxes[name]
        usable = max(box.width - 2 * PORT_INSET, 1.0)
        for index, (_, _, key, end) in enumerate(sorted(items)):
            ports[(key, end)] = box.x - usable / 2 + usable * (index + 0.5) / len(items)

    routes = {}
    for key, chain in chains.items():
        source, target = boxes[chain[0]], boxes[chain[-1]]
        start, finish = ports[(key, 0)], ports[(key, -1)]
        if key in levels:
            above = side(key, 0) == "top"
            row = row_of[chain[0]]
            level = top[row] - 12 - LEVEL_GAP * levels[key] if above else bottom[row] + 12 + LEVEL_GAP * levels[key]
            edge_y = (lambda box: box.y - box.height / 2) if above else (lambda box: box.y + box.height / 2)
            points = [(start, edge_y(source)), (start, level), (finish, level), (finish, edge_y(target))]
            routes[key] = _route(points, [False] * 3)
            continue
        down = row_of[chain[-1]] > row_of[chain[0]]
        entry, leave = (top, bottom) if down else (bottom, top)
        points = [(start, source.y + (1 if down else -1) * source.height / 2), (start, leave[row_of[chain[0]]])]
        curved = [False]
        for slot in chain[1:-1]:
            row = row_of[slot]
            points += [(x[slot], entry[row]), (x[slot], leave[row])]
            curved += [True, False]
        points += [(finish, entry[row_of[chain[-1]]]), (finish, target.y - (1 if down else -1) * target.height / 2)]
        curved += [True, False]
        routes[key] = _route(points, curved)
    lowest = max((y for route in routes.values() for _, y in route.points), default=TOP)  # a level below the last row
    height = max(bottom[-1] if bottom else TOP, lowest) + 24
    return Layout(boxes, routes, width, height)


def _route(points: list[Point], curved: list[bool]) -> Route:
    """A :class:`Route` without zero-length pieces."""
    kept, flags = [points[0]], []
    for point, flag in zip(points[1:], curved):
        if abs(point[0] - kept[-1][0]) > 1e-6 or abs(point[1] - kept[-1][1]) > 1e-6:
            kept.append(point)
            flags.append(flag)
    return Route(tuple(kept), tuple(flags))


def _cubic(p0: Point, p1: Point, t: float) -> Point:
    """The S-curve from ``p0`` to ``p1`` with vertical tangents at both ends, at parameter ``t``."""
    middle = (p0[1] + p1[1]) / 2
    u = 1 - t
    xs = (p0[0], p0[0], p1[0], p1[0])
    ys = (p0[1], middle, middle, p1[1])
    weights = (u ** 3, 3 * u * u * t, 3 * u * t * t, t ** 3)
    return sum(w * v for w, v in zip(weights, xs)), sum(w * v for w, v in zip(weights, ys))


def path_data(route: Route, number) -> str:
    """The SVG path ``d`` of ``route``; ``number`` formats a coordinate."""
    first = route.points[0]
    parts = [f"M{number(first[0])},{number(first[1])}"]
    for (x0, y0), (x1, y1), flag in zip(route.points, route.points[1:], route.curved):
        if flag:
            middle = number((y0 + y1) / 2)
            parts.append(f"C{number(x0)},{middle} {number(x1)},{middle} {number(x1)},{number(y1)}")
        else:
            parts.append(f"L{number(x1)},{number(y1)}")
    return " ".join(parts)


def polyline(route: Route) -> list[Point]:
    """The drawn route as a polyline: straight pieces as they are, curves sampled finely."""
    points = [route.points[0]]
    for p0, p1, flag in zip(route.points, route.points[1:], route.curved):
        if flag:
            points.extend(_cubic(p0, p1, step / CURVE_SAMPLES) for step in range(1, CURVE_SAMPLES + 1))
        else:
            points.append(p1)
    return points


def _segment_hits_box(a: Point, b: Point, box: Placed, pad: float) -> bool:
    """Whether segment ``a``-``b`` meets the box grown by ``pad`` (Liang-Barsky clipping)."""
    left, right = box.x - box.width / 2 - pad, box.x + box.width / 2 + pad
    low, high = box.y - box.height / 2 - pad, box.y + box.height / 2 + pad
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - low), (dy, high - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def box_crossings(found: Layout, relations: Iterable, *, pad: float = 2.0) -> list[tuple[tuple[str, str, str], str]]:
    """Every (relation key, actor) where a drawn route meets a box that is not one of its ends (grown by
    ``pad``), or re-enters one of its own ends past its port. Empty for a readable drawing."""
    hits = []
    for edge in relations:
        key = relation_key(edge)
        line = polyline(found.routes[key])
        for name, box in found.boxes.items():
            own = name in (edge.source, edge.target)  # its ports lie on the border: only its inside counts
            if any(_segment_hits_box(a, b, box, -1.0 if own else pad) for a, b in zip(line, line[1:])):
                hits.append((key, name))
    return hits
