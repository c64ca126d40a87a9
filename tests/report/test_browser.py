"""The report as a reader sees it: opened in headless Chromium, every chart drawn, readable at phone width.

Screenshots are saved under ``test-artifacts/report/`` (desktop and 400 px wide) for people to look at.
"""

from __future__ import annotations

import html
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reformlab.report import write_report
from reformlab.report.browser import dump_dom, screenshot

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What each chart kind must contain to count as drawn: the class of its marks.
MARKS = {"hemicycle": "seat", "graph": "node", "bars": "bar", "lines": "line", "process-timeline": "span",
         "process-outcomes": "bar", "waterfall": "bar"}


class ChartCensus(HTMLParser):
    """Counts, for every ``svg.rl-chart`` in a page, its kind and the marks inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self.inside = False  # charts hold no nested <svg>, so the next </svg> closes the chart

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "svg" and "rl-chart" in classes:
            self.charts.append({"kind": attributes.get("data-chart"), "marks": 0, "edges": 0})
            self.inside = True
        elif self.inside:
            chart = self.charts[-1]
            chart["marks"] += MARKS.get(chart["kind"]) in classes
            chart["edges"] += "edge" in classes

    def handle_endtag(self, tag):
        if tag == "svg":
            self.inside = False


def census(dom: str) -> list[dict]:
    parser = ChartCensus()
    parser.feed(dom)
    return parser.charts


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature."""
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def report_page(sample_report, artifacts, chromium) -> Path:
    """The sample report written where a person can open it: test-artifacts/report/sample-report.html."""
    return write_report(sample_report, artifacts / "sample-report.html")


@pytest.fixture(scope="module")
def dom(report_page) -> str:
    return dump_dom(report_page)


def test_every_chart_is_present_and_drawn(dom, sample_report):
    charts = census(dom)
    kinds = [chart["kind"] for chart in charts]
    chambers = len(sample_report.before.chambers) + len(sample_report.after.chambers)
    assert kinds.count("hemicycle") == chambers
    assert kinds.count("graph") == 2
    assert kinds.count("bars") == len(sample_report.power)
    hemicycles = [chart for chart in charts if chart["kind"] == "hemicycle"]
    expected_seats = sorted(len(c.seats) for s in (sample_report.before, sample_report.after) for c in s.chambers)
    assert sorted(chart["marks"] for chart in hemicycles) == expected_seats
    graphs = [chart for chart in charts if chart["kind"] == "graph"]
    assert [chart["edges"] for chart in graphs] == [
        len(sample_report.before.graph.relations), len(sample_report.after.graph.relations)
    ]
    assert all(chart["marks"] > 0 for chart in charts), charts


def test_key_figures_and_sections_are_shown(dom):
    text = re.sub(r"<[^>]+>", " ", dom)
    text = re.sub(r"\s+", " ", text)
    for figure in ("77 to 107 seats", "31.9%", "17.9%", "+30", "+14.0 points", "0.500", "Art. 44(4)"):
        assert figure in text, figure
    for heading in ("Summary", "Chambers, seat by seat", "Who selects whom", "Power per procedure",
                    "What changed", "The study's claims, checked", "Provenance"):
        assert heading in text, heading
    for verdict in ("supported", "partly supported", "cannot be decided yet"):
        assert verdict in text
    assert "How the 9 APK deputies vote." in text


def test_screenshots_at_desktop_and_phone_width(report_page, artifacts):
    shots = {
        "desktop": screenshot(report_page, artifacts / "report-desktop.png", width=1280, height=2400),
        "phone": screenshot(report_page, artifacts / "report-phone-400px.png", width=400, height=2400),
    }
    for name, path in shots.items():
        width, height = png_size(path)
        assert (width, height) == ((1280 if name == "desktop" else 400), 2400)
        assert path.stat().st_size > 20_000, f"{name} screenshot looks blank"


def test_page_fits_a_phone_without_sideways_scrolling(report_page, tmp_path):
    # Headless Chromium lays pages out at least 500 px wide while scripts run, so the report is measured
    # inside a 400 px iframe of a probe page that writes the width it finds into its own DOM.
    probe = tmp_path / "probe.html"
    probe.write_text(
        '<!DOCTYPE html><html><body><iframe id="frame" style="width:400px;height:900px;border:0" '
        f'srcdoc="{html.escape(report_page.read_text(encoding="utf-8"), quote=True)}"></iframe><script>'
        "window.addEventListener('load', () => { const page = document.getElementById('frame')"
        ".contentDocument.documentElement; document.body.setAttribute('data-scroll-width', page.scrollWidth); "
        "});</script></body></html>",
        encoding="utf-8",
    )
    width = int(re.search(r'data-scroll-width="(\d+)"', dump_dom(probe)).group(1))
    assert width <= 400, f"the page is {width} px wide on a 400 px screen: something overflows"


def test_pdf_is_printed_by_chromium(sample_report, artifacts, chromium):
    path = write_report(sample_report, artifacts / "sample-report.pdf", "pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000
