"""Minimum-parties rules: admitting runners-up when too few lists pass the threshold (Kazakhstan 2009).

Kazakh election law Art. 97(2)-(3), as amended on 9 February 2009 (IPU PARLINE 2165_B; te.gob.mx):
"If seven percent of the votes of voters who took part in voting has been received by only one political
party", the list with the next largest number of votes is also admitted. The first electoral quotient is
the sum of the two lists' votes divided by the seats; the runner-up's votes are divided by that quotient
and "multiplied by a correction index of 0.7", and it receives not less than two seats.

How this module reads the law where it is silent: the runner-up's remainder (of the corrected quotient)
competes for the seats left over like any other; a runner-up lifted to its two-seat minimum takes no
remainder seat. The rule was never triggered (2012, 2016 and 2021 each had at least two lists above 7 %).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction

import attrs

from reformlab.electoral.ties import TieBreak, top_by_rank
from reformlab.errors import ReformlabError


@attrs.frozen
class MinimumParties:
    """If fewer than ``parties`` lists pass, admit the next largest ones, with corrected votes and a minimum.

    Args:
        parties: how many lists must take part in allocation (2 in Kazakhstan since 2009).
        correction: factor applied to an admitted runner-up's votes (``7/10``).
        min_seats: seats an admitted runner-up receives at least (2).
    """

    parties: int = 2
    correction: Fraction = Fraction(7, 10)
    min_seats: int = 2

    def validate(self) -> MinimumParties:
        """Return self if the numbers make sense; otherwise raise :class:`ReformlabError`."""
        if self.parties < 1 or self.min_seats < 0 or not 0 < Fraction(self.correction) <= 1:
            raise ReformlabError(
                "a minimum-parties rule needs parties >= 1, min_seats >= 0 and 0 < correction <= 1",
                field="minimum_parties",
            )
        return self

    def runners_up(
        self, votes: Mapping[Hashable, int], passed: tuple, tie_break: TieBreak
    ) -> tuple[tuple, tuple]:
        """The lists to admit beyond ``passed``: the largest others, until ``parties`` lists take part.

        Returns ``(admitted, ties)``. Only lists with votes are admitted; an exact tie for the last place
        is decided by ``tie_break`` and returned.

        >>> MinimumParties().runners_up({"A": 90, "B": 6, "C": 4}, ("A",), TieBreak())
        (('B',), ())
        >>> MinimumParties().runners_up({"A": 60, "B": 30, "C": 4}, ("A", "B"), TieBreak())
        ((), ())
        """
        missing = self.parties - len(passed)
        if missing <= 0:
            return (), ()
        others = {p: v for p, v in votes.items() if p not in passed and v > 0}
        chosen, tie = top_by_rank(others, missing, tie_break)
        return chosen, (tie,) if tie else ()

    def to_dict(self) -> dict:
        """Plain data."""
        return {"parties": self.parties, "correction": str(self.correction), "min_seats": self.min_seats}

    @classmethod
    def from_dict(cls, data: Mapping) -> MinimumParties:
        """Read ``{"parties": 2, "correction": "0.7", "min_seats": 2}``."""
        from reformlab.electoral.threshold import parse_share

        return cls(
            parties=int(data.get("parties", 2)),
            correction=parse_share(data.get("correction", "7/10"), field="minimum_parties.correction"),
            min_seats=int(data.get("min_seats", 2)),
        ).validate()
