"""Fixtures for the web app: one app and a test client for the whole module (its caches are shared)."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'reformlab[web]'")

from fastapi.testclient import TestClient

from reformlab.web import create_app

THRESHOLD = "bodies.majilis.seat_groups.0.system.threshold.share"


def threshold_reform(share: str = "3%", date: str = "2007-05-21") -> dict:
    """The editor's reform for "what if the Majilis threshold were SHARE", as the page builds it."""
    return {"reform": "web_edit", "base": "kz", "date": date,
            "changes": [{"op": "set", "path": THRESHOLD, "value": share}]}


@pytest.fixture(scope="session")
def app():
    return create_app()


@pytest.fixture(scope="session")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


APT_TIMEOUT = 900
LOCK = Path(tempfile.gettempdir()) / "reformlab-chromium-install.lock"


def _install_browser() -> str:
    """Install Debian's chromium and chromium-driver with apt-get (root only); "" on success, else why not."""
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        for arguments in (["update", "-q"], ["install", "-y", "-q", "chromium", "chromium-driver"]):
            done = subprocess.run(["apt-get", *arguments], capture_output=True, text=True, env=environment,
                                  timeout=APT_TIMEOUT, check=False)
            if done.returncode != 0:
                return f"apt-get {' '.join(arguments)} failed: " + done.stderr.strip()[-400:]
    except subprocess.TimeoutExpired:
        return f"apt-get took longer than {APT_TIMEOUT} s"
    return ""


def _found() -> tuple[str, str] | None:
    from reformlab.report.browser import find_chromium

    browser, driver = find_chromium(), shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def chromium_with_driver() -> tuple[str, str]:
    """Paths of Chromium and its driver, installing Debian's packages as root when they are missing (as the
    report's browser test does; a failed install as root fails the test, so CI never passes unseen)."""
    found = _found()
    if found:
        return found
    if os.environ.get("REFORMLAB_NO_BROWSER_INSTALL") or not hasattr(os, "geteuid") or os.geteuid() != 0 \
            or shutil.which("apt-get") is None:
        pytest.skip("Chromium and chromedriver are not installed; install them: apt-get install chromium chromium-driver")
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            problem = "" if _found() else _install_browser()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    found = _found()
    if not found:
        pytest.fail(f"could not install Chromium and chromedriver: {problem}")
    return found


@pytest.fixture(scope="session")
def live_server(app):
    """The app served by uvicorn on a free loopback port, for the browser; yields its address."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
