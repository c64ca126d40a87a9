"""Weighted voting games ``[q; w1..wn]`` and vector-weighted games (several weights and quotas at once)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import cached_property

import attrs
import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.base import Game, check_player_names

MAJORITY_WORDS = ("majority", "more than half", "more_than_half")


def exact_number(value: object, *, field: str) -> Fraction:
    """``value`` as an exact :class:`Fraction`: ints, Fractions, ``"7/100"``, ``"0.07"``, ``"7%"``, floats.

    >>> exact_number("7%", field="w"), exact_number(0.1, field="w")
    (Fraction(7, 100), Fraction(1, 10))
    """
    if isinstance(value, bool):
        raise ReformlabError(f"expected a number, got {value!r}", field=field)
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ReformlabError(f"expected a finite number, got {value!r}", field=field)
        return Fraction(repr(value))  # the decimal the user wrote, not the binary approximation
    if isinstance(value, str):
        text = value.strip()
        try:
            if text.endswith("%"):
                return Fraction(text[:-1].strip()) / 100
            return Fraction(text)
        except (ValueError, ZeroDivisionError):
            pass
    raise ReformlabError(
        f"expected a number, got {value!r}",
        field=field,
        fix="write an integer, a fraction like '2/3' or '7%'",
    )


def _frozen_items(weights: object) -> tuple:
    """Copy the caller's weights so later changes to their dict never reach the game."""
    if isinstance(weights, Mapping):
        return tuple(weights.items())
    return weights  # type: ignore[return-value]  # validate() reports the type


@attrs.frozen(slots=False, repr=False)
class WeightedGame(Game):
    """A weighted voting game ``[q; w1, ..., wn]``: a coalition wins when its weight reaches the quota.

    Args:
        weights: player name -> weight (int, Fraction, or text such as ``"1/3"``); rational weights are
            scaled exactly to integers by the least common denominator, never rounded.
        quota: an ``int`` (absolute quota: wins iff ``w(S) >= quota``); a share of the total weight as a
            ``Fraction`` or text (``"2/3"``, ``"55%"``: wins iff ``w(S) >= share * total``); or
            ``"majority"`` (more than half: ``w(S) > total / 2``).

    After validation, :attr:`weights` (``dict[str, int]``) and :attr:`quota` (``int``) hold the exact
    integer form; the arguments as given stay in :attr:`given_weights` and :attr:`given_quota`.

    >>> g = WeightedGame({"A": "1/2", "B": "1/3", "C": "1/6"}, quota="majority")
    >>> g.weights, g.quota
    ({'A': 3, 'B': 2, 'C': 1}, 4)
    """

    given_weights: tuple = attrs.field(alias="weights", converter=_frozen_items)
    given_quota: object = attrs.field(alias="quota", default="majority")

    @cached_property
    def players(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self._items())

    def __repr__(self) -> str:
        weights = dict(self.given_weights) if isinstance(self.given_weights, tuple) else self.given_weights
        return f"WeightedGame({weights!r}, quota={self.given_quota!r})"

    def _items(self) -> tuple:
        if not isinstance(self.given_weights, tuple):
            raise ReformlabError(
                "weights must map player names to numbers", field="weights", fix="write {name: weight, ...}"
            )
        return self.given_weights

    @cached_property
    def _exact(self) -> tuple[dict[str, int], int]:
        items = self._items()
        check_player_names([name for name, _ in items], field="weights")
        raw = {}
        for name, value in items:
            raw[name] = exact_number(value, field=f"weights.{name}")
            if raw[name] < 0:
                raise ReformlabError(
                    f"weight of {name!r} is negative ({value})",
                    field=f"weights.{name}",
                    fix="weights must be >= 0",
                )
        scale = math.lcm(*(w.denominator for w in raw.values()))
        weights = {name: int(w * scale) for name, w in raw.items()}
        total = sum(weights.values())
        quota = self._scaled_quota(total, scale)
        if quota <= 0:
            raise ReformlabError(
                f"the quota must be positive, got {self.given_quota!r}",
                field="quota",
                fix="give a quota above 0",
            )
        if quota > total:
            raise ReformlabError(
                f"the quota {self.given_quota!r} is above the total weight {Fraction(total, scale)}",
                field="quota",
                fix="lower the quota or raise the weights; no coalition could ever win",
            )
        return weights, quota

    def _scaled_quota(self, total: int, scale: int) -> int:
        quota = self.given_quota
        if isinstance(quota, str) and quota.strip().lower() in MAJORITY_WORDS:
            return total // 2 + 1
        if isinstance(quota, int) and not isinstance(quota, bool):
            return quota * scale
        if isinstance(quota, float):
            raise ReformlabError(
                f"ambiguous quota {quota!r}",
                field="quota",
                fix="give an integer for an absolute quota, or a share as text ('51%', '2/3')",
            )
        share = exact_number(quota, field="quota")
        if not 0 < share <= 1:
            raise ReformlabError(
                f"a quota given as a fraction is a share of the total weight, in (0, 1]; got {quota!r}",
                field="quota",
                fix="give an integer for an absolute quota",
            )
        return math.ceil(share * total)

    @property
    def weights(self) -> dict[str, int]:
        """Player -> integer weight (exact scaling of the given weights)."""
        return dict(self._exact[0])

    @property
    def quota(self) -> int:
        """The integer quota on the scale of :attr:`weights`: a coalition wins iff its weight >= quota."""
        return self._exact[1]

    def validate(self) -> None:
        self._exact  # noqa: B018 - computing the exact form is the validation

    def weight_vector(self) -> np.ndarray:
        """Weights in player order, int64 when the total fits, else Python ints (object)."""
        values = list(self._exact[0].values())
        return np.array(values, dtype=np.int64 if sum(values) < 2**62 else object)

    def _wins(self, members: np.ndarray) -> np.ndarray:
        weights = self.weight_vector()
        if weights.dtype == object:
            return members.astype(object) @ weights >= self.quota
        return np.einsum("ij,j->i", members, weights) >= self.quota  # no int64 matrix copy of the members

    @classmethod
    def head_count(cls, players: Sequence[str], quota: object) -> WeightedGame:
        """A head-count clause: every player weighs 1 (e.g. "55% of the member states": ``quota="55%"``)."""
        return cls(dict.fromkeys(players, 1), quota=quota)


