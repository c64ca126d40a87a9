"""``reformlab report``: the main job, one self-contained report comparing two versions."""

from __future__ import annotations

import dataclasses
from enum import Enum
from pathlib import Path

import typer

DEFAULT_BEFORE = "kz@2007-05-20"
DEFAULT_AFTER = "kz@2007-05-21"


class ReportFormat(str, Enum):
    html = "html"
    md = "md"
    pdf = "pdf"
    json = "json"


def make_report(before: str = DEFAULT_BEFORE, after: str = DEFAULT_AFTER, *, scenarios=(), output: Path | None = None,
                format: str = "html", alignments=None, risk_draws: int = 20_000, camp: str | None = None,
                spec_file: Path | None = None, paper: str = "A4", election: str | None = None,
                robust: bool = False, samples: int = 4096, seed: int = 0) -> Path:
    """Evaluate both versions, check the study's claims where they apply, and write the report whole.

    ``camp`` defaults to the report spec's (``data/reports/<id>.yaml``, or ``spec_file``); the study's claims
    are checked only when the spec names a claims file and both sides are versions of one built-in constitution.
    ``election`` fills both sides from that election's votes (the differences are then the rules'); ``robust``
    reads the claims over every combination of the assumptions too, and the power section leads with them."""
    from reformlab.analysis.claims import check_claims
    from reformlab.analysis.compare import compare
    from reformlab.atomic import check_output, write_atomic
    from reformlab.report import render_html, render_json, render_markdown, render_pdf, steps, validate_report
    from reformlab.yamlio import read_text
    from reformlab.report.build import build_report
    from reformlab.report.spec import report_spec

    output = Path(output) if output is not None else Path(f"reformlab-report.{format}")
    check_output(output)  # a folder or read-only file is refused before the work, not after
    first = scenarios[0] if scenarios else None
    second = scenarios[-1] if scenarios else None
    if election and scenarios:
        from reformlab.errors import ReformlabError

        raise ReformlabError("give --election or --scenario, not both", field="--election", fix="drop one")
    with steps("Building the report", total=7) as bar:
        with bar.step(f"evaluating {before} and {after}"):
            from reformlab.analysis.evaluation import evaluate_pair

            before_side, after_side = evaluate_pair(before, after, first, second, alignments=alignments,
                                                    election=election)
            text = None if spec_file is None else read_text(spec_file)
            spec = report_spec(after_side.constitution, text, file=None if spec_file is None else str(spec_file))
            comparison = compare(before_side, after_side, camp=camp or spec.camp)
        with bar.step("power indices"):
            comparison.power()
        with bar.step("the study's claims"):
            claims_file = spec.study.get("claims")
            applies = claims_file and comparison.before.constitution.id == comparison.after.constitution.id
            claims = check_claims(claims_file, before=before, after=after) if applies and not _is_file(before) else ()
        with bar.step("margins, rules or votes, robustness"):
            section = _power_section(comparison, claims_file if applies and not _is_file(before) else None,
                                     election=election, robust=robust, samples=samples, seed=seed,
                                     scenarios=(first, second), labels=spec.short_labels, fixed=alignments)
        with bar.step("risk of losing control (Monte Carlo)"):
            custom = bool(scenarios) or bool(alignments) or bool(election)  # the simulation runs on the built-in scenarios only
            risk = _risk(comparison, before, after, risk_draws) if risk_draws and not custom else None
        with bar.step("charts and text"):
            data = build_report(comparison, claims, risk=risk, spec=spec)
            data = dataclasses.replace(data, power_section=section)
            data = _with_process(data, comparison)
            data = _with_attribution(data, comparison, before, after, first, alignments)
            validate_report(data)
            renderers = {"html": lambda d: render_html(d, paper=paper), "md": render_markdown,
                         "pdf": lambda d: render_pdf(d, paper=paper), "json": render_json}
            content = renderers[format](data)
        with bar.step(f"writing {output.name}"):
            return write_atomic(output, content)


