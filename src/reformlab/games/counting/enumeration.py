"""Exact counts for a game by enumerating all 2^n coalitions (vectorised with numpy, for n up to ~22)."""

from __future__ import annotations

from fractions import Fraction

import attrs
import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.base import Game, all_coalitions
from reformlab.games.limits import ENUMERATION_CHUNK as _CHUNK
from reformlab.games.limits import ENUMERATION_LIMIT


@attrs.frozen
class Profile:
    """Exact counts every power index is computed from.

    Attributes:
        players: the game's players, in order.
        Each count is ``None`` when the path that produced the profile does not give it.

        winning: number of winning coalitions.
        swings: ``swings[i][k]`` counts coalitions ``S`` without player ``i``, ``|S| = k``, ``S`` losing and
            ``S + i`` winning (player ``i`` is a swing, or critical, in ``S + i``).
        minimal: ``minimal[i][s]`` counts minimal winning coalitions of size ``s`` that contain ``i``
            (``None`` when only the swing counts are known, e.g. from a generating function).
        minimal_total: ``minimal_total[s]`` counts minimal winning coalitions of size ``s``.
        johnston: per player, the sum over winning coalitions in which it is critical of 1 / (number of
            critical players there).
        vulnerable: number of winning coalitions with at least one critical player.
    """

    players: tuple[str, ...]
    winning: int | None = None
    swings: tuple[tuple[int, ...], ...] | None = None
    minimal: tuple[tuple[int, ...], ...] | None = None
    minimal_total: tuple[int, ...] | None = None
    johnston: tuple[Fraction, ...] | None = None
    vulnerable: int | None = None


def check_enumerable(game: Game, limit: int = ENUMERATION_LIMIT) -> None:
    """Raise a clear error when enumerating 2^n coalitions would be too slow."""
    n = len(game.players)
    if n > limit:
        raise ReformlabError(
            f"this game has {n} players; enumerating its 2^{n} coalitions is beyond the limit of {limit}",
            field="players",
            fix="use an index with a fast exact path (banzhaf, penrose, shapley, coleman), "
            "or allow Monte Carlo estimation (method='auto' or 'monte_carlo')",
        )


def winning_table(game: Game, limit: int = ENUMERATION_LIMIT) -> np.ndarray:
    """``table[mask]``: whether the coalition with bitmask ``mask`` wins (bit ``i`` = ``players[i]``)."""
    game.checked()
    check_enumerable(game, limit)
    n = len(game.players)
    size = 1 << n
    table = np.empty(size, dtype=bool)
    for start in range(0, size, _CHUNK):
        stop = min(size, start + _CHUNK)
        table[start:stop] = game._wins(all_coalitions(n, start, stop))
    return table


def _popcounts(n: int) -> np.ndarray:
    counts = np.zeros(1, dtype=np.uint8)
    for _ in range(n):
        counts = np.concatenate([counts, counts + 1])
    return counts


def enumerate_profile(game: Game, limit: int = ENUMERATION_LIMIT) -> Profile:
    """All exact counts of :class:`Profile`, by enumeration."""
    table = winning_table(game, limit)
    n = len(game.players)
    masks = np.arange(1 << n, dtype=np.int64)
    sizes = _popcounts(n)
    critical = []
    for i in range(n):
        has = (masks >> i & 1).astype(bool)
        critical.append(has & table & ~table[masks ^ (1 << i)])
    n_critical = np.sum(critical, axis=0, dtype=np.int64) if n else np.zeros(1, dtype=np.int64)
    minimal_mask = table & (n_critical == sizes)
    swings, minimal, johnston = [], [], []
    for i in range(n):
        # a swing coalition S (without i) has size |S + i| - 1
        swings.append(tuple(int(c) for c in np.bincount(sizes[critical[i]] - 1, minlength=n)[:n]))
        minimal.append(tuple(int(c) for c in np.bincount(sizes[minimal_mask & critical[i]], minlength=n + 1)))
        by_critical = np.bincount(n_critical[critical[i]], minlength=n + 1)
        johnston.append(sum((Fraction(int(c), k) for k, c in enumerate(by_critical) if k and c), Fraction(0)))
    return Profile(
        players=game.players,
        winning=int(table.sum()),
        swings=tuple(swings),
        minimal=tuple(minimal),
        minimal_total=tuple(int(c) for c in np.bincount(sizes[minimal_mask], minlength=n + 1)),
        johnston=tuple(johnston),
        vulnerable=int((n_critical > 0).sum()),
    )
