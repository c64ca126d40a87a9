"""Runs the domain cases of ``tests/engine/cases/*.yaml``: dictator, veto players, votes needed, with sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reformlab.analysis import evaluate
from reformlab.engine.decisions import games
from reformlab.engine.tree import Vote, leaves
from reformlab.games import dictator, veto_players

CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("case", CASES)
def test_decision_case(case):
    assert case.get("source"), "every case names its source"
    decision = evaluate(case["target"], case["scenario"]).decisions[case["decision"]]
    readings = dict(decision.trees)
    assumption = case.get("assumption")
    assert assumption in readings, (assumption, list(readings))
    tree = readings[assumption]
    game = dict(games(decision))[assumption]
    assert dictator(game) == case["dictator"]
    assert sorted(veto_players(game)) == sorted(case["veto_players"])
    needed = {}
    for leaf in leaves(tree):
        if isinstance(leaf, Vote):
            needed.setdefault(leaf.body, set()).add(leaf.needed)
    assert {body: sorted(values) for body, values in needed.items()} == case["votes_needed"]
