"""Choose the exact path for a game: counting by generating functions when it fits, else enumeration.

Paths by the counts an index needs (n = number of players):

* swings (Banzhaf, Penrose, Shapley-Shubik, Coleman): :mod:`~reformlab.games.counting` for weighted,
  vector-weighted, minimal-winning and bloc games and AND / OR / at-least compositions of them; else
  enumeration up to n = 22.
* minimal winning coalitions (Holler, Deegan-Packel): enumeration up to n = 22; weighted games (and blocs of
  them) at any n by :mod:`~reformlab.games.counting.minimal_winning`.
* critical sets (Johnston): enumeration up to n = 22; weighted games at any n by
  :mod:`~reformlab.games.counting.critical_players`.

Each counting path has a cost bound; past it, :func:`exact_profile` returns ``None`` and the caller decides
(Monte Carlo, or an error when only the exact path is allowed).
"""

from __future__ import annotations

from reformlab.errors import ReformlabError
from reformlab.games import counting
from reformlab.games.counting.enumeration import Profile, enumerate_profile
from reformlab.games.counting.critical_players import johnston_cost, johnston_sums
from reformlab.games.counting.minimal_winning import (
    gf_cost,
    minimal_counts,
    minimal_counts_by_size,
    weighted_minimal_winning,
)
from reformlab.games.base import Game
from reformlab.games.composite import AndGame, AtLeastGame, BlocGame, MinimalWinningGame, OrGame
from reformlab.games.limits import (
    COUNTING_FROM,
    ENUMERATION_LIMIT,
    JOHNSTON_COST_LIMIT,
    MINIMAL_COST_LIMIT,
    MINIMAL_LIST_LIMIT,
)
from reformlab.games.weighted import VectorWeightedGame, WeightedGame


def _merged(game: WeightedGame, owner: dict[str, str]) -> WeightedGame:
    if not owner:
        return game
    weights: dict[str, int] = {}
    for name, weight in game.weights.items():
        weights[owner.get(name, name)] = weights.get(owner.get(name, name), 0) + weight
    return WeightedGame(weights, quota=game.quota)


def countable(game: Game, owner: dict[str, str] | None = None) -> Game | None:
    """An equivalent game built only from the kinds :mod:`~reformlab.games.counting` reads, or ``None``.

    A minimal-winning game is the OR of unanimity games of its coalitions; in a bloc game the members'
    weights add up to the bloc's. ``owner`` maps a player to the bloc that replaces it.
    """
    owner = owner or {}
    if isinstance(game, WeightedGame):
        return _merged(game, owner)
    if isinstance(game, VectorWeightedGame):
        return VectorWeightedGame(tuple(_merged(clause, owner) for clause in game.clauses))
    if isinstance(game, MinimalWinningGame):
        unanimity = [_merged(WeightedGame(dict.fromkeys(c, 1), quota=len(c)), owner) for c in game.coalitions]
        return OrGame(unanimity, players=tuple(dict.fromkeys(owner.get(p, p) for p in game.players)))
    if isinstance(game, BlocGame):
        inner = dict(game._owner())
        return countable(
            game.game, {p: owner.get(inner.get(p, p), inner.get(p, p)) for p in game.game.players}
        )
    if isinstance(game, (AndGame, OrGame, AtLeastGame)):
        parts = [countable(part, owner) for part in game.games]
        if any(part is None for part in parts):
            return None
        players = tuple(dict.fromkeys(owner.get(p, p) for p in game.players))
        if isinstance(game, AtLeastGame):
            return AtLeastGame(parts, k=game.k, players=players)
        return type(game)(parts, players=players)
    return None


def counted_profile(game: Game) -> Profile | None:
    """Swing counts by size and the winning count from the counting algorithms, or ``None`` if none fits.

    Weighted, vector-weighted, minimal-winning and bloc games and AND / OR / at-least compositions of them
    qualify (compound and predicate games do not).
    """
    n = len(game.players)
    try:
        if isinstance(game, WeightedGame):
            swings, winning = counting.sized_swings_by_size(
                list(game.weights.values()), [game.quota] * (n + 1)
            )
        else:
            equivalent = countable(game)
            if equivalent is None:
                return None
            ordered = AndGame((equivalent,), players=game.players)  # counting follows the players' order
            swings, winning = counting.rule_swings_by_size(counting.rule_from_game(ordered), n)
    except ReformlabError:  # no counting path fits this game: enumeration or Monte Carlo decide
        return None
    return Profile(
        players=game.players, winning=int(winning), swings=tuple(tuple(map(int, s)) for s in swings)
    )


def _as_weighted(game: Game) -> WeightedGame | None:
    """The game if weighted; a bloc game over a weighted game, blocs merged into weights; else None."""
    if isinstance(game, BlocGame):
        game = countable(game)
    return game if isinstance(game, WeightedGame) else None


def listed_minimal_profile(game: Game) -> Profile | None:
    """Minimal winning coalition counts of a weighted game of any size, counted or listed (or ``None``)."""
    game = _as_weighted(game)
    if game is None:
        return None
    weights = list(game.weights.values())
    if gf_cost(weights, game.quota) <= MINIMAL_COST_LIMIT:
        per_player, total = minimal_counts_by_size(weights, game.quota)
    else:
        masks = weighted_minimal_winning(weights, game.quota, MINIMAL_LIST_LIMIT)
        if masks is None:
            return None
        per_player, total = minimal_counts(masks, len(game.players))
    return Profile(players=game.players, minimal=per_player, minimal_total=total)


def counted_critical_profile(game: Game) -> Profile | None:
    """Johnston's critical-player sums of a weighted game of any size, when counting fits (or ``None``)."""
    game = _as_weighted(game)
    if game is None:
        return None
    weights = list(game.weights.values())
    if johnston_cost(weights, game.quota) > JOHNSTON_COST_LIMIT:
        return None
    return Profile(players=game.players, johnston=johnston_sums(weights, game.quota))


def exact_profile(game: Game, *, needs: str = "swings", limit: int = ENUMERATION_LIMIT) -> Profile | None:
    """Exact counts for ``game``, or ``None`` when no exact path fits.

    Args:
        game: the game.
        needs: ``"swings"`` (swing counts by size and the winning count: Banzhaf, Penrose, Shapley-Shubik,
            Coleman), ``"totals"`` (swing counts summed over sizes, in one bucket per player: enough for
            Banzhaf, Penrose and Coleman, not for Shapley-Shubik), ``"minimal"`` (minimal winning coalitions: Holler, Deegan-Packel) or ``"critical"``
            (critical players of every winning coalition: Johnston).
        limit: most players to enumerate.
    """
    game.checked()
    n = len(game.players)
    if needs == "totals":  # swing totals only (Banzhaf, Penrose, Coleman): the size-blind table is far cheaper
        if isinstance(game, WeightedGame) and n >= COUNTING_FROM:
            try:
                totals, winning = counting.sized_swings(list(game.weights.values()), [game.quota] * (n + 1))
                return Profile(players=game.players, winning=int(winning),
                               swings=tuple((int(total),) for total in totals))
            except ReformlabError:
                pass
        needs = "swings"
    if needs == "swings" and n >= COUNTING_FROM:
        profile = counted_profile(game)
        if profile is not None:
            return profile
    if n <= limit:
        return enumerate_profile(game, limit)
    if needs == "minimal":
        return listed_minimal_profile(game)
    if needs == "critical":
        return counted_critical_profile(game)
    return None
