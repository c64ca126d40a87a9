"""``reformlab decompose``: which amendment of a reform moved which decision, and by how much."""

from __future__ import annotations

import typer

from reformlab.commands.analysis import ALIGN_HELP, SCENARIO_HELP, parse_alignments
from reformlab.commands.output import Format, echo_csv, echo_json, format_option
from reformlab.commands.risk import MAX_DRAWS, Scheduler


def decompose_command(
    base: str = typer.Argument(..., help="The version amended: kz@2007-05-20 (or a constitution file@DATE)."),
    reform: str = typer.Argument(..., help="A reform file (its changes or amendments), or a later version of the "
                                           "same tree: kz@2007-05-21."),
    scenario: str = typer.Option(None, "--scenario", "-s", help=SCENARIO_HELP + " The same seats fill every "
                                 "subset of amendments; default: the scenario of the base's date."),
    align: list[str] = typer.Option(None, "--align", help=ALIGN_HELP),
    camp: str = typer.Option("president", "--camp", help="The actor whose control is measured."),
    election: str = typer.Option(None, "--election", "-e", help="Hold the votes fixed: fill every subset from this "
                                 "election's votes under its own rules (a built-in scenario or election id)."),
    measure: list[str] = typer.Option(None, "--measure", "-m", help="control, banzhaf, shapley, margin (the camp's "
                                      "seats beyond or short of the quota), risk (the probability of losing the power "
                                      "to pass alone / to block); repeatable; default: control, banzhaf and margin."),
    decision: list[str] = typer.Option(None, "--decision", "-d", help="Only these decisions (repeatable)."),
    draws: int = typer.Option(100_000, "--draws", "-n", help="With --measure risk: draws per subset of amendments."),
    seed: int = typer.Option(0, "--seed", help="With --measure risk: the seed; every subset gets the same draws."),
    scheduler: Scheduler = typer.Option(Scheduler.serial, "--scheduler", help="With --measure risk: serial, or dask."),
    address: str = typer.Option(None, "--address", help="Dask scheduler, e.g. tcp://host:8786 (default: a LocalCluster)."),
    workers: int = typer.Option(2, "--workers", help="Workers of the LocalCluster."),
    output: Format = format_option(),
) -> None:
    """Split a reform's effect on every decision among its amendments (exact Shapley shares)."""
    from reformlab.analysis.decompose import decompose
    from reformlab.analysis.decompose_inputs import decomposition_inputs
    from reformlab.errors import ReformlabError
    from reformlab.report.progress import counter

    measures = tuple(measure or ("control", "banzhaf", "margin"))
    if "risk" not in measures and (scheduler is not Scheduler.serial or address):
        raise ReformlabError("--scheduler and --address run the risk measure", field="--scheduler",
                             fix="add --measure risk, or drop them")
    if address and scheduler is not Scheduler.dask:
        raise ReformlabError("--address needs --scheduler dask", field="--address")
    if workers < 1:
        raise ReformlabError(f"--workers must be at least 1, got {workers}", field="--workers")
    if "risk" in measures and draws > MAX_DRAWS:
        raise ReformlabError(f"{draws:,} draws per subset is more than the {MAX_DRAWS:,} one risk run takes",
                             field="--draws", fix=f"give --draws {MAX_DRAWS:,} or fewer (100,000 is the default)")
    alignments = parse_alignments(align)
    before, package, scenario_obj, base_name, source = decomposition_inputs(
        base, reform, scenario, None if election else alignments, election=election)
    with counter("draws", total=draws, enabled=None if "risk" in measures and output is Format.table else False) \
            as progress:
        result = decompose(before, package, scenario_obj, camp=camp, measures=measures, only=decision or None,
                           base_name=base_name, election=election, alignments=alignments if election else None,
                           draws=draws, seed=seed, scheduler=scheduler.value, workers=workers, address=address,
                           progress=progress)
    if output is Format.json:
        echo_json({**result.to_dict(), "package_source": source})
        return
    if output is Format.csv:
        rows = [(d.decision, s.measure, s.actor, s.assumption, amendment, str(s.before), str(s.after),
                 str(s.shares[amendment]), str(s.alone[amendment]), str(s.left_out[amendment]))
                for d in result.decisions.values() for s in d.shares for amendment in s.shares]
        echo_csv(("decision", "measure", "actor", "assumption", "amendment", "before", "after", "share", "alone",
                  "left_out"), rows)
        return
    print_decomposition(result, source)


