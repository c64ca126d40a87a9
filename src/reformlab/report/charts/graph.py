"""Appointment graph chart: who elects, selects, consents to and dismisses whom, drawn as inline SVG.

The layout comes from :mod:`reformlab.report.charts.layout` and :mod:`.routing` (pure Python, deterministic). Drawing the
graphs before and after a reform on the layout of their union keeps every actor in the same place in both,
so a reader sees what changed; relations that exist on one side only can be highlighted.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import replace

from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.charts.layout import (
    LABEL_SIZE, LINE_HEIGHT, MARGIN, Placed, Route, fits, label_lines, layout_graph, relation_key,
)
from reformlab.report.charts.routing import path_data
from reformlab.report.charts.svg import INK, attr, chart_id, document, legend, number, text
from reformlab.report.data import RELATIONS, AppointmentGraph, Relation

HIGHLIGHT = "#f6d860"
GHOST = "#9aa5b1"

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


def _edge_svg(edge: Relation, route: Route, prefix: str, tip: str, marked: bool) -> str:
    path = path_data(route, number)
    color, width, dash = EDGE_STYLES[edge.relation]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    band = (f'<path d="{path}" fill="none" stroke="{HIGHLIGHT}" stroke-width="9" stroke-linecap="round" '
            'stroke-linejoin="round" opacity="0.75"/>' if marked else "")
    return band + (
        f'<path class="edge" data-relation="{edge.relation}" d="{path}" fill="none" stroke="{color}" '
        f'stroke-width="{width}" stroke-linejoin="round"{dashed} marker-end="url(#{prefix}-{edge.relation})">'
        f'<title>{attr(tip)}</title></path>'
    )


def _node_svg(kind: str, box: Placed, tip: str, *, ghost: bool = False, label: str | None = None) -> str:
    """An actor's box; a ghost (an actor of the other version only) is dashed and faint, and not a node.

    ``label`` (the drawn version's own wording) replaces the shared layout's when it fits the box."""
    if label is not None and fits(label, box):
        box = replace(box, lines=label_lines(label))
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
    first = box.y - (len(box.lines) - 1) * LINE_HEIGHT / 2 + LABEL_SIZE * 0.35
    for index, line in enumerate(box.lines):
        parts.append(text(box.x, first + index * LINE_HEIGHT, line, size=LABEL_SIZE, anchor="middle",
                          weight="normal" if ghost else "600", fill=GHOST if ghost else INK))
    return "".join(parts) + "</g>"


def _markers(prefix: str, kinds: Sequence[str]) -> str:
    return "<defs>" + "".join(
        f'<marker id="{prefix}-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{EDGE_STYLES[kind][0]}"/></marker>'
        for kind in kinds
    ) + "</defs>"


def _line_swatch(kind: str) -> str:
    color, width, dash = EDGE_STYLES[kind]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="0" y1="7" x2="22" y2="7" stroke="{color}" stroke-width="{width}"{dashed}/>'


#: The layout of a graph, computed once per graph (routing tries every edge against every box: most of a
#: drawing's time). Both sides of a comparison share one layout, and an edit that leaves the appointments as
#: they were draws them as they were. The layout is never changed after it is made (boxes are replaced).
_laid_out = functools.lru_cache(maxsize=32)(layout_graph)


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
    found = _laid_out(shared)
    placed, width, height = found.boxes, found.width, found.height
    prefix = chart_id("graph", title, graph)
    labels = {actor.id: actor.label for actor in graph.actors}
    kinds = [kind for kind in EDGE_STYLES if any(edge.relation == kind for edge in graph.relations)]
    body = [_markers(prefix, kinds), text(MARGIN, 26, title, size=16, weight="bold")]  # left: visible on a phone
    highlighted = {relation_key(edge) for edge in highlight}
    marked = [edge for edge in graph.relations if relation_key(edge) in highlighted]
    for edge in graph.relations:
        tip = f"{labels[edge.source]} {RELATIONS[edge.relation]}: {labels[edge.target]}"
        tip += f" ({edge.article})" if edge.article else ""
        body.append(_edge_svg(edge, found.routes[relation_key(edge)], prefix, tip, edge in marked))
    present = {actor.id for actor in graph.actors}
    ghosts = [actor for actor in shared.actors if actor.id not in present]
    for actor in graph.actors:
        body.append(_node_svg(actor.kind, placed[actor.id], actor.label, label=actor.label))
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
