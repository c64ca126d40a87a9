"""The game classes: exact quotas, composition, blocs, compound games, loading, and clear errors."""

from fractions import Fraction

import pytest

from reformlab.errors import ReformlabError
from reformlab.games import (
    AndGame,
    AtLeastGame,
    BlocGame,
    CompoundGame,
    MinimalWinningGame,
    OrGame,
    PredicateGame,
    VectorWeightedGame,
    WeightedGame,
    eu_council,
    minimal_winning_coalitions,
    power,
    veto_players,
)
from reformlab.games.loader import game_from_dict, load_game


@pytest.mark.parametrize(
    "weights, quota, words",
    [
        ({"A": -1, "B": 2}, 1, "negative"),
        ({"A": 1, "B": 2}, 4, "above the total"),
        ({"A": 1, "B": 2}, 0, "positive"),
        ({}, 1, "at least one player"),
        ({"A": 1}, "3/2", "share of the total"),
        ({"A": 1}, 0.5, "ambiguous"),
        ({"A": "x"}, 1, "expected a number"),
        ([1, 2], 1, "weights must map"),
    ],
)
def test_weighted_errors(weights, quota, words):
    game = WeightedGame(weights, quota=quota)  # the constructor only stores
    with pytest.raises(ReformlabError, match=words):
        game.validate()


def test_eu_council_blocking_minority():
    populations = {f"S{i}": 10 * (i + 1) for i in range(8)}
    game = eu_council(populations)
    big_four_out = set(populations) - {"S7", "S6", "S5", "S4"}
    assert not game.is_winning(big_four_out)  # four states holding 220 of 360 can block
    assert game.is_winning(set(populations) - {"S7", "S6", "S5"})  # three cannot, whatever their size


def test_vector_clauses_are_weighted_games():
    game = VectorWeightedGame.from_vectors({"A": (1, 60), "B": (1, 30), "C": (1, 10)}, quotas=(2, "70%"))
    assert [c.quota for c in game.clauses] == [2, 70]
    assert minimal_winning_coalitions(game) == [{"A", "B"}, {"A", "C"}]
    with pytest.raises(ReformlabError, match="same players"):
        VectorWeightedGame((WeightedGame({"A": 1}, quota=1), WeightedGame({"B": 1}, quota=1))).validate()


def test_law_with_override():
    lower = WeightedGame({"LA": 45, "LB": 35, "LC": 20}, quota="majority")
    upper = WeightedGame({"UA": 30, "UB": 21}, quota="majority")
    override = AndGame((WeightedGame(lower.weights, quota="2/3"), WeightedGame(upper.weights, quota="2/3")))
    president = MinimalWinningGame(("P",), [("P",)])
    law = AndGame((lower, upper, OrGame((president, override))))
    assert law.is_winning({"LA", "LB", "UA", "P"})
    assert not law.is_winning({"LA", "LC", "UA", "UB"})  # 65 seats of 100: no two-thirds override
    assert law.is_winning({"LA", "LB", "LC", "UA", "UB"})
    assert veto_players(law) == ("UA",)
    loaded = game_from_dict(
        {
            "game": {
                "and": [
                    {"weighted": {"quota": "majority", "weights": {"LA": 45, "LB": 35, "LC": 20}}},
                    {"weighted": {"quota": "majority", "weights": {"UA": 30, "UB": 21}}},
                    {
                        "or": [
                            {"minimal_winning": {"coalitions": [["P"]]}},
                            {
                                "and": [
                                    {"weighted": {"quota": "2/3", "weights": {"LA": 45, "LB": 35, "LC": 20}}},
                                    {"weighted": {"quota": "2/3", "weights": {"UA": 30, "UB": 21}}},
                                ]
                            },
                        ]
                    },
                ]
            }
        }
    )
    assert power(loaded, "johnston") == power(law, "johnston")


def test_at_least_and_unknown_players():
    games = [WeightedGame({name: 1}, quota=1) for name in "ABC"]
    two_of_three = AtLeastGame(games, k=2)
    assert two_of_three.is_winning({"A", "C"}) and not two_of_three.is_winning({"B"})
    with pytest.raises(ReformlabError, match="unknown player 'C'"):
        AndGame(games, players=("A", "B")).validate()
    with pytest.raises(ReformlabError, match="k must be"):
        AtLeastGame(games, k=4).validate()


def test_blocs_and_players_inside_blocs():
    seats = WeightedGame({"r1": 1, "r2": 1, "r3": 1, "b1": 1, "b2": 1}, quota="majority")
    blocs = BlocGame(seats, {"Red": ["r1", "r2", "r3"]})
    assert blocs.players == ("Red", "b1", "b2")
    assert power(blocs, "banzhaf").values == {"Red": 1, "b1": 0, "b2": 0}
    party = WeightedGame({"leader": 2, "m1": 1, "m2": 1}, quota=3)  # the party follows its congress
    inside = CompoundGame(WeightedGame({"Red": 3, "Blue": 2}, quota="majority"), {"Red": party})
    assert inside.players == ("leader", "m1", "m2", "Blue")
    assert power(inside, "banzhaf").values == power(party, "banzhaf").values | {"Blue": Fraction(0)}
    with pytest.raises(ReformlabError, match="two blocs"):
        BlocGame(seats, {"X": ["r1"], "Y": ["r1"]}).validate()


def test_predicate_game_and_coalition_names():
    game = PredicateGame(("A", "B", "C"), lambda s: len(s) >= 2)
    assert power(game, "shapley").values == dict.fromkeys("ABC", Fraction(1, 3))
    with pytest.raises(ReformlabError, match="unknown player 'Z'"):
        game.is_winning({"Z"})


def test_loading_fixture_files(tmp_path):
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    assert load_game(fixtures / "eu_council_toy.yaml").is_winning({"A", "B", "C", "D"})
    assert load_game(fixtures / "blocs.yaml").players == ("Red", "b1", "b2", "g1")
    written = tmp_path / "eu.yaml"
    written.write_text(
        "game:\n  eu_council:\n    populations: {A: 50, B: 20, C: 10, D: 8, E: 6, F: 4, G: 2}\n"
    )
    assert power(load_game(written), "banzhaf") == power(
        load_game(fixtures / "eu_council_toy.yaml"), "banzhaf"
    )


def test_callers_inputs_are_never_mutated():
    import copy

    weights = {"A": 40, "B": "30", "C": Fraction(20), "D": 10}
    coalitions = [["A", "B"], ["A", "C"]]
    blocs = {"AB": ["A", "B"]}
    before = copy.deepcopy((weights, coalitions, blocs))
    game = AndGame((WeightedGame(weights, quota=51), MinimalWinningGame(("A", "B", "C"), coalitions)))
    for index in ("banzhaf", "shapley", "johnston"):
        power(game, index)
        power(BlocGame(game, blocs), index)
    power(game, "holler", method="monte_carlo", samples=200)
    minimal_winning_coalitions(game)
    assert (weights, coalitions, blocs) == before
