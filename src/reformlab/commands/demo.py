"""``reformlab demo``: the main job, Kazakhstan before and after the May 2007 reform, end to end."""

from __future__ import annotations

from pathlib import Path

import typer

DEMO_ELECTIONS = ("KZ-MAJ-2007", "KZ-MAJ-2012")


def register(app: typer.Typer) -> None:
    app.command("demo", help="Run the main job: Kazakhstan before and after the May 2007 reform.")(demo)


def demo(
    output: Path = typer.Option(
        None, "--output", "-o", help="Where to write the report (default: ./reformlab-report.html)."
    ),
) -> None:
    """Run the main job on the built-in Kazakhstan data (no input needed).

    Replays the Majilis list tiers of 2007 and 2012 from the raw votes under the rule then in force, next
    to the official seats; compares the versions of 20 and 21 May 2007 (rule changes with articles, control
    and power of every decision); and writes the report of that comparison (HTML, whole or not at all).
    """
    from reformlab.analysis.compare import compare
    from reformlab.commands.allocate import election_run, print_run
    from reformlab.commands.analysis import print_comparison
    from reformlab.commands.report import DEFAULT_AFTER, DEFAULT_BEFORE, make_report

    for election in DEMO_ELECTIONS:
        print_run(election_run(election))
        typer.echo()
    print_comparison(compare(DEFAULT_BEFORE, DEFAULT_AFTER))
    typer.echo()
    typer.echo(f"report: {make_report(DEFAULT_BEFORE, DEFAULT_AFTER, output=output).resolve()}")
