"""Large games: exact values at 200 players without overflow, Monte Carlo beyond the exact path."""

import random
from fractions import Fraction
from math import comb

import pytest

from reformlab.errors import ReformlabError
from reformlab.games import (
    OrGame,
    VectorWeightedGame,
    WeightedGame,
    count_winning,
    dictator,
    power,
    powers,
    smallest_winning_coalition,
    veto_players,
)


def test_200_equal_players_exact_penrose():
    game = WeightedGame({f"p{i}": 1 for i in range(200)}, quota=101)
    result = power(game, "penrose")
    assert result.method == "exact"
    assert result.values["p0"] == Fraction(comb(199, 100), 2**199)  # far beyond int64 and float64's digits
    assert power(game, "shapley").values["p7"] == Fraction(1, 200)
    assert count_winning(game) == sum(comb(200, k) for k in range(101, 201))


def test_200_random_players_sum_to_one_and_scale_free():
    rng = random.Random(7)
    weights = {f"p{i}": rng.randint(1, 40) for i in range(200)}
    game = WeightedGame(weights, quota="majority")
    results = powers(game, ["banzhaf", "shapley"])
    assert sum(results["shapley"].values.values()) == 1
    assert sum(results["banzhaf"].values.values()) == 1
    huge = WeightedGame({name: w * 2**70 for name, w in weights.items()}, quota="majority")
    assert power(huge, "shapley") == results["shapley"]
    assert len(weights) == 200 and weights["p0"] == random.Random(7).randint(1, 40)  # not mutated


def test_witness_and_veto_at_scale():
    game = WeightedGame({f"p{i}": i + 1 for i in range(300)}, quota="majority")
    witness = smallest_winning_coalition(game)
    assert game.is_winning(witness) and not game.is_winning(witness - {min(witness, key=lambda n: int(n[1:]))})
    assert veto_players(game) == () and dictator(game) is None


def test_monte_carlo_for_composite_beyond_enumeration():
    players = [f"s{i}" for i in range(30)]
    chamber = WeightedGame(dict(zip(players, range(1, 31))), quota="2/3")
    heads = WeightedGame.head_count(players, 25)
    game = OrGame((VectorWeightedGame((chamber, WeightedGame.head_count(players, "55%"))), heads))
    result = power(game, "banzhaf", samples=4000, seed=3)
    assert result.method == "monte_carlo" and result.samples == 4000
    assert all(low <= float(result.values[p]) <= high for p, (low, high) in result.ci.items())
    assert result == power(game, "banzhaf", samples=4000, seed=3)
    with pytest.raises(ReformlabError, match="no exact path"):
        power(game, "banzhaf", method="exact")


def test_seed_and_rng_are_exclusive():
    import numpy as np

    game = WeightedGame({"A": 1, "B": 1}, quota=2)
    with pytest.raises(ReformlabError, match="not both"):
        power(game, "banzhaf", method="monte_carlo", seed=1, rng=np.random.default_rng(1))
