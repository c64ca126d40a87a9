"""Line chart of a loss probability against the simulation's main parameter, one line per side, with its band."""

from __future__ import annotations

from html import escape

from reformlab.report.charts.svg import GRID, MUTED, chart_id, document, heading, legend, number, text
from reformlab.report.data import RiskSection
from reformlab.report.risk_view import axis_words, held_series

WIDTH, HEIGHT = 470.0, 250.0
LEFT, RIGHT, TOP, BOTTOM = 62.0, 16.0, 40.0, 62.0
COLORS = {"before": "#9a6b00", "after": "#1f5f99"}
SIDES = {"before": "rules before the reform", "after": "rules after the reform"}


def risk_lines_svg(section: RiskSection, procedure: str) -> str:
    """One decision's probability of the camp losing the power to pass it alone, before and after, against
    ``section.parameter`` (swept values equally spaced on the x axis), with 95% bands.

    Only the sides where the camp held the power at the recorded result are drawn: where it never held it,
    there is nothing to lose (:mod:`reformlab.report.risk_view` names those sides instead)."""
    series = held_series(section, procedure)
    x_axis, y_axis = axis_words(section)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(section.values)

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(p: float) -> float:
        return top + plot_h * (1 - p)

    title, top = heading(procedure, 0, 16, WIDTH, size=14)
    body = list(title)
    top = max(top, TOP)
    plot_h = HEIGHT - top - BOTTOM
    for tick in (0, 0.25, 0.5, 0.75, 1):
        body.append(f'<line x1="{number(LEFT)}" x2="{number(LEFT + plot_w)}" y1="{number(y(tick))}" '
                    f'y2="{number(y(tick))}" stroke="{GRID}" stroke-width="1"/>')
        body.append(text(LEFT - 6, y(tick) + 4, f"{tick:.0%}", size=11, anchor="end", fill=MUTED))
    for i, value in enumerate(section.values):
        body.append(text(x(i), top + plot_h + 16, f"{value:g}", size=11, anchor="middle", fill=MUTED))
    body.append(text(LEFT + plot_w / 2, top + plot_h + 32, x_axis, size=12, anchor="middle", fill=MUTED))
    middle = top + plot_h / 2  # the y axis: what the lines measure
    body.append(f'<text x="14" y="{number(middle)}" font-size="11" text-anchor="middle" fill="{MUTED}" '
                f'transform="rotate(-90 14 {number(middle)})">{escape(y_axis)}</text>')
    for line in series:
        color = COLORS.get(line.side, MUTED)
        if line.low and line.high:
            upper = [f"{number(x(i))},{number(y(p))}" for i, p in enumerate(line.high)]
            lower = [f"{number(x(i))},{number(y(p))}" for i, p in reversed(list(enumerate(line.low)))]
            body.append(f'<polygon class="band" points="{" ".join(upper + lower)}" fill="{color}" fill-opacity="0.15"/>')
        points = " ".join(f"{number(x(i))},{number(y(p))}" for i, p in enumerate(line.p_lose_pass))
        body.append(f'<polyline class="line" points="{points}" fill="none" stroke="{color}" stroke-width="2.5"/>')
        body.extend(f'<circle class="point" cx="{number(x(i))}" cy="{number(y(p))}" r="3" fill="{color}"/>'
                    for i, p in enumerate(line.p_lose_pass))
    items = [(f'<rect width="14" height="4" y="5" fill="{COLORS.get(s.side, MUTED)}"/>', SIDES[s.side]) for s in series]
    elements, _ = legend(items, LEFT, HEIGHT - 22, plot_w, size=12)
    body.extend(elements)
    description = "; ".join(
        f"{s.side}: " + ", ".join(f"{v:g} -> {p:.1%}" for v, p in zip(section.values, s.p_lose_pass)) for s in series
    )
    return document("lines", WIDTH, HEIGHT, f"Risk of losing the power to pass {procedure} alone",
                    description, [f'<g id="{chart_id("lines", procedure)}">', *body, "</g>"])
