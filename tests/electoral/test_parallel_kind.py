"""The ``parallel`` tier kind: named tiers of the other kinds side by side, read and written as data."""

import pytest

from reformlab.electoral import KINDS, ParallelSystem, allocate, parallel, parallel_tiers, tier_from_dict
from reformlab.errors import ReformlabError

KZ_1999 = {"kind": "parallel", "tiers": {
    "districts": {"kind": "single_member", "seats": 67, "formula": "two_round"},
    "list": {"method": "hare", "seats": 10, "threshold": {"share": "7%", "base": "ballots_cast"}},
}}


def test_a_parallel_tier_round_trips_and_counts_every_tier_s_seats():
    tier = tier_from_dict(KZ_1999)
    assert isinstance(tier, ParallelSystem) and KINDS["parallel"] is ParallelSystem
    assert tier.to_dict() == KZ_1999 and tier.elected_seats == 77
    assert [sub.kind for sub in tier.tiers.values()] == ["single_member", "list"]


def test_combining_adds_seats_party_by_party_as_parallel_does():
    lists = allocate({"A": 60, "B": 40}, 10, "hare")
    districts = {"A": 50, "Independents": 17}
    combined = tier_from_dict(KZ_1999).combine({"districts": districts, "list": lists.seats})
    assert combined.seats == parallel(districts, lists).seats == {"A": 56, "Independents": 17, "B": 4}
    assert combined.house == 77 and combined.tiers == {"districts": districts, "list": {"A": 6, "B": 4}}
    assert parallel(districts, lists).list_allocation is lists


@pytest.mark.parametrize("data, expected", [
    ({"kind": "parallel", "tiers": {"list": {"method": "hare", "seats": 3}}}, "two or more named tiers"),
    ({"kind": "parallel", "tiers": {"a": KZ_1999, "b": {"method": "hare", "seats": 3}}}, "is itself parallel"),
    ({"kind": "parallel", "tiers": {"a": {"method": "dhont", "seats": 3}, "b": {"method": "hare", "seats": 3}}},
     "did you mean 'd_hondt'"),
    ({"kind": "parallel", "tier": {}}, "did you mean 'tiers'"),
])
def test_a_malformed_parallel_tier_is_one_clear_error(data, expected):
    with pytest.raises(ReformlabError, match=expected):
        tier_from_dict(data)


def test_a_missing_tier_result_is_named():
    with pytest.raises(ReformlabError, match="no result for the tier 'list'"):
        tier_from_dict(KZ_1999).combine({"districts": {"A": 67}})
    assert parallel_tiers({"x": {"A": 1}, "y": {"B": 2, "A": 1}}).seats == {"A": 2, "B": 2}
