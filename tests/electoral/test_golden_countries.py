"""Golden tests for Ukraine and Kyrgyzstan: the official seats from the raw votes, with the rule then in force."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import attrs
import pytest
import yaml

from reformlab.data.election_results import election_inputs, load_elections
from reformlab.electoral import ElectoralSystem, allocate

GOLDEN = Path(__file__).parent / "golden"
CASES = [case for name in ("ua_rada.yaml", "kg_jogorku_kenesh.yaml")
         for case in yaml.safe_load((GOLDEN / name).read_text(encoding="utf-8"))]
IDS = [case["election"] for case in CASES]


def _figures(inputs) -> dict:
    return inputs.figures


def _expected(inputs, named: dict) -> dict:
    return {party: named.get(party, 0) for party in inputs.votes}


def _system(inputs, case) -> ElectoralSystem:
    system = ElectoralSystem.from_dict(inputs.rule["system"])
    return attrs.evolve(system, threshold=attrs.evolve(system.threshold, base=case["base"]))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_official_list_seats(case):
    inputs = election_inputs(case["election"])
    assert case["why"].strip()
    assert inputs.official_seats == _expected(inputs, case["official"])
    result = _system(inputs, case).allocate(inputs.votes, **_figures(inputs))
    assert result.seats == _expected(inputs, case["official"])
    assert result.ties == ()
    assert result.quota == Fraction(case["quota"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_d_hondt_counterfactual(case):
    """D'Hondt gives the same seats in all three: these results do not tell the method apart."""
    inputs = election_inputs(case["election"])
    result = attrs.evolve(_system(inputs, case), method="d_hondt").allocate(inputs.votes, **_figures(inputs))
    assert result.seats == _expected(inputs, case["d_hondt"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rule_in_force_agrees_with_case(case):
    inputs = election_inputs(case["election"])
    assert inputs.system_data["threshold"]["base"] == case["base"]
    result = ElectoralSystem.from_dict(inputs.system_data).allocate(inputs.votes, **_figures(inputs))
    assert result.seats == inputs.official_seats


def test_ukraine_2006_the_threshold_falls_between_communists_and_vitrenko():
    """Of the 25,352,380 who took part, the KPU's 929,591 is 3.67% and Vitrenko's 743,704 is 2.93%."""
    inputs = election_inputs("UA-VR-2006")
    result = _system(inputs, {"base": "ballots_cast"}).allocate(inputs.votes, **_figures(inputs))
    assert result.passed[-1] == "Communist Party of Ukraine"
    assert result.seats["People's Opposition Bloc of Natalia Vitrenko"] == 0


def test_ukraine_2007_other_published_figures_give_the_same_seats():
    """The Russian-language copy's counts differ by at most 270 votes per list: no seat moves."""
    inputs = election_inputs("UA-VR-2007")
    other = dict(zip(list(inputs.votes)[:5], (8013918, 7162174, 3301012, 1257400, 924568), strict=True))
    result = allocate({**inputs.votes, **other}, 450, "hare", {"share": "3%", "base": "ballots_cast"},
                      ballots_cast=inputs.ballots_cast)
    assert result.seats == inputs.official_seats


def test_kyrgyzstan_2010_wikipedia_counts_give_the_same_seats():
    inputs = election_inputs("KG-JK-2010")
    other = dict(zip(inputs.votes, (257100, 237634, 229916, 210594, 166714), strict=True))
    assert allocate(other, 120, "hare").seats == inputs.official_seats


def test_kyrgyzstan_2010_law_base_needs_registered_voters():
    """The law's base is the registered voters; without them the rule says what is missing."""
    from reformlab.errors import ReformlabError

    inputs = election_inputs("KG-JK-2010")
    with pytest.raises(ReformlabError, match="registered voters"):
        ElectoralSystem.from_dict(inputs.rule["system"]).allocate(inputs.votes, **_figures(inputs))


@pytest.mark.parametrize("country", ["UA", "KG"])
def test_every_row_has_a_source_and_confidence(country):
    frame = load_elections(country)
    assert (frame.source.str.len() > 0).all()
    assert set(frame.confidence) <= {"high", "medium", "low"}
