"""The JSON API: the answers mirror the CLI's, bad input gets the CLI's one-line message with its field."""

from __future__ import annotations

import json
import time
from fractions import Fraction

import pytest
from tests.web.conftest import THRESHOLD, threshold_reform
from typer.testing import CliRunner

from reformlab.cli import app as cli


def cli_json(*arguments: str):
    result = CliRunner().invoke(cli, [*arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cli_error(*arguments: str) -> str:
    result = CliRunner().invoke(cli, list(arguments))
    assert result.exit_code == 2, result.output
    return " ".join(result.stderr.replace("error:", "", 1).split())


def test_compare_matches_the_cli(client):
    answer = client.post("/api/compare", json={"before": {"target": "kz@2007-05-20"},
                                               "after": {"target": "kz@2007-05-21"}})
    assert answer.status_code == 200
    data = answer.json()
    expected = cli_json("compare", "kz@2007-05-20", "kz@2007-05-21")
    for key in ("changes", "seats", "control", "power", "index"):
        assert data[key] == expected[key], key
    assert data["labels"]["constitutional_amendment"] == "amending the Constitution"


def test_control_matches_the_cli_and_gives_margins(client):
    data = client.post("/api/control", json={"target": "kz@2007-09-01"}).json()
    expected = cli_json("control", "kz@2007-09-01")
    assert data["procedures"].keys() == expected["procedures"].keys()
    for key, entry in expected["procedures"].items():
        assert {k: v for k, v in data["procedures"][key].items() if k != "margins"} == entry
    # 2007: the president's camp holds all 107 Majilis seats; two thirds of the members need 72.
    law = data["procedures"]["constitutional_law"]["margins"]
    majilis = next(m for m in law if m["body"] == "majilis" and m["role"] == "consent")
    assert (majilis["held"], majilis["members"], majilis["needed"], majilis["margin"]) == (107, 107, 72, 35)


def test_a_three_percent_threshold_moves_seats_and_margins(client):
    before = client.post("/api/control", json={"target": "kz@2007-05-21"}).json()
    after = client.post("/api/control", json={"reform": threshold_reform()}).json()
    assert before["bodies"]["majilis"]["president"]["seats"] == 107
    assert after["bodies"]["majilis"]["president"]["seats"] == 99
    assert after["bodies"]["majilis"]["Ak Zhol Democratic Party"]["seats"] == 3
    margin = next(m for m in after["procedures"]["constitutional_law"]["margins"] if m["body"] == "majilis")
    assert (margin["held"], margin["margin"]) == (99, 27)


def test_power_matches_power_frame(client):
    from reformlab.analysis import evaluate, power_frame

    data = client.post("/api/power", json={"target": "kz@2007-09-01", "indices": ["banzhaf"]}).json()
    frame = power_frame(evaluate("kz@2007-09-01"), ("banzhaf",))
    for row in frame.itertuples(index=False):
        key = row.procedure + (f" ({row.assumption})" if isinstance(row.assumption, str) else "")
        assert Fraction(data["power"][key]["banzhaf"][row.actor]) == row.exact
    assert data["power"]["no_confidence"]["banzhaf"]["president"] == "1"
    assert client.post("/api/power", json={"indices": ["banzaf"]}).json()["error"]["field"] == "--index"


def test_claims_on_the_study_and_on_a_reform(client):
    data = client.post("/api/claims", json={}).json()
    expected = cli_json("claims")
    assert [(r["id"], r["verdict"]) for r in data["results"]] == [(r["id"], r["verdict"]) for r in expected]
    edited = client.post("/api/claims", json={"after": {"reform": threshold_reform()}}).json()
    assert edited["after"].startswith("reform web_edit")
    assert edited["counts"]["fails"] >= 1  # the study's "all Majilis seats to Nur Otan" no longer holds at 3%


def test_show_matches_the_cli(client):
    assert client.post("/api/show", json={"target": "kz@2007-06-01"}).json() == cli_json("show", "kz@2007-06-01")


def test_allocate_matches_the_cli(client):
    data = client.post("/api/allocate", json={"election": "KZ-MAJ-2007"}).json()
    assert data["seats"]["Nur Otan"] == 98 and data["official_seats"]["Nur Otan"] == 98
    three = client.post("/api/allocate", json={"election": "KZ-MAJ-2007", "threshold": "3%",
                                               "threshold_base": "ballots_cast"}).json()
    assert three["seats"]["Ak Zhol Democratic Party"] > 0


@pytest.mark.parametrize("body, cli_arguments, field", [
    ({"target": "kz@2007-13-01"}, ["show", "kz@2007-13-01"], "target"),
    ({"target": "kz@1990-01-01"}, ["show", "kz@1990-01-01"], None),
    ({"target": "kz@2007-09-01", "scenario": "kz-majilis-2099"}, ["control", "kz@2007-09-01", "-s", "kz-majilis-2099"],
     "--scenario"),
])
def test_bad_input_gets_the_cli_message_and_field(client, body, cli_arguments, field):
    answer = client.post("/api/show" if cli_arguments[0] == "show" else "/api/control", json=body)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["message"] == cli_error(*cli_arguments)
    assert error["field"] == field and "\n" not in error["message"]


def test_a_bad_reform_value_names_its_field(client):
    answer = client.post("/api/compare", json={"after": {"reform": threshold_reform("abc")}})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["field"] == "bodies.majilis.seat_groups.0.system"
    assert "cannot read 'abc' as a share" in error["message"]


def test_a_bad_uploaded_yaml_names_its_line(client):
    answer = client.post("/api/compare", json={"after": {"reform_yaml": "reform: x\nbase: kz\nchanges: [\n"}})
    error = answer.json()["error"]
    assert answer.status_code == 422 and error["file"] == "reform.yaml" and error["line"] is not None


@pytest.mark.parametrize("body", [
    {"target": "/etc/passwd"}, {"target": "../../etc/passwd@2007-01-01"}, {"example": "../pyproject"},
    {"reform": {**threshold_reform(), "base": "/etc/passwd"}},
    {"reform_yaml": "reform: x\nbase: ../src/reformlab/data/constitutions/kz.yaml\nchanges: [{op: remove, path: x}]"},
    {"target": "kz@2007-09-01", "scenario": "/etc/passwd.yaml#x"}, {"target": "kz", "scenario": "examples/tiny_scenarios.yaml"},
])
def test_no_endpoint_opens_a_path_the_client_names(client, body):
    answer = client.post("/api/show", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["kind"] == "input"


def test_hostile_yaml_is_refused_safely(client):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    python = "reform: !!python/object/apply:os.system ['true']\nbase: kz\nchanges: []\n"
    for text in (bomb, python, "[" * 5000):
        answer = client.post("/api/show", json={"reform_yaml": text})
        assert answer.status_code == 422, text[:40]


def test_bodies_and_uploads_are_limited_in_size(client):
    answer = client.post("/api/compare", content=b"{" + b" " * 1_100_000 + b"}",
                         headers={"content-type": "application/json"})
    assert answer.status_code == 413
    answer = client.post("/api/show", json={"reform_yaml": "#" * 250_000})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "reform_yaml"


def test_malformed_json_and_unknown_keys_are_4xx(client):
    assert client.post("/api/compare", content=b"{bad", headers={"content-type": "application/json"}).status_code == 422
    answer = client.post("/api/show", json={"target": "kz", "path": "/etc/passwd"})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "path"


def test_results_are_cached_by_the_reform_hash_and_the_cache_is_bounded(app, client):
    service = app.state.service
    body = {"reform": threshold_reform("4%")}
    client.post("/api/control", json=body)
    hits = service.answers.hits
    client.post("/api/control", json=json.loads(json.dumps(body)))
    assert service.answers.hits == hits + 1
    for share in range(1, 10):
        client.post("/api/control", json={"reform": threshold_reform(f"{share}.5%")})
    assert len(service.evaluations) <= service.evaluations.size and len(service.answers) <= service.answers.size


def test_reform_yaml_download_loads_in_the_cli(client, tmp_path):
    from reformlab.web.editor import encode_state

    state = encode_state({"reform": threshold_reform(), "alignments": {"Nur Otan": "Nur Otan"}})
    answer = client.get("/api/reform.yaml", params={"r": state})
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith("attachment")
    path = tmp_path / "reform.yaml"
    path.write_bytes(answer.content)
    shown = cli_json("show", str(path))
    assert shown["bodies"]["majilis"]["seat_groups"][0]["system"]["threshold"]["share"] == "3%"
    assert "--align 'Nur Otan=Nur Otan'" in answer.text
    assert client.get("/api/reform.yaml", params={"r": "!!!"}).status_code == 422


def test_risk_reports_progress_and_can_be_cancelled(client):
    job = client.post("/api/risk", json={"draws": 1_500_000, "seed": 1}).json()
    assert job["state"] == "running" and job["total"] == 1_500_000
    cancelled = client.delete(f"/api/risk/{job['id']}").json()
    for _ in range(200):
        cancelled = client.get(f"/api/risk/{job['id']}").json()
        if cancelled["state"] != "running":
            break
        time.sleep(0.05)
    assert cancelled["state"] == "cancelled" and cancelled["done"] < 1_500_000
    small = client.post("/api/risk", json={"draws": 4096, "seed": 1}).json()
    for _ in range(400):
        small = client.get(f"/api/risk/{small['id']}").json()
        if small["state"] != "running":
            break
        time.sleep(0.05)
    assert small["state"] == "done" and small["done"] == 4096 and small["result"]["seed"] == 1
    assert client.post("/api/risk", json={"draws": 0}).json()["error"]["field"] == "--draws"
    assert client.get("/api/risk/nope").status_code == 422


def test_pages_and_openapi(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
    script = client.get("/static/app.js").text
    assert "http" not in script.replace("HTTP", "")  # nothing loaded from the network
    schema = client.get("/openapi.json").json()
    for path in ("/api/compare", "/api/control", "/api/power", "/api/claims", "/api/allocate", "/api/show"):
        assert path in schema["paths"], path
    assert client.post("/api/editor", json={"target": "kz@2007-05-21"}).json()["fields"][0]["path"].startswith("bodies.")
    assert THRESHOLD in {f["path"] for f in client.post("/api/editor", json={}).json()["fields"]}


def test_examples_and_uploads_are_read_as_reforms(client):
    listed = client.get("/api/options").json()["examples"]
    assert "reform_threshold_3pct" in listed
    parsed = client.post("/api/reform/parse", json={"example": "reform_threshold_3pct"}).json()["reform"]
    assert parsed["changes"][0]["value"] == "3%"
    text = "reform: up\nbase: kz\ndate: 2007-09-01\nchanges:\n  - {op: set, path: bodies.majilis.size, value: 120}\n"
    answer = client.post("/api/compare", json={"before": {"target": "kz@2007-09-01"}, "after": {"reform_yaml": text}})
    error = answer.json()["error"]
    assert answer.status_code == 422 and error["file"] == "reform.yaml" and error["field"] == "bodies.majilis.size"
    compared = client.post("/api/compare", json={"before": {"target": "kz@2007-09-01"},
                                                 "after": {"example": "reform_threshold_3pct"}}).json()
    assert compared["after"]["name"].startswith("reform threshold_3pct")
    assert client.post("/api/reform/parse", json={"target": "kz"}).status_code == 422


def test_a_bug_is_answered_with_a_400_not_a_500_or_a_traceback(app, client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(app.state.service, "compare", broken)
    answer = client.post("/api/compare", json={})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["kind"] == "internal" and "bug in reformlab" in error["message"] and "Traceback" not in answer.text


def test_an_alignment_moves_a_party_behind_its_principal(client):
    # "What if Adilet sided with the president?" (--align 'Democratic Party Adilet=president')
    fields = client.post("/api/editor", json={"target": "kz@2007-05-20"}).json()["fields"]
    assert "align:Democratic Party Adilet" in {f["path"] for f in fields}
    plain = client.post("/api/control", json={"target": "kz@2007-05-20"}).json()
    aligned = client.post("/api/control", json={"target": "kz@2007-05-20",
                                                "alignments": {"Democratic Party Adilet": "president"}}).json()
    assert plain["bodies"]["majilis"]["president"]["seats"] + 1 == aligned["bodies"]["majilis"]["president"]["seats"]
    expected = cli_json("control", "kz@2007-05-20", "--align", "Democratic Party Adilet=president")
    assert aligned["bodies"] == expected["bodies"]
    assert aligned["procedures"].keys() == expected["procedures"].keys()
