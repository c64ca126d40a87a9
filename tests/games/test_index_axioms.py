"""Axioms over the power-index registry: each record's flags choose what it must satisfy.

Like ``tests/electoral/test_conformance.py`` for allocation methods: a null player (never a swing) gets 0,
interchangeable players get equal values, and the values sum to 1 where the index is efficient. Games are
drawn small (enumeration) and large (the counting paths), with null and symmetric players built in. A flag
left off must also be needed: some game breaks the axiom (else the flag would be wrong, or the test empty).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.games import GAME_KEY, INDICES, AndGame, WeightedGame, power, powers
from reformlab.games.indices import PowerIndex, families, power_index

RECORDS = list(INDICES.values())
PER_PLAYER = [record for record in RECORDS if record.per_player]


def _ids(record: PowerIndex) -> str:
    return record.name


def _is_null(game, player: str) -> bool:
    """Never a swing: no coalition changes outcome when ``player`` joins (by listing them; small games)."""
    others = [p for p in game.players if p != player]
    for mask in range(1 << len(others)):
        coalition = {others[i] for i in range(len(others)) if mask >> i & 1}
        if game.is_winning(coalition) != game.is_winning(coalition | {player}):
            return False
    return True


@st.composite
def weighted_games(draw, min_players=2, max_players=9, max_weight=20):
    """A weighted game with a weight-0 player and a twin (two players of equal weight) built in."""
    weights = draw(st.lists(st.integers(1, max_weight), min_size=min_players, max_size=max_players))
    weights = [*weights, weights[0], 0]  # P0 and its twin, and a null player
    quota = draw(st.integers(1, sum(weights)))
    return WeightedGame({f"P{i}": w for i, w in enumerate(weights)}, quota=quota)


@st.composite
def composite_games(draw):
    """An AND of two weighted games over the same players (a bicameral rule) with twins in both."""
    n = draw(st.integers(2, 7))
    upper = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    lower = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    players = [f"P{i}" for i in range(n + 1)]
    first = WeightedGame(dict(zip(players, [*upper, upper[0]], strict=True)), quota=draw(st.integers(1, sum(upper))))
    second = WeightedGame(dict(zip(players, [*lower, lower[0]], strict=True)), quota=draw(st.integers(1, sum(lower))))
    return AndGame((first, second))


def _values(game, record: PowerIndex) -> dict[str, Fraction]:
    try:
        return power(game, record.name, method="exact").values
    except ReformlabError:  # undefined for this game (no swings, nobody wins): no axiom to check
        assume(False)
        raise


def _twin(game) -> str:
    """P0's twin: the last player of a composite game, the one before the null player of a weighted game."""
    return game.players[-1] if isinstance(game, AndGame) else game.players[-2]


games = st.one_of(weighted_games(), composite_games())
large_games = weighted_games(min_players=21, max_players=26, max_weight=12)  # past enumeration


@pytest.mark.parametrize("record", [r for r in PER_PLAYER if r.null_player], ids=_ids)
@settings(max_examples=25, deadline=None)
@given(games)
def test_null_players_get_zero(record, game):
    values = _values(game, record)
    for player in game.players:
        if _is_null(game, player):
            assert values[player] == 0, player


@pytest.mark.parametrize("record", [r for r in PER_PLAYER if r.symmetric], ids=_ids)
@settings(max_examples=25, deadline=None)
@given(games)
def test_symmetric_players_get_equal_values(record, game):
    values = _values(game, record)
    assert values["P0"] == values[_twin(game)]


@pytest.mark.parametrize("record", [r for r in PER_PLAYER if r.efficient], ids=_ids)
@settings(max_examples=25, deadline=None)
@given(games)
def test_efficient_indices_sum_to_one(record, game):
    assert sum(_values(game, record).values()) == 1


@pytest.mark.parametrize("record", PER_PLAYER, ids=_ids)
@settings(max_examples=5, deadline=None)
@given(large_games)
def test_axioms_on_the_counting_paths(record, game):
    """23 to 28 players: the counting paths (not enumeration) must keep every promised axiom."""
    values = _values(game, record)
    null = game.players[-1]  # weight 0: never a swing
    if record.null_player:
        assert values[null] == 0
    if record.symmetric:
        assert values["P0"] == values[game.players[-2]]
    if record.efficient:
        assert sum(values.values()) == 1


def test_flags_left_off_are_needed():
    """Penrose and Coleman's indices are not efficient: a game shows it (so the flag is not simply missing)."""
    game = WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51)
    for record in PER_PLAYER:
        if not record.efficient:
            assert sum(power(game, record.name).values.values()) != 1, record.name


@pytest.mark.parametrize("record", [r for r in RECORDS if not r.per_player], ids=_ids)
@settings(max_examples=30, deadline=None)
@given(games)
def test_game_values_are_probabilities(record, game):
    values = _values(game, record)
    assert list(values) == [GAME_KEY] and 0 <= values[GAME_KEY] <= 1


@pytest.mark.parametrize("record", RECORDS, ids=_ids)
def test_every_estimator_covers_the_exact_value(record):
    game = WeightedGame({"A": 4, "B": 3, "C": 2, "D": 1, "E": 1}, quota=6)
    exact = power(game, record.name).values
    estimate = power(game, record.name, method="monte_carlo", samples=6_000, seed=3)
    assert estimate.method == "monte_carlo" and set(estimate.values) == set(exact)
    for player, value in exact.items():
        low, high = estimate.ci[player]
        assert low - 0.02 <= value <= high + 0.02, player


def test_a_null_player_is_estimated_at_exactly_zero():
    game = WeightedGame({"A": 4, "B": 3, "C": 2, "Z": 0}, quota=6)
    for record in PER_PLAYER:
        if record.null_player:
            assert power(game, record.name, method="monte_carlo", samples=400, seed=1).values["Z"] == 0


def test_adding_an_index_is_one_registration():
    """A new index registered once is computed exactly, estimated, and listed; nothing else is edited."""

    @power_index("swing_share_test", needs="totals", label="Share", efficient=True,
                 estimator=lambda s: (s.swing, s.ones, s.swing.sum(axis=1)))  # fmt: skip
    def swing_share(profile):
        """Banzhaf again under another name (for this test only)."""
        total = sum(sum(row) for row in profile.swings)
        return {p: Fraction(sum(row), total) for p, row in zip(profile.players, profile.swings, strict=True)}

    try:
        game = WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51)
        both = powers(game, ["swing_share_test", "banzhaf"])
        assert both["swing_share_test"].values == both["banzhaf"].values
        assert power(game, "swing_share_test", method="monte_carlo", samples=400, seed=2).method == "monte_carlo"
        assert INDICES["swing_share_test"].doc.startswith("Banzhaf again")
        with pytest.raises(ValueError, match="twice"):
            power_index("swing_share_test", needs="totals", label="x", estimator=lambda s: s)
    finally:
        del INDICES["swing_share_test"]


def test_registry_records_are_complete():
    for record in RECORDS:
        assert record.label and len(record.label) <= 8, record.name
        assert record.doc, record.name  # the definition and its source
    assert families() == {"coleman": ("coleman_collectivity", "coleman_preventive", "coleman_initiative")}
    with pytest.raises(ValueError, match="needs"):
        power_index("bad_index_test", needs="everything", label="x", estimator=lambda s: s)
