"""Attribution of a reform's effect to its amendments: exact shares that add up, by hand and by property."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.analysis.decompose import decompose
from reformlab.analysis.decompose_inputs import decomposition_inputs
from reformlab.cli import app
from reformlab.engine.scenario import load_scenarios
from reformlab.errors import ReformlabError
from reformlab.model import load_reform
from reformlab.model.amendments import apply_subset

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests/model/fixtures/good/minimal.yaml"
runner = CliRunner()

SCENARIO = """\
constitution: tiny
sources: {made_up: "an invented example"}
scenarios:
  close:
    label: "a close Assembly (invented votes)"
    fits: {from: 2000-01-01}
    date: 2004-06-01
    seats:
      assembly.list: {votes: {Ruling: 4600, Opposition: 4700, Small: 700}}
    alignments:
      Ruling: {principal: president, source: made_up, confidence: low}
      Small: {principal: president, source: made_up, confidence: low}
"""

THRESHOLD = "{op: set, path: bodies.assembly.seat_groups.0.system.threshold.share, value: 8%}"
OVERRIDE = "{op: set, path: procedures.law.decision.1.override.0.majority, value: 1/2}"
STRICT = "{op: set, path: procedures.law.decision.1.override.0.strict, value: true}"
TENURE = "{op: add, path: bodies.president.term_years, value: 7}"


def _reform(tmp_path: Path, amendments: str, name: str = "package.yaml") -> Path:
    path = tmp_path / name
    path.write_text(f"reform: package\nbase: {TINY}\ndate: 2005-01-01\nlabel: a test package\n"
                    f"amendments:\n{amendments}", encoding="utf-8")
    return path


def _scenario(tmp_path: Path):
    path = tmp_path / "scenarios.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return load_scenarios(path)["close"]


def _run(tmp_path, amendments, **options):
    reform = load_reform(_reform(tmp_path, amendments))
    base = decomposition_inputs(f"{TINY}@2005-01-01", str(_reform(tmp_path, amendments)))[0]
    return decompose(base, reform, _scenario(tmp_path), measures=("control", "banzhaf"), **options)


THREE = f"""\
  - {{id: threshold, label: threshold 5% to 8%, articles: ["10"], changes: [{THRESHOLD}]}}
  - {{id: override, label: veto overridden by a majority of members, changes: [{OVERRIDE}, {STRICT}]}}
  - {{id: tenure, label: a seven-year term, changes: [{TENURE}]}}
"""


def test_three_amendments_by_hand(tmp_path):
    """Hare, 100 seats: 46/47/7 at 5% (the camp: Ruling + Small = 53, passes the law alone); at 8% Small is out:
    49/51, the camp keeps only its veto (an override needs 2/3). Override by a majority of members: the camp keeps
    53 > 50, still passes alone; both: the opposition's 51 pass and override, the camp has nothing.
    Levels 2, 1 (threshold), 2 (override), 0 (both): threshold = ((1-2) + (0-2))/2 = -3/2, override =
    ((2-2) + (0-1))/2 = -1/2, tenure (no decision reads a term) = 0, summing to 0 - 2."""
    result = _run(tmp_path, THREE)
    law = result.decisions["law"]
    control = next(s for s in law.shares if s.measure == "control")
    assert (control.before, control.after) == (2, 0)
    assert control.shares == {"threshold": Fraction(-3, 2), "override": Fraction(-1, 2), "tenure": 0}
    assert control.alone == {"threshold": -1, "override": 0, "tenure": 0}
    assert control.left_out == {"threshold": -2, "override": -1, "tenure": 0}
    assert "tenure" not in law.relevant


def test_dependencies_order_the_amendments(tmp_path):
    """With the override depending on the threshold, the only order is threshold then override: -1 and -1."""
    amendments = THREE.replace("id: override,", "id: override, depends_on: [threshold],")
    result = _run(tmp_path, amendments)
    control = next(s for s in result.decisions["law"].shares if s.measure == "control")
    assert control.shares == {"threshold": -1, "override": -1, "tenure": 0}
    assert control.alone["override"] == -1  # added with its prerequisite: v({threshold, override}) - v({threshold})


def test_identical_amendments_share_equally(tmp_path):
    """Two amendments doing the same thing (each writes the same value): symmetric, equal shares."""
    amendments = f"""\
  - {{id: first, changes: [{THRESHOLD}]}}
  - {{id: second, changes: [{THRESHOLD}]}}
