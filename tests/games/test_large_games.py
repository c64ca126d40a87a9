"""Large games: exact values at 200 players without overflow, Monte Carlo beyond the exact path."""

import random
from fractions import Fraction
from math import comb

import pytest

from reformlab.errors import ReformlabError
from reformlab.games import (
    BlocGame,
    OrGame,
    VectorWeightedGame,
    WeightedGame,
    count_winning,
    dictator,
    eu_council,
    minimal_winning_coalitions,
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
    assert game.is_winning(witness) and not game.is_winning(
        witness - {min(witness, key=lambda n: int(n[1:]))}
    )
    assert veto_players(game) == () and dictator(game) is None


def test_monte_carlo_for_composite_beyond_enumeration():
    players = [f"s{i}" for i in range(30)]
    chamber = WeightedGame(dict(zip(players, range(1, 31), strict=True)), quota="2/3")
    heads = WeightedGame.head_count(players, 25)
    game = OrGame((VectorWeightedGame((chamber, WeightedGame.head_count(players, "55%"))), heads))
    exact = power(game, "banzhaf")
    assert exact.method == "exact" and sum(exact.values.values()) == 1  # counted over player types
    estimate = power(game, "banzhaf", method="monte_carlo", samples=4000, seed=3)
    assert estimate.method == "monte_carlo" and estimate.samples == 4000
    assert all(low - 0.01 <= exact.values[p] <= high + 0.01 for p, (low, high) in estimate.ci.items())
    assert estimate == power(game, "banzhaf", method="monte_carlo", samples=4000, seed=3)
    holler = power(game, "holler", samples=2000)  # needs minimal winning coalitions: beyond exact at 30
    assert holler.method == "monte_carlo"
    with pytest.raises(ReformlabError, match="no exact path"):
        power(game, "holler", method="exact")


def test_seed_and_rng_are_exclusive():
    import numpy as np

    game = WeightedGame({"A": 1, "B": 1}, quota=2)
    with pytest.raises(ReformlabError, match="not both"):
        power(game, "banzhaf", method="monte_carlo", seed=1, rng=np.random.default_rng(1))


def test_eu27_council_exact():
    # Eurostat populations on 1 January 2023, thousands (rounded): the exact path must take all 27 states
    populations = dict(
        DE=84359,
        FR=68173,
        IT=58997,
        ES=48085,
        PL=36754,
        RO=19055,
        NL=17811,
        BE=11743,
        CZ=10828,
        SE=10522,
        PT=10467,
        GR=10414,
        HU=9600,
        AT=9105,
        BG=6448,
        DK=5933,
        FI=5564,
        SK=5429,
        IE=5272,
        HR=3851,
        LT=2857,
        SI=2117,
        LV=1883,
        EE=1366,
        CY=921,
        LU=661,
        MT=542,
    )
    results = powers(eu_council(populations), ["shapley", "banzhaf", "coleman_collectivity"])
    assert {r.method for r in results.values()} == {"exact"}
    shapley = results["shapley"].values
    assert sum(shapley.values()) == 1
    assert max(shapley, key=shapley.get) == "DE" and min(shapley, key=shapley.get) == "MT"
    assert 0.12 < results["coleman_collectivity"].values["<game>"] < 0.14  # about 13% of coalitions pass


def test_holler_deegan_packel_johnston_exact_beyond_enumeration():
    # 34 players: 4 parties and 30 observers without a vote; minimal winning coalitions are listed directly
    parties = {"P1": 30, "P2": 25, "P3": 20, "P4": 15}
    game = WeightedGame(parties | {f"o{k}": 0 for k in range(30)}, quota=46)
    results = powers(game, ["holler", "deegan_packel", "johnston"], method="exact")
    small = powers(WeightedGame(parties, quota=46), ["holler", "deegan_packel", "johnston"])
    for name in ("holler", "deegan_packel", "johnston"):
        assert results[name].values == small[name].values | {f"o{k}": 0 for k in range(30)}
    crowd = WeightedGame({f"m{k}": 1 for k in range(40)}, quota=21)
    with pytest.raises(ReformlabError, match="more than 10 minimal winning coalitions"):
        minimal_winning_coalitions(crowd, max_coalitions=10)
    assert (
        len(minimal_winning_coalitions(WeightedGame({f"m{k}": 1 for k in range(40)}, quota=38)))
        == 40 * 39 // 2
    )


def test_party_blocs_of_many_deputies():
    # 450 deputies in 5 parties and 50 independents: the parties vote as blocs
    parties = {"A": 150, "B": 100, "C": 80, "D": 40, "E": 30}
    deputies = {f"{party}{k}": 1 for party, size in parties.items() for k in range(size)}
    deputies |= {f"i{k}": 1 for k in range(50)}
    blocs = {party: [f"{party}{k}" for k in range(size)] for party, size in parties.items()}
    game = BlocGame(WeightedGame(deputies, quota="majority"), blocs)
    merged = WeightedGame(parties | {f"i{k}": 1 for k in range(50)}, quota=226)
    for index in ("banzhaf", "holler", "johnston"):
        result = power(game, index, method="exact")
        assert result == power(merged, index, method="exact")
