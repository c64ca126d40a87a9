"""The whole-number quota and threshold paths agree with their Fraction definitions."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral.allocation import _quotients_over
from reformlab.electoral.quota import QUOTAS, remainder_allocation, remainder_allocation_over
from reformlab.electoral.threshold import Threshold
from reformlab.electoral.ties import TieBreak

NAMES = [f"P{i}" for i in range(8)]
counts = st.one_of(
    st.lists(st.sampled_from([0, 1, 2, 3, 5, 10, 20]), min_size=1, max_size=8),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8),
)


@given(
    counts,
    st.integers(3, 6),
    st.integers(1, 120),
    st.lists(st.integers(0, 3), max_size=8),
    st.sampled_from(["order", "lot"]),
)
def test_remainders_over_a_denominator_match_fraction_quotients(numbers, size, seats, floors, rule):
    numerators = dict(zip(NAMES, numbers, strict=False))
    # quotients adding up to between 2/3 and 4/3 of the seats: too few and too many integer parts both occur
    denominator = max(1, sum(numbers) * size // (4 * seats))
    minimum = {p: m for p, m in zip(NAMES, floors, strict=False) if p in numerators and m}
    fractions = {p: Fraction(n, denominator) for p, n in numerators.items()}

    def run(allocate, *head):
        try:
            return allocate(*head, seats, TieBreak(rule, seed=5), minimum)
        except Exception as error:  # both paths must refuse the same inputs
            return type(error).__name__, str(error)

    assert run(remainder_allocation_over, numerators, denominator) == run(remainder_allocation, fractions)


@given(
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8).filter(any),
    st.integers(1, 200),
    st.sampled_from(sorted(QUOTAS)),
    st.sampled_from([Fraction(7, 10), Fraction(1), Fraction(1, 3), Fraction(5, 7)]),
    st.integers(0, 7),
)
def test_quotients_over_one_denominator(numbers, seats, name, factor, corrected):
    admitted = dict(zip(NAMES, numbers, strict=False))
    quota = QUOTAS[name](sum(admitted.values()), seats)
    correction = {p: factor for p in NAMES[corrected : corrected + 1] if p in admitted}
    numerators, denominator = _quotients_over(admitted, quota, correction)
    for party, votes in admitted.items():
        assert Fraction(numerators[party], denominator) == votes * correction.get(party, 1) / quota


@given(
    st.lists(st.integers(0, 10**6), min_size=1, max_size=8),
    st.fractions(min_value=0, max_value=Fraction(99, 100), max_denominator=10**4),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 50)),
    st.one_of(st.none(), st.integers(0, 3)),
    st.lists(st.integers(0, 4), max_size=8),
    st.integers(0, 10**4),
)
def test_threshold_in_whole_numbers_matches_the_share(numbers, share, inclusive, least, districts, wins, extra):
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
    assert rule.passing(votes, base, district_wins) == expected
    assert all(rule.passes(v, base, district_wins.get(p, 0)) == (p in expected) for p, v in votes.items())
