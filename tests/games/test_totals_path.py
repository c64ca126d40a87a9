"""Banzhaf, Penrose and Coleman from size-blind swing totals agree with full enumeration (13-16 players)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.games import WeightedGame, powers
from reformlab.games.counting.enumeration import enumerate_profile
from reformlab.games import INDICES

SWING_INDICES = ["banzhaf", "penrose", "coleman_collectivity", "coleman_preventive", "coleman_initiative"]


@settings(max_examples=25)
@given(st.lists(st.integers(1, 30), min_size=13, max_size=16), st.integers(1, 99))
def test_totals_path_matches_enumeration(weights, percent):
    game = WeightedGame({f"P{i}": w for i, w in enumerate(weights)}, quota=max(1, sum(weights) * percent // 100))
    fast = powers(game, SWING_INDICES)
    profile = enumerate_profile(game, 16)
    for name in SWING_INDICES:
        assert fast[name].method == "exact"
        assert fast[name].values == INDICES[name].exact(profile), name
