"""The built-in Kazakhstan constitution: it loads, and its versions say what the fact base says."""

from __future__ import annotations

from fractions import Fraction

import pytest

from reformlab.model import UNKNOWN, ApproveStep, VetoStep, load_builtin


@pytest.fixture(scope="module")
def kz():
    return load_builtin("kz")


def test_versions(kz):
    assert [d.isoformat() for d in kz.versions][:4] == ["1995-08-30", "1998-10-07", "1999-01-10", "2007-05-21"]


@pytest.mark.parametrize(
    "date, majilis, senate",
    [("1995-09-01", 67, UNKNOWN), ("1999-01-01", 77, 39), ("2007-06-01", 107, 47)],
)
def test_chamber_sizes(kz, date, majilis, senate):
    c = kz.as_of(date)
    assert c.bodies["majilis"].size == majilis
    assert c.bodies["senate"].size is senate if senate is UNKNOWN else c.bodies["senate"].size == senate


def test_majilis_2007_seat_groups(kz):
    c = kz.as_of("2007-06-01")
    lists, apk = c.bodies["majilis"].seat_groups
    assert (lists.filled_by, lists.seats, lists.mandate) == ("popular", 98, "imperative")
    assert lists.system["method"] == "hare" and lists.system["threshold"]["share"] == "7%"
    assert (apk.filled_by, apk.seats, apk.electors) == ("indirect", 9, ("apk",))


def test_majilis_1998_mixed(kz):
    groups = kz.as_of("2004-09-19").bodies["majilis"].seat_groups
    assert [(g.id, g.seats) for g in groups] == [("districts", 67), ("list", 10)]


def test_senate_appointed_grows(kz):
    def appointed(date):
        return kz.as_of(date).bodies["senate"].seat_group("appointed").seats

    assert (appointed("2000-01-01"), appointed("2007-06-01")) == (7, 15)
    regions = kz.as_of("2007-06-01").bodies["senate"].seat_group("regions")
    assert regions.electors == ("maslikhats",) and (regions.units, regions.seats_per_unit) == (16, 2)


def test_no_confidence(kz):
    before = kz.as_of("2000-01-01").procedures["no_confidence"].decision
    after = kz.as_of("2007-06-01").procedures["no_confidence"].decision[0]
    # 1998-2007: Parliament, 2/3 of the total deputies of EACH chamber (IPU; kz_1995_1998.yaml)
    assert [(s.body, s.majority, s.base, s.strict) for s in before] == [
        ("majilis", Fraction(2, 3), "members", False), ("senate", Fraction(2, 3), "members", False)]
    assert kz.as_of("1996-01-01").procedures["no_confidence"].decision[0].body is UNKNOWN
    assert (after.body, after.majority, after.base, after.strict) == ("majilis", Fraction(1, 2), "members", True)


def test_veto_override(kz):
    veto = kz.as_of("2007-06-01").procedures["ordinary_law"].decision[-1]
    assert isinstance(veto, VetoStep) and veto.by == "president"
    assert all(isinstance(s, ApproveStep) and s.majority == Fraction(2, 3) and not s.strict for s in veto.override)


def test_akims_consent_from_2007(kz):
    before = kz.as_of("2000-01-01").bodies["regional_akims"].seat_groups[0]
    after = kz.as_of("2007-06-01").bodies["regional_akims"].seat_groups[0]
    assert before.consent == () and before.nominated_by == "prime_minister"
    assert after.consent[0].body == "maslikhats" and after.consent[0].majority is UNKNOWN


def test_first_president_exempt(kz):
    president = kz.as_of("2007-06-01").bodies["president"]
    assert president.max_consecutive_terms == 2 and president.exempt == ("first_president",)
    # the two-consecutive-term limit stayed in force 1998-2007 (kz_1995_1998.yaml, presidential_term_limit)
    assert kz.as_of("2000-01-01").bodies["president"].max_consecutive_terms == 2
    assert kz.as_of("2000-01-01").bodies["president"].exempt == ()


def test_every_leaf_is_referenced(kz):
    for day in kz.versions:
        c = kz.as_of(day)
        for path, value in c.leaves():
            ref = c.ref(path)
            assert ref is not None and ref.confidence, path
            assert ref.sources or value is UNKNOWN, path
            assert ref.article or path.startswith("actors"), path
            if value is UNKNOWN:
                assert ref.note, path
            assert set(ref.sources) <= set(c.sources), path


def test_2022_reform(kz):
    c = kz.as_of("2023-06-01")
    majilis = c.bodies["majilis"]
    assert majilis.size == 98 and [(g.id, g.seats) for g in majilis.seat_groups] == [("list", 69), ("districts", 29)]
    assert majilis.seat_groups[0].system["threshold"]["share"] == "5%"
    senate = c.bodies["senate"]
    assert senate.size == 50 and senate.seat_group("apk_recommended").nominated_by == "apk"
    president = c.bodies["president"]
    assert (president.term_years, president.max_terms, president.exempt) == (7, 1, ())
    assert "constitutional_council" not in c.bodies and c.bodies["constitutional_court"].size == 11
    assert c.procedures["no_confidence"] is UNKNOWN


def test_every_version_is_consistent(kz):
    from reformlab.model.checks import check

    for day in kz.versions:
        assert check(kz.as_of(day)) == []


def test_a_date_resolves_like_its_version(kz):
    from hypothesis import given, settings
    from hypothesis import strategies as st
    import datetime as dt

    @settings(max_examples=40)
    @given(st.dates(min_value=kz.versions[0], max_value=dt.date(2030, 1, 1)))
    def check(day):
        c = kz.as_of(day)
        assert c.version <= day
        assert c.spec() == kz.as_of(c.version).spec()

    check()


def test_diff_matches_seat_groups_by_id(kz):
    from reformlab.model import diff

    changes = {c.path: c for c in diff(kz.as_of("2007-05-20"), kz.as_of("2007-05-21"))}
    assert changes["bodies.majilis.seat_groups.0"].shape == "removed"  # the 67 districts
    assert (changes["bodies.majilis.seat_groups.0.seats"].before, changes["bodies.majilis.seat_groups.0.seats"].after) == (10, 98)
    assert changes["bodies.majilis.seat_groups.1"].shape == "added"  # the 9 APK seats
    assert changes["bodies.majilis.size"].article == "50(3)"


def test_get_and_appointment_procedure(kz):
    c = kz.as_of("2007-06-01")
    assert c.get("bodies.majilis.seat_groups.1.seats") == 9
    steps = c.bodies["prime_minister"].seat_groups[0].procedure().decision
    assert [s.kind for s in steps] == ["nominate", "consult", "approve"]
