"""Games back to data: the inverse of :mod:`reformlab.games.loader`, for writing a game as YAML."""

from __future__ import annotations

from fractions import Fraction

from reformlab.errors import ReformlabError
from reformlab.games.base import Game
from reformlab.games.composite import (
    AndGame,
    AtLeastGame,
    BlocGame,
    CompoundGame,
    MinimalWinningGame,
    OrGame,
)
from reformlab.games.weighted import VectorWeightedGame, WeightedGame


def _number(value: object) -> object:
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else int(value)
    return value


def _weighted(game: WeightedGame) -> dict:
    return {
        "quota": _number(game.given_quota),
        "weights": {name: _number(w) for name, w in game.given_weights},
    }


def _node(game: Game) -> dict:
    if isinstance(game, WeightedGame):
        return {"weighted": _weighted(game)}
    if isinstance(game, VectorWeightedGame):
        return {"vector": {"clauses": [_weighted(clause) for clause in game.clauses]}}
    if isinstance(game, (AndGame, OrGame, AtLeastGame)):
        if game.declared_players is not None and set(game.declared_players) != set(
            name for part in game.games for name in part.players
        ):
            raise ReformlabError(
                "only the whole game can name players that no part of it names",
                field="players",
                fix="declare such players on the outermost game",
            )
        parts = [_node(part) for part in game.games]
        if isinstance(game, AtLeastGame):
            return {"at_least": {"k": game.k, "games": parts}}
        return {"and" if isinstance(game, AndGame) else "or": parts}
    if isinstance(game, MinimalWinningGame):
        return {
            "minimal_winning": {
                "players": list(game.players),
                "coalitions": [list(c) for c in game.coalitions],
            }
        }
    if isinstance(game, BlocGame):
        return {
            "blocs": {
                "blocs": {bloc: list(members) for bloc, members in game.blocs},
                "game": _node(game.game),
            }
        }
    if isinstance(game, CompoundGame):
        return {"compound": {"outer": _node(game.outer), "inner": {name: _node(g) for name, g in game.inner}}}
    raise ReformlabError(
        f"a {type(game).__name__} cannot be written as data",
        field="game",
        fix="describe it with weighted, vector, and, or, at_least, minimal_winning, blocs or compound nodes",
    )


def game_to_dict(game: Game) -> dict:
    """The game file content for ``game``.

    Write it with ``yaml.safe_dump(data, sort_keys=False)``: the order of the players matters.


    >>> game_to_dict(WeightedGame({"A": 2, "B": "1/2"}, quota="majority"))
    {'game': {'weighted': {'quota': 'majority', 'weights': {'A': 2, 'B': '1/2'}}}}
    """
    game.checked()
    if isinstance(game, (AndGame, OrGame, AtLeastGame)) and game.declared_players is not None:
        inner = (
            type(game)(game.games, players=None)
            if not isinstance(game, AtLeastGame)
            else AtLeastGame(game.games, k=game.k)
        )
        return {"players": list(game.declared_players), "game": _node(inner)}
    return {"game": _node(game)}
