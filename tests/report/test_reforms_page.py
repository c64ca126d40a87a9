"""Several reforms on one page: control per decision before/after and the Shugart-Carey plane."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.report.reforms import parse_reform, reforms_page, summarize


@pytest.fixture(scope="module")
def summaries():
    return [summarize("kz@2007-05-20", "kz@2007-05-21"), summarize("ua@2005-01-01", "ua@2006-06-01")]


def test_each_reform_has_its_rows_and_score_ranges(summaries):
    kz, ua = summaries
    assert (kz.label, ua.label) == ("Kazakhstan 2007", "Ukraine 2006")
    rows = {r.decision: (r.before, r.after) for r in ua.rows}
    assert rows["appoint:power_ministers.ministers"] == ("passes alone", "can block")
    assert rows["appoint:prime_minister.prime_minister"][1] == "no part"
    assert kz.totals["after"]["legislative"] == (6, 22) and kz.totals["after"]["non_legislative"] == (9, 13)
    assert kz.move().after == ((9, 13), (6, 22))


def test_the_page_draws_the_plane_and_one_section_per_reform(summaries):
    html = reforms_page(summaries, generated_on="2026-12-01")
    assert html.count('data-chart="plane"') == 1
    assert html.count("<rect") >= 4  # a box per version
    assert "Kazakhstan 2007: the control of president" in html and "Ukraine 2006" in html
    markdown = reforms_page(summaries, format="md")
    assert "| Kazakhstan 2007 (kz@2007-05-20 → kz@2007-05-21) | 4–24 | 6–22 |" in markdown


def test_bad_reforms_are_named():
    with pytest.raises(ReformlabError, match="BEFORE:AFTER"):
        parse_reform("kz@2007-05-20")
    with pytest.raises(ReformlabError, match="no reform"):
        reforms_page([])
    with pytest.raises(ReformlabError, match="different constitutions"):
        summarize("kz@2007-05-20", "ua@2006-06-01")


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "reforms.html"
    result = CliRunner().invoke(app, ["report", "--reform", "kg@2008-06-01:kg@2011-01-01", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kyrgyzstan 2010" in out.read_text(encoding="utf-8")
    assert CliRunner().invoke(app, ["report", "--reform", "nope"]).exit_code == 2


def test_the_figures_the_readme_gives_for_ukraine_2004_against_kazakhstan_2007(summaries):
    kz, ua = summaries
    kz_rows = {r.decision: (r.before, r.after) for r in kz.rows}
    ua_rows = {r.decision: (r.before, r.after) for r in ua.rows}
    assert kz_rows["constitutional_amendment"] == ("can block", "passes alone")
    assert [d for d, (b, a) in kz_rows.items() if b != a and "cannot tell" not in (b, a)
            and "no such decision" not in (b, a)] == ["constitutional_amendment", "early_release_illness"]
    assert {side: kz.totals[side]["ccp"] for side in ("before", "after")} == {"before": (2, 7), "after": (4, 7)}
    assert {side: kz.totals[side]["legislative"] for side in ("before", "after")} == {"before": (4, 24), "after": (6, 22)}
    assert {side: kz.totals[side]["non_legislative"] for side in ("before", "after")} == {
        "before": (8, 12), "after": (9, 13)}
    assert ua_rows["appoint:prime_minister.prime_minister"] == ("cannot tell", "no part")
    assert ua_rows["appoint:power_ministers.ministers"] == ("passes alone", "can block")
    assert ua_rows["dissolution"] == ("cannot tell", "passes alone")
    assert ua_rows["constitutional_amendment"] == ("cannot tell", "no part")
    assert {side: ua.totals[side]["non_legislative"] for side in ("before", "after")} == {
        "before": (3, 15), "after": (3, 11)}
    assert {side: ua.totals[side]["ccp"] for side in ("before", "after")} == {"before": (0, 7), "after": (1, 7)}
