"""Thresholds, the 2009 two-party rule, tie-breaks, districts, mixed tiers and measures on small cases."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from reformlab.electoral import (
    Chamber,
    MinimumParties,
    Threshold,
    TieError,
    allocate,
    allocate_districts,
    compensatory,
    measures,
    parse_share,
    plurality,
    tier_from_dict,
    two_round,
)
from reformlab.errors import ReformlabError

SEVEN = Fraction(7, 100)


class TestThreshold:
    def test_exactly_at_the_threshold_passes_by_default(self):
        votes = {"A": 93, "B": 7}  # B has exactly 7% of valid votes
        assert allocate(votes, 10, "hare", Threshold(share=SEVEN)).passed == ("A", "B")
        assert allocate(votes, 10, "hare", Threshold(share=SEVEN, inclusive=False)).passed == ("A",)

    def test_exactness_no_float_rounding(self):
        # 7% of 300 = 21 exactly; 0.07 * 300 in floats is 21.000000000000004
        votes = {"A": 279, "B": 21}
        assert allocate(votes, 10, "hare", {"share": "0.07"}).passed == ("A", "B")

    def test_bases(self):
        votes = {"A": 80, "B": 7}
        assert allocate(votes, 10, "hare", {"share": "7%"}).passed == ("A", "B")
        assert allocate(
            votes, 10, "hare", {"share": "7%", "base": "ballots_cast"}, ballots_cast=101
        ).passed == ("A",)
        plus = {"share": "7%", "base": "valid_plus_against_all"}
        assert allocate(votes, 10, "hare", plus, against_all=14).passed == ("A",)
        assert allocate(votes, 10, "hare", plus, against_all=13).passed == ("A", "B")

    def test_absolute_votes_and_district_alternative(self):
        votes = {"A": 900, "B": 60, "C": 40}
        rule = Threshold(share=Fraction(5, 100), districts=3)
        assert allocate(votes, 10, "sainte_lague", rule, district_wins={"C": 3}).passed == ("A", "B", "C")
        assert allocate(votes, 10, "sainte_lague", rule, district_wins={"C": 2}).passed == ("A", "B")
        assert allocate(votes, 10, "d_hondt", Threshold(votes=50)).passed == ("A", "B")

    @pytest.mark.parametrize("share", ["100%", "1", "-1%", "150/100"])
    def test_share_out_of_range(self, share):
        with pytest.raises(ReformlabError, match=r"in \[0%, 100%\)"):
            allocate({"A": 1}, 1, "hare", share)

    def test_missing_base_figure_is_an_error(self):
        with pytest.raises(ReformlabError, match="ballots cast"):
            allocate({"A": 1}, 1, "hare", {"share": "5%", "base": "ballots_cast"})

    def test_unknown_base_suggests(self):
        with pytest.raises(ReformlabError, match="did you mean 'ballots_cast'"):
            Threshold.from_dict({"share": "5%", "base": "ballots"})

    def test_parse_share_forms(self):
        assert parse_share("7%") == parse_share("7/100") == parse_share("0.07") == SEVEN


class TestTwoPartyRule:
    def test_runner_up_admitted_with_correction_and_minimum(self):
        votes = {"Big": 950, "Small": 40, "Tiny": 10}
        result = allocate(votes, 20, "hare", "7%", minimum_parties=MinimumParties())
        assert result.admitted_by_rule == ("Small",) and result.passed == ("Big", "Small")
        # quota = 990 / 20 = 49.5; Small: 0.7 * 40 / 49.5 = 0.57 -> lifted to 2; Big: 19.19 -> 19 ... 18 left
        assert result.seats == {"Big": 18, "Small": 2, "Tiny": 0}
        assert result.quota == Fraction(990, 20)

    def test_not_triggered_when_two_pass(self):
        votes = {"A": 80, "B": 20}
        assert allocate(votes, 10, "hare", "7%", minimum_parties=MinimumParties()).admitted_by_rule == ()

    def test_works_with_divisor_methods(self):
        result = allocate({"Big": 950, "Small": 40}, 20, "d_hondt", "7%", minimum_parties=MinimumParties())
        assert result.seats == {"Big": 18, "Small": 2}


class TestTies:
    def test_order_named_by_law(self):
        result = allocate({"A": 10, "B": 10}, 1, "d_hondt", order=("B", "A"))
        assert result.seats == {"A": 0, "B": 1}
        assert result.ties[0].awarded_to == ("B",) and result.ties[0].resolved_by == "order"

    def test_raise(self):
        with pytest.raises(TieError) as caught:
            allocate({"A": 10, "B": 10}, 1, "hare", tie_break="raise")
        assert caught.value.tie.parties == ("A", "B")

    def test_lot_with_rng_or_seed_not_both(self):
        result = allocate({"A": 10, "B": 10}, 1, "hare", tie_break="lot", rng=np.random.default_rng(3))
        assert result.ties[0].resolved_by == "lot"
        with pytest.raises(ReformlabError, match="not both"):
            allocate({"A": 10, "B": 10}, 1, "hare", tie_break="lot", seed=1, rng=np.random.default_rng(3))

    def test_unknown_method_suggests(self):
        with pytest.raises(ReformlabError, match="did you mean 'sainte_lague'"):
            allocate({"A": 1}, 1, "saint_lague")


def test_imperiali_quota_over_allocation_is_taken_back():
    result = allocate(
        {"A": 50, "B": 30, "C": 20}, 3, "imperiali_quota"
    )  # q = 20: integer parts 2 + 1 + 1 = 4
    assert result.house == 3 and result.seats == {"A": 2, "B": 1, "C": 0}


class TestDistricts:
    def test_two_round_needs_strict_majority(self):
        assert two_round({"A": 50, "B": 50}).winner is None
        assert two_round({"A": 50, "B": 30, "C": 20}, base=101).runoff == ("A", "B")

    def test_second_round_strangers_rejected(self):
        with pytest.raises(ReformlabError, match="did not qualify"):
            two_round({"A": 40, "B": 35, "C": 25}, {"A": 50, "C": 50})

    def test_plurality_tie_is_a_value(self):
        assert (
            plurality(
                {"A": 5, "B": 5},
            ).winner
            == "A"
        )

    def test_national_threshold(self):
        votes = {"N": {"A": 50, "B": 45, "C": 5}, "S": {"A": 40, "B": 15, "C": 45}}
        per_district = allocate_districts(votes, {"N": 4, "S": 4}, "d_hondt", "10%")
        national = allocate_districts(votes, {"N": 4, "S": 4}, "d_hondt", "26%", threshold_level="national")
        assert per_district.seats["C"] == 2
        assert (
            national.passed == ("A", "B") and national.seats["C"] == 0 and sum(national.seats.values()) == 8
        )

    def test_single_member_tier_elects(self):
        tier = tier_from_dict({"kind": "single_member", "seats": 2, "formula": "two_round"})
        result = tier.elect(
            {"d1": {"A": 60, "B": 40}, "d2": {"A": 40, "B": 35, "C": 25}}, {"d2": {"A": 45, "B": 55}}
        )
        assert result["d1"].winner == "A" and result["d2"].winner == "B" and result["d2"].round == 2


class TestMixed:
    def test_independents_come_off_the_top(self):
        result = compensatory({"A": 60, "B": 40}, {"A": 3, "Independent": 1}, 11, "sainte_lague")
        assert result.seats == {"A": 6, "Independent": 1, "B": 4} and result.house == 11

    def test_compensatory_tier_kind_round_trips(self):
        data = {
            "kind": "compensatory",
            "method": "sainte_lague",
            "seats": 120,
            "districts": 72,
            "threshold": {"share": "5%", "base": "valid", "districts": 1},
            "overhang": "keep",
        }
        assert tier_from_dict(data).to_dict() == data
        assert Chamber.from_dict({"name": "NZ", "elected": [data]}).size == 120

    def test_unknown_overhang_rule(self):
        with pytest.raises(ReformlabError, match="overhang"):
            compensatory({"A": 1}, {}, 1, overhang="level")


class TestMeasures:
    def test_proportional_result(self):
        votes, seats = {"A": 50, "B": 30, "C": 20}, {"A": 5, "B": 3, "C": 2}
        assert measures.gallagher(votes, seats) == 0 and measures.loosemore_hanby(votes, seats) == 0
        assert (
            measures.d_hondt_advantage(votes, seats) == 1 and measures.sainte_lague_index(votes, seats) == 0
        )
        assert measures.effective_number(votes) == measures.effective_number(seats) == Fraction(100, 38)

    def test_golosov_and_laakso_taagepera_on_a_dominant_party(self):
        shares = {"A": 80, "B": 10, "C": 10}
        assert measures.effective_number(shares) == Fraction(100, 66)
        # Golosov: 0.8/0.8 + 2 * 0.1 / (0.1 + 0.64 - 0.01) = 1 + 0.2/0.73
        assert measures.golosov(shares) == 1 + Fraction(20, 73)

    def test_kazakhstan_2012_figures(self):
        votes = {
            "NO": 5621436,
            "AZ": 518405,
            "CPPK": 498788,
            "OSDP": 116534,
            "A": 82623,
            "P": 57732,
            "Ad": 45702,
        }
        seats = allocate(votes, 98, "hare", "7%").seats
        assert round(float(measures.effective_number(votes)), 2) == 1.50
        assert round(measures.gallagher(votes, seats), 2) == 3.13


def test_the_issue_example_round_trips_through_yaml():
    import yaml

    from reformlab.electoral import ElectoralSystem

    text = "{method: hare, seats: 98, threshold: {share: 7%, base: ballots_cast}}"
    system = ElectoralSystem.from_dict(yaml.safe_load(text))
    assert system.threshold.share == Fraction(7, 100) and system.threshold.base == "ballots_cast"
    assert yaml.safe_load(yaml.safe_dump(system.to_dict())) == yaml.safe_load(text)


@pytest.mark.parametrize("kind", ["reformlab.electoral.system.ElectoralSystem", "builtins.eval", "List"])
def test_kinds_come_from_the_registry_not_python_paths(kind):
    with pytest.raises(ReformlabError, match="unknown tier kind"):
        tier_from_dict({"kind": kind, "method": "hare", "seats": 3})


def test_unknown_field_is_named():
    from reformlab.electoral import ElectoralSystem

    with pytest.raises(ReformlabError, match="did you mean 'threshold'") as caught:
        ElectoralSystem.from_dict({"method": "hare", "seats": 3, "treshold": {"share": "5%"}})
    assert caught.value.field == "system.treshold"