"""
    result = _run(tmp_path, amendments)
    for share in result.decisions["law"].shares:
        assert share.shares["first"] == share.shares["second"]
        assert sum(share.shares.values()) == share.total


def test_a_flat_reform_decomposes_change_by_change(tmp_path):
    path = tmp_path / "flat.yaml"
    path.write_text(f"reform: flat\nbase: {TINY}\ndate: 2005-01-01\nchanges:\n  - {THRESHOLD}\n  - {TENURE}\n",
                    encoding="utf-8")
    base, package, *_ = decomposition_inputs(f"{TINY}@2005-01-01", str(path))
    result = decompose(base, package, _scenario(tmp_path))
    assert [a["id"] for a in result.amendments] == ["change-1", "change-2"]
    control = next(s for s in result.decisions["law"].shares if s.measure == "control")
    assert control.shares == {"change-1": -1, "change-2": 0}


CHOICES = [THRESHOLD, f"{OVERRIDE}, {STRICT}", TENURE,
           "{op: set, path: bodies.assembly.seat_groups.0.system.method, value: d_hondt}",
           "{op: set, path: bodies.assembly.seat_groups.0.system.threshold.share, value: 3%}",
           "{op: set, path: procedures.law.decision.0.majority, value: 2/3}"]


@pytest.mark.parametrize("seed", range(6))
def test_shares_add_up_to_the_whole_change(tmp_path, seed):
    """Efficiency on random packages (random amendments, random dependencies): for every decision, measure
    and actor, the shares sum exactly to the change; no evaluated subset breaks a dependency."""
    rng = random.Random(seed)
    picked = rng.sample(range(len(CHOICES)), rng.randint(2, 4))
    lines, paths = [], set()
    for n, index in enumerate(picked):
        change = CHOICES[index]
        path = change.split("path: ")[1].split(",")[0]
        if path in paths:
            continue
        paths.add(path)
        needs = [f"a{m}" for m in range(n) if rng.random() < 0.3 and f"a{m}" in "".join(lines)]
        lines.append(f"  - {{id: a{n}, depends_on: [{', '.join(needs)}], changes: [{change}]}}\n")
    result = _run(tmp_path, "".join(lines))
    for attribution in result.decisions.values():
        assert attribution.cannot_tell is None
        for share in attribution.shares:
            assert sum(share.shares.values()) == share.total, (share.measure, share.actor)


def test_relevance_is_sound(tmp_path):
    """An amendment left out of a decision's relevant set never changes it: every subset's measures equal those
    of its relevant part (checked by evaluating every subset in full)."""
    result = _run(tmp_path, THREE)
    reform = load_reform(_reform(tmp_path, THREE))
    base = decomposition_inputs(f"{TINY}@2005-01-01", str(_reform(tmp_path, THREE)))[0]
    from reformlab.analysis.control import control
    from reformlab.engine.filling import fill

    ids = ["threshold", "override", "tenure"]
    for mask in range(8):
        subset = [ids[i] for i in range(3) if mask >> i & 1]
        for decision, attribution in result.decisions.items():
            part = [i for i in subset if i in attribution.relevant]
            full = control(fill(apply_subset(base, reform, subset), _scenario(tmp_path))).procedures[decision]
            cut = control(fill(apply_subset(base, reform, part), _scenario(tmp_path))).procedures[decision]
            assert full.role("president") == cut.role("president")


def test_undeclared_dependency_is_named(tmp_path):
    """An amendment that cannot stand without another that it does not name: one clear message."""
    amendments = """\
  - {id: appointed, changes: [{op: add, path: bodies.assembly.seat_groups.-, value: {id: extra, seats: 10, filled_by: appointed, by: president}}]}
  - {id: size, changes: [{op: set, path: bodies.assembly.size, value: 110}]}
"""
    with pytest.raises(ReformlabError) as error:
        _run(tmp_path, amendments)
    assert "depends_on" in error.value.message()


def test_cli_decompose_json_and_table(tmp_path):
    path = _reform(tmp_path, THREE)
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(SCENARIO, encoding="utf-8")
    result = runner.invoke(app, ["decompose", f"{TINY}@2005-01-01", str(path), "-s", f"{scenarios}#close",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    control = next(s for s in data["decisions"]["law"]["shares"] if s["measure"] == "control")
    assert control["shares"] == {"threshold": "-3/2", "override": "-1/2", "tenure": "0"}
    assert data["evaluations"] <= 4 + 1
    table = runner.invoke(app, ["decompose", f"{TINY}@2005-01-01", str(path), "-s", f"{scenarios}#close"])
    assert table.exit_code == 0, table.output
    assert "threshold" in table.output and "-3/2" in table.output


@pytest.mark.parametrize("args, expected", [
    (["--measure", "banzaf"], "did you mean 'banzhaf'"),
    (["--decision", "lawz"], "did you mean 'law'"),
    (["--camp", "nobody"], "holds no seat"),
])
def test_cli_bad_options(tmp_path, args, expected):
    path = _reform(tmp_path, THREE)
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(SCENARIO, encoding="utf-8")
    result = runner.invoke(app, ["decompose", f"{TINY}@2005-01-01", str(path), "-s", f"{scenarios}#close", *args])
    assert result.exit_code == 2, result.output
    assert expected in result.output
