"""Hostile and mistaken inputs through the CLI, one fixture per case, and every README command as written.

Each fixture starts with ``# run: ARGS`` (``{file}`` is the fixture itself, ``{examples}`` the shipped
examples folder), one or more ``# expect: TEXT`` lines that must appear verbatim in the output, and an optional
``# exit: N`` (default 2: one clean message, never a traceback). ``.cmd`` fixtures are only the command; a
``.csv`` fixture's header lines are dropped before it is read (CSV has no comments).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
FIXTURES = sorted((HERE / "fixtures").iterdir())
EXAMPLES = ROOT / "examples"


def header(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for raw in path.read_bytes().split(b"\n"):
        match = re.match(r"# (run|expect|exit): (.*)", raw.decode("utf-8", "replace"))
        if not match:
            break
        found.setdefault(match.group(1), []).append(match.group(2))
    return found


def invoke(args: list[str], columns: int = 200):
    return CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})


def test_there_is_a_fixture_per_case():
    assert len(FIXTURES) >= 20
    for path in FIXTURES:
        spec = header(path)
        assert spec.get("run") and spec.get("expect"), f"{path.name} needs '# run:' and '# expect:' lines"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_input_gives_one_clean_message(path, tmp_path):
    spec = header(path)
    file = path
    if path.suffix == ".csv":
        file = tmp_path / path.name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        file.write_text("".join(line for line in lines if not line.startswith("# ")), encoding="utf-8")
    command = spec["run"][0].replace("{file}", str(file)).replace("{examples}", str(EXAMPLES))
    result = invoke(shlex.split(command))
    expected_exit = int(spec.get("exit", ["2"])[0])
    assert result.exit_code == expected_exit, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    if expected_exit == 2:
        assert result.output.startswith("error: ") and result.output.count("error: ") == 1, result.output
    for text in spec["expect"]:
        assert text in result.output, f"{text!r} not in:\n{result.output}"


def test_errors_and_fixes_print_as_written(capsys):
    """The CLI's error printer never reads a message or a fix as markup."""
    from reformlab.commands.output import print_error
    from reformlab.errors import ReformlabError

    error = ReformlabError("ids match ^[a-z][a-z0-9_]*$, [/x] closes nothing", field="[bold red]x",
                           fix="pip install 'reformlab[dask]'")
    print_error("error:", error.message())
    err = capsys.readouterr().err
    for text in ("^[a-z][a-z0-9_]*$", "[/x]", "[bold red]x", "'reformlab[dask]'"):
        assert text in err


# README commands that are not run here, and why (each is covered by its own tests).
README_SKIPS = {
    "reformlab report": "renders the whole report with a Monte Carlo section (tests/report)",
    "--draws 1000000": "a million draws take 5-20 s (tests/analysis/risk runs small draws)",
    "--sweep": "39 simulations at the default draws (tests/analysis/risk sweeps small ones)",
    "--scheduler dask": "starts a Dask cluster (tests/analysis/risk covers the scheduler)",
    "risk kz@2004-10-01 --set": "100,000 default draws; tests/analysis/risk checks --set",
    "power kz@": "every decision of a version as a game, exact: slow on 2 cores (tests/games)",
    "compare kz@2007-05-20 kz@2007-05-21 --format json": "the same comparison as the plain one, run above",
    " [--": "optional parts in brackets show a choice, not a command line",
}


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.split(r"\s+#\s", line)[0].strip()
            if line.startswith("reformlab "):
                commands.append(line)
    return commands


def test_the_readme_has_commands():
    assert len(readme_commands()) >= 15


@pytest.mark.parametrize("command", [c for c in readme_commands()
                                     if not any(skip in c for skip in README_SKIPS)])
def test_readme_command_runs_as_written(command, monkeypatch):
    monkeypatch.chdir(ROOT)  # the README's paths are relative to the repository
    result = invoke(shlex.split(command)[1:], columns=100)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    assert "Traceback" not in result.output
