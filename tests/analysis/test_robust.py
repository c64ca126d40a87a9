"""Assumptions as a space: --align on every command, --robust verdicts and their flipping sets (issue 10, item 3)."""

import json

import pytest
from typer.testing import CliRunner

from reformlab.analysis import evaluate
from reformlab.analysis.claims import check_claims
from reformlab.analysis.robust import robust_claims, side, space_of
from reformlab.cli import app
from reformlab.errors import ReformlabError

BEFORE, AFTER = "kz@2007-05-20", "kz@2007-05-21"
runner = CliRunner()


PROGRESS: list[tuple[int, int]] = []  # what the command's progress bar is told, read once by the fixture


@pytest.fixture(scope="module")
def claims():
    return {r.id: r for r in robust_claims(progress=lambda done, total: PROGRESS.append((done, total)))}


def test_the_readings_are_counted_for_the_progress_bar(claims):
    """``claims --robust`` shows a bar of the readings: told each one as it is read, up to all 1,024."""
    assert PROGRESS[-1] == (1024, 1024) and len(PROGRESS) == 1024
    assert [done for done, _ in PROGRESS] == list(range(1, 1025))


def test_the_space_names_every_assumption_with_grounds():
    space = {c.name: c for c in space_of([side(BEFORE), side(AFTER)])}
    assert set(space) == {
        "Otan answers to", "Asar answers to", "AIST bloc (Agrarian + Civic parties) answers to",
        "Democratic Party Adilet answers to", "Ak Zhol Democratic Party answers to", "maslikhats controlled by",
        "Nur Otan answers to", "independents in majilis answer to", "apk controlled by",
        "defection in majilis (one deputy of the camp's largest party)",
    }
    otan = space["Otan answers to"].options
    assert otan[0].principal == "president" and "Isaacs" in otan[0].grounds and otan[0].confidence == "low"  # the study under test alone (the scale)
    assert otan[1].grounds.startswith("no source")
    independents = space["independents in majilis answer to"]
    assert len(independents.tokens) == 18 and independents.options[0].confidence == "unknown"
    assert "no source says whom they answered to" in independents.options[0].grounds
    assert independents.options[1].principal == "president" and independents.options[1].grounds.startswith("no source")
    apk = space["apk controlled by"].options
    assert apk[0].principal == "president" and "Isaacs" in apk[0].grounds and apk[0].confidence == "low"
    assert apk[1].principal == "apk" and apk[1].grounds.startswith("no source")
    defection = space["defection in majilis (one deputy of the camp's largest party)"].options
    assert "free" in defection[0].grounds and "imperative mandate" in defection[0].grounds  # before | after
    assert defection[1].grounds == "no source"


