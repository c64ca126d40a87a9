"""Reforms that change the kind of the Majilis' electoral tier run end to end through ``reformlab control`` and
``reformlab compare``: one seat group elected by a parallel system, by mixed-member proportional rules, or in
two-round single-member districts, each filled through the electoral tier registry from a scenario's results.

Every expected seat count is worked out by hand in the comment above it (the 2007 list votes: only Nur Otan
passes 7%, so it takes every list seat it is allotted; the 9 APK deputies follow the President).
"""

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reformlab.cli import app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PARALLEL, MMP, TWO_ROUND = (HERE / "reforms" / f"majilis_{name}.yaml" for name in ("parallel", "mmp", "two_round"))
runner = CliRunner()

# 29 invented districts: Nur Otan wins 25 outright; in 4 nobody has a majority and the runoff goes to Ak Zhol.
OUTRIGHT = {f"d{n}": {"Nur Otan": 600, "Ak Zhol": 300, "OSDP": 100} for n in range(1, 26)}
CLOSE = {f"d{n}": {"Nur Otan": 45, "Ak Zhol": 40, "OSDP": 15} for n in range(26, 30)}
RUNOFF = {district: {"Ak Zhol": 55, "Nur Otan": 45} for district in CLOSE}


def _scenario(tmp_path, seats: dict, name: str = "whatif", **more: dict) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({
        "constitution": "kz",
        "sources": {"made_up": "invented results for a test"},
        "scenarios": {name: {
            "label": "invented results for the Majilis' elected seats",
            "fits": {"from": "2007-05-21"},
            "date": "2007-08-18",
            "seats": {"majilis.list": seats, **{f"majilis.{group}": spec for group, spec in more.items()}},
            "controllers": {"maslikhats": {"principal": "president", "source": "made_up", "confidence": "low"}},
            "alignments": {"Nur Otan": {"principal": "president", "source": "made_up", "confidence": "low"}},
        }},
    }, sort_keys=False), encoding="utf-8")
    return f"{path}#{name}"


def _run(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _majilis(data: dict) -> dict[str, int]:
    return {who: held["seats"] for who, held in data["bodies"]["majilis"].items()}


PARALLEL_RESULTS = {"tiers": {"list": {"election": "KZ-MAJ-2007"},
                              "districts": {"districts": {**OUTRIGHT, **CLOSE}, "runoff": RUNOFF}}}


def test_a_parallel_seat_group_adds_its_list_and_district_tiers(tmp_path):
    data = _run("control", str(PARALLEL), "--scenario", _scenario(tmp_path, PARALLEL_RESULTS))
    # 69 list seats (Nur Otan alone passes 7%) + 25 districts won outright + the 9 APK deputies; Ak Zhol the 4 runoffs
    assert _majilis(data) == {"president": 69 + 25 + 9, "Ak Zhol": 4}
    assert data["procedures"]["no_confidence"]["control"]["dictator"] == "president"


def test_one_parallel_seat_group_fills_the_majilis_as_two_seat_groups_do(tmp_path):
    """The same chamber written two ways (examples/reform_majilis_mixed.yaml: two seat groups) fills alike."""
    districts = {"districts": {**OUTRIGHT, **CLOSE}, "runoff": RUNOFF}
    two_groups = _run("control", str(ROOT / "examples" / "reform_majilis_mixed.yaml"), "--scenario",
                      _scenario(tmp_path, {"election": "KZ-MAJ-2007"}, "groups", districts=districts))
    one_group = _run("control", str(PARALLEL), "--scenario", _scenario(tmp_path, PARALLEL_RESULTS))
    assert _majilis(one_group) == _majilis(two_groups)
    assert one_group["procedures"] == two_groups["procedures"]


def test_a_parallel_reform_runs_through_compare(tmp_path):
    data = _run("compare", "kz@2007-09-01", str(PARALLEL), "--scenario", "kz-majilis-2007",
                "--scenario", _scenario(tmp_path, PARALLEL_RESULTS))
    assert data["seats"]["majilis"]["president"] == {"before": 107, "after": 103}
    assert data["seats"]["majilis"]["Ak Zhol"] == {"before": 0, "after": 4}
    assert any(change["path"].startswith("bodies.majilis.seat_groups.0.system") for change in data["changes"])


@pytest.mark.parametrize("tiers, expected", [
    ({"list": {"election": "KZ-MAJ-2007"}}, "no results for the 'districts' tier of majilis.list"),
    ({**PARALLEL_RESULTS["tiers"], "district": {"seats": {"A": 1}}}, "did you mean 'districts'"),
    ({"list": {"election": "KZ-MAJ-2007"}, "districts": {"districts": {**OUTRIGHT, **CLOSE}}},
     "give the runoff votes"),
])
def test_parallel_results_that_do_not_fit_are_one_clear_error(tmp_path, tiers, expected):
    result = runner.invoke(app, ["control", str(PARALLEL), "--scenario", _scenario(tmp_path, {"tiers": tiers})])
    assert result.exit_code == 2 and expected in result.stderr, result.output


def test_a_parallel_tier_is_read_and_checked_by_the_registry(tmp_path):
    reform = yaml.safe_load(PARALLEL.read_text(encoding="utf-8"))
    reform["changes"][0]["value"]["tiers"]["list"]["seats"] = 70  # 70 + 29 is not the group's 98 seats
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(reform, sort_keys=False), encoding="utf-8")
    result = runner.invoke(app, ["control", str(path)])
    assert result.exit_code == 2 and "the parallel tier fills 99 seats, not the group's 98" in result.stderr


