"""``reformlab show TARGET``: a constitution version resolved at a date, as tables or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from reformlab.commands.output import (
    Format,
    break_at_dots,
    console,
    echo_csv,
    echo_json,
    format_option,
    styled,
)

if TYPE_CHECKING:
    from reformlab.model import Constitution

BODY_COLUMNS = ("body", "size", "term", "seat group", "seats", "filled by", "article", "sources", "conf.")


def register(app: typer.Typer) -> None:
    app.command("show", help="Show a constitution version: kz, kz@2007-06-01, FILE.yaml or FILE.yaml@DATE.")(show)


def show(
    target: str = typer.Argument(..., help="kz, kz@2007-06-01, a constitution or reform file, FILE.yaml@DATE."),
    format: Format = format_option(),
) -> None:
    """Print the constitution in force for TARGET, every rule with its article, sources and confidence."""
    from rich.console import Console

    from reformlab.model.targets import resolve_target

    from reformlab.model.targets import resolve_target

    constitution = resolve_target(target)
    if format is Format.json:
        echo_json(constitution.model_dump(mode="json"))
        return
    if format is Format.csv:
        echo_csv(BODY_COLUMNS, body_rows(constitution))
        return
    render(constitution, console())


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
    return f"  ({shown})" if shown else ""


def _text(value) -> str:
    from reformlab.model import Unknown

    from reformlab.model import Unknown

    return "unknown" if isinstance(value, Unknown) else "" if value is None else str(value)


def body_rows(c: Constitution) -> list[tuple]:
    """One row per seat group (or per body whose seat groups are unknown), as :data:`BODY_COLUMNS`."""
    from reformlab.model import Unknown
    from reformlab.model.describe import describe_seat_group

    rows = []
    for body_id, body in c.bodies.items():
        here = f"bodies.{body_id}"
        term = _text(body.term_years)
        if body.max_consecutive_terms is not None:
            term += f", max {_text(body.max_consecutive_terms)} in a row"
            term += f" (not {', '.join(body.exempt)})" if body.exempt else ""
        groups = body.seat_groups
        if isinstance(groups, Unknown):
            rows.append((body_id, _text(body.size), term, "", "", "unknown", *_cite(c, here + ".seat_groups")))
            continue
        for index, group in enumerate(groups):
            rows.append((body_id, _text(body.size), term, group.id, _text(group.seats), describe_seat_group(group),
                         *_cite(c, f"{here}.seat_groups.{index}.seats")))
    return rows


def render(c: Constitution, console) -> None:
    """Tables of bodies and seat groups, a tree of procedures, party rules and the unknowns."""
    from rich.table import Table
    from rich.tree import Tree

    from reformlab.model import Unknown, iter_steps
    from reformlab.model.describe import describe_step

    console.print(styled((c.label, "bold"), f" ({c.id}) as of {c.as_of}: version {c.version}, {c.version_label}"))
    if console.width < 120:  # narrow: one branch per body, folding on words instead of letter by letter
        bodies = Tree(styled(("Bodies and how their seats are filled", "bold")))
        branch = None
        for body, size, term, group, seats, filled_by, article, _sources, confidence in body_rows(c):
            if branch is None or body != branch.body:
                branch = bodies.add(styled((body, "bold"), f": size {size}, term {term or 'not set'}"))
                branch.body = body
            cite = "; ".join(p for p in (f"art. {article}" if article else "", confidence) if p)
            branch.add(styled(f"{group or 'seats'}: {seats}, {filled_by}",
                              (f"  ({cite})" if cite else "", "dim")))
    else:
        bodies = Table(title="Bodies and how their seats are filled", show_lines=False)
        for column in BODY_COLUMNS:
            bodies.add_column(column, overflow="fold")
        previous = None
        for row in body_rows(c):
            first = row[0] != previous  # a body's name, size and term on its first seat group only
            previous = row[0]
            bodies.add_row(*(row if first else ("", "", "", *row[3:])))
    console.print(bodies)
    from reformlab.engine.grounds import conditions

    tree = Tree(styled(("Procedures", "bold")))
    for proc_id, procedure in c.procedures.items():
        cite = _cite_text(c, f"procedures.{proc_id}", sources=True)
        if isinstance(procedure, Unknown):
            tree.add(styled(f"{proc_id}: unknown", (cite, "dim")))
            continue
        branch = tree.add(styled((proc_id, "bold"), f": {procedure.label}", (cite, "dim")))
        for part in ("proposal", "decision"):
            steps = getattr(procedure, part)
            empty = ": unknown" if isinstance(steps, Unknown) else ": none apart from the routes below" if not steps else ""
            node = branch.add(part + empty)
            for path, step in iter_steps(steps, f"procedures.{proc_id}.{part}"):
                if path.count(".") == 3:
                    node.add(styled(describe_step(step), (_cite_text(c, path), "dim")))
        for condition in conditions(procedure, c, f"procedures.{proc_id}"):
            branch.add(f"{condition.kind}: {condition.words}")
        for condition in procedure.conditions:
            branch.add(f"condition: {condition}")
    console.print(tree)
    if c.party_rules is not None:
        rules = ", ".join(f"{k}={_text(v)}" for k, v in c.party_rules if v is not None)
        console.print(styled(("Party rules", "bold"), f": {rules}"))
    unknowns = c.unknowns()
    if unknowns:
        paths = "; ".join(break_at_dots(path, console.width - 1) for path, _ in unknowns)  # 1 for the ";"
        console.print(styled((f"Unknown ({len(unknowns)})", "bold"), ": " + paths))
