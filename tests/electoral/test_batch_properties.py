"""Property tests: the vectorised batch path equals the exact path on every tie-free row, for every method."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral import METHODS, Threshold, allocate
from reformlab.electoral.batch import BATCH_METHODS, allocate_batch
from reformlab.errors import ReformlabError

SHARES = (None, Fraction(5, 100), Fraction(7, 100), Fraction(1, 3), Fraction(0))


def _small_votes(parties: int) -> st.SearchStrategy:
    """Tiny counts: many zeros, many equal values, more seats than votes."""
    return st.lists(st.integers(0, 6), min_size=parties, max_size=parties)


def _pooled_votes(parties: int) -> st.SearchStrategy:
    """Values drawn from a pool of three, scaled: equal votes and exact multiples (ties in every method)."""
    pool = st.lists(st.integers(1, 40), min_size=3, max_size=3)
    return st.tuples(pool, st.integers(1, 10**6)).flatmap(
        lambda p: st.lists(
            st.sampled_from([0, *p[0]]).map(lambda v: v * p[1]), min_size=parties, max_size=parties
        )
    )


def _near_ties(parties: int) -> st.SearchStrategy:
    """Huge multiples of small numbers plus tiny offsets: averages that differ in the 15th digit."""
    return st.tuples(
        st.integers(10**11, 10**13),
        st.lists(st.integers(1, 12), min_size=parties, max_size=parties),
        st.lists(st.integers(-2, 2), min_size=parties, max_size=parties),
    ).map(lambda t: [m * t[0] + d for m, d in zip(t[1], t[2])])


def _wide_votes(parties: int) -> st.SearchStrategy:
    return st.lists(st.integers(0, 10**7), min_size=parties, max_size=parties)


@st.composite
def elections(draw: st.DrawFn) -> tuple[np.ndarray, int, Fraction | None, np.ndarray | None, bool]:
    """A batch of elections sharing a party count, house size and threshold."""
    parties = draw(st.integers(1, 8))
    kind = draw(st.sampled_from([_small_votes, _pooled_votes, _near_ties, _wide_votes]))
    rows = draw(st.lists(kind(parties), min_size=1, max_size=10))
    votes = np.array(rows, dtype=np.int64)
    seats = draw(st.one_of(st.integers(1, 12), st.integers(13, 120)))
    share = draw(st.sampled_from(SHARES))
    base = None
    if share is not None and draw(st.booleans()):
        extra = draw(st.lists(st.integers(0, 10**6), min_size=len(rows), max_size=len(rows)))
        base = votes.sum(axis=1) + np.array(extra, dtype=np.int64)
    return votes, seats, share, base, draw(st.booleans())


def exact_row(votes: np.ndarray, seats: int, method: str, share, base, inclusive: bool):
    """The exact path on one row, or None where it refuses (no admitted party has votes)."""
    ballots = None if base is None else int(base)
    threshold = None
    if share is not None:
        threshold = Threshold(
            share=share, base="valid" if base is None else "ballots_cast", inclusive=inclusive
        )
    try:
        return allocate(dict(enumerate(votes.tolist())), seats, method, threshold, ballots_cast=ballots)
    except ReformlabError:
        return None


def test_batch_covers_every_registered_method():
    assert set(BATCH_METHODS) == set(METHODS)


@pytest.mark.parametrize("method", sorted(METHODS))
@given(elections())
def test_batch_equals_exact(method, election):
    votes, seats, share, base, inclusive = election
    batch = allocate_batch(votes, seats, method, threshold_share=share, base=base, inclusive=inclusive)
    assert batch.seats.shape == votes.shape and batch.seats.dtype == np.int64
    for row in range(len(votes)):
        exact = exact_row(votes[row], seats, method, share, None if base is None else base[row], inclusive)
        if exact is None:  # no admitted party has votes: the batch path gives no seats
            assert not batch.seats[row].any() and not batch.tie[row]
            continue
        assert bool(batch.tie[row]) == bool(exact.ties), (votes[row].tolist(), exact.ties)
        if not batch.tie[row]:
            assert batch.seats[row].tolist() == list(exact.seats.values()), votes[row].tolist()
