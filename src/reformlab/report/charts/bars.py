"""Grouped horizontal bar chart of each actor's power in one procedure, before and after, veto players marked."""

from __future__ import annotations

import math

from reformlab.ordering import natural_key
from reformlab.report.charts.svg import (
    GRID,
    MUTED,
    attr,
    document,
    format_power,
    heading,
    legend,
    number,
    text,
    text_width,
    wrap,
)
from reformlab.report.data import ProcedurePower

WIDTH = 470.0
MARGIN = 16.0
BAR = 15.0
GROUP_GAP = 14.0
LABEL_SIZE = 13.0
LINE = 14.5  # the distance between two lines of one label
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
    """Actors by power after the reform, largest first, then by power before; ties in natural order of their
    names (``Independent 2`` before ``Independent 10``)."""
    names = list(dict.fromkeys([*power.after, *power.before]))
    return sorted(names, key=lambda name: (-float(power.after.get(name, -1)), -float(power.before.get(name, -1)),
                                           natural_key(name)))


def idle_actors(power: ProcedurePower) -> list[str]:
    """Actors whose power shows as 0.000 on every side and who hold no veto, in :func:`actor_order`.

    Dummies and near-dummies (a single deputy among a hundred) would only draw empty bars; the chart lists
    them in one line instead.
    """
    vetoes = power.veto_before | power.veto_after
    return [
        name for name in actor_order(power)
        if name not in vetoes
        and all(format_power(side.get(name, 0)) == format_power(0) for side in (power.before, power.after))
    ]


def _bar(side: str, name: str, value, veto: bool, left: float, y: float, scale: float) -> list[str]:
    length = max(float(value) * scale, 1.5)
    outline = f' stroke="{VETO}" stroke-width="2.5"' if veto else ""
    shown = format_power(value)
    elements = [
        (f'<rect class="bar" data-side="{side}" x="{number(left)}" y="{number(y)}" width="{number(length)}" '
        f'height="{BAR}" rx="2" fill="{COLORS[side]}"{outline}>'
        f"<title>{attr(f'{side}: {name} {shown}')}{' (veto player)' if veto else ''}</title></rect>"),
        text(left + length + 6, y + BAR - 3.5, shown, size=12),
    ]
    if veto:
        elements.append(_veto_badge(left + length + 11 + text_width(shown, 12), y + BAR - 4))
    return elements


def power_bars_svg(power: ProcedurePower, title: str = "") -> str:
    """An inline SVG with two bars per actor (before, after) of ``power.index`` in ``power.procedure``.

    Veto players get a red outline and a "VETO" badge. An actor without a role on one side gets the words
    "no role" there; a side with no values at all (the procedure was not computed for it) is left out with a
    note. Actors whose power shows as 0.000 on both sides and who hold no veto are listed in one line under
    the chart instead of drawing empty bars.

    Args:
        power: the procedure's power values and veto players.
        title: the heading; defaults to the procedure and index names (wrapped to fit).

    >>> from fractions import Fraction
    >>> p = ProcedurePower("law", "banzhaf", {"A": Fraction(1, 2)}, {"A": Fraction(3, 4), "B": Fraction(1, 4)},
    ...                    veto_after=frozenset({"A"}))
    >>> svg = power_bars_svg(p)
    >>> svg.count('class="bar"'), svg.count('class="veto"')
    (3, 1)
    """
    title = title or f"{power.procedure[:1].upper()}{power.procedure[1:]}: {display_name(power.index)} index"
    idle = idle_actors(power)
    names = [name for name in actor_order(power) if name not in idle]
    sides = [(side, getattr(power, side), getattr(power, f"veto_{side}")) for side in ("before", "after")
             if getattr(power, side)]
    label_width = min(150.0, max([70.0, *(text_width(name, LABEL_SIZE) + 12 for name in names)]))
    plot_left, plot_right = MARGIN + label_width, WIDTH - MARGIN - 84
    values = [float(v) for _, side, _ in sides for v in side.values()]
    top, step = axis(max(values, default=0.0))
    scale = (plot_right - plot_left) / top

    body, y = heading(title, MARGIN, 22, WIDTH - 2 * MARGIN)
    items = [(f'<rect width="14" height="14" rx="2" fill="{COLORS[side]}"/>', side) for side, _, _ in sides]
    items.append((f'<rect width="14" height="14" rx="2" fill="#fff" stroke="{VETO}" stroke-width="2.5"/>',
                  "veto player (can block alone)"))
    elements, used = legend(items, MARGIN, y + 2, WIDTH - 2 * MARGIN, size=12.5, gap=14)
    body.extend(elements)
    y += used + 2
    for side in ("before", "after"):
        if not getattr(power, side):
            body.append(text(MARGIN, y + 12, f"No {side} values: the procedure was not computed {side} the reform.",
                             size=11.5, fill=MUTED))
            y += 18
    plot_top = y + 10
    most_lines = max((len(wrap(name, LABEL_SIZE * 1.05, label_width - 10)) for name in names), default=1)
    group_height = max(len(sides) * (BAR + 4), most_lines * LINE) + GROUP_GAP
    plot_bottom = plot_top + group_height * len(names)

    for tick in range(round(top / step) + 1):
        x = plot_left + step * tick * scale
        body.append(f'<line x1="{number(x)}" y1="{number(plot_top - 4)}" x2="{number(x)}" '
                    f'y2="{number(plot_bottom)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(text(x, plot_bottom + 15, f"{step * tick:g}", size=11, anchor="middle", fill=MUTED))
    body.append(text((plot_left + plot_right) / 2, plot_bottom + 31, f"{display_name(power.index)} index",
                     size=11.5, anchor="middle", fill=MUTED))

    for position, name in enumerate(names):
        y = plot_top + position * group_height
        lines = wrap(name, LABEL_SIZE * 1.05, label_width - 10)  # bold: a little wider
        middle = y + (len(sides) * (BAR + 4) - 4) / 2 + LABEL_SIZE * 0.35 - (len(lines) - 1) * LINE / 2
        body.append(f"<g><title>{attr(name)}</title>" + "".join(
            text(plot_left - 8, middle + k * LINE, line, size=LABEL_SIZE, anchor="end", weight="600")
            for k, line in enumerate(lines)) + "</g>")
        for row, (side, values_by_actor, vetoes) in enumerate(sides):
            bar_y = y + row * (BAR + 4)
            if name in values_by_actor:
                body.extend(_bar(side, name, values_by_actor[name], name in vetoes, plot_left, bar_y, scale))
            else:
                body.append(text(plot_left + 4, bar_y + BAR - 3.5, f"{side}: no role", size=11.5, fill=MUTED))
    bottom = plot_bottom + 40
    if idle:
        note = f"{len(idle)} more with power below 0.0005 before and after: " + ", ".join(idle)
        lines, bottom = heading(note, MARGIN, bottom + 4, WIDTH - 2 * MARGIN, size=11.5, weight="normal",
                                fill=MUTED)
        body.extend(lines)
    description = f"{title}. " + "; ".join(
        f"{name}: before {format_power(power.before.get(name))}, after {format_power(power.after.get(name))}"
        for name in names
    ) + (f"; {len(idle)} more actors have power below 0.0005." if idle else ".")
    return document("bars", WIDTH, bottom, title, description, body)
