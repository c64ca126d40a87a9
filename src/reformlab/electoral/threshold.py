"""Legal thresholds: who is admitted to seat allocation, decided in exact arithmetic.

A threshold is a share of a named base, an absolute number of votes, or both (all given conditions must
hold), with an alternative route: winning at least ``districts`` single-member districts (Germany's
"Grundmandatsklausel": 5 % OR three constituencies). Whether a party exactly at the threshold passes is
explicit: ``inclusive=True`` (``>=``) by default, as Kazakh law says "not less than seven percent".

Bases (:data:`BASES`):

- ``valid``: the votes for all lists (the sum of the votes given);
- ``ballots_cast``: everyone who took part, valid or not (Kazakh election law Art. 97(1): "of the voters
  who took part in voting");
- ``valid_plus_against_all``: list votes plus the "against all" line (Kazakhstan 2023);
- ``registered``: every voter on the rolls (Kyrgyzstan 2007 and 2010: 5 % "of the total number of voters").
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction

import attrs

from reformlab.errors import ReformlabError, unknown_name
from reformlab.shares import format_share, parse_share

BASES = ("valid", "ballots_cast", "valid_plus_against_all", "registered")


@attrs.frozen
class Threshold:
    """Who is admitted: a ``share`` of ``base``, at least ``votes`` votes, or ``districts`` district wins.

    Args:
        share: the share of ``base`` a list needs (Fraction; strings are parsed by :func:`parse_share`).
        base: one of :data:`BASES`.
        votes: an absolute number of votes a list needs.
        districts: an alternative route: a party winning at least this many districts passes anyway.
        inclusive: ``True`` if a party exactly at the threshold passes (``>=``), ``False`` for ``>``.
    """

    share: Fraction | None = None
    base: str = "valid"
    votes: int | None = None
    districts: int | None = None
    inclusive: bool = True

    def validate(self) -> Threshold:
        """Return self if the threshold is meaningful; otherwise raise :class:`ReformlabError`."""
        if self.base not in BASES:
            raise unknown_name("threshold base", self.base, BASES, field="threshold.base")
        share = None if self.share is None else exact(self.share)
        if share is not None and not 0 <= share.numerator < share.denominator:  # 0 <= share < 1
            raise ReformlabError(
                f"a threshold share must be in [0%, 100%), got {format_share(share)}",
                field="threshold.share",
                fix="give a share such as '7%'",
            )
        if self.votes is None and self.districts is None:  # the usual threshold: a share only
            return self
        for name, value in (("votes", self.votes), ("districts", self.districts)):
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ReformlabError(f"{name} must be a whole number >= 0", field=f"threshold.{name}")
        return self

    def base_total(
        self,
        votes: Mapping[Hashable, int],
        ballots_cast: int | None = None,
        against_all: int | None = None,
        registered: int | None = None,
    ) -> int:
        """The number the share is taken of; raises if the base needs a figure that was not given."""
        valid = sum(votes.values())
        if self.base == "valid":
            return valid
        if self.base == "registered":
            if registered is None:
                raise ReformlabError(
                    "the threshold base 'registered' needs the number of registered voters",
                    field="registered",
                    fix="give the number of voters on the rolls, or use another base",
                )
            if registered < valid:
                raise ReformlabError(
                    f"registered voters ({registered}) are fewer than the votes for the lists ({valid})",
                    field="registered",
                    fix="check the number of registered voters",
                )
            return registered
        if self.base == "ballots_cast":
            if ballots_cast is None:
                raise ReformlabError(
                    "the threshold base 'ballots_cast' needs the number of ballots cast",
                    field="ballots_cast",
                    fix="give the number of ballots cast, or use the base 'valid'",
                )
            if ballots_cast < valid:
                raise ReformlabError(
                    f"ballots cast ({ballots_cast}) are fewer than the votes for the lists ({valid})",
                    field="ballots_cast",
                    fix="check the number of ballots cast",
                )
            return ballots_cast
        if against_all is None:
            raise ReformlabError(
                "the threshold base 'valid_plus_against_all' needs the 'against all' votes",
                field="against_all",
                fix="give the number of votes 'against all'",
            )
        return valid + against_all

    def passes(self, party_votes: int, base_total: int, district_wins: int = 0) -> bool:
        """Whether one list passes, given its votes, the base total and its district wins."""
        return bool(self.passing_votes({None: party_votes}, base_total, {None: district_wins}))

    def admitted(
        self,
        votes: Mapping[Hashable, int],
        *,
        ballots_cast: int | None = None,
        against_all: int | None = None,
        district_wins: Mapping[Hashable, int] | None = None,
        registered: int | None = None,
    ) -> tuple:
        """The parties that pass, in input order.

        >>> rule = Threshold(share=Fraction(7, 100), base="ballots_cast")
        >>> rule.admitted({"A": 70, "B": 6}, ballots_cast=100)
        ('A',)
        >>> Threshold(share=Fraction(7, 100), inclusive=False).admitted({"A": 93, "B": 7})
        ('A',)
        """
        self.validate()
        total = self.base_total(votes, ballots_cast, against_all, registered)
        return tuple(self.passing_votes(votes, total, district_wins))

    def passing_votes(
        self,
        votes: Mapping[Hashable, int],
        base_total: int,
        district_wins: Mapping[Hashable, int] | None = None,
    ) -> dict:
        """The votes of the parties that pass, in input order, given the base total (the threshold validated).

        The share test ``votes >= share * base`` is made in whole numbers: with ``share = num / den``,
        ``votes * den >= num * base`` (``>`` when not inclusive).

        >>> Threshold(share=Fraction(7, 100)).passing_votes({"A": 7, "B": 6}, 100)
        {'A': 7}
        """
        inclusive = self.inclusive
        if self.share is None:
            passed = dict(votes)
        else:
            num, den = exact(self.share).as_integer_ratio()
            need = num * base_total
            if inclusive:
                passed = {p: v for p, v in votes.items() if v * den >= need}
            else:
                passed = {p: v for p, v in votes.items() if v * den > need}
        if self.votes is not None:
            least = self.votes
            passed = {p: v for p, v in passed.items() if (v >= least if inclusive else v > least)}
        if self.districts is not None:  # the alternative route: enough districts won
            wins = district_wins or {}
            return {p: v for p, v in votes.items() if p in passed or wins.get(p, 0) >= self.districts}
        return passed

    def share_terms(
        self, valid: int, ballots_cast: int | None = None, against_all: int | None = None
    ) -> tuple[int, int, int] | None:
        """The usual threshold, a share alone, as whole numbers: ``(base_total, den, need)``.

        A list passes when ``votes * den >= need`` (``>`` when not inclusive), ``need = num * base_total`` for
        ``share = num / den``: the test of :meth:`passing_votes`. ``None`` for anything else (a votes or
        districts condition, a share that is not a Fraction, an invalid rule or a missing base figure):
        :meth:`validate`, :meth:`base_total` and :meth:`passing_votes` decide those, and raise their errors.

        >>> Threshold(share=Fraction(7, 100)).share_terms(1000)
        (1000, 100, 7000)
        >>> Threshold(share=Fraction(7, 100), base="ballots_cast").share_terms(1000) is None  # no ballots
        True
        """
        share = self.share
        if type(share) is not Fraction or self.votes is not None or self.districts is not None:
            return None
        num, den = share.numerator, share.denominator
        if not 0 <= num < den:
            return None
        base = self.base
        if base == "valid":
            total = valid
        elif base == "ballots_cast" and type(ballots_cast) is int and ballots_cast >= valid:
            total = ballots_cast
        elif base == "valid_plus_against_all" and type(against_all) is int:
            total = valid + against_all
        else:
            return None
        return total, den, num * total

    def to_dict(self) -> dict:
        """Plain data, shares written as exact fractions in percent where whole (``"7%"``)."""
        data: dict = {}
        if self.share is not None:
            data["share"] = format_share(exact(self.share))
        data["base"] = self.base
        for name in ("votes", "districts"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if not self.inclusive:
            data["inclusive"] = False
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> Threshold:
        """Read ``{"share": "7%", "base": "ballots_cast", "votes": n, "districts": k, "inclusive": b}``."""
        unknown = set(data) - {"share", "base", "votes", "districts", "inclusive"}
        if unknown:
            name = sorted(unknown)[0]
            raise unknown_name("threshold field", name, ["share", "base", "votes", "districts", "inclusive"],
                               field=f"threshold.{name}")
        share = data.get("share")
        return cls(
            share=None if share is None else parse_share(share, field="threshold.share"),
            base=data.get("base", "valid"),
            votes=data.get("votes"),
            districts=data.get("districts"),
            inclusive=bool(data.get("inclusive", True)),
        ).validate()


def exact(share: Fraction | int | float | str) -> Fraction:
    """``share`` as a Fraction (a Fraction is returned as it is, without a copy; anything else is read by
    :func:`parse_share`, so ``"7%"`` works and ``"seven"`` is a located error).

    >>> exact("7%"), exact(0.05)
    (Fraction(7, 100), Fraction(1, 20))
    """
    return share if type(share) is Fraction else parse_share(share, field="threshold.share")


#: The usual thresholds, each read and validated once, to ``(rule, num, den, above)`` for a share ``num / den``
#: of the valid votes (``above``: 1 for a strict threshold, else 0), ``(rule, None, None, above)`` for a share
#: of another base: ``"7%"`` (or a Fraction) by value
#: in ``USUAL_TEXTS``, a Threshold by identity in ``USUAL_RULES`` (``id``, the rule itself kept in the
#: entry, so that the id stays its own). Bounded: each is cleared when full.
USUAL_TEXTS: dict = {}
USUAL_RULES: dict = {}
USUAL_LIMIT = 256


def usual_rule(threshold: Threshold | str | Fraction) -> tuple | None:
    """The cache entry for ``threshold`` (see :data:`USUAL_RULES`), made and kept; ``None`` when it is not
    a share alone, or is invalid (the general path then decides, and raises its errors).

    >>> usual_rule("7%")[1:], usual_rule(Threshold(share=Fraction(1, 20), inclusive=False))[1:]
    ((7, 100, 0), (1, 20, 1))
    >>> usual_rule("7 percent") is None, usual_rule(Threshold(share=Fraction(7, 100), votes=5)) is None
    (True, True)
    """
    if type(threshold) is Threshold:
        rule, cache, key = threshold, USUAL_RULES, id(threshold)
    else:
        try:
            rule = Threshold(share=parse_share(threshold, field="threshold"))
        except ReformlabError:
            return None
        cache, key = USUAL_TEXTS, threshold
    if rule.share_terms(0, 0, 0) is None:  # not a valid share alone (0s: any base's figures will do here)
        return None
    num, den = rule.share.numerator, rule.share.denominator
    above = 0 if rule.inclusive else 1
    entry = (rule, num, den, above) if rule.base == "valid" else (rule, None, None, above)
    if len(cache) >= USUAL_LIMIT:
        cache.clear()
    cache[key] = entry
    return entry
