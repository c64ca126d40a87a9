"""``reformlab grid``: every version under every election, and what of each change is the rules' and what the votes'."""

from __future__ import annotations

import json

import typer
from reformlab.commands.analysis import ALIGN_HELP, Format, parse_alignments
from reformlab.commands.output import console
from reformlab.commands.effects_view import print_votes
from reformlab.errors import ReformlabError

LEVELS = {2: "passes alone", 1: "veto", 0: "none"}


def _cell(row: dict | None) -> str:
    if row is None:
        return "–"
    control = row.get("control")
    surplus = row.get("surplus")
    words = "cannot tell" if control is None else LEVELS[int(control)]
    if surplus is not None:
        words += f" ({int(surplus):+d})"
    return words


def _signed(value) -> str:
    return str(value) if value < 0 else f"+{value}"


def grid_command(
    versions: list[str] = typer.Argument(..., help="Two or more versions, e.g. kz@2007-05-20 kz@2007-05-21."),
    election: list[str] = typer.Option(..., "--election", "-e", help="An election (repeat): a built-in scenario "
                                       "(kz-majilis-2004) or election id (KZ-MAJ-2004)."),
    actor: str = typer.Option("president", "--actor", help="Whose control the table shows."),
    align: list[str] = typer.Option(None, "--align", help=ALIGN_HELP),
    output: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
) -> None:
    """Control of every decision for every version under every election, and the change split into the
    rules' effect, the election's effect and their interaction (Shapley)."""
    from reformlab.analysis.effects import grid

    if len(versions) < 1 or not election:
        raise ReformlabError("grid needs versions and at least one --election", field="--election")
    table = grid(versions, election, alignments=parse_alignments(align))
    if output is Format.json:
        typer.echo(json.dumps(table.to_dict(), indent=2))
        return
    from rich.table import Table

    quantities = table.quantities()
    splits = table.splits()
    print_votes(*table.cells.values())
    out = Table(title=f"Control of {actor} (seats beyond (+) or short of (-) the quota on the best route)",
                title_justify="left")
    out.add_column("decision", overflow="fold")
    columns = [(v, e) for e in table.elections for v in table.versions]
    for v, e in columns:
        out.add_column(f"{v}\n{e}", overflow="fold")
    out.add_column("change: rules / election / interaction", overflow="fold")
    for key in splits:
        rows = [quantities[c].get(key, {}).get(actor) if key in quantities[c] else None for c in columns]
        if all(r is None for r in rows):
            continue
        found = splits[key].get(actor, {}).get("control")
        if found is None:
            words = "–"
        else:
            words = (f"{_signed(found.total)} = rules {_signed(found.rules)} / election "
                     f"{_signed(found.election)} (interaction {_signed(found.interaction)})")
        out.add_row(key, *(_cell(r) for r in rows), words)
    console().print(out)
    console().print("control levels: 2 passes alone, 1 veto, 0 none; the split is the two-factor Shapley "
                  f"split from ({table.versions[0]}, {table.elections[0]}) to ({table.versions[-1]}, "
                  f"{table.elections[-1]})")


def register(app: typer.Typer) -> None:
    app.command("grid", help="Every version under every election: control, and the rules/election split.")(grid_command)
