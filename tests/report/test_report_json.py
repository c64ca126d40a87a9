"""`reformlab report --format json`: the report's data for machines, written by the rules of every format.

The pinned figures are the ones the Markdown report of the default comparison shows (kz@2007-05-20 ->
kz@2007-05-21): "| Majilis seats answering to the President | 74.0% | 100.0% |", "57 held, 58 needed of 77"
for amending the Constitution before, claim 17 "Cannot be decided yet" (the Central Election Commission),
"Of the study's 36 claims checked: 30 supported, 1 refuted, 5 cannot be decided yet", the risk cell
"0.248 [0.242, 0.254]"; one test reads the Markdown itself and checks every claim's verdict against it.
"""

from __future__ import annotations

import json
import re
import stat
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app
from reformlab.report import VERDICTS, render_json, report_dict
from reformlab.report.data import RiskSection, RiskSeries

runner = CliRunner()


def strict(text: str):
    """Parse as strict JSON: NaN or Infinity is an error, not a number."""
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The default report as JSON, written under its default name in an empty folder."""
    folder = tmp_path_factory.mktemp("json-report")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = runner.invoke(app, ["report", "--format", "json"])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip().splitlines()[-1])
    assert path == folder / "reformlab-report.json"
    assert [p.name for p in folder.iterdir()] == ["reformlab-report.json"]  # no temporary file left
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(written):
    return strict(written)


def test_the_sections_are_there(report):
    assert report["schema"] == "reformlab-report/1"
    assert report["title"] == "Kazakhstan: kz@2007-05-20 → kz@2007-05-21"
    assert report["country"] == "Kazakhstan"
    versions = report["versions"]
    assert (versions["before"]["as_of"], versions["after"]["as_of"]) == ("2007-05-20", "2007-05-21")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report["generated_on"])
    for key in ("summary", "power", "power_section", "changes", "claims", "facts", "unknowns", "risk",
                "process", "attribution", "sources"):
        assert report[key], key
    assert "<svg" not in json.dumps(report) and "color" not in json.dumps(report["versions"])  # no charts


def test_chambers_and_control_as_the_markdown_shows(report):
    majilis = {side: next(c for c in report["versions"][side]["chambers"] if c["name"].startswith("Majilis"))
               for side in ("before", "after")}
    assert (majilis["before"]["seats"], majilis["after"]["seats"]) == (77, 107)
    after = {(r["filled_by"], r["seats"]) for r in majilis["after"]["composition"]}
    assert after == {("assembly", 9), ("elected", 98)}
    assert sum(r["seats"] for r in majilis["before"]["composition"]) == 77
    figures = {f["label"]: f for f in report["summary"]["key_figures"]}
    share = figures["Majilis seats answering to the President"]
    assert share["before"]["exact"] == "57/77" and round(share["before"]["float"], 3) == 0.740  # 74.0%
    assert share["after"] == {"exact": "1", "float": 1.0} and share["unit"] == "%"
    assert (figures["Majilis seats"]["before"], figures["Majilis seats"]["after"]) == (77, 107)
    margins = report["power_section"]["margins"]
    amend = next(row for row in margins if row["decision"] == "amending the Constitution")
    assert amend["before"]["role"] == "can block (veto)" and amend["after"]["role"] == "passes alone"
    assert {"body": "Majilis", "held": 57, "needed": 58, "members": 77} in amend["before"]["bodies"]
    assert amend["moved"] is True


def test_power_indices_exact_and_float(report):
    amend = next(p for p in report["power"] if p["procedure"] == "amending the Constitution")
    president = amend["before"]["President"]
    assert Fraction(president["exact"]) == Fraction(299593, 299596)
    assert president["float"] == float(Fraction(299593, 299596))
    assert amend["after"]["President"]["exact"] == "1" and amend["alone_after"] == "President"
    assert amend["veto_before"] == ["President"]
    assert amend["witness_before"] == ["President", "Voters (referendum)"]


def test_claims_risk_process_and_provenance(report):
    assert report["summary"]["claims_by_verdict"] == {"supported": 30, "refuted": 1, "open": 5}
    cec = report["claims"][16]
    assert "Central Election Commission" in cec["text"] and cec["verdict"] == "open"
    assert cec["source"]["citation"] == "Isaacs 2008"
    risk = report["risk"]
    assert risk["values"][0] == 20.0 and risk["draws"] == 20000 and risk["seed"] == 7
    law = next(s for s in risk["series"]
               if s["side"] == "before" and s["procedure"].startswith("adopting an ordinary"))
    cell = f"{law['p_lose_pass'][0]:.3f} [{law['low'][0]:.3f}, {law['high'][0]:.3f}]"
    assert cell == "0.248 [0.242, 0.254]"
    assert report["process"]["package_date"] == "2007-05-21"
    proposals = report["process"]["proposals"]
    assert proposals and all(set(p) == {"proposal", "outcome", "amendments", "source"} for p in proposals)
    assert {f["confidence"] for f in report["facts"]} <= {"high", "medium", "low"}
    apk = next(u for u in report["unknowns"] if u["question"].startswith("apk answers to the president"))
    assert "Assembly of People of Kazakhstan" in apk["assumption"]
    cited = {s["citation"] for s in report["sources"]}
    assert "Isaacs 2008" in cited and {f["source"]["citation"] for f in report["facts"]} <= cited


def test_verdicts_are_those_of_the_markdown_report(report):
    result = runner.invoke(app, ["report", "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    shown = re.findall(r"^\d+\. \*\*(.+?)\.\*\* \"", result.output, flags=re.MULTILINE)
    assert len(shown) == 36
    assert shown == [VERDICTS[c["verdict"]].capitalize() for c in report["claims"]]


def test_dash_prints_the_document(written):
    result = runner.invoke(app, ["report", "-f", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == written  # the document only, as written to a file


def test_non_regular_targets_as_for_html(tmp_path):
    result = runner.invoke(app, ["report", "-f", "json", "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)  # written through, never replaced
    kept = tmp_path / "kept.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o444)
    for target, words in ((kept, "read-only"), (tmp_path, "it is a folder")):
        result = runner.invoke(app, ["report", "-f", "json", "-o", str(target)])
        assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output
    assert kept.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json"]


def test_options_combine_or_are_refused():
    robust = runner.invoke(app, ["report", "-f", "json", "--robust", "-o", "-"])
    assert robust.exit_code == 0, robust.output
    section = strict(robust.stdout)["power_section"]
    assert section["robust"] and all(row["total"] == 1024 for row in section["robust"] + section["steady"])
    assert len(section["robust"]) + len(section["steady"]) == 36
    reform = runner.invoke(app, ["report", "-f", "json", "--reform", "kz@2007-05-20:kz@2007-05-21"])
    assert reform.exit_code == 2 and "--reform writes a page for readers" in reform.output


def test_numbers_that_are_not_finite_stay_strict_json(sample_report):
    import dataclasses

    series = (RiskSeries("after", "a law", (0.5, 0.0)),)
    risk = RiskSection("concentration", "why", (100.0, float("inf")), series, 10, 1)
    data = strict(render_json(dataclasses.replace(sample_report, risk=risk)))
    assert data["risk"]["values"] == [100.0, "inf"]
    assert data == report_dict(dataclasses.replace(sample_report, risk=risk))
