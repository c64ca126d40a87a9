"""The fast path for the usual call (``allocation._usual_call``) gives exactly what the general path gives,
or steps aside; bad input still gets the general path's error."""

from __future__ import annotations

import pickle
import random
from fractions import Fraction
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral import METHODS, Threshold, allocate, allocation
from reformlab.electoral.quota import QUOTA_TERMS, QUOTAS, exact_quota
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
    st.sampled_from(["7%", "5%", "0%", "1/3", Fraction(1, 20), "0.07", "100%", "-1%", Fraction(3, 2), "x"]),
    st.builds(
        Threshold,
        share=st.sampled_from([Fraction(7, 100), Fraction(0), Fraction(1, 2), Fraction(1, 7), Fraction(1)]),
        base=st.sampled_from(["valid", "ballots_cast", "valid_plus_against_all", "registered", "bogus"]),
        inclusive=st.booleans(),
    ),
    st.builds(Threshold, share=st.just(Fraction(1, 20)), votes=st.integers(0, 30), inclusive=st.booleans()),
    st.builds(Threshold, share=st.sampled_from(["7%", 0.05]), districts=st.sampled_from([None, 2])),
)


def _common_case(votes, seats, method, threshold, ballots_cast, against_all):
    """What the fast path answers, or None where it steps aside (to the general path, stubbed out here)."""
    with mock.patch.object(allocation, "_general", lambda *args: None):
        return allocate(votes, seats, method, threshold, ballots_cast=ballots_cast, against_all=against_all)


def _general(votes, seats, method, threshold, **options):
    """The general path: a TieBreak object (the same rule as the default "order") skips the fast path."""
    return allocate(votes, seats, method, threshold, tie_break=TieBreak(), **options)


@given(counts, st.integers(1, 300), st.sampled_from(sorted(METHODS)), thresholds, st.integers(0, 10**6))
def test_fast_path_equals_general_path(numbers, seats, method, threshold, extra):
    votes = dict(zip(NAMES, numbers, strict=False))
    options = {"ballots_cast": sum(numbers) + extra, "against_all": extra, "registered": sum(numbers) + extra}
    fast = _common_case(votes, seats, method, threshold, options["ballots_cast"], options["against_all"])
    again = _common_case(votes, seats, method, threshold, options["ballots_cast"], options["against_all"])
    assert again == fast  # the second call reads the threshold from the cache
    try:
        general = _general(votes, seats, method, threshold, **options)
    except ReformlabError:
        assert fast is None  # the fast path never answers where the general path refuses
        return
    if fast is not None:
        assert fast == general  # every field: seats, quota, passed, ties, threshold, base total
        assert list(fast.seats) == list(votes)
        assert type(fast.quota) is type(general.quota) and repr(fast) == repr(general)
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


@given(st.integers(0, 10**40), st.integers(1, 10**12))
def test_exact_quota_is_the_fraction(num, den):
    quota = exact_quota(num, den)
    assert type(quota) is Fraction and quota == Fraction(num, den)
    assert (quota.numerator, quota.denominator) == (Fraction(num, den).numerator, Fraction(num, den).denominator)
    assert hash(quota) == hash(Fraction(num, den)) and repr(quota) == repr(Fraction(num, den))


@given(st.sampled_from(sorted(QUOTA_TERMS)), st.integers(0, 10**12), st.integers(1, 1000))
def test_quota_terms_are_the_quotas(name, total, seats):
    assert Fraction(*QUOTA_TERMS[name](total, seats)) == QUOTAS[name](total, seats)


def test_a_threshold_object_is_read_once_and_by_identity():
    rule = Threshold(share=Fraction(7, 100))
    first = allocate({"A": 100, "B": 80, "C": 5}, 10, "hare", rule)
    twin = Threshold(share=Fraction(7, 100), inclusive=False)
    assert allocate({"A": 100, "B": 80, "C": 5}, 10, "hare", rule) == first
    assert first.threshold is rule
    # a strict twin is not mistaken for the cached rule: 7% of 100 exactly does not pass it
    assert allocate({"A": 93, "B": 7}, 10, "hare", twin).passed == ("A",)
    assert allocate({"A": 93, "B": 7}, 10, "hare", rule).passed == ("A", "B")


def test_the_quota_read_later_is_the_exact_fraction():
    """The usual call keeps the quota's terms and makes the Fraction when it is read: equal, the same type
    and repr, kept once made, and surviving a pickle round trip before and after the first reading."""
    votes = {"A": 100, "B": 80, "C": 5}
    general = _general(votes, 10, "hare", "7%")
    fast = _common_case(votes, 10, "hare", "7%", None, None)
    unread = pickle.loads(pickle.dumps(fast))
    assert fast.quota == general.quota == Fraction(18) and type(fast.quota) is Fraction
    assert fast.quota is fast.quota and repr(fast) == repr(general)
    assert unread == general and pickle.loads(pickle.dumps(fast)).quota == Fraction(18)
    assert attrs.asdict(fast) == attrs.asdict(general)
    assert attrs.evolve(fast, method="x").quota == Fraction(18)
    with pytest.raises(AttributeError, match="no attribute 'quotas'"):
        fast.quotas  # noqa: B018 - a misspelt field is still an AttributeError
    assert _common_case(votes, 10, "d_hondt", "7%", None, None).quota is None


def test_a_tie_break_spelt_out_as_order_is_the_default():
    votes = {"A": 100, "B": 80, "C": 5}
    spelt = "".join(["ord", "er"])  # noqa: FLY002 - the same text as another object, not the constant
    assert allocate(votes, 10, "hare", "7%", tie_break=spelt) == allocate(votes, 10, "hare", "7%")


def test_fast_path_agrees_on_a_fixed_sweep():
    """A fixed-seed sweep across the fast path's boundaries: tie-prone, small, large and huge counts, houses
    of 1 to 450 seats (more seats than parties, integer parts beyond the house), every method, thresholds of
    every kind. Wherever the fast path answers, it is the general path's answer in every field."""
    rng = random.Random(5)
    rules = [
        None, "7%", "0%", "1/3", "100%", Fraction(1, 20), Threshold(share=Fraction(1, 7), inclusive=False),
        Threshold(share=Fraction(1, 20), base="ballots_cast"),
        Threshold(share=Fraction(1, 20), base="valid_plus_against_all"),
    ]  # fmt: skip
    houses = [1, 2, 3, 7, 98, 450]
    answered = 0
    with mock.patch.object(allocation, "_general", lambda *args: None):
        fast_calls = []
        for _ in range(3_000):
            size, scale = rng.randint(1, 10), rng.choice([0, 1, 4, 8, 30])
            counts = [rng.randint(0, 10**scale) if scale else rng.choice([0, 1, 2, 5]) for _ in range(size)]
            votes = dict(zip(NAMES, counts, strict=False))
            seats = rng.choice([*houses, rng.randint(1, 300)])
            options = {"ballots_cast": sum(counts) + 7, "against_all": 7}
            call = (votes, seats, rng.choice(sorted(METHODS)), rng.choice(rules), options)
            fast_calls.append((call, allocate(*call[:4], **call[4])))
    for (votes, seats, method, rule, options), fast in fast_calls:
        if fast is not None:
            answered += 1
            assert fast == _general(votes, seats, method, rule, **options)
    assert answered >= 2_000, answered  # 2,237 of 3,000 when written
