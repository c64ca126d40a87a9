"""Every exact counting strategy against an independent Python-integer reference, across every size boundary.

The boundaries are the code's own: whole-table shifts below ``SMALL_TABLE`` cells and banded rows above,
two threads from ``PARALLEL_TABLE`` cells, ``2^64`` alone up to 63 players and one more prime per ~49 players
after, lazy reduction every ``63 - b`` players, the table limit (then meet in the middle, or an error) and
int64 sums in meet in the middle. Quotas straddle ``2^8``, ``2^16``, ``2^20`` and ``2^32``. Hypothesis draws
random games around them; a fixed-seed sweep pins the largest cases (up to 1,000 players).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference_counts import brute_force, coalitions_by_weight, size_threshold_swings, swings

from reformlab.errors import ReformlabError
from reformlab.games import WeightedGame, counting, power
from reformlab.games.counting.meet_in_the_middle import mitm_swings_by_size
from reformlab.games.counting.modular_tables import WRAP, cumulative_table, moduli
from reformlab.games.limits import PARALLEL_TABLE, SMALL_TABLE
from reformlab.games.counting.size_thresholds import table_swings, table_swings_by_size

BOUNDARIES = (1 << 8, SMALL_TABLE, PARALLEL_TABLE)


def _near(boundary: int, offset: int) -> int:
    return max(boundary + offset, 1)


def _weights_reaching(rng: np.random.Generator, n: int, quota: int, spread: int) -> list[int]:
    """``n`` random weights (one of them 1, so the common factor is 1) whose total exceeds ``quota``."""
    mean = max(-(-2 * quota // n), 1)
    low = max(mean - spread, 1)
    weights = rng.integers(low, mean + spread + 1, n).tolist()
    weights[0] = 1
    while sum(weights) < quota:
        weights[rng.integers(n)] += mean
    return weights


# --- the reference is itself checked against listing every coalition --------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=9), st.data())
def test_reference_matches_brute_force(weights, data):
    n = len(weights)
    thresholds = data.draw(st.lists(st.integers(-1, sum(weights) + 2), min_size=n + 1, max_size=n + 1))
    assert size_threshold_swings(weights, thresholds) == brute_force(weights, thresholds)
    quota = thresholds[0]
    by_size, winning = brute_force(weights, [quota] * (n + 1))
    assert swings(weights, quota) == ([sum(row) for row in by_size], winning)


# --- weighted games, sizes not tracked (Banzhaf, Penrose, Coleman) -------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(BOUNDARIES[:2]),
    st.integers(-3, 3),
    st.integers(2, 120),
    st.integers(0, 400),
    st.integers(0, 2**32),
)
def test_weighted_swings_across_the_table_boundaries(boundary, offset, n, spread, seed):
    quota = _near(boundary, offset)
    weights = _weights_reaching(np.random.default_rng(seed), n, quota, spread)
    expected, winning = swings(weights, quota)
    assert counting.weighted_swings(weights, quota) == expected
    assert counting.weighted_winning_count(weights, quota) == winning
    by_weight, table_winning = table_swings(weights, quota)
    assert [by_weight[w] for w in weights] == expected and table_winning == winning


@pytest.mark.parametrize(
    ("n", "top", "quota_offset"),
    [
        (4, 1, 0),  # the case: 40000, 30000, 20000, 10001 at 65,537
        (63, 400, 0),  # 2^64 alone: counts fit in n + 1 = 64 bits
        (64, 400, 1),  # the first prime joins
        (65, 400, -1),
        (113, 300, 0),  # the second prime joins (64 + 49 bits)
        (1000, 30, 1),  # 1,000 players: 22 moduli (the 300-player game: test_the_300_player_game_through_power)
    ],
)
def test_weighted_swings_fixed_sweep(n, top, quota_offset):
    if n == 4:
        weights, quota = [40000, 30000, 20000, 10001], 65537
    else:
        weights = np.random.default_rng(1000 + n).integers(1, top + 1, n).tolist()
        quota = sum(weights) // 2 + quota_offset
    expected, winning = swings(weights, quota)
    assert counting.weighted_swings(weights, quota) == expected
    assert counting.weighted_winning_count(weights, quota) == winning
    if n == 4:
        assert expected == [5, 3, 1, 1]


def test_the_300_player_game_through_power():
    """The issue's game: Banzhaf about 1.6e-3 per player, exact, not 6e-96."""
    weights = np.random.default_rng(7).integers(1, 1001, 300).tolist()
    quota = sum(weights) // 2 + 1
    assert quota > SMALL_TABLE
    game = WeightedGame({f"P{i:03d}": w for i, w in enumerate(weights)}, quota=quota)
    result = power(game, "banzhaf", method="exact")
    expected, _ = swings(weights, quota)
    total = sum(expected)
    assert result.method == "exact"
    assert [result.values[f"P{i:03d}"] * total for i in range(300)] == expected
    assert 1e-4 < float(result.values["P000"]) < 1e-2


# --- size-tracked tables (Shapley-Shubik, head counts, blocking minorities) ----------------------------------


