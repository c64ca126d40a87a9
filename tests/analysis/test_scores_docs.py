"""The score totals written in docs/scores.md are the ones `reformlab scores` computes today."""

from __future__ import annotations

import re
from pathlib import Path

from reformlab.analysis.scores import CCP, SHUGART_CAREY, scores
from reformlab.model import resolve_target

DOC = Path(__file__).resolve().parents[2] / "docs" / "scores.md"


def _shown(total: tuple[int, int]) -> str:
    low, high = total
    return str(low) if low == high else f"{low}-{high}"


def test_the_documented_totals_are_computed():
    rows = re.findall(r"^\| `([^`]+)` \| ([\d-]+) \| ([\d-]+) \| ([\d-]+) \|$", DOC.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
    assert {target.split("@")[0] for target, *_ in rows} == {"kz", "ua", "kg"}
    for target, legislative, non_legislative, ccp in rows:
        result = scores(resolve_target(target), target=target)
        assert (legislative, non_legislative, ccp) == (
            _shown(result.total(SHUGART_CAREY, "legislative")),
            _shown(result.total(SHUGART_CAREY, "non-legislative")), _shown(result.total(CCP))), target
