"""Games written as YAML data: a tree of weighted / vector / and / or / at_least / minimal_winning nodes.

A game file::

    name: Law passage                  # optional
    players: [L1, L2, U1, U2, P]       # optional: fixes the order; every name used must be listed
    blocs:                             # optional: members who vote together act as one player
      Ruling: [L1, U1]
    game:
      and:
        - weighted: {quota: majority, weights: {L1: 60, L2: 40}}
        - weighted: {quota: "2/3", weights: {U1: 2, U2: 1}}
        - or:
            - minimal_winning: {coalitions: [[P]]}
            - at_least:
                k: 2
                games: [...]

Nodes (a mapping with exactly one of these keys):

* ``weighted: {quota, weights: {player: weight}}`` - quota an integer, a share (``"2/3"``, ``"55%"``) or
  ``majority``; weights integers or exact fractions.
* ``vector: {clauses: [...]}`` - every clause must hold; a clause is ``{quota, weights}`` or
  ``{quota, head_count: true}`` (every player weighs 1).
  Or ``vector: {quotas: [q1, q2], weights: {p: [w1, w2]}}``.
* ``and: [node, ...]``, ``or: [node, ...]``, ``at_least: {k, games: [node, ...]}``.
* ``minimal_winning: {coalitions: [[p, ...], ...], players: [...]}`` (``players`` defaults to those named).
* ``blocs: {blocs: {bloc: [members]}, game: node}``; ``compound: {outer: node, inner: {player: node}}``;
  ``eu_council: {populations: {state: population}}``.

Every error names the file, the line and the path of the offending field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reformlab.errors import ReformlabError, unknown_name
from reformlab.games.base import Game, check_player_names
from reformlab.games.composite import (
    AndGame,
    AtLeastGame,
    BlocGame,
    CompoundGame,
    MinimalWinningGame,
    OrGame,
)
from reformlab.games.examples import eu_council
from reformlab.games.weighted import VectorWeightedGame, WeightedGame
from reformlab.yamlio import read_yaml

TOP_KEYS = ("name", "description", "players", "blocs", "game")


class _Reader:
    """Walks the loaded data, knowing the line of every path (from the YAML node tree)."""

    def __init__(self, path: str, lines: dict[tuple, int]) -> None:
        self.path = path
        self.lines = lines

    def error(self, where: tuple, problem: str, fix: str | None = None) -> ReformlabError:
        probe = where
        while probe and probe not in self.lines:
            probe = probe[:-1]
        field = ".".join(str(part) for part in where) or None
        return ReformlabError(problem, file=self.path, line=self.lines.get(probe), field=field, fix=fix)

    def mapping(
        self, value: object, where: tuple, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict:
        if not isinstance(value, dict):
            raise self.error(where, f"expected a mapping with keys {', '.join(allowed)}, got {value!r}")
        for key in value:
            if key not in allowed:
                error = unknown_name("key", key, allowed)
                raise self.error(where + (key,), error.problem, error.fix)
        for key in required:
            if key not in value:
                raise self.error(where, f"missing key {key!r}", f"add '{key}:'")
        return value

    def names(self, value: object, where: tuple) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            raise self.error(where, f"expected a list of player names, got {value!r}")
        return value

    def checked(self, where: tuple, build: Callable[[], Game]) -> Game:
        """Build and validate a game, moving the library's error to this file, line and path."""
        try:
            game = build()
            game.validate()
        except ReformlabError as exc:
            if exc.file == self.path:  # already placed by a nested node
                raise
            inside = tuple(exc.field.split(".")) if exc.field else ()
            raise self.error(where + inside, exc.problem, exc.fix) from None
        return game

    def node(self, value: object, where: tuple) -> Game:
        if not isinstance(value, dict) or len(value) != 1:
            raise self.error(
                where, "a game node is a mapping with exactly one key", "use one of: " + ", ".join(NODES)
            )
        ((kind, body),) = value.items()
        if kind not in NODES:
            error = unknown_name("game node", kind, NODES)
            raise self.error(where + (kind,), error.problem, error.fix)
        return NODES[kind](self, body, where + (kind,))

    def nodes(self, value: object, where: tuple) -> list[Game]:
        if not isinstance(value, list) or not value:
            raise self.error(where, "expected a non-empty list of game nodes")
        return [self.node(item, where + (number,)) for number, item in enumerate(value)]


def _weighted(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("quota", "weights"), ("quota", "weights"))
    weights = reader.mapping(body["weights"], where + ("weights",), tuple(body["weights"] or ()))
    return reader.checked(where, lambda: WeightedGame(weights, quota=body["quota"]))


def _clause(reader: _Reader, body: object, where: tuple, players: list[str] | None) -> WeightedGame:
    body = reader.mapping(body, where, ("quota", "weights", "head_count"), ("quota",))
    if "head_count" in body:
        if players is None:
            raise reader.error(where, "a head-count clause needs a clause with weights before it")
        return reader.checked(where, lambda: WeightedGame.head_count(players, body["quota"]))
    return _weighted(reader, body, where)


