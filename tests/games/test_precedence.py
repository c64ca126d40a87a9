"""The Shapley value under precedence constraints against brute force over every admissible order."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.games.precedence import precedence_shapley, precedence_structure


def brute_force(players, needs, value):
    """Average marginal contribution over every order in which each player follows its prerequisites."""
    index = {p: i for i, p in enumerate(players)}
    totals = dict.fromkeys(players, Fraction(0))
    orders = 0
    for order in itertools.permutations(players):
        position = {p: k for k, p in enumerate(order)}
        if any(position[r] > position[p] for p, required in needs.items() for r in required):
            continue
        orders += 1
        mask = 0
        for player in order:
            grown = mask | 1 << index[player]
            totals[player] += value(grown) - value(mask)
            mask = grown
    return {p: totals[p] / orders for p in players}


@st.composite
def games(draw):
    size = draw(st.integers(1, 6))
    players = [f"a{i}" for i in range(size)]
    needs = {p: [q for q in players[:i] if draw(st.booleans()) and draw(st.booleans())] for i, p in enumerate(players)}
    table = draw(st.lists(st.integers(-20, 20), min_size=1 << size, max_size=1 << size))
    return players, needs, table


@settings(max_examples=150, deadline=None)
@given(games())
def test_equals_brute_force_and_is_efficient(game):
    players, needs, table = game
    structure = precedence_structure(players, needs)
    values = precedence_shapley(structure, lambda mask: table[mask])
    assert values == brute_force(players, needs, lambda mask: table[mask])
    assert sum(values.values()) == table[structure.full] - table[0]


def test_without_prerequisites_it_is_the_classical_shapley_value():
    """Glove game {a: left glove, b, c: right gloves}: Shapley (2/3, 1/6, 1/6)."""
    structure = precedence_structure("abc", {})
    worth = {0b000: 0, 0b001: 0, 0b010: 0, 0b100: 0, 0b011: 1, 0b101: 1, 0b110: 0, 0b111: 1}
    assert precedence_shapley(structure, worth.__getitem__) == {"a": Fraction(2, 3), "b": Fraction(1, 6),
                                                                "c": Fraction(1, 6)}
    assert structure.orders == 6


def test_null_player_gets_exactly_zero_and_symmetric_players_equal():
    structure = precedence_structure("abcd", {"d": ["a"]})
    def value(mask):  # b and c are interchangeable; d adds nothing
        return (2 if mask & 1 else 0) + (1 if mask & 0b10 else 0) + (1 if mask & 0b100 else 0) + (mask & 0b11 == 0b11)
    values = precedence_shapley(structure, value)
    assert values["d"] == 0
    assert values["b"] != values["c"]  # b interacts with a, c does not
    structure = precedence_structure("abc", {})
    symmetric = precedence_shapley(structure, lambda m: bin(m & 0b110).count("1") ** 2)
    assert symmetric["b"] == symmetric["c"] and symmetric["a"] == 0


def test_a_chain_gives_each_its_marginal_step():
    structure = precedence_structure("abc", {"b": ["a"], "c": ["b"]})
    assert structure.orders == 1
    steps = {0: 0, 1: 5, 3: 7, 7: 4}
    assert precedence_shapley(structure, steps.__getitem__) == {"a": 5, "b": 2, "c": -3}


def test_relevant_players_restrict_the_evaluations():
    structure = precedence_structure("abc", {})
    calls = []
    def value(mask):
        calls.append(mask)
        return bin(mask & 0b011).count("1")
    values = precedence_shapley(structure, value, relevant=0b011)
    assert values == {"a": 1, "b": 1, "c": 0}
    assert set(calls) <= {0, 1, 2, 3}


@pytest.mark.parametrize("needs, expected", [
    ({"a": ["z"]}, "not one of the players"),
    ({"a": ["b"], "b": ["a"]}, "cycle"),
])
def test_bad_structures(needs, expected):
    with pytest.raises(ReformlabError) as error:
        precedence_structure("ab", needs)
    assert expected in error.value.message()


def test_too_many_players_is_refused_not_attempted():
    with pytest.raises(ReformlabError) as error:
        precedence_structure(range(21), {})
    assert "group related changes" in error.value.message()
