"""Monte Carlo estimates of power indices for games too large for the exact path (seeded, with a 95% CI).

Each registered index (:class:`~reformlab.games.indices.PowerIndex`) names what it samples and its statistic over the
sample: swing-based indices (Penrose, Banzhaf, Coleman) and the coalition-based ones (Holler, Deegan-Packel,
Johnston) sample coalitions uniformly (each player joins with probability 1/2) and flip each player in and
out; Shapley-Shubik samples orderings of the players and finds the pivot by bisection (assuming the game is
monotone). Each kind of sample is drawn once for all the indices asked. Each estimate is a ratio of sample sums, kept exact as a Fraction; the confidence interval
comes from 20 batch means (normal approximation).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.base import Game
from reformlab.games.limits import SAMPLE_CELLS_LIMIT
from reformlab.games.result import GAME_KEY, PowerResult

BATCHES = 20
DEFAULT_SEED = 0


def generator(seed: int | None = None, rng: np.random.Generator | None = None) -> np.random.Generator:
    """The random generator from ``seed`` or ``rng`` (never both); a fixed seed when neither is given."""
    if seed is not None and rng is not None:
        raise ReformlabError("give seed or rng, not both", field="seed")
    if rng is not None:
        if not isinstance(rng, np.random.Generator):
            raise ReformlabError(
                f"rng must be a numpy.random.Generator, got {type(rng).__name__}", field="rng"
            )
        return rng
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise ReformlabError(f"the seed must be a whole number >= 0, got {seed!r}", field="seed")
    return np.random.default_rng(DEFAULT_SEED if seed is None else seed)


def _flips(game: Game, members: np.ndarray) -> np.ndarray:
    """``out[r, i]``: whether coalition ``r`` with player ``i`` toggled wins."""
    out = np.empty(members.shape, dtype=bool)
    for i in range(members.shape[1]):
        toggled = members.copy()
        toggled[:, i] = ~toggled[:, i]
        out[:, i] = game._wins(toggled)
    return out


@dataclass(frozen=True)
class CoalitionSample:
    """Random coalitions (each player joins with probability 1/2), each player flipped in and out.

    Attributes:
        members: ``m x n``, who is in each sampled coalition.
        win: whether each coalition wins.
        swing: ``[r, i]``: ``i`` turns coalition ``r`` (taken without ``i``) from losing to winning.
        critical: ``[r, i]``: ``i`` is a member of the winning coalition ``r`` whose leaving makes it lose.
        n_critical: critical members of each coalition.
        size: members of each coalition.
        minimal: whether each coalition wins minimally (every member critical).
        ones: a column of ones (unit divisors and denominators).
    """

    members: np.ndarray
    win: np.ndarray
    swing: np.ndarray
    critical: np.ndarray
    n_critical: np.ndarray
    size: np.ndarray
    minimal: np.ndarray
    ones: np.ndarray


@dataclass(frozen=True)
class OrderingSample:
    """Random orderings of the players; ``pivots[r, i]``: ``i`` turns the coalition of those before it winning."""

    pivots: np.ndarray
    ones: np.ndarray


def coalition_sample(game: Game, samples: int, rng: np.random.Generator) -> CoalitionSample:
    """Draw ``samples`` coalitions and flip each player (``n + 1`` evaluations of the game per coalition)."""
    members = rng.random((samples, len(game.players))) < 0.5
    win = game._wins(members)
    toggled = _flips(game, members)
    with_i = np.where(members, win[:, None], toggled)
    without_i = np.where(members, toggled, win[:, None])
    critical = members & win[:, None] & ~toggled
    n_critical = critical.sum(axis=1)
    size = members.sum(axis=1)
    return CoalitionSample(
        members=members,
        win=win,
        swing=with_i & ~without_i,
        critical=critical,
        n_critical=n_critical,
        size=size,
        minimal=win & (n_critical == size),
        ones=np.ones(samples, dtype=np.int64),
    )


def ordering_sample(game: Game, samples: int, rng: np.random.Generator) -> OrderingSample:
    """Draw ``samples`` orderings and find each one's pivot by bisection (the game must be monotone)."""
    n = len(game.players)
    ends = game._wins(np.array([[False] * n, [True] * n]))
    if ends[0] or not ends[1]:
        raise ReformlabError(
            "the Shapley-Shubik index needs a losing empty coalition and a winning grand coalition"
        )
    order = np.argsort(rng.random((samples, n)), axis=1)
    rank = np.argsort(order, axis=1)
    low, high = np.zeros(samples, dtype=np.int64), np.full(samples, n, dtype=np.int64)
    while np.any(high - low > 1):
        middle = (low + high) // 2
        wins = game._wins(rank < middle[:, None])
        high, low = np.where(wins, middle, high), np.where(wins, low, middle)
    pivots = np.zeros((samples, n), dtype=bool)
    pivots[np.arange(samples), order[np.arange(samples), high - 1]] = True
    return OrderingSample(pivots=pivots, ones=np.ones(samples, dtype=np.int64))