@attrs.frozen(slots=False)
class VectorWeightedGame(Game):
    """A vector-weighted game: a coalition wins when it meets every weighted clause at once.

    Each clause is a :class:`WeightedGame` over the same players (a head-count clause gives every player
    weight 1). The EU Council's qualified majority (Treaty on European Union, art. 16(4)) is 55% of the
    states AND 65% of the population; its "blocking minority of at least four states" is an OR with a
    head-count game, see :func:`reformlab.games.eu_council`.

    >>> g = VectorWeightedGame.from_vectors({"A": (1, 60), "B": (1, 30), "C": (1, 10)}, quotas=(2, 70))
    >>> g.is_winning({"A", "C"}), g.is_winning({"B", "C"})
    (True, False)
    """

    clauses: tuple[WeightedGame, ...] = attrs.field(converter=tuple)

    @property
    def players(self) -> tuple[str, ...]:
        if not self.clauses:
            return ()
        return self.clauses[0].players

    def validate(self) -> None:
        if not self.clauses:
            raise ReformlabError("a vector-weighted game needs at least one clause", field="clauses")
        for number, clause in enumerate(self.clauses):
            if not isinstance(clause, WeightedGame):
                raise ReformlabError(f"clause {number} is not a weighted game", field=f"clauses.{number}")
            clause.checked()
            if set(clause.players) != set(self.players):
                raise ReformlabError(
                    f"clause {number} weighs {sorted(clause.players)}; clause 0, {sorted(self.players)}",
                    field=f"clauses.{number}",
                    fix="give every clause a weight for the same players (0 where a player does not count)",
                )

    def _wins(self, members: np.ndarray) -> np.ndarray:
        result = np.ones(members.shape[0], dtype=bool)
        for clause in self.clauses:
            order = [self.players.index(name) for name in clause.players]
            result &= clause._wins(members[:, order])
        return result

    @classmethod
    def from_vectors(
        cls, weights: Mapping[str, Sequence[object]], quotas: Sequence[object]
    ) -> VectorWeightedGame:
        """Build from player -> weight vector and one quota per coordinate."""
        clauses = []
        for position, quota in enumerate(quotas):
            clause = {}
            for name, vector in weights.items():
                if not isinstance(vector, (list, tuple)) or len(vector) != len(quotas):
                    raise ReformlabError(
                        f"player {name!r} needs {len(quotas)} weights (one per quota), got {vector!r}",
                        field=f"weights.{name}",
                    )
                clause[name] = vector[position]
            clauses.append(WeightedGame(clause, quota=quota))
        return cls(clauses)
