"""Compositions of weighted clauses (AND / OR / at-least, vector games) counted exactly on every path."""

from __future__ import annotations

from math import comb

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.games.counting import (
    AllOf,
    AnyOf,
    AtLeast,
    Clause,
    rule_from_game,
    rule_swings_by_size,
    vector_swings,
    vector_winning_count,
)
from reformlab.games.counting.compositions import _player_types, clauses, combine, size_thresholds
from reformlab.games.counting.size_thresholds import sized_swings_by_size
from reformlab.games.counting.player_types import enumerate_swings_by_size, size_polynomial, types_swings_by_size


def evaluate(rule, members: set[int]) -> bool:
    if isinstance(rule, Clause):
        return sum(rule.weights[i] for i in members) >= rule.quota
    results = [evaluate(part, members) for part in rule.parts]
    if isinstance(rule, AllOf):
        return all(results)
    if isinstance(rule, AnyOf):
        return any(results)
    return sum(results) >= rule.k


def brute_force(rule, n):
    swings = [[0] * n for _ in range(n)]
    wins = [evaluate(rule, {i for i in range(n) if mask >> i & 1}) for mask in range(1 << n)]
    for mask in range(1 << n):
        for i in range(n):
            if not mask >> i & 1 and wins[mask | 1 << i] and not wins[mask]:
                swings[i][bin(mask).count("1")] += 1
    return swings, sum(wins)


