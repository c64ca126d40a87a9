"""Conformance over every registered method (pref_voting / check_estimator style), with Hypothesis."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.electoral import BASES, METHODS, ElectoralSystem, allocate

ALL = sorted(METHODS)
DIVISOR = sorted(m for m, spec in METHODS.items() if spec.house_monotone)
WITHIN_QUOTA = sorted(m for m, spec in METHODS.items() if spec.within_quota)
LOWER_QUOTA = sorted(m for m, spec in METHODS.items() if spec.lower_quota)
UPPER_QUOTA = sorted(m for m, spec in METHODS.items() if spec.upper_quota)
NAMES = [f"P{i}" for i in range(7)]

votes_maps = (
    st.lists(st.integers(0, 2_000_000), min_size=1, max_size=7)
    .filter(any)
    .map(lambda counts: dict(zip(NAMES, counts, strict=False)))
)
seat_counts = st.integers(1, 40)
fast = settings(max_examples=40)


def test_registry_has_every_standard_method():
    assert set(ALL) == {
        "hare",
        "droop",
        "hagenbach_bischoff",
        "imperiali_quota",
        "d_hondt",
        "sainte_lague",
        "modified_sainte_lague",
        "danish",
        "imperiali",
        "huntington_hill",
        "adams",
        "dean",
    }
    assert WITHIN_QUOTA == ["hare"]
    assert LOWER_QUOTA == ["d_hondt", "hare"] and UPPER_QUOTA == ["adams", "hare"]


@pytest.mark.parametrize("method", ALL)
@fast
@given(votes=votes_maps, seats=seat_counts)
def test_seats_sum_to_house_size(method, votes, seats):
    result = allocate(votes, seats, method)
    assert result.house == seats
    assert list(result.seats) == list(votes)
    assert all(s >= 0 for s in result.seats.values())
    assert all(result.seats[p] == 0 for p, v in votes.items() if v == 0)


@pytest.mark.parametrize("method", ALL)
@fast
@given(votes=st.integers(1, 10**7), others=st.integers(0, 5), seats=seat_counts)
def test_one_party_with_all_votes_gets_all_seats(method, votes, others, seats):
    result = allocate({"A": votes, **{f"Z{i}": 0 for i in range(others)}}, seats, method)
    assert result.seats["A"] == seats and result.ties == ()


@pytest.mark.parametrize("method", ALL)
@fast
@given(votes=st.integers(1, 10**6), parties=st.integers(2, 6), seats=seat_counts)
def test_exact_ties_come_back_as_ties(method, votes, parties, seats):
    equal = {f"P{i}": votes for i in range(parties)}
    result = allocate(equal, seats, method)
    if seats % parties:
        assert result.ties, "an exact tie must be reported"
        tie = result.ties[-1]
        assert tie.resolved_by == "order" and len(tie.awarded_to) == tie.seats < len(tie.parties)
        assert max(result.seats.values()) - min(result.seats.values()) == 1
        assert [p for p, s in result.seats.items() if s > seats // parties] == list(equal)[: seats % parties]
    else:
        assert set(result.seats.values()) == {seats // parties}


@pytest.mark.parametrize("method", ALL)
@settings(max_examples=15)
@given(votes=st.integers(1, 10**6), seats=st.integers(1, 9), seed=st.integers(0, 2**32 - 1))
def test_lot_is_reproducible_and_fair_in_count(method, votes, seats, seed):
    equal = {f"P{i}": votes for i in range(10)}
    first = allocate(equal, seats, method, tie_break="lot", seed=seed)
    again = allocate(equal, seats, method, tie_break="lot", seed=seed)
    assert first.seats == again.seats and first.house == seats
    assert first.ties and first.ties[-1].resolved_by == "lot"


@pytest.mark.parametrize("method", DIVISOR)
@fast
@given(votes=votes_maps, seats=seat_counts)
def test_house_monotone(method, votes, seats):
    smaller = allocate(votes, seats, method).seats
    larger = allocate(votes, seats + 1, method).seats
    assert all(larger[p] >= smaller[p] for p in votes)


@pytest.mark.parametrize("method", sorted(set(LOWER_QUOTA) | set(UPPER_QUOTA)))
@fast
@given(votes=votes_maps, seats=seat_counts)
def test_stays_within_quota_where_promised(method, votes, seats):
    spec, total = METHODS[method], sum(votes.values())
    result = allocate(votes, seats, method)
    for party, v in votes.items():
        exact = Fraction(seats * v, total)
        if spec.lower_quota:
            assert result.seats[party] >= exact.__floor__()
        if spec.upper_quota:
            assert result.seats[party] <= exact.__ceil__()


@pytest.mark.parametrize("method", ALL)
@fast
@given(votes=votes_maps, seats=seat_counts, shuffle_seed=st.integers(0, 1000))
def test_input_order_only_matters_for_ties(method, votes, seats, shuffle_seed):
    result = allocate(votes, seats, method)
    if result.ties:
        return
    parties = list(votes)
    random.Random(shuffle_seed).shuffle(parties)
    shuffled = allocate({p: votes[p] for p in parties}, seats, method)
    assert shuffled.seats == result.seats


@fast
@given(
    method=st.sampled_from(ALL),
    seats=seat_counts,
    share=st.fractions(0, Fraction(99, 100), max_denominator=1000),
    base=st.sampled_from(BASES),
    tie_break=st.sampled_from(["order", "lot", "raise"]),
)
def test_systems_round_trip_through_dict_and_yaml(method, seats, share, base, tie_break):
    system = ElectoralSystem.from_dict(
        {
            "method": method,
            "seats": seats,
            "threshold": {"share": str(share), "base": base},
            "tie_break": tie_break,
        }
    )
    assert ElectoralSystem.from_dict(system.to_dict()) == system
    assert ElectoralSystem.from_dict(yaml.safe_load(yaml.safe_dump(system.to_dict()))) == system
    assert system.threshold.share == share
