"""The whole-number divisor path agrees with the Fraction definitions and with seat-by-seat allocation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral._divisor_moves import above, divisor_seats, first_guess, level, usual_seats
from reformlab.electoral.divisor import DIVISORS, highest_averages, whole_votes
from reformlab.electoral.ties import TieBreak, top_by_rank

# The divisor sequences as the literature writes them (the power-2 form for Huntington-Hill).
TEXTBOOK = {
    "d_hondt": lambda s: Fraction(s + 1),
    "sainte_lague": lambda s: Fraction(2 * s + 1),
    "modified_sainte_lague": lambda s: Fraction(7, 5) if s == 0 else Fraction(2 * s + 1),
    "danish": lambda s: Fraction(3 * s + 1),
    "imperiali": lambda s: Fraction(s + 2),
    "huntington_hill": lambda s: Fraction(s * (s + 1)),
    "adams": lambda s: Fraction(s),
    "dean": lambda s: Fraction(2 * s * (s + 1), 2 * s + 1),
}
RULES = sorted(DIVISORS)


def test_every_rule_has_a_textbook_sequence():
    assert set(TEXTBOOK) == set(DIVISORS)


@pytest.mark.parametrize("name", RULES)
def test_ratio_is_the_sequence(name):
    rule = DIVISORS[name]
    for s in range(500):
        a, b = rule.ratio(s)
        assert isinstance(a, int) and isinstance(b, int) and b > 0
        assert Fraction(a, b) == rule.sequence(s) == TEXTBOOK[name](s)
        assert rule.sequence(s + 1) > rule.sequence(s)  # strictly increasing: the move search relies on it


def _key(rule, votes: int, held: int) -> tuple[int, int]:
    """The whole-number key the move search uses for ``votes / d(held)``."""
    a, b = rule.ratio(held)
    w = votes**rule.power
    return (w * b if a else w), a


# Large counts exercise the arithmetic; small ones make equal averages (ties) common.
vote_counts = st.one_of(st.integers(1, 60), st.integers(1, 10**9))
held_counts = st.one_of(st.integers(0, 4), st.integers(0, 300))


@given(st.sampled_from(RULES), vote_counts, held_counts, vote_counts, held_counts)
def test_integer_comparison_matches_the_fraction_averages(name, v1, s1, v2, s2):
    rule = DIVISORS[name]
    x, y = rule.average(v1, s1), rule.average(v2, s2)
    assert above(*_key(rule, v1, s1), *_key(rule, v2, s2)) == (x > y)
    assert level(*_key(rule, v1, s1), *_key(rule, v2, s2)) == (x == y)


def seat_by_seat(votes, seats, name, tie_break, held=None):
    """The definition: every seat to the highest exact Fraction average, a tie when a level outnumbers the
    seats left (the implementation this module replaced)."""
    rule = DIVISORS[name]
    result = {p: (held or {}).get(p, 0) for p in votes}
    left = seats - sum(result.values())
    ties = []
    while left > 0:
        keys = {p: rule.average(v, result[p]) for p, v in votes.items() if v > 0}
        if not keys:
            break
        best = max(keys.values())
        tied = [p for p in keys if keys[p] == best]
        winners, tie = top_by_rank({p: 0 for p in tied}, min(left, len(tied)), tie_break)
        ties += [tie] if tie else []
        for party in winners:
            result[party] += 1
        left -= len(winners)
    return result, tuple(ties)


votes_lists = st.one_of(
    st.lists(st.sampled_from([0, 1, 2, 3, 5, 6, 10, 12, 30]), min_size=1, max_size=8),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8),
)


@given(
    st.sampled_from(RULES),
    votes_lists,
    st.integers(1, 120),
    st.lists(st.integers(0, 3), max_size=8),
    st.sampled_from(["order", "lot"]),
)
def test_moves_reproduce_seat_by_seat(name, counts, seats, held_counts, rule):
    votes = {f"P{i}": v for i, v in enumerate(counts)}
    held = {f"P{i}": h for i, h in enumerate(held_counts[: len(counts)]) if h}
    got = highest_averages(votes, seats, name, TieBreak(rule, seed=3), held=held)
    assert got == seat_by_seat(votes, seats, name, TieBreak(rule, seed=3), held=held)


@given(st.sampled_from(RULES), st.lists(st.integers(1, 10**6), min_size=2, max_size=8), st.integers(1, 98))
def test_corrected_votes_are_scaled_not_rounded(name, counts, seats):
    votes = {f"P{i}": v * (Fraction(7, 10) if i == 1 else 1) for i, v in enumerate(counts)}
    got = highest_averages(votes, seats, name, TieBreak(), held={"P1": 2})
    assert got == seat_by_seat(votes, seats, name, TieBreak(), held={"P1": 2})


def test_tie_is_reported_with_the_contested_seats():
    seats, won, bidding = divisor_seats([10, 10, 10], [0, 0, 0], 2, DIVISORS["d_hondt"])
    assert sum(seats) == 2 and len(won) == 2 and len(bidding) == 1
    result, ties = highest_averages({"A": 10, "B": 10, "C": 10}, 2)
    assert result == {"A": 1, "B": 1, "C": 0}
    assert ties[0].parties == ("A", "B", "C") and ties[0].seats == 2


def test_zero_first_divisor_ranks_first_seats_by_votes():
    assert highest_averages({"A": 5, "B": 9, "C": 7}, 2, "adams")[0] == {"A": 0, "B": 1, "C": 1}
    result, ties = highest_averages({"A": 5, "B": 7, "C": 7}, 1, "huntington_hill")
    assert result == {"A": 0, "B": 1, "C": 0} and ties[0].parties == ("B", "C")


def test_held_seats_filling_the_house_stay():
    assert highest_averages({"A": 1, "B": 100}, 2, held={"A": 2}) == ({"A": 2, "B": 0}, ())


def test_whole_votes_keeps_proportions():
    assert whole_votes([4, 6]) == [4, 6]
    assert whole_votes([Fraction(1, 3), Fraction(1, 2), 2]) == [2, 3, 12]


@given(
    st.sampled_from(RULES),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8).filter(any),
    st.integers(1, 500),
    st.lists(st.integers(0, 3), min_size=8, max_size=8),
)
def test_first_guess_is_within_bounds_and_close(name, counts, seats, floors):
    held = floors[: len(counts)]
    guess = first_guess(counts, held, seats, DIVISORS[name])
    assert all(h <= g <= max(h, seats) for g, h in zip(guess, held, strict=True))
    assert all(g == h for g, h, v in zip(guess, held, counts, strict=True) if v == 0)
    if not any(held) and seats >= 2 * len(counts):
        # rounding up moves each party by under a seat, clamping at 0 by at most the offset (2 for Imperiali)
        assert abs(sum(guess) - seats) <= 3 * len(counts)


@given(
    st.sampled_from(RULES),
    st.one_of(
        st.lists(st.sampled_from([1, 2, 3, 5, 6, 10, 12, 30]), min_size=1, max_size=10),  # ties common
        st.lists(st.integers(1, 10**7), min_size=1, max_size=10),
        st.lists(st.integers(0, 10**30), min_size=1, max_size=4),
    ),
    st.one_of(st.integers(1, 120), st.integers(1000, 1100)),  # both sides of the ratio table's size
)
def test_usual_seats_are_the_general_seats_or_step_aside(name, counts, seats):
    """The scan path gives the general path's seats whenever it answers, answers whenever the general path
    finds no tie (for the methods it serves), and never answers at a tie."""
    rule = DIVISORS[name]
    fast = usual_seats(counts, seats, rule)
    general, won, bidding = divisor_seats(counts, [0] * len(counts), seats, rule)
    served = rule.power == 1 and rule.ratio(0)[0] > 0 and 0 not in counts
    if not served or won:
        assert fast is None
    else:
        assert fast == general
        assert fast == [seat_by_seat(dict(enumerate(counts)), seats, name, TieBreak())[0][i] for i in
                        range(len(counts))]  # fmt: skip


def test_usual_seats_serve_the_usual_methods():
    votes = [5_621_436, 518_405, 498_788, 120_000]
    served = {name for name in RULES if usual_seats(votes, 98, DIVISORS[name]) is not None}
    assert served == {"d_hondt", "sainte_lague", "modified_sainte_lague", "danish", "imperiali"}
    assert usual_seats(votes, 98, DIVISORS["d_hondt"]) == [83, 7, 7, 1]
