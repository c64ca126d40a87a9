"""Broken constitution files: each names the error it must raise, with the file and the line, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.model import load_constitution
from reformlab.model.targets import resolve_target

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


def expected(path: Path) -> str:
    match = re.match(r"# expect: (.*)", path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: <part of the message>'"
    return match.group(1)


def test_there_are_broken_fixtures():
    assert len(BROKEN) >= 10


def test_the_good_base_loads():
    document = load_constitution(FIXTURES / "good" / "minimal.yaml")
    assert document.as_of("2012-01-01").bodies["assembly"].size == 120


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_raises_its_error(path):
    """Constitution and reform files alike, loaded through the target syntax every command uses."""
    with pytest.raises(ReformlabError) as info:
        resolve_target(str(path))
    message = info.value.message()
    assert expected(path) in message
    assert str(path) in message and "line " in message


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_cli_validate_reports_it_with_exit_2(path):
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert expected(path) in result.output.replace("\n", " ") or expected(path) in result.output


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_cli_validate_json_gives_the_problems_as_data(path):
    """``validate --format json`` on a broken file: the problems as JSON on stdout, the message on stderr,
    exit 2."""
    import json

    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    found = json.loads(result.stdout)
    assert found["valid"] is False and found["file"] == str(path) and found["problems"]
    assert any(expected(path) in p["message"] for p in found["problems"])
    assert all(set(p) == {"problem", "file", "line", "field", "fix", "message"} for p in found["problems"])
    assert expected(path) in result.stderr.replace("\n", " ") or expected(path) in result.stderr


def test_all_problems_are_reported_not_just_the_first(tmp_path):
    good = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    text = good.replace("method: hare", "method: dhont").replace("source: text", "source: txt")
    text = text.replace("majority: 2/3, base: members", "majority: 120%, base: members")
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReformlabError) as info:
        load_constitution(path)
    message = info.value.message()
    for part in ("dhont", "txt", "120%"):
        assert part in message
    assert len(info.value.problems) >= 3


def test_line_numbers_point_at_the_value(tmp_path):
    good = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    lines = good.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "majority: 2/3" in line)
    path = tmp_path / "t.yaml"
    path.write_text(good.replace("majority: 2/3", "majority: 3/2"), encoding="utf-8")
    with pytest.raises(ReformlabError) as info:
        load_constitution(path)
    assert info.value.line == number
    assert info.value.field == "procedures.law.decision.1.override.0.majority"