def make_reforms_page(reforms: list[str], *, output: Path | None = None, format: str = "html",
                      camp: str | None = None) -> Path:
    """Write several reforms (``BEFORE:AFTER`` each) on one page, whole or not at all."""
    import datetime as dt

    from reformlab.atomic import write_atomic
    from reformlab.report.browser import html_to_pdf
    from reformlab.report.reforms import parse_reform, reforms_page, summarize

    output = Path(output) if output is not None else Path(f"reformlab-reforms.{format}")
    summaries = [summarize(*parse_reform(text), camp=camp) for text in reforms]
    today = dt.date.today().isoformat()
    if format == "pdf":
        content = html_to_pdf(reforms_page(summaries, format="html", generated_on=today))
    else:
        content = reforms_page(summaries, format=format, generated_on=today)
    return write_atomic(output, content)


def _power_section(comparison, claims_file, *, election, robust: bool, samples: int, seed: int, scenarios,
                   labels=None, fixed=None):
    """The power section: margins, the rules/election split and the camp's control over every reading of the
    assumptions (and, with ``robust``, the study's claims over them too)."""
    from reformlab.analysis.robust import robust_claims, robust_control, side
    from reformlab.report.build import actor_name
    from reformlab.report.power_section import power_section

    control = None
    if comparison.before.scenario is not None and comparison.after.scenario is not None:
        sides = [side(t, s, election=election) for t, s in zip((comparison.before.target, comparison.after.target),
                                                               scenarios)]
        control = robust_control(sides, actor=comparison.camp, samples=samples, seed=seed, fixed=fixed)
    claims = None
    if robust and claims_file:
        claims = robust_claims(claims_file, samples=samples, seed=seed, before=comparison.before.target,
                               after=comparison.after.target, election=election, fixed=fixed)
    return power_section(comparison, robust=control, claims_robust=claims, camp_name=actor_name(comparison.camp),
                         short_labels=labels)


def _with_process(data, comparison):
    """The report with the reform process section when the comparison spans the built-in process's package."""
    import dataclasses

    from reformlab.process import load_process

    process = load_process()
    sides = (comparison.before.constitution, comparison.after.constitution)
    if not all(c.id == process.constitution for c in sides) or not (
            sides[0].as_of <= process.package.before and sides[1].as_of >= process.package.after):
        return data
    from reformlab.analysis.process import builtin_analysis
    from reformlab.analysis.process_claims import check_process_claims
    from reformlab.report.process_section import process_section

    section = process_section(builtin_analysis(), check_process_claims("isaacs2008_process", process))
    return dataclasses.replace(data, process=section)


def _with_attribution(data, comparison, before: str, after: str, scenario, alignments):
    """The report with the per-amendment section when ``after`` amends ``before`` (a later version of the same
    tree, or a reform file of it), the seats held fixed at the scenario of the earlier side."""
    import dataclasses

    from reformlab.analysis.decompose import decompose
    from reformlab.analysis.decompose_inputs import decomposition_inputs
    from reformlab.errors import ReformlabError
    from reformlab.report.attribution import attribution_section

    sides = (comparison.before.constitution, comparison.after.constitution)
    if sides[0].id != sides[1].id or sides[0].as_of >= sides[1].as_of and not after.endswith((".yaml", ".yml")):
        return data
    try:
        base, package, filling, _, source = decomposition_inputs(before, after, scenario, alignments)
        result = decompose(base, package, filling, camp="president" if "president" in sides[0].bodies else
                           next(iter(sides[0].bodies)), measures=("control", "banzhaf", "margin"))
    except ReformlabError:
        return data  # a package whose subsets cannot all be evaluated: the report goes without the section
    return dataclasses.replace(data, attribution=attribution_section(result, source))


