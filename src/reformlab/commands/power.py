"""``reformlab power``: voting-power indices, veto players and the dictator of a weighted or composite game.

Three forms: ``--quota Q --weights w1,w2,...`` (a weighted game), ``GAME.yaml`` (any game written as data,
see :mod:`reformlab.games.loader`), and a constitution version with ``--scenario``: every decision of the
version becomes a game (:func:`_power_for_target`).
"""

from __future__ import annotations

from pathlib import Path

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, format_option
from reformlab.errors import ReformlabError, unknown_name

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
            raise unknown_name("index", name, [*choices, "all"], field="--index")
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


def _power_for_target(target: str, *, scenario: str | None = None, alignments: dict | None = None,
                      election: str | None = None) -> dict:
    """Label -> game for every decision of a constitution version (``kz@2007-09-01``) filled under a scenario.

    A decision that depends on an unknown majority gives one game per assumed majority (labelled with the
    assumption); a decision that cannot be told maps to the reason, a string, shown as "cannot tell".
    """
    from reformlab.analysis import evaluate
    from reformlab.engine.decisions import games as decision_games
    from reformlab.engine.tree import decision_key

    evaluation = evaluate(target, scenario, alignments=alignments, election=election)
    games: dict = {}
    for decision_id, decision in evaluation.decisions.items():
        for assumption, game in decision_games(decision):
            games[decision_key(decision_id, assumption)] = game if game is not None else "no coalition can pass it"
        if decision.status == "unknown":
            games[decision_id] = decision.unknown or "not known"
    return games


def _games(target, quota, weights, names, scenario, alignments=None, election=None) -> dict:
    from reformlab.games.loader import load_game

    filled_by = [name for name, given in (("--scenario", scenario), ("--align", alignments), ("--election", election))
                 if given]
    if filled_by and (target is None or _is_game_file(target)):
        raise ReformlabError(f"{filled_by[0]} needs a constitution target", field=filled_by[0],
                             fix="name a version, e.g. kz@2007-09-01")
    if target is None:
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
    return _power_for_target(target, scenario=scenario, alignments=alignments, election=election)


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


def _players(report: dict) -> list[str]:
    from reformlab.games import GAME_KEY

    return list(dict.fromkeys(p for values in report["float"].values() for p in values if p != GAME_KEY))


def _csv(reports: dict) -> None:
    """One row per game, player and index: the exact value where there is one, the float always."""
    rows = []
    for label, report in reports.items():
        if "unknown" in report:
            rows.append([label, "", "", "", "", "cannot tell: " + report["unknown"]])
            continue
        for index, values in report["float"].items():
            for player, value in values.items():
                exact = report["exact"].get(index, {}).get(player)
                rows.append([label, player, index, exact, value, report["methods"][index]])
    echo_csv(["game", "player", "index", "exact", "value", "method"], rows)