_SAMPLERS = {"coalitions": coalition_sample, "orderings": ordering_sample}  # drawn in this order


def _exact_sum(flags: np.ndarray, divisors: np.ndarray) -> list[Fraction]:
    """Column sums of ``flags[r, i] / divisors[r]``, exactly."""
    totals = [Fraction(0)] * flags.shape[1]
    for divisor in np.unique(divisors):
        counts = flags[divisors == divisor].sum(axis=0)
        totals = [t + Fraction(int(c), int(divisor)) for t, c in zip(totals, counts, strict=True)]
    return totals


def _interval(
    numerator: np.ndarray, divisors: np.ndarray, denominator: np.ndarray
) -> list[tuple[float, float]]:
    """95% intervals from batch ratios (normal approximation over :data:`BATCHES` batches)."""
    share = numerator / divisors[:, None]
    estimates = []
    for rows in np.array_split(np.arange(len(denominator)), BATCHES):
        below = denominator[rows].sum()
        if below:
            estimates.append(share[rows].sum(axis=0) / below)
    if len(estimates) < 2:
        return [(0.0, 1.0)] * numerator.shape[1]
    estimates = np.array(estimates)
    centre = share.sum(axis=0) / max(denominator.sum(), 1)
    half = 1.96 * estimates.std(axis=0, ddof=1) / np.sqrt(len(estimates))
    return [(float(c - h), float(c + h)) for c, h in zip(centre, half, strict=True)]


def estimate(
    game: Game, records: list, *, samples: int = 20_000, seed: int | None = None, rng=None
) -> dict[str, PowerResult]:
    """Monte Carlo estimates on ``game`` of the indices ``records`` (their registry records; see the module
    docstring): each kind of sample they name is drawn once, then each record's estimator reads it."""
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2 * BATCHES:
        raise ReformlabError(
            f"samples must be a whole number >= {2 * BATCHES}, got {samples!r}", field="samples"
        )
    game.checked()
    cells = samples * max(len(game.players), 1)
    if cells > SAMPLE_CELLS_LIMIT:
        raise ReformlabError(
            f"{samples:,} samples of {len(game.players)} players need {cells:,} coalition cells, "
            f"over the limit of {SAMPLE_CELLS_LIMIT:,}",
            field="samples",
            fix=f"ask for at most {SAMPLE_CELLS_LIMIT // max(len(game.players), 1):,} samples",
        )
    generator_ = generator(seed, rng)
    drawn = {
        kind: sampler(game, samples, generator_)
        for kind, sampler in _SAMPLERS.items()
        if any(record.sampling == kind for record in records)
    }
    statistics = {record.name: record.estimator(drawn[record.sampling]) for record in records}
    results = {}
    for record in records:
        name = record.name
        numerator, divisors, denominator = statistics[name]
        below = int(denominator.sum())
        if not below:
            raise ReformlabError(
                f"{name}: no sampled coalition counted towards the index in {samples} samples",
                field="samples",
                fix="draw more samples, or check that the game has winning and losing coalitions",
            )
        keys = list(game.players) if record.per_player else [GAME_KEY]
        values = [total / below for total in _exact_sum(numerator, divisors)]
        intervals = _interval(numerator, divisors, denominator)
        results[name] = PowerResult(
            name,
            dict(zip(keys, values, strict=True)),
            "monte_carlo",
            ci=dict(zip(keys, intervals, strict=True)),
            samples=samples,
        )
    return results
