"""Assumptions as a space: --align on every command, --robust verdicts and their flipping sets (issue 10, item 3)."""

import json

import pytest
from typer.testing import CliRunner

from reformlab.analysis import evaluate
from reformlab.analysis.claims import check_claims
from reformlab.analysis.robust import robust_claims, side, space_of
from reformlab.cli import app
from reformlab.errors import ReformlabError

BEFORE, AFTER = "kz@2007-05-20", "kz@2007-05-21"
runner = CliRunner()


@pytest.fixture(scope="module")
def claims():
    return {r.id: r for r in robust_claims()}


def test_the_space_names_every_assumption_with_grounds():
    space = {c.name: c for c in space_of([side(BEFORE), side(AFTER)])}
    assert set(space) == {
        "Otan answers to", "Asar answers to", "AIST bloc (Agrarian + Civic parties) answers to",
        "Democratic Party Adilet answers to", "Ak Zhol Democratic Party answers to", "maslikhats controlled by",
        "Nur Otan answers to",
    }
    otan = space["Otan answers to"].options
    assert otan[0].principal == "president" and "Isaacs" in otan[0].grounds and otan[0].confidence == "low"  # the study under test alone (the scale)
    assert otan[1].grounds.startswith("no source")


def test_the_default_reading_is_the_plain_check(claims):
    plain = {r.id: r.verdict for r in check_claims()}
    assert {k: r.default for k, r in claims.items()} == plain


def test_the_amendment_consolidation_flipping_sets_by_hand_count(claims):
    """Before 2007 the camp holds 57 of the 58 Majilis seats an amendment needs (3/4 of 77): either one-seat
    party joining the camp (Adilet's district seat, Ak Zhol's list seat) makes it pass alone before, so
    "before: veto" fails; after, Nur Otan's 98 seats on their own, or maslikhats (32 regional senators)
    controlled by no one of the camp, leave the president short of passing alone."""
    found = claims["consolidation_constitutional_amendment"]
    assert set(found.smallest) == {
        ("Democratic Party Adilet answers to",), ("Ak Zhol Democratic Party answers to",),
        ("Nur Otan answers to",), ("maslikhats controlled by",),
    }
    assert found.flipped_to == "fails" and len(found.flips) == 1
    assert sum(found.seats[found.flips[0][0]].values()) == 1
    assert (found.holds, found.total, found.exact) == (29, 128, True)


def test_remapped_trees_match_a_fresh_fill():
    s = side(BEFORE)
    picks = {"Democratic Party Adilet": "president", "Asar": "Asar", "maslikhats": "maslikhats"}
    fresh = evaluate(BEFORE, alignments={"Democratic Party Adilet": "president", "Asar": "Asar",
                                         "maslikhats": "maslikhats"})
    remapped = s.under(picks)
    for key, proc in fresh.control.procedures.items():
        assert remapped.control.procedures[key].role("president") == proc.role("president"), key


def test_align_errors_are_one_clear_message():
    with pytest.raises(ReformlabError, match="unknown party 'Adilet'"):
        evaluate(BEFORE, alignments={"Adilet": "president"})
    with pytest.raises(ReformlabError, match="unknown principal 'nobody-at-all'"):
        evaluate(BEFORE, alignments={"Asar": "nobody-at-all"})
    result = runner.invoke(app, ["claims", "--align", "Nobody Party=president"])
    assert result.exit_code == 2 and "unknown party 'Nobody Party'" in result.output


def test_claims_align_and_robust_cli():
    result = runner.invoke(app, ["claims", "--align", "Democratic Party Adilet=president", "-f", "json"])
    assert result.exit_code == 0, result.output
    verdicts = {c["id"]: c["verdict"] for c in json.loads(result.output)}
    assert verdicts["consolidation_constitutional_amendment"] == "fails"
    result = runner.invoke(app, ["claims", "--robust", "-f", "json"])
    assert result.exit_code == 0, result.output
    found = {c["id"]: c for c in json.loads(result.output)}
    assert found["consolidation_overall"]["holds"] == 32
    result = runner.invoke(app, ["control", AFTER, "--robust", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert any(r["id"].endswith("constitutional_amendment") for r in json.loads(result.output))


def test_the_fast_camp_roles_match_remapped_trees_on_every_combination():
    from reformlab.analysis.robust import combinations

    for target in (BEFORE, AFTER):
        s = side(target)
        exact, combos = combinations(s.space)
        assert exact
        for combo in combos:
            picks = {c.subject: c.options[i].principal for c, i in zip(s.space, combo) if i}
            slow = {k: p.role("president") or "cannot tell" for k, p in s.under(picks).control.procedures.items()}
            assert s.camp_roles(picks, "president") == slow, (target, picks)
