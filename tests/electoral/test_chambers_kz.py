"""Whole Majilis compositions: list tiers from votes, district seats as declared, unelected seats as data."""

from __future__ import annotations

import pytest

from reformlab.data.election_results import built_in_elections, election_inputs
from reformlab.electoral import Chamber, ElectoralSystem, SingleMemberSystem, tier_to_dict

SIZES = {  # (elected, unelected): kazakhstan.md s.2, table 2a
    "KZ-MAJ-1999": (77, 0),
    "KZ-MAJ-2004": (77, 0),
    "KZ-MAJ-2007": (98, 9),
    "KZ-MAJ-2012": (98, 9),
    "KZ-MAJ-2016": (98, 9),
    "KZ-MAJ-2021": (98, 9),
    "KZ-MAJ-2023": (98, 0),
    "UA-VR-2006": (450, 0),  # Constitution of Ukraine Art. 76
    "UA-VR-2007": (450, 0),
    "KG-JK-2010": (120, 0),  # Constitution of the Kyrgyz Republic (2010) Art. 70(2)
}


@pytest.mark.parametrize("election", built_in_elections())
def test_chamber_sizes_and_round_trip(election):
    rule = election_inputs(election).rule
    chamber = Chamber.from_dict(rule["chamber"])
    assert (chamber.elected_seats, chamber.unelected_seats) == SIZES[election]
    assert Chamber.from_dict(chamber.to_dict()) == chamber
    assert chamber.elected[-1].seats == rule["system"]["seats"]


@pytest.mark.parametrize("election", ["KZ-MAJ-1999", "KZ-MAJ-2004", "KZ-MAJ-2023"])
def test_parallel_totals(election):
    """Parallel systems: declared district seats plus the list tier computed from the votes."""
    inputs = election_inputs(election)
    chamber = Chamber.from_dict(inputs.rule["chamber"])
    assert isinstance(chamber.elected[0], SingleMemberSystem)
    assert sum(inputs.district_seats.values()) == chamber.elected[0].seats
    lists = ElectoralSystem.from_dict(inputs.system_data).allocate(
        inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all
    )
    result = chamber.result([inputs.district_seats, lists])
    assert result.size == chamber.size
    for party, seats in result.seats.items():
        assert seats == inputs.district_seats.get(party, 0) + inputs.official_seats.get(party, 0)
    if election == "KZ-MAJ-2023":
        assert result.seats["Amanat"] == 62 and result.seats["Nationwide Social Democratic Party (OSDP)"] == 5


def test_apk_seats_are_unelected_and_named():
    chamber = Chamber.from_dict(election_inputs("KZ-MAJ-2012").rule["chamber"])
    (apk,) = chamber.unelected
    assert (apk.seats, apk.kind, apk.filled_by) == (9, "indirect", "Assembly of People of Kazakhstan")
    result = chamber.result([election_inputs("KZ-MAJ-2012").official_seats])
    assert result.size == 107 and result.unelected == (apk,)
    assert tier_to_dict(chamber.elected[0])["kind"] == "list"
