"""The road not taken and the single-amendment effects, pinned: a data change that moves a figure is seen."""

from __future__ import annotations

from fractions import Fraction

import pytest
from typer.testing import CliRunner

from reformlab.analysis.process import builtin_analysis, effect_shares
from reformlab.cli import app
from reformlab.process import builtin_path, load_process

runner = CliRunner()
REFORMS = sorted((builtin_path().parent / "reforms").glob("*.yaml"))


@pytest.fixture(scope="module")
def analysis():
    return builtin_analysis()


def _run(analysis, counterfactual, assumption=None):
    return next(r for r in analysis.runs if r.counterfactual == counterfactual and r.assumption == assumption)


def test_every_proposal_not_adopted_or_adopted_otherwise_has_a_counterfactual():
    process = load_process()
    for proposal in process.proposals:
        if proposal.outcome.kind in ("not_adopted", "adopted_in_another_form"):
            assert proposal.counterfactuals, proposal.id


def test_half_districts_under_each_assumption(analysis):
    as_2004 = _run(analysis, "majilis_134_half_lists", "as_in_2004")
    assert as_2004.majilis == {"president": 115, "Democratic Party Adilet": 1, "Independents": 18}
    assert as_2004.lost == () and as_2004.gained == ()
    worst = _run(analysis, "majilis_134_half_lists", "none_to_camp")
    assert worst.majilis == {"president": 67, "Independents": 67}
    assert set(worst.lost) == {"ordinary_law", "constitutional_law", "constitutional_amendment", "no_confidence",
                               "delegate_legislative_power", "early_release_illness",  # Art. 94 of 1998 (shortening the term) spent in 1999
                               "appoint:prime_minister.prime_minister", "appoint:majilis_chair.chair"}


def test_break_even_districts(analysis):
    """67 list seats all go to Nur Otan (the only list over 7% in 2007): one district more makes a majority of
    134, 23 make two thirds (90), 34 make three quarters (101)."""
    found = analysis.break_even["majilis_134_half_lists"]
    assert found["ordinary_law"] == 1 and found["no_confidence"] == 1
    assert found["constitutional_law"] == 23 and found["constitutional_amendment"] == 34
    assert found["dissolution"] == 0 and found["appoint:senate_chair.chair"] == 0


def test_all_proposals_as_proposed_together(analysis):
    worst = _run(analysis, "proposals_as_proposed", "none_to_camp")
    assert worst.offices["regional_akims"] == {"adopted": 16, "counterfactual": None}
    # 8: the transitional Art. 94 was spent in 1999, so it is no decision of the 2007 version; the early release
    # for illness (Art. 47(1), 3/4 of each chamber) is lost with 67 of 107
    assert worst.offices["majilis"] == {"adopted": 107, "counterfactual": 67} and len(worst.lost) == 8
    assert _run(analysis, "proposals_as_proposed", "as_in_2004").lost == ()
    assert analysis.break_even["proposals_as_proposed"] == analysis.break_even["majilis_134_half_lists"]


def test_risk_of_losing_control_same_draws(analysis):
    """20,000 draws, seed 7, the risk module's default parameters: under the adopted package the President never
    loses a decision he holds; with half the Majilis in districts (2004's winners as the baseline) he would."""
    rows = {(r.counterfactual, r.procedure): r for r in analysis.risk}
    assert analysis.risk_draws == 20_000 and analysis.risk_seed == 7 and analysis.risk_skipped == ()
    assert all(r.adopted == 0 for r in analysis.risk)
    half = {proc: rows[("majilis_134_half_lists", proc)].counterfactual_p
            for proc in ("ordinary_law", "constitutional_law", "constitutional_amendment", "dissolution")}
    assert half == {"ordinary_law": 29 / 20_000, "constitutional_law": 1473 / 20_000,
                    "constitutional_amendment": 4493 / 20_000, "dissolution": 0.0}
    assert all(r.counterfactual_p == 0 for r in analysis.risk if r.counterfactual == "majilis_134_all_lists")


def test_all_lists_and_akims(analysis):
    assert _run(analysis, "majilis_134_all_lists").majilis == {"president": 134}
    akims = _run(analysis, "akims_popularly_elected")
    assert akims.offices == {"regional_akims": {"adopted": 16, "counterfactual": None}}


def test_single_amendment_effects(analysis):
    effects = {e.amendment: e for e in analysis.effects}
    assert {k for k, e in effects.items() if e.effect == "raised"} == {
        "majilis_size_107", "majilis_party_lists_only", "majilis_apk_seats"}
    assert effects["majilis_size_107"].gains == ("constitutional_amendment", "early_release_illness")
    shares = effect_shares(list(analysis.effects))
    # 18 amendments: the 1998-2007 texts add the dissolution grounds, Art. 55(4) and the President's party ban
    assert (shares["raised"], shares["lowered"], shares["unchanged"], shares["told"]) == (3, 0, 15, 18)
    assert shares["raised_share"] == Fraction(1, 6)


@pytest.mark.parametrize("reform", REFORMS, ids=lambda p: p.stem)
def test_compare_adopted_package_with_proposal_runs(reform):
    result = runner.invoke(app, ["compare", "kz@2007-05-21", str(reform), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"control"' in result.output


def test_the_camps_party_is_read_from_the_scenario_not_named_in_code():
    """break_even's party is the camp's largest party in the body, by the scenario's alignments: Nur Otan in
    2007; nobody when no party answers to the camp (here: Nur Otan taken as its own principal)."""
    from reformlab.analysis.evaluation import evaluate
    from reformlab.analysis.process import camp_party

    adopted = evaluate("kz@2007-09-01")
    assert camp_party(adopted, "majilis") == "Nur Otan"
    assert camp_party(adopted, "majilis", camp="nobody") is None
    assert camp_party(adopted, "no_such_body") is None
    split = evaluate("kz@2007-09-01", adopted.scenario.with_alignments({"Nur Otan": "Nur Otan"}))
    assert camp_party(split, "majilis") is None
