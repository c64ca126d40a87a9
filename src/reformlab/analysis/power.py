"""Power: every index for every principal in every decision, exact, as a DataFrame or JSON."""

from __future__ import annotations

import functools

from reformlab.analysis.control import TREES_KEPT
from reformlab.engine.tree import Always, Never, Node, simple_game
from reformlab.games import powers

DEFAULT_INDICES = ("banzhaf", "shapley")


def decision_powers(decision, indices) -> list[tuple[str | None, dict]]:
    """``[(assumption, {index: PowerResult})]`` for one decision: one entry, or one per assumed majority."""
    return [(assumption, tree_powers(tree, tuple(indices))) for assumption, tree in decision.trees
            if not isinstance(tree, (Never, Always))]


def tree_powers(tree: Node, indices: tuple[str, ...]) -> dict:
    """``{index: PowerResult}`` of the game of a plain decision tree, exact; kept for the last
    :data:`~reformlab.analysis.control.TREES_KEPT` trees, as control is (a tree is a frozen value)."""
    return dict(_tree_powers(tree, tuple(indices)))


@functools.lru_cache(maxsize=TREES_KEPT)
def _tree_powers(tree: Node, indices: tuple[str, ...]) -> dict:
    return powers(simple_game(tree), list(indices))


def power_rows(evaluation, indices=DEFAULT_INDICES) -> list[dict]:
    """One row per decision, assumption, index and player, with the exact value."""
    rows = []
    for decision_id, decision in evaluation.decisions.items():
        for assumption, results in decision_powers(decision, indices):
            for index, result in results.items():
                for player, value in result.values.items():
                    rows.append({
                        "procedure": decision_id, "assumption": assumption, "index": index, "actor": player,
                        "exact": value, "value": float(value), "method": result.method,
                    })
    return rows


def power_frame(evaluation, indices=DEFAULT_INDICES):
    """Power indices of every decision of ``evaluation`` as a pandas DataFrame
    (columns: procedure, assumption, index, actor, exact, value, method)."""
    import pandas as pd

    return pd.DataFrame(
        power_rows(evaluation, indices),
        columns=["procedure", "assumption", "index", "actor", "exact", "value", "method"],
    )
