"""Exact counting for vector-weighted games: several weighted clauses that must all hold.

``weight_vectors[j][i]`` is player ``i``'s weight in clause ``j`` and ``quotas[j]`` that clause's quota; a
head-count clause gives every player weight 1. The game is the rule ``AllOf(clauses)`` of
:mod:`reformlab.games.counting.compositions`, which picks the exact path (size thresholds when one clause
carries the weights and the others count heads, player types, or enumeration).
"""

from __future__ import annotations

from collections.abc import Sequence

from reformlab.errors import ReformlabError
from reformlab.games.counting.compositions import AllOf, Clause, rule_swings_by_size
from reformlab.games.counting.size_thresholds import check_quota


def _rule(weight_vectors: Sequence[Sequence[int]], quotas: Sequence[int]) -> tuple[AllOf, int]:
    if len(weight_vectors) != len(quotas) or not quotas:
        raise ReformlabError(
            f"need one quota per weight vector, got {len(weight_vectors)} vectors and {len(quotas)} quotas",
            field="quotas",
        )
    n = len(weight_vectors[0])
    return AllOf(tuple(Clause(tuple(vector), check_quota(q, "quotas")) for vector, q in zip(weight_vectors, quotas, strict=True))), n


def vector_swings_by_size(weight_vectors: Sequence[Sequence[int]], quotas: Sequence[int]) -> list[list[int]]:
    """``S[i][k]``: coalitions without ``i`` of size ``k`` that lose while adding ``i`` makes them win.

    >>> vector_swings_by_size([[1, 1, 1], [60, 30, 10]], [2, 70])   # 2 members AND 70% of the weight
    [[0, 2, 1], [0, 1, 0], [0, 1, 0]]
    """
    return rule_swings_by_size(*_rule(weight_vectors, quotas))[0]


def vector_swings(weight_vectors: Sequence[Sequence[int]], quotas: Sequence[int]) -> list[int]:
    """Raw Banzhaf swing counts of a vector-weighted game.

    >>> vector_swings([[1, 1, 1], [60, 30, 10]], [2, 70])
    [3, 1, 1]
    """
    return [sum(row) for row in vector_swings_by_size(weight_vectors, quotas)]


def vector_winning_count(weight_vectors: Sequence[Sequence[int]], quotas: Sequence[int]) -> int:
    """Number of coalitions meeting every clause.

    >>> vector_winning_count([[1, 1, 1], [60, 30, 10]], [2, 70])
    3
    """
    return rule_swings_by_size(*_rule(weight_vectors, quotas))[1]
