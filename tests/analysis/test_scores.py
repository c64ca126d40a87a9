"""Presidential-power scores from the encoded rules: each item with its witness; unknown items widen the range."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reformlab.analysis.scores import CCP, ITEMS, SHUGART_CAREY, scores
from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.model import resolve_target


def _values(target: str) -> dict:
    return {s.item: s.value for s in scores(resolve_target(target)).items}


def test_registry_has_the_ten_shugart_carey_items_and_the_seven_ccp_powers():
    assert sum(i.scheme == SHUGART_CAREY for i in ITEMS.values()) == 10
    assert sum(i.scheme == CCP for i in ITEMS.values()) == 7
    assert all(i.rule.__doc__ for i in ITEMS.values()), "every item's rule is documented"


def test_kazakhstan_2007_items_and_witnesses():
    result = scores(resolve_target("kz@2007-05-21"))
    by_item = {s.item: s for s in result.items}
    assert by_item["package_veto"].value == 2 and by_item["package_veto"].article == "54(2)(2)"  # override by 2/3
    assert by_item["cabinet_formation"].value == 3  # the President appoints the PM with the Majilis' consent
    # Art. 63(1) of 2007: no listed grounds (kz_1995_1998.yaml), so dissolution at discretion, also against censure
    assert by_item["censure"].value == 2 and by_item["dissolution"].value == 4
    assert by_item["referenda"].value == 4
    assert result.total(SHUGART_CAREY, "legislative") == (6, 22)
    assert result.total(SHUGART_CAREY, "non-legislative") == (9, 13)
    assert result.total(CCP) == (4, 7)


def test_the_2007_reform_raises_the_kazakh_lower_bounds():
    before, after = (scores(resolve_target(t)) for t in ("kz@2007-05-20", "kz@2007-05-21"))
    assert before.total(SHUGART_CAREY, "legislative") == (4, 24)  # the pre-2007 veto is not known
    assert after.total(SHUGART_CAREY, "legislative")[0] > before.total(SHUGART_CAREY, "legislative")[0]


def test_ukraine_2004_moves_cabinet_formation_from_the_president():
    assert _values("ua@2005-01-01")["cabinet_formation"] == 3  # Art. 114 (1996): with the Rada's consent
    assert _values("ua@2006-06-01")["cabinet_formation"] == 0  # the coalition's candidate
    assert _values("kg@2011-01-01")["cabinet_formation"] == 0  # the parliamentary majority's


def test_unknown_items_count_as_their_whole_range():
    result = scores(resolve_target("kg@2008-01-01"))
    assert all(s.value is None for s in result.items)
    assert result.total(SHUGART_CAREY, "legislative") == (0, 24) and result.total(CCP) == (0, 7)


def test_a_head_that_is_no_body_is_named():
    with pytest.raises(ReformlabError) as error:
        scores(resolve_target("kz@2007-05-21"), head="presdent")
    assert error.value.field == "--head" and "president" in error.value.fix


def test_cli_prints_each_item_with_its_witness():
    result = CliRunner().invoke(app, ["scores", "kz@2007-05-20", "kz@2007-05-21", "ua@2006-06-01"])
    assert result.exit_code == 0, result.output
    assert "Shugart-Carey legislative (0-24): 6-22" in result.output
    assert "54(2)(2)" in result.output
    data = json.loads(CliRunner().invoke(app, ["scores", "kz@2007-05-21", "--format", "json"]).output)
    veto = next(i for i in data[0]["items"] if i["item"] == "package_veto")
    assert (veto["witness"], veto["article"], veto["value"]) == ("procedures.ordinary_law.decision.2", "54(2)(2)", 2)
    assert CliRunner().invoke(app, ["scores", "xx@2007-01-01"]).exit_code == 2


def test_kazakhstan_before_2007_from_the_1998_wording():
    result = scores(resolve_target("kz@2007-05-20"))
    # the PM with Parliament's consent (3), dissolution only on listed grounds (3), censure answered by it (2)
    assert result.total(SHUGART_CAREY, "non-legislative") == (8, 12)
    assert {s.item for s in result.items if s.value is not None} == {
        "referenda", "initiate_amendments", "cabinet_formation", "censure", "dissolution", "dissolve"}
    veto = next(s for s in result.items if s.item == "package_veto")
    assert veto.value is None and "override of the President's objections" in veto.reason  # only its readings
