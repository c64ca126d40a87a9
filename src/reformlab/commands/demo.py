"""``reformlab demo``: the main job that ``make demo`` runs."""

from __future__ import annotations

import typer

from reformlab.commands.output import Format, echo_csv, echo_json, format_option

DEMO_ELECTIONS = ("KZ-MAJ-2007", "KZ-MAJ-2012")


def register(app: typer.Typer) -> None:
    app.command("demo", help="Run the main job: Kazakhstan before and after the May 2007 reform.")(demo)


def demo(output: Format = format_option()) -> None:
    """Run the main job on the built-in Kazakhstan data (no input needed).

    Until the report exists: replay the Majilis list tiers of 2007 and 2012 from the raw votes under the
    rule then in force, next to the official seats.
    """
    from reformlab.commands.allocate import csv_rows, election_run, print_run

    runs = {election: election_run(election) for election in DEMO_ELECTIONS}
    if output is Format.json:
        echo_json({election: run.allocation.to_dict() for election, run in runs.items()})
        return
    if output is Format.csv:
        echo_csv(["election", "party", "votes", "passed", "seats"],
                 [[election, *row] for election, run in runs.items() for row in csv_rows(run)])
        return
    for number, run in enumerate(runs.values()):
        if number:
            typer.echo()
        print_run(run)
