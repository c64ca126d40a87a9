"""The built-in process: three bodies, seven areas, proposals with outcomes, every amendment traced both ways."""

from __future__ import annotations

import pytest

from reformlab.model import diff
from reformlab.process import (
    OUTCOMES, apply_amendments, area_measures, body_measures, facts, id_path, load_process, package_coverage,
    package_versions, trace_table,
)
from reformlab.process.amendments import content_tree


@pytest.fixture(scope="module")
def process():
    return load_process()


def test_three_bodies_seven_areas(process):
    assert [b.id for b in process.bodies] == ["pds", "nkvd", "state_commission"]
    assert len(process.areas) == 7 and {a.body for a in process.areas} == {"state_commission"}


def test_every_fact_and_proposal_has_a_source(process):
    for proposal in process.proposals:
        assert proposal.source and proposal.outcome.source, proposal.id
    for body in process.bodies:
        for name in ("start", "status", "output"):
            assert all(f.sources for f in facts(getattr(body, name)) if f.known), (body.id, name)


def test_conflicting_sources_are_both_kept(process):
    nkvd = process.body("nkvd")
    starts = {f.value: f.sources for f in facts(nkvd.start)}
    assert starts == {"2004-11": ("isaacs2008",), "2004-08": ("caci2004",)}
    assert {f.kind for f in facts(nkvd.output)} == {"none", "some"}
    announced = {str(f.value): f.sources for f in facts(process.package.announced)}
    assert announced == {"2007-05-16": ("isaacs2008", "embassy2007"), "2007-05-17": ("jamestown2007", "caci2007")}


def test_unknowns_stay_unknown(process):
    pds = process.body("pds")
    assert not any(f.known for f in facts(pds.chair)) and not any(f.known for f in facts(pds.size))
    assert all(not isinstance(g.count, int) for b in process.bodies for g in b.members
               if g.affiliation != "opposition")


def test_every_outcome_links_to_amendments_of_the_package(process):
    ids = {a.id for a in process.amendments}
    for proposal in process.proposals:
        linked = set(proposal.outcome.amendments) | set(proposal.outcome.instead)
        assert linked <= ids
        assert bool(proposal.outcome.amendments) == OUTCOMES[proposal.outcome.kind]["needs_amendments"], proposal.id


def test_every_amendment_traces_to_a_proposal_or_is_marked(process):
    """The other direction: each May 2007 amendment comes from a proposal, was added outside the process (by
    whom), or is listed as untraced with a note; never two of these."""
    untraced = {u.amendment for u in process.untraced}
    for amendment in process.amendments:
        traced = process.traced_to(amendment.id)
        assert bool(traced) != (amendment.id in untraced), amendment.id
    origins = {row["id"]: row["origin"] for row in trace_table(process)}
    assert origins["first_president_unlimited_terms"] == "outside"
    assert [p.outcome.by for p in process.traced_to("first_president_unlimited_terms")] == ["parliament"]
    assert origins["majilis_size_107"] == "process"
    assert sorted(origins.values()).count("untraced") == len(untraced) == 10  # 3 found in the 1998-2007 texts


def test_the_amendments_cover_every_change_of_21_may_2007(process):
    coverage = package_coverage(process)
    assert coverage.uncovered == [] and coverage.unused == []
    assert all(paths for paths in coverage.by_amendment.values())


def test_applying_every_amendment_reproduces_the_package(process):
    """Every process amendment applied (the shipped package's amendments of those ids): what is left of the
    package is what the process lists as not amendments. The CEC's size and term are listed too (their
    1998-2007 values were not found), but the package writes them with the chambers' CEC appointments
    (cec_chambers, Art. 57(1)), so applying that amendment sets them."""
    before, after = package_versions("kz", process.package.before, process.package.after)
    rebuilt = apply_amendments(process, [a.id for a in process.amendments])
    left = {id_path(content_tree(after), c.path) for c in diff(rebuilt, after)}
    listed = [n.path for n in process.not_amendments]
    assert left and all(any(p == n or p.startswith(n + ".") for n in listed) for p in left), left
    assert {n for n in listed if any(p == n or p.startswith(n + ".") for p in left)} == \
        set(listed) - {"bodies.cec.size", "bodies.cec.term_years"}
    assert before.bodies["majilis"].size == 77  # the base is never changed


