"""The thesis as a computed claim: was every amendment that lowered the camp's power in a decision matched by
one that restored it? Per decision, with the pairs; a finding either way."""

from __future__ import annotations

from fractions import Fraction

from reformlab.analysis import evaluate
from reformlab.analysis.claims import check_claim, load_claims
from reformlab.analysis.decompose import Share, decompose
from reformlab.analysis.decompose_inputs import decomposition_inputs
from reformlab.analysis.decompose_offsets import offset_of

CLAIM = next(c for c in load_claims()["claims"] if c["id"] == "lowering_amendments_restored")


def _share(shares: dict[str, Fraction]) -> Share:
    total = sum(shares.values(), Fraction(0))
    return Share("d", "banzhaf", "president", None, Fraction(0), total, shares, shares, shares)


def test_pairs_by_hand():
    """-1/2 (a) is made up by 1/3 (b) and 1/6 of c's 1/3; -1/6 (d) by the rest of c: restored, net 0."""
    found = offset_of(_share({"a": Fraction(-1, 2), "b": Fraction(1, 3), "c": Fraction(1, 3), "d": Fraction(-1, 6)}), "d")
    assert found.pairs == (("a", ("b", "c")), ("d", ("c",)))
    assert found.restored and found.net == 0
    short = offset_of(_share({"a": Fraction(-1, 2), "b": Fraction(1, 4)}), "d")
    assert not short.restored and short.text() == "not restored: a by b (net -1/4)"
    assert offset_of(_share({"a": Fraction(1, 2)}), "d") is None


def test_the_claim_is_a_finding_undoing_the_package_fails_it():
    """Read backwards (21 May -> 20 May, the differences grouped into amendments), undoing the party-list
    Majilis lowers the president's power in amending the Constitution and nothing restores it: fails."""
    before = evaluate("kz@2007-05-20")
    after = evaluate("kz@2007-05-21")
    from reformlab.analysis.evaluation import Evaluation
    from reformlab.engine.filling import fill

    reversed_before = Evaluation("kz@2007-05-21", after.constitution, before.scenario,
                                 fill(after.constitution, before.scenario))
    sides = {"before": reversed_before, "after": before}
    result = check_claim(CLAIM, sides)
    assert result.verdict == "fails"
    decisions = result.computed["change"]["decisions"]
    assert decisions["constitutional_amendment"] == "not restored: majilis_51_1 by nothing (net -3/299596)"


def test_powers_that_cannot_be_told_are_never_zero():
    """Where no reading of a decision can be told in some version (the maslikhats' consent to an akim), its
    Banzhaf shares are not filled with zeros: the decision cannot be told."""
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    result = decompose(base, package, scenario, measures=("banzhaf",), only=["appoint:regional_akims.akims"])
    attribution = result.decisions["appoint:regional_akims.akims"]
    assert attribution.cannot_tell and "cannot be told in 20 of the 40 versions" in attribution.cannot_tell
    assert not attribution.shares


def test_sides_with_no_package_between_them_cannot_tell():
    """The same version on both sides (what the web app may be asked): no package to split, one reason."""
    side = evaluate("kz@2007-05-21")
    result = check_claim(CLAIM, {"before": side, "after": side})
    assert result.verdict == "cannot tell" and "do not differ" in result.reason


def test_under_another_reading_the_subsets_are_filled_under_it():
    """`claims --robust` re-maps a side's filling; the claim fills every subset under that reading. With Otan
    its own principal, no confidence by a simple majority lowers the president's Banzhaf power by 1/2 and
    nothing restores it: the claim fails; the scenario's own reading is the plain check."""
    from reformlab.analysis.decompose_claims import readings_of
    from reformlab.analysis.robust import side

    before, after = side("kz@2007-05-20"), side("kz@2007-05-21")
    assert readings_of(before.under({})) == {}
    otan = before.under({"Otan": "Otan"})
    assert readings_of(otan) == {"Otan": "Otan"}
    result = check_claim(CLAIM, {"before": otan, "after": after.under({})})
    assert result.verdict == "fails" and result.reason == "not restored in: no_confidence"
    assert result.computed["change"]["decisions"]["no_confidence"] == \
        "not restored: no_confidence_majority by nothing (net -1/2)"
    plain = check_claim(CLAIM, {"before": before.under({}), "after": after.under({})})
    assert plain.verdict == "cannot tell"
