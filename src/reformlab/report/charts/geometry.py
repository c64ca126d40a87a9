"""The shapes of a laid-out appointment graph: boxes, routes and the layout that holds them."""

from __future__ import annotations

from dataclasses import dataclass

from reformlab.report.data import Relation

Point = tuple[float, float]


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


@dataclass(frozen=True)
class Route:
    """The path of one edge: ``points`` joined by straight lines, except segments flagged in ``curved``,
    which are drawn as S-curves with vertical tangents (they stay between the heights of their ends)."""

    points: tuple[Point, ...]
    curved: tuple[bool, ...]


@dataclass(frozen=True)
class Layout:
    """Boxes of every actor, the route of every relation (by :func:`relation_key`) and the drawing's size."""

    boxes: dict[str, Placed]
    routes: dict[tuple[str, str, str], Route]
    width: float
    height: float


def relation_key(edge: Relation) -> tuple[str, str, str]:
    """What makes two relations the same for comparing versions: who, to whom, how (not the article)."""
    return edge.source, edge.target, edge.relation