@settings(max_examples=25, deadline=None)
@given(st.integers(-2, 2), st.integers(3, 40), st.integers(0, 2**32), st.booleans())
def test_size_tracked_tables_across_the_small_table_boundary(offset, n, seed, head_count):
    """``rows * limit`` straddles ``SMALL_TABLE``: whole-table shifts below, banded rows above."""
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 3000, n).tolist()
    rows = n // 2 + 1
    limit = min(max(SMALL_TABLE // rows + offset, 2), sum(weights))
    thresholds = [limit] * (n + 1)
    if head_count:  # a blocking-minority-like rule: fewer than n - 2 members always lose
        thresholds = [sum(weights) + 1 if k < n - 2 else rng.integers(1, limit + 1) for k in range(n + 1)]
        thresholds[-1] = limit
    expected = size_threshold_swings(weights, thresholds)
    assert counting.sized_swings_by_size(weights, thresholds) == expected
    clamped = [min(max(t, 0), sum(weights) + 1) for t in thresholds]
    by_weight, winning = table_swings_by_size(weights, clamped)
    assert ([list(by_weight[w]) for w in weights], winning) == expected


@pytest.mark.parametrize(
    ("n", "top"),
    [
        (12, 40),  # whole table
        (30, 4400),  # rows * limit just above PARALLEL_TABLE: two threads
        (70, 60),  # past 64 players: 2^64 and primes, by size
    ],
)
def test_size_tracked_fixed_sweep(n, top):
    weights = np.random.default_rng(2000 + n).integers(1, top + 1, n).tolist()
    quota = sum(weights) // 2 + 1
    expected, winning = size_threshold_swings(weights, [quota] * (n + 1))
    assert counting.weighted_swings_by_size(weights, quota) == expected
    assert counting.weighted_winning_count(weights, quota) == winning
    assert counting.sized_swings(weights, [quota] * (n + 1)) == ([sum(row) for row in expected], winning)


# --- the cumulative table itself, for every modulus -----------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(BOUNDARIES[:2]),
    st.integers(-2, 2),
    st.integers(1, 90),
    st.integers(0, 2**32),
    st.booleans(),
)
def test_cumulative_table_for_every_modulus(boundary, offset, n, seed, by_size):
    rng = np.random.default_rng(seed)
    weights = rng.integers(0, 2 * boundary // max(n, 1) + 2, n).tolist()
    limit = _near(boundary, offset)
    if by_size:
        limit = max(limit // (n + 1), 1)
    width = len(weights) + 1
    for modulus in moduli(width, 50):
        table = cumulative_table(weights, limit, modulus, by_size=by_size)
        if by_size:
            from reference_counts import by_size_and_weight

            exact = by_size_and_weight(weights, limit)
            rows = table.shape[0]
            expected = [np.cumsum(np.asarray(row, dtype=object)) % modulus for row in exact[:rows]]
            assert [list(map(int, row)) for row in table] == [list(map(int, row)) for row in expected]
        else:
            counts = np.cumsum(np.asarray(coalitions_by_weight(weights, limit), dtype=object)) % modulus
            assert list(map(int, table[0])) == list(map(int, counts)), modulus == WRAP


# --- meet in the middle: huge weights, sums across 2^32 -------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 14), st.integers(0, 2**32), st.sampled_from([10**6, 2**31, 2**33]), st.integers(-2, 2))
def test_meet_in_the_middle_against_the_reference(n, seed, top, offset):
    """Few players with weights up to ``10^6`` and beyond ``2^32``: the table does not fit, pairs are counted."""
    rng = np.random.default_rng(seed)
    weights = [int(w) for w in rng.integers(1, top, n)]
    quota = max(sum(weights) // 2 + offset, 1)
    expected = brute_force(weights, [quota] * (n + 1))
    assert mitm_swings_by_size(weights, [quota] * (n + 1)) == expected
    assert counting.weighted_swings_by_size(weights, quota) == expected[0]
    assert counting.weighted_swings(weights, quota) == [sum(row) for row in expected[0]]


def test_meet_in_the_middle_and_the_table_agree_where_both_run():
    weights = np.random.default_rng(5).integers(1, 500, 30).tolist()
    quota = sum(weights) // 2 + 1
    expected = size_threshold_swings(weights, [quota] * 31)
    assert mitm_swings_by_size(weights, [quota] * 31) == expected
    assert counting.sized_swings_by_size(weights, [quota] * 31) == expected


# --- past every limit: a clear error, never a number -----------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "top"),
    [
        (1000, 10**6),  # 1,000 players, weights up to 10^6: no table fits, too many for meet in the middle
        (200, 10**6),
    ],
)
def test_beyond_the_limits_raises(n, top):
    weights = np.random.default_rng(n).integers(1, top + 1, n).tolist()
    quota = sum(weights) // 2 + 1
    with pytest.raises(ReformlabError, match="exact counting"):
        counting.weighted_swings(weights, quota)
    with pytest.raises(ReformlabError, match="exact counting"):
        counting.weighted_swings_by_size(weights, quota)
    game = WeightedGame({f"P{i}": w for i, w in enumerate(weights)}, quota=quota)
    with pytest.raises(ReformlabError, match="no exact path"):
        power(game, "banzhaf", method="exact")


def test_meet_in_the_middle_refuses_totals_past_int64():
    with pytest.raises(ReformlabError, match="2\\^61"):
        mitm_swings_by_size([2**60, 2**60, 3], [2**60] * 4)
