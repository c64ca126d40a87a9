"""`reformlab claims --camp`: the claims about the study's camp asked of another camp; the others unchanged."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reformlab.analysis.claims import check_claims, load_claims
from reformlab.analysis.quantities import QUANTITIES
from reformlab.cli import app
from reformlab.errors import ReformlabError

runner = CliRunner()


@pytest.fixture(scope="module")
def both():
    return {r.id: r for r in check_claims()}, {r.id: r for r in check_claims(camp="apk")}


def _follows(claim: dict) -> bool:
    quantity = dict(claim["quantity"])
    parameter = getattr(QUANTITIES[quantity.pop("kind")], "camp_parameter", None)
    return parameter is not None and quantity.get(parameter, "president") == "president"


def test_only_claims_about_the_camp_are_asked_of_another(both):
    study, apk = both
    claims = load_claims()["claims"]
    following = {claim["id"] for claim in claims if _follows(claim)}
    assert {"apk_seats_answer_to_president", "consolidation_overall", "no_confidence_meaningless"} <= following
    for claim in claims:
        result = apk[claim["id"]]
        if claim["id"] in following:
            assert result.camp == "apk" and result.to_dict()["camp"] == "apk"
        else:  # the claim names no camp: the same verdict and figures as for the study's camp
            assert result.camp is None and result.to_dict() == study[claim["id"]].to_dict()


def test_the_apk_holds_none_of_the_presidents_seats_or_powers(both):
    study, apk = both
    assert study["apk_seats_answer_to_president"].computed == {"before": 0, "after": 9}
    assert apk["apk_seats_answer_to_president"].computed == {"before": 0, "after": 0}
    assert apk["apk_seats_answer_to_president"].verdict == "fails"
    assert apk["consolidation_overall"].computed["after"].startswith("0 of ")


def test_a_camp_that_is_no_actor_is_one_clear_error():
    with pytest.raises(ReformlabError) as error:
        check_claims(camp="nobody")
    assert error.value.field == "--camp" and "no actor or principal" in str(error.value)


def test_cli_claims_camp(both):
    result = runner.invoke(app, ["claims", "--camp", "apk", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.output)}
    assert rows["apk_seats_answer_to_president"]["camp"] == "apk"
    assert rows["majilis_size"] == both[0]["majilis_size"].to_dict()
    table = runner.invoke(app, ["claims", "--camp", "apk"])
    assert table.exit_code == 0 and "asked of apk" in table.output
    for args in (["claims", "--camp", "nobody"], ["claims", "--camp", "apk", "--robust"],
                 ["claims", "--camp", "apk", "--claims", "isaacs2008_process"]):
        bad = runner.invoke(app, args)
        assert bad.exit_code == 2 and "--camp" in bad.output and "Traceback" not in bad.output, args
