"""Benchmark: how long the ``reformlab`` command takes to start, side by side with importing typer.

Run: ``.venv/bin/python bench/startup.py [--rounds N]``. Each round runs every case once, in turn, as a
fresh process (so the machine's load hits all cases alike); the table gives the median and the fastest
wall time per case and the ratio of medians to ``python -c "import typer"``, the floor any typer CLI pays.
A small allocation (8 parties, 98 seats, Hare, 7% threshold, from a CSV) is timed as a whole command.
The last lines list which heavy packages each command loads (it should load only what it uses).

Targets: ``reformlab --help`` within 1.5x of importing typer; the small ``reformlab allocate`` within 0.4 s.

Every case runs with byte-code caching on (``PYTHONDONTWRITEBYTECODE`` dropped from the children's
environment), as in any install: pip compiles an installed package, and a checkout writes ``__pycache__`` on
its first run (the warm-up round here). Without it each start would compile reformlab's sources again (about
40 ms) while typer, installed by pip, starts from byte code: an unequal race.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOTES = "party,votes\nA,512000\nB,301000\nC,149000\nD,88000\nE,71000\nF,40000\nG,30000\nH,20000\n"
HEAVY = ("pydantic", "numpy", "pandas", "rich", "yaml", "jinja2", "attrs", "reformlab.model")
PROBE = (
    "import sys\nfrom reformlab.cli import main\nsys.argv = ['reformlab', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none', file=sys.stderr)\n"
)


#: The children's environment: byte code cached and read (see the module docstring).
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _command() -> list[str]:
    script = Path(sys.executable).with_name("reformlab")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reformlab.cli"]


def _cases(votes: Path) -> dict[str, list[str] | None]:
    """Case name -> the arguments given to ``reformlab`` (``None``: the baseline, importing typer)."""
    allocate = ["allocate", str(votes), "--seats", "98", "--method", "hare", "--threshold", "7%"]
    return {
        'python -c "import typer"': None,
        "reformlab --help": ["--help"],
        "reformlab --version": ["--version"],
        "reformlab allocate (table)": allocate,
        "reformlab allocate --format csv": [*allocate, "--format", "csv"],
    }


def _argv(args: list[str] | None) -> list[str]:
    return [sys.executable, "-c", "import typer"] if args is None else [*_command(), *args]


def _run(argv: list[str]) -> tuple[float, float]:
    """Run ``argv`` once: ``(wall seconds, CPU seconds)``, CPU being the child's user + system time, which
    other jobs on a loaded machine disturb far less than the wall clock."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=CHILD_ENV
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def _loaded(args: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
        env=CHILD_ENV,
    )
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each case (default 15)")
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as folder:
        votes = Path(folder) / "votes.csv"
        votes.write_text(VOTES, encoding="utf-8")
        cases = _cases(votes)
        for args in cases.values():  # warm the file cache and byte-code before timing
            _run(_argv(args))
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, args in cases.items():
                times[name].append(_run(_argv(args)))
        loaded = {name: _loaded(args) for name, args in cases.items() if args is not None}
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{rounds} rounds, each case once per round in turn; {os.cpu_count()} CPUs, load average {load}; "
          f"Python {sys.version.split()[0]}")
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    base_cpu, base_wall = cpu['python -c "import typer"'], wall['python -c "import typer"']
    print(f"\n{'case':<34} {'CPU s':>7} {'x typer':>8} {'wall s':>7} {'x typer':>8} {'fastest wall':>13}")
    for name, values in times.items():
        print(f"{name:<34} {cpu[name]:>7.3f} {cpu[name] / base_cpu:>8.2f} {wall[name]:>7.3f} "
              f"{wall[name] / base_wall:>8.2f} {min(w for w, _ in values):>13.3f}")
    help_ratio = cpu["reformlab --help"] / base_cpu
    allocate = cpu["reformlab allocate (table)"]
    print("\nmedians; CPU = the child's user + system time (robust to load), wall = elapsed time")
    print(f"reformlab --help: {help_ratio:.2f}x importing typer in CPU time (target <= 1.5: "
          f"{'met' if help_ratio <= 1.5 else 'NOT met'})")
    print(f"small reformlab allocate: {allocate:.3f} s CPU, {wall['reformlab allocate (table)']:.3f} s wall "
          f"(target <= 0.4 s: {'met' if allocate <= 0.4 else 'NOT met'} in CPU time)")
    print("\nheavy packages loaded (of " + ", ".join(HEAVY) + "):")
    for name, modules in loaded.items():
        print(f"  {name:<32} {modules}")


if __name__ == "__main__":
    main()
