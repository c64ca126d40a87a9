"""Chart legends list each group of seats once, and numbered names sort naturally."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from reformlab.analysis.compare import compare
from reformlab.report.build import build_report
from reformlab.report.charts.bars import actor_order
from reformlab.report.charts.hemicycle import hemicycle_svg, legend_items
from reformlab.report.data import ProcedurePower, Seat

PAIRS = [("kz@2007-05-20", "kz@2007-05-21"), ("ua@2006-03-26", "ua@2007-10-01"), ("kg@2008-06-01", "kg@2011-01-01")]


@pytest.fixture(scope="module", params=PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def chambers(request):
    report = build_report(compare(*request.param), generated_on="2026-12-01")
    return [chamber for side in (report.before, report.after) for chamber in side.chambers]


def _labels(items):
    return [label for _, label in items]


def _count(label: str) -> int:
    return int(label.rsplit(" ", 1)[1])


def test_each_group_of_seats_is_counted_once_per_legend(chambers):
    assert chambers
    for chamber in chambers:
        parties, fillings = legend_items(chamber.seats)
        assert sum(_count(label) for label in _labels(parties)) == len(chamber.seats)
        assert sum(_count(label) for label in _labels(fillings)) == sum(seat.party_known for seat in chamber.seats)
        names = [label.rsplit(" ", 1)[0] for label in _labels(parties) + _labels(fillings)]
        assert len(names) == len(set(names)), names


def test_the_kazakh_2007_legends_name_who_fills_the_seats_once():
    report = build_report(compare("kz@2007-05-20", "kz@2007-05-21"), generated_on="2026-12-01")
    majilis, senate = report.after.chambers[:2]
    parties, fillings = legend_items(majilis.seats)
    assert sorted(_labels(parties)) == ["Nur Otan 98", "chosen by the APK 9"]
    assert _labels(fillings) == ["elected by voters 98"]  # not again "chosen by an appointed assembly 9"
    parties, fillings = legend_items(senate.seats)
    assert sorted(_labels(parties)) == ["appointed by the President 15", "chosen by the maslikhats 32"]
    assert fillings == []
    svg = hemicycle_svg(senate.seats, "Senate")
    legend_texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "appointed by one actor 15" not in legend_texts and legend_texts.count("appointed by the President 15") == 1


def test_a_seat_with_no_known_party_is_drawn_in_its_shape_in_the_legend():
    seats = [Seat("A", "#123456", "elected")] * 3 + [Seat("appointed by X", "#654321", "appointed", party_known=False)]
    parties, fillings = legend_items(seats)
    assert _labels(parties) == ["A 3", "appointed by X 1"]
    assert 'data-filled-by="appointed"' in parties[1][0] and 'data-filled-by="elected"' in parties[0][0]
    assert _labels(fillings) == ["elected by voters 3"]


def test_bars_order_ties_naturally():
    same = {f"Independent {n}": Fraction(1, 100) for n in (10, 2, 1)}
    power = ProcedurePower("law", "banzhaf", same, same)
    assert actor_order(power) == ["Independent 1", "Independent 2", "Independent 10"]


def test_error_choices_are_listed_in_natural_order():
    from reformlab.errors import did_you_mean

    fix = did_you_mean("zzz", [f"Independent {n}" for n in (10, 2, 1, 11)])
    assert fix == "choose one of: Independent 1, Independent 2, Independent 10, Independent 11"
