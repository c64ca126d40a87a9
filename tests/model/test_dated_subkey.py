"""A dated change may change one sub-key of an electoral system (its threshold, a runner-up rule) without
restating the whole system: the 2009 two-party rule of Kazakhstan is dated on ``minimum_parties`` alone."""

import datetime as dt
from pathlib import Path

from reformlab.model import load_builtin
from reformlab.model.diff import diff
from reformlab.model.loader import load_constitution

KZ_FILE = Path(__file__).resolve().parents[2] / "src" / "reformlab" / "data" / "constitutions" / "kz.yaml"
LIST_2007 = {"method": "hare", "seats": 98, "threshold": {"share": "7%", "base": "ballots_cast"}, "tie_break": "order"}
TWO_PARTIES = {"parties": 2, "correction": "7/10", "min_seats": 2}


def test_the_2009_two_party_rule_dates_one_sub_key_and_loads_the_rules_as_before():
    kz = load_builtin("kz")
    path = "bodies.majilis.seat_groups[list].system"
    assert kz.as_of("2008-12-31").get(path) == LIST_2007
    for day in ("2009-02-09", "2011-02-03", "2017-03-10"):
        assert kz.as_of(day).get(path) == {**LIST_2007, "minimum_parties": TWO_PARTIES}
    rule = kz.as_of("2009-02-09").ref(path + ".minimum_parties")
    assert rule.article == "Constitutional Law on Elections Art. 97(2)-(3)" and "mt2009" in rule.sources
    assert kz.as_of("2009-02-09").ref(path).article == "51(1); Constitutional Law on Elections Art. 97"
    changes = [(c.path, c.kind) for c in diff(kz.as_of("2007-05-21"), kz.as_of("2009-02-09"))]
    assert ("bodies.majilis.seat_groups.0.system.minimum_parties", "amendment") in changes


def test_the_file_states_the_2007_list_system_once():
    text = KZ_FILE.read_text(encoding="utf-8")
    assert text.count("seats: 98") == 2  # the seat group's seats and its system's, not a second system
    assert "2009-02-09: {parties: 2" in text


TINY = """
schema_version: 1
id: tiny
label: Tiny republic
country: XX
sources: {text: "The Tiny Constitution"}
versions:
  2000-01-01: {label: original text}
  2010-01-01: {label: a higher threshold}
actors:
  electorate: {kind: electorate, label: voters}
bodies:
  assembly:
    label: Assembly
    kind: chamber
    size: 100
    seat_groups:
      - id: list
        seats: 100
        filled_by: popular
        system:
          method: hare
          seats: 100
          threshold:
            share: {values: {2000-01-01: 5%, 2010-01-01: 7%}, article: "11(2)", source: text, confidence: high}
            base: valid
procedures: {}
"""


def test_a_version_may_change_only_a_threshold_share():
    tiny = load_constitution("tiny.yaml", text=TINY)
    path = "bodies.assembly.seat_groups[list].system"
    before, after = tiny.as_of(dt.date(2005, 1, 1)), tiny.as_of(dt.date(2012, 1, 1))
    assert before.get(path) == {"method": "hare", "seats": 100, "threshold": {"share": "5%", "base": "valid"}}
    assert after.get(path) == {"method": "hare", "seats": 100, "threshold": {"share": "7%", "base": "valid"}}
    assert after.ref(path + ".threshold.share").article == "11(2)"
    assert [(c.path, c.before, c.after) for c in diff(before, after)] == [
        ("bodies.assembly.seat_groups.0.system.threshold.share", "5%", "7%")]