def _fitting(report: dict, players: list[str], indices: list[str], width: int) -> list[list[str]]:
    """The index columns split into groups that each fit ``width`` next to the player column."""
    from reformlab.games import INDICES

    def need(index: str) -> int:
        return 3 + max(len(INDICES[index].label) + 1, *(len(_cell(report, index, p)) for p in players))

    room = width - 4 - min(max(map(len, players), default=6), width // 3)
    groups: list[list[str]] = [[]]
    used = 0
    for index in indices:
        if groups[-1] and used + need(index) > room:
            groups.append([])
            used = 0
        groups[-1].append(index)
        used += need(index)
    return groups


def _print_table(label: str, report: dict) -> None:
    from rich.table import Table

    from reformlab.games import GAME_KEY, INDICES

    out = console()
    indices = [index for index in report["float"] if index != "coleman_collectivity"]
    players = _players(report)
    for number, group in enumerate(_fitting(report, players, indices, out.width)):
        table = Table(title=f"Voting power: {label}" + (" (continued)" if number else ""))
        table.add_column("player", overflow="fold")
        for index in group:
            mark = "" if report["methods"][index] == "exact" else "~"
            table.add_column(INDICES[index].label + mark, justify="right", overflow="fold")
        for player in players:
            table.add_row(player, *[_cell(report, index, player) for index in group])
        out.print(table)
    if "coleman_collectivity" in report["float"]:
        out.print(
            f"power of the collectivity to act (Coleman): {_cell(report, 'coleman_collectivity', GAME_KEY)}"
        )
    out.print(f"veto players: {', '.join(report['veto_players']) or 'none'}")
    out.print(f"dictator: {report['dictator'] or 'none'}")
    if "dummy_players" in report:
        out.print(f"dummy players: {', '.join(report['dummy_players']) or 'none'}")
    if report["smallest_winning_coalition"] is not None:
        out.print(f"a smallest winning coalition: {', '.join(report['smallest_winning_coalition'])}")
    method = report["method"]
    if method == "monte_carlo":
        method += f" (~ marks estimates from {report['samples']} samples; 95% intervals in --format json)"
    out.print(f"method: {method}")


#: Monte Carlo holds ``samples x players`` cells at once (about 24 bytes each for Shapley's orderings):
#: 100 million cells stay near 2.4 GB (a 3,000-player game at the default 20,000 samples is 60 million).
MAX_SAMPLE_CELLS = 100_000_000
SAMPLES = 20_000  # the Monte Carlo samples when --samples is not given


def _check_samples(samples: int, games: dict) -> None:
    """Refuse a Monte Carlo too large for memory, with the most samples that fit (instead of a MemoryError)."""
    players = max((len(g.players) for g in games.values() if not isinstance(g, str)), default=1)
    if samples * players > MAX_SAMPLE_CELLS:
        fits = MAX_SAMPLE_CELLS // players
        raise ReformlabError(
            f"{samples:,} samples of {players} players need about {samples * players * 24 / 2**30:,.1f} GiB",
            field="--samples",
            fix=f"give --samples {fits:,} or fewer (the error of an estimate shrinks as 1/sqrt(samples): "
                "10^6 samples give about ±0.001)")


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
    output: Format = format_option(),
    method: str = typer.Option("auto", "--method", help="auto (exact when it fits), exact, or monte_carlo."),
    samples: int = typer.Option(None, "--samples", help=f"Monte Carlo samples (default {SAMPLES:,})."),
    seed: int = typer.Option(None, "--seed", help="Monte Carlo seed (default 0)."),
    scenario: str | None = typer.Option(
        None, "--scenario", help="Scenario filling a constitution target (default: the one sitting on that date)."
    ),
    align: list[str] = typer.Option(None, "--align", help="Override an alignment, PARTY=PRINCIPAL (repeatable)."),
    election: str | None = typer.Option(None, "--election", "-e", help="Fill a constitution target from this "
                                        "election's votes under its own rules (a built-in scenario or election id)."),
) -> None:
    """Voting-power indices, veto players and the dictator of a game."""
    from reformlab.games import POWER_METHODS

    if method not in POWER_METHODS:
        raise unknown_name("method", method, POWER_METHODS, field="--method")
    given = [option for option, value in (("--samples", samples), ("--seed", seed)) if value is not None]
    if method == "exact" and given:
        raise ReformlabError(f"{given[0]} has no effect with --method exact: nothing is sampled", field=given[0],
                             fix=f"drop {' and '.join(given)}, or use --method monte_carlo")
    samples, seed = SAMPLES if samples is None else samples, 0 if seed is None else seed
    chosen = _indices(index)
    from reformlab.commands.analysis import parse_alignments

    games = _games(target, quota, weights, names, scenario, parse_alignments(align), election)
    if method != "exact":
        _check_samples(samples, games)
    try:
        reports = {
            label: {"unknown": g} if isinstance(g, str) else _report(g, chosen, method=method, samples=samples, seed=seed)
            for label, g in games.items()
        }
    except ReformlabError as exc:
        option = f"--{exc.field}" if exc.field in ("method", "samples", "seed") else exc.field
        file = target if target is not None and _is_game_file(target) else exc.file
        raise ReformlabError(exc.problem, file=file, line=exc.line, field=option, fix=exc.fix) from None
    if output is Format.json:
        echo_json(next(iter(reports.values())) if len(reports) == 1 else reports)
        return
    if output is Format.csv:
        _csv(reports)
        return
    for label, report in reports.items():
        if "unknown" in report:
            console().print(f"{label}: cannot tell ({report['unknown']})")
        else:
            _print_table(label, report)
    sampled = any(m != "exact" for r in reports.values() for m in r.get("methods", {}).values())
    if given and not sampled:  # --method auto found every index exactly: say the options went unused
        console().print(f"{' and '.join(given)} unused: every index was computed exactly")
