"""The Shapley value of a cooperative game whose players must enter in an order that respects prerequisites.

A reform is a package of amendments, and some cannot stand without others (the APK's nine Majilis seats need
the Majilis that holds them). Attributing the package's effect to its amendments is then a cooperative game on
a *precedence structure*: the coalitions that can exist are the down-closed sets (every member's
prerequisites are members too), and the orders in which the package can be assembled are the linear
extensions of the prerequisite order. The value of player ``i`` is its marginal contribution averaged over
those orders (Faigle and Kern, "The Shapley value for cooperative games under precedence constraints",
International Journal of Game Theory 21, 1992):

    phi_i = 1/E * sum over feasible S with i not in S and S + {i} feasible of
            e(S) * r(S + {i}) * (v(S + {i}) - v(S))

where ``e(S)`` counts the orders of ``S`` (its linear extensions), ``r(T)`` the orders of the players outside
``T`` that can follow ``T``, and ``E = e(N)`` all orders. Without prerequisites this is the classical
Shapley value. It keeps the properties that make it an attribution: the values sum to ``v(N) - v(empty)``
(efficiency), a player whose every marginal contribution is 0 gets exactly 0 (null player), and two players
with the same prerequisites and the same contributions get the same value (symmetry).

Everything here is exact: the counts are Python integers and the values ``int`` or ``Fraction``. Coalitions
are bit masks over the players' positions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from reformlab.errors import ReformlabError

MAX_PLAYERS = 20
"""Feasible coalitions are enumerated: 2**20 masks is the most this does in reasonable time and memory."""


@dataclass(frozen=True)
class PrecedenceStructure:
    """Players, each with the players it needs, and the counts of orders the Shapley value weighs by.

    Attributes:
        players: the players, in the order of the bit masks.
        needs: for each player, the mask of its direct and indirect prerequisites.
        feasible: every down-closed coalition, as masks, smallest first.
        before: ``e(S)``, the number of orders in which the coalition ``S`` can be assembled.
        after: ``r(S)``, the number of orders in which the players outside ``S`` can follow.
    """

    players: tuple[Hashable, ...]
    needs: tuple[int, ...]
    feasible: tuple[int, ...]
    before: Mapping[int, int]
    after: Mapping[int, int]

    @property
    def orders(self) -> int:
        """All orders in which the whole package can be assembled (the linear extensions)."""
        return self.after[0]

    @property
    def full(self) -> int:
        return (1 << len(self.players)) - 1

    def mask(self, members) -> int:
        """The mask of a collection of players."""
        index = {p: i for i, p in enumerate(self.players)}
        out = 0
        for member in members:
            out |= 1 << index[member]
        return out

    def members(self, mask: int) -> tuple[Hashable, ...]:
        return tuple(p for i, p in enumerate(self.players) if mask >> i & 1)

    def closure(self, mask: int) -> int:
        """``mask`` with every member's prerequisites added."""
        out = mask
        for i in range(len(self.players)):
            if mask >> i & 1:
                out |= self.needs[i]
        return out

    def is_feasible(self, mask: int) -> bool:
        return self.closure(mask) == mask


