"""Appointment graph chart: who elects, selects, consents to and dismisses whom, drawn as inline SVG.

The layout comes from :mod:`reformlab.report.charts.layout` (pure Python, deterministic). Drawing the
graphs before and after a reform on the layout of their union keeps every actor in the same place in both,
so a reader sees what changed; relations that exist on one side only can be highlighted.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from types import MappingProxyType

from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.charts.layout import LABEL_SIZE, MARGIN, Placed, place, relation_key
from reformlab.report.charts.svg import INK, attr, chart_id, document, legend, number, text
from reformlab.report.data import RELATIONS, AppointmentGraph, Relation

HIGHLIGHT = "#f6d860"
GHOST = "#9aa5b1"
BENDS = (16.0, 32.0, 48.0, 64.0, 88.0, 120.0, 160.0, 210.0)  # sideways offsets an edge may take to avoid actors, in px

# Stroke colour, width and dash pattern of each relation.
EDGE_STYLES: dict[str, tuple[str, float, str]] = {
    "elects": ("#2f855a", 1.8, ""),
    "selects": (INK, 2.2, ""),
    "nominates": ("#52606d", 1.8, "2 3"),
    "consents": ("#c05621", 1.8, "7 4"),
    "dismisses": ("#b42318", 1.6, "9 3 2 3"),
}

# Fill, stroke and corner radius (as a share of the height) of each kind of actor.
NODE_STYLES: dict[str, tuple[str, str, float]] = {
    "person": ("#fff4d6", "#b7791f", 0.5),
    "body": ("#e8eef6", "#52606d", 0.15),
    "electorate": ("#e3f4e6", "#2f855a", 0.15),
}


def check_graph(graph: AppointmentGraph) -> None:
    """Raise :class:`ReformlabError` for duplicate actors, unknown actors in edges or unknown relations."""
    ids: set[str] = set()
    for position, actor in enumerate(graph.actors):
        if actor.id in ids:
            raise ReformlabError(f"actor id '{actor.id}' appears twice", field=f"actors[{position}].id",
                                 fix="give every actor its own id")
        if actor.kind not in NODE_STYLES:
            raise unknown_name("kind", actor.kind, NODE_STYLES, field=f"actors[{position}].kind",
                               problem=f"actor '{actor.id}' has unknown kind '{actor.kind}'")
        ids.add(actor.id)
    for position, edge in enumerate(graph.relations):
        for end in ("source", "target"):
            name = getattr(edge, end)
            if name not in ids:
                raise unknown_name("actor", name, ids, field=f"relations[{position}].{end}",
                                   problem=f"relation {position + 1} names unknown actor '{name}'")
        if edge.relation not in RELATIONS:
            raise unknown_name("kind", edge.relation, RELATIONS, field=f"relations[{position}].relation",
                               problem=f"relation {position + 1} has unknown kind '{edge.relation}'")


def _control(p0: tuple[float, float], p2: tuple[float, float], bend: float) -> tuple[float, float]:
    """The control point of the quadratic curve from p0 to p2 whose middle lies ``bend`` px to the side."""
    dx, dy = p2[0] - p0[0], p2[1] - p0[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
    return (p0[0] + p2[0]) / 2 - dy / length * bend * 2, (p0[1] + p2[1]) / 2 + dx / length * bend * 2


def _routes(relations: Sequence[Relation], placed: dict[str, Placed], bounds: tuple[float, float] | None = None
            ) -> list[float]:
    """A sideways bend for each edge: parallel edges apart first, then as few actors crossed as possible.

    Each edge tries bends from straight outwards and keeps the first best one (fewest curve samples inside
    another actor's box), so the routing is deterministic. Bends are measured in the direction of the
    sorted pair of actors, so that an edge and its reverse bend to different sides. With ``bounds`` (the
    canvas width and height), a bend whose curve would leave the canvas is tried last.
    """
    used: dict[tuple[str, str], list[float]] = {}
    bends = []
    for edge in relations:
        pair = tuple(sorted((edge.source, edge.target)))
        sign = 1 if (edge.source, edge.target) == pair else -1
        source, target = placed[edge.source], placed[edge.target]
        others = [box for name, box in placed.items() if name not in pair]
        candidates = [0.0, *(side * size for size in BENDS for side in (1, -1))]
        if abs(source.y - target.y) < 1:  # along a row: always arc over the actors between
            candidates = [bend for bend in candidates if abs(bend) >= 36]

        p0, p2 = (source.x, source.y), (target.x, target.y)
        taken = used.get(pair, [])
        best = min(candidates, key=lambda bend, p0=p0, p2=p2, sign=sign, others=others, taken=taken: (
            _outside(p0, _control(p0, p2, sign * bend), p2, bounds),  # never drawn off the canvas
            sum(abs(bend - other) < 14 for other in taken),  # parallel edges apart
            _crossings(p0, _control(p0, p2, sign * bend), p2, others),
            abs(bend),
        ))
        used.setdefault(pair, []).append(best)
        bends.append(sign * best)
    return bends


def _outside(p0, p1, p2, bounds: tuple[float, float] | None, margin: float = 4.0) -> bool:
    """Whether the curve leaves the canvas ``bounds`` (width, height) by more than ``margin``."""
    if bounds is None:
        return False
    width, height = bounds
    samples = (_curve_point(p0, p1, p2, step / 20) for step in range(21))
    return any(not (margin <= x <= width - margin and margin <= y <= height - margin) for x, y in samples)


def _crossings(p0, p1, p2, boxes: Sequence[Placed]) -> int:
    """How many of 17 samples along the curve fall inside one of ``boxes`` (a measure of overlap)."""
    samples = (_curve_point(p0, p1, p2, step / 20) for step in range(2, 19))
    return sum(any(box.contains(x, y, pad=6) for box in boxes) for x, y in samples)


def _curve_point(p0, p1, p2, t: float) -> tuple[float, float]:
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0], u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1])


def _clip(p0, p1, p2, box: Placed, *, at_end: bool) -> float:
    """The curve parameter where the curve leaves (start) or enters (end) ``box``, by bisection."""
    inside, outside = (1.0, 0.0) if at_end else (0.0, 1.0)
    for _ in range(24):
        middle = (inside + outside) / 2
        if box.contains(*_curve_point(p0, p1, p2, middle)):
            inside = middle
        else:
            outside = middle
    return outside


def _edge_svg(edge: Relation, source: Placed, target: Placed, bend: float, prefix: str, tip: str,
              marked: bool) -> str:
    p0, p2 = (source.x, source.y), (target.x, target.y)
    p1 = _control(p0, p2, bend)
    t0, t1 = _clip(p0, p1, p2, source, at_end=False), _clip(p0, p1, p2, target, at_end=True)
    start, end = _curve_point(p0, p1, p2, t0), _curve_point(p0, p1, p2, t1)
    # the control point of the sub-curve [t0, t1] (de Casteljau)
    control = (
        (1 - t0) * (1 - t1) * p0[0] + ((1 - t0) * t1 + t0 * (1 - t1)) * p1[0] + t0 * t1 * p2[0],
        (1 - t0) * (1 - t1) * p0[1] + ((1 - t0) * t1 + t0 * (1 - t1)) * p1[1] + t0 * t1 * p2[1],
    )
    color, width, dash = EDGE_STYLES[edge.relation]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    path = (f"M{number(start[0])},{number(start[1])} Q{number(control[0])},{number(control[1])} "
            f"{number(end[0])},{number(end[1])}")
    band = (f'<path d="{path}" fill="none" stroke="{HIGHLIGHT}" stroke-width="9" stroke-linecap="round" '
            'opacity="0.75"/>' if marked else "")
    return band + (
        f'<path class="edge" data-relation="{edge.relation}" d="{path}" fill="none" stroke="{color}" '
        f'stroke-width="{width}"{dashed} marker-end="url(#{prefix}-{edge.relation})"><title>{attr(tip)}</title></path>'
    )


def _node_svg(kind: str, box: Placed, tip: str, *, ghost: bool = False) -> str:
    """An actor's box; a ghost (an actor of the other version only) is dashed and faint, and not a node."""
    fill, stroke, rounding = ("#ffffff", GHOST, NODE_STYLES[kind][2]) if ghost else NODE_STYLES[kind]
    left, top = box.x - box.width / 2, box.y - box.height / 2
    dash = ' stroke-dasharray="4 3"' if ghost else ""
    parts = [
        (
            f'<g class="{"ghost" if ghost else "node"}" data-kind="{kind}"><title>{attr(tip)}</title>'
            f'<rect x="{number(left)}" y="{number(top)}" width="{number(box.width)}" '
            f'height="{number(box.height)}" rx="{number(box.height * rounding)}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1.5"{dash}/>'
        )
    ]
    first = box.y - (len(box.lines) - 1) * 8 + LABEL_SIZE * 0.35
    for index, line in enumerate(box.lines):
        parts.append(text(box.x, first + index * 16, line, size=LABEL_SIZE, anchor="middle",
                          weight="normal" if ghost else "600", fill=GHOST if ghost else INK))
    return "".join(parts) + "</g>"


def _markers(prefix: str, kinds: Sequence[str]) -> str:
    return "<defs>" + "".join(
        f'<marker id="{prefix}-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{EDGE_STYLES[kind][0]}"/></marker>'
        for kind in kinds
    ) + "</defs>"


def _line_swatch(kind: str) -> str:
    color, width, dash = EDGE_STYLES[kind]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="0" y1="7" x2="22" y2="7" stroke="{color}" stroke-width="{width}"{dashed}/>'


@functools.lru_cache(maxsize=32)
def _laid_out(shared: AppointmentGraph) -> tuple[MappingProxyType, float, float, MappingProxyType]:
    """The boxes, size and edge bends of a layout graph, computed once per graph (the routing tries every
    bend of every edge against every box: most of a drawing's time). Both sides of a comparison share one
    layout, and an edit that leaves the appointments as they were draws them as they were."""
    placed, width, height = place(shared)
    routes = _routes(shared.relations, placed, (width, height))
    bends = {relation_key(edge): bend for edge, bend in zip(shared.relations, routes)}
    return MappingProxyType(placed), width, height, MappingProxyType(bends)


def graph_svg(graph: AppointmentGraph, title: str, *, layout: AppointmentGraph | None = None,
              highlight: Collection[Relation] = ()) -> str:
    """An inline SVG of the appointment graph, laid out in layers from the electorate down.

    Args:
        graph: actors and relations (see :class:`reformlab.report.data.AppointmentGraph`).
        title: the heading drawn above the chart.
        layout: the graph to compute positions from, when not ``graph`` itself; pass the same
            ``union(before, after)`` (:func:`reformlab.report.charts.layout.union`) for both sides of a
            reform so that both drawings put every actor in the same place. It must hold every relation of
            ``graph``; its actors missing from ``graph`` are drawn as dashed "not in this version" boxes.
        highlight: relations of ``graph`` to mark with a yellow band (those the reform added or removed);
            compared by source, target and relation, not by article.

    Raises:
        ReformlabError: duplicate or unknown actors, unknown actor kinds or relations.

    >>> from reformlab.report.data import Actor
    >>> g = AppointmentGraph((Actor("voters", "Voters", "electorate"), Actor("p", "President", "person")),
    ...                      (Relation("voters", "p", "elects"),))
    >>> svg = graph_svg(g, "Tiny")
    >>> svg.count('class="node"'), svg.count('class="edge"')
    (2, 1)
    """
    check_graph(graph)
    shared = graph if layout is None else layout
    missing = {relation_key(edge) for edge in graph.relations} - {relation_key(edge) for edge in shared.relations}
    if missing:
        raise ReformlabError(f"the layout graph lacks {len(missing)} relation(s) of '{title}'", field="layout",
                             fix="lay out the union of the graphs drawn: union(before, after)")
    placed, width, height, bends = _laid_out(shared)
    prefix = chart_id("graph", title, graph)
    labels = {actor.id: actor.label for actor in graph.actors}
    kinds = [kind for kind in EDGE_STYLES if any(edge.relation == kind for edge in graph.relations)]
    body = [_markers(prefix, kinds), text(MARGIN, 26, title, size=16, weight="bold")]  # left: visible on a phone
    highlighted = {relation_key(edge) for edge in highlight}
    marked = [edge for edge in graph.relations if relation_key(edge) in highlighted]
    for edge in graph.relations:
        tip = f"{labels[edge.source]} {RELATIONS[edge.relation]}: {labels[edge.target]}"
        tip += f" ({edge.article})" if edge.article else ""
        body.append(_edge_svg(edge, placed[edge.source], placed[edge.target], bends[relation_key(edge)], prefix, tip,
                              edge in marked))
    present = {actor.id for actor in graph.actors}
    ghosts = [actor for actor in shared.actors if actor.id not in present]
    for actor in graph.actors:
        body.append(_node_svg(actor.kind, placed[actor.id], actor.label))
    for actor in ghosts:
        body.append(_node_svg(actor.kind, placed[actor.id], f"{actor.label}: not in this version", ghost=True))
    items = [(_line_swatch(kind), RELATIONS[kind]) for kind in kinds]
    if ghosts:
        items.append(((f'<rect x="1" y="2" width="20" height="11" rx="2" fill="#fff" stroke="{GHOST}" '
                      'stroke-dasharray="4 3"/>'), "not in this version"))
    if marked:
        items.append((f'<line x1="0" y1="7" x2="22" y2="7" stroke="{HIGHLIGHT}" stroke-width="8"/>',
                      "changed by the reform"))
    elements, used = legend(items, MARGIN, height, width - 2 * MARGIN, swatch=22)
    body.extend(elements)
    description = f"{title}: {len(graph.actors)} actors, {len(graph.relations)} relations."
    return document("graph", width, height + used + 8, title, description, body)