# Invented list votes, hand-allotted by Hare over 98 seats: quotas 58.8, 29.4 and 9.8 give 58, 29 and 9, and
# the two remaining seats go to the largest remainders .8 (Nur Otan) and .8 (OSDP): 59, 29, 10.
LIST_VOTES = {"votes": {"Nur Otan": 600, "Ak Zhol": 300, "OSDP": 100}, "ballots_cast": 1000}


def test_mmp_tops_the_district_seats_up_to_each_party_s_share(tmp_path):
    won = {"Nur Otan": 40, "Ak Zhol": 4, "OSDP": 5}  # 49 districts, none beyond its party's share
    data = _run("control", str(MMP), "--scenario", _scenario(tmp_path, {**LIST_VOTES, "district_seats": won}))
    assert _majilis(data) == {"president": 59 + 9, "Ak Zhol": 29, "OSDP": 10}


def test_mmp_overhang_seats_are_kept_and_the_house_grows(tmp_path):
    won = {"Nur Otan": 30, "Ak Zhol": 4, "OSDP": 15}  # OSDP wins 5 districts beyond its 10 seats
    data = _run("control", str(MMP), "--scenario", _scenario(tmp_path, {**LIST_VOTES, "district_seats": won}))
    assert _majilis(data) == {"president": 59 + 9, "Ak Zhol": 29, "OSDP": 15}
    assert data["checks"] == ["majilis.list: overhang {'OSDP': 5} (keep): 103 seats, not 98"]
    # 112 members: more than half is 57, so the President's 68 still carry the Majilis in an ordinary law
    assert data["procedures"]["ordinary_law"]["control"]["dictator"] == "president"


def test_mmp_takes_a_built_in_election_s_list_votes(tmp_path):
    # 2007: only Nur Otan passes 7%, so Ak Zhol's 4 districts are set aside and Nur Otan gets the other 94
    seats = {"election": "KZ-MAJ-2007", "district_seats": {"Nur Otan": 45, "Ak Zhol": 4}}
    data = _run("compare", "kz@2007-09-01", str(MMP), "--scenario", "kz-majilis-2007",
                "--scenario", _scenario(tmp_path, seats))
    assert data["seats"]["majilis"]["president"] == {"before": 107, "after": 94 + 9}
    assert data["seats"]["majilis"]["Ak Zhol"] == {"before": 0, "after": 4}


