"""Helpers for whoever builds a report: a stable party palette and a chamber's seats from seat counts."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.data import FILLINGS, Chamber, Seat

# Okabe and Ito's colour-blind-safe palette (without black and yellow, too dark or too light for seats),
# then Tableau's extra hues; a party keeps its colour wherever it appears in a report.
PALETTE: tuple[str, ...] = (
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
    "#8c564b", "#7f7f7f", "#bcbd22", "#17becf", "#9467bd", "#393b79",
)


def party_colors(parties: Iterable[str], fixed: Mapping[str, str] | None = None) -> dict[str, str]:
    """A colour for every party: ``fixed`` ones as given, the others from :data:`PALETTE` in order.

    Colours already taken by ``fixed`` are skipped; past the palette's end colours repeat (a chart with more
    than twelve unfixed parties should group the small ones).

    >>> party_colors(["Nur Otan", "Ak Zhol", "Nur Otan"], fixed={"Nur Otan": "#1f6fb4"})
    {'Nur Otan': '#1f6fb4', 'Ak Zhol': '#0072b2'}
    """
    fixed = dict(fixed or {})
    free = [color for color in PALETTE if color not in fixed.values()] or list(PALETTE)
    colors: dict[str, str] = {}
    for party in parties:
        if party in colors:
            continue
        if party in fixed:
            colors[party] = fixed[party]
        else:
            colors[party] = free[sum(name not in fixed for name in colors) % len(free)]
    return colors


def seats_from_counts(rows: Iterable[tuple[str, str, int] | tuple[str, str, int, str]],
                      colors: Mapping[str, str] | None = None, described: Collection[str] = ()) -> tuple[Seat, ...]:
    """Seats from (party, filled_by, count[, group]) rows, in row order (so each row forms one wedge).

    Args:
        rows: one row per party and way of filling; ``filled_by`` is a key of :data:`FILLINGS`.
        colors: party -> colour; missing parties get :func:`party_colors`.
        described: labels that are no party but say who fills the seats ("appointed by the President").

    Raises:
        ReformlabError: a negative count or an unknown ``filled_by``.

    >>> [s.filled_by for s in seats_from_counts([("A", "elected", 2), ("B", "assembly", 1, "quota")])]
    ['elected', 'elected', 'assembly']
    """
    rows = list(rows)
    palette = party_colors((row[0] for row in rows), colors)
    seats: list[Seat] = []
    for position, (party, filled_by, count, *group) in enumerate(rows):
        if filled_by not in FILLINGS:
            raise unknown_name("way of filling seats", filled_by, FILLINGS, field=f"rows[{position}]")
        if count < 0:
            raise ReformlabError(f"{party} has {count} seats", field=f"rows[{position}]",
                                 fix="give a count of zero or more")
        seats.extend(Seat(party, palette[party], filled_by, group[0] if group else "", party not in described)
                     for _ in range(count))
    return tuple(seats)


def chamber_from_counts(name: str, rows: Iterable[tuple[str, str, int] | tuple[str, str, int, str]],
                        colors: Mapping[str, str] | None = None, note: str = "",
                        described: Collection[str] = ()) -> Chamber:
    """A :class:`Chamber` from seat counts (see :func:`seats_from_counts`)."""
    return Chamber(name, seats_from_counts(rows, colors, described), note)
