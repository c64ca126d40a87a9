"""An independent reference for exact counting: generating functions in plain Python integers.

Nothing here shares code with :mod:`reformlab.games.counting`: no moduli, no Chinese remaindering, no numpy,
no banded tables, no common-factor reduction. The polynomial ``prod_i (1 + x^{w_i})`` (or, tracking sizes,
``prod_i (1 + y x^{w_i})``) is held as ONE Python integer whose fixed-width bit fields are its coefficients
(Kronecker substitution): multiplying by ``1 + x^w`` is ``P + (P << w * width)``, done by Python's own
big-integer arithmetic, exact at any size. A field is ``n + 1`` bits rounded up to whole bytes, wide enough
for any count of coalitions of ``n`` players, so fields never carry into each other.

Counts are read off the definition of a swing: player ``i`` swings for ``C`` (``i`` not in ``C``) when
``C`` loses and ``C + i`` wins. For a weighted game the coalitions without ``i`` are counted from the
polynomial of the others, obtained by dividing out ``1 + x^{w_i}`` exactly (``Q[x] = P[x] - Q[x - w_i]``,
a recurrence in plain ints). :func:`brute_force` lists every coalition and checks this module on small
games (``tests/games/test_exact_reference.py``).
"""

from __future__ import annotations

from collections.abc import Sequence


def _width(players: int) -> int:
    return -(-(players + 1) // 8) * 8


def _unpack(packed: int, fields: int, width: int) -> list[int]:
    step = width // 8
    raw = packed.to_bytes(fields * step, "little")
    return [int.from_bytes(raw[at : at + step], "little") for at in range(0, fields * step, step)]


def coalitions_by_weight(weights: Sequence[int], top: int) -> list[int]:
    """``p[x]`` = number of coalitions of weight exactly ``x``, for ``0 <= x < top``."""
    if top <= 0:
        return []
    width = _width(len(weights))
    keep = (1 << (top * width)) - 1
    packed = 1
    for weight in weights:
        if weight < top:
            packed = (packed + (packed << (weight * width))) & keep
    return _unpack(packed, top, width)


def _divided(counts: list[int], weight: int) -> list[int]:
    """The coefficients of ``P / (1 + x^weight)`` (exact: ``1 + x^weight`` divides ``P``), first ``len`` of them."""
    out = list(counts)
    if weight == 0:
        return [value // 2 for value in counts]
    for x in range(weight, len(out)):
        out[x] -= out[x - weight]
    return out


def swings(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """``(swings, winning)`` of ``[quota; weights]``: raw Banzhaf counts and the number of winning coalitions."""
    n = len(weights)
    total = sum(weights)
    if quota <= 0:
        return [0] * n, 1 << n
    if quota > total:
        return [0] * n, 0
    counts = coalitions_by_weight(weights, quota)
    winning = (1 << n) - sum(counts)
    found: dict[int, int] = {}
    out = []
    for weight in weights:
        if weight not in found:
            others = _divided(counts, weight)
            found[weight] = sum(others[max(quota - weight, 0) : quota])
        out.append(found[weight])
    return out, winning


def by_size_and_weight(weights: Sequence[int], top: int) -> list[list[int]]:
    """``p[k][x]`` = number of coalitions of ``k`` members and weight ``x``, for ``x < top``."""
    n = len(weights)
    width = _width(n)
    block = (n + 1) * width  # one weight: n + 1 size fields
    keep = (1 << (top * block)) - 1
    packed = 1
    for weight in weights:
        if weight < top:
            packed = (packed + (packed << (weight * block + width))) & keep
    fields = _unpack(packed, top * (n + 1), width)
    return [[fields[x * (n + 1) + k] for x in range(top)] for k in range(n + 1)]


def size_threshold_swings(weights: Sequence[int], thresholds: Sequence[int]) -> tuple[list[list[int]], int]:
    """``(S, winning)`` of the game won by ``C`` iff ``w(C) >= thresholds[|C|]``; ``S[i][k]`` by size ``k``.

    Player ``i`` swings for ``C`` of size ``k`` when ``w(C) < T[k]`` and ``w(C) + w_i >= T[k + 1]``.
    """
    n = len(weights)
    total = sum(weights)
    clamped = [min(max(t, 0), total + 1) for t in thresholds]
    top = max(clamped)
    if top == 0:
        return [[0] * n for _ in range(n)], 1 << n
    table = by_size_and_weight(weights, top)
    winning = (1 << n) - sum(sum(table[k][: clamped[k]]) for k in range(n + 1))
    out = []
    found: dict[int, list[int]] = {}
    for weight in weights:
        if weight not in found:
            others = _divided_sizes(table, weight)
            found[weight] = [
                sum(others[k][max(clamped[k + 1] - weight, 0) : clamped[k]]) for k in range(n)
            ]
        out.append(list(found[weight]))
    return out, winning


def _divided_sizes(table: list[list[int]], weight: int) -> list[list[int]]:
    """``P / (1 + y x^weight)``: ``Q[k][x] = P[k][x] - Q[k - 1][x - weight]``."""
    out = [list(row) for row in table]
    for k in range(1, len(out)):
        row, below = out[k], out[k - 1]
        for x in range(weight, len(row)):
            row[x] -= below[x - weight]
    return out


def brute_force(weights: Sequence[int], thresholds: Sequence[int]) -> tuple[list[list[int]], int]:
    """The same counts as :func:`size_threshold_swings`, by listing all ``2^n`` coalitions (small ``n``)."""
    n = len(weights)
    out = [[0] * n for _ in range(n)]
    winning = 0
    for mask in range(1 << n):
        members = [i for i in range(n) if mask >> i & 1]
        weight = sum(weights[i] for i in members)
        size = len(members)
        winning += weight >= thresholds[size]
        if weight >= thresholds[size]:
            continue
        for i in range(n):
            if not mask >> i & 1 and weight + weights[i] >= thresholds[size + 1]:
                out[i][size] += 1
    return out, winning
