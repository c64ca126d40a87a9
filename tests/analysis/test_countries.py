"""The built-in countries beyond Kazakhstan 2007: Kazakhstan 2023, Ukraine 2006/2007, Kyrgyzstan 2007/2010."""

from __future__ import annotations

import pytest

from reformlab.analysis import evaluate
from reformlab.commands.listing import catalog


def _seats(evaluation, body: str) -> dict[str, int]:
    return evaluation.filling.bodies[body].by_principal()


def test_kazakhstan_2023_fills_the_majilis_from_the_2023_votes_and_declared_districts():
    evaluation = evaluate("kz@2023-06-01")
    assert evaluation.scenario.id == "kz-majilis-2023"
    majilis = _seats(evaluation, "majilis")
    assert sum(majilis.values()) == 98
    assert majilis["president"] == 40 + 22  # Amanat's 40 list seats and 22 districts, aligned (low confidence)
    senate = _seats(evaluation, "senate")
    assert sum(senate.values()) == 50 and senate == {"president": 50}  # 40 by the maslikhats (assumed) + 10 appointed


def test_kazakhstan_2023_the_president_no_longer_controls_the_majilis_alone():
    """62 of 98 is a majority but short of two thirds (66): constitutional laws need another party."""
    control = evaluate("kz@2023-06-01").control
    assert control.procedures["constitutional_law"].control.role("president") == "veto"


@pytest.mark.parametrize(("target", "body", "seats"), [
    ("ua@2006-06-01", "verkhovna_rada", {"Party of Regions": 186, "Yulia Tymoshenko Bloc": 129, "president": 81,
                                          "Socialist Party of Ukraine": 33, "Communist Party of Ukraine": 21}),
    ("ua@2008-01-01", "verkhovna_rada", {"Party of Regions": 175, "Yulia Tymoshenko Bloc": 156, "president": 72,
                                          "Communist Party of Ukraine": 27, "Lytvyn Bloc": 20}),
    ("kg@2011-01-01", "jogorku_kenesh", {"Ata-Zhurt": 28, "president": 26, "Ar-Namys": 25, "Respublika": 23,
                                          "Ata-Meken": 18}),
    ("kg@2008-06-01", "jogorku_kenesh", {"president": 71, "Social Democratic Party of Kyrgyzstan (SDPK)": 11,
                                          "Party of Communists of Kyrgyzstan": 8}),
])
def test_parliaments_are_filled(target, body, seats):
    assert _seats(evaluate(target), body) == seats


def test_ukraine_2006_the_coalition_not_the_president_names_the_prime_minister():
    control = evaluate("ua@2006-06-01").control
    assert control.procedures["appoint:prime_minister.prime_minister"].control.role("president") == "none"


def test_list_shows_every_country():
    entries = catalog()
    ids = {entry.id for entry in entries}
    assert {"kz", "ua", "kg", "kz-majilis-2023", "ua-rada-2007", "kg-jk-2010", "UA-VR-2006", "KG-JK-2010"} <= ids
    versions = {e.id: [day for day, _ in e.versions] for e in entries if e.kind == "constitution"}
    assert versions["ua"] == ["1996-06-28", "2006-01-01"] and versions["kg"] == ["2007-10-23", "2010-06-27"]


def test_a_camp_that_is_no_actor_is_named():
    from reformlab.analysis.compare import compare
    from reformlab.errors import ReformlabError

    with pytest.raises(ReformlabError) as error:
        compare("ua@2006-06-01", "ua@2008-01-01", camp="Regions")
    assert error.value.field == "--camp" and "Party of Regions" in error.value.fix


def test_cross_country_compare_without_a_role_mapping_is_refused():
    from reformlab.analysis.compare import compare
    from reformlab.analysis.crosscompare import cross_compare
    from reformlab.errors import ReformlabError

    with pytest.raises(ReformlabError, match="different constitutions"):
        compare("kz@2007-05-20", "ua@2006-06-01")
    with pytest.raises(ReformlabError, match="no role mapping for constitution 'tiny'") as error:
        cross_compare("kz@2007-09-01", "tests/model/fixtures/good/minimal.yaml@2012-01-01")
    assert error.value.field == "--roles"