def rules(n: int, weights=st.integers(0, 6)):
    clause = st.builds(
        lambda ws, share: Clause(tuple(ws), sum(ws) * share // 4 + 1),
        st.lists(weights, min_size=n, max_size=n),
        st.integers(0, 4),
    )
    return st.recursive(
        clause,
        lambda inner: st.one_of(
            st.builds(lambda parts: AllOf(tuple(parts)), st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda parts: AnyOf(tuple(parts)), st.lists(inner, min_size=1, max_size=3)),
            st.lists(inner, min_size=1, max_size=3).flatmap(
                lambda parts: st.builds(lambda k: AtLeast(k, tuple(parts)), st.integers(0, len(parts) + 1))
            ),
        ),
        max_leaves=4,
    )


games = st.integers(1, 7).flatmap(lambda n: st.tuples(st.just(n), rules(n)))


@settings(max_examples=80)
@given(games)
def test_every_path_matches_enumeration(game):
    n, rule = game
    expected = brute_force(rule, n)
    assert rule_swings_by_size(rule, n) == expected
    leaves = clauses(rule)
    assert enumerate_swings_by_size(rule, leaves, n, combine) == expected
    type_of, columns, counts = _player_types(leaves, n)
    by_type, winning = types_swings_by_size(rule, leaves, columns, counts, combine)
    assert ([by_type[t] for t in type_of], winning) == expected
    reduction = size_thresholds(rule, n)
    if reduction is not None:
        assert sized_swings_by_size(*reduction) == expected


def test_few_weight_values_use_types_and_stay_exact():
    """Two chambers of equal members: types make it a 2-D grid; compare with a product of binomials."""
    lower, upper = 70, 40
    rule = AllOf((Clause((1,) * lower + (0,) * upper, 36), Clause((0,) * lower + (1,) * upper, 27)))
    swings, winning = rule_swings_by_size(rule, lower + upper)
    upper_wins = sum(comb(upper, k) for k in range(27, upper + 1))
    lower_wins = sum(comb(lower, k) for k in range(36, lower + 1))
    assert winning == upper_wins * lower_wins
    assert sum(swings[0]) == comb(lower - 1, 35) * upper_wins
    assert sum(swings[-1]) == comb(upper - 1, 26) * lower_wins


def test_size_polynomial_switches_to_python_ints():
    mask = np.ones((101, 101), dtype=bool)
    binomials = [[comb(100, k) for k in range(101)]] * 2
    assert size_polynomial(mask, binomials) == [comb(200, k) for k in range(201)]


def test_blocking_minority_rule_is_a_size_threshold_game():
    populations = [83, 67, 60, 47, 38, 19, 17, 11, 10, 10, 10, 9]
    n = len(populations)
    qualified = AllOf((Clause((1,) * n, 7), Clause(tuple(populations), -(-sum(populations) * 65 // 100))))
    rule = AnyOf((qualified, Clause((1,) * n, n - 3)))
    base, thresholds = size_thresholds(rule, n)
    assert base == populations and thresholds[n - 3] == 0 and thresholds[6] == sum(populations) + 1
    assert rule_swings_by_size(rule, n) == brute_force(rule, n)


def test_vector_game_functions():
    weights, quotas = [[1, 1, 1, 1], [5, 4, 2, 1]], [3, 8]
    rule = AllOf((Clause((1, 1, 1, 1), 3), Clause((5, 4, 2, 1), 8)))
    swings, winning = brute_force(rule, 4)
    assert vector_swings(weights, quotas) == [sum(row) for row in swings]
    assert vector_winning_count(weights, quotas) == winning
    with pytest.raises(ReformlabError):
        vector_swings(weights, [3])


def test_rule_from_games():
    from reformlab.games import AndGame, OrGame, WeightedGame

    house = WeightedGame({"h1": 1, "h2": 1, "h3": 1}, quota=2)
    president = WeightedGame({"p": 1}, quota=1)
    override = WeightedGame({"h1": 1, "h2": 1, "h3": 1}, quota=3)
    game = OrGame((AndGame((house, president)), override))
    rule = rule_from_game(game)
    assert rule_swings_by_size(rule, 4) == brute_force(rule, 4)
    assert isinstance(rule, AnyOf) and rule.parts[1] == Clause((1, 1, 1, 0), 3)


def test_unknown_rule_raises():
    with pytest.raises(ReformlabError):
        rule_swings_by_size("majority", 3)


def federal(house: int, senate: int, override_house: int, override_senate: int):
    """President, Vice-President, senators, representatives: signed law OR two-thirds override."""

    def clause(president=0, vp=0, senator=0, representative=0, quota=1):
        return Clause((president, vp) + (senator,) * senate + (representative,) * house, quota)

    signed = AllOf(
        (
            clause(representative=1, quota=house // 2 + 1),
            clause(vp=1, senator=2, quota=senate + 1),  # a Senate majority, or a tie and the Vice-President
            clause(president=1),
        )
    )
    override = AllOf((clause(representative=1, quota=override_house), clause(senator=1, quota=override_senate)))
    return AnyOf((signed, override)), 2 + senate + house


def test_small_federal_law_game_matches_enumeration():
    rule, n = federal(house=7, senate=4, override_house=5, override_senate=3)
    assert rule_swings_by_size(rule, n) == brute_force(rule, n)


def test_full_federal_law_game_against_a_direct_sum():
    """537 players: a representative's swings by an independent loop over (House, Senate, VP, President)."""
    rule, n = federal(house=435, senate=100, override_house=290, override_senate=67)
    swings, winning = rule_swings_by_size(rule, n)

    def wins(h, s, vp, president):
        signed = h >= 218 and 2 * s + vp >= 101 and president
        return signed or (h >= 290 and s >= 67)

    representative = 0
    for s in range(101):
        for vp in (0, 1):
            for president in (0, 1):
                for h in range(435):
                    if wins(h + 1, s, vp, president) and not wins(h, s, vp, president):
                        representative += comb(434, h) * comb(100, s)
    assert sum(swings[-1]) == representative
    assert representative.bit_length() > 500
    vice_president = sum(
        comb(435, h) * comb(100, s)
        for h in range(436)
        for s in range(101)
        for president in (0, 1)
        if wins(h, s, 1, president) and not wins(h, s, 0, president)
    )
    assert sum(swings[1]) == vice_president
    assert sum(swings[0]) > sum(swings[2]) > sum(swings[1])  # President, then a senator, then the VP


def test_rule_from_vector_and_at_least_games():
    from reformlab.games import AtLeastGame, VectorWeightedGame, WeightedGame

    vector = VectorWeightedGame.from_vectors({"A": (1, 60), "B": (1, 30), "C": (1, 10)}, quotas=(2, 70))
    chambers = AtLeastGame(
        (WeightedGame({"A": 1, "B": 1}, quota=2), WeightedGame({"B": 1, "C": 1}, quota=1), vector), k=2
    )
    rule = rule_from_game(chambers)
    assert isinstance(rule, AtLeast) and rule.k == 2 and isinstance(rule.parts[2], AllOf)
    assert rule_swings_by_size(rule, 3) == brute_force(rule, 3)


def test_vector_inputs_are_not_modified():
    weights, quotas = [[1, 1, 1, 1], [5, 4, 2, 1]], [3, 8]
    array = np.array(weights)
    vector_swings(weights, quotas)
    vector_winning_count(array, quotas)
    assert weights == [[1, 1, 1, 1], [5, 4, 2, 1]] and quotas == [3, 8] and array.tolist() == weights
