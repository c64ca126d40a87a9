"""The report for a constitution that is not Kazakhstan's: every section has content, no Kazakh word leaks in."""

from __future__ import annotations

import re

import pytest

from reformlab.analysis.compare import compare
from reformlab.errors import ReformlabError
from reformlab.model import resolve_target
from reformlab.report import render_html, render_markdown
from reformlab.report.build import build_report
from reformlab.report.spec import report_spec

KAZAKH = re.compile(r"Kazakh|Nur Otan|Amanat|\bAPK\b|Majilis|maslikhat|Isaacs|Assembly of People", re.IGNORECASE)


@pytest.fixture(scope="module")
def kg_report():
    return build_report(compare("kg@2008-06-01", "kg@2011-01-01"), generated_on="2026-12-01")


def _sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (\d\. .+)$", markdown, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_section_of_the_kyrgyz_report_has_content(kg_report):
    sections = _sections(render_markdown(kg_report))
    assert len(sections) == 7
    for heading, body in sections.items():
        assert body.strip(), f"section {heading!r} is empty"
    assert "Jogorku Kenesh" in sections["2. Chambers"]
    assert "No study's claims are encoded" in sections["6. The study's claims, checked"]


def test_the_kyrgyz_report_names_its_own_country_and_bodies(kg_report):
    assert kg_report.country == "Kyrgyzstan"
    labels = [figure.label for figure in kg_report.key_figures]
    assert labels[:2] == ["Jogorku Kenesh seats", "Jogorku Kenesh seats answering to the President"]
    assert [(f.before, f.after) for f in kg_report.key_figures[:1]] == [(90, 120)]
    for text in (render_markdown(kg_report), render_html(kg_report)):
        assert not KAZAKH.search(text), KAZAKH.search(text)


def test_a_spec_naming_a_body_the_constitution_lacks_is_refused():
    with pytest.raises(ReformlabError) as error:
        report_spec(resolve_target("ua@2006-06-01"), "country: Ukraine\nkey_bodies: [majilis]\n", file="spec.yaml")
    assert error.value.field == "key_bodies" and error.value.file == "spec.yaml"


def test_a_spec_with_an_unknown_field_is_refused():
    with pytest.raises(ReformlabError, match="unknown field 'colour'"):
        report_spec(resolve_target("ua@2006-06-01"), "country: Ukraine\ncolour: red\n", file="spec.yaml")


def test_a_constitution_without_a_spec_gets_one_from_its_own_data():
    spec = report_spec(resolve_target("tests/model/fixtures/good/minimal.yaml@2012-01-01"))
    assert spec.key_bodies and spec.camp == "president"


def test_printed_pages_have_a_running_header_page_numbers_and_the_paper_asked(kg_report):
    html = render_html(kg_report, paper="Letter")
    assert "size: Letter;" in html and 'counter(page) " of " counter(pages)' in html
    assert f'@top-center {{ content: "{kg_report.title}"' in html
    with pytest.raises(ReformlabError) as error:
        render_html(kg_report, paper="A5")
    assert error.value.field == "--paper"


def test_natural_order_of_numbered_names():
    from reformlab.ordering import natural_key

    assert sorted(["Independent 10", "Independent 2", "Independent 1"], key=natural_key) == [
        "Independent 1", "Independent 2", "Independent 10"]


@pytest.mark.parametrize("pair", [("kz@2007-05-20", "kz@2007-05-21"), ("kz@2022-06-04", "kz@2023-06-01")])
def test_graph_edges_stay_on_the_canvas(pair):
    from reformlab.report.charts.layout import layout_graph, union
    from reformlab.report.charts.routing import polyline

    report = build_report(compare(*pair), generated_on="2026-12-01")
    found = layout_graph(union(report.before.graph, report.after.graph))
    for key, route in found.routes.items():
        assert all(0 <= x <= found.width and 0 <= y <= found.height for x, y in polyline(route)), key
