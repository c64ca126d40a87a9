"""Waterfall chart of one decision: how each amendment of a reform moved a measure from its value before to
its value after, amendments sorted by effect, gains and losses in two colours, each bar with its article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from reformlab.report.charts.svg import GRID, MUTED, document, heading, legend, number, text, wrap

WIDTH = 560.0
MARGIN = 16.0
LABEL_WIDTH = 210.0
ROW = 26.0
BAR = 16.0
COLORS = {"raised": "#1f5f99", "lowered": "#c05621", "total": "#52606d"}


@dataclass(frozen=True)
class Step:
    """One bar: an amendment's share of the change (``article`` printed under its label)."""

    label: str
    article: str
    value: Fraction


def waterfall_svg(title: str, before: Fraction, steps: Sequence[Step], *, unit: str = "",
                  raised: str = "raises the camp's power", lowered: str = "lowers it",
                  value_text=None) -> str:
    """The chart: a bar from ``before`` for each step, stacked, then the resulting total.

    Args:
        title: the decision and the measure.
        before: the measure before the reform.
        steps: the amendments' shares (already sorted as they should be shown).
        unit: shown after the axis values.
        value_text: how a value is printed (default: ``+0.123`` / whole numbers as they are).
    """
    show = value_text or _signed
    after = before + sum((s.value for s in steps), Fraction(0))
    points = [before]
    for step in steps:
        points.append(points[-1] + step.value)
    low, high = float(min(points + [Fraction(0)])), float(max(points))
    if high - low < 1e-12:
        high = low + 1.0
    title_elements, y = heading(title, MARGIN, MARGIN + 14, WIDTH - 2 * MARGIN, size=14)
    top = y + 6
    plot_left = MARGIN + LABEL_WIDTH
    plot_width = WIDTH - plot_left - MARGIN - 104  # room for an exact fraction after the longest bar

    def x_of(value: float) -> float:
        return plot_left + (value - low) / (high - low) * plot_width

    body = list(title_elements)
    rows = [("before the reform", "", before, None)] + [
        (s.label, s.article, s.value, points[i]) for i, s in enumerate(steps)
    ] + [("after the reform", "", after, None)]
    row_y = top
    for label, article, value, start in rows:
        # every label and article whole, folded at word boundaries: the row grows to hold them
        label_lines = wrap(label, 12, LABEL_WIDTH - 8)
        article_lines = wrap(article, 9.5, LABEL_WIDTH - 8) if article else []
        for k, line in enumerate(label_lines):
            body.append(text(MARGIN, row_y + BAR - 4 + k * 14, line, size=12))
        for k, line in enumerate(article_lines):
            body.append(text(MARGIN, row_y + BAR + 8 + (len(label_lines) - 1) * 14 + k * 11, line, size=9.5,
                             fill=MUTED))
        height_here = max(ROW, BAR - 4 + (len(label_lines) - 1) * 14 + len(article_lines) * 11 + 10)
        if start is None:  # the totals: a bar from zero (or the axis' low end)
            x0, x1, color = x_of(max(low, 0.0)), x_of(float(value)), COLORS["total"]
        else:
            x0, x1 = x_of(float(start)), x_of(float(start + value))
            color = COLORS["raised"] if value > 0 else COLORS["lowered"]
        left, width = min(x0, x1), max(abs(x1 - x0), 1.0 if value else 0.0)
        body.append(f'<rect class="bar" x="{number(left)}" y="{number(row_y)}" width="{number(width)}" height="{BAR}" '
                    f'fill="{color}"/>')
        shown = show(value) if start is not None else _plain(value)
        body.append(text(max(x0, x1) + 4, row_y + BAR - 4, shown, size=11, fill=MUTED))
        row_y += height_here
    bottom = row_y
    body.append(f'<line x1="{number(x_of(0.0) if low <= 0 <= high else plot_left)}" y1="{number(top - 4)}" '
                f'x2="{number(x_of(0.0) if low <= 0 <= high else plot_left)}" y2="{number(bottom)}" '
                f'stroke="{GRID}"/>')
    swatch = '<rect width="14" height="14" fill="{}"/>'
    items = [(swatch.format(COLORS["raised"]), raised), (swatch.format(COLORS["lowered"]), lowered)]
    legend_elements, used = legend(items, MARGIN, bottom + 8, WIDTH - 2 * MARGIN, size=11)
    body += legend_elements
    height = bottom + 8 + used + MARGIN
    description = (f"{title}: from {_plain(before)} to {_plain(after)}; "
                   + "; ".join(f"{s.label} {show(s.value)}" for s in steps))
    return document("waterfall", WIDTH, height, title, description, body)


def _signed(value: Fraction) -> str:
    """``+1``, ``-0.250``, or the exact fraction when three decimals would show a change as ``+0.000``."""
    if value.denominator == 1:
        return f"{int(value):+d}"
    if abs(value) < Fraction(1, 1000):
        return ("+" if value > 0 else "-") + str(abs(value))
    return f"{float(value):+.3f}"


def _plain(value: Fraction) -> str:
    """Three decimals, or the exact fraction when rounding would hide that it is not a whole number."""
    if value.denominator == 1:
        return str(int(value))
    text = f"{float(value):.3f}"
    return str(value) if float(text) == round(value) else text
