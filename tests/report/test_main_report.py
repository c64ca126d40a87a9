"""The main job: `reformlab report` with no arguments, built from the real analyses and opened in Chromium."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.analysis.claims import check_claims
from reformlab.analysis.compare import compare
from reformlab.cli import app
from reformlab.report import render_markdown, validate_report
from reformlab.report.browser import dump_dom, screenshot
from reformlab.report.build import build_report

from test_browser import census, png_size  # pytest puts this folder on sys.path (no __init__.py here)

runner = CliRunner()


@pytest.fixture(scope="module")
def kz_report():
    comparison = compare("kz@2007-05-20", "kz@2007-05-21")
    return build_report(comparison, check_claims(), generated_on="2026-01-01")


def test_report_data_comes_from_the_computation(kz_report):
    validate_report(kz_report)
    majilis_before, majilis_after = (
        next(ch for ch in snap.chambers if ch.name.startswith("Majilis")) for snap in (kz_report.before, kz_report.after)
    )
    assert (len(majilis_before.seats), len(majilis_after.seats)) == (77, 107)
    assert sum(seat.filled_by == "assembly" for seat in majilis_after.seats) == 9
    senate_after = next(ch for ch in kz_report.after.chambers if ch.name.startswith("Senate"))
    assert sum(seat.filled_by == "appointed" for seat in senate_after.seats) == 15
    figures = {f.label: (f.before, f.after) for f in kz_report.key_figures}
    assert figures["Majilis seats answering to the President"] == (Fraction(57, 77), Fraction(1))
    amendment = next(p for p in kz_report.power if p.procedure == "amending the Constitution")
    assert amendment.before["President"] == Fraction(299593, 299596) and amendment.after["President"] == 1
    assert (amendment.alone_before, amendment.alone_after) == (None, "President")
    assert amendment.witness_before == ("President", "Voters (referendum)")
    assert {c.verdict for c in kz_report.claims} <= {"supported", "refuted", "open"}
    relations = {(r.source, r.target, r.relation) for r in kz_report.after.graph.relations}
    assert ("apk", "majilis", "elects") in relations and ("senate", "national_bank_chair", "consents") in relations
    assert ("majilis", "national_bank_chair", "consents") not in relations  # Senate consent only after 2007


def test_markdown_for_papers(kz_report):
    text = render_markdown(kz_report)
    assert "| Majilis seats | 77 seats | 107 seats |" in text and "<svg" not in text


def test_cli_writes_the_default_report_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip().splitlines()[-1])
    assert path == tmp_path / "reformlab-report.html" and path.stat().st_size > 50_000
    page = path.read_text(encoding="utf-8")
    assert "http://" not in page.split("<body", 1)[0]  # nothing loaded from the network
    assert 'id="risk"' in page and "Never held, so there is no risk of losing it" in page  # the 1998 amendment
    # both versions drawn around one election's votes, and the page says which (issue 10: risk on equal footing)
    assert "Both versions are drawn around the same votes, those of scenario kz-majilis-2004" in " ".join(page.split())
    assert "amending the Constitution (before)" in page
    assert 'id="attribution"' in page and 'data-chart="waterfall"' in page  # which amendment did what
    assert [p.name for p in tmp_path.iterdir()] == ["reformlab-report.html"]  # no temporary file left


@pytest.mark.parametrize(
    "args, expected",
    [
        (["report", "-o", "/nonexistent-folder/r.html"], "does not exist"),
        (["report", "kz@2007-05-20", "kz@2007-13-01"], "2007-13-01"),
        (["report", "--scenario", "kz-majilis-1999"], "no built-in scenario"),
        (["report", "--format", "docx"], "docx"),
    ],
)
def test_report_errors_leave_no_file(tmp_path, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.browser
def test_default_report_in_chromium(kz_report, artifacts, chromium, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["report", "-o", str(artifacts / "kz-2007-report.html")]).exit_code == 0
    page = artifacts / "kz-2007-report.html"
    dom = dump_dom(page)
    charts = census(dom)
    kinds = [c["kind"] for c in charts]
    # index bars only for the five decisions whose indices differ before and after (the fifth: the early release
    # for illness, Art. 47(1)); margins lead the section
    assert kinds.count("hemicycle") == 4 and kinds.count("graph") == 2 and kinds.count("bars") == 5
    assert "57 held, 58 needed of 77" in dom and "the rules account for half" in dom
    assert kinds.count("lines") >= 1  # the risk section
    assert all(c["marks"] > 0 for c in charts), charts
    for text in ("107", "47", "Majilis", "Senate", "supported"):
        assert text in dom
    for name, width in (("kz-2007-report-desktop.png", 1280), ("kz-2007-report-phone.png", 400)):
        shot = screenshot(page, artifacts / name, width=width, height=2400)
        assert png_size(shot)[0] == width and os.path.getsize(shot) > 20_000
