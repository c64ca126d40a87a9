"""Published values for [51; 40, 30, 20, 10], and the basic queries on it."""

from fractions import Fraction as F

import pytest

from reformlab.games import (
    GAME_KEY,
    INDICES,
    WeightedGame,
    count_winning,
    dictator,
    dummy_players,
    minimal_winning_coalitions,
    power,
    power_table,
    smallest_winning_coalition,
    veto_players,
)

GAME = WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51)

KNOWN = {
    "banzhaf": [F(5, 12), F(1, 4), F(1, 4), F(1, 12)],
    "shapley": [F(5, 12), F(1, 4), F(1, 4), F(1, 12)],
    "penrose": [F(5, 8), F(3, 8), F(3, 8), F(1, 8)],
    "holler": [F(2, 7), F(2, 7), F(2, 7), F(1, 7)],
    "deegan_packel": [F(1, 3), F(5, 18), F(5, 18), F(1, 9)],
    "johnston": [F(1, 2), F(2, 9), F(2, 9), F(1, 18)],
    "coleman_preventive": [F(5, 7), F(3, 7), F(3, 7), F(1, 7)],
    "coleman_initiative": [F(5, 9), F(1, 3), F(1, 3), F(1, 9)],
}


@pytest.mark.parametrize("index", sorted(KNOWN))
def test_known_values(index):
    result = power(GAME, index)
    assert result.method == "exact"
    assert list(result.values.values()) == KNOWN[index]
    assert list(result.values) == ["A", "B", "C", "D"]


def test_coleman_collectivity():
    assert power(GAME, "coleman_collectivity").values == {GAME_KEY: F(7, 16)}


def test_registry_functions_match_power():
    for name, function in INDICES.items():
        assert function(GAME) == power(GAME, name)


@pytest.mark.parametrize("index", sorted(KNOWN))
def test_monte_carlo_interval_covers_the_exact_value(index):
    result = power(GAME, index, method="monte_carlo", samples=20_000, seed=1)
    assert result.method == "monte_carlo" and result.samples == 20_000
    for name, exact in zip(GAME.players, KNOWN[index], strict=True):
        low, high = result.ci[name]
        assert low - 0.01 <= exact <= high + 0.01
    assert result == power(GAME, index, method="monte_carlo", samples=20_000, seed=1)


def test_queries():
    assert GAME.is_winning({"A", "B"}) and not GAME.is_winning({"A", "D"})
    assert veto_players(GAME) == ()
    assert dictator(GAME) is None
    assert dummy_players(GAME) == ()
    assert minimal_winning_coalitions(GAME) == [{"A", "B"}, {"A", "C"}, {"B", "C", "D"}]
    assert count_winning(GAME) == 7
    assert smallest_winning_coalition(GAME) == {"A", "B"}


def test_dictator_veto_and_dummy():
    game = WeightedGame({"A": 60, "B": 30, "C": 10}, quota=51)
    assert dictator(game) == "A"
    assert veto_players(game) == ("A",)
    assert dummy_players(game) == ("B", "C")


def test_quota_forms_are_exact():
    third = WeightedGame({"A": "1/3", "B": "1/3", "C": "1/3"}, quota="2/3")
    assert third.weights == {"A": 1, "B": 1, "C": 1} and third.quota == 2
    assert WeightedGame({"A": 1, "B": 1}, quota="majority").quota == 2
    assert WeightedGame({"A": 3, "B": 3}, quota="50%").quota == 3
    assert WeightedGame({"A": 0.1, "B": 0.2}, quota="majority").weights == {"A": 1, "B": 2}


def test_inputs_are_never_mutated():
    weights = {"A": 40, "B": 30, "C": 20, "D": 10}
    game = WeightedGame(weights, quota=51)
    weights["A"] = 0
    assert game.weights["A"] == 40
    game.weights["B"] = 99
    assert game.weights["B"] == 30


def test_power_table():
    table = power_table(GAME, ["banzhaf", "coleman_collectivity"], exact=True)
    assert table.loc["A", "banzhaf"] == F(5, 12)
    assert table.loc[GAME_KEY, "coleman_collectivity"] == F(7, 16)
    assert table.attrs["methods"] == {"banzhaf": "exact", "coleman_collectivity": "exact"}
