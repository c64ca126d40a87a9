"""Fixtures for the web app: one app and a test client for the whole module (its caches are shared)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'reformlab[web]'")

from fastapi.testclient import TestClient  # noqa: E402

from reformlab.web import create_app  # noqa: E402

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
