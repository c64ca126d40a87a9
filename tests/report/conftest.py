"""Fixtures for report tests: the hand-written sample report, an artefact folder, and headless Chromium.

Chromium comes from Debian's ``chromium`` package. When it is missing and the tests run as root (as on CI),
the ``chromium`` fixture installs it once with apt-get, under a file lock because the suite runs on several
xdist workers; without root it skips and says how to install it. As root, a failed install fails the
browser tests instead of skipping them, so CI never passes without having looked at the page.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from report_sample import build_sample_report

from reformlab.report.browser import find_chromium

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"
LOCK = Path(tempfile.gettempdir()) / "reformlab-chromium-install.lock"
APT_TIMEOUT = 900


@pytest.fixture(scope="session")
def sample_report():
    """The sample :class:`ReportData` (hand-written, approximate Kazakhstan 2007 figures)."""
    return build_sample_report()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/report/`` at the repository root (gitignored), created on demand."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _apt(*arguments: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(["apt-get", *arguments], capture_output=True, text=True, env=environment,
                          timeout=APT_TIMEOUT, check=False)


def install_chromium() -> str:
    """Install Debian's chromium with apt-get (root only); return what went wrong, or "" on success."""
    try:
        update = _apt("update", "-q")
        if update.returncode != 0:
            return "apt-get update failed: " + update.stderr.strip()[-400:]
        install = _apt("install", "-y", "-q", "chromium")
        if install.returncode != 0:
            return "apt-get install -y chromium failed: " + install.stderr.strip()[-400:]
    except subprocess.TimeoutExpired:
        return f"apt-get took longer than {APT_TIMEOUT} s"
    return ""


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of a headless-capable Chromium, installing Debian's package as root when it is missing."""
    found = find_chromium()
    if found:
        return found
    if os.environ.get("REFORMLAB_NO_BROWSER_INSTALL"):
        pytest.skip("headless Chromium is not installed and REFORMLAB_NO_BROWSER_INSTALL is set; "
                    "install it with: apt-get install chromium")
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("headless Chromium is not installed and these tests cannot install it (they need root "
                    "and apt-get); install it with: sudo apt-get install chromium")
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker installs; the others wait and then find it
        try:
            problem = "" if find_chromium() else install_chromium()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    found = find_chromium()
    if not found:
        pytest.fail(f"running as root but could not install headless Chromium: {problem or 'not on PATH'}")
    return found
