"""Games built from other games (AND, OR, at-least-k-of-m, blocs) and games given by a list or a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property

import attrs
import numpy as np

from reformlab.errors import ReformlabError
from reformlab.games.base import Game, check_known, check_player_names, columns, select, union_players


def _optional_tuple(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _check_games(games: tuple, field: str) -> None:
    if not games:
        raise ReformlabError("a composite game needs at least one game inside", field=field)
    for number, game in enumerate(games):
        if not isinstance(game, Game):
            raise ReformlabError(f"item {number} is not a game: {game!r}", field=f"{field}.{number}")
        game.checked()


@attrs.frozen(slots=False)
class _Composite(Game):
    """Shared part of AND / OR / at-least: sub-games over shared or disjoint players.

    ``players`` (optional) fixes the order and may add players no sub-game names (they are dummies);
    every player of a sub-game must be among them.
    """

    games: tuple[Game, ...] = attrs.field(converter=tuple)
    declared_players: tuple[str, ...] | None = attrs.field(
        alias="players", default=None, converter=_optional_tuple, kw_only=True
    )

    @cached_property
    def players(self) -> tuple[str, ...]:
        """The declared players, else the union of the sub-games' (computed once: the game is frozen)."""
        if self.declared_players is not None:
            return self.declared_players
        return union_players(game for game in self.games if isinstance(game, Game))

    def validate(self) -> None:
        _check_games(self.games, "games")
        super().validate()
        for number, game in enumerate(self.games):
            check_known(game.players, self.players, field=f"games.{number}")

    def _results(self, members: np.ndarray) -> np.ndarray:
        """One column per sub-game: whether the coalition wins it."""
        players = self.players
        return np.column_stack([game._wins(select(members, players, game.players)) for game in self.games])


@attrs.frozen(slots=False)
class AndGame(_Composite):
    """Wins when it wins every sub-game (e.g. the lower chamber AND the upper chamber).

    >>> from reformlab.games import WeightedGame
    >>> lower = WeightedGame({"L1": 3, "L2": 2}, quota="majority")
    >>> upper = WeightedGame({"U1": 1, "U2": 1}, quota=2)
    >>> AndGame((lower, upper)).is_winning({"L1", "U1", "U2"})
    True
    """

    def _wins(self, members: np.ndarray) -> np.ndarray:
        return self._results(members).all(axis=1)


@attrs.frozen(slots=False)
class OrGame(_Composite):
    """Wins when it wins at least one sub-game (e.g. the president's signature OR a two-thirds override)."""

    def _wins(self, members: np.ndarray) -> np.ndarray:
        return self._results(members).any(axis=1)


@attrs.frozen(slots=False)
class AtLeastGame(_Composite):
    """Wins when it wins at least ``k`` of the sub-games (k = 1 is OR, k = m is AND)."""

    k: int = attrs.field(default=1, kw_only=True)

    def validate(self) -> None:
        super().validate()
        if isinstance(self.k, bool) or not isinstance(self.k, int) or not 1 <= self.k <= len(self.games):
            raise ReformlabError(
                f"k must be a whole number from 1 to {len(self.games)} (the number of games), got {self.k!r}",
                field="k",
            )

    def _wins(self, members: np.ndarray) -> np.ndarray:
        return self._results(members).sum(axis=1) >= self.k


def _coalition_tuple(coalitions: Iterable[Iterable[str]]) -> tuple:
    if isinstance(coalitions, (str, bytes)) or not isinstance(coalitions, Iterable):
        return coalitions  # type: ignore[return-value]  # validate() reports it
    return tuple(tuple(c) if isinstance(c, Iterable) and not isinstance(c, str) else c for c in coalitions)


@attrs.frozen(slots=False)
class MinimalWinningGame(Game):
    """A monotone game given by its minimal winning coalitions: a coalition wins iff it contains one of them.

    >>> g = MinimalWinningGame(("A", "B", "C"), [("A", "B"), ("A", "C")])
    >>> g.is_winning({"A", "C"}), g.is_winning({"B", "C"})
    (True, False)
    """

    declared_players: tuple[str, ...] = attrs.field(alias="players", converter=tuple)
    coalitions: tuple[tuple[str, ...], ...] = attrs.field(converter=_coalition_tuple)

    @property
    def players(self) -> tuple[str, ...]:
        return self.declared_players

    def validate(self) -> None:
        super().validate()
        if not isinstance(self.coalitions, tuple) or not self.coalitions:
            raise ReformlabError(
                "give at least one minimal winning coalition",
                field="coalitions",
                fix="list coalitions of names",
            )
        for number, coalition in enumerate(self.coalitions):
            if not isinstance(coalition, tuple) or not coalition:
                raise ReformlabError(
                    f"coalition {number} must be a non-empty list of names, got {coalition!r}",
                    field=f"coalitions.{number}",
                )
            check_known(coalition, self.players, field=f"coalitions.{number}")

    def _wins(self, members: np.ndarray) -> np.ndarray:
        result = np.zeros(members.shape[0], dtype=bool)
        for coalition in self.coalitions:
            result |= members[:, columns(self.players, coalition)].all(axis=1)
        return result


