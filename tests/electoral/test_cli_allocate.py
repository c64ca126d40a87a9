"""``reformlab allocate`` through the CLI: outputs, built-in elections, one clear message per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"
OK = str(FIXTURES / "votes_ok.csv")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["allocate", *args])


def test_json_output_is_one_object():
    result = run(OK, "--seats", "10", "--method", "hare", "--threshold", "7%", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["seats"] == {"A": 6, "B": 4, "C": 0}
    assert data["method"] == "hare"
    assert data["quota"] == "18"
    assert data["passed"] == ["A", "B"]
    assert data["ties"] == []
    assert set(data["measures"]) == {"gallagher", "loosemore_hanby", "enp_votes", "enp_seats"}


def test_threshold_on_ballots_cast():
    result = run(
        OK,
        "--seats",
        "10",
        "--method",
        "hare",
        "--threshold",
        "45%",
        "--threshold-base",
        "ballots",
        "--ballots",
        "200",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["passed"] == ["A"]


def test_table_and_csv_output():
    table = run(OK, "--seats", "10", "--method", "sainte_lague")
    assert table.exit_code == 0 and "Gallagher" in table.stdout and "sainte_lague" in table.stdout
    text = run(OK, "--seats", "10", "--format", "csv").stdout
    assert text.splitlines()[0] == "party,votes,passed,seats"


def test_ties_are_reported(tmp_path):
    votes = tmp_path / "tie.csv"
    votes.write_text("party,votes\nB,10\nA,10\n", encoding="utf-8")
    data = json.loads(run(str(votes), "--seats", "1", "--format", "json").stdout)
    assert data["seats"] == {"B": 1, "A": 0}  # the file order is the law's order
    assert data["ties"][0]["parties"] == ["B", "A"] and data["ties"][0]["resolved_by"] == "order"
    raised = run(str(votes), "--seats", "1", "--tie-break", "raise")
    assert raised.exit_code == 2 and "tie" in raised.stderr


@pytest.mark.parametrize("election", ["KZ-MAJ-2007", "KZ-MAJ-2012", "KZ-MAJ-2023"])
def test_built_in_election_matches_official(election):
    from reformlab.data.election_results import election_inputs

    result = run("--election", election, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["seats"] == election_inputs(election).official_seats


def test_built_in_election_table_names_the_rule_and_base():
    result = run("--election", "KZ-MAJ-2012")
    assert result.exit_code == 0
    assert "Art. 97" in result.stdout and "Threshold base used: valid votes" in result.stdout


def test_built_in_election_counterfactual_method():
    data = json.loads(run("--election", "KZ-MAJ-2012", "--method", "d_hondt", "--format", "json").stdout)
    assert data["seats"]["Nur Otan"] == 84


BROKEN_CASES = {
    "empty_file.csv": "the file is empty",
    "missing_votes_column.csv": "no 'votes' column",
    "missing_party_column.csv": "no 'party' column",
    "duplicate_party.csv": "line 4, field 'party': party 'A' appears twice",
    "negative_votes.csv": "line 3, field 'votes': votes must not be negative",
    "non_integer_votes.csv": "line 3, field 'votes': votes must be a whole number",
    "not_utf8.csv": "not UTF-8",
}


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_broken_file(name):
    assert (BROKEN / name).exists()
    result = run(str(BROKEN / name), "--seats", "10")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert name in result.stderr and BROKEN_CASES[name] in result.stderr
    assert "Fix:" in result.stderr


def test_every_broken_fixture_is_tested():
    assert {p.name for p in BROKEN.iterdir()} == set(BROKEN_CASES)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--seats", "0"), "field '--seats': seats must be above 0"),
        (("--seats", "-3"), "field '--seats'"),
        (("--seats", "10", "--method", "dhondt"), "did you mean 'd_hondt'"),
        (("--seats", "10", "--threshold", "100%"), "field '--threshold'"),
        (("--seats", "10", "--threshold", "-1%"), "field '--threshold'"),
        (("--seats", "10", "--threshold", "seven"), "field '--threshold'"),
        (("--seats", "10", "--threshold", "7%", "--threshold-base", "ballots"), "field '--ballots'"),
        (("--seats", "10", "--threshold", "7%", "--threshold-base", "voters"), "field '--threshold-base'"),
        ((), "field '--seats'"),
    ],
)
def test_bad_options(args, expected):
    result = run(OK, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert expected in result.stderr


def test_missing_file_and_unknown_election():
    assert "file not found" in run("nope.csv", "--seats", "3").stderr
    unknown = run("--election", "KZ-MAJ-2013")
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr


def test_demo_replays_2007_and_2012(tmp_path):
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["demo", "--output", str(report)])
    assert result.exit_code == 0, result.output
    assert "KZ-MAJ-2007 list tier" in result.stdout and "KZ-MAJ-2012 list tier" in result.stdout
    # the whole main job: the comparison of 20 and 21 May 2007, and the report written whole
    assert "kz@2007-05-20" in result.stdout and "kz@2007-05-21" in result.stdout
    assert f"report: {report.resolve()}" in result.stdout
    assert report.read_text().startswith("<!DOCTYPE html>")


def test_election_mode_checks_tie_break():
    result = run("--election", "KZ-MAJ-2021", "--tie-break", "lott")
    assert (
        result.exit_code == 2
        and "field '--tie-break'" in result.stderr
        and "did you mean 'lot'" in result.stderr
    )
