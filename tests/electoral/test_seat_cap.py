"""The seat cap (Kyrgyzstan 2010, Art. 70(2)) over every method and excess rule, against a seat-by-seat reference."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reformlab.electoral import EXCESS_RULES, METHODS, ElectoralSystem, SeatCap, allocate
from reformlab.electoral.divisor import DIVISORS
from reformlab.errors import ReformlabError

NAMES = [f"P{i}" for i in range(6)]
votes_maps = (
    st.lists(st.integers(1, 1_000_000), min_size=2, max_size=6).map(lambda c: dict(zip(NAMES, c, strict=False)))
)
fast = settings(max_examples=40, deadline=None)


def _system(method: str, seats: int, cap: int, excess: str = "reallocate") -> ElectoralSystem:
    return ElectoralSystem.from_dict({"method": method, "seats": seats, "seat_cap": {"seats": cap, "excess": excess}})


def _seat_by_seat(votes: dict, seats: int, method: str, cap: int) -> dict:
    """Independent reference for divisor methods: each seat to the highest average among lists under the cap."""
    divisor = DIVISORS[method]
    order = list(votes)
    won = dict.fromkeys(votes, 0)
    for _ in range(seats):
        open_lists = [p for p in votes if won[p] < cap]
        best = max(open_lists, key=lambda p: (divisor.average(votes[p], won[p]), -order.index(p)))
        won[best] += 1
    return won


@fast
@given(votes=votes_maps, seats=st.integers(1, 40), cap=st.integers(1, 40), method=st.sampled_from(sorted(METHODS)),
       excess=st.sampled_from(sorted(EXCESS_RULES)))
def test_no_list_exceeds_the_cap_and_the_house_is_kept_where_the_rule_says(votes, seats, cap, method, excess):
    assume(cap * len(votes) >= seats)
    result = _system(method, seats, cap, excess).allocate(votes)
    assert max(result.seats.values()) <= cap
    uncapped = allocate(votes, seats, method)
    if EXCESS_RULES[excess].keeps_house:
        assert sum(result.seats.values()) == seats
    else:  # vacant: the capped lists hold the cap, the others what they had
        assert result.seats == {p: min(s, cap) for p, s in uncapped.seats.items()}


@fast
@given(votes=votes_maps, seats=st.integers(1, 40), method=st.sampled_from(sorted(METHODS)))
def test_a_cap_that_does_not_bind_changes_nothing(votes, seats, method):
    uncapped = allocate(votes, seats, method)
    cap = max(uncapped.seats.values())
    assert _system(method, seats, cap).allocate(votes).seats == uncapped.seats


@fast
@given(votes=votes_maps, seats=st.integers(1, 40), cap=st.integers(1, 40),
       method=st.sampled_from(sorted(m for m in METHODS if METHODS[m].family == "divisor")))
def test_divisor_reallocation_equals_seat_by_seat_under_the_cap(votes, seats, cap, method):
    assume(cap * len(votes) >= seats)
    assume(len(set(votes.values())) == len(votes))  # distinct votes: no exact ties between averages of 1
    capped = _system(method, seats, cap).allocate(votes)
    assume(not capped.ties)
    assert capped.seats == _seat_by_seat(votes, seats, method, cap)


def test_kyrgyz_cap_binds_on_a_landslide():
    """120 seats, cap 65 (Art. 70(2)): a list with 80% of the admitted votes keeps 65; 55 go to the others."""
    result = _system("hare", 120, 65).allocate({"A": 800, "B": 150, "C": 50})
    assert result.seats == {"A": 65, "B": 41, "C": 14}  # 55 * 150/200 = 41.25, 55 * 50/200 = 13.75


def test_a_cap_with_too_few_lists_says_so():
    with pytest.raises(ReformlabError, match="leaves 55 seats"):
        _system("hare", 120, 65).allocate({"A": 800})


@pytest.mark.parametrize("data", [{"seats": 0}, {"seats": 65, "excess": "split"}, {"seats": 65, "spill": 1}, {}])
def test_bad_caps_are_named(data):
    with pytest.raises(ReformlabError) as error:
        ElectoralSystem.from_dict({"method": "hare", "seats": 120, "seat_cap": data})
    assert "seat_cap" in (error.value.field or "")


def test_round_trip():
    system = _system("hare", 120, 65)
    assert ElectoralSystem.from_dict(system.to_dict()) == system
    assert SeatCap.from_dict(65) == SeatCap(65)
