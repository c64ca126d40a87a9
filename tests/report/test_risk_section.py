"""The risk section names its axes and lines, and never charts a power the camp never held as a "risk of losing"."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reformlab.report import render_html, render_markdown
from reformlab.report.charts.lines import risk_lines_svg
from reformlab.report.data import RiskSection, RiskSeries
from reformlab.report.risk_view import risk_view

RISK = RiskSection(
    "concentration", "how tightly the simulated votes cluster", (20.0, 100.0, float("inf")),
    (
        RiskSeries("before", "passing a law", (0.3, 0.1, 0.0), (0.28, 0.09, 0.0), (0.32, 0.11, 0.0)),
        RiskSeries("after", "passing a law", (0.2, 0.05, 0.0), (0.18, 0.04, 0.0), (0.22, 0.06, 0.0)),
        RiskSeries("before", "amending the text", (0.4, 0.2, 0.0)),
        RiskSeries("after", "amending the text", (1.0, 1.0, 1.0), held_at_baseline=False),
        RiskSeries("before", "naming a judge", (0.0, 0.0, 0.0)),
        RiskSeries("after", "naming a judge", (0.0, 0.0, 0.0)),
        RiskSeries("before", "calling a referendum", (0.9, 1.0, 1.0), held_at_baseline=False),
        RiskSeries("after", "calling a referendum", (0.8, 1.0, 1.0), held_at_baseline=False),
    ),
    draws=1000, seed=3, camp="the Chancellor's camp",
)


@pytest.fixture(scope="module")
def with_risk(sample_report):
    return replace(sample_report, risk=RISK)


def _section(page: str) -> str:
    start = page.index('<section id="risk"')
    return page[start:page.index("</section>", start)]


def test_decisions_are_charted_kept_or_named_never_held(with_risk):
    view = risk_view(with_risk)
    assert view.charted == ("passing a law", "amending the text")
    assert view.kept == ("naming a judge",)
    assert view.never_held == (("amending the text", "after"), ("calling a referendum", "before and after"))


def test_a_side_never_held_is_not_drawn_as_a_loss():
    svg = risk_lines_svg(RISK, "amending the text")
    assert svg.count('class="line"') == 1 and "rules before the reform" in svg and "rules after" not in svg
    assert "not held" not in svg


def test_the_page_names_the_axes_the_lines_and_the_camp(with_risk):
    section = _section(render_html(with_risk))
    text = re.sub(r"<svg.*?</svg>", "", section, flags=re.S)
    assert "Horizontal axis: the concentration" in text and "Vertical axis (share of draws lost)" in text
    assert "Lines: the rules before and" in text and "the Chancellor&#39;s camp" in text
    assert section.count('data-chart="lines"') == 2  # the referendum, never held, has no chart
    charts = re.findall(r"<svg.*?</svg>", section, flags=re.S)
    assert all("concentration (higher: less vote noise)" in svg and "share of draws lost" in svg for svg in charts)
    never = re.search(r"Never held, so there is no risk of losing it: (.*?)</p>", text, flags=re.S).group(1)
    assert "amending the text (after)" in never and "calling a referendum (before and after)" in never
    kept = re.search(r"kept in every draw at every value \(nothing to chart\): (.*?)</p>", text).group(1)
    assert kept == "naming a judge."


def test_the_markdown_table_has_no_row_for_a_power_never_held(with_risk):
    text = render_markdown(with_risk)
    section = text[text.index("Risk of losing control"):text.index("Provenance")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| Decision")]
    assert [row.split(" | ")[:2] for row in rows] == [
        ["| passing a law", "before"], ["| passing a law", "after"], ["| amending the text", "before"],
        ["| naming a judge", "before"], ["| naming a judge", "after"]]
    assert "calling a referendum (before and after)" in section and "Never held" in section
