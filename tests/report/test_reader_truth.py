"""The report tells a reader the truth: claims only on their own pair, no internals in reader text, and
every figure stated twice is the same figure."""

from __future__ import annotations

import re

import pytest

from reformlab.analysis.claims import check_claims
from reformlab.analysis.compare import compare
from reformlab.report import render_markdown
from reformlab.report.build import build_report

#: Python reprs, internal sentinels, list positions and relative paths a reader cannot use.
INTERNALS = re.compile(r"Fraction\(|UNKNOWN|\b[A-Z]\w*\((?:\w+=)|\w+Step\b|\.\./|shared/facts| › \d")


def _report(before: str, after: str):
    return build_report(compare(before, after), check_claims(before=before, after=after))


@pytest.mark.parametrize("before, after", [
    ("kz@2007-09-01", "examples/reform_threshold_3pct.yaml"),  # a what-if
    ("kz@2007-05-21", "kz@2007-05-20"),  # reversed
    ("kz", "kz"),  # a version against itself
])
def test_claims_on_another_pair_are_about_another_comparison_never_refuted(before, after):
    report = _report(before, after)
    assert report.claims and {claim.verdict for claim in report.claims} == {"other"}
    text = render_markdown(report)
    assert "refuted" not in text.lower() and "about another comparison" in text
    assert not INTERNALS.findall(text), sorted(set(INTERNALS.findall(text)))


def test_the_study_pair_report_has_no_internals_and_its_figures_agree():
    report = _report("kz@2007-05-20", "kz@2007-05-21")
    text = render_markdown(report)
    assert not INTERNALS.findall(text), sorted(set(INTERNALS.findall(text)))
    counts = report.change_counts()
    rows = re.findall(r"^\| [^|]+ \| (amendment|newly known|carried|unknown after) \|", text, flags=re.M)
    assert counts == {kind.replace(" ", "_"): rows.count(kind) for kind in set(rows)}
    stated = re.search(r"What changed \(section 5\): (\d+) rules amended", text)
    assert stated and int(stated.group(1)) == counts["amendment"] == rows.count("amendment")
    newly = re.search(r"; (\d+) rules whose earlier wording is not known", text)
    assert newly and int(newly.group(1)) == counts["newly_known"]
    tally = re.search(r"Of the study's (\d+) claims checked", text)
    assert tally and int(tally.group(1)) == len(report.claims)
