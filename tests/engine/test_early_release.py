"""Art. 47(1) before 2023 (a commentary of unclear edition, so low): Parliament releases the President early for
illness at a joint session by at least 3/4 of the total deputies of EACH chamber, on the conclusions of a
commission and of the Constitutional Council (a required opinion that binds nobody in the model)."""

from __future__ import annotations

from reformlab.analysis import evaluate
from reformlab.engine.decisions import games


def _game(target: str, scenario: str):
    decision = evaluate(target, scenario).decisions["early_release_illness"]
    assert decision.status == "known"
    return dict(games(decision))[None]


def test_2004_seats_need_one_deputy_beyond_the_presidents_57():
    # 3/4 of 77 Majilis deputies is 58 and 3/4 of 39 senators is 30: the President's camp holds 57 and all 39.
    game = _game("kz@2004-10-01", "kz-majilis-2004")
    assert not game.is_winning(["president"])  # 57 < 58: the President's camp cannot pass it alone
    assert game.is_winning(["president", "Independent 1"])
    assert game.is_winning(["president", "Ak Zhol Democratic Party"])
    others = [p for p in game.players if p != "president"]
    assert not game.is_winning(others)  # the 20 other deputies hold no senator: the President's camp blocks
    assert len(others) == 20  # together they block it: without them the Majilis gives 57 < 58


def test_rule_is_carried_and_low_until_the_council_ends():
    for target in ("kz@1999-01-10", "kz@2007-05-20", "kz@2007-05-21", "kz@2022-12-31"):
        constitution = evaluate(target, None).constitution
        ref = constitution.ref("procedures.early_release_illness")
        assert ref.confidence == "low" and "36368312" in ref.carried_from, target
        assert ref.article == "47(1)"
    assert evaluate("kz@2023-01-01", None).decisions["early_release_illness"].status == "unknown"
