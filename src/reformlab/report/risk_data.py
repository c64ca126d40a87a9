"""The risk section's records (re-exported by :mod:`reformlab.report.data`): each decision's chance of being
lost, against the swept parameter of the simulation, and which votes both versions are drawn around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RiskSeries:
    """One decision's loss probability on one side, against the swept parameter.

    Args:
        side: "before" or "after".
        procedure: the decision ("amending the Constitution").
        p_lose_pass: probability that the incumbent's camp cannot pass it alone, one value per swept value.
        low, high: the 95% interval of ``p_lose_pass``, aligned with it.
        held_at_baseline: whether the camp could pass it alone at the recorded result (if not, a "loss" is a
            failure to gain, and less noise makes it more likely).
    """

    side: str
    procedure: str
    p_lose_pass: tuple[float, ...]
    low: tuple[float, ...] = ()
    high: tuple[float, ...] = ()
    held_at_baseline: bool = True


@dataclass(frozen=True)
class RiskSection:
    """The incumbent's risk of losing control, against the main parameter of the simulation.

    Args:
        parameter: the swept parameter's name ("concentration").
        why: what the parameter means, in a sentence.
        values: the swept values.
        series: one :class:`RiskSeries` per side and decision.
        draws: draws per value; seed: the seed (results are reproducible from it).
        camp: the camp followed, as the text names it ("the President's camp").
        votes: the votes every version is drawn around, in words (empty: not recorded).
        same_votes: whether both versions are drawn around the same votes (the gap is then the rules').
    """

    parameter: str
    why: str
    values: tuple[float, ...]
    series: tuple[RiskSeries, ...]
    draws: int
    seed: int
    camp: str = "the camp"
    votes: str = ""
    same_votes: bool = True
