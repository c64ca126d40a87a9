"""Votes to seats: exact seat allocation, thresholds, tiers, districts and measures (layer 1).

Small parts behind a few interfaces, votelib-style: quota and divisor methods in registries of short names
(:data:`METHODS`), a :class:`Threshold` around an allocator, tiers and districts composed from allocations,
and an :class:`ElectoralSystem` that is plain data (``from_dict`` / ``to_dict``). This package knows
nothing of constitutions.

>>> from fractions import Fraction
>>> result = allocate({"A": 100, "B": 80, "C": 5}, seats=10, method="hare",
...                   threshold=Threshold(share=Fraction(7, 100), base="ballots_cast"),
...                   ballots_cast=200, tie_break="order")
>>> result.seats, result.quota, result.passed, result.ties, result.method
({'A': 6, 'B': 4, 'C': 0}, Fraction(18, 1), ('A', 'B'), (), 'hare')
>>> ElectoralSystem.from_dict({"method": "hare", "seats": 98,
...                            "threshold": {"share": "7%", "base": "ballots_cast"}}).to_dict()
{'method': 'hare', 'seats': 98, 'threshold': {'share': '7%', 'base': 'ballots_cast'}}
"""

from reformlab.electoral import measures
from reformlab.electoral.allocation import METHODS, Allocation, Method, allocate, method_named
from reformlab.electoral.chamber import UNELECTED_KINDS, Chamber, ElectionResult, UnelectedSeats
from reformlab.electoral.district import (
    DistrictAllocation,
    DistrictResult,
    allocate_districts,
    plurality,
    two_round,
)
from reformlab.electoral.kinds import (
    KINDS,
    CompensatorySystem,
    MultiDistrictSystem,
    ParallelSystem,
    SingleMemberSystem,
    tier_from_dict,
    tier_to_dict,
)
from reformlab.electoral.regional import RegionalThreshold
from reformlab.electoral.runner_up import MinimumParties
from reformlab.electoral.seat_cap import EXCESS_RULES, SeatCap
from reformlab.electoral.system import ElectoralSystem
from reformlab.electoral.threshold import BASES, Threshold, parse_share
from reformlab.electoral.tiers import OVERHANG_RULES, MixedResult, compensatory, parallel, parallel_tiers
from reformlab.electoral.ties import TIE_BREAKS, Tie, TieBreak, TieError
from reformlab.electoral.votes_file import read_votes_csv

__all__ = [
    "BASES",
    "BatchAllocation",
    "EXCESS_RULES",
    "KINDS",
    "METHODS",
    "OVERHANG_RULES",
    "TIE_BREAKS",
    "UNELECTED_KINDS",
    "Allocation",
    "Chamber",
    "CompensatorySystem",
    "DistrictAllocation",
    "DistrictResult",
    "ElectionResult",
    "ElectoralSystem",
    "Method",
    "MinimumParties",
    "MixedResult",
    "MultiDistrictSystem",
    "ParallelSystem",
    "SingleMemberSystem",
    "RegionalThreshold",
    "SeatCap",
    "Threshold",
    "Tie",
    "TieBreak",
    "TieError",
    "UnelectedSeats",
    "allocate",
    "allocate_districts",
    "compensatory",
    "measures",
    "method_named",
    "parallel",
    "parallel_tiers",
    "parse_share",
    "plurality",
    "read_votes_csv",
    "tier_from_dict",
    "tier_to_dict",
    "two_round",
    "allocate_batch",
    "iter_allocate_batch",
]

#: The numpy batch path, imported on first use (``reformlab allocate`` and the exact path never load numpy).
_BATCH = ("BatchAllocation", "allocate_batch", "iter_allocate_batch")


def __getattr__(name: str):
    if name in _BATCH:
        from reformlab.electoral import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
