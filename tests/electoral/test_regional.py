"""Regional thresholds (Kyrgyzstan: 0.5% in every region): exclusion, house kept, and named errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.electoral import ElectoralSystem, allocate
from reformlab.errors import ReformlabError

SYSTEM = {"method": "hare", "seats": 20, "regional_threshold": {"share": "10%", "base": "valid"}}
regions_maps = st.dictionaries(
    st.sampled_from(["north", "south", "east", "city"]),
    st.fixed_dictionaries({p: st.integers(0, 1000) for p in ("A", "B", "C")}).filter(lambda d: sum(d.values()) > 0),
    min_size=1,
)


def _national(regions):
    return {p: sum(r[p] for r in regions.values()) for p in ("A", "B", "C")}


@settings(max_examples=60, deadline=None)
@given(regions=regions_maps)
def test_a_list_failing_any_region_gets_nothing_and_the_house_is_kept(regions):
    votes = _national(regions)
    system = ElectoralSystem.from_dict(SYSTEM)
    passing = [p for p in votes if all(r[p] * 10 >= sum(r.values()) for r in regions.values())]
    if not any(votes[p] for p in passing):
        with pytest.raises(ReformlabError):
            system.allocate(votes, regions=regions)
        return
    result = system.allocate(votes, regions=regions)
    assert sum(result.seats.values()) == 20
    assert all(result.seats[p] == 0 for p in votes if p not in passing)
    assert result.seats == {**dict.fromkeys(votes, 0), **allocate({p: votes[p] for p in passing}, 20, "hare").seats}


@settings(max_examples=30, deadline=None)
@given(regions=regions_maps)
def test_a_zero_share_excludes_nobody(regions):
    votes = _national(regions)
    system = ElectoralSystem.from_dict({**SYSTEM, "regional_threshold": {"share": "0%", "base": "valid"}})
    assert system.allocate(votes, regions=regions).seats == allocate(votes, 20, "hare").seats


def test_registered_base_and_declared_passes():
    system = ElectoralSystem.from_dict({**SYSTEM, "regional_threshold": {"share": "0.5%", "base": "registered"}})
    votes = {"A": 900, "B": 100}
    regions = {"osh": {"A": 400, "B": 4}, "bishkek": {"A": 500, "B": 96}}
    result = system.allocate(votes, regions=regions, regional_registered={"osh": 1000, "bishkek": 1000})
    assert result.seats == {"A": 20, "B": 0}  # B has 4 of Osh's 1000 registered voters: 0.4%
    assert system.allocate(votes, regional_passed=["A", "B"]).seats == {"A": 18, "B": 2}
    with pytest.raises(ReformlabError, match="registered voters of region"):
        system.allocate(votes, regions=regions)
    with pytest.raises(ReformlabError, match="needs each region's votes"):
        system.allocate(votes)
    with pytest.raises(ReformlabError, match="declared to pass"):
        system.allocate(votes, regional_passed=["Z"])


def test_regional_figures_without_the_rule_are_refused():
    with pytest.raises(ReformlabError, match="no regional threshold"):
        ElectoralSystem.from_dict({"method": "hare", "seats": 5}).allocate({"A": 1}, regions={})


@pytest.mark.parametrize("data", [{"base": "valid"}, {"share": "0.5%", "base": "rolls"}, {"share": "0.5%", "x": 1}])
def test_bad_regional_rules_are_named(data):
    with pytest.raises(ReformlabError) as error:
        ElectoralSystem.from_dict({**SYSTEM, "regional_threshold": data})
    assert (error.value.field or "").startswith("regional_threshold")


def test_round_trip():
    system = ElectoralSystem.from_dict(SYSTEM)
    assert ElectoralSystem.from_dict(system.to_dict()) == system
