"""The fast path for the usual call (``allocation._common_case``) gives exactly what the general path gives,
or steps aside; bad input still gets the general path's error."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral import METHODS, Threshold, allocate
from reformlab.electoral.allocation import _common_case
from reformlab.electoral.ties import TieBreak
from reformlab.errors import ReformlabError

NAMES = [f"P{i}" for i in range(12)]
counts = st.one_of(
    st.lists(st.sampled_from([0, 1, 2, 3, 5, 10, 20]), min_size=1, max_size=12),  # many ties
    st.lists(st.integers(0, 10**7), min_size=1, max_size=12),
    st.lists(st.integers(0, 10**30), min_size=1, max_size=5),
)
thresholds = st.one_of(
    st.none(),
    st.sampled_from(["7%", "5%", "0%", "1/3", Fraction(1, 20), "0.07"]),
    st.builds(
        Threshold,
        share=st.sampled_from([Fraction(7, 100), Fraction(0), Fraction(1, 2), Fraction(1, 7)]),
        base=st.sampled_from(["valid", "ballots_cast", "valid_plus_against_all"]),
        inclusive=st.booleans(),
    ),
)


def _general(votes, seats, method, threshold, **options):
    """The general path: a TieBreak object (the same rule as the default "order") skips the fast path."""
    return allocate(votes, seats, method, threshold, tie_break=TieBreak(), **options)


@given(counts, st.integers(1, 300), st.sampled_from(sorted(METHODS)), thresholds, st.integers(0, 10**6))
def test_fast_path_equals_general_path(numbers, seats, method, threshold, extra):
    votes = dict(zip(NAMES, numbers, strict=False))
    options = {"ballots_cast": sum(numbers) + extra, "against_all": extra}
    fast = _common_case(votes, seats, method, threshold, options["ballots_cast"], options["against_all"])
    try:
        general = _general(votes, seats, method, threshold, **options)
    except ReformlabError:
        assert fast is None  # the fast path never answers where the general path refuses
        return
    if fast is not None:
        assert fast == general  # every field: seats, quota, passed, ties, threshold, base total
        assert list(fast.seats) == list(votes)
    assert allocate(votes, seats, method, threshold, **options) == general


def test_fast_path_serves_the_usual_call():
    """A fixed-seed sweep of realistic elections: the fast path answers (almost) all of them, exactly."""
    rng = random.Random(20261201)
    answered = 0
    for _ in range(400):
        votes = {name: rng.randint(1_000, 5_000_000) for name in NAMES[: rng.randint(2, 12)]}
        seats, method = rng.choice([5, 98, 150, 450]), rng.choice(sorted(METHODS))
        threshold = rng.choice([None, "7%", Threshold(share=Fraction(5, 100))])
        fast = _common_case(votes, seats, method, threshold, None, None)
        if fast is not None:
            answered += 1
            assert fast == _general(votes, seats, method, threshold)
    assert answered >= 390


@pytest.mark.parametrize(
    ("votes", "seats", "threshold", "message"),
    [
        ({"A": 10, "B": True}, 5, None, "whole number"),
        ({"A": 10, "B": 2.5}, 5, None, "whole number"),
        ({"A": 10, "B": -1}, 5, None, "negative"),
        ({"A": 10, "B": "7"}, 5, None, "whole number"),
        ({}, 5, None, "no votes"),
        ({"A": 10}, 0, None, "above 0"),
        ({"A": 10}, True, None, "above 0"),
        ({"A": 0, "B": 0}, 5, None, "no list with votes"),
        ({"A": 10, "B": 1}, 5, "seven", "cannot read"),
        ({"A": 10, "B": 1}, 5, "100%", "must be in"),
        ({"A": 10, "B": 1}, 5, Threshold(share=Fraction(7, 100), base="ballots"), "unknown threshold base"),
        ({"A": 10, "B": 1}, 5, Threshold(share=Fraction(7, 100), base="ballots_cast"), "ballots cast"),
    ],
)
def test_bad_input_gets_the_general_error(votes, seats, threshold, message):
    with pytest.raises(ReformlabError, match=message):
        allocate(votes, seats, "hare", threshold)
    with pytest.raises(ReformlabError, match=message):
        allocate(votes, seats, "d_hondt", threshold)


def test_the_result_does_not_share_the_callers_dict():
    votes = {"A": 100, "B": 80, "C": 5}
    result = allocate(votes, 10, "hare", "7%")
    votes["A"] = 0
    assert result.votes["A"] == 100 and result.seats == {"A": 6, "B": 4, "C": 0}
