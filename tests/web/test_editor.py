"""Hypothesis over the reform editor: any set of edits the form can make gives results or a located 4xx."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reformlab.model import load_reform
from reformlab.web.editor import decode_state, encode_state, reform_yaml


def _value(field):
    """What a user can put in one field: a listed choice, a typed number, or free text."""
    free = st.text(alphabet="0123456789/%.,- abcx", max_size=6)
    if field["kind"] == "int":
        return st.one_of(st.integers(-5, 300), free)
    if field["kind"] in ("filled_by", "system_kind"):
        return st.sampled_from([c["template"] for c in field["choices"]])
    if field["kind"] == "actors":
        return st.lists(st.sampled_from([c["value"] for c in field["choices"]] + ["nobody"]), max_size=3)
    if field["kind"] == "threshold":
        return st.builds(lambda share: {"share": share, "base": "valid"}, free)
    choices = [c["value"] for c in field["choices"] or []]
    return st.one_of(st.sampled_from(choices), free) if choices else free


def _edits(fields):
    editable = [f for f in fields if not f["path"].startswith("align:")]
    return st.lists(st.sampled_from(editable), min_size=1, max_size=4, unique_by=lambda f: f["path"]).flatmap(
        lambda chosen: st.tuples(*[st.tuples(st.just(f), _value(f)) for f in chosen]))


def test_random_edits_give_results_or_a_located_error(client):
    fields = client.post("/api/editor", json={"target": "kz@2007-05-21"}).json()["fields"]
    paths = {f["path"] for f in fields}

    @given(_edits(fields))
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def check(edits):
        changes = [{"op": f["op"], "path": f["path"], "value": value} for f, value in edits]
        reform = {"reform": "web_edit", "base": "kz", "date": "2007-05-21", "changes": changes}
        answer = client.post("/api/compare", json={"after": {"reform": reform}})
        assert answer.status_code in (200, 422), answer.text[:300]
        if answer.status_code == 422:
            error = answer.json()["error"]
            assert error["kind"] == "input" and error["message"] and error["field"], error
            edited = [c["path"] for c in changes]
            located = error["field"].startswith("changes.") or any(
                p.startswith(error["field"]) or error["field"].startswith(p) for p in edited) \
                or error["field"].startswith(("bodies.", "procedures."))
            assert located, (error, edited)
        else:
            control = client.post("/api/control", json={"reform": reform})
            assert control.status_code == 200
            for view in ("/api/robust", "/api/attribution"):  # the further views: an answer or a located 422
                found = client.post(view, json={"after": {"reform": reform}})
                assert found.status_code in (200, 422), (view, found.text[:300])
                assert found.status_code == 200 or found.json()["error"]["kind"] == "input", (view, found.text[:300])
            state = encode_state({"reform": reform, "alignments": {}})
            assert decode_state(state)["reform"] == reform
            assert client.get("/api/reform.yaml", params={"r": state}).status_code == 200

    assert paths
    check()


def test_the_written_yaml_is_the_reform(tmp_path):
    reform = {"reform": "web_edit", "base": "kz", "date": "2007-05-21", "label": "a: tricky\nlabel",
              "changes": [{"op": "set", "path": "bodies.majilis.seat_groups.0.system.threshold.share", "value": "3%"}]}
    path = tmp_path / "r.yaml"
    path.write_text(reform_yaml(reform, {"Ak Zhol": "president"}), encoding="utf-8")
    loaded = load_reform(path)
    assert loaded.label == "a: tricky\nlabel" and loaded.changes[0].value == "3%"
