"""Choose the exact path for a game: fast counting (:mod:`reformlab.games.counting`), else enumeration."""

from __future__ import annotations

from reformlab.errors import ReformlabError
from reformlab.games import counting
from reformlab.games._enumerate import ENUMERATION_LIMIT, Profile, enumerate_profile
from reformlab.games._minimal import minimal_counts, weighted_minimal_winning
from reformlab.games.base import Game
from reformlab.games.composite import AndGame, AtLeastGame, OrGame
from reformlab.games.weighted import VectorWeightedGame, WeightedGame

COUNTING_FROM = 13  # below this many players, enumerating every coalition is as fast and gives every count
COUNTED = (WeightedGame, VectorWeightedGame, AndGame, OrGame, AtLeastGame)
MINIMAL_PROFILE_LIMIT = 100_000  # minimal winning coalitions listed one by one for Holler and Deegan-Packel
NEEDS = ("swings", "minimal", "critical")


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


def listed_minimal_profile(game: Game) -> Profile | None:
    """Counts of minimal winning coalitions of a weighted game of any size, listed one by one (or ``None``)."""
    if not isinstance(game, WeightedGame):
        return None
    masks = weighted_minimal_winning(list(game.weights.values()), game.quota, MINIMAL_PROFILE_LIMIT)
    if masks is None:
        return None
    per_player, total = minimal_counts(masks, len(game.players))
    return Profile(players=game.players, minimal=per_player, minimal_total=total)


def exact_profile(game: Game, *, needs: str = "swings", limit: int = ENUMERATION_LIMIT) -> Profile | None:
    """Exact counts for ``game``, or ``None`` when no exact path fits.

    Args:
        game: the game.
        needs: ``"swings"`` (swing counts by size and the winning count: Banzhaf, Penrose, Shapley-Shubik,
            Coleman), ``"minimal"`` (minimal winning coalitions: Holler, Deegan-Packel) or ``"critical"``
            (critical players of every winning coalition: Johnston).
        limit: most players to enumerate.
    """
    game.validate()
    n = len(game.players)
    if needs == "swings" and n >= COUNTING_FROM:
        profile = counted_profile(game)
        if profile is not None:
            return profile
    if n <= limit:
        return enumerate_profile(game, limit)
    if needs == "minimal":
        return listed_minimal_profile(game)
    return None
