"""The batch path's edge cases, input errors and chunking."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from reformlab.electoral.batch import BATCH_METHODS, BatchAllocation, allocate_batch, iter_allocate_batch
from reformlab.errors import ReformlabError


@pytest.mark.parametrize("method", BATCH_METHODS)
def test_no_elections_gives_empty_arrays(method):
    batch = allocate_batch(np.zeros((0, 5), dtype=np.int64), 10, method, threshold_share=Fraction(7, 100))
    assert batch.seats.shape == (0, 5) and batch.seats.dtype == np.int64
    assert batch.tie.shape == (0,) and batch.tie.dtype == bool


@pytest.mark.parametrize("method", BATCH_METHODS)
def test_rows_without_admitted_votes_get_no_seats(method):
    votes = np.array([[0, 0, 0], [10, 10, 10], [100, 0, 0]])
    base = np.array([0, 1000, 100])  # row 1: nobody reaches 7% of 1000 ballots
    batch = allocate_batch(votes, 5, method, threshold_share=Fraction(7, 100), base=base)
    assert batch.seats[:2].tolist() == [[0, 0, 0], [0, 0, 0]]
    assert batch.seats[2].tolist() == [5, 0, 0]
    assert not batch.tie.any()


@pytest.mark.parametrize("method", BATCH_METHODS)
def test_one_party_with_all_votes_takes_every_seat(method):
    votes = np.array([[0, 1_234_567, 0, 0], [1_000_000, 0, 0, 0], [0, 0, 0, 7]])
    assert allocate_batch(votes, 450, method).seats.sum(axis=1).tolist() == [450, 450, 450]
    assert allocate_batch(votes, 450, method).seats.max(axis=1).tolist() == [450, 450, 450]


def test_threshold_is_exact_at_the_boundary():
    votes = np.array([[93, 7]])
    assert allocate_batch(votes, 10, "hare", threshold_share=Fraction(7, 100)).seats.tolist() == [[9, 1]]
    strict = allocate_batch(votes, 10, "hare", threshold_share=Fraction(7, 100), inclusive=False)
    assert strict.seats.tolist() == [[10, 0]]
    assert strict.passed.tolist() == [[True, False]]


@pytest.mark.parametrize("share", ["7%", "7/100", 0.07, Fraction(7, 100)])
def test_shares_are_read_exactly(share):
    batch = allocate_batch(np.array([[93, 7]]), 10, "hare", threshold_share=share, inclusive=True)
    assert batch.passed.tolist() == [[True, True]]


def test_share_of_one_or_more_is_refused():
    with pytest.raises(ReformlabError):
        allocate_batch(np.array([[93, 7]]), 10, "hare", threshold_share=Fraction(1))


def test_seats_zero_gives_no_seats():
    assert allocate_batch(np.array([[5, 3]]), 0, "d_hondt").seats.tolist() == [[0, 0]]


@pytest.mark.parametrize(
    ("votes", "seats", "method", "field"),
    [
        (np.array([1, 2, 3]), 5, "hare", "votes"),
        (np.array([[1.5, 2.0]]), 5, "hare", "votes"),
        (np.array([[-1, 2]]), 5, "hare", "votes"),
        (np.array([[1, 2]]), -1, "hare", "seats"),
        (np.array([[1, 2]]), 5, "dhondt", "method"),
        (np.array([[10**18, 2]]), 5, "hare", "votes"),
    ],
)
def test_bad_input_raises_a_user_error(votes, seats, method, field):
    with pytest.raises(ReformlabError) as caught:
        allocate_batch(votes, seats, method)
    assert caught.value.field == field


def test_base_of_the_wrong_shape_raises():
    with pytest.raises(ReformlabError, match="one number per election"):
        allocate_batch(np.array([[1, 2]]), 5, "hare", threshold_share=Fraction(1, 10), base=np.array([3, 3]))


@pytest.mark.parametrize("method", ["hare", "d_hondt", "huntington_hill"])
def test_chunks_equal_one_call(method):
    rng = np.random.default_rng(7)
    votes = rng.integers(0, 10_000, size=(1000, 6))
    base = votes.sum(axis=1) + rng.integers(0, 500, size=1000)
    whole = allocate_batch(votes, 50, method, threshold_share=Fraction(5, 100), base=base)
    parts = list(
        iter_allocate_batch(votes, 50, method, chunk=300, threshold_share=Fraction(5, 100), base=base)
    )
    assert [len(p.tie) for p in parts] == [300, 300, 300, 100]
    assert np.array_equal(np.vstack([p.seats for p in parts]), whole.seats)
    lazy = iter_allocate_batch(
        (votes[i : i + 250] for i in range(0, 1000, 250)),
        50,
        method,
        chunk=200,
        threshold_share=Fraction(5, 100),
        base=(base[i : i + 250] for i in range(0, 1000, 250)),
    )
    assert np.array_equal(np.vstack([p.seats for p in lazy]), whole.seats)


def test_chunk_must_be_positive():
    with pytest.raises(ReformlabError):
        next(iter_allocate_batch(np.array([[1, 2]]), 5, "hare", chunk=0))


def test_result_is_a_frozen_value():
    batch = allocate_batch(np.array([[60, 40]]), 10, "sainte_lague")
    assert isinstance(batch, BatchAllocation)
    with pytest.raises(AttributeError):
        batch.seats = None


def test_the_streaming_entry_point_is_exported():
    from reformlab import electoral

    assert electoral.iter_allocate_batch is iter_allocate_batch
    assert "iter_allocate_batch" in electoral.__all__
