"""Choose the exact path for a game: fast counting (:mod:`reformlab.games.counting`), else enumeration."""

from __future__ import annotations

from reformlab.errors import ReformlabError
from reformlab.games import counting
from reformlab.games._enumerate import ENUMERATION_LIMIT, Profile, enumerate_profile
from reformlab.games.base import Game
from reformlab.games.composite import AndGame, AtLeastGame, OrGame
from reformlab.games.weighted import VectorWeightedGame, WeightedGame

COUNTING_FROM = 13  # below this many players, enumerating every coalition is as fast and gives every count
COUNTED = (WeightedGame, VectorWeightedGame, AndGame, OrGame, AtLeastGame)


def counted_profile(game: Game) -> Profile | None:
    """Swing counts by size and the winning count from the counting algorithms, or ``None`` if none fits.

    Weighted, vector-weighted and AND / OR / at-least compositions of them qualify (blocs, compound,
    minimal-winning and predicate games do not).
    """
    if not isinstance(game, COUNTED):
        return None
    try:
        if isinstance(game, WeightedGame):
            n = len(game.players)
            swings, winning = counting.sized_swings_by_size(list(game.weights.values()), [game.quota] * (n + 1))
        else:
            swings, winning = counting.rule_swings_by_size(counting.rule_from_game(game), len(game.players))
    except ReformlabError:  # no counting path fits this game: enumeration or Monte Carlo decide
        return None
    return Profile(players=game.players, winning=int(winning), swings=tuple(tuple(map(int, s)) for s in swings))


def exact_profile(game: Game, *, minimal: bool, limit: int = ENUMERATION_LIMIT) -> Profile | None:
    """Exact counts for ``game``, or ``None`` when no exact path fits.

    Args:
        game: the game.
        minimal: whether counts over minimal winning coalitions (Holler, Deegan-Packel) and critical sets
            (Johnston) are needed; these need enumeration.
        limit: most players to enumerate.
    """
    game.validate()
    n = len(game.players)
    if not minimal and n >= COUNTING_FROM:
        profile = counted_profile(game)
        if profile is not None:
            return profile
    if n <= limit:
        return enumerate_profile(game, limit)
    return None
