"""``reformlab demo``: the main job that ``make demo`` runs."""

from __future__ import annotations

import typer

DEMO_ELECTIONS = ("KZ-MAJ-2007", "KZ-MAJ-2012")


def register(app: typer.Typer) -> None:
    app.command("demo", help="Run the main job: Kazakhstan before and after the May 2007 reform.")(demo)


def demo() -> None:
    """Run the main job on the built-in Kazakhstan data (no input needed).

    Until the report exists: replay the Majilis list tiers of 2007 and 2012 from the raw votes under the
    rule then in force, next to the official seats.
    """
    from reformlab.commands.allocate import election_run, print_run

    for number, election in enumerate(DEMO_ELECTIONS):
        if number:
            typer.echo()
        print_run(election_run(election))
