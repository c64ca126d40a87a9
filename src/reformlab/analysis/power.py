"""Power: every index for every principal in every decision, exact, as a DataFrame or JSON."""

from __future__ import annotations

from fractions import Fraction

from reformlab.engine.decisions import IMPOSSIBLE
from reformlab.games import powers

DEFAULT_INDICES = ("banzhaf", "shapley")


def decision_powers(decision, indices) -> list[tuple[str | None, dict]]:
    """``[(assumption, {index: PowerResult})]`` for one decision: one entry, or one per assumed majority."""
    games = [(None, decision.game)] if decision.game is not None else list(decision.alternatives)
    return [(assumption, powers(game, list(indices))) for assumption, game in games if game != IMPOSSIBLE]


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


def power_dict(evaluation, indices=DEFAULT_INDICES) -> dict:
    """JSON-ready: ``{procedure: {index: {actor: "p/q"}}}`` for known decisions, with per-assumption entries
    under ``"<procedure> (<assumption>)"`` and unknown decisions listed with their reason."""
    data: dict = {}
    for row in power_rows(evaluation, indices):
        key = row["procedure"] + (f" ({row['assumption']})" if row["assumption"] else "")
        data.setdefault(key, {}).setdefault(row["index"], {})[row["actor"]] = _text(row["exact"])
    for decision_id, decision in evaluation.decisions.items():
        if decision.status == "unknown":
            data[decision_id] = {"unknown": decision.unknown}
    return data


def _text(value: Fraction) -> str:
    return str(value) if value.denominator != 1 else str(value.numerator)
