"""The attribution section: a waterfall per decision that moved, well-formed SVG, shares that add up."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from fractions import Fraction

from reformlab.report.attribution import attribution_section
from reformlab.report.charts.waterfall import Step, waterfall_svg

from tests.analysis.test_decompose import THREE, _run


def test_waterfall_is_well_formed_and_labelled():
    svg = waterfall_svg("law: control", Fraction(2), [Step("threshold 5% to 8%", "Art. 10", Fraction(-3, 2)),
                                                      Step("override by a majority", "", Fraction(-1, 2))])
    root = ET.fromstring(svg)
    assert root.get("data-chart") == "waterfall"
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "threshold 5% to 8%" in texts and "Art. 10" in texts and "-1.500" in texts
    assert "before the reform" in texts and "after the reform" in texts


def test_section_of_a_decomposition(tmp_path):
    section = attribution_section(_run(tmp_path, THREE), "a test package")
    control = next(w for w in section.waterfalls if w.measure == "control")
    assert (control.before, control.after) == (2, 0)
    assert sum(s.value for s in control.steps) == control.after - control.before
    assert [s.label for s in control.steps] == ["threshold 5% to 8%", "veto overridden by a majority of members"]
    assert "passes alone to none" in control.sentence
    ET.fromstring(control.svg())
    assert section.all_restored is False  # both amendments lower the camp's power; nothing restores it


def test_section_gives_the_claim_per_decision(tmp_path):
    """The study's claim, as `reformlab claims` computes it, decision by decision with the pairs: in the
    three-amendment case both Banzhaf-lowering amendments stand unrestored, so it fails."""
    section = attribution_section(_run(tmp_path, THREE), "a test package")
    assert section.verdict == "fails" and section.verdict_reason == "not restored in: law"
    assert section.per_decision == (("ordinary law", "not restored: threshold by nothing; override by nothing (net -1)"),)
