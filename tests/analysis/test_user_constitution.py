"""A constitution and scenarios a user wrote: filled from votes under each version's own rule, compared, reported."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.analysis.compare import compare
from reformlab.cli import app
from reformlab.engine.scenario import load_scenarios
from reformlab.errors import ReformlabError

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests/model/fixtures/good/minimal.yaml"
SCENARIOS = ROOT / "examples/tiny_scenarios.yaml"
runner = CliRunner()


def test_votes_are_allocated_under_each_versions_rule():
    result = compare(f"{TINY}@2005-01-01", f"{TINY}@2012-01-01",
                     scenario_before=f"{SCENARIOS}#before", scenario_after=f"{SCENARIOS}#after")
    seats = result.seats()["assembly"]
    # Hare, 100 seats, 5% threshold: 5400/3900/700 of 10000 votes -> 54/39/7; then 20 seats appointed by the president
    assert seats["president"] == {"before": 54, "after": 74}
    assert seats["Opposition"] == {"before": 39, "after": 39}
    assert result.control()["appoint:assembly.appointed"]["president"] == {"before": "absent", "after": "passes alone"}


def test_report_of_a_user_constitution(tmp_path):
    out = tmp_path / "tiny.md"
    args = ["report", f"{TINY}@2005-01-01", f"{TINY}@2012-01-01", "-s", f"{SCENARIOS}#before",
            "-s", f"{SCENARIOS}#after", "-f", "md", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Assembly" in text and "## 7. Provenance" in text  # no claims or risk for a user's constitution


@pytest.mark.parametrize(
    "seats, expected",
    [
        ("{election: KZ-MAJ-2007, votes: {A: 1}}", "exactly one of"),
        ("{votes: {A: -5}}", "must not be negative"),
        ("{}", "exactly one of"),
    ],
)
def test_bad_scenario_seats(tmp_path, seats, expected):
    path = tmp_path / "s.yaml"
    path.write_text(
        "constitution: tiny\nscenarios:\n  x:\n    label: x\n    fits: {from: 2000-01-01}\n    date: 2001-01-01\n"
        f"    seats:\n      assembly.list: {seats}\n", encoding="utf-8",
    )
    with pytest.raises(ReformlabError) as error:
        load_scenarios(path)
    assert expected in error.value.message() and "line 8" in error.value.message()


def test_declared_seats_must_add_up(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "constitution: tiny\nscenarios:\n  x:\n    label: x\n    fits: {from: 2000-01-01}\n    date: 2001-01-01\n"
        "    seats:\n      assembly.list: {seats: {A: 60, B: 30}}\n", encoding="utf-8",
    )
    result = runner.invoke(app, ["control", f"{TINY}@2005-01-01", "-s", f"{path}#x", "-f", "json"])
    assert result.exit_code == 2 and "add up" in result.output
    ok = runner.invoke(app, ["control", f"{TINY}@2005-01-01", "-s", f"{SCENARIOS}#before", "-f", "json"])
    assert json.loads(ok.output)["bodies"]["assembly"]["president"]["seats"] == 54
