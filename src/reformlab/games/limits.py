"""Every size limit and switch-over point of the exact counting paths, each with the reason for its value.

Two kinds live here. *Limits* bound work or memory: past one, a path is not taken (the dispatcher tries the
next, then Monte Carlo or a clear error); no limit ever truncates a count. *Switch-over points* choose
between two exact paths that give the same numbers at different speeds; the reference tests
(``tests/games/test_exact_reference.py``) straddle each of them.
"""

from __future__ import annotations

# --- enumeration of every coalition --------------------------------------------------------------------------

ENUMERATION_LIMIT = 22
"""Most players whose ``2^n`` coalitions are listed (a game's whole profile, or a counting rule).

``2^22`` coalitions are 4 million table entries: about 0.5 s and 100 MB with the per-player masks (the
profile keeps every count, so it also serves Holler, Deegan-Packel and Johnston). Each further player doubles
both. One value for games and for counting rules (it was 22 and 20: the rule enumeration built an
``n x 2^n`` int64 member matrix, 740 MB at 22; it now adds weights by doubling, like the profile)."""

ENUMERATION_CHUNK = 1 << 16
"""Coalitions asked of ``Game._wins`` at once while enumerating: bounds the boolean member matrix to
``65,536 x n`` whatever ``n`` (a switch-over for memory only)."""

COUNTING_FROM = 13
"""Players from which the dispatcher counts by generating functions instead of enumerating: below it,
listing ``2^n <= 4,096`` coalitions costs less than building the tables, and gives every count at once."""

# --- generating-function tables (multi-modular) ----------------------------------------------------------------

TABLE_LIMIT = 64_000_000
"""uint64 cells of the (size x weight) tables of all moduli together: 512 MB. A size-blind row of ``quota``
cells per modulus is checked against the same bound. Past it: meet in the middle (few players) or an error."""

SMALL_TABLE = 1 << 16
"""Cells (rows x quota) below which one whole-table numpy shift per player beats the banded row-by-row loop;
the size-blind single row always takes the whole-row shift (it is one band)."""

PARALLEL_TABLE = 1 << 20
"""Cells from which the tables of several moduli are built on two threads (numpy releases the GIL while it
adds rows; below this a thread costs more than it saves)."""

WRAP_BITS = 64
"""The first modulus is ``2^64``, free in uint64 arithmetic: counts of up to 63 players (``2^(n+1)`` below
``2^64``) need no prime; from 64 players on, primes below ``2^PRIME_BITS`` join, one per ~49 players."""

PRIME_BITS = 50
"""Largest prime size: a cell at most doubles per player, so it may go unreduced for ``63 - 50 = 13`` players
before one remainder pass; alternating sums of many terms use smaller primes (down to ``MIN_PRIME_BITS``)
so that their uint64 sums cannot overflow."""

MIN_PRIME_BITS = 20
"""Smallest prime size, for alternating sums of up to ``2^43`` terms (far past any table that fits)."""

# --- meet in the middle ------------------------------------------------------------------------------------------

MITM_LIMIT = 36
"""Most players for meet in the middle (huge weights such as populations): two halves of ``2^18`` subsets,
``O(n^2 2^(n/2))`` binary searches; each further player multiplies the work by about 1.4."""

MITM_TOTAL = 1 << 61
"""Total weight below which subset sums and the search bounds (sums minus thresholds) fit in int64 with room
to spare; above it the counts would overflow, so the path refuses (an error, never a wrong number)."""

# --- player types ----------------------------------------------------------------------------------------------

GRID_LIMIT = 4_000_000
"""Count vectors (one per number of members of each player type) evaluated at once: 4 million booleans per
clause, the size of ``2^22`` enumeration and within the same memory."""

INT64_BITS = 62
"""Bits of a binomial-weighted sum kept in int64 before switching to Python ints (one bit of headroom for the
sign and one for a sum of two terms)."""

# --- minimal winning coalitions and critical players of weighted games ------------------------------------------

MINIMAL_COST_LIMIT = 8_000_000
"""``players^2 x quota`` big-int additions for counting minimal winning coalitions by size (Holler,
Deegan-Packel): about 5 s of Python; past it they are listed one by one, up to ``MINIMAL_LIST_LIMIT``."""

MINIMAL_LIST_LIMIT = 100_000
"""Minimal winning coalitions listed one by one (depth-first, ``n`` steps each) when counting is too costly."""

JOHNSTON_COST_LIMIT = 8_000_000
"""``distinct weights x players x (quota + largest weight)`` big-int additions for Johnston's critical sums:
about 5 s of Python."""

LISTED_COALITIONS = 10_000
"""Default cap of :func:`~reformlab.games.queries.minimal_winning_coalitions`: a list a reader can still use;
past it the query raises a clear error (``max_coalitions=`` raises the cap)."""

# --- Monte Carlo -------------------------------------------------------------------------------------------------

SAMPLE_CELLS_LIMIT = 50_000_000
"""Samples x players of one Monte Carlo estimate: the sample keeps about eight boolean matrices of that size
(members, flips, swings, critical members), so 50 million cells are about 400 MB; past it the request is
refused with the largest sample count that fits, instead of running out of memory."""
