"""Any version with any election, the rules/election split, and margins (issue 10, items 1, 2 and 4)."""

import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reformlab.analysis import evaluate
from reformlab.analysis.effects import grid, split
from reformlab.analysis.elections import resolve_election
from reformlab.analysis.margins import margin
from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.model import resolve_target

BEFORE, AFTER = "kz@2007-05-20", "kz@2007-05-21"
runner = CliRunner()


@pytest.fixture(scope="module")
def kz_grid():
    return grid([BEFORE, AFTER], ["kz-majilis-2004", "kz-majilis-2007"])


def test_an_election_is_named_by_scenario_or_by_id_and_says_which():
    assert resolve_election("kz-majilis-2004").election_id == "KZ-MAJ-2004"
    by_id = resolve_election("KZ-MAJ-2007")
    assert by_id.scenario.id == "kz-majilis-2007" and "election KZ-MAJ-2007" in by_id.said
    with pytest.raises(ReformlabError, match="no built-in scenario or election"):
        resolve_election("kz-majilis-2005")


def test_2004_votes_under_2007_rules_allocate_98_list_seats_by_the_new_rule():
    after = evaluate(AFTER, election="kz-majilis-2004")
    # Otan, Asar and AIST pass 7% of valid votes; Ak Zhol too; all others are out: 98 seats by Hare.
    assert after.filling.bodies["majilis"].by_principal() == {"president": 94, "Ak Zhol Democratic Party": 13}
    assert after.modelled == ()


def test_2007_votes_under_1998_rules_model_the_districts_and_say_so():
    before = evaluate(BEFORE, election="kz-majilis-2007")
    assert len(before.modelled) == 1 and "district model, not a result" in before.modelled[0]
    majilis = before.filling.bodies["majilis"].by_principal()
    assert sum(majilis.values()) == 77 and majilis["president"] == 10 + 64


def test_own_election_reproduces_the_scenario():
    assert (evaluate(BEFORE, election="kz-majilis-2004").filling.bodies["majilis"].by_principal()
            == evaluate(BEFORE).filling.bodies["majilis"].by_principal())


def test_an_election_that_cannot_fill_a_version_says_why():
    version = resolve_target(AFTER)
    group = next(g for b, g in version.iter_seat_groups() if b == "majilis" and g.id == "list")
    bodies = dict(version.bodies)
    groups = tuple(g.model_copy(update={"system": {"kind": "districts", "seats": 98}}) if g is group else g
                   for g in version.bodies["majilis"].seat_groups)
    bodies["majilis"] = version.bodies["majilis"].model_copy(update={"seat_groups": groups})
    broken = version.model_copy(update={"bodies": bodies})
    with pytest.raises(ReformlabError, match="districts tier, which needs votes per district"):
        evaluate(broken, election="kz-majilis-2004")
    with pytest.raises(ReformlabError, match="not both"):
        evaluate(AFTER, "kz-majilis-2007", election="kz-majilis-2004")


def test_the_grid_splits_the_amendment_gain(kz_grid):
    found = kz_grid.splits()["constitutional_amendment"]["president"]["control"]
    # veto (1) under (1998 rules, 2004 vote); passes alone (2) in the three other cells
    assert (found.total, found.rules, found.election, found.interaction) == (1, Fraction(1, 2), Fraction(1, 2), -1)
    surplus = kz_grid.splits()["constitutional_amendment"]["president"]["surplus"]
    assert (surplus.before, surplus.after) == (-1, 11)


def _assert_splits_sum(table) -> int:
    """Every split of every quantity of ``table`` sums to its change exactly; how many were checked."""
    checked = 0
    for actors in table.splits().values():
        for quantities in actors.values():
            for s in quantities.values():
                if s is not None:
                    assert s.rules + s.election == s.total
                    assert s.rules_alone + s.election_alone + s.interaction == s.total
                    checked += 1
    return checked


def test_every_split_of_the_grid_sums_to_its_total(kz_grid):
    assert _assert_splits_sum(kz_grid) > 0


fractions = st.fractions(min_value=-10, max_value=10, max_denominator=50)


@given(fractions, fractions, fractions, fractions)
def test_the_shapley_split_is_exact(a1, b1, a2, b2):
    s = split(a1, b1, a2, b2)
    assert s.rules + s.election == b2 - a1
    assert s.rules_alone + s.election_alone + s.interaction == b2 - a1
    assert split(a1, a1, a1, a1).total == 0
    assert split(None, b1, a2, b2) is None


@settings(max_examples=8, deadline=None)
@given(st.sets(st.sampled_from(["Otan", "Asar", "AIST bloc (Agrarian + Civic parties)", "Nur Otan"])),
       st.sampled_from(["kz-majilis-2004", "kz-majilis-2007"]))
def test_splits_sum_exactly_under_random_alignments(unaligned, first):
    """Random elections in effect: parties made their own principals change every cell."""
    elections = [first, "kz-majilis-2007" if first == "kz-majilis-2004" else "kz-majilis-2004"]
    assert _assert_splits_sum(grid([BEFORE, AFTER], elections, alignments={p: p for p in unaligned})) > 0


