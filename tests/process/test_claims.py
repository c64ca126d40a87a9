"""The study's process claims: each verdict pinned, with the honest "cannot tell"s."""

from __future__ import annotations

from typer.testing import CliRunner

from reformlab.analysis.process_claims import check_process_claims
from reformlab.cli import app

VERDICTS = {
    "pds_no_constitutional_status": "holds",
    "pds_only_ak_zhol_took_part": "cannot tell",
    "pds_skewed_pro_presidential": "cannot tell",
    "nkvd_status_higher": "holds",
    "nkvd_not_chaired_by_president": "holds",
    "nkvd_opposition_invited_but_absent": "holds",
    "nkvd_no_output": "cannot tell",
    "state_commission_chaired_by_president": "holds",
    "state_commission_framed_pro_presidential": "cannot tell",
    "opposition_absent_from_all_three": "fails",
    "majilis_134_proposed_107_adopted": "holds",
    "akims_direct_election_not_adopted": "holds",
    "unlimited_terms_added_by_parliament": "holds",
    "embassy_80_percent_from_commission": "cannot tell",
    "output_suits_president": "holds",
}


def test_process_claim_verdicts_are_pinned():
    results = {r.id: r for r in check_process_claims("isaacs2008_process")}
    assert {k: r.verdict for k, r in results.items()} == VERDICTS
    assert all(r.reason for r in results.values() if r.verdict in ("cannot tell", "fails"))


def test_the_figures_behind_the_verdicts():
    results = {r.id: r for r in check_process_claims("isaacs2008_process")}
    assert results["majilis_134_proposed_107_adopted"].computed["process"] == {"proposed": 134, "adopted": 107}
    assert "Ak Zhol (pds)" in results["opposition_absent_from_all_three"].computed["process"]
    share = results["embassy_80_percent_from_commission"].computed["process"]
    assert (share["from_process"], share["untraced"], share["outside"], share["of"]) == (7, 10, 1, 18)
    suits = results["output_suits_president"].computed["process"]
    assert suits["suits"] and suits["gained_under_proposals"] == [] and suits["amendments_raised"] == 3
    assert "constitutional_amendment with 34" in results["output_suits_president"].reason


def test_claims_command_shows_them():
    result = CliRunner().invoke(app, ["claims", "--claims", "isaacs2008_process"])
    assert result.exit_code == 0, result.output
    assert "9 holds, 1 fails, 5 cannot tell" in result.output
