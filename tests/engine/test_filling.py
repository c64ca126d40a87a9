"""Filling bodies: seats by party and principal, reproduced from the official record, assumptions visible."""

import pytest

from reformlab.engine.filling import UNKNOWN_PRINCIPAL, fill, principal_of
from reformlab.engine.scenario import builtin_scenarios, default_scenario, load_scenarios
from reformlab.errors import ReformlabError
from reformlab.model import load_builtin


@pytest.fixture(scope="module")
def kz():
    return load_builtin("kz")


@pytest.fixture(scope="module")
def filled_2004(kz):
    return fill(kz.as_of("2004-10-01"), builtin_scenarios()["kz-majilis-2004"])


@pytest.fixture(scope="module")
def filled_2007(kz):
    return fill(kz.as_of("2007-09-01"), builtin_scenarios()["kz-majilis-2007"])


def test_2004_majilis_is_the_official_77(filled_2004):
    majilis = filled_2004.bodies["majilis"]
    by_party = {}
    for block in majilis.blocks:
        key = "Independents" if block.party and block.party.startswith("Independent") else block.party
        by_party[key] = by_party.get(key, 0) + block.seats
    # CNN / IPU totals (kazakhstan.md s.3): Otan 42, AIST 11, Asar 4, Ak Zhol 1, Adilet 1, independents 18
    assert by_party == {
        "Otan": 42, "AIST bloc (Agrarian + Civic parties)": 11, "Asar": 4, "Ak Zhol Democratic Party": 1,
        "Democratic Party Adilet": 1, "Independents": 18,
    }
    assert sum(b.seats for b in majilis.blocks) == 77
    assert any("reproduces the official seats" in check for check in filled_2004.checks)


def test_2004_principals_follow_the_alignments(filled_2004):
    shares = filled_2004.bodies["majilis"].by_principal()
    assert shares["president"] == 42 + 11 + 4
    assert shares["Ak Zhol Democratic Party"] == 1
    assert sum(1 for p in shares if p.startswith("Independent ")) == 18  # each independent is their own principal


def test_2007_every_majilis_seat_answers_to_the_president(filled_2007):
    majilis = filled_2007.bodies["majilis"]
    assert majilis.by_principal() == {"president": 107}
    apk = [b for b in majilis.blocks if b.group == "apk"]
    assert apk and apk[0].seats == 9 and apk[0].selector == "apk" and apk[0].principal == "president"
    assert filled_2007.bodies["senate"].by_principal() == {"president": 47}


def test_unknown_stays_unknown(filled_2004):
    assert filled_2004.bodies["cec"].unknown  # the 1998-2007 CEC composition was not found
    assert principal_of(filled_2004, "cec") == UNKNOWN_PRINCIPAL
    # 1998-2007: the President appoints the PM with the consent of Parliament (kz_1995_1998.yaml)
    assert principal_of(filled_2004, "prime_minister") == "president"


def test_without_a_scenario_elected_seats_are_unknown(kz):
    filled = fill(kz.as_of("2007-09-01"))
    assert "no results" in filled.bodies["majilis"].unknown
    assert filled.bodies["president"].by_principal() == {"president": 1}


def test_alignments_can_be_varied(kz):
    scenario = builtin_scenarios()["kz-majilis-2004"].with_alignments({"Asar": "Asar", "Otan": "Otan"})
    shares = fill(kz.as_of("2004-10-01"), scenario).bodies["majilis"].by_principal()
    assert shares["Otan"] == 42 and shares["Asar"] == 4 and shares["president"] == 11


def test_filling_is_pure(kz):
    constitution = kz.as_of("2007-09-01")
    scenario = builtin_scenarios()["kz-majilis-2007"]
    before = (constitution.model_dump(), scenario.model_dump())
    fill(constitution, scenario)
    assert (constitution.model_dump(), scenario.model_dump()) == before


def test_default_scenario_is_the_one_sitting_on_the_date():
    import datetime as dt

    assert default_scenario("kz", dt.date(2007, 5, 20)).id == "kz-majilis-2004"
    assert default_scenario("kz", dt.date(2007, 5, 21)).id == "kz-majilis-2007"
    assert default_scenario("kz", dt.date(2013, 1, 1)).id == "kz-majilis-2012"
    assert default_scenario("kz", dt.date(1996, 1, 1)) is None


def test_a_scenario_file_with_a_wrong_field_names_the_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "constitution: kz\nscenarios:\n  mine:\n    label: x\n    fits: {from: 2007-05-21}\n"
        "    date: not-a-date\n", encoding="utf-8",
    )
    with pytest.raises(ReformlabError) as error:
        load_scenarios(path)
    message = error.value.message()
    assert "s.yaml" in message and "line 6" in message and "date" in message
