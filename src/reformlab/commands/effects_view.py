"""How the effect commands print: which votes fill each side, and robust verdicts."""

from __future__ import annotations

import json

import typer
from reformlab.commands.output import console as _console




def print_votes(*evaluations) -> None:
    """Which votes fill each side, and what is modelled rather than a result."""
    said = {ev.election for ev in evaluations}
    if said != {None}:
        _console().print("votes held fixed: " + "; ".join(sorted(s for s in said if s)) if len(said) == 1
                      else "votes: " + "; ".join(f"{ev.target}: {ev.election or 'its own scenario'}" for ev in evaluations))
    for ev in evaluations:
        for note in ev.modelled:
            _console().print(f"{ev.target}: {note}")


def print_robust(results, title: str, as_json: bool) -> None:
    """Robust verdicts as a table (or JSON): share of readings, weighted share, the smallest flipping set;
    then the assumption space they range over, each option with its grounds."""
    if as_json:
        typer.echo(json.dumps(results.to_dict(), indent=2))
        return
    from rich.table import Table

    out = Table(title=title, title_justify="left", show_lines=True)
    for column in ("verdict", "default", "readings", "weighted", "flips if", "seats involved"):
        out.add_column(column, overflow="fold")
    for r in results:
        share = f"{r.holds} of {r.total}" + ("" if r.interval is None else
                                              f" ({r.interval[0]:.0%}-{r.interval[1]:.0%}, sampled)")
        flips = "nothing flips it" if r.flips is None else (
            "; ".join(f"{name}: {new}" for name, _, new in r.flips) + f" -> {r.flipped_to}"
            + (f" (+{len(r.smallest) - 1} other sets of {len(r.flips)})" if len(r.smallest) > 1 else ""))
        seats = "; ".join(f"{where}: {n}" for per in r.seats.values() for where, n in per.items())
        out.add_row(r.id, r.default, share, f"{r.weighted:.0%}", flips, seats)
    _console().print(out)
    if results:
        _console().print(f"{'exact enumeration' if results.exact else 'seeded sample'} of "
                         f"{results.total} combinations; weighted: each option by its confidence")
    space = Table(title="The assumptions varied (the first option is the scenario's)", title_justify="left",
                  show_lines=True)
    for column in ("assumption", "option", "grounds", "confidence"):
        space.add_column(column, overflow="fold")
    for choice in results.space:
        for i, option in enumerate(choice.options):
            space.add_row(choice.name if i == 0 else "", option.words, option.grounds, option.confidence or "–")
    _console().print(space)
