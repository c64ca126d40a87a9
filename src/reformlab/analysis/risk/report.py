"""Risk results as DataFrames and plain data: loss probabilities with Wilson intervals, witnesses, paired
differences between versions, and the data of the report's risk section."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reformlab.analysis.risk.params import MAIN_PARAMETER, PARAMETERS, RiskParams
from reformlab.analysis.risk.run import KINDS, Counts
from reformlab.engine.tree import decision_key

Z95 = 1.959963984540054

#: What a decision row says before its figures (also the JSON fields of each procedure).
DESCRIPTION = ("procedure", "assumption", "label", "status", "baseline_pass", "baseline_block", "reason")
FIGURES = tuple(
    f"{name}{kind}{suffix}"
    for kind in ("pass", "block")
    for name, suffix in (("lost_", ""), ("p_lose_", ""), ("p_lose_", "_low"), ("p_lose_", "_high"))
)
FRAME_COLUMNS = ["version", "scenario", *DESCRIPTION[:-1], "draws", *FIGURES, "reason"]


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion (Wilson 1927); ``(nan, nan)`` for no trials.

    >>> [round(x, 4) for x in wilson(0, 100)]
    [0.0, 0.037]
    """
    if trials <= 0:
        return (math.nan, math.nan)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class RiskResult:
    """One run: the compiled versions, the parameters, the seed and the counts."""

    models: tuple
    params: RiskParams
    seed: int
    draws: int
    counts: Counts

    def rows(self) -> list[dict]:
        """One dict per version and decision (and assumed majority), in the versions' order."""
        found = []
        for model in self.models:
            losses = self.counts.losses.get(model.target, {})
            for decision in model.decisions:
                row = dict(
                    version=model.target,
                    scenario=model.scenario,
                    procedure=decision.id,
                    assumption=decision.assumption,
                    label=decision.label,
                    status=decision.status,
                    baseline_pass=decision.baseline_pass,
                    baseline_block=decision.baseline_block,
                    draws=self.counts.draws,
                    reason=decision.reason,
                )
                lost = losses.get(decision.key)
                for kind, count in zip(KINDS, lost or (None, None)):
                    low, high = (math.nan, math.nan) if count is None else wilson(count, self.counts.draws)
                    row[f"lost_{kind}"] = count
                    row[f"p_lose_{kind}"] = math.nan if count is None else count / self.counts.draws
                    row[f"p_lose_{kind}_low"], row[f"p_lose_{kind}_high"] = low, high
                found.append(row)
        return found

    def frame(self):
        """Loss probabilities per version and decision as a DataFrame (columns: :data:`FRAME_COLUMNS`)."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=FRAME_COLUMNS)

    def witnesses(self):
        """Witness draws as a DataFrame: version, procedure key, kind (``pass``/``block``), draw, camp_share,
        controllers_lost, and ``seats_<body>`` columns (the camp's seats in that draw)."""
        import pandas as pd

        rows = []
        for (version, key, kind), found in self.counts.witnesses.items():
            for witness in found:
                row = dict(
                    version=version,
                    procedure=key,
                    kind=kind,
                    draw=witness["draw"],
                    camp_share=witness["camp_share"],
                    controllers_lost=",".join(witness["controllers_lost"]),
                )
                row.update({f"seats_{body}": n for body, n in witness["seats"].items()})
                rows.append(row)
        return pd.DataFrame(rows)

    def comparisons(self) -> list[dict]:
        """Paired differences ``p(a) - p(b)`` on the same draws, with a 95% interval for paired shares."""
        n = self.counts.draws
        found = []
        for (a, b, key, kind), (a_only, b_only) in sorted(self.counts.paired.items()):
            lost_a, lost_b = self.counts.losses[a][key], self.counts.losses[b][key]
            index = KINDS.index(kind)
            difference = (a_only - b_only) / n
            spread = math.sqrt(max((a_only + b_only) / n - difference**2, 0.0) / n)
            found.append(
                dict(
                    version_a=a,
                    version_b=b,
                    procedure=key,
                    kind=kind,
                    p_a=lost_a[index] / n,
                    p_b=lost_b[index] / n,
                    difference=difference,
                    low=difference - Z95 * spread,
                    high=difference + Z95 * spread,
                    lost_a_only=a_only,
                    lost_b_only=b_only,
                )
            )
        return found

    def compare(self):
        """:meth:`comparisons` as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.comparisons())

    def to_dict(self) -> dict:
        """Plain data for JSON: per version and decision the loss probabilities, intervals and witnesses."""
        versions, rows = [], self.rows()
        for model in self.models:
            procedures = []
            mine = (r for r in rows if r["version"] == model.target)
            for row, decision in zip(mine, model.decisions):
                entry = {k: _clean(row[k]) for k in DESCRIPTION}
                for kind in KINDS:
                    entry[f"p_lose_{kind}"] = _clean(row[f"p_lose_{kind}"])
                    entry[f"p_lose_{kind}_ci"] = [
                        _clean(row[f"p_lose_{kind}_low"]),
                        _clean(row[f"p_lose_{kind}_high"]),
                    ]
                    entry[f"lost_{kind}"] = row[f"lost_{kind}"]
                entry["witnesses"] = {
                    kind: self.counts.witnesses.get((model.target, decision.key, kind), []) for kind in KINDS
                }
                procedures.append(entry)
            versions.append(
                {
                    "target": model.target,
                    "scenario": model.scenario,
                    "camp_share": _clean(model.camp_share),
                    "baseline_seats": model.baseline_seats(),
                    "ties": self.counts.ties.get(model.target, 0),
                    "notes": list(model.notes),
                    "procedures": procedures,
                }
            )
        return {
            "seed": self.seed,
            "draws": self.counts.draws,
            "params": self.params.to_dict(),
            "versions": versions,
            "comparisons": [{k: _clean(v) for k, v in c.items()} for c in self.comparisons()],
        }


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@dataclass(frozen=True)
class SweepResult:
    """One :class:`RiskResult` per value of ``parameter``, all on the same seed (common random numbers)."""

    parameter: str
    values: tuple[float, ...]
    results: tuple[RiskResult, ...]

    def frame(self):
        """The runs' frames stacked, with ``parameter`` and ``value`` columns first."""
        import pandas as pd

        frames = [
            r.frame().assign(parameter=self.parameter, value=v) for v, r in zip(self.values, self.results)
        ]
        frame = pd.concat(frames, ignore_index=True)
        return frame[["parameter", "value"] + FRAME_COLUMNS]

    def to_dict(self) -> dict:
        return {
            "parameter": self.parameter,
            "why": PARAMETERS[self.parameter].why,
            "points": [{"value": v, **r.to_dict()} for v, r in zip(self.values, self.results)],
        }


def risk_section_data(sweep: SweepResult, procedures: list[str] | None = None) -> dict:
    """Plain data for the report's risk section: loss probability against the swept parameter, one series
    per version and decision (``procedures`` limits the decisions; default: all simulated ones).

    Returns:
        ``{"parameter", "why", "values", "series": [{"version", "procedure", "label", "p_lose_pass",
        "p_lose_pass_low", "p_lose_pass_high", "p_lose_block", ...}]}``, every list aligned with ``values``.
    """
    frame = sweep.frame()
    frame = frame[frame["status"] == "simulated"]
    keys = [decision_key(p, a if isinstance(a, str) else None) for p, a in zip(frame["procedure"], frame["assumption"])]
    frame = frame.assign(key=keys)
    series = []
    for (version, procedure), rows in frame.groupby(["version", "key"], sort=False):
        if procedures is not None and rows["procedure"].iloc[0] not in procedures:
            continue
        entry = {"version": version, "procedure": procedure, "label": rows["label"].iloc[0]}
        for column in (
            "p_lose_pass",
            "p_lose_pass_low",
            "p_lose_pass_high",
            "p_lose_block",
            "p_lose_block_low",
            "p_lose_block_high",
        ):
            entry[column] = [float(x) for x in rows[column]]
        series.append(entry)
    return {
        "parameter": sweep.parameter,
        "main": sweep.parameter == MAIN_PARAMETER,
        "why": PARAMETERS[sweep.parameter].why,
        "values": list(sweep.values),
        "series": series,
    }
