"""``reformlab power``: voting-power indices, veto players and the dictator of a weighted or composite game.

Three forms: ``--quota Q --weights w1,w2,...`` (a weighted game), ``GAME.yaml`` (any game written as data,
see :mod:`reformlab.games.loader`), and a constitution version with ``--scenario``: every decision of the
version becomes a game (:func:`_power_for_target`).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from reformlab.errors import ReformlabError, did_you_mean

FORMATS = ("table", "json")


def _choices() -> dict[str, tuple[str, ...]]:
    """``--index`` words from the power-index registry: each index by name, each family (``coleman``) as a group."""
    from reformlab.games.indices import INDICES, families

    groups = families()
    choices: dict[str, tuple[str, ...]] = {}
    for record in INDICES.values():
        if record.family is None:
            choices[record.name] = (record.name,)
        elif record.family not in choices:
            choices[record.family] = groups[record.family]
    return choices


def register(app: typer.Typer) -> None:
    app.command(
        "power", help="Voting power in a game: indices, veto players, dictator (--weights or GAME.yaml)."
    )(power)


def _indices(index: str) -> list[str]:
    from reformlab.games import INDICES

    if index == "all":
        return list(INDICES)
    choices = _choices()
    chosen: list[str] = []
    for name in index.split(","):
        name = name.strip()
        if name in choices:
            chosen.extend(choices[name])
        elif name in INDICES:
            chosen.append(name)
        else:
            raise ReformlabError(
                f"unknown index {name!r}", field="--index", fix=did_you_mean(name, [*choices, "all"])
            )
    return list(dict.fromkeys(chosen))


def _split(text: str, option: str) -> list[str]:
    items = [item.strip() for item in text.split(",")]
    if not text.strip() or any(not item for item in items):
        raise ReformlabError(f"expected a comma-separated list, got {text!r}", field=option)
    return items


def _quota(text: str) -> object:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else text


def _weighted_from_options(quota: str | None, weights: str | None, names: str | None):
    from reformlab.games import WeightedGame
    from reformlab.games.weighted import exact_number

    if weights is None or quota is None:
        raise ReformlabError(
            "give a game: --quota and --weights, or a GAME.yaml file",
            field="--weights" if weights is None else "--quota",
            fix="e.g. reformlab power --quota 51 --weights 40,30,20,10",
        )
    values = [exact_number(w, field="--weights") for w in _split(weights, "--weights")]
    labels = _split(names, "--names") if names is not None else [f"P{i}" for i in range(1, len(values) + 1)]
    if len(labels) != len(values):
        raise ReformlabError(
            f"{len(labels)} names for {len(values)} weights", field="--names", fix="give one name per weight"
        )
    if len(set(labels)) != len(labels):
        duplicate = next(name for name in labels if labels.count(name) > 1)
        raise ReformlabError(f"duplicate player {duplicate!r}", field="--names", fix="give distinct names")
    game = WeightedGame(dict(zip(labels, values, strict=True)), quota=_quota(quota))
    try:
        game.validate()
    except ReformlabError as exc:
        option = "--quota" if (exc.field or "").startswith("quota") else "--weights"
        raise ReformlabError(exc.problem, field=option, fix=exc.fix) from None
    return game


def _is_game_file(target: str) -> bool:
    return target.lower().endswith((".yaml", ".yml")) or Path(target).is_file()


def _power_for_target(target: str, *, scenario: str | None = None) -> dict:
    """Label -> game for every decision of a constitution version (``kz@2007-09-01``) filled under a scenario.

    A decision that depends on an unknown majority gives one game per assumed majority (labelled with the
    assumption); a decision that cannot be told maps to the reason, a string, shown as "cannot tell".
    """
    from reformlab.analysis import evaluate
    from reformlab.engine.decisions import games as decision_games
    from reformlab.engine.tree import decision_key

    evaluation = evaluate(target, scenario)
    games: dict = {}
    for decision_id, decision in evaluation.decisions.items():
        for assumption, game in decision_games(decision):
            games[decision_key(decision_id, assumption)] = game if game is not None else "no coalition can pass it"
        if decision.status == "unknown":
            games[decision_id] = decision.unknown or "not known"
    return games


def _games(target, quota, weights, names, scenario) -> dict:
    from reformlab.games.loader import load_game

    if target is None:
        if scenario is not None:
            raise ReformlabError("--scenario needs a constitution target", field="--scenario")
        return {"game": _weighted_from_options(quota, weights, names)}
    if weights is not None or quota is not None or names is not None:
        raise ReformlabError(
            "give either a target or --quota/--weights/--names, not both",
            field="--weights",
            fix="drop one of them",
        )
    if _is_game_file(target):
        if not Path(target).is_file():
            raise ReformlabError("no such game file", file=target, fix="check the path")
        return {Path(target).stem: load_game(target)}
    return _power_for_target(target, scenario=scenario)


def _witness(game) -> list[str] | None:
    """A smallest winning coalition in player order, or ``None`` when there is none or it is out of reach."""
    from reformlab.games import smallest_winning_coalition

    try:
        witness = smallest_winning_coalition(game)
    except ReformlabError:
        return None
    return None if witness is None else [name for name in game.players if name in witness]


def _report(game, indices: list[str], **options) -> dict:
    from reformlab.games import INDICES, dictator, powers, veto_players

    results = powers(game, indices, **options)
    report = {
        "exact": {
            n: {p: str(v) for p, v in r.values.items()} for n, r in results.items() if r.method == "exact"
        },
        "float": {name: r.as_float() for name, r in results.items()},
        "veto_players": list(veto_players(game)),
        "dictator": dictator(game),
        "method": "exact" if all(r.method == "exact" for r in results.values()) else "monte_carlo",
        "methods": {name: r.method for name, r in results.items()},
    }
    swing_based = [  # zero exactly when the player is never a swing
        r
        for n, r in results.items()
        if INDICES[n].needs in ("totals", "swings") and INDICES[n].per_player and r.method == "exact"
    ]
    if swing_based:
        report["dummy_players"] = [p for p, v in swing_based[0].values.items() if v == 0]
    report["smallest_winning_coalition"] = _witness(game)
    estimated = {name: r for name, r in results.items() if r.ci is not None}
    if estimated:
        report["ci"] = {name: {p: list(ci) for p, ci in r.ci.items()} for name, r in estimated.items()}
        report["samples"] = next(iter(estimated.values())).samples
    return report


def _cell(report: dict, index: str, player: str) -> str:
    exact = report["exact"].get(index, {}).get(player)
    if exact is not None and len(exact) <= 11:
        return exact
    value = report["float"][index].get(player)
    return "" if value is None else f"{value:.4f}"


def _print_table(label: str, report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    from reformlab.games import GAME_KEY, INDICES

    table = Table(title=f"Voting power: {label}")
    table.add_column("player")
    indices = [index for index in report["float"] if index != "coleman_collectivity"]
    for index in indices:
        mark = "" if report["methods"][index] == "exact" else "~"
        table.add_column(INDICES[index].label + mark, justify="right")
    players = list(dict.fromkeys(p for values in report["float"].values() for p in values if p != GAME_KEY))
    for player in players:
        table.add_row(player, *[_cell(report, index, player) for index in indices])
    console = Console(highlight=False, soft_wrap=True)
    needed = 4 + max(map(len, players), default=6) + sum(len(INDICES[index].label) + 4 for index in indices)
    if console.width < needed:  # a narrow or non-terminal output must not cut the headers
        console = Console(highlight=False, soft_wrap=True, width=needed)
    console.print(table)
    if "coleman_collectivity" in report["float"]:
        console.print(
            f"power of the collectivity to act (Coleman): {_cell(report, 'coleman_collectivity', GAME_KEY)}"
        )
    console.print(f"veto players: {', '.join(report['veto_players']) or 'none'}")
    console.print(f"dictator: {report['dictator'] or 'none'}")
    if "dummy_players" in report:
        console.print(f"dummy players: {', '.join(report['dummy_players']) or 'none'}")
    if report["smallest_winning_coalition"] is not None:
        console.print(f"a smallest winning coalition: {', '.join(report['smallest_winning_coalition'])}")
    method = report["method"]
    if method == "monte_carlo":
        method += f" (~ marks estimates from {report['samples']} samples; 95% intervals in --format json)"
    console.print(f"method: {method}")


def power(
    target: str | None = typer.Argument(
        None, help="A GAME.yaml file, or a constitution version (kz@2007-09-01) whose every decision is measured."
    ),
    quota: str | None = typer.Option(
        None, "--quota", help="Quota: an integer, a share ('2/3', '55%'), or 'majority'."
    ),
    weights: str | None = typer.Option(None, "--weights", help="Comma-separated weights, e.g. 40,30,20,10."),
    names: str | None = typer.Option(
        None, "--names", help="Comma-separated player names (default P1, P2, ...)."
    ),
    index: str = typer.Option(
        "all",
        "--index",
        help="A power index (banzhaf, shapley, holler, ...), a family (coleman), all, or several: shapley,holler.",
    ),
    output: str = typer.Option("table", "--format", help="table or json."),
    method: str = typer.Option("auto", "--method", help="auto (exact when it fits), exact, or monte_carlo."),
    samples: int = typer.Option(20_000, "--samples", help="Monte Carlo samples."),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed."),
    scenario: str | None = typer.Option(
        None, "--scenario", help="Scenario filling a constitution target (default: the one sitting on that date)."
    ),
) -> None:
    """Voting-power indices, veto players and the dictator of a game."""
    from reformlab.games import POWER_METHODS

    if output not in FORMATS:
        raise ReformlabError(
            f"unknown format {output!r}", field="--format", fix=did_you_mean(output, FORMATS)
        )
    if method not in POWER_METHODS:
        raise ReformlabError(
            f"unknown method {method!r}", field="--method", fix=did_you_mean(method, POWER_METHODS)
        )
    chosen = _indices(index)
    games = _games(target, quota, weights, names, scenario)
    try:
        reports = {
            label: {"unknown": g} if isinstance(g, str) else _report(g, chosen, method=method, samples=samples, seed=seed)
            for label, g in games.items()
        }
    except ReformlabError as exc:
        option = f"--{exc.field}" if exc.field in ("method", "samples", "seed") else exc.field
        file = target if target is not None and _is_game_file(target) else exc.file
        raise ReformlabError(exc.problem, file=file, line=exc.line, field=option, fix=exc.fix) from None
    if output == "json":
        data = next(iter(reports.values())) if len(reports) == 1 else reports
        typer.echo(json.dumps(data, indent=2))
        return
    for label, report in reports.items():
        if "unknown" in report:
            typer.echo(f"{label}: cannot tell ({report['unknown']})")
        else:
            _print_table(label, report)
