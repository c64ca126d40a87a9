"""Caches of repeated work: built-in data parsed once per state of its files, games checked once, control and
power kept by decision tree. A cache must never serve a file as it was before an edit, nor grow per request."""

import importlib
import os
import shutil
from fractions import Fraction

import pytest

from reformlab.analysis.control import TREES_KEPT, GameControl
from reformlab.analysis.power import tree_powers
from reformlab.engine import scenario as scenario_module
from reformlab.engine.scenario import builtin_scenarios
from reformlab.engine.tree import AllOf, Quota, Vote
from reformlab.errors import ReformlabError
from reformlab.games import AndGame, WeightedGame
from reformlab.model import loader

control_module = importlib.import_module("reformlab.analysis.control")


def _touch_later(path):
    """Move the file's modification time on, as an editor saving it a second later would."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def test_builtin_constitution_is_read_again_after_its_file_changes(tmp_path, monkeypatch):
    folder = tmp_path / "constitutions"
    folder.mkdir()
    original = loader.builtin_dir().joinpath("kz.yaml").read_text("utf-8")
    (folder / "kz.yaml").write_text(original, "utf-8")
    monkeypatch.setattr(loader, "builtin_dir", lambda: folder)
    monkeypatch.setattr(loader, "_CACHE", {})
    first = loader.load_builtin("kz")
    assert loader.load_builtin("kz") is first  # unchanged file: parsed once
    edited = original.replace("\nlabel: Constitution", "\nlabel: Edited constitution", 1)
    assert edited != original
    (folder / "kz.yaml").write_text(edited, "utf-8")
    _touch_later(folder / "kz.yaml")
    again = loader.load_builtin("kz")
    assert again is not first and again.label.startswith("Edited constitution")
    assert len(loader._CACHE) == 1  # one entry per id, whatever the number of edits


def test_builtin_scenarios_are_read_again_after_a_file_changes(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    shutil.copytree(scenario_module.builtin_scenarios_dir(), folder)
    monkeypatch.setattr(scenario_module, "builtin_scenarios_dir", lambda: folder)
    monkeypatch.setattr(scenario_module, "_BUILTIN", [])
    first = builtin_scenarios()
    second = builtin_scenarios()
    assert second == first and second is not first  # a new dict each time: a caller may change it freely
    assert second["kz-majilis-2007"] is first["kz-majilis-2007"]  # the frozen scenarios are shared
    second.clear()
    assert builtin_scenarios() == first
    path = folder / "kz.yaml"
    text = path.read_text("utf-8")
    label = first["kz-majilis-2007"].label
    path.write_text(text.replace(label, label + " (edited)", 1), "utf-8")
    _touch_later(path)
    assert builtin_scenarios()["kz-majilis-2007"].label == label + " (edited)"
    assert len(scenario_module._BUILTIN) == 1


def test_a_game_is_checked_once_and_an_ill_formed_one_every_time():
    game = AndGame((WeightedGame({"A": 2, "B": 1}, quota=2), WeightedGame({"B": 1, "C": 1}, quota=1)))
    calls = []
    original = type(game).validate

    def counted(self):
        calls.append(self)
        original(self)

    type(game).validate = counted
    try:
        for _ in range(3):
            game.checked()
            assert game.is_winning({"A", "B"})
    finally:
        type(game).validate = original
    assert len(calls) == 1
    assert game.players == ("A", "B", "C")
    broken = WeightedGame({"A": 1}, quota=5)
    for _ in range(2):  # a failure is not remembered as a success
        with pytest.raises(ReformlabError, match="above the total weight"):
            broken.checked()


def _tree(seats_a: int, quota=Fraction(1, 2)) -> AllOf:
    vote = Vote("chamber", Quota(quota, "members", True), (("a", seats_a), ("b", 100 - seats_a)))
    return AllOf((vote, Vote("senate", Quota(Fraction(2, 3), "members", False), (("a", 10), ("c", 5)))))


def test_control_and_power_are_kept_by_tree_and_bounded():
    control_module._control_of_tree.cache_clear()
    first = GameControl.of_tree(_tree(60))
    assert GameControl.of_tree(_tree(60)) is first  # an equal tree, built again: not computed again
    assert first.veto_players == ("a",) and first.dictator == "a"
    other = GameControl.of_tree(_tree(40))  # another tree is another answer
    assert other.dictator is None and other.veto_players == ("a", "b")
    assert GameControl.of_tree(_tree(60, Fraction(2, 3))).dictator is None  # the quota is part of the key
    assert control_module._control_of_tree.cache_info().maxsize == TREES_KEPT
    powers = tree_powers(_tree(60), ("banzhaf",))
    powers.clear()  # each caller gets its own dict
    again = tree_powers(_tree(60), ("banzhaf",))
    assert again["banzhaf"].values["a"] == 1 and again["banzhaf"].values["b"] == 0
    with pytest.raises(ReformlabError):
        tree_powers(_tree(60), ("no such index",))