def _vector(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("clauses", "quotas", "weights"))
    if "clauses" in body:
        items = body["clauses"]
        if not isinstance(items, list) or not items:
            raise reader.error(where + ("clauses",), "expected a non-empty list of clauses")
        weighted = [i for i, c in enumerate(items) if isinstance(c, dict) and "weights" in c]
        players = None
        if weighted:
            players = list(
                _clause(reader, items[weighted[0]], where + ("clauses", weighted[0]), None).players
            )
        clauses = [_clause(reader, c, where + ("clauses", i), players) for i, c in enumerate(items)]
        return reader.checked(where, lambda: VectorWeightedGame(clauses))
    body = reader.mapping(body, where, ("quotas", "weights"), ("quotas", "weights"))
    if not isinstance(body["quotas"], list) or not isinstance(body["weights"], dict):
        raise reader.error(where, "write quotas as a list and weights as {player: [w1, w2, ...]}")
    return reader.checked(where, lambda: VectorWeightedGame.from_vectors(body["weights"], body["quotas"]))


def _and(reader: _Reader, body: object, where: tuple) -> Game:
    return reader.checked(where, lambda: AndGame(reader.nodes(body, where)))


def _or(reader: _Reader, body: object, where: tuple) -> Game:
    return reader.checked(where, lambda: OrGame(reader.nodes(body, where)))


def _at_least(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("k", "games"), ("k", "games"))
    games = reader.nodes(body["games"], where + ("games",))
    return reader.checked(where, lambda: AtLeastGame(games, k=body["k"]))


def _minimal_winning(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("coalitions", "players"), ("coalitions",))
    coalitions = body["coalitions"]
    if not isinstance(coalitions, list) or not coalitions:
        raise reader.error(
            where + ("coalitions",), "expected a non-empty list of coalitions (lists of names)"
        )
    named = [reader.names(c, where + ("coalitions", i)) for i, c in enumerate(coalitions)]
    players = body.get("players")
    if players is None:
        players = list(dict.fromkeys(name for coalition in named for name in coalition))
    players = reader.names(players, where + ("players",))
    return reader.checked(where, lambda: MinimalWinningGame(players, named))


def _bloc_map(reader: _Reader, value: object, where: tuple) -> dict[str, list[str]]:
    blocs = reader.mapping(value, where, tuple(value) if isinstance(value, dict) else ())
    return {bloc: reader.names(members, where + (bloc,)) for bloc, members in blocs.items()}


def _blocs(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("blocs", "game"), ("blocs", "game"))
    inner = reader.node(body["game"], where + ("game",))
    return reader.checked(
        where, lambda: BlocGame(inner, _bloc_map(reader, body["blocs"], where + ("blocs",)))
    )


def _compound(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("outer", "inner"), ("outer", "inner"))
    outer = reader.node(body["outer"], where + ("outer",))
    inner_body = reader.mapping(body["inner"], where + ("inner",), tuple(body["inner"] or ()))
    inner = {name: reader.node(node, where + ("inner", name)) for name, node in inner_body.items()}
    return reader.checked(where, lambda: CompoundGame(outer, inner))


def _eu_council(reader: _Reader, body: object, where: tuple) -> Game:
    body = reader.mapping(body, where, ("populations",), ("populations",))
    populations = reader.mapping(
        body["populations"], where + ("populations",), tuple(body["populations"] or ())
    )
    return reader.checked(where, lambda: eu_council(populations))


NODES = {
    "weighted": _weighted,
    "vector": _vector,
    "and": _and,
    "or": _or,
    "at_least": _at_least,
    "minimal_winning": _minimal_winning,
    "blocs": _blocs,
    "compound": _compound,
    "eu_council": _eu_council,
}


def _name_lines(data: object, lines: dict[tuple, int], where: tuple = ()) -> None:
    """Add ``("<name>", player) -> line`` for the first line each name appears on under ``game``."""
    if isinstance(data, dict):
        for key, value in data.items():
            inside = where + (key,)
            if where[:1] == ("game",) and inside in lines:
                lines.setdefault(("<name>", key), lines[inside])
            _name_lines(value, lines, inside)
    elif isinstance(data, list):
        for number, item in enumerate(data):
            _name_lines(item, lines, where + (number,))
    elif where[:1] == ("game",) and isinstance(data, str) and where in lines:
        lines.setdefault(("<name>", data), lines[where])


def game_from_dict(data: object, *, path: str = "<game>", lines: dict[tuple, int] | None = None) -> Game:
    """Build a game from the loaded YAML data (see the module docstring for the format)."""
    reader = _Reader(path, lines or {})
    data = reader.mapping(data, (), TOP_KEYS, ("game",))
    game = reader.node(data["game"], ("game",))
    if "players" in data:
        players = reader.names(data["players"], ("players",))
        try:
            check_player_names(players, field="players")
        except ReformlabError as exc:
            raise reader.error(("players",), exc.problem, exc.fix) from None
        for name in game.players:
            if name not in players:
                raise ReformlabError(
                    f"the game names player {name!r}, who is not in the players list",
                    file=path,
                    line=reader.lines.get(("<name>", name)),
                    field="game",
                    fix=f"add {name!r} to 'players:' or correct the name "
                        f"({unknown_name('player', name, players).fix})",
                )
        game = reader.checked(("game",), lambda: AndGame((game,), players=players))
    if "blocs" in data:
        blocs = _bloc_map(reader, data["blocs"], ("blocs",))
        game = reader.checked((), lambda: BlocGame(game, blocs))
    return game


def load_game(path: str | Path) -> Game:
    """Read a game file (through :func:`reformlab.yamlio.read_yaml`) and build the game; errors name the file,
    line and path."""
    data, lines = read_yaml(path)
    _name_lines(data, lines)
    return game_from_dict(data, path=str(path), lines=lines)
