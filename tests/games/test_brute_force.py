"""Every index against a brute-force enumeration written from its definition, on random small games."""

from fractions import Fraction
from itertools import combinations, permutations
from math import factorial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.games import (
    GAME_KEY,
    INDICES,
    AndGame,
    AtLeastGame,
    BlocGame,
    CompoundGame,
    MinimalWinningGame,
    OrGame,
    VectorWeightedGame,
    WeightedGame,
    count_winning,
    dictator,
    dummy_players,
    minimal_winning_coalitions,
    power,
    powers,
    smallest_winning_coalition,
    veto_players,
)
from reformlab.games.counting.enumeration import enumerate_profile
from reformlab.games.counting.minimal_winning import minimal_counts, minimal_counts_by_size, weighted_minimal_winning
from reformlab.games.dump import game_to_dict
from reformlab.games.exact_path import counted_critical_profile, counted_profile, listed_minimal_profile
from reformlab.games.loader import game_from_dict

NAMES = ["A", "B", "C", "D", "E", "F", "G"]


def subsets(players):
    return [frozenset(c) for k in range(len(players) + 1) for c in combinations(players, k)]


def brute(game):
    """Every index by its textbook definition (``None`` where the definition divides by zero)."""
    players = game.players
    n = len(players)
    wins = {s: game.is_winning(s) for s in subsets(players)}
    winning = [s for s, w in wins.items() if w]
    eta = {i: sum(1 for s in wins if i not in s and not wins[s] and wins[s | {i}]) for i in players}
    minimal = [s for s in winning if all(not wins[s - {j}] for j in s)]
    critical = {s: [j for j in s if not wins[s - {j}]] for s in winning}
    vulnerable = [s for s in winning if critical[s]]

    def ratio(values, total):
        return None if not total else {i: Fraction(values[i]) / total for i in players}

    shapley = None
    if wins[frozenset(players)] and not wins[frozenset()]:
        pivots = dict.fromkeys(players, 0)
        for order in permutations(players):
            so_far = frozenset()
            for player in order:
                if wins[so_far | {player}] and not wins[so_far]:
                    pivots[player] += 1
                    break
                so_far |= {player}
        shapley = {i: Fraction(pivots[i], factorial(n)) for i in players}
    return {
        "banzhaf": ratio(eta, sum(eta.values())),
        "penrose": {i: Fraction(eta[i], 2 ** (n - 1)) for i in players},
        "shapley": shapley,
        "holler": ratio({i: sum(i in s for s in minimal) for i in players}, sum(len(s) for s in minimal)),
        "deegan_packel": ratio(
            {i: sum(Fraction(1, len(s)) for s in minimal if i in s) for i in players}, len(minimal)
        ),
        "johnston": ratio(
            {i: sum(Fraction(1, len(critical[s])) for s in vulnerable if i in critical[s]) for i in players},
            len(vulnerable),
        ),
        "coleman_collectivity": {GAME_KEY: Fraction(len(winning), 2**n)},
        "coleman_preventive": ratio(eta, len(winning)),
        "coleman_initiative": ratio(eta, 2**n - len(winning)),
        "_minimal": sorted(minimal, key=lambda s: (len(s), sorted(s))),
        "_winning": len(winning),
        "_eta": eta,
        "_smallest": min((len(s) for s in winning), default=None),
    }


def check_against_brute(game):
    expected = brute(game)
    for name in INDICES:
        if expected[name] is None:
            with pytest.raises(ReformlabError):
                power(game, name)
        else:
            result = power(game, name)
            assert result.method == "exact"
            assert result.values == expected[name], name
    assert count_winning(game) == expected["_winning"]
    assert dummy_players(game) == tuple(i for i in game.players if expected["_eta"][i] == 0)
    found = minimal_winning_coalitions(game)
    assert sorted(found, key=lambda s: (len(s), sorted(s))) == expected["_minimal"]
    witness = smallest_winning_coalition(game)
    if expected["_smallest"] is None:
        assert witness is None
    else:
        assert game.is_winning(witness) and len(witness) == expected["_smallest"]
    veto = veto_players(game)
    assert veto == tuple(i for i in game.players if expected["_winning"] and all(i in s for s in found))
    assert dictator(game) == next((i for i in veto if frozenset({i}) in found), None)