def _risk(comparison, before: str, after: str, draws: int = 20_000) -> dict | None:
    """The risk section's data when both sides are built-in versions filled by their default scenarios (the
    simulation runs on those), else None."""
    from reformlab.analysis.risk import risk_section

    from reformlab.errors import ReformlabError

    if comparison.before.scenario is None or comparison.after.scenario is None or _is_file(before) or _is_file(after):
        return None
    if comparison.camp != "president":  # the simulation follows the president's camp only
        return None
    try:
        return risk_section((before, after), draws=draws)
    except ReformlabError as error:  # e.g. a scenario of declared seats: the simulation needs an election's votes
        typer.echo(f"note: no risk section ({error.problem})", err=True)
        return None


def _is_file(target: str) -> bool:
    return target.split("@")[0].endswith((".yaml", ".yml"))


def report_command(
    before: str = typer.Argument(DEFAULT_BEFORE, help="The earlier version (default: kz@2007-05-20)."),
    after: str = typer.Argument(DEFAULT_AFTER, help="The later version or a reform file (default: kz@2007-05-21)."),
    scenario: list[str] = typer.Option(
        None, "--scenario", "-s", help="Scenario for both sides, or twice (before, after). Default: the fitting one."),
    output: Path = typer.Option(None, "--output", "-o", help="Where to write, - for stdout (default: ./reformlab-report.FORMAT)."),
    format: ReportFormat = typer.Option(ReportFormat.html, "--format", "-f",
                                        help="html, md, pdf or json (the report's data, for machines)."),
    align: list[str] = typer.Option(None, "--align", help="Override an alignment, PARTY=PRINCIPAL (repeatable)."),
    camp: str = typer.Option(None, "--camp", help="The principal followed (default: the report spec's, president)."),
    spec: Path = typer.Option(None, "--spec", help="A report spec YAML (default: data/reports/<constitution>.yaml)."),
    paper: str = typer.Option("A4", "--paper", help="Paper size when printed or written as PDF: A4 or Letter."),
    reform: list[str] = typer.Option(None, "--reform", help="BEFORE:AFTER, repeatable: several reforms on one page "
                                     "(the camp's control per decision and the Shugart-Carey plane) instead of one report."),
    election: str = typer.Option(None, "--election", "-e", help="Fill both sides from this election's votes under "
                                 "each version's own rules (a built-in scenario or election id): the differences are the rules'."),
    robust: bool = typer.Option(False, "--robust", help="Lead the power section with the study's verdicts over every "
                                "combination of the assumptions: share of readings and what flips each."),
    samples: int = typer.Option(4096, "--samples", min=1, max=1_000_000, help="Combinations drawn beyond 2^16."),
    seed: int = typer.Option(0, "--seed", help="Seed of the sampling beyond the exact limit."),
) -> None:
    """Write one self-contained report comparing two versions (default: Kazakhstan before and after 21 May 2007)."""
    from reformlab.commands.analysis import parse_alignments
    from reformlab.errors import ReformlabError

    if reform:
        if format is ReportFormat.json:
            raise ReformlabError("--reform writes a page for readers (html, md or pdf), not --format json",
                                 field="--format", fix="drop --format json, or run `reformlab report BEFORE "
                                 "AFTER --format json` for each reform")
        typer.echo(str(make_reforms_page(reform, output=output, format=format.value, camp=camp).resolve()))
        return
    if scenario and len(scenario) > 2:
        raise ReformlabError("--scenario is given at most twice (before, after)", field="--scenario")
    path = make_report(before, after, scenarios=tuple(scenario or ()), output=output, format=format.value,
                       alignments=parse_alignments(align), camp=camp, spec_file=spec, paper=paper,
                       election=election, robust=robust, samples=samples, seed=seed)
    if str(path) != "-":  # with -o - the report itself went to standard output
        typer.echo(str(path.resolve()))


def register(app: typer.Typer) -> None:
    app.command("report", help="Write the report comparing two versions (HTML, Markdown, PDF or JSON); "
                "the main job.")(report_command)
