"""Deterministic layered layout of an appointment graph, in pure Python (no Graphviz, no system packages).

A Sugiyama-style layout in four steps:

1. **Ranks**: actors are ranked by the fewest elect/select/nominate steps from the electorate (how far
   each is removed from the voters). A rank of more than :data:`MAX_PER_ROW` actors is spread over several
   rows, so that the drawing stays narrow enough for a phone.
2. **Virtual slots**: an edge that spans more than one row gets a thin slot in every row it passes, so
   that it goes *between* boxes, never through one (the classic dummy-node construction).
3. **Order and position**: a few barycentre sweeps order each row (ties kept in input order, the sweep
   with the fewest crossings kept); then each row is pulled towards its neighbours by an exact isotonic
   fit (pool-adjacent-violators) that keeps the order and the gaps between boxes.
4. **Routes**: every edge leaves its box vertically through a port of its own, crosses the channel between
   two rows as a curve, passes every row between through its slot, and enters the other box vertically.
   An edge between two actors of the same row runs along a level of its own in the channel next to the row.
   Channels hold no boxes, slots hold no boxes, so no edge crosses a box; :mod:`.routing` checks it.

The shapes (:class:`Placed`, :class:`Route`, :class:`Layout`) live in :mod:`.geometry`.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import replace
from itertools import accumulate

from reformlab.report.charts.geometry import Layout, Placed, Point, Route, relation_key
from reformlab.report.charts.routing import route_all
from reformlab.report.charts.svg import text_width
from reformlab.report.data import AppointmentGraph, Relation

__all__ = ["Layout", "Placed", "Point", "Route", "label_lines", "layers", "layout_graph", "place", "ranks",
           "relation_key", "union"]

MARGIN = 20.0
NODE_GAP = 26.0
SLOT_WIDTH = 10.0  # room for one edge passing through a row
SLOT_GAP = 8.0
LABEL_SIZE = 13.0
LABEL_CHARS = 22
LINE_HEIGHT = 16.0
SWEEPS = 8
MAX_PER_ROW = 4
MIN_WIDTH = 420.0

# Edges that place the target below the source (a chain of selection).
RANKING = ("elects", "selects", "nominates")

def union(*graphs: AppointmentGraph) -> AppointmentGraph:
    """One graph with every actor and relation of ``graphs``, in first-seen order (for a shared layout).

    Relations that differ only in their article (the text was renumbered) count once. An actor labelled
    differently in two graphs takes the label that needs the largest box, so that each side's own label
    fits the shared box (:func:`label_size`).
    """
    actors = {}
    for graph in graphs:
        for actor in graph.actors:
            kept = actors.get(actor.id)
            if kept is None or _area(actor.label) > _area(kept.label):
                actors[actor.id] = actor if kept is None else replace(kept, label=actor.label)
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
    of them in input order, at rank 0. A root other than the voters (a chair who only appoints) sits just
    above the first actor it selects, and an actor with no relation at all goes to a row of its own at the
    bottom, so neither widens the top row.

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
    linked = {end for edge in graph.relations if edge.source != edge.target for end in (edge.source, edge.target)}
    for name in order:  # a root sits just above what it selects; an actor with no relation at the bottom
        if name not in selected and children[name]:
            rank[name] = max(min(rank[child] for child in children[name]) - 1, 0)
    bottom = max((rank[name] for name in order if name in linked), default=-1) + 1
    return {name: rank[name] if name in linked else bottom for name in order}


def _rows(graph: AppointmentGraph) -> list[list[str]]:
    """Actors by row: each rank in input order, a rank wider than :data:`MAX_PER_ROW` over several rows
    (actor ``i`` of a rank split in ``k`` goes to its row ``i % k``)."""
    rank = ranks(graph)
    by_rank: list[list[str]] = [[] for _ in range(max(rank.values(), default=-1) + 1)]
    for actor in graph.actors:
        by_rank[rank[actor.id]].append(actor.id)
    rows: list[list[str]] = []
    for members in by_rank:
        count = math.ceil(len(members) / MAX_PER_ROW)
        rows.extend([name for index, name in enumerate(members) if index % count == part] for part in range(count))
    return rows


def _chains(graph: AppointmentGraph, row_of: dict[str, int]) -> dict[tuple[str, str, str], list[str]]:
    """For each relation, the nodes its route visits row by row: its source, a slot in every row strictly
    between, its target (slots are named ``~n``)."""
    chains = {}
    for number, edge in enumerate(graph.relations):
        first, last = row_of[edge.source], row_of[edge.target]
        step = 1 if last > first else -1
        slots = [f"~{number}.{row}" for row in range(first + step, last, step)] if first != last else []
        chains[relation_key(edge)] = [edge.source, *slots, edge.target]
    return chains


def _crossings(rows: list[list[str]], links: set[tuple[str, str]], row_of: dict[str, int]) -> int:
    """How many pairs of links between adjacent rows cross, for the given order of each row."""
    where = {name: position for row in rows for position, name in enumerate(row)}
    total = 0
    for upper in range(len(rows) - 1):
        pairs = [(where[a], where[b]) if row_of[a] == upper else (where[b], where[a])
                 for a, b in links if {row_of[a], row_of[b]} == {upper, upper + 1}]
        total += sum((a1 - a2) * (b1 - b2) < 0 for i, (a1, b1) in enumerate(pairs) for a2, b2 in pairs[i + 1:])
    return total


def order_rows(rows: list[list[str]], links: set[tuple[str, str]], row_of: dict[str, int]) -> list[list[str]]:
    """Barycentre sweeps down and up over ``rows`` (actors and slots); the order with fewest crossings wins."""
    neighbours: dict[str, set[str]] = {name: set() for row in rows for name in row}
    for a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    best, fewest = [list(row) for row in rows], _crossings(rows, links, row_of)
    current = [list(row) for row in rows]
    for sweep in range(SWEEPS):
        sequence = range(1, len(current)) if sweep % 2 == 0 else range(len(current) - 2, -1, -1)
        for index in sequence:
            fixed = current[index - 1] if sweep % 2 == 0 else current[index + 1]
            where = {name: position for position, name in enumerate(fixed)}

            def barycentre(item: tuple[int, str], where=where) -> float:
                position, name = item
                linked = [where[other] for other in neighbours[name] if other in where]
                return sum(linked) / len(linked) if linked else float(position)

            current[index] = [name for _, name in sorted(enumerate(current[index]), key=barycentre)]
        found = _crossings(current, links, row_of)
        if found < fewest:
            best, fewest = [list(row) for row in current], found
    return best


def layers(graph: AppointmentGraph) -> list[list[str]]:
    """Actors grouped by row and ordered within each row to reduce crossings (slots left out)."""
    rows, _, _ = _ordered(graph)
    return [[name for name in row if not name.startswith("~")] for row in rows]


def _ordered(graph: AppointmentGraph):
    rows = _rows(graph)
    row_of = {name: index for index, row in enumerate(rows) for name in row}
    chains = _chains(graph, row_of)
    for chain in chains.values():
        for slot in chain[1:-1]:
            row_of[slot] = int(slot.rsplit(".", 1)[1])
            rows[row_of[slot]].append(slot)
    links = {(a, b) for chain in chains.values() for a, b in zip(chain, chain[1:]) if row_of[a] != row_of[b]}
    return order_rows(rows, links, row_of), row_of, chains


def _isotonic(targets: list[float], gaps: list[float]) -> list[float]:
    """The positions closest (least squares) to ``targets`` that keep ``x[i+1] - x[i] >= gaps[i]``.

    Shifting by the cumulative gaps turns it into isotonic regression, solved exactly by pooling adjacent
    violators.

    >>> _isotonic([0, 0, 0], [10, 10])
    [-10.0, 0.0, 10.0]
    """
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [mean, weight]
    for target, offset in zip(targets, offsets):
        blocks.append([target - offset, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight = blocks.pop()
            blocks[-1] = [(blocks[-1][0] * blocks[-1][1] + mean * weight) / (blocks[-1][1] + weight),
                          blocks[-1][1] + weight]
    values = [mean for mean, weight in blocks for _ in range(int(weight))]
    return [value + offset for value, offset in zip(values, offsets)]


def label_size(label: str) -> tuple[float, float]:
    """The (width, height) of the box that holds ``label`` wrapped by :func:`label_lines`."""
    lines = label_lines(label)
    return max(92.0, max(text_width(line, LABEL_SIZE) for line in lines) + 24), 22.0 + LINE_HEIGHT * len(lines)


def _area(label: str) -> float:
    width, height = label_size(label)
    return width * height


def fits(label: str, box: Placed) -> bool:
    """Whether ``label`` wrapped fits in ``box`` (a side's own label in the shared layout's box)."""
    width, height = label_size(label)
    return width <= box.width + 1e-9 and height <= box.height + 1e-9


def label_lines(label: str) -> tuple[str, ...]:
    """A box label wrapped at word boundaries into lines of about :data:`LABEL_CHARS` characters, never cut
    and never broken inside a word (a box grows to its longest word)."""
    return tuple(textwrap.wrap(label, width=LABEL_CHARS, break_long_words=False, break_on_hyphens=False)) or ("",)


def _x_positions(rows, widths, links) -> dict[str, float]:
    neighbours: dict[str, list[str]] = {name: [] for row in rows for name in row}
    for a, b in links:
        neighbours[a].append(b)
        neighbours[b].append(a)

    def gaps(row):
        return [(widths[a] + widths[b]) / 2 + (SLOT_GAP if a.startswith("~") or b.startswith("~") else NODE_GAP)
                for a, b in zip(row, row[1:])]

    x: dict[str, float] = {}
    for row in rows:  # packed, centred on 0
        if row:
            span = sum(gaps(row))
            start = -span / 2
            for name, offset in zip(row, [0.0, *accumulate(gaps(row))]):
                x[name] = start + offset
    for sweep in range(SWEEPS):
        sequence = range(len(rows)) if sweep % 2 == 0 else range(len(rows) - 1, -1, -1)
        for index in sequence:
            row = rows[index]
            if not row:
                continue
            targets = [sum(x[other] for other in neighbours[name]) / len(neighbours[name]) if neighbours[name]
                       else x[name] for name in row]
            for name, value in zip(row, _isotonic(targets, gaps(row))):
                x[name] = value
    return x


def place(graph: AppointmentGraph) -> tuple[dict[str, Placed], float, float]:
    """Boxes for every actor and the drawing's width and height (before the legend)."""
    found = layout_graph(graph)
    return found.boxes, found.width, found.height


def layout_graph(graph: AppointmentGraph) -> Layout:
    """The whole layout: boxes, routes of every relation and the size (before the legend)."""
    rows, row_of, chains = _ordered(graph)
    labels = {actor.id: label_lines(actor.label) for actor in graph.actors}
    sizes = {actor.id: label_size(actor.label) for actor in graph.actors}
    widths = {name: sizes[name][0] if name in sizes else SLOT_WIDTH for row in rows for name in row}
    links = {(a, b) for chain in chains.values() for a, b in zip(chain, chain[1:]) if a != b}
    x = _x_positions(rows, widths, links)
    left = min((x[name] - widths[name] / 2 for row in rows for name in row), default=0.0)
    right = max((x[name] + widths[name] / 2 for row in rows for name in row), default=0.0)
    width = max(MIN_WIDTH, right - left) + 2 * MARGIN
    shift = MARGIN - left + (width - 2 * MARGIN - (right - left)) / 2
    x = {name: value + shift for name, value in x.items()}
    return route_all(graph, rows, row_of, chains, x, sizes, labels, width)
