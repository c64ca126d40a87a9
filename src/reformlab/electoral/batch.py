"""Seat allocation for many elections at once, vectorised; identical to the exact path on tie-free rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reformlab.electoral._batch_divisor import SHAPES, allocate_divisor
from reformlab.electoral._batch_quota import QUOTA_METHODS, allocate_quota
from reformlab.electoral.threshold import Threshold, parse_share
from reformlab.errors import ReformlabError, unknown_name

BATCH_METHODS = QUOTA_METHODS + tuple(SHAPES)

# Products of votes with small integers (seat counts, share denominators) must stay inside int64.
_INT64_HEADROOM = 2**62
# Elections are allocated in blocks of about this many votes entries: each temporary array stays under
# 100 KB, below the C allocator's default 128 KB mmap threshold, so freed memory is reused instead of being
# handed back to the system and faulted in again (about 1.5x faster on 10,000 elections of 8 parties).
_BLOCK_VALUES = 12_288


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


def _share_and_base(
    array: np.ndarray, threshold_share: Fraction | str | float | None, base: np.ndarray | None
) -> tuple[Fraction | None, np.ndarray | None]:
    """The threshold share read exactly and validated, and ``base`` as int64 ``[B]``; checks int64 headroom."""
    if threshold_share is None:
        return None, None
    share = parse_share(threshold_share, field="threshold_share")
    Threshold(share=share).validate()
    if base is not None:
        base = np.asarray(base, dtype=np.int64)
        if base.shape != (len(array),):
            raise ReformlabError(
                f"base must hold one number per election ({len(array)}), got shape {base.shape}",
                field="base",
                fix="pass base as a 1-D array with one denominator per row of votes",
            )
    most = int(array.max(initial=0))
    denominator = most * array.shape[1] if base is None else int(base.max(initial=0))
    if max(most * share.denominator, denominator * share.numerator) >= _INT64_HEADROOM:
        raise ReformlabError(
            "votes or base too large for the exact integer threshold test",
            field="threshold_share",
            fix="write the share with a smaller denominator, or use allocate() for these elections",
        )
    return share, base


def _admitted(
    columns: np.ndarray, share: Fraction | None, base: np.ndarray | None, inclusive: bool
) -> np.ndarray:
    """Which parties pass the threshold, exactly in integers: ``votes * q >= p * base`` for a share ``p/q``.

    Args:
        columns: ``[P, B]`` int64 votes, one election per column.
        share: the share of ``base`` a party needs, or None (every party passes).
        base: ``[B]`` denominators of the share (ballots cast, say); None means the vote totals.
        inclusive: True if reaching the share exactly is enough (``>=``), False if it must be exceeded.

    Returns:
        ``[P, B]`` bool.
    """
    if share is None:
        return np.ones(columns.shape, dtype=bool)
    denominators = columns.sum(axis=0) if base is None else base
    left = columns * share.denominator
    right = denominators * share.numerator
    return left >= right if inclusive else left > right


def _allocate_block(
    rows: np.ndarray,
    seats: int,
    method: str,
    share: Fraction | None,
    base: np.ndarray | None,
    inclusive: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One block of elections, already validated: ``(seats [b, P], tie [b], passed [b, P])``."""
    columns = np.ascontiguousarray(rows.T)  # parties by elections: see _batch_quota
    passed = _admitted(columns, share, base, inclusive)
    if method in SHAPES:
        result, tie = allocate_divisor(np.where(passed, columns, 0), seats, method)
    else:
        result, tie = allocate_quota(np.where(passed, columns, 0), seats, method, passed)
    return result.T, tie, passed.T


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
        raise unknown_name("allocation method", method, BATCH_METHODS, field="method")
    if int(array.max(initial=0)) * (seats + 2) >= _INT64_HEADROOM:
        raise ReformlabError(
            "votes too large for exact int64 arithmetic",
            field="votes",
            fix="use allocate() for elections with more than about 10**16 votes",
        )
    share, base = _share_and_base(array, threshold_share, base)
    result = np.zeros(array.shape, dtype=np.int64)
    tie = np.zeros(len(array), dtype=bool)
    passed = np.ones(array.shape, dtype=bool)
    if seats == 0 or not array.shape[1]:
        return BatchAllocation(result, tie, passed)
    step = max(64, _BLOCK_VALUES // array.shape[1])
    for start in range(0, len(array), step):
        rows = slice(start, start + step)
        result[rows], tie[rows], passed[rows] = _allocate_block(
            array[rows], seats, method, share, None if base is None else base[rows], inclusive
        )
    return BatchAllocation(result, tie, passed)


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
