"""``reformlab risk``: JSON fields, bad input (exit 2, one message, no traceback), interruption."""

import json

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["risk", *args])


def test_json_carries_probabilities_intervals_and_witnesses(tmp_path):
    out = tmp_path / "risk.json"
    result = run(
        "kz@2004-10-01",
        "kz@2007-09-01",
        "--draws",
        "3000",
        "--seed",
        "7",
        "--format",
        "json",
        "--output",
        str(out),
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["seed"] == 7 and data["draws"] == 3000 and len(data["versions"]) == 2
    procedure = next(
        p for p in data["versions"][0]["procedures"] if p["procedure"] == "appoint:prime_minister.prime_minister"
    )
    for kind in ("pass", "block"):
        low, high = procedure[f"p_lose_{kind}_ci"]
        assert low <= procedure[f"p_lose_{kind}"] <= high
        assert len(procedure["witnesses"][kind]) <= 5
    assert procedure["witnesses"]["pass"][0]["seats"]["majilis"] < 39
    assert data["comparisons"]


def test_table_and_sweep():
    result = run("kz@2004-10-01", "kz@2007-09-01", "--draws", "2000", "--seed", "1")
    assert (
        result.exit_code == 0 and "P(lose pass alone)" in result.output and "Not simulated" in result.output
    )
    result = run("kz@2007-09-01", "--draws", "1000", "--seed", "1", "--sweep", "concentration=20:60:20")
    assert result.exit_code == 0 and "Loss probability against concentration" in result.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["--draws", "0"], "draws"),
        (["--draws", "-5"], "draws"),
        (["--set", "concentration=0"], "concentration must be above 0"),
        (["--set", "concentration=-2"], "concentration must be above 0"),
        (["--set", "defect_list_free=1.5"], "probability"),
        (["--set", "controller_flip=-0.1"], "probability"),
        (["--set", "nonsense"], "NAME=VALUE"),
        (["--sweep", "concentration=400:20:10"], "no points"),
        (["--sweep", "concentration=,"], "no points"),
        (["--sweep", "colour=1:2:1"], "unknown risk parameter"),
        (["--set", "model=cubic"], "vote model"),
        (["--scheduler", "dask", "--address", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
    ],
)
def test_bad_input_exits_2_with_a_message(args, words):
    result = (
        run("kz@2004-10-01", "--draws", "100", *args)
        if "--draws" not in args
        else run("kz@2004-10-01", *args)
    )
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output


def test_interrupted_run_leaves_no_output_file(tmp_path, monkeypatch):
    from reformlab.analysis import risk

    def interrupted(*args, progress=None, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(risk, "simulate", interrupted)
    out = tmp_path / "risk.json"
    result = run("kz@2004-10-01", "--draws", "100", "--output", str(out))
    assert result.exit_code == 130 and not out.exists() and list(tmp_path.iterdir()) == []
    out.write_text("old")
    result = run("kz@2004-10-01", "--draws", "100", "--output", str(out))
    assert result.exit_code == 130 and out.read_text() == "old"


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    import os

    out = tmp_path / "risk.json"
    out.write_text("old")

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", stop)
    result = run("kz@2004-10-01", "--draws", "100", "--seed", "1", "--output", str(out))
    assert result.exit_code == 130 and out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["risk.json"]
