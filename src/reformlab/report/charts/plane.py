"""The Shugart-Carey plane: each version as its score range, each reform as an arrow from before to after.

x is the non-legislative total (0-16), y the legislative total (0-24). A version whose items are partly
unknown is a box spanning its range; the arrow joins the boxes' centres, so its direction is only as sure
as the boxes are small (the caption says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reformlab.report.charts.svg import GRID, MUTED, attr, document, legend, number, text

PALETTE = ("#1f4e9c", "#c2571a", "#2a8a3e", "#8e44ad", "#b03a48", "#4d6b7f")
X_MAX, Y_MAX = 16, 24


@dataclass(frozen=True)
class PlaneMove:
    """One reform on the plane: its name and the (low, high) ranges of each side.

    Attributes:
        label: the reform ("Kazakhstan 2007").
        before, after: ``((non_legislative_low, high), (legislative_low, high))``.
    """

    label: str
    before: tuple[tuple[int, int], tuple[int, int]]
    after: tuple[tuple[int, int], tuple[int, int]]


def plane_svg(moves: Sequence[PlaneMove], *, width: float = 640, height: float = 520) -> str:
    """An inline SVG of the plane with one box pair and arrow per move."""
    left, top, right, bottom = 56, 24, width - 24, height - 120
    span_x, span_y = right - left, bottom - top

    def px(value: float) -> float:
        return left + span_x * value / X_MAX

    def py(value: float) -> float:
        return bottom - span_y * value / Y_MAX

    body = [f'<defs><marker id="rl-plane-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/>'
            f"</marker></defs>"]
    for tick in range(0, X_MAX + 1, 4):
        body.append(f'<line x1="{number(px(tick))}" y1="{number(top)}" x2="{number(px(tick))}" y2="{number(bottom)}" stroke="{GRID}"/>')
        body.append(text(px(tick), bottom + 16, str(tick), size=11, anchor="middle", fill=MUTED))
    for tick in range(0, Y_MAX + 1, 4):
        body.append(f'<line x1="{number(left)}" y1="{number(py(tick))}" x2="{number(right)}" y2="{number(py(tick))}" stroke="{GRID}"/>')
        body.append(text(left - 8, py(tick) + 4, str(tick), size=11, anchor="end", fill=MUTED))
    body.append(text((left + right) / 2, bottom + 36, "non-legislative powers (Shugart-Carey, 0-16)", size=12, anchor="middle"))
    body.append(f'<text x="16" y="{number((top + bottom) / 2)}" font-size="12" text-anchor="middle" '
                f'transform="rotate(-90 16 {number((top + bottom) / 2)})">legislative powers (0-24)</text>')
    items = []
    for index, move in enumerate(moves):
        color = PALETTE[index % len(PALETTE)]
        centres = []
        for side, ((x_low, x_high), (y_low, y_high)) in (("before", move.before), ("after", move.after)):
            dash = ' stroke-dasharray="4 3"' if side == "before" else ""
            body.append(f'<rect x="{number(px(x_low))}" y="{number(py(y_high))}" width="{number(px(x_high) - px(x_low))}" '
                        f'height="{number(py(y_low) - py(y_high))}" fill="{color}" fill-opacity="0.08" stroke="{color}"{dash}>'
                        f"<title>{attr(move.label)}, {side}: non-legislative {x_low}-{x_high}, legislative {y_low}-{y_high}</title></rect>")
            centres.append(((px(x_low) + px(x_high)) / 2, (py(y_low) + py(y_high)) / 2))
        (x1, y1), (x2, y2) = centres
        body.append(f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}" stroke="{color}" '
                    f'stroke-width="2.5" marker-end="url(#rl-plane-arrow)"/>')
        items.append((f'<rect width="14" height="14" fill="{color}"/>', move.label))
    marks, _ = legend(items, left, bottom + 52, right - left)
    body.extend(marks)
    body.append(text(left, height - 12, "Boxes span each version's range (unknown items count 0 to 4); dashed: before.",
                     size=11, fill=MUTED))
    return document("plane", width, height, "Reforms on the Shugart-Carey plane",
                    "Each reform drawn as an arrow from its version before to its version after, by presidential power scores.",
                    body)
