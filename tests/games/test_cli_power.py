"""``reformlab power`` through the CLI: weighted games from options, games from YAML, and every bad input."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"

# fixture name -> words the message must contain (beside the file name)
BROKEN_MESSAGES = {
    "negative_weight": ["line 6", "'game.weighted.weights.B'", "negative"],
    "quota_above_total": ["line 3", "above the total weight"],
    "quota_not_positive": ["line 3", "must be positive"],
    "empty_player_list": ["line 4", "at least one player"],
    "duplicate_player": ["line 6", "duplicate key 'A'"],
    "duplicate_player_in_list": ["line 1", "duplicate player 'A'"],
    "unknown_player": ["line 6", "'President'", "not in the players list"],
    "unknown_bloc_member": ["line 2", "unknown player 'r9'"],
    "unknown_node": ["line 2", "did you mean 'weighted'"],
    "invalid_yaml": ["line 3", "malformed YAML"],
    "missing_game": ["line 1", "missing key 'game'"],
    "at_least_k_out_of_range": ["line 3", "k must be"],
    "bad_quota": ["line 3", "expected a number"],
    "too_large_for_exact": ["'--method'", "no exact path", "Monte Carlo"],
}


def run(*args):
    return runner.invoke(app, ["power", *map(str, args)])


def test_known_values_as_json():
    result = run("--quota", 51, "--weights", "40,30,20,10", "--names", "A,B,C,D", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["exact"]["banzhaf"] == {"A": "5/12", "B": "1/4", "C": "1/4", "D": "1/12"}
    assert data["exact"]["holler"] == {"A": "2/7", "B": "2/7", "C": "2/7", "D": "1/7"}
    assert data["exact"]["coleman_collectivity"] == {"<game>": "7/16"}
    assert data["float"]["penrose"]["A"] == 0.625
    assert data["veto_players"] == [] and data["dictator"] is None and data["method"] == "exact"


def test_index_choice_and_default_names():
    result = run("--quota", 51, "--weights", "60,30,10", "--index", "shapley", "--format", "json")
    data = json.loads(result.output)
    assert list(data["exact"]) == ["shapley"]
    assert data["exact"]["shapley"] == {"P1": "1", "P2": "0", "P3": "0"}
    assert data["dictator"] == "P1" and data["veto_players"] == ["P1"]
    assert data["dummy_players"] == ["P2", "P3"] and data["smallest_winning_coalition"] == ["P1"]


def test_coleman_gives_three_indices():
    data = json.loads(
        run("--quota", "majority", "--weights", "1,1,1", "--index", "coleman", "--format", "json").output
    )
    assert list(data["exact"]) == ["coleman_collectivity", "coleman_preventive", "coleman_initiative"]


def test_table_output():
    result = run("--quota", 51, "--weights", "40,30,20,10", "--names", "A,B,C,D")
    assert result.exit_code == 0
    assert "5/12" in result.output and "Banzhaf" in result.output and "method: exact" in result.output


@pytest.mark.parametrize("name", ["law", "eu_council_toy", "blocs"])
def test_game_files(name):
    result = run(FIXTURES / f"{name}.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["method"] == "exact"


def test_law_file_values():
    data = json.loads(run(FIXTURES / "law.yaml", "--format", "json", "--index", "banzhaf").output)
    assert data["veto_players"] == ["UpA"]
    assert sum(map(float, data["float"]["banzhaf"].values())) == pytest.approx(1)


def test_monte_carlo_when_exact_does_not_fit():
    result = run(
        BROKEN / "too_large_for_exact.yaml", "--index", "holler", "--samples", 2000, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["method"] == "monte_carlo" and data["samples"] == 2000
    assert data["exact"] == {} and len(data["ci"]["holler"]) == 30


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_broken_files(path):
    assert path.stem in BROKEN_MESSAGES, "every broken fixture needs its expected message"
    result = run(path, "--method", "exact")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert path.name in result.output
    for words in BROKEN_MESSAGES[path.stem]:
        assert words in result.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["--quota", 51, "--weights", "40,-30,20,10"], "negative"),
        (["--quota", 151, "--weights", "40,30,20,10"], "above the total"),
        (["--quota", 0, "--weights", "40,30"], "must be positive"),
        (["--quota", -3, "--weights", "40,30"], "must be positive"),
        (["--quota", 1, "--weights", ""], "comma-separated"),
        (["--quota", 2, "--weights", "1,1", "--names", "A,A"], "duplicate player"),
        (["--quota", 2, "--weights", "1,1", "--names", "A"], "one name per weight"),
        (["--quota", 2, "--weights", "1,x"], "expected a number"),
        (["--quota", 2], "give a game"),
        (["--quota", 2, "--weights", "1,1", "--index", "banzaf"], "did you mean 'banzhaf'"),
        (["--quota", 2, "--weights", "1,1", "--format", "xml"], "'xml' is not one of"),
        (["--quota", 2, "--weights", "1,1", "--method", "fast"], "unknown method"),
        (["--quota", 2, "--weights", "1,1", "--method", "monte_carlo", "--seed", -1], "seed must be"),
        (["--quota", 2, "--weights", "1,1", "--method", "monte_carlo", "--samples", 5], "samples must be"),
        (["zz@2007-09-01"], "zz"),
        (["kz@2007-09-01", "--scenario", "kz-majilis-2004"], "describes the bodies"),
        (["missing.yaml"], "no such game file"),
        ([FIXTURES / "law.yaml", "--weights", "1,1"], "not both"),
    ],
)
def test_bad_options(args, words):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output


def test_large_games_with_and_without_an_exact_path():
    weights = ",".join(["1"] * 30)
    holler = run("--quota", 16, "--weights", weights, "--index", "holler", "--method", "exact", "--format", "json")
    assert json.loads(holler.output)["exact"]["holler"]["P1"] == "1/30"  # counted, not enumerated
    result = run(BROKEN / "too_large_for_exact.yaml", "--index", "johnston", "--method", "exact")
    assert result.exit_code == 2
    assert "no exact path" in result.output and "--method" in result.output
