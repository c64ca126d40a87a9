"""Runs the fact cases in ``tests/model/cases/*.yaml``: target, path, expected value."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from reformlab.model import UNKNOWN
from reformlab.model.targets import resolve_target

CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def _as_expected(value):
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Fraction):
        return str(value)
    return value


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    constitution = resolve_target(case["target"])
    if case["expect"] == "absent":
        with pytest.raises(KeyError):
            constitution.get(case["path"])
        return
    assert _as_expected(constitution.get(case["path"])) == case["expect"]
    ref = constitution.ref(case["path"])
    assert ref is not None and ref.confidence