@st.composite
def weighted_games(draw, names=None, min_players=1):
    names = names or draw(st.lists(st.sampled_from(NAMES), min_size=min_players, max_size=6, unique=True))
    weights = draw(st.lists(st.integers(0, 12), min_size=len(names), max_size=len(names)))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return WeightedGame(dict(zip(names, weights, strict=True)), quota=quota)


@st.composite
def vector_games(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    clauses = draw(st.lists(weighted_games(names=names), min_size=1, max_size=3))
    return VectorWeightedGame(clauses)


@st.composite
def composite_games(draw):
    parts = draw(st.lists(st.one_of(weighted_games(), vector_games()), min_size=1, max_size=3))
    kind = draw(st.sampled_from(["and", "or", "at_least"]))
    if kind == "and":
        return AndGame(parts)
    if kind == "or":
        return OrGame(parts)
    return AtLeastGame(parts, k=draw(st.integers(1, len(parts))))


@st.composite
def minimal_winning_games(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    coalitions = draw(
        st.lists(st.lists(st.sampled_from(names), min_size=1, unique=True), min_size=1, max_size=5)
    )
    return MinimalWinningGame(names, coalitions)


@settings(max_examples=150)
@given(weighted_games())
def test_weighted(game):
    check_against_brute(game)


@settings(max_examples=100)
@given(vector_games())
def test_vector_weighted(game):
    check_against_brute(game)


@settings(max_examples=100)
@given(composite_games())
def test_composite(game):
    check_against_brute(game)


@settings(max_examples=50)
@given(minimal_winning_games())
def test_minimal_winning(game):
    check_against_brute(game)


@settings(max_examples=50)
@given(weighted_games(min_players=2), st.data())
def test_blocs_and_compound(game, data):
    members = data.draw(st.lists(st.sampled_from(game.players), min_size=1, unique=True))
    check_against_brute(BlocGame(game, {"bloc": members}))
    inner = WeightedGame({f"{members[0]}.{k}": 1 for k in range(3)}, quota="majority")
    check_against_brute(CompoundGame(game, {members[0]: inner}))


@st.composite
def bloc_games(draw):
    game = draw(st.one_of(composite_games(), minimal_winning_games()))
    members = draw(st.lists(st.sampled_from(game.players), min_size=1, unique=True))
    return BlocGame(game, {"bloc": members})


@settings(max_examples=150)
@given(st.one_of(weighted_games(), vector_games(), composite_games(), minimal_winning_games(), bloc_games()))
def test_counting_dispatch_matches_enumeration(game):
    counted = counted_profile(game)
    profile = enumerate_profile(game)
    assert counted is not None
    assert counted.winning == profile.winning
    assert counted.swings == profile.swings


def test_powers_share_the_exact_counts():
    game = WeightedGame({"A": 3, "B": 2, "C": 1}, quota=4)
    assert {name: r.values for name, r in powers(game, list(INDICES)).items()} == {
        name: power(game, name).values for name in INDICES
    }


@settings(max_examples=100)
@given(weighted_games())
def test_minimal_winning_counts_match_enumeration(game):
    profile = enumerate_profile(game)
    weights = list(game.weights.values())
    listed = minimal_counts(weighted_minimal_winning(weights, game.quota, cap=10**6), len(weights))
    assert listed == (profile.minimal, profile.minimal_total)
    assert minimal_counts_by_size(weights, game.quota) == listed
    assert listed_minimal_profile(game).minimal == profile.minimal
    assert counted_critical_profile(game).johnston == profile.johnston


@settings(max_examples=100)
@given(st.one_of(weighted_games(), vector_games(), composite_games(), minimal_winning_games(), bloc_games()))
def test_games_written_as_data_load_back(game):
    import yaml

    text = yaml.safe_dump(game_to_dict(game), sort_keys=False)
    loaded = game_from_dict(yaml.safe_load(text))
    assert loaded.players == game.players
    assert enumerate_profile(loaded) == enumerate_profile(game)
