"""Questions about a game: dictator, veto and dummy players, minimal winning coalitions, counts, witnesses.

Queries that look at the whole game assume it is monotone (a superset of a winning coalition wins), as
every game built from weighted, vector, AND / OR / at-least and minimal-winning parts is.
"""

from __future__ import annotations

import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.counting.enumeration import ENUMERATION_LIMIT, _popcounts, check_enumerable, winning_table
from reformlab.games.counting.minimal_winning import weighted_minimal_winning
from reformlab.games.base import Game
from reformlab.games.composite import MinimalWinningGame
from reformlab.games.exact_path import exact_profile
from reformlab.games.limits import LISTED_COALITIONS as MINIMAL_LIMIT
from reformlab.games.weighted import WeightedGame


def _grand_minus_each(game: Game) -> tuple[bool, np.ndarray]:
    n = len(game.players)
    rows = ~np.eye(n, dtype=bool)
    return bool(game.wins(np.ones((1, n), dtype=bool))[0]), game.wins(rows)


def veto_players(game: Game) -> tuple[str, ...]:
    """Players in every winning coalition: without them the grand coalition loses.

    >>> from reformlab.games import WeightedGame
    >>> veto_players(WeightedGame({"A": 50, "B": 30, "C": 20}, quota=60))
    ('A',)
    """
    grand, without = _grand_minus_each(game)
    if not grand:
        return ()
    return tuple(name for name, wins in zip(game.players, without, strict=True) if not wins)


def dictator(game: Game) -> str | None:
    """The player who wins alone and is needed in every winning coalition, or ``None``."""
    alone = game.wins(np.eye(len(game.players), dtype=bool))
    for name in veto_players(game):
        if alone[game.players.index(name)]:
            return name
    return None


def dummy_players(game: Game, *, limit: int = ENUMERATION_LIMIT) -> tuple[str, ...]:
    """Players who are never a swing: adding them to a losing coalition never makes it win."""
    profile = exact_profile(game, limit=limit)
    if profile is None:
        check_enumerable(game, limit)
    return tuple(name for name, row in zip(game.players, profile.swings, strict=True) if not any(row))


def count_winning(game: Game, *, limit: int = ENUMERATION_LIMIT) -> int:
    """The number of winning coalitions (exact; weighted games use generating functions past ``limit``)."""
    profile = exact_profile(game, limit=limit)
    if profile is None:
        check_enumerable(game, limit)
    return profile.winning


def _sorted(game: Game, coalitions) -> list[frozenset[str]]:
    position = {name: i for i, name in enumerate(game.players)}
    return sorted(coalitions, key=lambda c: (len(c), sorted(position[name] for name in c)))


def minimal_winning_coalitions(
    game: Game, *, max_coalitions: int = MINIMAL_LIMIT, limit: int = ENUMERATION_LIMIT
) -> list[frozenset[str]]:
    """Winning coalitions every proper subset of which loses, smallest first.

    Weighted games are listed directly for any number of players; other games are enumerated (up to
    ``limit`` players). Raises :class:`ReformlabError` when there are more than ``max_coalitions`` of them.

    >>> from reformlab.games import WeightedGame
    >>> [sorted(c) for c in minimal_winning_coalitions(WeightedGame({"A": 2, "B": 1, "C": 1}, quota=3))]
    [['A', 'B'], ['A', 'C']]
    """
    game.checked()
    if isinstance(game, MinimalWinningGame):
        given = {frozenset(c) for c in game.coalitions}
        found = [c for c in given if not any(other < c for other in given)]
    elif isinstance(game, WeightedGame):  # listed directly, for any number of players
        masks = weighted_minimal_winning(list(game.weights.values()), game.quota, max_coalitions)
        found = [None] * (max_coalitions + 1) if masks is None else [game.coalition(mask) for mask in masks]
    else:
        table = winning_table(game, limit)
        masks = np.arange(table.size, dtype=np.int64)
        minimal = table.copy()
        for i in range(len(game.players)):
            has = (masks >> i & 1).astype(bool)
            minimal &= ~has | ~table[masks ^ (1 << i)]
        chosen = np.flatnonzero(minimal)
        if chosen.size > max_coalitions:
            found = [None] * chosen.size
        else:
            found = [game.coalition(int(mask)) for mask in chosen]
    if len(found) > max_coalitions:
        raise ReformlabError(
            f"the game has more than {max_coalitions} minimal winning coalitions (the bound)",
            field="max_coalitions",
            fix="raise max_coalitions, or ask for their number or a witness instead",
        )
    return _sorted(game, found)


def smallest_winning_coalition(game: Game, *, limit: int = ENUMERATION_LIMIT) -> frozenset[str] | None:
    """A witness: a winning coalition with as few players as possible (``None`` if nothing wins).

    Weighted games take the heaviest players first (exact for any size); other games are enumerated.

    >>> from reformlab.games import WeightedGame
    >>> sorted(smallest_winning_coalition(WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51)))
    ['A', 'B']
    """
    game.checked()
    if isinstance(game, WeightedGame):
        total, chosen = 0, []
        for name, weight in sorted(game.weights.items(), key=lambda item: -item[1]):
            total += weight
            chosen.append(name)
            if total >= game.quota:
                return frozenset(chosen)
        return None
    if isinstance(game, MinimalWinningGame):
        return _sorted(game, [frozenset(c) for c in game.coalitions])[0]
    table = winning_table(game, limit)
    if not table.any():
        return None
    sizes = np.where(table, _popcounts(len(game.players)), 255)
    return game.coalition(int(np.argmin(sizes)))