def test_mmp_needs_every_district_s_winner(tmp_path):
    result = runner.invoke(app, ["control", str(MMP), "--scenario", _scenario(
        tmp_path, {**LIST_VOTES, "district_seats": {"Nur Otan": 40}})])
    assert result.exit_code == 2 and "gives 40 district seats but majilis.list has 49 districts" in result.stderr


# 98 invented districts: Nur Otan wins 90 outright; in 8 nobody has a majority and Ak Zhol wins the runoff.
DISTRICTS = {**{f"d{n}": {"Nur Otan": 70, "Ak Zhol": 30} for n in range(1, 91)},
             **{f"d{n}": {"Nur Otan": 48, "Ak Zhol": 47, "OSDP": 5} for n in range(91, 99)}}
SECOND = {f"d{n}": {"Ak Zhol": 52, "Nur Otan": 48} for n in range(91, 99)}


def test_two_round_districts_run_through_compare(tmp_path):
    seats = {"districts": DISTRICTS, "runoff": SECOND}
    data = _run("compare", "kz@2007-09-01", str(TWO_ROUND), "--scenario", "kz-majilis-2007",
                "--scenario", _scenario(tmp_path, seats))
    assert data["seats"]["majilis"]["president"] == {"before": 107, "after": 90 + 9}
    assert data["seats"]["majilis"]["Ak Zhol"] == {"before": 0, "after": 8}
    control = _run("control", str(TWO_ROUND), "--scenario", _scenario(tmp_path, seats))
    # 99 of 107 is more than 2/3 (72): the President's camp still overrides alone
    assert _majilis(control) == {"president": 99, "Ak Zhol": 8}


def test_an_election_fills_each_tier_of_a_parallel_seat_group_as_it_fills_two_seat_groups():
    """``--election``: the list tier from the 2007 votes under the reform's rule, the 29 districts by the
    labelled district model (2007 has no district returns), the same for one parallel group as for two groups."""
    one_group = _run("compare", "kz@2007-09-01", str(PARALLEL), "--election", "KZ-MAJ-2007")
    two_groups = _run("compare", "kz@2007-09-01", str(ROOT / "examples" / "reform_majilis_mixed.yaml"),
                      "--election", "KZ-MAJ-2007")
    assert one_group["seats"] == two_groups["seats"] and one_group["control"] == two_groups["control"]
    assert one_group["seats"]["majilis"]["president"] == {"before": 107, "after": 106}


def test_an_election_with_as_many_declared_districts_fills_an_mmp_tier(tmp_path):
    """``--election KZ-MAJ-2004`` on an MMP Majilis of 98 seats with 67 districts (the 2004 count): the 2004
    list votes (threshold on valid votes, as the data allow) over the 67 declared district winners.

    By hand: Adilet's district (below 7%) and the 18 independents come off the top, leaving 79 seats; Hare over
    the four passing lists (4,333,794 votes, quota 54,858.2) gives Otan 52.57, Ak Zhol 10.44, Asar 9.87 and
    AIST 6.13, so 53, 10, 10 and 6 after the two largest remainders (Asar, Otan). AIST won 10 districts: 4
    overhang seats kept, 102 elected; the President's camp (Otan, Asar, AIST) holds 53 + 10 + 10 + 9 APK = 82.
    """
    reform = yaml.safe_load(MMP.read_text(encoding="utf-8"))
    reform["changes"][0]["value"]["districts"] = 67
    path = tmp_path / "mmp67.yaml"
    path.write_text(yaml.safe_dump(reform, sort_keys=False), encoding="utf-8")
    data = _run("compare", "kz@2007-09-01", str(path), "--election", "KZ-MAJ-2004")
    after = {who: seats["after"] for who, seats in data["seats"]["majilis"].items()}
    assert after == {"president": 82, "Ak Zhol Democratic Party": 10, "Democratic Party Adilet": 1,
                     "Independents": 18}
