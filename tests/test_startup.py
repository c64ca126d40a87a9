"""Start-up stays light: ``reformlab --help`` loads none of the heavy packages, and a command loads only what
it uses (the model and pandas for an allocation would cost a second of start-up). Timings live in
``bench/startup.py``; this pins the cause, in a fresh interpreter."""

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "numpy", "pandas", "rich", "yaml", "jinja2", "attrs", "reformlab.model", "reformlab.analysis")
PROBE = (
    "import sys\nfrom reformlab.cli import main\nsys.argv = ['reformlab', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
)


def _loaded(*args: str, cwd=None) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False, cwd=cwd, timeout=120
    )
    return set(done.stderr.strip().splitlines()[-1].split()) if done.stderr.strip() else set()


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_loads_no_heavy_package(args):
    assert _loaded(*args) == set()


@pytest.mark.parametrize("command", ["allocate", "report", "show", "power", "risk", "control", "list"])
def test_a_command_help_loads_only_what_typer_needs(command):
    # typer (>= 0.26) builds a pydantic adapter per parameter of the command it runs: its cost, not ours
    assert _loaded(command, "--help") <= {"pydantic"}


def test_an_allocation_loads_neither_the_model_nor_numpy(tmp_path):
    votes = tmp_path / "votes.csv"
    votes.write_text("party,votes\nA,5000\nB,3000\nC,400\n", encoding="utf-8")
    loaded = _loaded("allocate", str(votes), "--seats", "10", "--threshold", "7%", "--format", "csv")
    assert not loaded & {"numpy", "pandas", "yaml", "jinja2", "reformlab.model", "reformlab.analysis"}, loaded
