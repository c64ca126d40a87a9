"""Broken process files: each names the error it must raise (file, line, field, fix), exit 2, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.process import load_process

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
runner = CliRunner()


def expected(path: Path) -> str:
    match = re.match(r"# expect: (.*)", path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: <part of the message>'"
    return match.group(1)


def test_the_good_base_loads():
    process = load_process(FIXTURES / "good" / "minimal.yaml")
    assert process.bodies[0].id == "commission" and process.origin("bigger_majilis") == "process"


def test_the_required_errors_have_fixtures():
    names = {p.stem for p in BROKEN}
    assert {"outcome_names_no_amendment", "end_before_start", "member_count_larger_than_body",
            "unknown_outcome_kind"} <= names


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_raises_one_located_error(path):
    with pytest.raises(ReformlabError) as info:
        load_process(path)
    error = info.value
    assert expected(path) in error.message()
    assert getattr(error, "problems", [error]).__len__() == 1, error.message()
    assert str(path) in error.message() and error.line is not None


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_cli_reports_it_with_exit_2(path):
    result = runner.invoke(app, ["process", "--file", str(path), "--no-counterfactuals"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert expected(path) in result.output.replace("\n", " ") or expected(path) in result.output
    assert result.output.count("error:") == 1


def test_a_missing_file_is_a_clear_error():
    result = runner.invoke(app, ["process", "--file", "no-such-process.yaml"])
    assert result.exit_code == 2 and "file not found" in result.output


def test_markup_in_names_is_shown_as_text(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # the console takes the terminal width
    """A label with terminal markup or HTML stays text in the table, the JSON and the charts."""
    import datetime as dt

    from reformlab.report.charts.process import timeline_svg
    from reformlab.report.process_section import BodyLine

    good = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "markup.yaml"
    path.write_text(good.replace('label: "A reform commission"', 'label: "[bold]<script>x</script>[/bold]"'),
                    encoding="utf-8")
    result = runner.invoke(app, ["process", "--file", str(path), "--no-counterfactuals"])
    assert result.exit_code == 0, result.output
    assert "[bold]" in result.output and "[/bold]" in result.output  # escaped, not read as markup
    data = runner.invoke(app, ["process", "--file", str(path), "--no-counterfactuals", "--format", "json"]).output
    assert "[bold]<script>x</script>[/bold]" in data
    day = dt.date(2006, 3, 1)
    line = BodyLine(id="c", short="<b>", label="<script>x</script>", start=day, end=day, start_latest=day, dates="",
                    status="<i>", status_rank=1, chair="c", sat="", stayed_out="", output="")
    assert "<script>" not in timeline_svg([line]) and "&lt;b&gt;" in timeline_svg([line])
