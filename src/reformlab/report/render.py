"""Render a :class:`ReportData` as one self-contained HTML page, as Markdown, or as PDF, and write it atomically.

The HTML page has its CSS and every chart inline (SVG), loads nothing from the network and reads well from
phone width up. Markdown carries the same content with tables in place of charts, for pasting into papers.
PDF is the HTML page printed by headless Chromium when it is installed (see :mod:`reformlab.report.browser`):
weasyprint would need Pango and other system libraries, and no pure-Python library prints SVG and CSS as well.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from reformlab import __version__
from reformlab.atomic import write_atomic
from reformlab.errors import ReformlabError, unknown_name
from reformlab.report.browser import find_chromium, html_to_pdf
from reformlab.report.charts.lines import risk_lines_svg
from reformlab.report.charts.bars import actor_order, power_bars_svg
from reformlab.report.charts.graph import graph_svg
from reformlab.report.charts.hemicycle import hemicycle_svg
from reformlab.report.charts.layout import relation_key, union
from reformlab.report.charts.svg import format_power, format_value
from reformlab.report.data import (
    CONFIDENCES,
    FILLINGS,
    RELATIONS,
    VERDICTS,
    AppointmentGraph,
    Chamber,
    KeyFigure,
    Relation,
    ReportData,
)
from reformlab.report.json_data import render_json
from reformlab.report.progress import steps
from reformlab.report.risk_view import axis_words, risk_markdown, risk_view
from reformlab.report.summary import changes_counted, claims_counted, summary_sentences
from reformlab.report.validate import validate_report

FORMATS = {"html": ".html", "md": ".md", "pdf": ".pdf", "json": ".json"}


def _markdown_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks flattened."""
    return " ".join(str(value).split()).replace("|", "\\|")


def domain(url: str) -> str:
    """The host part of ``url``, without "www." ("https://www.osce.org/x" -> "osce.org"); else ``url``.

    >>> domain("https://www.osce.org/odihr/elections"), domain("../seed/study.txt")
    ('osce.org', '../seed/study.txt')
    """
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else url


PAPERS = ("A4", "Letter")


def css_string(value: object) -> str:
    """``value`` safe inside a double-quoted CSS string (the PDF's running header): no quotes, backslashes,
    newlines or markup.

    >>> css_string('Ukraine: "2004" <reform>')
    'Ukraine: 2004 reform'
    """
    return "".join(ch for ch in str(value) if ch not in '"\\<>\n\r{}')


WHOLE = re.compile(r"@|\d{4}-\d{2}-\d{2}")  # a version or a date: never split at its hyphens


def unbroken(value: object) -> Markup:
    """``value`` escaped, each token that names a version, a date or a URL kept whole: a version or a date
    is never split at its hyphens, and a URL may break only after a slash.

    >>> str(unbroken("kz@2007-05-20 → ua@2006-01-01"))
    '<span class="whole">kz@2007-05-20</span> → <span class="whole">ua@2006-01-01</span>'
    >>> str(unbroken("(version 1996-06-28) see https://a.org/x/y"))
    '(version <span class="whole">1996-06-28)</span> see https://<wbr>a.org/<wbr>x/<wbr>y'
    """
    def token(word: str) -> str:
        if "://" in word:
            return str(escape(word)).replace("/", "/<wbr>").replace("/<wbr>/<wbr>", "//<wbr>")
        return f'<span class="whole">{escape(word)}</span>' if WHOLE.search(word) else str(escape(word))

    return Markup(" ".join(token(word) for word in str(value).split(" ")))


