"""``reformlab show TARGET``: a constitution version resolved at a date, as tables or JSON."""

from __future__ import annotations

import json
from enum import Enum

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from reformlab.model import Constitution


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("show", help="Show a constitution version: kz, kz@2007-06-01, FILE.yaml or FILE.yaml@DATE.")(show)


def show(
    target: str = typer.Argument(..., help="kz, kz@2007-06-01, a constitution or reform file, FILE.yaml@DATE."),
    format: Format = typer.Option(Format.table, "--format", help="table (default) or json."),
) -> None:
    """Print the constitution in force for TARGET, every rule with its article, sources and confidence."""
    from rich.console import Console

    from reformlab.model.targets import resolve_target

    constitution = resolve_target(target)
    if format is Format.json:
        typer.echo(json.dumps(constitution.model_dump(mode="json"), indent=1, ensure_ascii=False))
        return
    render(constitution, Console(highlight=False, soft_wrap=False, width=160))


def _cite(c: Constitution, path: str) -> tuple[str, str, str]:
    ref = c.ref(path)
    if ref is None:
        return "", "", ""
    confidence = ref.confidence or ""
    if ref.carried_from:
        confidence += f" (carried from {ref.carried_from})"
    return ref.article or "", ", ".join(ref.sources), confidence


def _cite_text(c: Constitution, path: str, *, sources: bool = False) -> str:
    article, source_keys, confidence = _cite(c, path)
    parts = [f"art. {article}" if article else "", source_keys if sources else "", confidence]
    shown = "; ".join(p for p in parts if p)
    return f"  [dim]({shown})[/]" if shown else ""


def _text(value) -> str:
    from reformlab.model import Unknown

    return "unknown" if isinstance(value, Unknown) else "" if value is None else str(value)


def render(c: Constitution, console: Console) -> None:
    """Tables of bodies and seat groups, a tree of procedures, party rules and the unknowns."""
    from rich.table import Table
    from rich.tree import Tree

    from reformlab.model import Unknown, iter_steps
    from reformlab.model.describe import describe_seat_group, describe_step

    console.print(f"[bold]{c.label}[/] ({c.id}) as of {c.as_of}: version {c.version}, {c.version_label}")
    bodies = Table(title="Bodies and how their seats are filled", show_lines=False)
    for column in ("body", "size", "term", "seat group", "seats", "filled by", "article", "sources", "conf."):
        bodies.add_column(column, overflow="fold")
    for body_id, body in c.bodies.items():
        here = f"bodies.{body_id}"
        term = _text(body.term_years)
        if body.max_consecutive_terms is not None:
            term += f", max {_text(body.max_consecutive_terms)} in a row"
            term += f" (not {', '.join(body.exempt)})" if body.exempt else ""
        groups = body.seat_groups
        if isinstance(groups, Unknown):
            bodies.add_row(body_id, _text(body.size), term, "", "", "unknown", *_cite(c, here + ".seat_groups"))
            continue
        for index, group in enumerate(groups):
            first = index == 0
            bodies.add_row(
                body_id if first else "", _text(body.size) if first else "", term if first else "", group.id,
                _text(group.seats), describe_seat_group(group), *_cite(c, f"{here}.seat_groups.{index}.seats"),
            )
    console.print(bodies)
    tree = Tree("[bold]Procedures[/]")
    for proc_id, procedure in c.procedures.items():
        cite = _cite_text(c, f"procedures.{proc_id}", sources=True)
        if isinstance(procedure, Unknown):
            tree.add(f"{proc_id}: unknown{cite}")
            continue
        branch = tree.add(f"[bold]{proc_id}[/]: {procedure.label}{cite}")
        for part in ("proposal", "decision"):
            steps = getattr(procedure, part)
            empty = ": unknown" if isinstance(steps, Unknown) else ": none apart from the routes below" if not steps else ""
            node = branch.add(part + empty)
            for path, step in iter_steps(steps, f"procedures.{proc_id}.{part}"):
                if path.count(".") == 3:
                    node.add(f"{describe_step(step)}{_cite_text(c, path)}")
        for condition in procedure.conditions:
            branch.add(f"condition: {condition}")
    console.print(tree)
    if c.party_rules is not None:
        rules = ", ".join(f"{k}={_text(v)}" for k, v in c.party_rules if v is not None)
        console.print(f"[bold]Party rules[/]: {rules}")
    unknowns = c.unknowns()
    if unknowns:
        console.print(f"[bold]Unknown ({len(unknowns)})[/]: " + "; ".join(path for path, _ in unknowns))
