"""Every claim's verdict and figure is pinned (claims_pinned.yaml): a data edit that turns one is seen."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from reformlab.analysis import evaluate
from reformlab.analysis.claims import check_claims, check_claims_on, load_claims
from reformlab.errors import ReformlabError

PINNED = yaml.safe_load((Path(__file__).parent / "claims_pinned.yaml").read_text(encoding="utf-8"))


def _as_pinned(results) -> dict:
    found = {}
    for result in results:
        data = result.to_dict()
        found[result.id] = {"verdict": result.verdict, "computed": data["computed"]}
        if result.rounded:
            found[result.id]["rounded"] = data["rounded"]
    return yaml.safe_load(yaml.safe_dump(found))  # the same plain types as the file


def test_every_verdict_and_figure_is_the_pinned_one():
    assert _as_pinned(check_claims()) == PINNED


def test_at_least_30_claims_both_sides_where_the_study_describes_a_change():
    claims = load_claims()["claims"]
    assert len(claims) >= 30
    assert all(c["quantity"].get("body") != "any" for c in claims)
    both = [c for c in claims if {"before", "after"} <= set(c["expected"]) or "trend" in c["expected"]]
    assert len(both) >= 20
    assert not any("tolerance" in c for c in claims)  # the study's rounding is stated, never a tolerance


def test_verdicts_are_findings_a_contradicting_fact_fails_the_claim():
    # the fact base contradicts the study: Nur Otan holds 98 of the 107 Majilis seats, not all of them
    nur_otan = PINNED["nur_otan_controls_all_seats"]
    assert nur_otan["verdict"] == "fails" and nur_otan["computed"]["after"] == "98/107"


@pytest.fixture
def kz_text() -> str:
    return resources.files("reformlab.data").joinpath("constitutions/kz.yaml").read_text(encoding="utf-8")


def test_a_1998_majilis_of_78_is_refused_by_the_loader(tmp_path, kz_text):
    edited = kz_text.replace("          1998-10-07: 77\n", "          1998-10-07: 78\n", 1)
    assert edited != kz_text
    (tmp_path / "kz.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(ReformlabError, match="add up to 77"):
        evaluate(f"{tmp_path / 'kz.yaml'}@2007-05-20")


def test_a_consistent_1998_majilis_of_78_turns_the_pinned_verdicts(tmp_path, kz_text):
    edited = (kz_text.replace("          1998-10-07: 77\n", "          1998-10-07: 78\n", 1)
              .replace("                seats: 10\n", "                seats: 11\n", 1)
              .replace("system: {method: hare, seats: 10,", "system: {method: hare, seats: 11,", 1))
    (tmp_path / "kz.yaml").write_text(edited, encoding="utf-8")
    sides = {"before": evaluate(f"{tmp_path / 'kz.yaml'}@2007-05-20", "kz-majilis-2004"),
             "after": evaluate("kz@2007-05-21")}
    found = _as_pinned(check_claims_on(sides))
    assert found != PINNED
    assert found["majilis_size"] == {"verdict": "fails", "computed": {"before": 78, "after": 107}}


def test_a_claim_naming_no_seat_group_is_one_clear_error():
    from reformlab.analysis.claims import check_claim

    sides = {"before": evaluate("kz@2007-05-20"), "after": evaluate("kz@2007-05-21")}
    claim = {"id": "x", "text": "t", "quantity": {"kind": "value", "path": "bodies.majilis.seat_groups[lists].seats"},
             "expected": {"after": 98}}
    with pytest.raises(ReformlabError, match="no item with id 'lists'.*there are: list, apk"):
        check_claim(claim, sides)
