"""Grounds for dissolution as conditions the decision respects: before 2007 the President may dissolve
Parliament only after a vote of no confidence or after Parliament twice refuses consent to the Prime
Minister (Art. 63(1), 1998 wording); from 21 May 2007 on no ground (Art. 63(1), 2007 wording)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.engine.decisions import decisions
from reformlab.engine.filling import fill
from reformlab.engine.grounds import Condition, only_if
from reformlab.engine.scenario import builtin_scenarios
from reformlab.engine.tree import (
    AllOf, Alternatives, AnyOf, Controller, Gap, Quota, Vote, leaves, refusal, simple_game, simplify, walk,
)
from reformlab.model import load_builtin


@pytest.fixture(scope="module")
def dissolution():
    kz = load_builtin("kz")
    scenarios = builtin_scenarios()
    return {
        1998: decisions(fill(kz.as_of("2004-10-01"), scenarios["kz-majilis-2004"]))["dissolution"],
        2007: decisions(fill(kz.as_of("2007-09-01"), scenarios["kz-majilis-2007"]))["dissolution"],
    }


def test_the_1998_grounds_are_stated_with_their_article(dissolution):
    grounds = [c for c in dissolution[1998].conditions if c.kind == "ground"]
    assert [(c.text, c.article, c.known) for c in grounds[:2]] == [
        ("after Parliament passes a vote of no confidence in the Government", "63(1)", True),
        ("after Parliament twice refuses consent to the appointment of the Prime Minister", "63(1)", True),
    ]
    rest = grounds[2]
    assert not rest.known and "cut off" in rest.text
    assert rest.readings == ("no further ground", "a further ground of political crisis, which no body decides")
    (limits,) = [c for c in dissolution[1998].conditions if c.kind == "limit"]
    assert not limits.known and "63(2)" in limits.text  # not retrieved: unknown stays unknown
    assert dissolution[1998].only_if.startswith(
        "only on one of these grounds: after Parliament passes a vote of no confidence in the Government (Art. 63(1)), "
        "or after Parliament twice refuses consent")


def test_after_2007_no_ground_only_the_unknown_limits(dissolution):
    assert [c.kind for c in dissolution[2007].conditions] == ["limit"]
    assert dissolution[2007].status == "known"
    assert dissolution[2007].only_if.startswith("limits: not known")


def test_the_grounds_are_in_the_tree_with_the_1998_quotas(dissolution):
    """No confidence: 2/3 of the total of each chamber (52 of 77, 26 of 39); refusing the Prime Minister's
    consent (more than half of each chamber at a joint session): 77 - 39 + 1 = 39 and 39 - 20 + 1 = 20."""
    decision = dissolution[1998]
    assert decision.status == "alternatives"
    trees = dict(decision.trees)
    assert set(trees) == {"assuming no further ground",
                          "assuming a further ground of political crisis, which no body decides"}
    needed = sorted((v.body, v.role, v.needed, v.members) for v in leaves(trees["assuming no further ground"])
                    if isinstance(v, Vote))
    assert needed == [("majilis", "ground", 39, 77), ("majilis", "ground", 52, 77),
                      ("senate", "ground", 20, 39), ("senate", "ground", 26, 39)]
    # a ground of political crisis nobody decides: the President alone, as after 2007
    crisis = trees["assuming a further ground of political crisis, which no body decides"]
    assert crisis == dissolution[2007].trees[0][1]
    assert any(isinstance(node, Alternatives) and node.gap.gap is Gap.GROUNDS for node in walk(decision.tree))
    roles = dict(decision.roles)
    assert "ground: majilis" in roles["president"] and roles["Ak Zhol Democratic Party"] == ("ground: majilis",)


def _seats_to(tree, body, principal):
    """``tree`` with every seat of ``body`` held by ``principal`` (an opposition Majilis)."""
    if isinstance(tree, Vote) and tree.body == body:
        return dataclasses.replace(tree, seats=((principal, tree.members),))
    if isinstance(tree, (AllOf, AnyOf)):
        return type(tree)(tuple(_seats_to(part, body, principal) for part in tree.parts))
    return tree


def test_the_game_respects_the_grounds(dissolution):
    """With an opposition Parliament the President cannot dissolve alone on the listed grounds: Parliament
    must vote no confidence or refuse his Prime Minister; on the 2007 wording he can. With an opposition
    Majilis alone he still can: his Senate (all 39 seats in 2004) refusing his candidate is a ground."""
    listed = dict(dissolution[1998].trees)["assuming no further ground"]
    game = simple_game(simplify(_seats_to(_seats_to(listed, "majilis", "opposition"), "senate", "opposition")))
    assert not game.is_winning({"president"})
    assert game.is_winning({"president", "opposition"})
    assert not game.is_winning({"opposition"})  # the dissolution is still the President's act
    assert simple_game(simplify(_seats_to(listed, "majilis", "opposition"))).is_winning({"president"})
    after = simple_game(_seats_to(dissolution[2007].trees[0][1], "majilis", "opposition"))
    assert after.is_winning({"president"})


@given(members=st.integers(1, 200), num=st.integers(1, 11), den=st.integers(2, 12), strict=st.booleans())
def test_refusal_blocks_exactly_where_the_rest_cannot_pass(members, num, den, strict):
    majority = Fraction(min(num, den), den)
    if majority == 1 and strict:
        return
    vote = Vote("chamber", Quota(majority, "members", strict), (("a", members),))
    refused = refusal(vote)
    assert refused.role == "refusal"
    for no in range(members + 1):  # ``no`` members refuse: the vote fails iff the other members fall short
        assert (no >= refused.needed) == (members - no < vote.needed)


def test_refusal_never_counts_the_proposer():
    tree = AllOf((Controller("president", "president"), Vote("m", Quota(Fraction(1, 2), "members", True), (("x", 9),))))
    assert simplify(refusal(tree)) == Vote("m", Quota(Fraction(1, 2), "members", False), (("x", 9),), "refusal")


def test_only_if_in_words():
    assert only_if(()) is None
    assert only_if((Condition("ground", "after a vote of no confidence", "63(1)"),
                    Condition("ground", "after two refusals"), Condition("limit", "not during a state of emergency"))) \
        == ("only on one of these grounds: after a vote of no confidence (Art. 63(1)), or after two refusals; "
            "limits: not during a state of emergency")


def test_show_and_control_state_the_grounds():
    import json

    from typer.testing import CliRunner

    from reformlab.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["show", "kz@2007-05-20"], env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output  # a readings step (the 1998 veto override) is described, no crash
    assert "ground: after Parliament passes a vote of no confidence in the Government (Art. 63(1))" in shown.output
    assert "limit: not known: the limits of Art. 63(2) were not retrieved" in shown.output
    control = runner.invoke(app, ["control", "kz@2007-05-20"], env={"COLUMNS": "400"})
    assert control.exit_code == 0 and "dissolution: only on one of these grounds: after Parliament" in control.output
    data = json.loads(runner.invoke(app, ["control", "kz@2007-05-20", "--format", "json"]).output)
    assert data["procedures"]["dissolution"]["only_if"].startswith("only on one of these grounds")
    assert data["procedures"]["ordinary_law"]["only_if"] is None


def test_power_before_2007_is_told_when_the_readings_agree():
    """Both readings of the rest of Art. 63(1) leave the President a Banzhaf power of 1 on the 2004 seats (the
    deputies who can bring a ground about are null players), so the comparison states it, not "–"."""
    from reformlab.analysis.compare import compare

    power = compare("kz@2007-05-20", "kz@2007-05-21").power()["dissolution"]
    assert power["president"] == {"before": 1, "after": 1}
    assert power["Ak Zhol Democratic Party"]["before"] == 0


def test_unknown_grounds_stay_unknown_and_limits_are_stated():
    from reformlab.engine.grounds import conditions, ground_tree
    from reformlab.engine.tree import Never, Unknown, readings
    from reformlab.model import UNKNOWN, Procedure

    class Without:  # a constitution whose references carry no notes
        @staticmethod
        def ref(path):
            return None

    tree = ground_tree(UNKNOWN, lambda named: Never(), "procedures.dissolution.grounds", "Art. 63 was not read")
    assert isinstance(tree, Unknown) and tree.gap is Gap.GROUNDS and tree.reason == "Art. 63 was not read"
    procedure = Procedure.model_validate({
        "label": "dissolving the assembly", "decision": [{"kind": "sign", "by": "president"}],
        "grounds": "unknown",
        "limits": [{"kind": "not_during", "label": "not during a state of emergency", "state": "emergency",
                    "article": "63(2)"},
                   {"kind": "not_within", "label": "not within a year of a previous dissolution", "months": 12,
                    "after": "a dissolution"}]})
    stated = conditions(procedure, Without, "procedures.dissolution")
    assert only_if(stated) == ("only on grounds not known (the grounds were not found); limits: not during a state "
                               "of emergency (Art. 63(2)); not within a year of a previous dissolution")
    assert [c.known for c in stated] == [False, True, True]
    assert readings(tree) == ((None, tree),)  # no reading settles an unknown ground: the decision cannot be told