def test_kazakhstan_2007_and_ukraine_2006_side_by_side_by_role():
    from reformlab.analysis.crosscompare import cross_compare

    crossed = cross_compare("kz@2007-09-01", "ua@2006-06-01")
    bodies = crossed.bodies()
    assert bodies["lower_chamber"]["before"]["camp_seats"] == 107  # Nur Otan's 98 and the APK's 9
    assert (bodies["lower_chamber"]["after"]["camp_seats"], bodies["lower_chamber"]["after"]["seats"]) == (81, 450)
    assert bodies["upper_chamber"]["after"] is None  # the Rada is unicameral
    control = crossed.control()
    assert control["appoint government"] == {"before": "passes alone", "after": "none"}
    assert control["dissolution"] == {"before": "passes alone", "after": "passes alone"}
    assert crossed.to_dict()["kind"] == "across constitutions"


def test_a_user_role_mapping_is_checked(tmp_path):
    from reformlab.analysis.crosscompare import cross_compare
    from reformlab.errors import ReformlabError

    bad = tmp_path / "roles.yaml"
    bad.write_text("tiny: {lower_house: assembly}\n", encoding="utf-8")
    with pytest.raises(ReformlabError, match="unknown role 'lower_house'") as error:
        cross_compare("kz@2007-09-01", "tests/model/fixtures/good/minimal.yaml@2012-01-01", roles_file=bad)
    assert error.value.file == str(bad) and "lower_chamber" in error.value.fix


def test_compare_follows_another_camp():
    from reformlab.analysis.compare import compare

    comparison = compare("ua@2006-06-01", "ua@2008-01-01", camp="Party of Regions")
    assert next(iter(comparison.control()["constitutional_amendment"])) == "Party of Regions"
    assert comparison.to_dict()["camp"] == "Party of Regions"


def test_cli_camp_errors_exit_2():
    from typer.testing import CliRunner

    from reformlab.cli import app

    result = CliRunner().invoke(app, ["control", "kg@2011-01-01", "--camp", "Ata Zhurt"])
    assert result.exit_code == 2
    assert "Ata-Zhurt" in result.output


def test_ukraine_the_power_ministers_move_from_the_president_to_the_rada():
    from reformlab.analysis.compare import compare

    roles = compare("ua@2005-06-01", "ua@2006-06-01").control()["appoint:power_ministers.ministers"]["president"]
    assert roles == {"before": "passes alone", "after": "veto"}


def test_kyrgyzstan_2010_the_majority_not_the_president_chooses_the_prime_minister():
    control = evaluate("kg@2011-01-01").control
    assert control.procedures["appoint:prime_minister.prime_minister"].control.role("president") == "none"


def test_a_user_role_mapping_lines_up_a_users_constitution(tmp_path):
    from reformlab.analysis.crosscompare import cross_compare

    roles = tmp_path / "roles.yaml"
    roles.write_text("tiny: {head_of_state: president, lower_chamber: assembly}\n", encoding="utf-8")
    crossed = cross_compare("ua@2006-06-01", "tests/model/fixtures/good/minimal.yaml@2012-01-01", roles_file=roles)
    assert crossed.bodies()["lower_chamber"]["after"]["body"] == "assembly"
    assert crossed.control()["appoint government"]["after"] == "absent"


def test_kazakhstan_2022_on_its_rules_alone_with_the_2023_votes():
    """The thesis in reverse: the same 2023 votes under the 2017 rules (98 list seats at 7% of ballots cast,
    9 APK seats) give the President's camp 74 of 107, above two thirds (72); under the 2022 rules 62 of 98,
    below it (66). Constitutional laws move from 'passes alone' to 'veto' on the rules alone."""
    from reformlab.analysis.compare import compare

    before, after = (evaluate(t, election="KZ-MAJ-2023") for t in ("kz@2022-06-04", "kz@2023-06-01"))
    assert _seats(before, "majilis")["president"] == 74 and sum(_seats(before, "majilis").values()) == 107
    assert _seats(after, "majilis")["president"] == 62
    control = compare(before, after).control()
    assert control["constitutional_law"]["president"] == {"before": "passes alone", "after": "veto"}
    assert control["ordinary_law"]["president"] == {"before": "passes alone", "after": "passes alone"}


def test_kazakhstan_2021_parliament_under_the_2017_rules():
    evaluation = evaluate("kz@2022-06-04")
    assert evaluation.scenario.id == "kz-majilis-2022"
    assert _seats(evaluation, "majilis")["president"] == 76 + 9  # Nur Otan's list seats and the APK's
