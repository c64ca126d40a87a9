"""Building chambers from seat counts, with stable party colours."""

from __future__ import annotations

import dataclasses

import pytest

from reformlab.errors import ReformlabError
from reformlab.report import render_markdown, validate_report
from reformlab.report.seating import PALETTE, chamber_from_counts, party_colors, seats_from_counts


def test_party_colors_are_stable_and_skip_fixed_ones():
    colors = party_colors(["A", "B", "C"], fixed={"B": PALETTE[0]})
    assert colors == {"A": PALETTE[1], "B": PALETTE[0], "C": PALETTE[2]}
    assert party_colors(["A", "B", "C"], fixed={"B": PALETTE[0]}) == colors


def test_seats_from_counts_keep_row_order_and_one_colour_per_party():
    chamber = chamber_from_counts("Majilis", [("Nur Otan", "elected", 98, "party list"), ("APK", "assembly", 9),
                                              ("Nur Otan", "appointed", 1)], note="test")
    assert len(chamber.seats) == 108 and chamber.note == "test"
    assert chamber.seats[0].group == "party list" and chamber.seats[98].filled_by == "assembly"
    assert {seat.color for seat in chamber.seats if seat.party == "Nur Otan"} == {PALETTE[0]}


@pytest.mark.parametrize(("row", "message"), [(("A", "elected", -1), "-1 seats"), (("A", "voted", 3), "voted")])
def test_seats_from_counts_reject_bad_rows(row, message):
    with pytest.raises(ReformlabError, match=message) as caught:
        seats_from_counts([("B", "elected", 1), row])
    assert caught.value.field == "rows[1]"


def test_duplicate_chamber_names_are_rejected(sample_report):
    twice = (sample_report.before.chambers[0], sample_report.before.chambers[0])
    bad = dataclasses.replace(sample_report, before=dataclasses.replace(sample_report.before, chambers=twice))
    with pytest.raises(ReformlabError, match="appears twice") as caught:
        validate_report(bad)
    assert caught.value.field == "before.chambers[1].name"


def test_markdown_marks_relations_the_reform_changed(sample_report):
    text = render_markdown(sample_report)
    assert "- Majilis → National Bank chair: *must consent* (Art. 56(1)) **(removed by the reform)**" in text
    assert "- Assembly of People (APK) → Majilis: *appoints or selects* (Art. 51(1)) **(new)**" in text
    assert "- Voters → President: *elects* (Art. 41)\n" in text
