"""The result of a power index: exact values as fractions, how they were obtained, and a float view."""

from __future__ import annotations

from fractions import Fraction

import attrs

GAME_KEY = "<game>"  # key of a value that belongs to the game, not to a player (Coleman's collectivity)


@attrs.frozen
class PowerResult:
    """A power index evaluated on a game.

    Attributes:
        index: the index's short name (``"banzhaf"``, ...; see :data:`reformlab.games.INDICES`).
        values: player -> value as an exact :class:`Fraction` (for Monte Carlo, the exact ratio of the sample
            counts). Coleman's power of a collectivity to act belongs to the game: its key is ``"<game>"``.
        method: ``"exact"`` or ``"monte_carlo"``.
        ci: for Monte Carlo, player -> (low, high), an approximate 95% confidence interval; else ``None``.
        samples: for Monte Carlo, the number of samples drawn; else ``None``.
    """

    index: str
    values: dict[str, Fraction]
    method: str = "exact"
    ci: dict[str, tuple[float, float]] | None = None
    samples: int | None = None

    def as_float(self) -> dict[str, float]:
        """The values as floats (for display; the exact values stay in :attr:`values`)."""
        return {name: float(value) for name, value in self.values.items()}

    def to_dict(self) -> dict:
        """A JSON-ready view: exact values as ``"p/q"`` text next to their floats."""
        data = {
            "index": self.index,
            "method": self.method,
            "exact": {name: str(value) for name, value in self.values.items()},
            "float": self.as_float(),
        }
        if self.ci is not None:
            data["ci"] = {name: list(bounds) for name, bounds in self.ci.items()}
            data["samples"] = self.samples
        return data
