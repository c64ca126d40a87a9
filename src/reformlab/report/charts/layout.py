"""Deterministic layered layout of an appointment graph, in pure Python (no Graphviz, no system packages).

A small Sugiyama-style layering: actors are ranked by the fewest elect/select/nominate steps from the
electorate (how far each is removed from the voters), and each layer is ordered by a few barycentre
sweeps with ties kept in input order. Layers wider than :data:`MAX_PER_ROW` actors are
staggered over several sub-rows so that the drawing stays narrow enough for a phone.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from reformlab.report.charts.svg import text_width
from reformlab.report.data import AppointmentGraph, Relation

MARGIN = 20.0
TOP = 70.0
LAYER_GAP = 92.0
NODE_GAP = 26.0
SUB_ROW_GAP = 16.0
LABEL_SIZE = 13.0
SWEEPS = 4
MAX_PER_ROW = 4
MIN_WIDTH = 420.0

# Edges that place the target below the source (a chain of selection).
RANKING = ("elects", "selects", "nominates")


@dataclass(frozen=True)
class Placed:
    """An actor's box in the layout: centre, size and its wrapped label lines."""

    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]

    def contains(self, px: float, py: float, pad: float = 2.0) -> bool:
        """Whether the point lies inside the box grown by ``pad`` on every side (room for arrowheads)."""
        return abs(px - self.x) <= self.width / 2 + pad and abs(py - self.y) <= self.height / 2 + pad


def relation_key(edge: Relation) -> tuple[str, str, str]:
    """What makes two relations the same for comparing versions: who, to whom, how (not the article)."""
    return edge.source, edge.target, edge.relation


def union(*graphs: AppointmentGraph) -> AppointmentGraph:
    """One graph with every actor and relation of ``graphs``, in first-seen order (for a shared layout).

    Relations that differ only in their article (the text was renumbered) count once.
    """
    actors = {actor.id: actor for graph in reversed(graphs) for actor in graph.actors}
    ordered = dict.fromkeys(actor.id for graph in graphs for actor in graph.actors)
    relations: dict[tuple[str, str, str], Relation] = {}
    for graph in graphs:
        for edge in graph.relations:
            relations.setdefault(relation_key(edge), edge)
    return AppointmentGraph(tuple(actors[name] for name in ordered), tuple(relations.values()))


def ranks(graph: AppointmentGraph) -> dict[str, int]:
    """The layer of each actor: the fewest elect/select/nominate steps that lead to it from a root.

    Roots are actors nothing selects (the electorate, typically), so an actor's rank reads as how many
    steps it is removed from the voters. Actors only reachable through a cycle are started from the first
    of them in input order, at rank 0.

    >>> from reformlab.report.data import Actor, Relation
    >>> g = AppointmentGraph((Actor("v", "Voters", "electorate"), Actor("p", "President"), Actor("a", "APK"),
    ...                       Actor("m", "Majilis")),
    ...                      (Relation("v", "p", "elects"), Relation("v", "m", "elects"),
    ...                       Relation("p", "a", "selects"), Relation("a", "m", "selects")))
    >>> ranks(g)
    {'v': 0, 'p': 1, 'a': 2, 'm': 1}
    """
    order = [actor.id for actor in graph.actors]
    children: dict[str, list[str]] = {name: [] for name in order}
    selected: set[str] = set()
    for edge in graph.relations:
        if edge.relation in RANKING and edge.source != edge.target:
            children[edge.source].append(edge.target)
            selected.add(edge.target)
    rank: dict[str, int] = {}
    starts = [name for name in order if name not in selected]
    while len(rank) < len(order):
        if not starts:  # the rest hangs on a cycle: start from its first actor
            starts = [next(name for name in order if name not in rank)]
        frontier = [name for name in starts if name not in rank]
        for name in frontier:
            rank[name] = 0
        while frontier:
            following = []
            for name in frontier:
                for child in children[name]:
                    if child not in rank:
                        rank[child] = rank[name] + 1
                        following.append(child)
            frontier = following
        starts = []
    return {name: rank[name] for name in order}


def layers(graph: AppointmentGraph) -> list[list[str]]:
    """Actors grouped by rank and ordered within each rank to reduce crossings."""
    rank = ranks(graph)
    rows: list[list[str]] = [[] for _ in range(max(rank.values(), default=-1) + 1)]
    for actor in graph.actors:
        rows[rank[actor.id]].append(actor.id)
    neighbours: dict[str, set[str]] = {actor.id: set() for actor in graph.actors}
    for edge in graph.relations:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    for sweep in range(SWEEPS):
        sequence = range(1, len(rows)) if sweep % 2 == 0 else range(len(rows) - 2, -1, -1)
        for index in sequence:
            fixed = rows[index - 1] if sweep % 2 == 0 else rows[index + 1]
            where = {name: position for position, name in enumerate(fixed)}

            def barycentre(item: tuple[int, str], where=where) -> float:
                position, name = item
                linked = [where[other] for other in neighbours[name] if other in where]
                return sum(linked) / len(linked) if linked else float(position)

            rows[index] = [name for _, name in sorted(enumerate(rows[index]), key=barycentre)]
    return rows


def _label_lines(label: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(label, width=18, max_lines=3, placeholder=" \u2026")) or ("",)


def place(graph: AppointmentGraph) -> tuple[dict[str, Placed], float, float]:
    """Boxes for every actor and the drawing's width and height (before the legend).

    A layer of more than :data:`MAX_PER_ROW` actors is spread over ``k`` staggered sub-rows: actor ``i``
    goes to sub-row ``i % k``, so the left-to-right order from the barycentre sweeps is kept.
    """
    labels = {actor.id: _label_lines(actor.label) for actor in graph.actors}
    sizes = {
        name: (max(92.0, max(text_width(line, LABEL_SIZE) for line in lines) + 24), 22.0 + 16 * len(lines))
        for name, lines in labels.items()
    }
    rows = layers(graph)
    spans = []
    for row in rows:
        sub_rows = math.ceil(len(row) / MAX_PER_ROW)
        widest = max(sizes[name][0] for name in row)
        step = (widest + NODE_GAP) / sub_rows
        spans.append((sub_rows, step, (len(row) - 1) * step + widest if sub_rows > 1 else
                      sum(sizes[name][0] for name in row) + NODE_GAP * (len(row) - 1)))
    width = max([MIN_WIDTH, *(span for _, _, span in spans)]) + 2 * MARGIN
    placed: dict[str, Placed] = {}
    y = TOP
    for row, (sub_rows, step, span) in zip(rows, spans):
        tallest = max(sizes[name][1] for name in row)
        x = (width - span) / 2
        for position, name in enumerate(row):
            node_width, node_height = sizes[name]
            if sub_rows > 1:
                centre = x + max(sizes[other][0] for other in row) / 2 + position * step
                level = y + (position % sub_rows) * (tallest + SUB_ROW_GAP)
            else:
                centre, level = x + node_width / 2, y
                x += node_width + NODE_GAP
            placed[name] = Placed(centre, level, node_width, node_height, labels[name])
        y += (sub_rows - 1) * (tallest + SUB_ROW_GAP) + LAYER_GAP
    return placed, width, y - LAYER_GAP + 40
