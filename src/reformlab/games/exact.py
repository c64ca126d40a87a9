"""Choose the exact path for a game: fast counting for weighted games, else enumeration of coalitions."""

from __future__ import annotations

import importlib
from types import ModuleType

from reformlab.games import _gf
from reformlab.games._enumerate import ENUMERATION_LIMIT, Profile, enumerate_profile
from reformlab.games.base import Game
from reformlab.games.weighted import WeightedGame


def _counting() -> ModuleType | None:
    """The fast exact counting module, when it is installed (it is written separately)."""
    try:
        return importlib.import_module("reformlab.games.counting")
    except ImportError:
        return None


def _weighted_profile(game: WeightedGame) -> Profile | None:
    weights, quota = list(game.weights.values()), game.quota
    counting = _counting()
    if counting is not None and hasattr(counting, "weighted_swings_by_size"):
        swings = counting.weighted_swings_by_size(weights, quota)
        winning = counting.weighted_winning_count(weights, quota)
    elif _gf.gf_cost(weights, quota) <= _gf.GF_LIMIT:
        swings, winning = _gf.swings_by_size(weights, quota)
    else:
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
    if isinstance(game, WeightedGame) and not minimal and n > 12:
        profile = _weighted_profile(game)
        if profile is not None:
            return profile
    if n <= limit:
        return enumerate_profile(game, limit)
    return None
