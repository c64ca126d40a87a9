"""The May 2007 package written amendment by amendment: it agrees with the one-tree kz.yaml rule for rule, its
ids are the process data's, and its attribution on the 2004 seats is pinned."""

from __future__ import annotations

from fractions import Fraction

import pytest

from reformlab.analysis.decompose import decompose, offsets
from reformlab.analysis.decompose_inputs import decomposition_inputs
from reformlab.model import resolve_target
from reformlab.model.amendments import builtin_packages, package_between
from reformlab.model.diff import diff
from reformlab.model.reform import apply
from reformlab.process import load_process


@pytest.fixture(scope="module")
def versions():
    return resolve_target("kz@2007-05-20"), resolve_target("kz@2007-05-21")


@pytest.fixture(scope="module")
def package():
    return next(p for p in builtin_packages() if p.reform == "kz-2007-05-21")


def test_the_package_turns_20_may_into_21_may_rule_for_rule(versions, package):
    before, after = versions
    assert diff(apply(before, package), after) == []
    assert before == resolve_target("kz@2007-05-20")  # the base never changes
    found, shipped = package_between(before, after)
    assert shipped and found.reform == "kz-2007-05-21" and len(found.amendments) == 20


def test_every_amendment_names_its_articles_or_says_why_not(package):
    for amendment in package.amendments:
        assert amendment.label
        assert amendment.articles or amendment.id.startswith(("party_", "officials_", "president_party"))
        for change in amendment.changes:
            assert change.source, (amendment.id, change.path)


def test_ids_are_the_process_datas(package):
    """Every amendment the process traces is one of the package's (the process counts the APK seats and the
    size of 107 as two ids that stand only together; the package writes them as one amendment, majilis_size_107,
    that depends on the party-list Majilis); every other amendment of the package changes only paths the
    process lists as not amendments (their pre-2007 wording is not known)."""
    process = load_process()
    ours = {a.id: a for a in package.amendments}
    assert {a.id for a in process.amendments} - set(ours) == {"majilis_apk_seats"}
    not_amendments = {n.path for n in process.not_amendments}
    for ident in set(ours) - {a.id for a in process.amendments}:
        assert all(any(c.path.startswith(p) for p in not_amendments) for c in ours[ident].changes), ident


def test_dependencies_as_the_law_has_them(package):
    needs = {a.id: set(a.depends_on) for a in package.amendments}
    assert needs["majilis_size_107"] == {"majilis_party_lists_only"}
    assert needs["majilis_imperative_mandate"] == {"majilis_party_lists_only"}


@pytest.fixture(scope="module")
def attribution():
    base, package, scenario, _, _ = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    return decompose(base, package, scenario, measures=("control", "banzhaf"))


def test_on_the_2004_seats_only_the_party_list_majilis_moves_the_amendment_power(attribution):
    """Holding the Majilis elected in 2004 (its list votes re-allocated under each subset's rules): the
    president goes from a veto to passing constitutional amendments alone, and all of it is the all-list
    Majilis; the appointed senators, the APK seats and the unlimited terms add nothing to any decision."""
    assert attribution.scenario == "kz-majilis-2004"
    amendment = attribution.decisions["constitutional_amendment"]
    control = next(s for s in amendment.shares if s.measure == "control")
    assert (control.before, control.after) == (1, 2)
    assert {k: v for k, v in control.shares.items() if v} == {"majilis_party_lists_only": 1}
    banzhaf = next(s for s in amendment.shares if s.measure == "banzhaf" and s.actor == "president")
    assert banzhaf.total == Fraction(3, 299596) == banzhaf.shares["majilis_party_lists_only"]
    moved = {d for d, a in attribution.decisions.items() for s in a.shares
             if s.actor == "president" and s.measure == "control" and s.total}
    # the early release for illness (Art. 47(1), low) needs the same 3/4 of each chamber: it moves the same way
    assert moved == {"constitutional_amendment", "early_release_illness"}
    release = next(s for s in attribution.decisions["early_release_illness"].shares if s.measure == "control")
    assert (release.before, release.after) == (1, 2)
    assert {k: v for k, v in release.shares.items() if v} == {"majilis_party_lists_only": 1}
    release_banzhaf = next(s for s in attribution.decisions["early_release_illness"].shares
                           if s.measure == "banzhaf" and s.actor == "president")
    assert release_banzhaf.total == Fraction(4, 209719) == release_banzhaf.shares["majilis_party_lists_only"]
    for decision in attribution.decisions.values():
        for share in decision.shares:
            assert share.shares["first_president_unlimited_terms"] == 0
            assert sum(share.shares.values()) == share.total
    # pinned: 113 versions (103 before the early release for illness was encoded), against 2**20 subsets per decision
    assert attribution.evaluations <= 120
    assert not offsets(attribution)  # no amendment lowered the president's Banzhaf power on these seats


def test_what_cannot_be_split_says_why(attribution):
    cannot = {d: a.cannot_tell for d, a in attribution.decisions.items() if a.cannot_tell}
    assert set(cannot) == {"delegate_legislative_power", "terminate_maslikhats", "impeachment",
                           "appoint:regional_akims.akims"}
    assert "not defined" in cannot["terminate_maslikhats"]
