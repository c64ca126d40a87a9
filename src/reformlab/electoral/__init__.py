"""Votes to seats: exact seat allocation, thresholds, tiers, districts and measures (layer 1).

Small parts behind a few interfaces, votelib-style: quota and divisor methods in registries of short names
(:data:`METHODS`), a :class:`Threshold` around an allocator, tiers and districts composed from allocations,
and an :class:`ElectoralSystem` that is plain data (``from_dict`` / ``to_dict``). This package knows
nothing of constitutions.
"""

from reformlab.electoral import measures
from reformlab.electoral.allocation import METHODS, Allocation, Method, allocate, method_named
from reformlab.electoral.runner_up import MinimumParties
from reformlab.electoral.system import ElectoralSystem
from reformlab.electoral.threshold import BASES, Threshold, parse_share
from reformlab.electoral.ties import TIE_BREAKS, Tie, TieBreak, TieError

__all__ = [
    "BASES",
    "METHODS",
    "TIE_BREAKS",
    "Allocation",
    "ElectoralSystem",
    "Method",
    "MinimumParties",
    "Threshold",
    "Tie",
    "TieBreak",
    "TieError",
    "allocate",
    "measures",
    "method_named",
    "parse_share",
]

try:  # the numpy batch path lives in its own module, written separately
    from reformlab.electoral.batch import BatchAllocation, allocate_batch

    __all__ += ["BatchAllocation", "allocate_batch"]
except ImportError:  # pragma: no cover - until batch.py exists
    pass
