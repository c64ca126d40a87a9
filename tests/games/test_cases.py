"""Published cases written as data (``tests/games/cases/*.yaml``): a game, its source, the expected values.

Each file has ``name``, ``source``, ``game`` (the game-file format), ``expect`` (index -> player -> value as
text, e.g. ``"5/12"``), and optionally ``veto_players`` and ``dummy_players``.
"""

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from reformlab.games import dummy_players, game_from_dict, power, veto_players

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert case["source"], "every case names its source"
    game = game_from_dict({"game": case["game"]}, path=str(path))
    for index, expected in case["expect"].items():
        result = power(game, index)
        assert result.method == "exact"
        assert result.values == {name: Fraction(str(value)) for name, value in expected.items()}, index
    if "veto_players" in case:
        assert list(veto_players(game)) == case["veto_players"]
    if "dummy_players" in case:
        assert list(dummy_players(game)) == case["dummy_players"]