def _environment(autoescape: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("reformlab.report", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["value"] = format_value
    environment.filters["power"] = format_power
    environment.filters["domain"] = domain
    environment.filters["cell"] = _markdown_cell
    environment.filters["css_string"] = css_string
    environment.filters["unbroken"] = unbroken
    environment.globals.update(FILLINGS=FILLINGS, RELATIONS=RELATIONS, VERDICTS=VERDICTS, CONFIDENCES=CONFIDENCES)
    return environment


def figure_change(figure: KeyFigure) -> tuple[str, str]:
    """The direction ("up", "down", "same", "new", "gone") and signed text of a key figure's change.

    >>> figure_change(KeyFigure("appointed senators", 7, 15))
    ('up', '+8')
    >>> from fractions import Fraction
    >>> figure_change(KeyFigure("share", Fraction(7, 39), Fraction(15, 47), "%"))
    ('up', '+14.0 points')
    """
    if figure.before is None or figure.after is None:
        return ("new", "new") if figure.before is None else ("gone", "removed")
    delta = figure.after - figure.before
    direction = "up" if delta > 0 else "down" if delta < 0 else "same"
    sign = "+" if delta > 0 else ""
    if figure.unit == "%":
        return direction, f"{sign}{float(delta) * 100:.1f} points"
    return direction, sign + format_value(delta, figure.unit)


def paired_chambers(report: ReportData) -> list[tuple[str, Chamber | None, Chamber | None]]:
    """Chambers by name as (name, before, after), in the order they first appear; a missing side is None."""
    before = {chamber.name: chamber for chamber in report.before.chambers}
    after = {chamber.name: chamber for chamber in report.after.chambers}
    return [(name, before.get(name), after.get(name)) for name in dict.fromkeys([*before, *after])]


def composition(before: Chamber | None, after: Chamber | None) -> list[tuple[str, str, int, int]]:
    """(party, how filled, seats before, seats after) rows for one chamber, in seat order."""
    counts: dict[tuple[str, str], list[int]] = {}
    for side, chamber in enumerate((before, after)):
        for seat in chamber.seats if chamber else ():
            counts.setdefault((seat.party, FILLINGS[seat.filled_by]), [0, 0])[side] += 1
    return [(party, filled, old, new) for (party, filled), (old, new) in counts.items()]


def relations_text(graph: AppointmentGraph, other: AppointmentGraph) -> list[tuple[str, str, str, str, bool]]:
    """(source label, relation text, target label, article, changed) for each edge of ``graph``.

    ``changed`` is true for an edge that ``other`` (the other side of the reform) does not have.
    """
    labels = {actor.id: actor.label for actor in graph.actors}
    changed = {relation_key(edge) for edge in changed_relations(graph, other)}
    return [
        (labels[edge.source], RELATIONS[edge.relation], labels[edge.target], edge.article,
         relation_key(edge) in changed)
        for edge in graph.relations
    ]


def changed_relations(before: AppointmentGraph, after: AppointmentGraph) -> list[Relation]:
    """Relations on one side only (by source, target and relation; a renumbered article is no change)."""
    old = {relation_key(edge) for edge in before.relations}
    new = {relation_key(edge) for edge in after.relations}
    return [edge for edge in before.relations if relation_key(edge) not in new] + [
        edge for edge in after.relations if relation_key(edge) not in old
    ]


def _hemicycle(name: str, chamber: Chamber | None, label: str) -> Markup | None:
    if chamber is None:
        return None
    return Markup(hemicycle_svg(chamber.seats, f"{name}, {label.lower()}", note=chamber.note))


def _context(report: ReportData, charts: bool) -> dict:
    validate_report(report)
    context = {
        "report": report,
        "summary": list(summary_sentences(report)),
        "changes_counted": changes_counted(report) if report.changes else "",
        "claims_counted": claims_counted(report) if report.claims else "",
        "chambers": paired_chambers(report),
        "composition": composition,
        "relations_text": relations_text,
        "figure_change": figure_change,
        "actor_order": actor_order,
        "risk_groups": risk_view(report),
        "risk_axes": axis_words(report.risk) if report.risk is not None else ("", ""),
        "version": __version__,
    }
    context["bar_power"] = power_shown(report)
    if charts:
        context["hemicycles"] = [
            (name, _hemicycle(name, before, report.before.label), _hemicycle(name, after, report.after.label))
            for name, before, after in context["chambers"]
        ]
        shared = union(report.before.graph, report.after.graph)
        changed = changed_relations(report.before.graph, report.after.graph)
        context["graphs"] = [
            Markup(graph_svg(snapshot.graph, f"{snapshot.label} ({snapshot.as_of})", layout=shared,
                             highlight=changed))
            for snapshot in (report.before, report.after)
        ]
        context["bars"] = [Markup(power_bars_svg(power)) for power in context["bar_power"]]
        if report.risk is not None:
            context["risk_charts"] = [Markup(risk_lines_svg(report.risk, p)) for p in context["risk_groups"].charted]
        if report.process is not None:
            from reformlab.report.charts.process import outcome_bars_svg, timeline_svg

            section = report.process
            day = section.package_date
            marker = (day, f"the package, in force {day.day} {day:%B} {day.year}")
            context["process_timeline"] = Markup(timeline_svg(section.bodies, marker))
            context["process_outcomes"] = Markup(outcome_bars_svg(section.outcome_rows))
        if report.attribution is not None:
            context["waterfalls"] = [Markup(w.svg()) for w in report.attribution.waterfalls]
    context["risk_table"] = risk_markdown(report)
    return context


def power_shown(report: ReportData) -> list:
    """The procedures whose index bars are drawn: every one, or with a power section only those whose
    indices differ before and after (equal bars tell a reader nothing; the section's margins lead)."""
    same = set(report.power_section.same_index) if report.power_section is not None else set()
    return [power for power in report.power if power.procedure not in same]


def render_html(report: ReportData, *, paper: str = "A4") -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no scripts, no network); printed, it
    has a running header, page numbers and ``paper`` size (``A4`` or ``Letter``).

    Raises:
        ReformlabError: the report data cannot be shown (see :func:`validate_report`), or an unknown paper.
    """
    if paper not in PAPERS:
        raise unknown_name("paper size", paper, PAPERS, field="--paper")
    context = {**_context(report, charts=True), "paper": paper}
    return _environment(autoescape=True).get_template("report.html.j2").render(context)


def render_markdown(report: ReportData) -> str:
    """The report as Markdown (GitHub/Pandoc tables), charts replaced by the tables they draw."""
    return _environment(autoescape=False).get_template("report.md.j2").render(_context(report, charts=False))


def render_pdf(report: ReportData, *, paper: str = "A4") -> bytes:
    """The report as PDF, printed from the HTML page by headless Chromium.

    Raises:
        ReformlabError: Chromium is not installed (the message says how to install it, or how to print the
            HTML page to PDF from any browser).
    """
    if find_chromium() is None:
        raise ReformlabError(
            "PDF output needs headless Chromium, which was not found",
            field="--format",
            fix="install it (Debian/Ubuntu: apt-get install chromium), or write HTML and print it: "
            "chromium --headless --print-to-pdf=report.pdf report.html (or File > Print in any browser)",
        )
    return html_to_pdf(render_html(report, paper=paper))


def write_report(report: ReportData, path: str | Path, format: str = "html") -> Path:
    """Render ``report`` as ``format`` ("html", "md", "pdf" or "json") and write it whole to ``path``, or not
    at all.

    Rendering happens before anything is written, so a report that cannot be rendered leaves no file, and
    :func:`reformlab.atomic.write_atomic` makes sure an unwritable path leaves no partial file either. A
    progress bar shows on a terminal (PDF printing takes a few seconds).

    Returns:
        The path written.

    Raises:
        ReformlabError: unknown format, invalid report data, an unwritable path, or no Chromium for PDF.
    """
    if format not in FORMATS:
        raise unknown_name("report format", format, FORMATS, field="--format")
    target = Path(path)
    renderers = {"html": render_html, "md": render_markdown, "pdf": render_pdf, "json": render_json}
    with steps("Writing report", total=2) as bar:
        with bar.step(f"rendering {format.upper()}"):
            content = renderers[format](report)
        with bar.step(f"writing {target.name}"):
            return write_atomic(target, content)
