"""``reformlab process``: the reform process as data: the bodies, who sat and who stayed out, the proposals and
their outcomes, where each amendment came from, and the counterfactuals of the road not taken."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import typer
from reformlab.commands.output import Format, echo_csv, echo_json, format_option, styled
from reformlab.commands.output import console as make_console

if TYPE_CHECKING:
    from rich.table import Table


def process_data(process, analysis=None) -> dict:
    """Everything ``reformlab process --format json`` prints, JSON-ready."""
    from reformlab.process import area_measures, body_measures, package_coverage, trace_table

    coverage = package_coverage(process)
    data = process.model_dump(mode="json", exclude={"file"})
    measures = {row["id"]: row for row in body_measures(process)}
    for body in data["bodies"]:
        body["measures"] = _plain(measures[body["id"]])
    data["area_measures"] = area_measures(process)
    data["amendment_origins"] = trace_table(process)
    data["coverage"] = {"uncovered": coverage.uncovered, "not_amendments": coverage.not_amendments,
                        "by_amendment": coverage.by_amendment}
    if analysis is not None:
        data["analysis"] = analysis.to_dict()
    return data


def _plain(value):
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _add(table: Table, *cells: str) -> None:
    """A table row of data text (the console reads no markup, so brackets in a source's words print as written)."""
    table.add_row(*(str(cell) for cell in cells))


def process_command(
    file: str = typer.Option(None, "--file", help="A process file to read instead of the built-in one (validated)."),
    counterfactuals: bool = typer.Option(True, "--counterfactuals/--no-counterfactuals",
                                         help="Evaluate the counterfactual reforms and single-amendment effects."),
    output: Format = format_option(),
) -> None:
    """The reform process: bodies, proposals and outcomes, amendment origins, and the road not taken."""
    from reformlab.analysis.process import analyse
    from reformlab.process import load_process

    process = load_process(file)
    analysis = analyse(process) if counterfactuals else None
    if output is Format.json:
        echo_json(process_data(process, analysis))
        return
    if output is Format.csv:  # the amendments and where they came from; everything else in --format json
        from reformlab.process import trace_table

        rows = trace_table(process)
        columns = list(rows[0]) if rows else ["id"]
        echo_csv(columns, [["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in row.values()]
                           for row in rows])
        return
    print_process(process, analysis)


def print_process(process, analysis) -> None:
    from rich.table import Table

    from reformlab.process import OUTCOMES, area_measures, body_measures, trace_table
    from reformlab.process.measures import shown

    console = make_console()
    package = process.package.label or str(process.package.after)
    console.print(styled((process.label, "bold"), f" — package: {package}; announced "
                         f"{shown(process.package.announced)}, adopted {shown(process.package.adopted)}"))
    bodies = Table(title="The consultative bodies", title_justify="left", show_lines=True)
    for column in ("body", "dates", "status", "chair", "size / make-up", "opposition", "output"):
        bodies.add_column(column, overflow="fold")
    for row in body_measures(process):
        opposition = "\n".join(part for part in (
            "invited: " + (", ".join(row["opposition_invited"]) or "none known"),
            "not invited: " + ", ".join(row["opposition_not_invited"]) if row["opposition_not_invited"] else "",
            "took part: " + (", ".join(row["opposition_took_part"]) or "none"),
            "invited but refused: " + ", ".join(row["opposition_refused"]) if row["opposition_refused"] else "",
            "stayed out: " + (", ".join(row["opposition_stayed_out"]) or "none known"),
            "not settled: " + ", ".join(row["opposition_unclear"]) if row["opposition_unclear"] else "") if part)
        share = row["pro_presidential_share"]
        makeup = f"{row['size']}; {row['composition']}; pro-presidential share: " + \
            (str(share) if share is not None else f"cannot tell ({row['pro_presidential_share_reason']})")
        named = row["named_members"]
        if named["named"]:
            makeup += (f"; named members: {named['named']} ({named['pro_presidential_or_government']} pro-presidential "
                       f"or government, {named['opposition']} opposition, {named['unknown']} unknown)")
        _add(bodies, f"{row['id']}\n{row['label']}", f"{row['start']} – {row['end']}",
                       row["status_label"], row["chair"], makeup, opposition, row["output"])
    console.print(bodies)
    areas = Table(title="Agenda areas: proposals made and adopted", title_justify="left")
    for column in ("area", "proposals", "adopted", "as proposed", "another form", "not adopted"):
        areas.add_column(column, justify="left" if column == "area" else "right")
    for row in area_measures(process):
        _add(areas, row["id"], str(row["proposals"]), str(row["adopted"]), str(row["adopted_as_proposed"]),
                      str(row["adopted_in_another_form"]), str(row["not_adopted"]))
    console.print(areas)
    proposals = Table(title="Proposals and outcomes", title_justify="left", show_lines=True)
    for column in ("proposal", "body / area", "outcome", "amendments", "source"):
        proposals.add_column(column, overflow="fold")
    for item in process.proposals:
        outcome = OUTCOMES.get(item.outcome.kind, {}).get("label", item.outcome.kind)
        if item.outcome.by:
            outcome += f" (by {item.outcome.by})"
        linked = ", ".join(item.outcome.amendments) or ("instead: " + ", ".join(item.outcome.instead)
                                                       if item.outcome.instead else "none")
        sources = item.source if isinstance(item.source, str) else ", ".join(item.source)
        _add(proposals, f"{item.id}\n{item.label}", f"{item.body or 'outside the process'} / "
                          f"{item.area or '–'}", outcome, linked, sources)
    console.print(proposals)
    origins = Table(title=f"The {len(process.amendments)} amendments of the package and where they came from",
                    title_justify="left")
    for column in ("amendment", "articles", "origin", "from"):
        origins.add_column(column, overflow="fold")
    for row in trace_table(process):
        added = f" (added by {', '.join(row['added_by'])})" if row["added_by"] else ""
        source = ", ".join(row["proposals"]) + added
        _add(origins, row["id"], row["articles"], row["origin"], source or (row["note"] or ""))
    console.print(origins)
    if analysis is not None:
        print_analysis(analysis)


def print_analysis(analysis) -> None:
    from rich.table import Table

    console = make_console()
    table = Table(title="The road not taken: proposals as proposed vs the adopted package (18 Aug 2007 votes)",
                  title_justify="left", show_lines=True)
    for column in ("counterfactual", "district assumption", "President's seats", "decisions lost", "gained"):
        table.add_column(column, overflow="fold")
    for run in analysis.runs:
        _add(table, f"{run.counterfactual}\n{run.label}", run.assumption_label or "none needed", run.seats_text(), ", ".join(run.lost) or "none", ", ".join(run.gained) or "none")
    console.print(table)
    for counterfactual in analysis.break_even:
        console.print(f"break-even ({counterfactual}): districts the President's camp must win to keep each "
                      f"decision: {analysis.break_even_text(counterfactual)}")
    if analysis.risk or analysis.risk_skipped:
        risk = Table(title=f"Risk of losing the power to pass alone at the next election ({analysis.risk_draws:,} "
                     f"draws, seed {analysis.risk_seed}; docs/risk.md for the parameters)", title_justify="left")
        for column in ("counterfactual", "adopted -> counterfactual", "never lost in either"):
            risk.add_column(column, overflow="fold")
        for line in analysis.risk_lines():
            _add(risk, *line)
        for reason in analysis.risk_skipped:
            _add(risk, reason, "not simulated", "")
        console.print(risk)
    effects = Table(title="Single-amendment effects on the President", title_justify="left")
    for column in ("amendment", "applied with", "effect", "gains", "losses"):
        effects.add_column(column, overflow="fold")
    for effect in analysis.effects:
        _add(effects, effect.amendment, ", ".join(effect.applied_with) or "–", effect.effect,
                        ", ".join(effect.gains) or "–", ", ".join(effect.losses) or "–")
    console.print(effects)


def process_entries():
    """``reformlab list`` rows: the built-in process and its counterfactual reforms (paths to give to compare)."""
    from reformlab.commands.listing import CatalogEntry
    from reformlab.process import builtin_path, load_process

    process = load_process()
    yield CatalogEntry("process", process.id, f"{process.label} (reformlab process)")
    for item in process.counterfactuals:
        yield CatalogEntry("reform", str(builtin_path().parent / item.file), f"{item.label} (a road not taken)")


def register(app: typer.Typer) -> None:
    from reformlab.commands.listing import add_catalog_source

    add_catalog_source(process_entries)
    app.command("process", help="The reform process: bodies, proposals, outcomes, amendment origins, "
                                "counterfactuals.")(process_command)
