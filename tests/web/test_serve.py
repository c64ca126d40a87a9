"""``reformlab serve``: loopback by default, prints its address, warns on other hosts, says how to get FastAPI."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx
import pytest
from typer.testing import CliRunner

from reformlab.cli import app as cli
from reformlab.commands.serve import is_loopback


def _serve(*arguments: str):
    process = subprocess.Popen([sys.executable, "-m", "reformlab.cli", "serve", "--port", "0", *arguments],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process


@pytest.mark.parametrize("host, expected", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.2", False)])
def test_loopback_hosts(host, expected):
    assert is_loopback(host) is expected


def test_serve_prints_its_loopback_address_and_answers():
    process = _serve()
    try:
        line = process.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert address, line
        answer = httpx.post(f"http://127.0.0.1:{address.group(1)}/api/show", json={"target": "kz@2007-06-01"},
                            timeout=60)
        assert answer.status_code == 200 and answer.json()["bodies"]["majilis"]["size"] == 107
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "warning" not in process.stderr.read()


def test_a_non_loopback_host_prints_a_warning():
    process = _serve("--host", "0.0.0.0")
    try:
        assert "http://0.0.0.0:" in process.stdout.readline()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "warning: listening on 0.0.0.0" in process.stderr.read()


def test_a_bad_port_is_a_one_line_error():
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "the port must be from 0 to 65535" in result.stderr


def test_without_the_web_extra_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if uvicorn were not installed
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2
    assert "pip install 'reformlab[web]'" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_workers_is_a_one_line_error():
    result = CliRunner().invoke(cli, ["serve", "--workers", "0"])
    assert result.exit_code == 2 and "--workers must be from 1 to 32" in result.stderr
