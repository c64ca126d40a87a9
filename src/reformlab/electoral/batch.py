"""Seat allocation for many elections at once, vectorised; identical to the exact path on tie-free rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reformlab.electoral._batch_divisor import SHAPES, allocate_divisor
from reformlab.electoral._batch_quota import QUOTA_METHODS, allocate_quota
from reformlab.electoral.threshold import Threshold, parse_share
from reformlab.errors import ReformlabError, did_you_mean

BATCH_METHODS = QUOTA_METHODS + tuple(SHAPES)

# Products of votes with small integers (seat counts, share denominators) must stay inside int64.
_INT64_HEADROOM = 2**62


@dataclass(frozen=True)
class BatchAllocation:
    """Seats for ``B`` elections of ``P`` parties each.

    Attributes:
        seats: ``[B, P]`` int64 seats, parties in the column order of the votes.
        tie: ``[B]`` bool, True where the row hits an exact tie for the last seat(s). Such a row's seats are
            one valid outcome (ties resolved by column order, like the exact path's ``tie_break="order"``)
            but are not guaranteed to equal the exact path's; redo those rows with
            :func:`reformlab.electoral.allocate` and the tie-break rule the law names.
        passed: ``[B, P]`` bool, the parties admitted by the threshold.
    """

    seats: np.ndarray
    tie: np.ndarray
    passed: np.ndarray


def _check_votes(votes: np.ndarray) -> np.ndarray:
    """``votes`` as a ``[B, P]`` int64 array, or a :class:`ReformlabError` saying what is wrong."""
    array = np.asarray(votes)
    if array.ndim != 2:
        raise ReformlabError(
            f"batch votes must be a 2-D array [elections, parties], got {array.ndim} dimension(s)",
            field="votes",
            fix="stack the elections as rows, e.g. numpy.vstack(list_of_vote_rows)",
        )
    if array.size and not np.issubdtype(array.dtype, np.integer):
        raise ReformlabError(
            f"votes must be whole numbers, got dtype {array.dtype}",
            field="votes",
            fix="pass an integer array (votes.astype('int64') if the values are whole)",
        )
    array = array.astype(np.int64, copy=False)
    if array.size and array.min() < 0:
        raise ReformlabError("votes must not be negative", field="votes", fix="correct the negative counts")
    return array


def _admitted(
    columns: np.ndarray,
    threshold_share: Fraction | str | float | None,
    base: np.ndarray | None,
    inclusive: bool,
) -> np.ndarray:
    """Which parties pass the threshold, exactly in integers: ``votes * q >= p * base`` for a share ``p/q``.

    Args:
        columns: ``[P, B]`` int64 votes, one election per column.
        threshold_share: the share of ``base`` a party needs (a Fraction, or ``"7%"``, ``"7/100"``, ``0.07``
            read exactly), or None (every party passes).
        base: ``[B]`` denominators of the share (ballots cast, say); None means the vote totals.
        inclusive: True if reaching the share exactly is enough (``>=``), False if it must be exceeded.

    Returns:
        ``[P, B]`` bool.
    """
    if threshold_share is None:
        return np.ones(columns.shape, dtype=bool)
    share = parse_share(threshold_share, field="threshold_share")
    Threshold(share=share).validate()
    denominators = columns.sum(axis=0) if base is None else np.asarray(base, dtype=np.int64)
    if denominators.shape != (columns.shape[1],):
        raise ReformlabError(
            f"base must hold one number per election ({columns.shape[1]}), got shape {denominators.shape}",
            field="base",
            fix="pass base as a 1-D array with one denominator per row of votes",
        )
    largest = max(
        int(columns.max(initial=0)) * share.denominator, int(denominators.max(initial=0)) * share.numerator
    )
    if largest >= _INT64_HEADROOM:
        raise ReformlabError(
            "votes or base too large for the exact integer threshold test",
            field="threshold_share",
            fix="write the share with a smaller denominator, or use allocate() for these elections",
        )
    left = columns * share.denominator
    right = denominators * share.numerator
    return left >= right if inclusive else left > right


def allocate_batch(
    votes: np.ndarray,
    seats: int,
    method: str,
    *,
    threshold_share: Fraction | str | float | None = None,
    base: np.ndarray | None = None,
    inclusive: bool = True,
) -> BatchAllocation:
    """Allocate ``seats`` in each of ``B`` elections by ``method``, vectorised.

    Every registered method works. The threshold is applied first (an exact integer test, see
    :func:`_admitted`); parties below it take no part and get 0 seats. Quota methods then run wholly in int64
    arithmetic. Divisor methods run on float bids and check each row's margin (the lowest winning bid against
    the highest losing bid); a row whose margin is too thin for floats is redone in exact rational arithmetic.
    So every row without a tie equals :func:`reformlab.electoral.allocate` on the same votes.

    Edge cases: a row where no party passes, or where the admitted parties have no votes, gets all-zero seats
    (the exact path raises there instead). Parties with zero votes never win a seat. ``B = 0`` gives empty
    arrays.

    Args:
        votes: ``[B, P]`` non-negative integer votes, one election per row, parties in columns.
        seats: house size, the same in every row.
        method: a registered method name (see :data:`BATCH_METHODS`).
        threshold_share: share of ``base`` needed to take part (``Fraction(7, 100)``; ``"7%"`` and ``0.07``
            are read exactly), or None.
        base: ``[B]`` per-row denominators of the share; default: row sums.
        inclusive: True if reaching the share exactly passes.

    Returns:
        A :class:`BatchAllocation`.

    >>> batch = allocate_batch(np.array([[5621436, 518405, 498788], [10, 10, 0]]), 98, "hare")
    >>> batch.seats.tolist(), batch.tie.tolist()
    ([[83, 8, 7], [49, 49, 0]], [False, False])
    >>> allocate_batch(np.array([[3, 3]]), 1, "d_hondt").tie.tolist()
    [True]
    >>> allocate_batch(np.array([[93, 7, 0]]), 10, "d_hondt", threshold_share="7%").passed.tolist()
    [[True, True, False]]
    """
    array = _check_votes(votes)
    if isinstance(seats, bool) or not isinstance(seats, (int, np.integer)) or seats < 0:
        raise ReformlabError(f"seats must be a whole number >= 0, got {seats!r}", field="seats")
    seats = int(seats)
    if method not in BATCH_METHODS:
        raise ReformlabError(
            f"unknown allocation method {method!r}", field="method", fix=did_you_mean(method, BATCH_METHODS)
        )
    if int(array.max(initial=0)) * (seats + 2) >= _INT64_HEADROOM:
        raise ReformlabError(
            "votes too large for exact int64 arithmetic",
            field="votes",
            fix="use allocate() for elections with more than about 10**16 votes",
        )
    columns = np.ascontiguousarray(array.T)  # parties by elections: see _batch_quota
    passed = _admitted(columns, threshold_share, base, inclusive)
    if not columns.size or seats == 0:
        return BatchAllocation(np.zeros(array.shape, np.int64), np.zeros(len(array), bool), passed.T)
    contesting = np.where(passed, columns, 0)
    if method in SHAPES:
        result, tie = allocate_divisor(contesting, seats, method)
    else:
        result, tie = allocate_quota(contesting, seats, method, passed)
    return BatchAllocation(seats=np.ascontiguousarray(result.T), tie=tie, passed=passed.T)


def iter_allocate_batch(
    votes: np.ndarray | Iterable[np.ndarray],
    seats: int,
    method: str,
    *,
    chunk: int = 65536,
    threshold_share: Fraction | str | float | None = None,
    base: np.ndarray | Iterable[np.ndarray] | None = None,
    inclusive: bool = True,
) -> Iterator[BatchAllocation]:
    """:func:`allocate_batch` in chunks of at most ``chunk`` rows, so memory stays bounded for any ``B``.

    Args:
        votes: one ``[B, P]`` array (sliced into chunks), or an iterable of ``[b, P]`` arrays (a generator
            that draws or reads elections lazily; each is split further if longer than ``chunk``).
        seats, method, threshold_share, inclusive: as in :func:`allocate_batch`.
        chunk: most rows per allocation call.
        base: as in :func:`allocate_batch`: one array for array votes, an iterable of arrays (one per votes
            array) for iterable votes, or None.

    Yields:
        One :class:`BatchAllocation` per chunk, in order (nothing for no elections).

    >>> parts = iter_allocate_batch(np.array([[60, 40]] * 5), 10, "d_hondt", chunk=2)
    >>> [part.seats.shape[0] for part in parts]
    [2, 2, 1]
    """
    if isinstance(chunk, bool) or not isinstance(chunk, (int, np.integer)) or chunk < 1:
        raise ReformlabError(f"chunk must be a whole number >= 1, got {chunk!r}", field="chunk")
    if isinstance(votes, np.ndarray):
        pieces: Iterable = [(votes, base)]
    elif base is None:
        pieces = ((piece, None) for piece in votes)
    else:
        pieces = zip(votes, base, strict=True)
    for piece, piece_base in pieces:
        for start in range(0, len(piece), chunk):
            rows = slice(start, start + chunk)
            yield allocate_batch(
                piece[rows],
                seats,
                method,
                threshold_share=threshold_share,
                base=None if piece_base is None else np.asarray(piece_base)[rows],
                inclusive=inclusive,
            )
