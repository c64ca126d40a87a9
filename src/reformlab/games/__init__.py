"""Simple games and power indices: weighted, vector-weighted and composite games, queries, exact indices.

This layer knows players and coalitions only, nothing of constitutions. Power indices are registered once
each in :mod:`reformlab.games.indices` (:data:`INDICES`); exact counting lives in :mod:`reformlab.games.counting`,
its limits in :mod:`reformlab.games.limits`.

>>> from reformlab.games import WeightedGame, power
>>> g = WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51)
>>> {name: str(v) for name, v in power(g, "banzhaf").values.items()}
{'A': '5/12', 'B': '1/4', 'C': '1/4', 'D': '1/12'}
"""

from reformlab.games.base import Game
from reformlab.games.composite import (
    AndGame,
    AtLeastGame,
    BlocGame,
    CompoundGame,
    MinimalWinningGame,
    OrGame,
    PredicateGame,
)
from reformlab.games.dump import game_to_dict
from reformlab.games.examples import eu_council
from reformlab.games.indices import INDICES, POWER_METHODS, PowerIndex, power, power_index, powers
from reformlab.games.loader import game_from_dict, load_game
from reformlab.games.queries import (
    count_winning,
    dictator,
    dummy_players,
    minimal_winning_coalitions,
    smallest_winning_coalition,
    veto_players,
)
from reformlab.games.result import GAME_KEY, PowerResult
from reformlab.games.table import power_table
from reformlab.games.weighted import VectorWeightedGame, WeightedGame

__all__ = [
    "GAME_KEY",
    "INDICES",
    "POWER_METHODS",
    "AndGame",
    "AtLeastGame",
    "BlocGame",
    "CompoundGame",
    "Game",
    "MinimalWinningGame",
    "OrGame",
    "PowerIndex",
    "PowerResult",
    "PredicateGame",
    "VectorWeightedGame",
    "WeightedGame",
    "count_winning",
    "dictator",
    "dummy_players",
    "eu_council",
    "game_from_dict",
    "game_to_dict",
    "load_game",
    "minimal_winning_coalitions",
    "power",
    "power_index",
    "power_table",
    "powers",
    "smallest_winning_coalition",
    "veto_players",
]