def test_the_robust_output_shows_the_space():
    result = runner.invoke(app, ["claims", "--robust"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for words in ("independents in majilis answer to", "apk controlled by", "defection in majilis",
                  "each their own principal (18 seats)", "breaks ranks"):
        assert words in text, words


def test_the_default_reading_is_the_plain_check(claims):
    plain = {r.id: r.verdict for r in check_claims()}
    assert {k: r.default for k, r in claims.items()} == plain


def test_the_amendment_consolidation_flipping_sets_by_hand_count(claims):
    """The claim: before 2007 the president can block an amendment but not pass it alone; after, he passes it alone.

    After: the Majilis needs 3/4 of 107 (81) and the Senate 3/4 of 47 (36): Nur Otan's 98 seats and the
    maslikhats' 32 senators must both answer to the president (the APK's 9 and the defection do not matter).
    Before, with the maslikhats with the president (the Senate's 39 are then his), he blocks whenever he
    cannot pass alone, i.e. whenever his camp holds at most 57 of the 77 Majilis seats (58 = 3/4). The camp's
    seats: Otan 42 (41 if its district deputy breaks ranks) + any of Asar 4, AIST 11, Adilet 1, Ak Zhol 1,
    the 18 independents. With Otan away the camp holds at most 35. With Otan, >= 58 needs the others to add
    >= 16 (no defection) or >= 17 (defection): of the 32 subsets of {4, 11, 1, 1, 18}, 19 reach 16 (the 16
    with 18, and 11+4+1, 11+4+1, 11+4+1+1) and 17 reach 17. So 128 - 36 = 92 of the 2^7 before-side
    readings block, times 2 for the APK: 184 of 1024. One change flips it: Adilet's or Ak Zhol's seat or the
    18 independents joining the camp (57 + 1 = 58), or Nur Otan or the maslikhats leaving it."""
    found = claims["consolidation_constitutional_amendment"]
    assert set(found.smallest) == {
        ("Democratic Party Adilet answers to",), ("Ak Zhol Democratic Party answers to",),
        ("independents in majilis answer to",), ("Nur Otan answers to",), ("maslikhats controlled by",),
    }
    assert found.flipped_to == "fails" and len(found.flips) == 1
    assert sum(found.seats[found.flips[0][0]].values()) == 1
    assert (found.holds, found.total, found.exact) == (184, 1024, True)


def test_the_apk_claim_rests_on_the_apk_controller(claims):
    found = claims["apk_seats_answer_to_president"]
    assert found.smallest == (("apk controlled by",),) and found.seats["apk controlled by"] == {"kz@2007-05-21: majilis": 9}
    assert (found.holds, found.total) == (512, 1024)


def test_align_reaches_the_independents_and_the_apk():
    before = evaluate(BEFORE, alignments={"independents in majilis": "president"})
    assert before.filling.bodies["majilis"].by_principal()["president"] == 57 + 18
    assert before.control.procedures["constitutional_amendment"].role("president") == "passes alone"
    after = evaluate(AFTER, alignments={"apk": "apk"})
    assert after.filling.bodies["majilis"].by_principal() == {"president": 98, "apk": 9}
    result = runner.invoke(app, ["claims", "--align", "apk=apk", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert {c["id"]: c["verdict"] for c in json.loads(result.output)}["apk_seats_answer_to_president"] == "fails"
    result = runner.invoke(app, ["grid", BEFORE, AFTER, "-e", "kz-majilis-2004", "--align",
                                 "independents in majilis=president", "-f", "json"])
    assert result.exit_code == 0, result.output
    cells = {c["version"]: c for c in json.loads(result.output)["cells"]}
    assert cells[BEFORE]["decisions"]["constitutional_amendment"]["president"]["control"] == "2"
    result = runner.invoke(app, ["compare", BEFORE, AFTER, "--align", "Nur Otan=Nur Otan", "-f", "json"])
    assert result.exit_code == 0, result.output  # a party of one side only
    assert json.loads(result.output)["control"]["constitutional_amendment"]["president"]["after"] == "veto"


@pytest.mark.parametrize("target, picks", [
    (BEFORE, {"independents in majilis": "president", "Otan": "Otan"}),
    (BEFORE, {"independents in majilis": "president", "maslikhats": "maslikhats", "Asar": "Asar"}),
    (AFTER, {"apk": "apk"}),
    (AFTER, {"apk": "apk", "Nur Otan": "Nur Otan", "maslikhats": "maslikhats"}),
])
def test_remapped_independents_and_apk_match_a_fresh_fill(target, picks):
    from reformlab.analysis.assumptions import OWN

    s = side(target)
    fresh = evaluate(target, alignments=picks)
    remapped = s.under(picks)
    for key, proc in fresh.control.procedures.items():
        assert remapped.control.procedures[key].role("president") == proc.role("president"), key
        assert s.camp_roles(picks, "president")[key] == (proc.role("president") or "cannot tell"), key
    assert fresh.filling.bodies["majilis"].by_principal().get("president", 0) == sum(
        b.seats for b in remapped.filling.bodies["majilis"].blocks if b.principal == "president")
    assert OWN not in {b.principal for b in remapped.filling.bodies["majilis"].blocks}


def test_a_defection_moves_one_seat_of_the_largest_camp_party():
    s = side(BEFORE)
    defected = s.under({"defection in majilis": "(its own principal)"})
    seats = defected.filling.bodies["majilis"].by_principal()
    assert seats["president"] == 56 and seats["one Otan deputy of majilis.districts"] == 1


def test_remapped_trees_match_a_fresh_fill():
    s = side(BEFORE)
    picks = {"Democratic Party Adilet": "president", "Asar": "Asar", "maslikhats": "maslikhats"}
    fresh = evaluate(BEFORE, alignments={"Democratic Party Adilet": "president", "Asar": "Asar",
                                         "maslikhats": "maslikhats"})
    remapped = s.under(picks)
    for key, proc in fresh.control.procedures.items():
        assert remapped.control.procedures[key].role("president") == proc.role("president"), key


def test_align_errors_are_one_clear_message():
    with pytest.raises(ReformlabError, match="unknown party 'Adilet'"):
        evaluate(BEFORE, alignments={"Adilet": "president"})
    with pytest.raises(ReformlabError, match="unknown principal 'nobody-at-all'"):
        evaluate(BEFORE, alignments={"Asar": "nobody-at-all"})
    result = runner.invoke(app, ["claims", "--align", "Nobody Party=president"])
    assert result.exit_code == 2 and "unknown party 'Nobody Party'" in result.output
    result = runner.invoke(app, ["claims", "--align", "Asar=Nobody Principal"])
    assert result.exit_code == 2 and "unknown principal 'Nobody Principal'" in result.output
    result = runner.invoke(app, ["control", BEFORE, "--align", "defection in majilis=president"])
    assert result.exit_code == 2 and "vary defections with --robust" in result.output
    for command in (["control", BEFORE], ["compare", BEFORE, AFTER], ["grid", BEFORE, "-e", "kz-majilis-2004"],
                    ["risk", BEFORE, AFTER, "-n", "10"], ["report", "-o", "-"], ["power", BEFORE]):
        result = runner.invoke(app, command + ["--align", "Nobody Party=president"])
        assert result.exit_code == 2 and "unknown party 'Nobody Party'" in result.output, command
        assert result.output.count("error") == 1 and "Traceback" not in result.output


def test_claims_align_and_robust_cli():
    result = runner.invoke(app, ["claims", "--align", "Democratic Party Adilet=president", "-f", "json"])
    assert result.exit_code == 0, result.output
    verdicts = {c["id"]: c["verdict"] for c in json.loads(result.output)}
    assert verdicts["consolidation_constitutional_amendment"] == "fails"
    result = runner.invoke(app, ["claims", "--robust", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    found = {c["id"]: c for c in data["verdicts"]}
    assert found["consolidation_overall"]["holds"] == 256 and data["combinations"] == 1024
    assert any(a["kind"] == "independents" for a in data["assumptions"])
    result = runner.invoke(app, ["control", AFTER, "--robust", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert any(r["id"].endswith("constitutional_amendment") for r in json.loads(result.output)["verdicts"])


def test_the_fast_camp_roles_match_remapped_trees_on_every_combination():
    from reformlab.analysis.robust import combinations

    for target in (BEFORE, AFTER):
        s = side(target)
        exact, combos = combinations(s.space)
        assert exact
        for combo in combos:
            picks = {c.subject: c.options[i].principal for c, i in zip(s.space, combo) if i}
            slow = {k: p.role("president") or "cannot tell" for k, p in s.under(picks).control.procedures.items()}
            assert s.camp_roles(picks, "president") == slow, (target, picks)


def test_an_election_that_cannot_fill_a_version_is_one_message_on_every_command(tmp_path):
    words = "cannot fill majilis.districts of kz@2023-06-01: its electoral system or size is not known"
    for command in (["control", "kz@2023-06-01"], ["compare", AFTER, "kz@2023-06-01"], ["control", "kz@2023-06-01", "--robust"],
                    ["grid", AFTER, "kz@2023-06-01"], ["risk", AFTER, "kz@2023-06-01", "-n", "10"],
                    ["report", AFTER, "kz@2023-06-01", "-o", str(tmp_path / "r.html")]):
        result = runner.invoke(app, command + ["--election", "kz-majilis-2004"], env={"COLUMNS": "300"})
        assert result.exit_code == 2 and words in " ".join(result.output.split()), (command, result.output)
        assert result.output.count("error") == 1 and not (tmp_path / "r.html").exists()


def test_a_named_choice_about_no_assumption_is_refused(tmp_path):
    file = tmp_path / "s.yaml"
    file.write_text(
        "schema_version: 1\nconstitution: kz\nscenarios:\n  s:\n    label: x\n    fits: {from: 2007-05-21}\n"
        "    date: 2007-08-18\n    seats:\n      majilis.list: {election: KZ-MAJ-2007}\n"
        "    controllers:\n      maslikhats: {principal: president}\n    alignments:\n      Nur Otan: {principal: president}\n"
        "    choices:\n      c: {about: Nur Otn, choice: x, reason: y, confidence: low}\n")
    result = runner.invoke(app, ["control", AFTER, "-s", f"{file}#s", "--robust"])
    assert result.exit_code == 2 and "unknown assumption 'Nur Otn'" in result.output and "did you mean 'Nur Otan'" in result.output
    assert "scenarios.s.choices.c.about" in result.output


def test_robust_with_align_holds_that_assumption_and_varies_the_rest():
    """With the 18 independents held with the president the camp holds 75 of the 77 Majilis seats before 2007
    (57 + 18 >= 58): the president passes an amendment alone, so "before: veto" fails, unless Otan is its own
    principal (75 - 42 = 33 seats) while Nur Otan and the maslikhats stay with him (the after side). The
    other six choices (Asar, AIST, Adilet, Ak Zhol, the defection, the APK) are free: 2^6 = 64 of 512."""
    result = runner.invoke(app, ["claims", "--robust", "--align", "independents in majilis=president", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    found = {v["id"]: v for v in data["verdicts"]}["consolidation_constitutional_amendment"]
    assert data["combinations"] == 512 and "independents in majilis answer to" not in {a["assumption"] for a in data["assumptions"]}
    assert (found["default"], found["holds"], found["total"]) == ("fails", 448, 512)
    assert found["smallest_flipping_sets"] == [["Otan answers to"]]
    result = runner.invoke(app, ["control", BEFORE, "--robust", "--align", "Nobody=president"])
    assert result.exit_code == 2 and "unknown party 'Nobody'" in result.output


def test_a_party_the_two_sides_read_differently_is_one_choice_per_side():
    """The SDPK is its own principal in the Kyrgyz 2007 scenario and aligned with the president in 2010: each
    side keeps its own reading first (one shared choice would never read the 2010 SDPK as its own)."""
    from reformlab.analysis.robust import held_fixed

    sides = [side("kg@2008-01-01"), side("kg@2011-01-01")]
    space = {c.subject: c for c in space_of(sides)}
    sdpk = "Social Democratic Party of Kyrgyzstan (SDPK)"
    before, after = space[f"{sdpk} (kg@2008-01-01)"], space[f"{sdpk} (kg@2011-01-01)"]
    assert [o.principal for o in before.options] == [sdpk, "president"]
    assert [o.principal for o in after.options] == ["president", sdpk]
    rest, picks = held_fixed(tuple(space.values()), {sdpk: sdpk}, sides)
    assert picks == {f"{sdpk} (kg@2008-01-01)": sdpk, f"{sdpk} (kg@2011-01-01)": sdpk} and len(rest) == len(space) - 2
