"""Multi-modular generating-function tables: coalitions counted by size and weight, exactly, in numpy.

Counts of coalitions reach ``2^n`` (``2^200`` for 200 players), far beyond int64. We count modulo several
moduli at once and rebuild the exact Python ints by Chinese remaindering (Knuth, TAOCP vol. 2, 4.3.2):

* ``2^64``: uint64 arithmetic wraps around, so this residue costs nothing to reduce;
* primes ``p < 2^b`` (``b`` about 50): the table only ever adds, so a cell at most doubles per player and
  may go unreduced for ``63 - b`` players before one ``numpy.remainder`` pass (lazy reduction).

Enough moduli are used that their product exceeds ``2^(n+1)``, so the rebuilt integers are exact.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np

from reformlab.games.limits import MIN_PRIME_BITS, PARALLEL_TABLE, PRIME_BITS, SMALL_TABLE, WRAP_BITS

WRAP = 1 << WRAP_BITS
_UINT64_MAX = WRAP - 1
_WITNESSES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)  # deterministic Miller-Rabin below 3.18e23


def is_prime(number: int) -> bool:
    """Deterministic Miller-Rabin test for ``number < 3.18 * 10^23``, far above the ``2^63`` used here.

    The first twelve primes as bases suffice below that bound (Sorenson & Webster, "Strong pseudoprimes to
    twelve prime bases", Math. Comp. 86, 2017).

    >>> [n for n in range(20) if is_prime(n)]
    [2, 3, 5, 7, 11, 13, 17, 19]
    """
    if number < 2:
        return False
    for small in _WITNESSES:
        if number % small == 0:
            return number == small
    odd, twos = number - 1, 0
    while odd % 2 == 0:
        odd, twos = odd // 2, twos + 1
    for base in _WITNESSES:
        x = pow(base, odd, number)
        if x in (1, number - 1):
            continue
        for _ in range(twos - 1):
            x = x * x % number
            if x == number - 1:
                break
        else:
            return False
    return True


@lru_cache(maxsize=64)
def moduli(bits_needed: int, prime_bits: int) -> tuple[int, ...]:
    """``2^64`` then primes below ``2^prime_bits`` whose product with it exceeds ``2^bits_needed``.

    The primes are as small as the count of primes allows (fewer bits leave more room for lazy reduction).

    >>> moduli(60, 50)
    (18446744073709551616,)
    >>> [m.bit_length() for m in moduli(200, 50)]
    [65, 47, 47, 47]
    """
    missing = max(bits_needed - 64, 0)  # each prime below 2^size exceeds 2^(size-1)
    count = -(-missing // (prime_bits - 1))
    size = -(-missing // count) + 1 if count else prime_bits
    chosen = [WRAP]
    candidate = (1 << size) - 1
    for _ in range(count):
        while not is_prime(candidate):
            candidate -= 2
        chosen.append(candidate)
        candidate -= 2
    return tuple(chosen)


def crt(residues: Sequence[Sequence[int]], mods: Sequence[int]) -> list[int]:
    """Exact non-negative integers from their residues (``residues[j][t]`` is value ``t`` mod ``mods[j]``).

    Garner-free form: ``x = sum_j r_j * c_j mod M`` with ``c_j = (M/m_j) * ((M/m_j)^-1 mod m_j)``.
    Cost: ``O(len(mods) * len(values))`` big-int products.

    >>> crt([[5, 1], [3, 0]], [7, 11])
    [47, 22]
    """
    total = 1
    for modulus in mods:
        total *= modulus
    coefficients = []
    for modulus in mods:
        rest = total // modulus
        coefficients.append(rest * pow(rest % modulus, -1, modulus) % total)
    columns = [np.asarray(list(map(int, row)), dtype=object) for row in residues]
    combined = sum(column * coefficient for column, coefficient in zip(columns, coefficients, strict=True))
    return [int(value) % total for value in np.asarray(combined, dtype=object).ravel()]


def size_rows(weights: Sequence[int], limit: int) -> int:
    """Number of coalition sizes ``k`` (rows ``0..k-1``) whose lightest coalition weighs less than ``limit``.

    >>> size_rows([5, 1, 2], 4)
    3
    """
    lightest = 0
    rows = 1
    for weight in sorted(weights):
        lightest += weight
        if lightest >= limit:
            break
        rows += 1
    return rows


def cumulative_table(weights: Sequence[int], limit: int, modulus: int, *, by_size: bool) -> np.ndarray:
    """Cumulative counts ``F[k, x] = #{C : |C| = k, w(C) <= x}`` modulo ``modulus``, for ``0 <= x < limit``.

    The generating function ``prod_i (1 + y x^{w_i})`` is built one player at a time; cumulating over the
    weight commutes with the shift, so a player adds row ``k-1`` shifted by ``w_i`` onto row ``k``. Only the
    band of each row that is still changing is touched: below the lightest ``k``-coalition a row is 0, and
    from the heaviest one on it is the constant ``C(players so far, k)``, kept aside as a number and written
    out at the end. Players go heaviest first, which keeps both bands narrow (for 200 random weights this
    skips about 60% of the cells).

    Args:
        weights: non-negative integer weights.
        limit: number of weight columns ``0..limit-1`` (a quota, usually).
        modulus: ``2^64`` (wrap-around) or a prime below ``2^63``.
        by_size: keep one row per coalition size; otherwise a single row over all sizes.

    Returns:
        uint64 array of shape ``(rows, limit)`` (``rows`` from :func:`size_rows`, or 1), entries reduced.

    Complexity: ``O(n * rows * limit)`` additions at most (``O(n * limit)`` without sizes), plus one
    remainder pass every ``63 - log2(modulus)`` players.
    """
    order = sorted((int(weight) for weight in weights), reverse=True)
    rows = size_rows(order, limit) if by_size else 1
    if rows == 1 or rows * limit <= SMALL_TABLE:  # one row: a whole-row shift is the whole work
        return _whole_table(order, rows, limit, modulus)
    table = np.zeros((rows, limit), dtype=np.uint64)
    lowest = [0] + [limit] * (rows - 1)  # below: zeros
    highest = [0] * rows  # from here on the row equals constant[k] (not stored until the end)
    constant = [1] + [0] * (rows - 1)  # C(players so far, k) mod modulus
    divisor = np.uint64(modulus) if modulus < WRAP else None
    bound = 1
    for done, weight in enumerate(order):
        if divisor is not None and 2 * bound > _UINT64_MAX:
            for size in range(1, min(done + 1, rows)):  # only the stored band can exceed the modulus
                band = table[size, lowest[size] : highest[size]]
                np.remainder(band, divisor, out=band)
            bound = modulus - 1
        bound *= 2
        for size in range(min(done + 1, rows - 1), 0, -1):
            below = size - 1
            new_high = min(limit, max(highest[size], highest[below] + weight))
            table[size, highest[size] : new_high] = constant[size]
            start = lowest[below] + weight
            shifted_end = min(new_high, highest[below] + weight)
            if start < shifted_end:
                row = table[size, start:shifted_end]
                np.add(row, table[below, start - weight : shifted_end - weight], out=row)
            flat_start = max(start, highest[below] + weight)
            if flat_start < new_high:
                table[size, flat_start:new_high] += np.uint64(constant[below])
            lowest[size] = min(lowest[size], start)
            highest[size] = new_high
            constant[size] = (constant[size] + constant[below]) % modulus
    for size in range(rows):
        band = table[size, lowest[size] : highest[size]]
        if divisor is not None:
            np.remainder(band, divisor, out=band)
        table[size, highest[size] :] = constant[size]
    return table


def cumulative_tables(
    weights: Sequence[int], limit: int, mods: Sequence[int], *, by_size: bool
) -> list[np.ndarray]:
    """One :func:`cumulative_table` per modulus; large ones are built on two threads at once.

    numpy releases the GIL while it adds rows, so the moduli of a large table share the cores (about 1.4x
    on two cores); small tables are built in turn, where a thread would cost more than it saves.
    """
    workers = min(len(mods), os.cpu_count() or 1, 2)
    if workers < 2 or size_rows(weights, limit) * limit < PARALLEL_TABLE:
        return [cumulative_table(weights, limit, modulus, by_size=by_size) for modulus in mods]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda modulus: cumulative_table(weights, limit, modulus, by_size=by_size), mods))


def _whole_table(order: Sequence[int], rows: int, limit: int, modulus: int) -> np.ndarray:
    """:func:`cumulative_table` by one whole-table shift per player (small tables, or a single row).

    Without sizes the row is ``F[x] = #{C : w(C) <= x}`` and a player adds it to itself shifted by ``w``.
    The sum is written into a second buffer and the two swap: an in-place ``t[w:] += t[:-w]`` overlaps,
    and numpy then copies the source first (about twice the memory traffic).
    """
    table = np.zeros((rows, limit), dtype=np.uint64)
    table[0, :] = 1
    spare = np.empty_like(table)
    divisor = np.uint64(modulus) if modulus < WRAP else None
    bound = 1
    for weight in order:
        if divisor is not None and 2 * bound > _UINT64_MAX:
            np.remainder(table, divisor, out=table)
            bound = modulus - 1
        bound *= 2
        if weight >= limit:
            continue
        if rows == 1:
            spare[0, :weight] = table[0, :weight]
            np.add(table[0, weight:], table[0, : limit - weight], out=spare[0, weight:])
        else:
            spare[0] = table[0]
            spare[1:, :weight] = table[1:, :weight]
            np.add(table[1:, weight:], table[:-1, : limit - weight], out=spare[1:, weight:])
        table, spare = spare, table
    if divisor is not None:
        np.remainder(table, divisor, out=table)
    return table


def alternating_at(row: np.ndarray, modulus: int, weight: int, column: int) -> int:
    """``G[column] mod modulus`` with ``G[x] = sum_j (-1)^j row[x - j * weight]``, over a strided view.

    The size-blind form of :func:`gather_plan` and :func:`alternating_sums`: no index arrays. Even and odd
    terms are summed apart in uint64 (no overflow for primes from :func:`prime_bits_for`; for ``2^64`` the
    wrap-around is the reduction).
    """
    if column < 0:
        return 0
    terms = row[column::-weight]
    even = int(terms[0::2].sum(dtype=np.uint64))
    odd = int(terms[1::2].sum(dtype=np.uint64))
    return (even - odd) % modulus


def gather_plan(
    shape: tuple[int, int], weight: int, sizes: np.ndarray, columns: np.ndarray, *, by_size: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices and validity of the terms of ``G[k, x] = sum_j (-1)^j F[k - j, x - j*w]``.

    ``G`` is the cumulative table with one player of weight ``w`` removed: dividing the generating function
    by ``(1 + y x^w)`` is this alternating series (deconvolution), ``O(rows)`` terms per entry instead of a
    new table per player. Term ``j`` of query ``t`` sits at ``[t, j]``; the plan serves every modulus.

    Args:
        shape: ``(rows, limit)`` of the cumulative table.
        weight: the removed player's weight (positive unless ``by_size``).
        sizes: coalition sizes ``k`` (ignored without ``by_size``).
        columns: weights ``x`` (``x < 0`` gives 0; ``x < limit`` required).
        by_size: whether the table has one row per size.
    """
    rows, limit = shape
    sizes = np.asarray(sizes, dtype=np.int64)
    columns = np.asarray(columns, dtype=np.int64)
    depth = int(columns.max(initial=-1)) // weight + 1 if weight else 1
    if by_size:
        top = int(sizes.max(initial=-1)) + 1
        depth = min(depth, top) if weight else top
    steps = np.arange(max(depth, 1), dtype=np.int64)
    col_index = columns[:, None] - steps * weight
    valid = col_index >= 0
    if by_size:
        row_index = sizes[:, None] - steps
        valid &= (row_index >= 0) & (row_index < rows)
        flat = row_index * limit + col_index
    else:
        flat = col_index
    return np.where(valid, flat, 0), valid


def alternating_sums(table: np.ndarray, modulus: int, plan: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """``G mod modulus`` for each query of a :func:`gather_plan`, as an object array of Python ints.

    Even and odd terms are summed apart in uint64 (no overflow: see :func:`prime_bits_for`; for ``2^64`` the
    wrap-around is the reduction), then subtracted exactly.
    """
    flat, valid = plan
    values = table.ravel().take(flat)
    values[~valid] = 0
    even = values[:, 0::2].sum(axis=1, dtype=np.uint64).astype(object)
    odd = values[:, 1::2].sum(axis=1, dtype=np.uint64).astype(object)
    return (even - odd) % modulus


def prime_bits_for(terms: int) -> int:
    """Largest prime size (bits) such that ``terms`` residues sum without overflowing uint64 (see :mod:`~reformlab.games.limits`)."""
    return max(MIN_PRIME_BITS, min(PRIME_BITS, 63 - max(terms, 1).bit_length()))