def test_the_process_applies_the_shipped_package(process):
    """One way to apply amendments: the process's ids are the package's (the APK seats through in_package),
    each applied with its prerequisites; taken out of the after version, with what cannot stand without it."""
    from reformlab.process import package_subset
    from reformlab.process.amendments import prerequisites

    assert process.package.reform == "kz-2007-05-21"
    assert package_subset(process, ["majilis_apk_seats"]) == ("majilis_party_lists_only", "majilis_size_107")
    assert prerequisites(process, ["majilis_imperative_mandate"]) == ("majilis_party_lists_only",)
    without = package_subset(process, ["majilis_party_lists_only"], onto="after")
    assert not {"majilis_party_lists_only", "majilis_size_107", "majilis_imperative_mandate"} & set(without)
    assert "law_veto_override" in without  # a change the process does not count as an amendment stays


def test_an_amendment_can_be_taken_out_of_the_package(process):
    without = apply_amendments(process, ["first_president_unlimited_terms"], onto="after")
    assert without.bodies["president"].exempt == () and without.bodies["majilis"].size == 107
    alone = apply_amendments(process, ["senate_15_appointed"])
    assert alone.bodies["senate"].size == 47 and alone.bodies["majilis"].size == 77


def test_body_measures(process):
    rows = {r["id"]: r for r in body_measures(process)}
    assert [rows[b]["status_rank"] for b in ("pds", "nkvd", "state_commission")] == [1, 2, 3]
    assert rows["nkvd"]["opposition_invited"] == ["Ak Zhol", "Communist Party of Kazakhstan", "Alga, DVK"]
    assert rows["nkvd"]["opposition_took_part"] == []
    assert rows["nkvd"]["opposition_refused"] == rows["nkvd"]["opposition_invited"]
    assert rows["state_commission"]["opposition_refused"] == [] and rows["pds"]["opposition_refused"] == []
    assert rows["state_commission"]["opposition_took_part"] == ["Ak Zhol"]
    assert rows["state_commission"]["opposition_not_invited"] == ["Nagiz Ak Zhol (True Ak Zhol)"]
    assert rows["state_commission"]["chaired_by_head_of_state"] == "yes"
    assert all(r["pro_presidential_share"] is None for r in rows.values())
    assert rows["nkvd"]["named_members"] == {"pro_presidential_or_government": 3, "opposition": 0,
                                             "civil_society": 0, "unknown": 2, "named": 5}


def test_area_measures(process):
    rows = {r["id"]: r for r in area_measures(process)}
    assert sum(r["proposals"] for r in rows.values()) == 8
    assert sum(r["adopted"] for r in rows.values()) == 7
    assert rows["akims"]["not_adopted"] == 1 and rows["majilis_size"]["adopted_in_another_form"] == 1


def test_a_process_file_may_name_its_own_reform_file(tmp_path):
    """package.reform may be a reform file beside the process file; its amendments are applied by id."""
    from pathlib import Path

    from reformlab.process import load_process

    good = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "package.yaml").write_text(
        "reform: mine\nbase: kz\ndate: 2007-05-20\namendments:\n"
        "  - {id: bigger_majilis, label: a five-year term, changes: [{op: set, path: bodies.president.term_years, "
        "value: 5}]}\n", encoding="utf-8")
    path = tmp_path / "process.yaml"
    path.write_text(good.replace("package: {before: 2007-05-20, after: 2007-05-21}",
                                 "package: {before: 2007-05-20, after: 2007-05-21, reform: package.yaml}"),
                    encoding="utf-8")
    process = load_process(path)
    assert apply_amendments(process, ["bigger_majilis"]).bodies["president"].term_years == 5
