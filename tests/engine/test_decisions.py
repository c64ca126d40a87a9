"""Procedures as games: exact quotas, vetoes and overrides, alternatives for unknown majorities."""

from fractions import Fraction

import pytest

from reformlab.engine.decisions import decisions
from reformlab.engine.filling import fill
from reformlab.engine.scenario import builtin_scenarios
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


def test_three_quarters_of_77_needs_58_so_the_2004_president_cannot_amend_alone(decided):
    amendment = decided[2004]["constitutional_amendment"]
    assert amendment.status == "known"
    assert dictator(amendment.game) is None
    assert veto_players(amendment.game) == ("president",)
    # 57 pro-presidential deputies + 1 more reach ceil(3/4 * 77) = 58
    assert amendment.game.is_winning({"president", "Independent 1"})
    assert not amendment.game.is_winning({"president"})


def test_after_2007_the_president_passes_every_known_decision_alone(decided):
    for decision in decided[2007].values():
        game = decision.game if decision.game is not None else (decision.alternatives or [(None, None)])[0][1]
        if game is not None:
            assert dictator(game) == "president", decision.id


def test_no_confidence_quota_is_more_than_half_of_all_deputies(decided):
    game = decided[2007]["no_confidence"].game
    chamber = [g for g in game.games if hasattr(g, "weights") and g.weights.get("president") == 107] \
        if hasattr(game, "games") else [game]
    quotas = {g.quota for g in chamber}
    assert 54 in quotas  # floor(1/2 * 107) + 1
    assert Fraction(54, 107) > Fraction(1, 2)


def test_unknown_majority_gives_one_game_per_assumption(decided):
    bank = decided[2004]["appoint:national_bank_chair.chair"]
    assert bank.status == "alternatives"
    assert [a for a, _ in bank.alternatives] == ["assuming a majority of members", "assuming two thirds of members"]
    assert "majority needed" in bank.unknown


def test_unknown_steps_are_reported_not_guessed(decided):
    delegation = decided[2004]["delegate_legislative_power"]
    assert delegation.status == "unknown" and delegation.game is None
    assert "the 1998 wording of the delegation of legislative power (Art. 53) was not found" in delegation.unknown


def test_a_bounded_unknown_is_computed_under_each_reading(decided):
    law = decided[2004]["ordinary_law"]
    assert law.status == "alternatives" and law.game is None
    assert [label for label, _ in law.alternatives] == [
        "assuming the President's objections overridden by 2/3 of each chamber",
        "assuming no override of the President's objections",
    ]
    assert all(grounds and confidence == "low" for _, grounds, confidence, _ in law.readings)
    assert "override of the President's objections" in law.readings[0][3]  # the missing fact is named
    override, absolute = (game for _, game in law.alternatives)
    # under either reading the 2004 parliament's pro-presidential majorities cannot pass a law without him
    players = sorted(override.players)
    assert "president" in players
    assert not override.is_winning(frozenset(p for p in players if p != "president"))
    assert not absolute.is_winning(frozenset(p for p in players if p != "president"))


def test_veto_players_carry_their_roles(decided):
    roles = dict(decided[2007]["ordinary_law"].roles)
    assert "veto" in roles["president"]
    assert any(role.startswith("consent") for role in roles["president"])
