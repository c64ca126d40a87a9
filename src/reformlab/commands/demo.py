"""``reformlab demo``: the main job, Kazakhstan before and after the May 2007 reform, end to end."""

from __future__ import annotations

from pathlib import Path

import typer

from reformlab.commands.output import Format, echo_csv, echo_json, format_option

DEMO_ELECTIONS = ("KZ-MAJ-2007", "KZ-MAJ-2012")


def register(app: typer.Typer) -> None:
    app.command("demo", help="Run the main job: Kazakhstan before and after the May 2007 reform.")(demo)


def demo(
    output: Path = typer.Option(
        None, "--output", "-o", help="Where to write the report (default: ./reformlab-report.html)."
    ),
    format: Format = format_option(),
) -> None:
    """Run the main job on the built-in Kazakhstan data (no input needed).

    Replays the Majilis list tiers of 2007 and 2012 from the raw votes under the rule then in force, next
    to the official seats; compares the versions of 20 and 21 May 2007 (rule changes with articles, control
    and power of every decision); and writes the report of that comparison (HTML, whole or not at all).
    """
    from reformlab.analysis.compare import compare
    from reformlab.commands.allocate import csv_rows, election_run, print_run
    from reformlab.commands.analysis import print_comparison
    from reformlab.commands.report import DEFAULT_AFTER, DEFAULT_BEFORE, make_report

    runs = {election: election_run(election) for election in DEMO_ELECTIONS}
    comparison = compare(DEFAULT_BEFORE, DEFAULT_AFTER)
    report = make_report(DEFAULT_BEFORE, DEFAULT_AFTER, output=output).resolve()
    if format is Format.json:
        echo_json({"elections": {election: run.allocation.to_dict() for election, run in runs.items()},
                   "comparison": comparison.to_dict(), "report": str(report)})
        return
    if format is Format.csv:  # the replayed elections; the comparison is in the report and in --format json
        echo_csv(["election", "party", "votes", "passed", "seats"],
                 [[election, *row] for election, run in runs.items() for row in csv_rows(run)])
        return
    for run in runs.values():
        print_run(run)
        typer.echo()
    print_comparison(comparison)
    typer.echo()
    typer.echo(f"report: {report}")