def print_decomposition(result, source: str) -> None:
    """Per decision that moved: each amendment's share of the change, alone and left out."""
    from rich.table import Table

    from reformlab.analysis.decompose import CONTROL_LEVELS
    from reformlab.commands.output import console as make_console
    from reformlab.commands.output import styled

    console = make_console()
    levels = {v: k for k, v in CONTROL_LEVELS.items()}
    seats = (f"the votes of {result.election} held fixed, seats under each subset's rules" if result.election
             else f"seats from {result.scenario or 'no scenario'}")
    console.print(styled((result.reform.label or result.reform.reform, "bold"), f" on {result.base}, {seats}"))
    console.print(f"Amendments: {source} ({len(result.amendments)}).")
    if result.risk:
        console.print(f"Risk: {result.risk['draws']:,} draws per subset, seed {result.risk['seed']}, the same draws "
                      f"for all {result.risk['subsets']} subsets ({result.risk['scheduler']}); the shares split the "
                      "estimates exactly.")
    moved = 0
    for attribution in result.decisions.values():
        if attribution.cannot_tell:
            console.print(styled("\n", (attribution.label or attribution.decision, "bold"),
                                 f": cannot tell: {attribution.cannot_tell}"))
            continue
        mine = [s for s in attribution.shares if s.measure == "control" or s.actor == result.camp]
        shown = [s for s in mine if s.total]
        if not shown:
            still = "; ".join(f"{s.measure}{f' ({s.assumption})' if s.assumption else ''} "
                              f"{levels[int(s.before)] if s.measure == 'control' else _num(s.before)}"
                              for s in mine)
            console.print(styled("\n", (attribution.label or attribution.decision, "bold"),
                                 f": no change for {result.camp} ({still or 'no measure'}); every share is 0"))
            for what, why in attribution.not_shared:
                console.print(f"  {what}: not shared out: {why}")
            continue
        moved += 1
        console.print(styled("\n", (attribution.label or attribution.decision, "bold")))
        for share in shown:
            what = share.measure + (f" ({share.assumption})" if share.assumption else "")
            if share.measure == "control":
                change = f"{levels[int(share.before)]} -> {levels[int(share.after)]} ({_num(share.total)} levels)"
            else:
                change = f"{_num(share.before)} -> {_num(share.after)} ({_num(share.total)})"
            table = Table(title=f"{result.camp}, {what}: {change}", title_justify="left")
            for column in ("amendment", "articles", "share", "alone", "left out"):
                table.add_column(column, justify="left" if column in ("amendment", "articles") else "right")
            order = sorted(share.shares, key=lambda a: -abs(share.shares[a]))
            articles = {a["id"]: ", ".join(a["articles"]) for a in result.amendments}
            for amendment in order:
                if not (share.shares[amendment] or share.alone[amendment] or share.left_out[amendment]):
                    continue
                table.add_row(amendment, articles.get(amendment, ""), _num(share.shares[amendment]),
                              _num(share.alone[amendment]), _num(share.left_out[amendment]))
            table.add_row("sum of the shares", "", _num(sum(share.shares.values())), "", "", style="bold")
            console.print(table)
        for what, why in attribution.not_shared:
            console.print(f"  {what}: not shared out: {why}")
        for pair in attribution.interactions:
            console.print(f"  only together, {pair.side}: {pair.first} + {pair.second} ({pair.before} -> {pair.after})")
    if not moved:
        console.print("\nNo decision's control or the camp's power changes.")
    console.print(f"\n{result.evaluations} versions evaluated (every subset of every decision's amendments "
                  f"would be {result.naive_evaluations}).")


def _num(value) -> str:
    text = str(value)
    return text if len(text) <= 13 else f"{float(value):.6f}"


def register(app: typer.Typer) -> None:
    app.command("decompose")(decompose_command)
