"""Procedures as decision trees: exact quotas, vetoes and overrides, gaps by kind, alternatives for unknown
majorities; and the pure functions over trees (readings, simplify, the simple game, the key)."""

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.engine.decisions import games, decisions
from reformlab.engine.filling import fill
from reformlab.engine.scenario import builtin_scenarios
from reformlab.engine.tree import (
    Actor, AllOf, Alternatives, Always, AnyMember, AnyOf, Controller, Gap, Never, Quota, Reading, Unknown, Vote,
    decision_key, leaves, readings, render, simple_game, simplify, unknowns, walk,
)
from reformlab.games import dictator, veto_players
from reformlab.model import load_builtin


@pytest.fixture(scope="module")
def decided():
    kz = load_builtin("kz")
    scenarios = builtin_scenarios()
    return {
        2004: decisions(fill(kz.as_of("2004-10-01"), scenarios["kz-majilis-2004"])),
        2007: decisions(fill(kz.as_of("2007-09-01"), scenarios["kz-majilis-2007"])),
    }


def _votes(tree, body):
    return [leaf for leaf in leaves(tree) if isinstance(leaf, Vote) and leaf.body == body]


def test_three_quarters_of_77_needs_58_so_the_2004_president_cannot_amend_alone(decided):
    amendment = decided[2004]["constitutional_amendment"]
    assert amendment.status == "known"
    needed = {(v.quota.majority, v.members, v.needed) for v in _votes(amendment.tree, "majilis")}
    assert (Fraction(3, 4), 77, 58) in needed  # ceil(3/4 * 77) = 58, "at least three quarters"
    ((assumption, game),) = games(amendment)
    assert assumption is None
    assert dictator(game) is None
    assert veto_players(game) == ("president",)
    # 57 pro-presidential deputies + 1 more reach ceil(3/4 * 77) = 58
    assert game.is_winning({"president", "Independent 1"})
    assert not game.is_winning({"president"})


def test_after_2007_the_president_passes_every_known_decision_alone(decided):
    checked = []
    for decision in decided[2007].values():
        for assumption, game in games(decision):
            assert game is not None, decision.id
            assert dictator(game) == "president", (decision.id, assumption)
            checked.append(decision.id)
    told = [d for d in decided[2007].values() if d.status != "unknown"]
    # 12: the transitional Art. 94 (shortening the term then running) was spent in 1999; the early release
    # for illness (Art. 47(1), low) is one
    assert len(told) == 12 and set(checked) == {d.id for d in told}


def test_no_confidence_quota_is_more_than_half_of_all_deputies(decided):
    tree = decided[2007]["no_confidence"].tree
    (consent,) = [v for v in _votes(tree, "majilis") if v.role == "consent"]
    assert consent.quota == Quota(Fraction(1, 2), "members", True)
    assert (consent.members, consent.needed) == (107, 54)  # floor(1/2 * 107) + 1
    (initiative,) = [v for v in _votes(tree, "majilis") if v.role == "initiative"]
    assert initiative.needed == 22  # at least 1/5 of 107 = ceil(21.4)


def test_unknown_majority_gives_one_reading_per_assumption(decided):
    bank = decided[2004]["appoint:national_bank_chair.chair"]
    assert bank.status == "alternatives"
    assert isinstance(bank.tree, Alternatives) and bank.tree.gap.gap is Gap.MAJORITY
    assert [a for a, _ in bank.trees] == ["assuming a majority of members", "assuming two thirds of members"]
    assert [v.needed for _, tree in bank.trees for v in _votes(tree, "majilis")] == [39, 52]
    assert "majority needed" in bank.unknown


def test_unknown_steps_are_reported_not_guessed(decided):
    delegation = decided[2004]["delegate_legislative_power"]
    assert delegation.status == "unknown" and delegation.trees == () and games(delegation) == ()
    assert [gap.gap for gap in unknowns(delegation.tree)] == [Gap.PROCEDURE]
    # no bounded set of readings: cannot tell, naming the fact not found
    assert "the 1998 wording of the delegation of legislative power (Art. 53) was not found" in delegation.unknown
    gaps = {d.id: {g.gap for g in unknowns(d.tree)} for d in decided[2004].values()}
    assert gaps["impeachment"] == {Gap.PROCEDURE}
    # 1998-2007 rules now encoded (kz_1995_1998.yaml): told without a gap
    assert gaps["no_confidence"] == gaps["dissolution"] == gaps["appoint:regional_akims.akims"] == set()


