"""Golden tests: the official list-tier seats of every Kazakh Majilis election, from the raw votes."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import attrs
import pytest
import yaml

from reformlab.data.election_results import election_inputs, load_elections
from reformlab.electoral import ElectoralSystem, MinimumParties, allocate

CASES = yaml.safe_load((Path(__file__).parent / "golden" / "kz_majilis.yaml").read_text(encoding="utf-8"))


def _system(inputs, case) -> ElectoralSystem:
    system = ElectoralSystem.from_dict(inputs.rule["system"])
    return attrs.evolve(system, threshold=attrs.evolve(system.threshold, base=case["base"]))


def _expected(inputs, named: dict) -> dict:
    return {party: named.get(party, 0) for party in inputs.votes}


@pytest.mark.parametrize("case", CASES, ids=[c["election"] for c in CASES])
def test_official_list_seats(case):
    inputs = election_inputs(case["election"])
    assert case["why"].strip(), "every case says which threshold base it uses and why"
    assert inputs.official_seats == _expected(inputs, case["official"])  # the data agree with the case
    result = _system(inputs, case).allocate(
        inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all
    )
    assert result.seats == _expected(inputs, case["official"])
    assert result.ties == ()
    if "quota" in case:
        assert result.quota == Fraction(case["quota"])


@pytest.mark.parametrize("case", CASES, ids=[c["election"] for c in CASES])
def test_d_hondt_counterfactual(case):
    inputs = election_inputs(case["election"])
    system = attrs.evolve(_system(inputs, case), method="d_hondt")
    result = system.allocate(inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all)
    assert result.seats == _expected(inputs, case["d_hondt"])


@pytest.mark.parametrize("case", CASES, ids=[c["election"] for c in CASES])
def test_rule_in_force_agrees_with_case(case):
    """The built-in rule, with the base the data allow, is the one the golden case uses."""
    inputs = election_inputs(case["election"])
    assert inputs.system_data["threshold"]["base"] == case["base"]
    result = ElectoralSystem.from_dict(inputs.system_data).allocate(
        inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all
    )
    assert result.seats == inputs.official_seats


def test_2004_with_the_laws_base_would_exclude_aist():
    """Why 2004 uses valid votes: of ballots cast AIST falls below 7% and would lose its seat."""
    inputs = election_inputs("KZ-MAJ-2004")
    result = allocate(
        inputs.votes, 10, "hare", {"share": "7%", "base": "ballots_cast"}, ballots_cast=inputs.ballots_cast
    )
    assert result.seats["AIST bloc (Agrarian + Civic parties)"] == 0
    assert result.seats != inputs.official_seats


def test_2007_under_the_2009_rule_admits_the_runner_up():
    """Counterfactual: the 2009 two-party rule applied to 2007 admits OSDP with at least 2 seats."""
    inputs = election_inputs("KZ-MAJ-2007")
    result = allocate(
        inputs.votes,
        98,
        "hare",
        {"share": "7%", "base": "ballots_cast"},
        ballots_cast=inputs.ballots_cast,
        minimum_parties=MinimumParties(),
    )
    osdp = "Nationwide Social Democratic Party (OSDP)"
    assert result.admitted_by_rule == (osdp,)
    # quota = (5,247,720 + 269,310) / 98 = 56,296.2; Nur Otan 93.22 -> 93; OSDP 0.7 * 4.78 = 3.35 -> 3;
    # the 2 seats left go to the largest remainders, .35 (OSDP) and .22 (Nur Otan).
    assert result.seats["Nur Otan"] == 94
    assert result.seats[osdp] == 4
    assert result.quota == Fraction(5247720 + 269310, 98)


def test_loaded_results_keep_source_and_confidence():
    frame = load_elections("KZ")
    assert {"source", "confidence", "votes", "seats"} <= set(frame.columns)
    assert str(frame.votes.dtype) == "Int64"
    assert frame[frame.election_id == "KZ-MAJ-2023"].source.str.len().min() > 0
