"""The comparison of 20 and 21 May 2007 tells amendments from gaps in the sources (cases from the fact base)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from reformlab.analysis.compare import compare
from reformlab.cli import app
from reformlab.model.diff import by_rule

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "amendments_2007.yaml").read_text(encoding="utf-8"))


def _rules():
    comparison = compare(CASES["compare"]["before"], CASES["compare"]["after"])
    return comparison, by_rule(comparison.changes)


def test_the_amendments_of_21_may_2007_with_their_articles():
    _, rules = _rules()
    for case in CASES["amendments"]:
        assert case["rule"] in rules["amendment"], (case["rule"], case["fact"])
        articles = " ".join(str(c.article) for c in rules["amendment"][case["rule"]])
        assert case["article"] in articles, (case["rule"], articles)


def test_rules_unknown_before_are_not_called_amendments():
    _, rules = _rules()
    for case in CASES["newly_known"]:
        assert case["rule"] in rules["newly_known"], (case["rule"], case["fact"])
        assert case["rule"] not in rules["amendment"]


def test_compare_json_gives_each_change_a_kind_and_the_table_counts_them_apart():
    runner = CliRunner()
    result = runner.invoke(app, ["compare", "kz@2007-05-20", "kz@2007-05-21", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {c["kind"] for c in data["changes"]} <= {"amendment", "newly_known", "carried", "unknown_after"}
    counts = data["change_counts"]
    assert counts["amendment"] == sum(c["kind"] == "amendment" for c in data["changes"]) > 0
    assert counts["newly_known"] == sum(c["kind"] == "newly_known" for c in data["changes"]) > 0
    table = runner.invoke(app, ["compare", "kz@2007-05-20", "kz@2007-05-21"], env={"COLUMNS": "200"})
    assert f"{counts['amendment']} amendments" in table.output and f"{counts['newly_known']} newly known" in table.output
