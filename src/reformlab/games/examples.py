"""Well-known decision rules built from the game parts, ready to use (the EU Council's qualified majority)."""

from __future__ import annotations

from collections.abc import Mapping

from reformlab.games.composite import OrGame
from reformlab.games.weighted import VectorWeightedGame, WeightedGame


def eu_council(populations: Mapping[str, object], *, states: str = "55%", population: str = "65%") -> OrGame:
    """The EU Council's qualified majority (Treaty on European Union, art. 16(4), since 1 November 2014).

    A proposal passes with 55% of the member states representing 65% of the population; "a blocking
    minority must include at least four Council members, failing which the qualified majority shall be
    deemed attained": a coalition that leaves out at most three states also wins.

    >>> g = eu_council({"A": 50, "B": 20, "C": 10, "D": 8, "E": 6, "F": 4, "G": 2})
    >>> g.is_winning({"A", "B", "C"}), g.is_winning({"A", "B", "C", "D"})
    (False, True)
    """
    members = list(populations)
    double_majority = VectorWeightedGame(
        (WeightedGame.head_count(members, states), WeightedGame(dict(populations), quota=population))
    )
    no_blocking_minority = WeightedGame.head_count(members, max(1, len(members) - 3))
    return OrGame((double_majority, no_blocking_minority))
