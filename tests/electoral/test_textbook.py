"""Domain cases as data: textbook allocations from ``golden/textbook.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reformlab.electoral import allocate

CASES = yaml.safe_load((Path(__file__).parent / "golden" / "textbook.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_textbook_case(case):
    given = case["input"]
    result = allocate(given["votes"], given["seats"], given["method"], given.get("threshold"))
    assert result.seats == case["output"]
    assert list(result.seats) == list(case["output"])
