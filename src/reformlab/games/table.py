"""A pandas view of several power indices of one game: one row per player, one column per index."""

from __future__ import annotations

from reformlab.games.base import Game
from reformlab.games.indices import INDICES, powers


def power_table(
    game: Game, indices: list[str] | tuple[str, ...] | None = None, *, exact: bool = False, **options
):
    """A DataFrame of ``indices`` (default: all) for ``game``; floats, or Fractions with ``exact=True``.

    Coleman's power of a collectivity to act belongs to the game and sits in a row named ``"<game>"``.
    ``df.attrs["methods"]`` says which path ("exact" or "monte_carlo") each column used.

    >>> from reformlab.games import WeightedGame
    >>> power_table(WeightedGame({"A": 2, "B": 1, "C": 1}, quota=3), ["banzhaf", "shapley"])
       banzhaf   shapley
    A      0.6  0.666667
    B      0.2  0.166667
    C      0.2  0.166667
    """
    import pandas as pd  # only here: the rest of reformlab.games works without paying pandas' import time

    results = powers(game, list(indices or INDICES), **options)
    columns = {name: (r.values if exact else r.as_float()) for name, r in results.items()}
    frame = pd.DataFrame(columns)
    frame.attrs["methods"] = {name: r.method for name, r in results.items()}
    return frame
