"""Vectorised divisor (highest averages) apportionment for many elections at once, with an exact fix-up.

Arrays are laid out parties by elections (``[P, B]``), as in :mod:`reformlab.electoral._batch_quota`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reformlab.electoral._batch_quota import select_top
from reformlab.electoral.divisor import DIVISORS, Divisor

# A float priority is trusted only when the last seat won and the first seat lost differ by more than this
# relative margin; closer rows are settled again in exact rational arithmetic.
_RELATIVE_MARGIN = 1e-11


@dataclass(frozen=True)
class FloatShape:
    """How a divisor sequence grows, ``d(k) ~ slope * (k + offset)``; used only to guess a starting divisor.

    Args:
        slope: growth per seat.
        offset: where the sequence starts, in seats.
    """

    slope: float
    offset: float


SHAPES: dict[str, FloatShape] = {
    "d_hondt": FloatShape(1.0, 1.0),
    "sainte_lague": FloatShape(2.0, 0.5),
    "modified_sainte_lague": FloatShape(2.0, 0.5),
    "danish": FloatShape(3.0, 1.0 / 3.0),
    "imperiali": FloatShape(1.0, 2.0),
    "huntington_hill": FloatShape(1.0, 0.5),
    "adams": FloatShape(1.0, 0.0),
    "dean": FloatShape(1.0, 0.5),
}


# Stands in for a zero first divisor in float bids: ``votes / _ZERO`` is above every finite average and keeps
# the exact path's order among first seats (more votes first); zero votes still bid 0.
_ZERO = 1e-300


def divisor_table(divisor: Divisor, seats: int) -> np.ndarray:
    """``d(0) .. d(seats)`` as floats, a zero divisor replaced by a tiny one (see ``_ZERO``)."""
    powered = np.array([float(divisor.sequence(k)) for k in range(seats + 1)], dtype=np.float64)
    table = powered ** (1.0 / divisor.power) if divisor.power != 1 else powered
    return np.where(table == 0, _ZERO, table)


def _last_won(weights: np.ndarray, table: np.ndarray, seats: np.ndarray) -> np.ndarray:
    """The average each party won its last seat with (``inf`` for a party holding none: never the lowest)."""
    return np.where(seats > 0, weights / table[seats - 1], np.inf)


def _settle(weights: np.ndarray, table: np.ndarray, seats: np.ndarray, house: int) -> None:
    """Move seats one at a time until every election's seats sum to ``house`` (in place, float averages).

    A seat is added where the next average is highest, or taken back where the last one won was lowest.
    Parties without votes bid 0, below every party with votes, so they never gain a seat.
    """
    while True:
        missing = house - seats.sum(axis=0)
        short = np.flatnonzero(missing > 0)
        over = np.flatnonzero(missing < 0)
        if not len(short) and not len(over):
            return
        if len(short):
            best = (weights[:, short] / table[seats[:, short]]).argmax(axis=0)
            seats[best, short] += 1
        if len(over):
            worst = _last_won(weights[:, over], table, seats[:, over]).argmin(axis=0)
            seats[worst, over] -= 1


def _exact_row(divisor: Divisor, votes: list[int], seats: list[int], house: int) -> tuple[list[int], bool]:
    """Repair one election with the exact averages of the exact path, starting from a near-correct allocation.

    Seats move from the lowest winning average to the highest losing one until the first beats the second.
    Returns the seats and whether the last seat(s) are tied (the two are equal: the seat-by-seat exact path
    then meets more equal parties than seats left, and records a tie).
    """
    eligible = [i for i, v in enumerate(votes) if v > 0]
    seats = [s if votes[i] > 0 else 0 for i, s in enumerate(seats)]

    def won(i: int) -> tuple:
        return divisor.average(votes[i], seats[i] - 1)

    def bid(i: int) -> tuple:
        return divisor.average(votes[i], seats[i])

    while sum(seats) < house:
        seats[max(eligible, key=bid)] += 1
    while sum(seats) > house:
        seats[min((i for i in eligible if seats[i]), key=won)] -= 1
    while True:
        worst = min((i for i in eligible if seats[i]), key=won)
        best = max(eligible, key=bid)
        if won(worst) > bid(best):
            return seats, False
        if won(worst) == bid(best):
            return seats, True
        seats[worst] -= 1
        seats[best] += 1


def allocate_divisor(votes: np.ndarray, house: int, method: str) -> tuple[np.ndarray, np.ndarray]:
    """Divisor-method seats for every election (column) of ``votes`` (parties below threshold zeroed).

    Finds a common divisor per election from the vote total, counts seats from it, moves the few seats still
    off one at a time, then checks every election: the lowest winning average must beat the highest losing
    average by a safe float margin. Elections too close to call are redone with exact averages. For methods
    whose first divisor is 0 (Adams, Dean, Huntington-Hill), an election with at least as many voting parties
    as seats gives one seat each to the parties with most votes, as the exact path does.

    Args:
        votes: ``[P, B]`` non-negative int64 votes; zero means the party takes no part.
        house: seats to fill in every election.
        method: a divisor method name.

    Returns:
        ``(seats [P, B] int64, tie [B] bool)``; an election without votes gets no seats.
    """
    divisor, shape = DIVISORS[method], SHAPES[method]
    seats = np.zeros(votes.shape, dtype=np.int64)
    tie = np.zeros(votes.shape[1], dtype=bool)
    voting = (votes > 0).sum(axis=0)
    live = voting > 0
    if divisor.sequence(0) == 0:
        crowded = np.flatnonzero(voting >= house)
        chosen, tie[crowded] = select_top(
            votes[:, crowded], votes[:, crowded] > 0, np.full(len(crowded), house)
        )
        seats[:, crowded] = chosen
        live[crowded] = False
    columns = np.flatnonzero(live)
    if len(columns) < len(live):
        votes, voting = votes[:, columns], voting[columns]
    weights = votes.astype(np.float64)
    table = divisor_table(divisor, house)
    # d(k) ~ slope * (k + offset), so a party gets about votes / divisor - offset + 1/2 seats; this
    # divisor (in units of the slope) fills the house on average and _settle moves the few seats still off.
    effective = np.maximum(house + voting * (shape.offset - 0.5), 0.5)
    scaled = weights * (effective / weights.sum(axis=0))
    part = np.clip(np.ceil(scaled - shape.offset), 0, house).astype(np.int64)
    # Last averages won, through a table shifted by one seat: d(-1) = 0 makes a party without seats bid inf
    # (and a party without votes NaN, which fmin skips).
    shifted = np.concatenate([[0.0], table[:-1]])
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        _settle(weights, table, part, house)
        low = np.fmin.reduce(weights / shifted.take(part), axis=0)
        high = (weights / table.take(part)).max(axis=0)
    for column in np.flatnonzero(~(low > high * (1.0 + _RELATIVE_MARGIN))):
        part[:, column], tie[columns[column]] = _exact_row(
            divisor, votes[:, column].tolist(), part[:, column].tolist(), house
        )
    if len(columns) == seats.shape[1]:
        return part, tie
    seats[:, columns] = part
    return seats, tie