def test_a_bounded_unknown_is_computed_under_each_reading(decided):
    law = decided[2004]["ordinary_law"]
    (node,) = [n for n in walk(law.tree) if isinstance(n, Alternatives)]
    assert law.status == "alternatives" and law.unknown == node.gap.reason
    assert node.gap.gap is Gap.WORDING and "override of the President's objections" in node.gap.reason
    assert [label for label, _ in law.trees] == [
        "assuming the President's objections overridden by 2/3 of each chamber",
        "assuming no override of the President's objections",
    ]
    assert all(r.grounds and r.confidence == "low" for r in node.readings)
    (_, override), (_, absolute) = games(law)
    # under either reading the 2004 parliament's pro-presidential majorities cannot pass a law without him
    others = frozenset(p for p in override.players if p != "president")
    assert not override.is_winning(others) and not absolute.is_winning(others)
    # ... and under the override reading 2/3 of each chamber is what it takes: 52 of 77 and 26 of 39
    assert [v.needed for v in _votes(law.trees[0][1], "majilis") if v.role == "override"] == [52]
    assert [v.needed for v in _votes(law.trees[0][1], "senate") if v.role == "override"] == [26]


def test_veto_players_carry_their_roles(decided):
    roles = dict(decided[2007]["ordinary_law"].roles)
    assert "veto" in roles["president"]
    assert any(role.startswith("consent") for role in roles["president"])


def test_trees_are_frozen_values(decided):
    tree = decided[2007]["ordinary_law"].tree
    assert hash(tree) == hash(decisions(fill(load_builtin("kz").as_of("2007-09-01"),
                                              builtin_scenarios()["kz-majilis-2007"]))["ordinary_law"].tree)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.parts = ()


@given(st.fractions(min_value=0, max_value=1), st.integers(1, 600), st.booleans())
def test_quota_needed_is_the_fewest_yes_votes_that_pass(majority, members, strict):
    needed = Quota(majority, "members", strict).needed(members)

    def passes(yes):
        return yes > majority * members if strict else yes >= majority * members

    assert needed >= 1
    if needed <= members:
        assert passes(needed) and (needed == 1 or not passes(needed - 1))
    else:
        assert not passes(members)


A, B = Actor("a"), Actor("b")


def test_simplify_propagates_never_and_always():
    assert simplify(AllOf((A, Never()))) == Never()
    assert simplify(AllOf((A, Always()))) == A
    assert simplify(AnyOf((A, Always()))) == Always()
    assert simplify(AnyOf((Never(), Never()))) == Never()
    assert simplify(AllOf(())) == Always()
    assert simplify(AnyOf((AllOf((A, B)), Never()))) == AllOf((A, B))
    gap = Unknown(Gap.STEP, "x", "x is not known")
    assert simplify(AllOf((A, gap))) == AllOf((A, gap))


def test_readings_expand_every_alternative_and_label_it():
    gap = Unknown(Gap.OVERRIDE, "president", "how the veto is overridden is not known")
    veto = Alternatives(gap, (Reading("separately", A), Reading("jointly", B)))
    tree = AllOf((Controller("president", "president"), veto))
    assert readings(tree) == (
        ("separately", AllOf((Controller("president", "president"), A))),
        ("jointly", AllOf((Controller("president", "president"), B))),
    )
    both = AnyOf((veto, Alternatives(gap, (Reading("x", A), Reading("y", B)))))
    assert [label for label, _ in readings(both)] == ["separately; x", "separately; y", "jointly; x", "jointly; y"]
    assert readings(A) == ((None, A),)
    assert unknowns(tree) == ()


def test_simple_game_composes_the_leaves():
    vote = Vote("majilis", Quota(Fraction(1, 2), "members", True), (("p", 60), ("q", 47)))
    game = simple_game(AllOf((vote, AnyOf((Controller("president", "president"), AnyMember("senate", ("q",)))))))
    assert game.is_winning({"p", "president"}) and game.is_winning({"p", "q"})
    assert not game.is_winning({"q", "president"}) and not game.is_winning({"p"})
    for plain in (Never(), Always(), Unknown(Gap.BODY, "x", "x"), Alternatives(Unknown(Gap.BODY, "x", "x"), ())):
        with pytest.raises(ValueError):
            simple_game(plain)


def test_render_and_key():
    vote = Vote("majilis", Quota(Fraction(2, 3), "members", False), (("p", 107),))
    assert render(AnyOf((vote, A))) == "any of\n  vote of majilis: at least 2/3 of members = 72 of 107\n  actor a"
    assert decision_key("ordinary_law", None) == "ordinary_law"
    assert decision_key("ordinary_law", "assuming x") == "ordinary_law (assuming x)"
