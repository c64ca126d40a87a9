"""Regional thresholds: a list must also pass a share in every region (Kyrgyzstan 2007 and 2010: 0.5%).

The Kyrgyz electoral code admitted to allocation only lists with 5% nationwide and at least 0.5% in each of
the seven regions and the cities of Bishkek and Osh (IPU PARLINE 2174_07; Xinhua, 12 Oct 2010), the share
taken of the region's registered voters. A list failing any region takes no seat; the seats are allocated
among the lists that pass both tests.

The test needs each region's votes (``regions``: region -> party -> votes) and, for the ``registered``
base, each region's voters on the rolls (``regional_registered``). Where only the official statement of who
passed is known, ``regional_passed`` (the lists declared to pass in every region) stands in for the votes;
the result says which was used.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import attrs

from reformlab.electoral.threshold import exact, parse_share
from reformlab.errors import ReformlabError, unknown_name

REGIONAL_BASES = ("valid", "registered")


@attrs.frozen
class RegionalThreshold:
    """At least ``share`` of ``base`` in every region (``inclusive``: ``>=``).

    >>> rule = RegionalThreshold(parse_share("0.5%"), "valid")
    >>> rule.passing({"A": 0, "B": 0}, regions={"north": {"A": 4, "B": 996}, "south": {"A": 500, "B": 500}})
    ('B',)
    """

    share: object
    base: str = "registered"
    inclusive: bool = True

    def validate(self) -> RegionalThreshold:
        share = exact(self.share)
        if not 0 <= share < 1:
            raise ReformlabError("a regional threshold share must be in [0%, 100%)", field="regional_threshold.share")
        if self.base not in REGIONAL_BASES:
            raise unknown_name(
                "regional threshold base", self.base, REGIONAL_BASES, field="regional_threshold.base"
            )
        return self

    def passing(self, votes: Mapping[Hashable, int], *, regions: Mapping | None = None,
                regional_registered: Mapping | None = None, regional_passed=None) -> tuple:
        """The parties of ``votes`` that pass in every region, in input order.

        Raises:
            ReformlabError: neither the regions' votes nor the declared passes are given, a region lacks
                its registered voters, or a declared party is not among the lists.
        """
        if regions is None:
            if regional_passed is None:
                raise ReformlabError(
                    "the regional threshold needs each region's votes (or the lists declared to pass it)",
                    field="regions", fix="give regions={region: {party: votes}}, or regional_passed=[...]",
                )
            unknown = [p for p in regional_passed if p not in votes]
            if unknown:
                raise unknown_name("list", unknown[0], votes, field="regional_passed", problem=(
                    f"{unknown[0]!r}, declared to pass the regional threshold, is not a list"))
            return tuple(p for p in votes if p in set(regional_passed))
        num, den = exact(self.share).as_integer_ratio()
        passed = []
        for party in votes:
            ok = True
            for region, counts in regions.items():
                if self.base == "registered":
                    if regional_registered is None or region not in regional_registered:
                        raise ReformlabError(f"the registered voters of region {region!r} are missing",
                                             field="regional_registered", fix="give every region's registered voters")
                    total = regional_registered[region]
                else:
                    total = sum(counts.values())
                got = counts.get(party, 0) * den
                need = num * total
                if not (got >= need if self.inclusive else got > need):
                    ok = False
                    break
            if ok:
                passed.append(party)
        return tuple(passed)

    def to_dict(self) -> dict:
        from reformlab.electoral.threshold import format_share

        data = {"share": format_share(exact(self.share)), "base": self.base}
        if not self.inclusive:
            data["inclusive"] = False
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> RegionalThreshold:
        if not isinstance(data, Mapping) or "share" not in data:
            raise ReformlabError("a regional threshold needs 'share'", field="regional_threshold",
                                 fix="write regional_threshold: {share: 0.5%, base: registered}")
        unknown = set(data) - {"share", "base", "inclusive"}
        if unknown:
            name = sorted(unknown)[0]
            raise unknown_name("regional-threshold field", name, ["share", "base", "inclusive"],
                               field=f"regional_threshold.{name}")
        return cls(parse_share(data["share"], field="regional_threshold.share"), data.get("base", "registered"),
                   bool(data.get("inclusive", True))).validate()
