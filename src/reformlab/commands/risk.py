"""``reformlab risk``: Monte Carlo of the incumbent camp's control of each decision, version by version."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, format_option, readable
from reformlab.errors import ReformlabError


#: Draws in one run: 10^6 take 5-20 s on 2 cores, so this bound is about an hour, interruptible (Ctrl-C).
MAX_DRAWS = 100_000_000


class Scheduler(str, Enum):
    serial = "serial"
    dask = "dask"


def parse_settings(values: list[str] | None) -> dict[str, str]:
    """``["concentration=50", "model=swing"]`` -> ``{"concentration": "50", "model": "swing"}``."""
    found = {}
    for value in values or []:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip() or not setting.strip():
            raise ReformlabError(
                f"cannot read the setting {value!r}",
                field="--set",
                fix="write NAME=VALUE, e.g. --set concentration=50 (see docs/risk.md)",
            )
        found[name.strip()] = setting.strip()
    return found


def _percent(p, low=None, high=None) -> str:
    if p is None:
        return "–"
    text = f"{100 * p:.2f}%"
    return text if low is None else f"{text} [{100 * low:.2f},\u00a0{100 * high:.2f}]"


def _held(value) -> str:
    return "–" if value is None else ("yes" if value else "no")


def print_result(result) -> None:
    """Tables of loss probabilities per version, and the paired differences."""
    from rich.table import Table

    from reformlab.engine.tree import decision_key

    out = console()
    data = result.to_dict()
    for version in data["versions"]:
        table = Table(
            title=f"{version['target']} / {version['scenario']}: camp's baseline list share "
            f"{_percent(version['camp_share'])}, {data['draws']:,} draws",
            title_justify="left",
        )
        for column in (
            "decision",
            "holds\npass",
            "holds\nblock",
            "P(lose pass alone)\n[95%]",
            "P(lose block)\n[95%]",
        ):
            head = column.split("\n")[0]  # a header folds at its line break, never inside a word
            table.add_column(column, justify="left" if column == "decision" else "right", overflow="fold",
                             min_width=len(head) if head.startswith("P(") else None)
        skipped = []
        for p in version["procedures"]:
            name = decision_key(p["procedure"], p["assumption"] or None)
            if p["status"] != "simulated":
                skipped.append(f"{name} ({p['status']}: {p['reason']})")
                continue
            table.add_row(
                readable(name),
                _held(p["baseline_pass"]),
                _held(p["baseline_block"]),
                _percent(p["p_lose_pass"], *p["p_lose_pass_ci"]),
                _percent(p["p_lose_block"], *p["p_lose_block_ci"]),
            )
        for note in version.get("notes", ()):
            out.print(f"{version['target']}: {note}")
        if table.row_count:
            out.print(table)
        else:
            out.print(f"{table.title}: no decision could be simulated.")
        if skipped:
            out.print("Not simulated: " + "; ".join(skipped) + ".")
    if data["comparisons"]:
        table = Table(title="Same draws, two versions: difference in loss probability", title_justify="left")
        for column in ("decision", "power", "first", "second", "difference [95%]"):
            table.add_column(column, justify="left" if column in ("decision", "power") else "right")
        for c in data["comparisons"]:
            table.add_row(
                c["procedure"],
                c["kind"],
                _percent(c["p_a"]),
                _percent(c["p_b"]),
                _percent(c["difference"], c["low"], c["high"]),
            )
        out.print(table)
    out.print(
        "Probabilities rest on assumed parameters (docs/risk.md); 'holds' is the scenario as recorded."
    )


def print_sweep(sweep) -> None:
    from rich.table import Table

    from reformlab.engine.tree import decision_key

    out = console()
    frame = sweep.frame()
    frame = frame[frame["status"] == "simulated"]
    table = Table(title=f"Loss probability against {sweep.parameter}", title_justify="left")
    for column in (sweep.parameter, "version", "decision", "P(lose pass alone)", "P(lose block)"):
        table.add_column(
            column, justify="right" if column.startswith("P(") or column == sweep.parameter else "left",
            min_width=len(column) if column.startswith("P(") else None,
        )
    for row in frame.itertuples():
        name = decision_key(row.procedure, row.assumption if isinstance(row.assumption, str) else None)
        table.add_row(
            f"{row.value:g}", row.version, name, _percent(row.p_lose_pass), _percent(row.p_lose_block)
        )
    out.print(table)


def _check_targets(evaluations, camp: list[str] | None) -> None:
    """Every principal named by ``--camp`` holds seats in one of the versions (else the camp holds nothing and
    every decision reads as lost)."""
    from reformlab.errors import unknown_name

    known: dict[str, None] = {}
    for evaluation in evaluations:
        known.update(dict.fromkeys(evaluation.filling.principals()))
    for principal in camp or ():
        if principal not in known:
            raise unknown_name("principal", principal, list(known), field="--camp",
                               fix="name a principal holding seats ('reformlab control TARGET' lists them)")


def risk_command(
    targets: list[str] = typer.Argument(
        ..., help="Versions to compare on the same draws, e.g. kz@2004-10-01 kz@2007-09-01."
    ),
    draws: int = typer.Option(100_000, "--draws", "-n", help="Number of draws."),
    seed: int = typer.Option(
        None, "--seed", help="Seed; the same seed gives the same result on any chunking."
    ),
    sweep: str = typer.Option(
        None, "--sweep", help="NAME=LOW:HIGH:STEP (or NAME=V1,V2): loss against a parameter."
    ),
    setting: list[str] = typer.Option(
        None, "--set", help="Set a parameter, NAME=VALUE (repeatable); see docs/risk.md."
    ),
    camp: list[str] = typer.Option(
        None, "--camp", help="Principal(s) forming the incumbent's camp (default: president)."
    ),
    scenario: str = typer.Option(None, "--scenario", "-s", help="Scenario filling every version (a built-in id "
                                 "or FILE.yaml#ID; `votes:` scenarios included). Default: the one fitting each version."),
    election: str = typer.Option(None, "--election", "-e", help="The baseline votes every version is drawn around, "
                                 "under its own rules (a built-in scenario or election id; default: the first "
                                 "version's scenario's election)."),
    own_elections: bool = typer.Option(False, "--own-elections", help="Rules and election together: draw each version "
                                       "around its own scenario's votes (the difference then mixes the two)."),
    align: list[str] = typer.Option(None, "--align", help="Override an alignment, PARTY=PRINCIPAL (repeatable)."),
    output_format: Format = format_option(),
    output: Path = typer.Option(
        None, "--output", "-o", help="Write the JSON to this file (whole or not at all), or - for stdout."
    ),
    scheduler: Scheduler = typer.Option(Scheduler.serial, "--scheduler", help="serial, or dask."),
    address: str = typer.Option(
        None, "--address", help="Dask scheduler, e.g. tcp://host:8786 (default: a LocalCluster)."
    ),
    workers: int = typer.Option(2, "--workers", help="Workers of the LocalCluster."),
    chunk: int = typer.Option(
        65536, "--chunk", help="Draws per chunk (memory bound); results do not depend on it."
    ),
) -> None:
    """Probability that the incumbent's camp loses the power to pass each decision alone, or to block it."""
    from reformlab.analysis.risk import RiskParams, parse_sweep, simulate
    from reformlab.analysis.risk import sweep as run_sweep
    from reformlab.report.progress import counter

    if isinstance(draws, bool) or draws <= 0:
        raise ReformlabError(
            f"the number of draws must be above 0, got {draws}", field="--draws", fix="e.g. --draws 100000"
        )
    if draws > MAX_DRAWS:
        raise ReformlabError(
            f"{draws:,} draws is more than the {MAX_DRAWS:,} one run takes (about an hour on 2 cores; 10^6 take "
            "5-20 s and already give 95% intervals of about ±0.1 points)", field="--draws",
            fix=f"give --draws {MAX_DRAWS:,} or fewer; for more precision, run several seeds and pool them")
    if address and scheduler is not Scheduler.dask:
        raise ReformlabError("--address needs --scheduler dask", field="--address")
    if workers < 1:
        raise ReformlabError(f"--workers must be at least 1, got {workers}", field="--workers")
    values = parse_settings(setting)
    from reformlab.analysis.risk.baseline import baseline as baseline_of
    from reformlab.commands.analysis import parse_alignments

    base = baseline_of(targets, scenario=scenario, election=election, own=own_elections,
                       alignments=parse_alignments(align))
    _check_targets(base.evaluations, camp)
    if camp:
        values["camp"] = tuple(camp)
    params = RiskParams().replace(**values)  # checks every name and value
    points = parse_sweep(sweep) if sweep else None
    if output is not None:
        from reformlab.atomic import check_output

        check_output(output)  # refused before the simulation, not after
    options = dict(
        draws=draws, seed=seed, chunk=chunk, scheduler=scheduler.value, address=address, workers=workers
    )
    targets = list(base.evaluations)
    if output_format is Format.table and output is None:
        console().print(base.sentence)
        for note in dict.fromkeys(n for ev in targets for n in ev.modelled):
            console().print(note)
    total = draws * (len(points[1]) if points else 1)
    with counter("draws", total=total) as progress:
        if points:
            result = run_sweep(targets, points[0], points[1], params=params, progress=progress, **options)
        else:
            result = simulate(targets, params=params, progress=progress, **options)
    data = {**result.to_dict(), "baseline": base.to_dict()}
    if output is not None:
        from reformlab.atomic import write_atomic

        write_atomic(output, json.dumps(data, indent=2) + "\n")
    if output_format is Format.json:
        if output is None:
            echo_json(data)
        return
    if output_format is Format.csv:
        frame = result.frame()
        echo_csv(list(frame.columns), frame.itertuples(index=False))
        return
    (print_sweep if points else print_result)(result)


def register(app: typer.Typer) -> None:
    app.command(
        "risk", help="Monte Carlo risk: how likely the incumbent's camp loses each decision, per version."
    )(risk_command)
