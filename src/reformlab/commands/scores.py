"""``reformlab scores``: Shugart-Carey and CCP presidential-power scores of each version, item by item."""

from __future__ import annotations

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, format_option


def scores_command(
    targets: list[str] = typer.Argument(..., help="Versions to score: kz@2007-05-20 kz@2007-05-21 ua@2006-01-01 ..."),
    head: str = typer.Option("president", "--head", help="The body or actor scored as the president."),
    output: Format = format_option(),
) -> None:
    """Score each version's presidential powers from its encoded rules; each item with the article deciding it."""
    from rich.console import Console
    from rich.table import Table

    from reformlab.analysis.scores import CCP, SHUGART_CAREY, scores
    from reformlab.model import resolve_target

    found = [scores(resolve_target(t), head=head, target=t) for t in targets]
    if output is Format.json:
        echo_json([s.to_dict() for s in found])
        return
    if output is Format.csv:
        echo_csv(["target", "scheme", "group", "item", "score", "top", "witness", "article", "why"],
                 [[r.target, i.scheme, i.group, i.item, i.value, i.top, i.witness, i.article, i.reason]
                  for r in found for i in r.items])
        return
    from rich.table import Table

    out = console()
    for result in found:
        table = Table(title=f"{result.target}: presidential powers (unknown items count as their whole range)",
                      title_justify="left")
        for column in ("scheme", "item", "score", "witness (article)", "why"):
            table.add_column(column, overflow="fold")
        for item in result.items:
            score = "unknown" if item.value is None else f"{item.value}/{item.top}"
            witness = item.witness + (f" (Art. {item.article})" if item.article else "")
            table.add_row(f"{item.scheme} {item.group}", item.item, score, witness, item.reason)
        out.print(table)
        for label, total in (("Shugart-Carey legislative (0-24)", result.total(SHUGART_CAREY, "legislative")),
                             ("Shugart-Carey non-legislative (0-16)", result.total(SHUGART_CAREY, "non-legislative")),
                             ("CCP executive power (0-7)", result.total(CCP))):
            low, high = total
            out.print(f"  {label}: {low}" + ("" if low == high else f"-{high}"))


def register(app: typer.Typer) -> None:
    app.command("scores", help="Shugart-Carey and CCP presidential-power scores, each item with its witness article.")(
        scores_command)
