"""Risk on equal footing (issue 10, item 5): by default every version is drawn around the same baseline votes,
said which; each around its own election only with --own-elections, labelled "rules and election together"."""

import json

from typer.testing import CliRunner

from reformlab.analysis import evaluate
from reformlab.analysis.risk import compile_versions, simulate
from reformlab.analysis.risk.baseline import baseline
from reformlab.cli import app

runner = CliRunner()
TARGETS = ["kz@2004-10-01", "kz@2007-09-01"]


def _run(*args):
    result = runner.invoke(app, ["risk", *TARGETS, "-n", "4096", "--seed", "7", "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_default_draws_both_versions_around_the_first_versions_votes():
    data = _run()
    assert data["baseline"] == {"votes": "scenario kz-majilis-2004 (election KZ-MAJ-2004)", "same_votes": True,
                                "comparison": "rules alone", "why": None}
    shares = {v["camp_share"] for v in data["versions"]}
    assert len(shares) == 1 and round(shares.pop(), 4) == 0.7905  # the 2004 camp share on both sides
    after = evaluate(TARGETS[1], election="kz-majilis-2004").filling.bodies["majilis"].by_principal()["president"]
    assert data["versions"][1]["baseline_seats"]["majilis"] == after == 94


def test_own_elections_is_the_old_comparison_and_says_so():
    data = _run("--own-elections")
    assert data["baseline"]["comparison"] == "rules and election together" and not data["baseline"]["same_votes"]
    assert [round(v["camp_share"], 4) for v in data["versions"]] == [0.7905, 0.8841]
    result = runner.invoke(app, ["risk", *TARGETS, "-n", "10", "--own-elections"], env={"COLUMNS": "200"})
    assert "rules and election together" in result.output


def test_api_default_is_the_same_baseline_too():
    same, own = compile_versions(TARGETS), compile_versions(TARGETS, own_elections=True)
    assert same[0].camp_share == same[1].camp_share != own[1].camp_share
    assert baseline(TARGETS).sentence.startswith("every version drawn around the same baseline votes")


def test_same_seed_same_result_on_any_chunking():
    one, two = _run("--chunk", "4096"), _run("--chunk", "65536")
    assert one == two
    a = simulate(TARGETS, draws=12288, seed=3, chunk=4096).to_dict()
    b = simulate(TARGETS, draws=12288, seed=3, chunk=12288).to_dict()
    assert a == b


def test_a_scenario_of_declared_seats_only_runs_and_says_what_is_not_drawn(tmp_path):
    file = tmp_path / "declared.yaml"
    file.write_text(
        "schema_version: 1\nconstitution: kz\nscenarios:\n  d:\n    label: x\n    fits: {from: 2004-09-19, to: 2007-05-20}\n"
        "    date: 2004-10-03\n    seats:\n      majilis.list: {seats: {Otan: 7, Asar: 3}}\n"
        "      majilis.districts: {seats: {Otan: 40, Independents: 27}, tier: smd}\n"
        "    controllers:\n      maslikhats: {principal: president}\n    alignments:\n      Otan: {principal: president}\n")
    assert runner.invoke(app, ["control", "kz@2004-10-01", "-s", f"{file}#d"]).exit_code == 0
    result = runner.invoke(app, ["risk", "kz@2004-10-01", "-s", f"{file}#d", "-n", "4096", "--seed", "1", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "no national swing" in json.loads(result.output)["versions"][0]["notes"][0]


def test_bad_baselines_are_one_message_exit_2():
    for args, words in ((["--own-elections", "-e", "kz-majilis-2007"], "give one of --scenario, --election"),
                        (["-e", "KG-JK-2010"], "not of 'kz'"),
                        (["-e", "kz-majilis-2099"], "no built-in scenario or election")):
        result = runner.invoke(app, ["risk", *TARGETS, "-n", "10", *args])
        assert result.exit_code == 2 and words in result.output, (args, result.output)
        assert "Traceback" not in result.output


MMP = "tests/engine/reforms/majilis_mmp.yaml"
PARALLEL = "tests/engine/reforms/majilis_parallel.yaml"


def _file(tmp_path, name: str, seats: str) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(
        f"constitution: kz\nsources: {{made_up: invented}}\nscenarios:\n  {name}:\n    label: invented\n"
        "    fits: {from: 2007-05-21}\n    date: 2007-08-18\n    seats:\n"
        f"      majilis.list: {seats}\n"
        "    controllers: {maslikhats: {principal: president, source: made_up, confidence: low}}\n"
        "    alignments: {Nur Otan: {principal: president, source: made_up, confidence: low}}\n", encoding="utf-8")
    return f"{path}#{name}"


def test_risk_takes_every_scenario_control_takes(tmp_path):
    """Votes, declared district seats (a compensatory tier), per-tier results: what control fills, risk draws
    (a tier the draws cannot re-allocate is held as filled, and the output says so)."""
    cases = [
        ("kz@2007-09-01", _file(tmp_path, "votes", "{votes: {Nur Otan: 600, Ak Zhol: 300, OSDP: 100}, ballots_cast: 1000}"), None),
        (MMP, _file(tmp_path, "mmp", "{votes: {Nur Otan: 600, Ak Zhol: 300, OSDP: 100}, ballots_cast: 1000, "
                                     "district_seats: {Nur Otan: 40, Ak Zhol: 4, OSDP: 5}}"), "compensatory tier"),
        (PARALLEL, _file(tmp_path, "par", "{tiers: {list: {election: KZ-MAJ-2007}, districts: "
                                          "{seats: {Nur Otan: 25, Ak Zhol: 4}}}}"), "held as declared"),
    ]
    for target, scenario, note in cases:
        assert runner.invoke(app, ["control", target, "-s", scenario]).exit_code == 0, target
        result = runner.invoke(app, ["risk", target, "-s", scenario, "-n", "4096", "--seed", "2", "-f", "json"])
        assert result.exit_code == 0, (target, result.output)
        notes = " ".join(json.loads(result.output)["versions"][0]["notes"])
        assert (note in notes) if note else not notes, (target, notes)


def test_without_an_election_to_hold_fixed_each_keeps_its_own_and_says_why():
    """The Kyrgyz 2007 scenario gives declared seats, no built-in election: both versions keep their own
    scenarios, labelled rules and election together, with the reason."""
    result = runner.invoke(app, ["risk", "kg@2008-01-01", "kg@2011-01-01", "-n", "100", "-f", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["baseline"]
    assert found["comparison"] == "rules and election together" and "names no built-in election" in found["why"]