def test_margin_of_the_amendment_before_2007_is_one_seat():
    tree = evaluate(BEFORE).decisions["constitutional_amendment"].trees[0][1]
    found = margin(tree)
    assert found.level == 1 and found.surplus == -1
    assert (found.flip, found.witness, found.to_level) == (1, {"majilis": 1}, 2)
    assert (57, 58, 77) in found.held["majilis"]


@pytest.mark.parametrize("election, before, after", [("2004", "veto", "passes alone"),
                                                      ("2007", "passes alone", "passes alone")])
def test_cli_compare_holds_the_votes_fixed(election, before, after):
    result = runner.invoke(app, ["compare", BEFORE, AFTER, "--election", f"kz-majilis-{election}", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    said = f"scenario kz-majilis-{election} (election KZ-MAJ-{election})"
    assert data["votes"]["before"] == data["votes"]["after"] == said
    assert data["control"]["constitutional_amendment"]["president"] == {"before": before, "after": after}


def test_cli_grid():
    result = runner.invoke(app, ["grid", BEFORE, AFTER, "-e", "kz-majilis-2004", "-e", "kz-majilis-2007"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "Shapley" in result.output and "district model" in result.output.replace("\n", " ")
    result = runner.invoke(app, ["grid", BEFORE, AFTER, "-e", "kz-majilis-2004", "-e", "KZ-MAJ-2007", "-f", "json"])
    split_ = json.loads(result.output)["splits"]["constitutional_amendment"]["president"]["control"]
    assert (split_["rules"], split_["election"], split_["total"]) == ("1/2", "1/2", "1")
    result = runner.invoke(app, ["grid", BEFORE, "-e", "kz-majilis-2099"])
    assert result.exit_code == 2 and "no built-in scenario or election" in result.output


def test_risk_runs_on_a_votes_scenario_and_on_equal_baselines(tmp_path):
    from reformlab.analysis.risk import simulate

    file = tmp_path / "votes.yaml"
    file.write_text(
        "schema_version: 1\nconstitution: kz\nscenarios:\n  v:\n    label: x\n    fits: {from: 2007-05-21}\n"
        "    date: 2007-08-18\n    seats:\n      majilis.list:\n        ballots_cast: 4893204\n"
        "        votes: {Otan: 2883706, Ak Zhol: 572672, Asar: 541239, Others: 424000}\n"
        "    controllers:\n      maslikhats: {principal: president}\n    alignments:\n      Otan: {principal: president}\n"
    )
    result = runner.invoke(app, ["risk", AFTER, "--scenario", str(file), "-n", "4096", "--seed", "3", "-f", "json"])
    assert result.exit_code == 0, result.output
    sides = [evaluate(t, election="kz-majilis-2004") for t in (BEFORE, AFTER)]
    one = simulate(sides, draws=8192, seed=5, chunk=4096).to_dict()
    two = simulate(sides, draws=8192, seed=5, chunk=8192).to_dict()
    assert one == two
    from reformlab.analysis.risk.template import compile_version

    shares = {compile_version(ev).camp_share for ev in sides}
    assert len(shares) == 1  # the same baseline votes on both sides


def test_compare_says_what_of_the_change_is_the_rules_and_what_the_vote():
    result = runner.invoke(app, ["compare", BEFORE, AFTER, "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["rules_and_election"]
    assert found["elections"] == ["kz-majilis-2004", "kz-majilis-2007"]
    amendment = found["decisions"]["constitutional_amendment"]
    assert (amendment["control"]["rules"], amendment["control"]["election"]) == ("1/2", "1/2")
    assert "the rules account for 1/2, the KZ-MAJ-2007 vote for 1/2" in amendment["sentence"]


VERSIONS = ["kz@2004-10-01", "kz@2007-05-20", "kz@2007-05-21", "kz@2011-06-01", "kz@2017-04-01",
            "kz@2022-06-04"]
ELECTIONS = ["kz-majilis-2004", "kz-majilis-2007", "kz-majilis-2012", "kz-majilis-2016", "kz-majilis-2022"]


@settings(max_examples=6, deadline=None)
@given(st.lists(st.sampled_from(VERSIONS), min_size=2, max_size=2, unique=True),
       st.lists(st.sampled_from(ELECTIONS), min_size=2, max_size=2, unique=True))
def test_the_decomposition_sums_exactly_on_random_versions_and_elections(versions, elections):
    """Any two versions under any two elections: every split of every quantity sums to its change exactly (kz@1996
    is left out: none of its decisions is known, so it has nothing to split)."""
    assert _assert_splits_sum(grid(versions, elections)) > 0



def test_control_and_compare_report_margins():
    from reformlab.analysis.margins import decision_margins

    expected = decision_margins(evaluate(BEFORE))["constitutional_amendment"].to_dict()
    result = runner.invoke(app, ["compare", BEFORE, AFTER, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["margins"]["before"]["constitutional_amendment"] == expected
    assert expected["surplus"] == -1 and expected["flip"] == 1 and expected["witness"] == {"majilis": 1}
    result = runner.invoke(app, ["control", BEFORE, "-f", "json"])
    assert json.loads(result.output)["margins"]["constitutional_amendment"] == expected
    result = runner.invoke(app, ["compare", BEFORE, AFTER], env={"COLUMNS": "220"})
    assert "-1 (1 seat flips it)" in result.output and "+11 (12 seats flips it)" not in result.output
    assert "+11 (12 seats flip it)" in result.output
