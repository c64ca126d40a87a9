"""Grouped horizontal bar chart of each actor's power in one procedure, before and after, veto players marked."""

from __future__ import annotations

import math

from reformlab.report.charts.svg import GRID, MUTED, document, format_power, legend, number, text, text_width
from reformlab.report.data import ProcedurePower

WIDTH = 470.0
MARGIN = 16.0
BAR = 15.0
GROUP_GAP = 14.0
LABEL_SIZE = 13.0
COLORS = {"before": "#9fb3c8", "after": "#1f5f99"}
VETO = "#c53030"


def axis(largest: float) -> tuple[float, float]:
    """A round upper end for the value axis and its tick step (at most five steps).

    >>> axis(0.6), axis(0.333), axis(1.0), axis(37)
    ((0.6, 0.2), (0.4, 0.1), (1.0, 0.2), (40.0, 10.0))
    """
    if largest <= 0:
        return 1.0, 0.25
    magnitude = 10 ** math.floor(math.log10(largest))
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if largest / step <= 5 + 1e-9:
            return float(round(math.ceil(largest / step - 1e-9) * step, 10)), float(step)
    return largest, largest  # pragma: no cover - the loop always returns


def display_name(index: str) -> str:
    """An index's short name as a heading shows it: "banzhaf" -> "Banzhaf", "deegan_packel" -> "Deegan-Packel"."""
    return "-".join(part.capitalize() for part in index.split("_"))


def _veto_badge(x: float, y: float) -> str:
    return (
        f'<g class="veto"><rect x="{number(x)}" y="{number(y - 10)}" width="34" height="14" rx="3" fill="{VETO}"/>'
        + text(x + 17, y + 1, "VETO", size=9.5, anchor="middle", weight="bold", fill="#fff")
        + "</g>"
    )


def actor_order(power: ProcedurePower) -> list[str]:
    """Actors by power after the reform, largest first, then by power before; ties keep the input order."""
    names = list(dict.fromkeys([*power.after, *power.before]))
    return sorted(names, key=lambda name: (-float(power.after.get(name, -1)), -float(power.before.get(name, -1))))


def power_bars_svg(power: ProcedurePower, title: str = "") -> str:
    """An inline SVG with two bars per actor (before, after) of ``power.index`` in ``power.procedure``.

    Actors without a role on one side get no bar there and the words "no role". Veto players get a red
    outline on their bar and a "VETO" badge.

    Args:
        power: the procedure's power values and veto players.
        title: the heading; defaults to the procedure and index names.

    >>> from fractions import Fraction
    >>> p = ProcedurePower("law", "banzhaf", {"A": Fraction(1, 2)}, {"A": Fraction(3, 4), "B": Fraction(1, 4)},
    ...                    veto_after=frozenset({"A"}))
    >>> svg = power_bars_svg(p)
    >>> svg.count('class="bar"'), svg.count('class="veto"')
    (3, 1)
    """
    title = title or f"{power.procedure[:1].upper()}{power.procedure[1:]}: {display_name(power.index)} index"
    names = actor_order(power)
    label_width = min(150.0, max([70.0, *(text_width(name, LABEL_SIZE) + 12 for name in names)]))
    plot_left, plot_right = MARGIN + label_width, WIDTH - MARGIN - 84
    values = [float(v) for side in (power.before, power.after) for v in side.values()]
    top, step = axis(max(values, default=0.0))
    scale = (plot_right - plot_left) / top

    body = [text(MARGIN, 22, title, size=16, weight="bold")]
    items = [(f'<rect width="14" height="14" rx="2" fill="{COLORS[side]}"/>', side) for side in ("before", "after")]
    items.append((f'<rect width="14" height="14" rx="2" fill="#fff" stroke="{VETO}" stroke-width="2.5"/>',
                  "veto player (can block alone)"))
    elements, used = legend(items, MARGIN, 34, WIDTH - 2 * MARGIN, size=12.5, gap=14)
    body.extend(elements)
    plot_top = 34 + used + 10
    group_height = 2 * BAR + 4 + GROUP_GAP
    plot_bottom = plot_top + group_height * len(names)

    for tick in range(round(top / step) + 1):
        value = step * tick
        x = plot_left + value * scale
        body.append(f'<line x1="{number(x)}" y1="{number(plot_top - 4)}" x2="{number(x)}" '
                    f'y2="{number(plot_bottom)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(text(x, plot_bottom + 15, f"{value:g}", size=11, anchor="middle", fill=MUTED))
    body.append(text((plot_left + plot_right) / 2, plot_bottom + 31, f"{display_name(power.index)} index",
                     size=11.5, anchor="middle", fill=MUTED))

    for position, name in enumerate(names):
        y = plot_top + position * group_height
        body.append(text(plot_left - 8, y + BAR + 6, name, size=LABEL_SIZE, anchor="end", weight="600"))
        for row, (side, values_by_actor, vetoes) in enumerate(
            (("before", power.before, power.veto_before), ("after", power.after, power.veto_after))
        ):
            bar_y = y + row * (BAR + 4)
            if name not in values_by_actor:
                body.append(text(plot_left + 4, bar_y + BAR - 3.5, f"{side}: no role", size=11.5, fill=MUTED))
                continue
            value = values_by_actor[name]
            length = max(float(value) * scale, 1.5)
            veto = name in vetoes
            outline = f' stroke="{VETO}" stroke-width="2.5"' if veto else ""
            body.append(
                f'<rect class="bar" data-side="{side}" x="{number(plot_left)}" y="{number(bar_y)}" '
                f'width="{number(length)}" height="{BAR}" rx="2" fill="{COLORS[side]}"{outline}>'
                f"<title>{side}: {name} {format_power(value)}{' (veto player)' if veto else ''}</title></rect>"
            )
            label_x = plot_left + length + 6
            body.append(text(label_x, bar_y + BAR - 3.5, format_power(value), size=12))
            if veto:
                body.append(_veto_badge(label_x + text_width(format_power(value), 12) + 5, bar_y + BAR - 4))
    description = (
        f"{title}. "
        + "; ".join(
            f"{name}: before {format_power(power.before.get(name))}, after {format_power(power.after.get(name))}"
            for name in names
        )
        + "."
    )
    return document("bars", WIDTH, plot_bottom + 40, title, description, body)