@attrs.frozen(slots=False)
class PredicateGame(Game):
    """A game given by a rule over coalitions, for small numbers of players (it is called once per coalition).

    >>> g = PredicateGame(("A", "B", "C"), lambda s: len(s) >= 2)
    >>> g.is_winning({"A", "B"})
    True
    """

    declared_players: tuple[str, ...] = attrs.field(alias="players", converter=tuple)
    predicate: Callable[[frozenset[str]], bool] = attrs.field()

    @property
    def players(self) -> tuple[str, ...]:
        return self.declared_players

    def validate(self) -> None:
        super().validate()
        if not callable(self.predicate):
            raise ReformlabError("the predicate must be a function of a coalition", field="predicate")

    def _wins(self, members: np.ndarray) -> np.ndarray:
        names = np.array(self.players, dtype=object)
        return np.array([bool(self.predicate(frozenset(names[row]))) for row in members], dtype=bool)


def _bloc_items(blocs: Mapping[str, Sequence[str]]) -> tuple:
    if not isinstance(blocs, Mapping):
        return blocs  # type: ignore[return-value]  # validate() reports it
    return tuple((name, tuple(members)) for name, members in blocs.items())


@attrs.frozen(slots=False)
class BlocGame(Game):
    """``game`` in which the members of each bloc vote together and act as one player named after the bloc.

    A party whose deputies vote together is a bloc of its seats. Players in no bloc stay as they are.

    >>> from reformlab.games import WeightedGame
    >>> seats = WeightedGame({"a1": 1, "a2": 1, "b1": 1}, quota=2)
    >>> g = BlocGame(seats, {"A": ["a1", "a2"]})
    >>> g.players, g.is_winning({"A"})
    (('A', 'b1'), True)
    """

    game: Game
    blocs: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(converter=_bloc_items)

    @cached_property
    def players(self) -> tuple[str, ...]:
        owner = self._owner()
        return tuple(dict.fromkeys(owner.get(name, name) for name in self.game.players))

    def _owner(self) -> dict[str, str]:
        return {member: bloc for bloc, members in self.blocs for member in members}

    def validate(self) -> None:
        if not isinstance(self.blocs, tuple):
            raise ReformlabError("blocs must map a bloc name to its members", field="blocs")
        self.game.checked()
        seen: set[str] = set()
        for bloc, members in self.blocs:
            if not members:
                raise ReformlabError(f"bloc {bloc!r} has no members", field=f"blocs.{bloc}")
            check_known(members, self.game.players, field=f"blocs.{bloc}")
            for member in members:
                if member in seen:
                    raise ReformlabError(f"player {member!r} is in two blocs", field=f"blocs.{bloc}")
                seen.add(member)
            if bloc in self.game.players and bloc not in members:
                raise ReformlabError(f"bloc name {bloc!r} is already a player's name", field=f"blocs.{bloc}")
        super().validate()

    def _wins(self, members: np.ndarray) -> np.ndarray:
        owner = self._owner()
        source = columns(self.players, tuple(owner.get(name, name) for name in self.game.players))
        return self.game._wins(members[:, source])


def _inner_items(inner: Mapping[str, Game]) -> tuple:
    if not isinstance(inner, Mapping):
        return inner  # type: ignore[return-value]  # validate() reports it
    return tuple(inner.items())


@attrs.frozen(slots=False)
class CompoundGame(Game):
    """``outer`` in which some players are themselves bodies deciding by an ``inner`` game of their members.

    The outer player ``p`` says yes when the coalition wins ``inner[p]`` (Shapley 1962's compound games):
    e.g. a party that votes in parliament as its congress decides. Players are the members of the inner
    games, in the order of the outer players, and the outer players that stand alone.
    """

    outer: Game
    inner: tuple[tuple[str, Game], ...] = attrs.field(converter=_inner_items)

    @cached_property
    def players(self) -> tuple[str, ...]:
        inner = dict(self.inner) if isinstance(self.inner, tuple) else {}
        names: list[str] = []
        for name in self.outer.players:
            names.extend(inner[name].players if name in inner else (name,))
        return tuple(names)

    def validate(self) -> None:
        if not isinstance(self.inner, tuple):
            raise ReformlabError("inner must map outer players to games", field="inner")
        self.outer.checked()
        check_known([name for name, _ in self.inner], self.outer.players, field="inner")
        for name, game in self.inner:
            if not isinstance(game, Game):
                raise ReformlabError(f"inner game of {name!r} is not a game", field=f"inner.{name}")
            game.checked()
        check_player_names(self.players, field="inner")

    def _wins(self, members: np.ndarray) -> np.ndarray:
        inner = dict(self.inner)
        outer_rows = np.column_stack(
            [
                inner[name]._wins(select(members, self.players, inner[name].players))
                if name in inner
                else members[:, self.players.index(name)]
                for name in self.outer.players
            ]
        )
        return self.outer._wins(outer_rows)
