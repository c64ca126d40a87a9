"""Fast exact counting for weighted and size-threshold games, checked against brute-force enumeration."""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.games.counting import (
    banzhaf_exact,
    shapley_shubik_exact,
    sized_swings,
    sized_swings_by_size,
    weighted_swings,
    weighted_swings_by_size,
    weighted_winning_count,
)
from reformlab.games.counting.meet_in_the_middle import mitm_swings_by_size
from reformlab.games.counting.modular_tables import crt, moduli


def brute_force(weights: list[int], thresholds: list[int]) -> tuple[list[list[int]], int]:
    """Swings by size and winning count of ``w(C) >= T[|C|]`` by listing every coalition."""
    n = len(weights)
    swings = [[0] * n for _ in range(n)]
    winning = 0
    for mask in range(1 << n):
        size = bin(mask).count("1")
        weight = sum(w for i, w in enumerate(weights) if mask >> i & 1)
        winning += weight >= thresholds[size]
        for i in range(n):
            if not mask >> i & 1 and weight < thresholds[size] and weight + weights[i] >= thresholds[size + 1]:
                swings[i][size] += 1
    return swings, winning


small_games = st.lists(st.integers(0, 15), min_size=1, max_size=9).flatmap(
    lambda weights: st.tuples(st.just(weights), st.integers(-2, sum(weights) + 2))
)


@settings(max_examples=120)
@given(small_games)
def test_weighted_counts_match_enumeration(game):
    weights, quota = game
    expected, winning = brute_force(weights, [quota] * (len(weights) + 1))
    assert weighted_swings_by_size(weights, quota) == expected
    assert weighted_swings(weights, quota) == [sum(row) for row in expected]
    assert weighted_winning_count(weights, quota) == winning


@settings(max_examples=60)
@given(small_games)
def test_indices_match_their_definitions(game):
    weights, quota = game
    expected, _ = brute_force(weights, [quota] * (len(weights) + 1))
    n = len(weights)
    shapley = [Fraction(sum(s * factorial(k) * factorial(n - k - 1) for k, s in enumerate(row)), factorial(n))
               for row in expected]
    assert shapley_shubik_exact(weights, quota) == shapley
    total = sum(map(sum, expected))
    assert banzhaf_exact(weights, quota) == [Fraction(sum(row), total) if total else 0 for row in expected]


thresholds_games = st.lists(st.integers(0, 12), min_size=1, max_size=8).flatmap(
    lambda weights: st.tuples(
        st.just(weights),
        st.lists(st.integers(-1, sum(weights) + 2), min_size=len(weights) + 1, max_size=len(weights) + 1).map(
            lambda values: sorted(values, reverse=True)
        ),
    )
)


@settings(max_examples=80)
@given(thresholds_games)
def test_size_threshold_games_both_paths(game):
    weights, thresholds = game
    expected = brute_force(weights, thresholds)
    assert sized_swings_by_size(weights, thresholds) == expected
    assert sized_swings(weights, thresholds) == ([sum(row) for row in expected[0]], expected[1])
    constant = [thresholds[0]] * len(thresholds)
    by_size, winning = brute_force(weights, constant)
    assert sized_swings(weights, constant) == ([sum(row) for row in by_size], winning)
    clamped = [min(max(t, 0), sum(weights) + 1) for t in thresholds]
    assert mitm_swings_by_size(weights, clamped) == expected


def test_huge_weights_go_through_meet_in_the_middle():
    rng = np.random.default_rng(7)
    weights = rng.integers(10**8, 10**9, 12).tolist()
    quota = sum(weights) * 2 // 3
    expected, winning = brute_force(weights, [quota] * 13)
    assert weighted_swings_by_size(weights, quota) == expected
    assert weighted_winning_count(weights, quota) == winning
    assert weighted_swings(weights, quota) == [sum(row) for row in expected]


def test_two_hundred_equal_players_closed_form():
    """Every player swings exactly when 100 of the other 199 vote yes: C(199, 100) > 2^194, no overflow."""
    weights = [3] * 200
    swings = weighted_swings(weights, 301)
    assert swings == [comb(199, 100)] * 200
    by_size = weighted_swings_by_size(weights, 301)
    assert by_size[0][100] == comb(199, 100) and sum(by_size[0]) == comb(199, 100)
    assert weighted_winning_count(weights, 301) == sum(comb(200, k) for k in range(101, 201))
    assert shapley_shubik_exact(weights, 301) == [Fraction(1, 200)] * 200


def test_two_weight_classes_against_binomial_sums():
    """120 players of weight 1 and 80 of weight 3: swings from an independent double sum of binomials."""
    ones, threes, quota = 120, 80, 181
    weights = [1] * ones + [3] * threes

    def swings_of(weight, ones_left, threes_left):
        return sum(
            comb(ones_left, a) * comb(threes_left, b)
            for a in range(ones_left + 1)
            for b in range(threes_left + 1)
            if quota - weight <= a + 3 * b < quota
        )

    expected_one = swings_of(1, ones - 1, threes)
    expected_three = swings_of(3, ones, threes - 1)
    assert weighted_swings(weights, quota) == [expected_one] * ones + [expected_three] * threes
    assert [sum(row) for row in weighted_swings_by_size(weights, quota)] == weighted_swings(weights, quota)
    assert max(expected_one, expected_three).bit_length() > 190


def test_inputs_are_not_modified():
    weights = [5, 3, 3, 1, 0, 7]
    array = np.array(weights)
    thresholds = [9] * 7
    weighted_swings_by_size(weights, 9)
    weighted_swings(array, 9)
    sized_swings_by_size(weights, thresholds)
    assert weights == [5, 3, 3, 1, 0, 7] and array.tolist() == weights and thresholds == [9] * 7


def test_numpy_weights_and_trivial_quotas():
    assert weighted_swings(np.array([2, 1, 1]), 0) == [0, 0, 0]
    assert weighted_winning_count([2, 1, 1], 0) == 8
    assert weighted_winning_count([2, 1, 1], 5) == 0
    assert weighted_swings([0, 0], 1) == [0, 0]


@pytest.mark.parametrize("weights", [[1, -2], [1.5, 2], [True, 1]])
def test_bad_weights_raise(weights):
    with pytest.raises(ReformlabError):
        weighted_swings(weights, 2)


@pytest.mark.parametrize("quota", [Fraction(5, 2), 2.5, "3"])
def test_non_integer_quotas_raise_instead_of_truncating(quota):
    with pytest.raises(ReformlabError):
        weighted_swings_by_size([2, 1, 1], quota)
    with pytest.raises(ReformlabError):
        sized_swings_by_size([2, 1, 1], [quota] * 4)


def test_chinese_remainders_rebuild_big_values():
    mods = moduli(300, 50)
    values = [0, 1, (1 << 299) + 12345, 3**180]
    assert crt([[v % m for v in values] for m in mods], mods) == values


def test_too_wide_for_a_table_and_too_many_players_raises():
    weights = [10**9 + i for i in range(60)]
    with pytest.raises(ReformlabError, match="monte_carlo"):
        weighted_swings(weights, sum(weights) // 2)
    with pytest.raises(ReformlabError, match="monte_carlo"):
        weighted_swings_by_size(weights, sum(weights) // 2)
