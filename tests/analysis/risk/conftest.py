"""Compiled Kazakh versions shared by the risk tests (compiling evaluates every decision once)."""

import pytest

from reformlab.analysis.risk import compile_versions

TARGETS = ("kz@2004-10-01", "kz@2007-09-01")


@pytest.fixture(scope="session")
def models():
    return compile_versions(list(TARGETS))
