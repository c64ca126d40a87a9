"""Control, power, comparison and the study's claims, computed from the built-in Kazakh data."""

import json
from fractions import Fraction

import pytest

from reformlab.analysis import evaluate, power_frame
from reformlab.analysis.claims import round_to, check_claim, check_claims, matches
from reformlab.analysis.compare import compare
from reformlab.errors import ReformlabError


@pytest.fixture(scope="module")
def comparison():
    return compare("kz@2007-05-20", "kz@2007-05-21")


def test_control_gives_witnesses_for_large_games():
    control = evaluate("kz@2004-10-01").control.procedures["constitutional_amendment"].control
    assert control.dictator is None and control.veto_players == ("president",)
    assert control.smallest_winning == ("president", "electorate")
    # the 20 one-seat deputies are interchangeable: one witness stands for all of them
    assert any(len(c) == 2 and c[1].startswith("any 1 of (") for c in control.minimal_winning)


def test_power_frame_is_exact_and_sums_to_one():
    frame = power_frame(evaluate("kz@2004-10-01"))
    amendment = frame[(frame.procedure == "constitutional_amendment") & (frame["index"] == "banzhaf")]
    assert sum(amendment.exact) == 1
    assert amendment.set_index("actor").exact["president"] == Fraction(299593, 299596)


def test_compare_tells_the_story(comparison):
    data = comparison.to_dict()
    json.dumps(data)  # JSON-ready
    paths = {c["path"] for c in data["changes"]}
    assert "bodies.majilis.size" in paths and "bodies.senate.size" in paths
    size = next(c for c in data["changes"] if c["path"] == "bodies.majilis.size")
    assert (size["before"], size["after"], size["article"]) == (77, 107, "50(3)")
    assert data["control"]["constitutional_amendment"]["president"] == {"before": "veto", "after": "passes alone"}
    assert data["power"]["constitutional_amendment"]["president"] == {"before": "299593/299596", "after": "1"}
    assert data["seats"]["majilis"]["president"] == {"before": 57, "after": 107}
    # the 1998 override wording was not found; both of its readings agree the 2004 president passes laws alone
    assert data["control"]["ordinary_law"]["president"]["before"] == "passes alone"
    assert data["control"]["delegate_legislative_power"]["president"]["before"] is None  # no bounded set: cannot tell


def test_a_reform_changes_seats_not_the_base(tmp_path):
    base = evaluate("kz@2007-09-01")
    before = base.constitution.model_dump()
    result = compare(base, "examples/reform_threshold_3pct.yaml")
    assert result.seats()["majilis"]["president"] == {"before": 107, "after": 99}
    assert base.constitution.model_dump() == before


def test_every_isaacs_claim_is_checked():
    results = {r.id: r for r in check_claims()}
    assert len(results) >= 15
    assert results["president_appoints_30pct_of_senate"].computed == {"before": Fraction(7, 39), "after": Fraction(15, 47)}
    assert results["consolidation_constitutional_amendment"].verdict == "holds"
    assert all(r.verdict in ("holds", "fails", "cannot tell") for r in results.values())


def test_a_wrong_claim_fails_and_an_unknown_one_cannot_be_told():
    sides = {"before": evaluate("kz@2007-05-20"), "after": evaluate("kz@2007-05-21")}
    wrong = {"id": "x", "text": "t", "quantity": {"kind": "value", "path": "bodies.majilis.size"},
             "expected": {"before": 67, "after": 107}}
    assert check_claim(wrong, sides).verdict == "fails"
    unknown = {"id": "y", "text": "t",
               "quantity": {"kind": "majority", "procedure": "delegate_legislative_power", "body": "majilis"},
               "expected": {"before": "2/3"}}
    result = check_claim(unknown, sides)
    assert result.verdict == "cannot tell" and "unknown" in result.reason
    with pytest.raises(ReformlabError, match="unknown quantity kind"):
        check_claim({**wrong, "quantity": {"kind": "vaule"}}, sides)


def test_matching_rules():
    assert matches("7%", "7/100") and not matches("3/10", Fraction(15, 47))  # exact: no tolerance
    # the study's rounding (to tenths) is applied to the exact figure, never a tolerance
    assert round_to(Fraction(15, 47), Fraction(1, 10)) == Fraction(3, 10)
    assert round_to(Fraction(7, 39), Fraction(1, 10)) == Fraction(2, 10)
    assert matches({"not": "all"}, "11 of 12 computed") and not matches({"not": "all"}, "all")
    assert matches(["senate", "majilis"], ["majilis", "senate"]) and not matches([], ["senate"])
    assert matches({"a": 2}, {"a": 2, "b": 0}) and matches(True, True) and not matches(True, False)


def test_a_scenario_that_does_not_fit_is_refused():
    with pytest.raises(ReformlabError, match="describes the bodies"):
        evaluate("kz@2007-09-01", "kz-majilis-2004")
    with pytest.raises(ReformlabError, match="did you mean"):
        evaluate("kz@2007-09-01", "kz-majilis-2077")
