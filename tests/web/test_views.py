"""The comparison's further views over the API: rules or election, robustness, which amendment did what. Each
is the CLI's own analysis (the same figures as ``compare``'s JSON, ``compare --robust``, ``decompose``)."""

from __future__ import annotations

import pytest
from tests.web.conftest import threshold_reform
from tests.web.test_api import cli_error, cli_json

DEFAULT = {"before": {"target": "kz@2007-05-20"}, "after": {"target": "kz@2007-05-21"}}


def test_the_split_is_the_cli_compare_split(client):
    answer = client.post("/api/split", json=DEFAULT)
    assert answer.status_code == 200
    data = answer.json()
    assert data == cli_json("compare", "kz@2007-05-20", "kz@2007-05-21")["rules_and_election"]
    assert data["elections"] == ["kz-majilis-2004", "kz-majilis-2007"]
    amendment = data["decisions"]["constitutional_amendment"]["control"]
    # veto (1) -> passes alone (2): half the rules', half the 2007 vote's, with an interaction of -1
    assert (amendment["before"], amendment["after"], amendment["rules"], amendment["election"]) == ("1", "2", "1/2", "1/2")


def test_a_reform_has_no_election_of_its_own_to_split_off(client):
    data = client.post("/api/split", json={"after": {"reform": threshold_reform()}}).json()
    assert "needs two built-in versions" in data["unavailable"]


def test_robustness_is_the_cli_compare_robust(client):
    data = client.post("/api/robust", json=DEFAULT).json()
    expected = {r["id"]: r for r in cli_json("compare", "kz@2007-05-20", "kz@2007-05-21", "--robust")["verdicts"]}
    found = {r["id"].replace("before (", "").replace("after (", "").replace("): ", ": ", 1): r for r in data["results"]}
    assert found.keys() == expected.keys()
    for key, result in expected.items():
        for part in ("default", "holds", "total", "exact", "flipping_set", "flipped_to", "smallest_flipping_sets"):
            assert found[key][part] == result[part], (key, part)
    law = found["kz@2007-05-20: ordinary_law"]
    # 10 assumptions (the independents, the APK's controller and a defection included): 2^10 readings
    assert (law["default"], law["holds"], law["total"]) == ("passes alone", 256, 1024)
    assert data["readings"] == 1024 and data["exact"] is True
    claims = data["claims"]
    assert (claims["before"], claims["after"]) == ("kz@2007-05-20", "kz@2007-05-21")
    assert claims["results"] == cli_json("claims", "--robust")["verdicts"]


def test_robustness_of_an_edited_reform_and_bad_options(client):
    data = client.post("/api/robust", json={"after": {"reform": threshold_reform()}}).json()
    assert data["results"] and all(r["id"].startswith(("before (", "after (")) for r in data["results"])
    bad = client.post("/api/robust", json={**DEFAULT, "samples": 0})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "samples"
    camp = client.post("/api/robust", json={**DEFAULT, "camp": "presidnet"})
    assert camp.status_code == 422 and "did you mean 'president'" in camp.json()["error"]["message"]


def test_the_attribution_is_the_cli_decompose_with_its_waterfalls(client):
    data = client.post("/api/attribution", json=DEFAULT).json()
    expected = cli_json("decompose", "kz@2007-05-20", "kz@2007-05-21")
    assert data["amendments"] == len(expected["amendments"]) == 20
    assert data["evaluations"] == expected["evaluations"]
    moved = [w for w in data["waterfalls"] if w["measure"] == "control"]
    assert [w["decision"] for w in moved] == ["amending the Constitution",
                                              "early release of the President from office for illness"]
    assert (moved[0]["before"], moved[0]["after"]) == ("1", "2")  # veto -> passes alone
    shares = {s["measure"]: s for s in expected["decisions"]["constitutional_amendment"]["shares"]
              if s["actor"] == "president" and s["measure"] == "control"}["control"]["shares"]
    assert {s["share"] for s in moved[0]["steps"]} == {v for v in shares.values() if v != "0"}
    assert all(w["svg"].startswith("<svg") and "</svg>" in w["svg"] for w in data["waterfalls"])


def test_the_attribution_of_a_reform_and_when_there_is_none(client):
    data = client.post("/api/attribution", json={"before": {"target": "kz@2007-09-01"},
                                                 "after": {"example": "my_reform"}}).json()
    assert (data["amendments"], data["source"]) == (1, "the changes of reform 'seven_year_term'")
    assert data["waterfalls"] == []  # the term of office moves no decision's control or power
    mixed = client.post("/api/attribution", json={"after": {"example": "reform_majilis_mixed"}})
    assert mixed.status_code == 422  # the CLI's message: a subset of the changes is no valid constitution
    assert mixed.json()["error"]["message"] == cli_error("decompose", "kz@2007-09-01", "examples/reform_majilis_mixed.yaml")
    swapped = client.post("/api/attribution", json={"before": {"reform": threshold_reform()}}).json()
    assert "the reform is on the before side" in swapped["unavailable"]


def test_two_versions_with_the_same_rules_have_nothing_to_attribute(client):
    for before, after in (("kz@2007-05-21", "kz@2007-05-21"), ("kg", "kg@2010-06-27")):
        answer = client.post("/api/attribution", json={"before": {"target": before}, "after": {"target": after}})
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"unavailable": "the two versions have the same rules: there is nothing to attribute"}


@pytest.mark.parametrize("constitution", ["kz", "kg", "ua"])
def test_first_and_last_versions_of_every_constitution_get_an_answer_on_every_view(client, constitution):
    from reformlab.model import load_builtin

    days = [str(day) for day in load_builtin(constitution).versions]
    for before, after in ((days[0], days[-1]), (days[-1], days[0])):
        body = {"before": {"target": f"{constitution}@{before}"}, "after": {"target": f"{constitution}@{after}"}}
        for path in ("/api/compare", "/api/claims", "/api/split", "/api/robust", "/api/attribution"):
            answer = client.post(path, json=body)
            assert answer.status_code < 500, (path, body)
            if answer.status_code >= 400:
                assert answer.json()["error"]["kind"] != "internal", (path, body, answer.text[:300])


def test_a_claim_about_a_body_the_version_lacks_cannot_be_told_there(client):
    data = client.post("/api/claims", json={"before": {"target": "kg@2007-10-23"},
                                            "after": {"target": "kg@2010-06-27"}}).json()
    seats = [r for r in data["results"] if r["reason"] and "majilis does not exist in this version" in r["reason"]]
    assert seats and all(r["verdict"] == "cannot tell" for r in seats)
