"""The power-index registry: one record per index, written once with :func:`power_index`; the rest is derived.

A record carries the index's exact formula (a function of the exact counts in a
:class:`~reformlab.games.counting.enumeration.Profile`), which counts it needs, its Monte Carlo statistic,
its column label, and the axioms it promises. :func:`~reformlab.games.indices.powers` picks the counting
path from ``needs``, :mod:`~reformlab.games.montecarlo` estimates from ``estimator``, ``reformlab power``
takes its ``--index`` choices and headers from here, and ``tests/games/test_index_axioms.py`` checks every
record against the axioms its flags promise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

NEEDS = ("totals", "swings", "minimal", "critical")
"""What an index is computed from, cheapest first: swing totals and the winning count (``"totals"``), swing
counts by coalition size (``"swings"``), minimal winning coalitions (``"minimal"``), critical sets
(``"critical"``)."""
SAMPLINGS = ("coalitions", "orderings")
"""What a Monte Carlo estimator draws: random coalitions (each player in with probability 1/2, each flipped
in and out) or random orderings of the players."""

Statistic = tuple[np.ndarray, np.ndarray, np.ndarray]
"""``(numerator rows m x k, their divisors m, denominator rows m)``: the estimate is
``sum_r numerator[r] / divisors[r]`` over ``sum_r denominator[r]``."""


@dataclass(frozen=True)
class PowerIndex:
    """One power index: what it is computed from, how it is estimated, and what it promises.

    Attributes:
        name: the short name users type (``"banzhaf"``).
        exact: the exact values from a profile, ``{player: Fraction}`` (``{GAME_KEY: ...}`` for a game value).
        needs: one of :data:`NEEDS`.
        estimator: the Monte Carlo statistic from a sample of kind ``sampling``.
        sampling: one of :data:`SAMPLINGS`.
        label: column header (at most 8 characters).
        family: the ``--index`` group that names several indices at once (``"coleman"``), or ``None``.
        per_player: ``False`` for a value of the whole game (Coleman's power of a collectivity to act).
        null_player: a player who is never a swing gets exactly 0.
        symmetric: interchangeable players get equal values.
        efficient: the values sum to 1 over the players.
        doc: the definition and its source (the formula's docstring).
    """

    name: str
    exact: Callable[[object], dict[str, Fraction]]
    needs: str
    estimator: Callable[[object], Statistic]
    sampling: str = "coalitions"
    label: str = ""
    family: str | None = None
    per_player: bool = True
    null_player: bool = True
    symmetric: bool = True
    efficient: bool = False
    doc: str = ""

    def __call__(self, game, **options):
        """This index of ``game``: ``power(game, self.name, **options)``."""
        from reformlab.games.indices import power

        return power(game, self.name, **options)


INDICES: dict[str, PowerIndex] = {}
"""Every registered index by name, in registration order (the order tables and ``--index all`` use)."""


def power_index(
    name: str,
    *,
    needs: str,
    estimator: Callable[[object], Statistic],
    label: str,
    sampling: str = "coalitions",
    family: str | None = None,
    per_player: bool = True,
    null_player: bool = True,
    symmetric: bool = True,
    efficient: bool = False,
) -> Callable:
    """Register the decorated exact formula as the power index ``name`` (see :class:`PowerIndex`).

    Raises:
        ValueError: a name registered twice, or an unknown ``needs`` / ``sampling`` (a programming error).
    """
    if name in INDICES:
        raise ValueError(f"power index {name!r} is registered twice")
    if needs not in NEEDS or sampling not in SAMPLINGS:
        raise ValueError(f"power index {name!r}: needs must be one of {NEEDS}, sampling one of {SAMPLINGS}")

    def register(exact: Callable) -> Callable:
        INDICES[name] = PowerIndex(
            name=name,
            exact=exact,
            needs=needs,
            estimator=estimator,
            sampling=sampling,
            label=label,
            family=family,
            per_player=per_player,
            null_player=null_player and per_player,
            symmetric=symmetric and per_player,
            efficient=efficient and per_player,
            doc=" ".join((exact.__doc__ or "").split()),
        )
        return exact

    return register


def families() -> dict[str, tuple[str, ...]]:
    """``--index`` groups: each family name with its indices in registration order (``coleman`` -> three)."""
    groups: dict[str, list[str]] = {}
    for record in INDICES.values():
        if record.family is not None:
            groups.setdefault(record.family, []).append(record.name)
    return {family: tuple(names) for family, names in groups.items()}
