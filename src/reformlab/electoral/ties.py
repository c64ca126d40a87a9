"""Ties as values: find them at the seat boundary and resolve them by a rule the law names.

An allocation hands out seats by rank (largest remainders, highest averages, most votes). When the
last seats fall on a group of parties with exactly equal claims and there are fewer seats than parties in
the group, the result is a :class:`Tie`. Python's sort or dict order never decides it; a named rule in
:data:`TIE_BREAKS` does:

- ``"order"``: the order the law names, given as a sequence of parties (Kazakhstan, election law Art. 97:
  "the list registered earlier"). By default, the order in which the votes were given.
- ``"lot"``: drawing lots, reproducibly, from ``seed=`` or ``rng=`` (a :class:`numpy.random.Generator`).
- ``"raise"``: refuse to decide; raises :class:`TieError` carrying the tie.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import attrs

from reformlab.errors import ReformlabError, unknown_name

TIE_BREAKS = ("order", "lot", "raise")


@attrs.frozen
class Tie:
    """An exact tie for the last ``seats`` seats among ``parties``.

    Args:
        parties: the tied parties, in input order.
        seats: how many seats they compete for (fewer than ``len(parties)``).
        resolved_by: the rule that decided it (``"order"``, ``"lot"``), or ``None`` if undecided.
        awarded_to: the parties that got the seats, once resolved. (When a small quota hands out too
            many seats and some are taken back, the contested seats are the ones kept.)
    """

    parties: tuple
    seats: int
    resolved_by: str | None = None
    awarded_to: tuple = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``{"parties": [...], "seats": k, "resolved_by": ..., "awarded_to": [...]}``."""
        return {
            "parties": list(self.parties),
            "seats": self.seats,
            "resolved_by": self.resolved_by,
            "awarded_to": list(self.awarded_to),
        }


class TieError(ReformlabError):
    """Raised for the ``"raise"`` tie-break rule; ``.tie`` holds the undecided :class:`Tie`."""

    def __init__(self, tie: Tie) -> None:
        names = ", ".join(map(str, tie.parties))
        super().__init__(
            f"exact tie for {tie.seats} seat(s) among {names}",
            fix="choose a tie-break rule: 'order' (the order the law names) or 'lot' with a seed",
        )
        self.tie = tie


@attrs.frozen
class TieBreak:
    """A tie-break rule and what it needs: a ``rule`` in :data:`TIE_BREAKS`, an ``order``, a seed or rng.

    Constructors store only; :meth:`validate` checks the rule name and that seed and rng are not both given.
    """

    rule: str = "order"
    order: tuple | None = None
    seed: int | None = None
    rng: Any = None

    def validate(self) -> TieBreak:
        """Return self if the rule is usable, else raise :class:`ReformlabError`."""
        if self.rule not in TIE_BREAKS:
            raise unknown_name("tie-break rule", self.rule, TIE_BREAKS, field="tie_break")
        if self.seed is not None and self.rng is not None:
            raise ReformlabError("give seed= or rng=, not both", field="tie_break", fix="drop one of them")
        return self

    def generator(self):
        """The random generator for ``"lot"`` (a fresh one from ``seed`` unless ``rng`` was given)."""
        import numpy as np

        return self.rng if self.rng is not None else np.random.default_rng(self.seed)

    def choose(self, tied: Sequence[Hashable], seats: int) -> Tie:
        """Decide which ``seats`` of the ``tied`` parties win; returns the resolved :class:`Tie`."""
        tie = Tie(parties=tuple(tied), seats=seats)
        if self.rule == "raise":
            raise TieError(tie)
        if self.rule == "lot":
            picks = self.generator().permutation(len(tied))[:seats]
            winners = tuple(tied[i] for i in sorted(int(p) for p in picks))
        else:
            rank = {p: i for i, p in enumerate(self.order or ())}
            ordered = sorted(range(len(tied)), key=lambda i: (rank.get(tied[i], len(rank)), i))
            winners = tuple(tied[i] for i in sorted(ordered[:seats]))
        return attrs.evolve(tie, resolved_by=self.rule, awarded_to=winners)


def top_by_rank(keys: Mapping[Hashable, Any], count: int, tie_break: TieBreak) -> tuple[tuple, Tie | None]:
    """The ``count`` parties with the highest keys, and the tie at the boundary if there is one.

    Keys are exact (ints, Fractions or tuples of them). Parties are returned in input order.

    >>> top_by_rank({"A": 3, "B": 5, "C": 3}, 2, TieBreak("order"))
    (('A', 'B'), Tie(parties=('A', 'C'), seats=1, resolved_by='order', awarded_to=('A',)))
    >>> top_by_rank({"A": 3, "B": 5, "C": 2}, 2, TieBreak("order"))
    (('A', 'B'), None)
    """
    if count <= 0:
        return (), None
    if count >= len(keys):
        return tuple(keys), None
    boundary = sorted(keys.values(), reverse=True)[count - 1]  # the key of the last seat
    reached = [p for p, key in keys.items() if key >= boundary]
    if len(reached) == count:
        return tuple(reached), None
    above = [p for p, key in keys.items() if key > boundary]
    level = [p for p, key in keys.items() if key == boundary]
    tie = tie_break.choose(level, count - len(above))
    chosen = set(above) | set(tie.awarded_to)
    return tuple(p for p in keys if p in chosen), tie
