"""``reformlab process``: the table and the JSON, and the report's process section."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from reformlab.analysis.process import builtin_analysis
from reformlab.cli import app
from reformlab.report.charts.process import outcome_bars_svg, timeline_svg
from reformlab.report.process_section import process_section

runner = CliRunner()


def test_process_json_lists_bodies_areas_proposals_and_traces():
    result = runner.invoke(app, ["process", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [b["id"] for b in data["bodies"]] == ["pds", "nkvd", "state_commission"]
    assert len(data["areas"]) == 7
    assert all(p["outcome"]["kind"] and p["source"] for p in data["proposals"])
    assert {row["origin"] for row in data["amendment_origins"]} == {"process", "outside", "untraced"}
    assert data["coverage"]["uncovered"] == []
    assert data["analysis"]["break_even"]["majilis_134_half_lists"]["constitutional_law"] == 23


def test_process_table(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # the console takes the terminal width
    result = runner.invoke(app, ["process", "--no-counterfactuals"])
    assert result.exit_code == 0, result.output
    for text in ("consultative bodies", "Agenda areas", "outside", "untraced", "increase[s]"):
        assert text in result.output


def test_report_section_charts_and_tables():
    section = process_section(builtin_analysis())
    assert [b.short for b in section.bodies] == ["PDS", "NKVD", "State Commission"]
    assert section.bodies[1].start.isoformat() == "2004-08-01" and section.bodies[1].start_latest.month == 11
    timeline = timeline_svg(section.bodies, (section.package_date, "May 2007"))
    assert timeline.count('class="span"') == 3 and 'data-chart="process-timeline"' in timeline
    bars = outcome_bars_svg(section.outcome_rows)
    assert 'data-chart="process-outcomes"' in bars and bars.count('class="bar"') >= 9
    assert len(section.counterfactuals) == 6
    assert section.outcome_rows[-1][1] == {"adopted_as_proposed": 5, "adopted_in_another_form": 2,
                                           "added_outside_process": 1, "untraced": 10}


def test_the_report_has_the_process_section(tmp_path, monkeypatch):
    from reformlab.commands.report import make_report

    monkeypatch.chdir(tmp_path)
    text = make_report(format="md", output=tmp_path / "report.md", risk_draws=0).read_text(encoding="utf-8")
    section = text[text.index("The reform process: who sat at the table"):]
    for part in ("| PDS |", "| NKVD |", "| State Commission |", "adopted in another form", "Break-even",
                 "Risk of losing the power to pass alone", "constitutional_amendment 0.00% → 22.46%",
                 "The study's process claim", "| fails |"):
        assert part in section, part


def test_no_process_section_outside_the_package():
    from reformlab.analysis.compare import compare
    from reformlab.commands.report import _with_process

    comparison = compare("kz@2007-06-01", "kz@2012-06-01")
    marker = object()
    assert _with_process(marker, comparison) is marker


def test_list_names_the_process_and_its_reforms():
    entries = json.loads(runner.invoke(app, ["list", "--json"]).output)
    reforms = [e["id"] for e in entries if e["kind"] == "reform"]
    assert any(e["kind"] == "process" and e["id"] == "kz_2002_2007" for e in entries)
    assert len(reforms) == 4 and all(r.endswith(".yaml") for r in reforms)
    assert runner.invoke(app, ["compare", "kz@2007-05-21", reforms[-1], "-f", "json"]).exit_code == 0


def test_process_charts_fold_long_labels_whole_never_cut():
    """A long body name, caption or agenda area is read in full: folded at word boundaries (rows grow),
    never cut with an ellipsis."""
    import dataclasses
    from xml.etree.ElementTree import fromstring

    section = process_section(builtin_analysis())
    name = "Standing Council on Proposals for Further Democratization and Development of Civil Society"
    long_body = dataclasses.replace(section.bodies[0], short=name)
    area = "electoral system, party registration and the financing of the campaigns of every list"
    for svg, words in ((timeline_svg([long_body, *section.bodies[1:]]), name.split()),
                       (outcome_bars_svg([(area, {"not_adopted": 2}), *section.outcome_rows]), area.split())):
        texts = ["".join(t.itertext()) for t in fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
        assert not any("\u2026" in t for t in texts), [t for t in texts if "\u2026" in t]
        shown = " ".join(texts).split()
        assert all(word in shown for word in words), [w for w in words if w not in shown]
    assert timeline_svg(section.bodies).count("<text") < timeline_svg([long_body, *section.bodies[1:]]).count("<text")
