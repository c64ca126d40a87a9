"""Checks on a :class:`ReportData` before rendering, each naming the field at fault and how to fix it."""

from __future__ import annotations

import numbers
import re

from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.charts.graph import check_graph
from reformlab.report.data import CONFIDENCES, FILLINGS, VERDICTS, ReportData

COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def _choice(value: str, choices, field: str, what: str) -> None:
    if value not in choices:
        raise unknown_name(what, value, choices, field=field)


def validate_report(report: ReportData) -> None:
    """Raise :class:`ReformlabError` for the first thing in ``report`` the renderers cannot show.

    Checked: seat fillings and colours, appointment graphs (actors, relations), claim verdicts, fact
    confidences, and that power values are real numbers, never negative.
    """
    for side in ("before", "after"):
        snapshot = getattr(report, side)
        names = [chamber.name for chamber in snapshot.chambers]
        for index, chamber in enumerate(snapshot.chambers):
            where = f"{side}.chambers[{index}]"
            if names.index(chamber.name) != index:
                raise ReformlabError(f"chamber '{chamber.name}' appears twice", field=f"{where}.name",
                                     fix="give each chamber of a snapshot its own name")
            if not chamber.seats:
                raise ReformlabError(f"chamber '{chamber.name}' has no seats", field=f"{where}.seats",
                                     fix="give at least one Seat or leave the chamber out")
            for position, seat in enumerate(chamber.seats):
                _choice(seat.filled_by, FILLINGS, f"{where}.seats[{position}].filled_by", "seat filling")
                if not COLOR.fullmatch(seat.color):
                    raise ReformlabError(f"seat colour '{seat.color}' is not a hex colour",
                                         field=f"{where}.seats[{position}].color", fix="write it as '#1f77b4'")
        try:
            check_graph(snapshot.graph)
        except ReformlabError as exc:
            exc.field = f"{side}.graph.{exc.field}"
            raise
    for index, power in enumerate(report.power):
        for side in ("before", "after"):
            for actor, value in getattr(power, side).items():
                if not isinstance(value, numbers.Real) or value < 0:
                    raise ReformlabError(f"power of '{actor}' is {value!r}, not a non-negative number",
                                         field=f"power[{index}].{side}", fix="give an int, Fraction or float >= 0")
    for index, claim in enumerate(report.claims):
        _choice(claim.verdict, VERDICTS, f"claims[{index}].verdict", "verdict")
    for index, fact in enumerate(report.facts):
        _choice(fact.confidence, CONFIDENCES, f"facts[{index}].confidence", "confidence")
