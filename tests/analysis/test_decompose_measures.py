"""The margin and risk measures of a decomposition, and --election: exact shares of seat counts and of
estimates made on the same draws for every subset."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from reformlab.analysis.decompose import decompose
from reformlab.analysis.decompose_inputs import decomposition_inputs
from reformlab.analysis.evaluation import Evaluation
from reformlab.cli import app
from reformlab.engine.filling import fill
from reformlab.errors import ReformlabError
from reformlab.model import load_reform

from tests.analysis.test_decompose import SCENARIO, THREE, TINY, _reform, _scenario

runner = CliRunner()


def _decompose(tmp_path, measures, **options):
    path = _reform(tmp_path, THREE)
    base = decomposition_inputs(f"{TINY}@2005-01-01", str(path))[0]
    return base, decompose(base, load_reform(path), _scenario(tmp_path), measures=measures, **options)


def test_margin_by_hand(tmp_path):
    """The law needs more than half of the 100 votes (51) and, against the president's veto, two thirds of
    the members (67; the camp holds the veto itself). At 5% the camp holds 53: 2 beyond the quota; at 8% it
    holds 49: 2 short. A majority-of-members override leaves the camp's route through its own veto, so the
    margin is 2 or -2 whatever the override: threshold -4, override 0, tenure 0."""
    _, result = _decompose(tmp_path, ("margin",))
    margin = next(s for s in result.decisions["law"].shares if s.measure == "margin")
    assert (margin.before, margin.after) == (2, -2)
    assert margin.shares == {"threshold": -4, "override": 0, "tenure": 0}
    assert margin.alone == {"threshold": -4, "override": 0, "tenure": 0}


def test_margin_reuses_the_margins_module(tmp_path):
    """The figure is analysis.margins.margin's surplus on the base's tree, not a second count."""
    from reformlab.analysis.margins import margin

    base, result = _decompose(tmp_path, ("margin",))
    made = Evaluation("base", base, _scenario(tmp_path), fill(base, _scenario(tmp_path))).decisions["law"]
    share = next(s for s in result.decisions["law"].shares if s.measure == "margin")
    assert share.before == margin(made.trees[0][1], ("president",)).surplus


def test_risk_shares_are_exact_on_common_draws(tmp_path):
    """Every subset on the same draws: the before figure is what the risk model gives the base alone with that
    seed; the shares sum exactly to the estimated change; the tenure, read by no decision, gets exactly 0."""
    from reformlab.analysis.risk import simulate
    from reformlab.analysis.risk.template import compile_version

    base, result = _decompose(tmp_path, ("risk",), draws=8192, seed=11)
    assert result.risk == {"draws": 8192, "seed": 11, "subsets": 4, "scheduler": "serial"}
    law = {s.measure: s for s in result.decisions["law"].shares}
    assert set(law) == {"risk_pass", "risk_block"}
    for share in law.values():
        assert sum(share.shares.values()) == share.total
        assert share.shares["tenure"] == 0
    alone = Evaluation("base", base, _scenario(tmp_path), fill(base, _scenario(tmp_path)))
    own = simulate([], models=[compile_version(alone)], draws=8192, seed=11)
    assert law["risk_pass"].before == Fraction(own.counts.losses["base"]["law"][0], 8192)
    assert law["risk_block"].before == Fraction(own.counts.losses["base"]["law"][1], 8192)
    _, again = _decompose(tmp_path, ("risk",), draws=8192, seed=11)
    assert {s.measure: s.shares for s in again.decisions["law"].shares} == {m: s.shares for m, s in law.items()}
    _, other = _decompose(tmp_path, ("risk",), draws=8192, seed=12)
    assert {s.measure: s.before for s in other.decisions["law"].shares} != {m: s.before for m, s in law.items()}


def test_risk_of_the_2007_package_on_the_constitutional_amendment():
    """Pinned figures (seed 0, 20,000 draws): on the 2004 votes the president's risk of not passing a
    constitutional amendment alone falls from 13917/20000 to 31/4000, most of it the party-list Majilis."""
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    result = decompose(base, package, scenario, measures=("risk",), only=["constitutional_amendment"],
                       draws=20_000, seed=0)
    share = next(s for s in result.decisions["constitutional_amendment"].shares if s.measure == "risk_pass")
    assert (share.before, share.after) == (Fraction(13917, 20000), Fraction(31, 4000))
    assert {k: v for k, v in share.shares.items() if v} == {
        "majilis_party_lists_only": Fraction(-817, 1250), "majilis_imperative_mandate": Fraction(-717, 40000),
        "majilis_size_107": Fraction(-663, 40000)}
    assert result.risk["subsets"] == 10


def test_election_holds_the_votes_fixed():
    """With --election every subset is filled from the 2004 votes under its own rules; the shares still add
    up, and the constitutional amendment moves as on the 2004 scenario."""
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21", election="KZ-MAJ-2004")
    assert scenario is None
    result = decompose(base, package, None, election="KZ-MAJ-2004", measures=("control", "margin"),
                       only=["constitutional_amendment", "appoint:prime_minister.prime_minister"])
    assert "KZ-MAJ-2004" in result.election
    shares = {(d, s.measure): s for d, a in result.decisions.items() for s in a.shares}
    control = shares[("constitutional_amendment", "control")]
    assert (control.before, control.after) == (1, 2)
    assert {k: v for k, v in control.shares.items() if v} == {"majilis_party_lists_only": 1}
    pm = shares[("appoint:prime_minister.prime_minister", "margin")]
    assert (pm.before, pm.after) == (18, 40) and sum(pm.shares.values()) == 22


def test_cli_risk_json_and_bad_options(tmp_path):
    path = _reform(tmp_path, THREE)
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(SCENARIO, encoding="utf-8")
    common = ["decompose", f"{TINY}@2005-01-01", str(path), "-s", f"{scenarios}#close"]
    result = runner.invoke(app, [*common, "-m", "risk", "-n", "4096", "--seed", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["risk"]["draws"] == 4096 and data["risk"]["seed"] == 3
    for args, expected in [(["-m", "risk", "-n", "0"], "above 0"), (["-m", "risk", "-n", "200000000"], "or fewer"), (["--scheduler", "dask"], "--measure risk"),
                           (["-m", "risk", "--address", "tcp://x:1"], "needs --scheduler dask"),
                           (["--election", "KZ-MAJ-2004"], "not both")]:
        bad = runner.invoke(app, [*common, *args])
        assert bad.exit_code == 2, (args, bad.output)
        assert expected in bad.output, (args, bad.output)


def test_a_measure_with_no_value_in_some_version_is_not_shared_out():
    """Dissolution is decided by the president's office alone: no seat count, so no margin share (a reason,
    never a zero)."""
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    result = decompose(base, package, scenario, measures=("margin",), only=["dissolution"])
    attribution = result.decisions["dissolution"]
    assert not [s for s in attribution.shares if s.measure == "margin"]
    assert attribution.not_shared and "seats do not decide" in attribution.not_shared[0][1]


def test_unknown_measure_is_named():
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    with pytest.raises(ReformlabError, match="did you mean 'margin'"):
        decompose(base, package, scenario, measures=("margins",))


def test_cli_prints_the_shares_of_the_amendment_and_the_pm_summing_to_the_total():
    """Issue 11, done when: `decompose kz@2007-05-20 kz@2007-05-21` prints, for the constitutional amendment
    and the PM's appointment, each amendment's share of the change and their sum, equal to the total."""
    result = runner.invoke(app, ["decompose", "kz@2007-05-20", "kz@2007-05-21"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    amendment = result.output.split("amending the Constitution")[1].split("\n\n")[0]
    assert "veto -> passes alone (1 levels)" in amendment and "majilis_party_lists_only" in amendment
    assert "president, margin: -1 -> 11 (12)" in amendment
    pm = result.output.split("appointing Prime Minister")[1].split("\n\n")[0]
    assert "president, margin: 18 -> 40 (22)" in pm
    assert "483/40" in pm and "28/5" in pm and "25/8" in pm and "6/5" in pm
    assert pm.count("sum of the shares") == 1 and "│ sum of the shares           │                 │     22 │" in pm


@pytest.mark.parametrize("seed", range(4))
def test_margin_and_risk_shares_add_up_on_random_packages(tmp_path, seed):
    """Efficiency for the margin and the risk estimates on random packages with random dependencies, and two
    identical amendments (the same change twice) get equal shares."""
    import random

    from tests.analysis.test_decompose import CHOICES

    rng = random.Random(seed)
    picked = rng.sample(range(len(CHOICES)), rng.randint(2, 3))
    lines, paths = [], set()
    for n, index in enumerate(picked):
        path = CHOICES[index].split("path: ")[1].split(",")[0]
        if path in paths:
            continue
        paths.add(path)
        needs = [f"a{m}" for m in range(1, n) if rng.random() < 0.5 and f"a{m}" in "".join(lines)]
        lines.append(f"  - {{id: a{n}, depends_on: [{', '.join(needs)}], changes: [{CHOICES[index]}]}}\n")
    lines.append(f"  - {{id: twin, changes: [{CHOICES[picked[0]]}]}}\n")  # a0 again; nothing depends on either
    path = _reform(tmp_path, "".join(lines))
    base = decomposition_inputs(f"{TINY}@2005-01-01", str(path))[0]
    result = decompose(base, load_reform(path), _scenario(tmp_path), measures=("margin", "risk"), draws=4096,
                       seed=seed)
    for attribution in result.decisions.values():
        for share in attribution.shares:
            assert sum(share.shares.values()) == share.total, (share.measure, share.decision)
            assert share.shares["a0"] == share.shares["twin"], (share.measure, share.decision)


def test_risk_on_the_dask_path_gives_the_serial_shares(tmp_path):
    pytest.importorskip("distributed")
    _, serial = _decompose(tmp_path, ("risk",), draws=6000, seed=5)
    _, spread = _decompose(tmp_path, ("risk",), draws=6000, seed=5, scheduler="dask", workers=2, processes=False)
    assert spread.risk["scheduler"] == "dask"
    assert [(s.measure, s.before, s.after, s.shares) for s in spread.decisions["law"].shares] == \
        [(s.measure, s.before, s.after, s.shares) for s in serial.decisions["law"].shares]


def test_risk_after_is_the_whole_reforms_estimate_on_the_same_draws():
    """The decision's subsets hold only the amendments that can affect it; on the same draws, the estimate for
    all of them equals the whole package's (the amendments left out move no draw of the bodies it reads)."""
    from reformlab.analysis.decompose_versions import Versions

    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    result = decompose(base, package, scenario, measures=("risk",), only=["constitutional_amendment"],
                       draws=20_000, seed=0)
    versions = Versions(base, package, scenario)
    whole = frozenset(a.id for a in package.amendments)
    versions.simulate([whole], "president", draws=20_000, seed=0)
    lost = versions.risk[versions.target(whole)]["constitutional_amendment"]
    figures = {s.measure: s.after for s in result.decisions["constitutional_amendment"].shares}
    assert figures == {"risk_pass": Fraction(lost[0], 20_000), "risk_block": Fraction(lost[1], 20_000)}
