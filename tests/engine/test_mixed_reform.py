"""A reform to a mixed parallel Majilis runs end to end: the districts elected under the tier's own formula
(through the electoral tier registry), the list seats under the list rule, control of every decision."""

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reformlab.cli import app

ROOT = Path(__file__).resolve().parents[2]
REFORM = ROOT / "examples" / "reform_majilis_mixed.yaml"
runner = CliRunner()

# 29 invented districts: Nur Otan wins 25 outright; in 4 nobody has a majority, and the runoff goes the
# other way (so plurality and two rounds elect different deputies).
OUTRIGHT = {f"d{n}": {"Nur Otan": 600, "Ak Zhol": 300, "OSDP": 100} for n in range(1, 26)}
CLOSE = {f"d{n}": {"Nur Otan": 45, "Ak Zhol": 40, "OSDP": 15} for n in range(26, 30)}
RUNOFF = {district: {"Ak Zhol": 55, "Nur Otan": 45} for district in CLOSE}


def _scenario(tmp_path, districts: dict) -> str:
    path = tmp_path / "mixed.yaml"
    path.write_text(yaml.safe_dump({
        "constitution": "kz",
        "sources": {"made_up": "invented district results for a test"},
        "scenarios": {"mixed": {
            "label": "2007 list votes, invented districts",
            "fits": {"from": "2007-05-21"},
            "date": "2007-08-18",
            "seats": {"majilis.list": {"election": "KZ-MAJ-2007"}, "majilis.districts": districts},
            "controllers": {"maslikhats": {"principal": "president", "source": "made_up", "confidence": "low"}},
            "alignments": {"Nur Otan": {"principal": "president", "source": "made_up", "confidence": "low"}},
        }},
    }, sort_keys=False), encoding="utf-8")
    return f"{path}#mixed"


def _control(reform: Path, scenario: str) -> dict:
    result = runner.invoke(app, ["control", str(reform), "--scenario", scenario, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_two_round_districts_elect_the_runoff_winners(tmp_path):
    data = _control(REFORM, _scenario(tmp_path, {"districts": {**OUTRIGHT, **CLOSE}, "runoff": RUNOFF}))
    majilis = data["bodies"]["majilis"]
    # 69 list seats (Nur Otan alone passes 7% in 2007) + 25 districts + the 9 APK deputies
    assert majilis["president"]["seats"] == 69 + 25 + 9
    assert majilis["Ak Zhol"]["seats"] == 4
    no_confidence = data["procedures"]["no_confidence"]
    assert no_confidence["status"] == "known" and no_confidence["control"]["dictator"] == "president"


def test_the_formula_is_the_tier_s_plurality_elects_the_first_round_leader(tmp_path):
    reform = yaml.safe_load(REFORM.read_text(encoding="utf-8"))
    reform["base"] = "kz"
    reform["changes"][2]["value"]["system"]["formula"] = "plurality"
    path = tmp_path / "plurality.yaml"
    path.write_text(yaml.safe_dump(reform, sort_keys=False), encoding="utf-8")
    data = _control(path, _scenario(tmp_path, {"districts": {**OUTRIGHT, **CLOSE}}))
    assert data["bodies"]["majilis"]["president"]["seats"] == 69 + 29 + 9
    assert "Ak Zhol" not in data["bodies"]["majilis"]


@pytest.mark.parametrize("districts, expected", [
    ({"districts": {**OUTRIGHT, **CLOSE}}, "give the runoff votes"),
    ({"votes": {"Nur Otan": 10, "Ak Zhol": 5}}, "single_member tier"),
])
def test_results_that_do_not_fit_the_tier_are_one_clear_error(tmp_path, districts, expected):
    result = runner.invoke(app, ["control", str(REFORM), "--scenario", _scenario(tmp_path, districts)])
    assert result.exit_code == 2 and expected in result.stderr and "majilis.districts" in result.stderr
