"""The CLI shell: version, help, and user errors become one message with exit code 2."""

import typer
from typer.testing import CliRunner

from reformlab import __version__
from reformlab.cli import app
from reformlab.errors import ReformlabError

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_every_command_with_one_line():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in app.registered_commands:
        assert name.name in result.output


def _probe(body):
    from reformlab.cli import ReformlabTyper

    probe = ReformlabTyper()
    probe.command()(body)

    @probe.command()
    def other() -> None:  # a second command keeps typer in group mode
        pass

    return probe


def test_reformlab_error_is_exit_2_without_traceback():
    def broken() -> None:
        raise ReformlabError("votes must not be negative", file="v.csv", line=3, field="votes", fix="correct it")

    result = runner.invoke(_probe(broken), ["broken"])
    assert result.exit_code == 2
    assert "v.csv, line 3, field 'votes': votes must not be negative. Fix: correct it." in result.output
    assert "Traceback" not in result.output


def test_a_bug_is_exit_3_with_one_line(monkeypatch):
    monkeypatch.delenv("REFORMLAB_DEBUG", raising=False)

    def buggy(count: int = typer.Option(1)) -> None:
        raise ZeroDivisionError(f"{count} / 0")

    result = runner.invoke(_probe(buggy), ["buggy", "--count", "4"])
    assert result.exit_code == 3
    assert "internal error: ZeroDivisionError: 4 / 0" in result.output and "Traceback" not in result.output


def test_interrupt_is_exit_130():
    def slow() -> None:
        raise KeyboardInterrupt

    result = runner.invoke(_probe(slow), ["slow"])
    assert result.exit_code == 130 and "no partial output" in result.output


def test_usage_errors_exit_2_with_the_framework_message():
    result = runner.invoke(app, ["report", "--format", "docx"])
    assert result.exit_code == 2
    assert "docx" in result.output and "internal error" not in result.output


def test_a_reader_that_stops_early_ends_the_command_quietly_with_exit_0():
    """``reformlab show ... | head -1``: the reader closing the pipe is no failure of the command (rich's
    own handler would exit 1): exit 0, nothing on stderr, for rich tables and for JSON alike. The pipe is
    closed before the command writes (it is still starting), so every write meets the closed pipe."""
    import subprocess
    import sys

    for arguments in (["show", "kz@2026-11-01"], ["show", "kz@2026-11-01", "--format", "json"]):
        process = subprocess.Popen([sys.executable, "-m", "reformlab.cli", *arguments], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"})
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=60) == 0 and error == b"", (arguments, error[-300:])
