"""Small helpers shared by the chart modules: an SVG document, text, legends and number formatting.

Charts are plain SVG strings meant to be inlined in HTML: no external fonts, images, scripts or links,
only the system sans-serif font. Every chart root carries ``class="rl-chart"`` and a ``data-chart`` kind so
a test (or a reader's browser tools) can find it.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Iterable, Sequence
from fractions import Fraction
from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#d9dee3"

# Average advance of one character of FONT at 1px size; used only to size legends and boxes.
CHAR_WIDTH = 0.58


def attr(value: object) -> str:
    """``value`` escaped for use inside a double-quoted XML attribute."""
    return escape(str(value), quote=True)


def number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros ("12.5", "3")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(text: str, size: float) -> float:
    """The estimated width in pixels of ``text`` at font ``size``."""
    return len(text) * size * CHAR_WIDTH


def chart_id(kind: str, *parts: object) -> str:
    """A stable id prefix for one chart, so that several charts inlined in one page never share ids."""
    digest = hashlib.sha1(repr((kind, parts)).encode("utf-8")).hexdigest()[:8]
    return f"rl-{kind}-{digest}"


def document(kind: str, width: float, height: float, title: str, description: str, body: Iterable[str]) -> str:
    """A whole SVG element of the given size, with an accessible title and description.

    Args:
        kind: the chart kind, stored in ``data-chart`` ("hemicycle", "graph", "bars").
        width: width in user units (pixels at scale 1); the chart scales down to its container.
        height: height in user units.
        title: shown to screen readers and as the browser tooltip.
        description: a one-sentence text alternative of what the chart shows.
        body: SVG elements to put inside.
    """
    w, h = number(width), number(height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rl-chart" data-chart="{attr(kind)}" '
        f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'font-family="{attr(FONT)}" fill="{INK}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>" + "".join(body) + "</svg>"
    )


def text(x: float, y: float, content: str, *, size: float = 12, anchor: str = "start", weight: str = "normal",
         fill: str = INK) -> str:
    """A ``<text>`` element (content escaped)."""
    extra = f' font-weight="{weight}"' if weight != "normal" else ""
    return (
        f'<text x="{number(x)}" y="{number(y)}" font-size="{number(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"{extra}>{escape(content)}</text>'
    )


def fit(content: str, size: float, width: float) -> str:
    """``content`` cut with an ellipsis so that it fits ``width`` pixels at font ``size``.

    >>> fit("Democratic Party Adilet", 12, 80)
    'Democratic…'
    """
    if text_width(content, size) <= width:
        return content
    keep = max(int(width / (size * CHAR_WIDTH)) - 1, 1)
    return content[:keep].rstrip() + "\u2026"


def wrap(content: str, size: float, width: float) -> list[str]:
    """``content`` folded at word boundaries into lines that fit ``width`` pixels at font ``size``: every word
    kept whole, nothing cut (a label is read in full, on as many lines as it takes).

    >>> wrap("Ak Zhol Democratic Party of Kazakhstan", 12, 140)
    ['Ak Zhol Democratic', 'Party of Kazakhstan']
    """
    per_line = max(int(width / (size * CHAR_WIDTH)), 8)
    return textwrap.wrap(content, per_line, break_long_words=False, break_on_hyphens=False) or [""]


def heading(content: str, x: float, y: float, width: float, *, size: float = 16, weight: str = "bold",
            fill: str = INK, anchor: str = "start") -> tuple[list[str], float]:
    """``content`` wrapped into lines that fit ``width`` (whole, on as many lines as it takes), first
    baseline at ``y``.

    Returns:
        The ``<text>`` elements and the y of the next free line below them.
    """
    lines = wrap(content, size * (1.08 if weight == "bold" else 1), width)
    step = size * 1.3
    elements = [text(x, y + index * step, line, size=size, anchor=anchor, weight=weight, fill=fill)
                for index, line in enumerate(lines)]
    return elements, y + len(lines) * step


def legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float, *, size: float = 12,
           swatch: float = 14, gap: float = 18) -> tuple[list[str], float]:
    """Lay out legend entries in rows that fit ``width``.

    Args:
        items: (swatch SVG drawn in a ``swatch``-sized box at the origin, label) pairs.
        x: left edge.
        y: top edge.
        width: available width; entries wrap to a new row when they would overflow.
        size: font size of the labels.
        swatch: size of the swatch box.
        gap: space between entries.

    Returns:
        The SVG elements and the height used.
    """
    elements: list[str] = []
    row_height = max(swatch, size) + 8
    cursor_x, cursor_y = x, y
    for mark, label in items:
        entry_width = swatch + 6 + text_width(label, size)
        if cursor_x > x and cursor_x + entry_width > x + width:
            cursor_x, cursor_y = x, cursor_y + row_height
        elements.append(f'<g transform="translate({number(cursor_x)},{number(cursor_y)})">{mark}</g>')
        elements.append(text(cursor_x + swatch + 6, cursor_y + swatch / 2 + size * 0.35, label, size=size))
        cursor_x += entry_width + gap
    used = (cursor_y - y) + row_height if items else 0
    return elements, used


def format_value(value: Fraction | float | None, unit: str = "", *, digits: int = 3) -> str:
    """A number as the report shows it.

    Integers stay integers; fractions and floats get ``digits`` decimals; ``unit="%"`` means the value is a
    share in [0, 1] and is shown as a percentage with one decimal. ``None`` is shown as an en dash.

    >>> format_value(Fraction(9, 107), "%")
    '8.4%'
    >>> format_value(Fraction(1, 3))
    '0.333'
    >>> format_value(Fraction(14, 7), "seats")
    '2 seats'
    """
    if value is None:
        return "\u2013"
    if unit == "%":
        return f"{float(value) * 100:.1f}%"
    if isinstance(value, Fraction) and value.denominator == 1:
        value = int(value)
    shown = str(value) if isinstance(value, int) else f"{float(value):.{digits}f}"
    return f"{shown} {unit}" if unit else shown


def format_power(value: Fraction | float | None) -> str:
    """A power index value with three decimals, whole numbers included ("1.000"); None as an en dash.

    >>> format_power(Fraction(2, 3)), format_power(1), format_power(None)
    ('0.667', '1.000', '–')
    """
    return "\u2013" if value is None else f"{float(value):.3f}"