def precedence_structure(players: Sequence[Hashable], needs: Mapping[Hashable, Sequence[Hashable]]) -> PrecedenceStructure:
    """Build the structure of ``players`` where ``needs[p]`` lists the players ``p`` cannot stand without.

    Raises:
        ReformlabError: a prerequisite that is no player, a cycle of prerequisites, or too many players.
    """
    players = tuple(players)
    if len(players) > MAX_PLAYERS:
        raise ReformlabError(
            f"{len(players)} amendments are more than the {MAX_PLAYERS} whose subsets can be enumerated exactly",
            fix="group related changes into fewer amendments",
        )
    index = {p: i for i, p in enumerate(players)}
    direct = [0] * len(players)
    for player, required in needs.items():
        for other in required:
            if other not in index:
                raise ReformlabError(f"{player!r} needs {other!r}, which is not one of the players")
            direct[index[player]] |= 1 << index[other]
    closed = _transitive(direct)
    for i, mask in enumerate(closed):
        if mask >> i & 1:
            raise ReformlabError(f"the prerequisites of {players[i]!r} lead back to it (a cycle)")
    feasible = _down_closed(closed)
    needed_by = [0] * len(players)
    for j, mask in enumerate(closed):
        for i in _bits(mask):
            needed_by[i] |= 1 << j
    before = {0: 1}
    for mask in feasible[1:]:
        # the last player of an order of ``mask`` is one no other member needs
        total = 0
        rest = mask
        while rest:
            low = rest & -rest
            i = low.bit_length() - 1
            rest ^= low
            if not needed_by[i] & mask:
                total += before[mask ^ low]
        before[mask] = total
    full = (1 << len(players)) - 1
    after = {full: 1}
    for mask in reversed(feasible[:-1]):
        total = 0
        for i in range(len(players)):
            bit = 1 << i
            if not mask & bit and closed[i] & mask == closed[i]:
                total += after[mask | bit]
        after[mask] = total
    return PrecedenceStructure(players, tuple(closed), tuple(feasible), before, after)


def precedence_shapley(
    structure: PrecedenceStructure,
    value: Callable[[int], int | Fraction],
    *,
    relevant: int | None = None,
) -> dict[Hashable, Fraction]:
    """The Shapley value of every player under the precedence ``structure``.

    Args:
        value: the worth of a feasible coalition (a mask); called once per distinct coalition it needs.
        relevant: a mask of the only players whose presence can change ``value`` (it must be closed under
            prerequisites); ``value`` is then called only on coalitions inside it, the others get exactly 0.
            The caller promises ``value(S) == value(S & relevant)``.

    Returns:
        ``{player: Fraction}``, summing exactly to ``value(full) - value(empty)``.
    """
    if relevant is None:
        relevant = structure.full
    if structure.closure(relevant) != relevant:
        raise ValueError("the relevant players must include their prerequisites")
    cache: dict[int, int | Fraction] = {}

    def worth(mask: int) -> int | Fraction:
        mask &= relevant
        if mask not in cache:
            cache[mask] = value(mask)
        return cache[mask]

    weights = marginal_weights(structure, relevant)
    total = structure.orders
    result = {}
    for i, player in enumerate(structure.players):
        share: int | Fraction = 0
        for (without, with_), weight in weights[i].items():
            share += weight * (worth(with_) - worth(without))
        result[player] = Fraction(share, total)
    return result


def marginal_weights(structure: PrecedenceStructure, relevant: int) -> list[dict[tuple[int, int], int]]:
    """For each player, ``{(S & relevant, (S + i) & relevant): summed order counts}`` over the feasible ``S``
    it can join; players outside ``relevant`` get no entries (their contributions are 0)."""
    weights: list[dict[tuple[int, int], int]] = [{} for _ in structure.players]
    for i in range(len(structure.players)):
        bit = 1 << i
        if not relevant & bit:
            continue
        need = structure.needs[i]
        entries = weights[i]
        for mask in structure.feasible:
            if mask & bit or need & mask != need:
                continue
            key = (mask & relevant, (mask | bit) & relevant)
            entries[key] = entries.get(key, 0) + structure.before[mask] * structure.after[mask | bit]
    return weights


def _transitive(direct: list[int]) -> list[int]:
    closed = list(direct)
    changed = True
    rounds = 0
    while changed and rounds <= len(closed):
        changed = False
        rounds += 1
        for i, mask in enumerate(closed):
            grown = mask
            for j in _bits(mask):
                grown |= closed[j]
            if grown != mask:
                closed[i] = grown
                changed = True
    return closed


def _down_closed(closed: list[int]) -> list[int]:
    """Every mask that contains each member's prerequisites, smallest (by population, then value) first."""
    found = [0]
    for i in range(len(closed)):
        bit = 1 << i
        found += [mask | bit for mask in found]
    feasible = [m for m in found if all(closed[i] & m == closed[i] for i in _bits(m))]
    feasible.sort(key=lambda m: (bin(m).count("1"), m))
    return feasible


def _bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low
