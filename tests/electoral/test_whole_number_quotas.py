"""The whole-number quota and threshold paths agree with their Fraction definitions."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral import MinimumParties, allocate
from reformlab.electoral.quota import QUOTAS, quota_allocation, remainder_allocation
from reformlab.electoral.threshold import Threshold
from reformlab.electoral.ties import TieBreak
from reformlab.errors import ReformlabError

NAMES = [f"P{i}" for i in range(8)]
counts = st.one_of(
    st.lists(st.sampled_from([0, 1, 2, 3, 5, 10, 20]), min_size=1, max_size=8),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8),
)


@given(
    counts,
    st.integers(1, 120),
    st.sampled_from(sorted(QUOTAS)),
    st.integers(3, 6),
    st.lists(st.integers(0, 3), max_size=8),
    st.one_of(st.none(), st.sampled_from([Fraction(7, 10), Fraction(1), Fraction(1, 3), Fraction(5, 7)])),
    st.sampled_from(["order", "lot"]),
)
def test_whole_number_quotients_match_fraction_quotients(numbers, seats, name, size, floors, factor, rule):
    votes = dict(zip(NAMES, numbers, strict=False))
    minimum = {p: m for p, m in zip(NAMES, floors, strict=False) if p in votes and m}
    # a registered quota, or one that makes the quotients add up to between 2/3 and 4/3 of the seats, so
    # that too few and too many integer parts both occur
    if sum(numbers) and size == 6:
        quota = QUOTAS[name](sum(numbers), seats)
    else:
        quota = Fraction(sum(numbers) * size + 1, 4 * seats)
    correction = {p: factor for p in NAMES[1:2] if p in votes} if factor else {}
    quotients = {p: v * correction.get(p, 1) / quota for p, v in votes.items()}

    def outcome(allocation):
        try:
            return allocation()
        except ReformlabError as error:  # both paths must refuse the same inputs
            return type(error).__name__, str(error)

    lots = TieBreak(rule, seed=5)  # a fresh generator from the seed for every tie, so both paths draw alike
    whole = outcome(lambda: quota_allocation(votes, quota, seats, lots, minimum, correction))
    exact = outcome(lambda: remainder_allocation(quotients, seats, lots, minimum))
    assert whole == exact


@given(
    st.lists(st.integers(0, 10**6), min_size=1, max_size=8),
    st.fractions(min_value=0, max_value=Fraction(99, 100), max_denominator=10**4),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 50)),
    st.one_of(st.none(), st.integers(0, 3)),
    st.lists(st.integers(0, 4), max_size=8),
    st.integers(0, 10**4),
)
def test_threshold_in_whole_numbers_matches_the_share(
    numbers, share, inclusive, least, districts, wins, extra
):
    votes = dict(zip(NAMES, numbers, strict=False))
    district_wins = dict(zip(NAMES, wins, strict=False))
    rule = Threshold(share=share, votes=least, districts=districts, inclusive=inclusive)
    base = sum(votes.values()) + extra

    def passes(v: int, won: int) -> bool:  # the definition, in Fractions
        if districts is not None and won >= districts:
            return True
        need = share * base
        ok = v >= need if inclusive else v > need
        if least is not None:
            ok = ok and (v >= least if inclusive else v > least)
        return ok

    expected = tuple(p for p, v in votes.items() if passes(v, district_wins.get(p, 0)))
    assert tuple(rule.passing_votes(votes, base, district_wins)) == expected
    assert all(rule.passing_votes(votes, base, district_wins)[p] == votes[p] for p in expected)
    assert all(rule.passes(v, base, district_wins.get(p, 0)) == (p in expected) for p, v in votes.items())


def test_allocation_fields_hold_what_they_name():
    rule = Threshold(share=Fraction(7, 100), base="ballots_cast")
    votes = {"A": 900, "B": 60, "C": 40}
    result = allocate(votes, 10, "hare", rule, ballots_cast=1000, minimum_parties=MinimumParties())
    assert result.seats == {"A": 8, "B": 2, "C": 0}
    assert (result.method, result.votes, result.threshold) == ("hare", votes, rule)
    assert (result.quota, result.passed, result.ties) == (Fraction(96), ("A", "B"), ())
    assert (result.base_total, result.admitted_by_rule) == (1000, ("B",))
