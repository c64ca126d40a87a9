"""The simple-game interface every game shares: players, winning coalitions, batch evaluation.

A *simple game* is a set of players N and a set of winning coalitions W, a family of subsets of N
(von Neumann & Morgenstern 1944; Taylor & Zwicker, *Simple Games*, 1999). Every game here answers one
question, "does this coalition win?", for one coalition (:meth:`Game.is_winning`) or for many at once
(:meth:`Game.wins`, a boolean matrix with one column per player). Everything else (queries, power
indices) is built on that question, so a new kind of game only has to answer it.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from reformlab.errors import ReformlabError, unknown_name


class Game:
    """Base of every simple game: subclasses give :attr:`players` and :meth:`_wins`.

    Coalitions are frozensets of player names in the public API; internally a batch of coalitions is a
    boolean matrix ``(m, n)`` whose columns follow :attr:`players`.
    """

    @property
    def players(self) -> tuple[str, ...]:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def validate(self) -> None:
        """Raise :class:`ReformlabError` if the game is ill-formed (subclasses extend this)."""
        check_player_names(self.players, field="players")

    def checked(self) -> None:
        """:meth:`validate`, once: games are frozen, so a game found well-formed stays so (queries and
        indices call this on every use, and a composite game would otherwise re-check its whole tree)."""
        if not self.__dict__.get("_well_formed"):
            self.validate()
            self.__dict__["_well_formed"] = True

    def _wins(self, members: np.ndarray) -> np.ndarray:  # pragma: no cover - every subclass overrides
        """Whether each row of the boolean matrix ``members`` (columns = :attr:`players`) wins."""
        raise NotImplementedError

    def wins(self, members: np.ndarray) -> np.ndarray:
        """Validate, then evaluate a boolean matrix of coalitions (rows) over :attr:`players` (columns)."""
        self.checked()
        members = np.asarray(members, dtype=bool)
        if members.ndim != 2 or members.shape[1] != len(self.players):
            raise ReformlabError(
                f"expected one column per player ({len(self.players)}), got shape {members.shape}"
            )
        return np.asarray(self._wins(members), dtype=bool)

    def is_winning(self, coalition: Iterable[str]) -> bool:
        """Whether ``coalition`` (player names) is winning.

        >>> from reformlab.games import WeightedGame
        >>> WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51).is_winning({"A", "C"})
        True
        """
        return bool(self.wins(self.member_matrix([coalition]))[0])

    def member_matrix(self, coalitions: Iterable[Iterable[str]]) -> np.ndarray:
        """The boolean matrix of ``coalitions`` over :attr:`players`; unknown names raise."""
        index = {name: i for i, name in enumerate(self.players)}
        rows = []
        for coalition in coalitions:
            row = np.zeros(len(index), dtype=bool)
            for name in _names(coalition):
                if name not in index:
                    raise unknown_name("player", name, index, field="coalition",
                                       problem=f"unknown player {name!r} in a coalition")
                row[index[name]] = True
            rows.append(row)
        return np.array(rows, dtype=bool).reshape(len(rows), len(index))

    def coalition(self, mask: int) -> frozenset[str]:
        """The coalition named by the bitmask ``mask`` (bit ``i`` = ``players[i]``)."""
        return frozenset(name for i, name in enumerate(self.players) if mask >> i & 1)

    def mask(self, coalition: Iterable[str]) -> int:
        """The bitmask of ``coalition`` (bit ``i`` = ``players[i]``)."""
        return int(sum(1 << i for i, flag in enumerate(self.member_matrix([coalition])[0]) if flag))


def _names(coalition: Iterable[str]) -> list[str]:
    if isinstance(coalition, str):  # a lone name, not an iterable of letters
        return [coalition]
    return list(coalition)


def check_player_names(players: Iterable[object], *, field: str) -> None:
    """Players must be a non-empty list of distinct, non-empty strings."""
    players = list(players)
    if not players:
        raise ReformlabError("a game needs at least one player", field=field, fix="name the players")
    seen: set[str] = set()
    for name in players:
        if not isinstance(name, str) or not name.strip():
            raise ReformlabError(f"player names must be non-empty text, got {name!r}", field=field)
        if name in seen:
            raise ReformlabError(
                f"duplicate player {name!r}", field=field, fix="give every player a distinct name"
            )
        seen.add(name)


def check_known(names: Iterable[str], known: Iterable[str], *, field: str) -> None:
    """Every name in ``names`` must be one of ``known``."""
    known = list(known)
    for name in names:
        if name not in known:
            raise unknown_name("player", name, known, field=field)


def union_players(games: Iterable[Game]) -> tuple[str, ...]:
    """Players of several games, in order of first appearance."""
    seen: dict[str, None] = {}
    for game in games:
        for name in game.players:
            seen.setdefault(name, None)
    return tuple(seen)


def columns(players: tuple[str, ...], of: tuple[str, ...]) -> np.ndarray:
    """Positions of the players ``of`` inside ``players`` (to select a sub-game's columns)."""
    index = {name: i for i, name in enumerate(players)}
    return np.array([index[name] for name in of], dtype=np.intp)


def select(members: np.ndarray, players: tuple[str, ...], of: tuple[str, ...]) -> np.ndarray:
    """The columns of the players ``of`` (a view, without copying, when they sit side by side in order)."""
    if of == players:
        return members
    positions = columns(players, of)
    if positions.size and np.array_equal(positions, np.arange(positions[0], positions[0] + positions.size)):
        return members[:, positions[0] : positions[0] + positions.size]
    return members[:, positions]


def all_coalitions(n: int, start: int = 0, stop: int | None = None) -> np.ndarray:
    """The boolean matrix of coalitions with masks ``start .. stop-1`` over ``n`` players."""
    stop = 1 << n if stop is None else stop
    masks = np.arange(start, stop, dtype=np.int64)
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(bool)
