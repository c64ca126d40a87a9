"""Power: every index for every principal in every decision, exact, as a DataFrame or JSON."""

from __future__ import annotations

from reformlab.engine.decisions import games
from reformlab.games import powers

DEFAULT_INDICES = ("banzhaf", "shapley")


def decision_powers(decision, indices) -> list[tuple[str | None, dict]]:
    """``[(assumption, {index: PowerResult})]`` for one decision: one entry, or one per assumed majority."""
    return [(assumption, powers(game, list(indices))) for assumption, game in games(decision) if game is not None]


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
