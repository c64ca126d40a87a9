"""Every figure the report states in more than one place is the same figure, from one computation: the
summary, the key-figure table, the section counts (decisions told and not told, changes by kind, claims by
verdict, seats, unknowns) and the claim about "all decisions"."""

from __future__ import annotations

import re

import pytest

import reformlab.report.figures as figures
from reformlab.analysis.claims import check_claims
from reformlab.analysis.compare import compare
from reformlab.analysis.control import DecisionTally
from reformlab.report import render_markdown
from reformlab.report.build import build_report

PAIR = ("kz@2007-05-20", "kz@2007-05-21")


@pytest.fixture(scope="module")
def comparison():
    return compare(*PAIR)


@pytest.fixture(scope="module")
def report(comparison):
    return build_report(comparison, check_claims(before=PAIR[0], after=PAIR[1]))


@pytest.fixture(scope="module")
def text(report):
    return render_markdown(report)


def _section(text: str, number: int) -> str:
    start = re.search(rf"^## {number}\. .*$", text, flags=re.M).end()
    following = re.search(r"^## \d+\. ", text[start:], flags=re.M)
    return text[start:start + following.start()] if following else text[start:]


def _card(text: str, label: str) -> tuple[str, str]:
    row = re.search(rf"^\| {re.escape(label)} \| ([^|]+) \| ([^|]+) \|", text, flags=re.M)
    assert row, label
    return row.group(1).strip(), row.group(2).strip()


def test_decisions_passed_alone_told_and_not_told_agree(comparison, report, text):
    stated = re.search(r"President can pass (\d+) of the (\d+) decisions computed after the reform alone, against "
                       r"(\d+) of (\d+) before \((\d+) cannot be told after: [^;]+;[^;]+; (\d+) cannot be told before",
                       text)
    assert stated, _section(text, 1)
    alone_after, told_after, alone_before, told_before, untold_after, untold_before = map(int, stated.groups())
    assert _card(text, "Decisions the President passes alone") == (str(alone_before), str(alone_after))
    assert _card(text, "Decisions that can be told") == (str(told_before), str(told_after))
    assert _card(text, "Decisions that cannot be told (rules unknown)") == (str(untold_before), str(untold_after))
    for side, alone, told, untold in (("before", alone_before, told_before, untold_before),
                                      ("after", alone_after, told_after, untold_after)):
        tally = getattr(comparison, side).control.tally("president")  # what `reformlab control` shows
        assert (len(tally.alone), tally.told, len(tally.untold)) == (alone, told, untold)
    # the claim about "all decisions" counts the same decisions
    assert f"{alone_before} of {told_before} computed, {untold_before} cannot tell" in text
    total_after = told_after + untold_after
    assert f"{alone_after} of {total_after} decisions computed, all passed alone; {untold_after} cannot tell" in text
    # measured on the 2004 and 2007 seats (README): 11 of 13 before, 12 of 12 after, 2 not told on each side (the
    # early release for illness, Art. 47(1): blocked but not passed alone before, passed alone after)
    assert (alone_before, told_before, untold_before, alone_after, told_after, untold_after) == (11, 13, 2, 12, 12, 2)


def test_the_summary_and_the_cards_read_one_count(comparison, monkeypatch):
    """A different tally changes the summary and the key figures together: neither counts on its own."""
    monkeypatch.setattr(figures, "decision_tally", lambda procedures, actor: DecisionTally(
        (("ordinary_law", "passes alone"), ("no_confidence", "veto")), ("impeachment",)))
    report = build_report(comparison)
    text = render_markdown(report)
    assert "President can pass 1 of the 2 decisions computed after the reform alone, against 1 of 2 before" in text
    assert _card(text, "Decisions the President passes alone") == ("1", "1")
    assert _card(text, "Decisions that can be told") == ("2", "2")
    assert _card(text, "Decisions that cannot be told (rules unknown)") == ("1", "1")


def test_changes_by_kind_agree(report, text):
    counts = report.change_counts()
    changes = _section(text, 5)
    rows = re.findall(r"^\| [^|]+ \| (amendment|newly known|carried|unknown after) \|", changes, flags=re.M)
    assert counts == {kind.replace(" ", "_"): rows.count(kind) for kind in set(rows)}
    summary = re.search(r"What changed \(section 5\): (.*)\.$", _section(text, 1), flags=re.M).group(1)
    assert summary in changes  # the section states the same counts in the same words
    stated = dict((kind, int(n)) for n, kind in re.findall(
        r"(\d+) rules? (amended|whose earlier wording is not known|read on one side|not known after)", summary))
    assert stated == {words: counts[kind] for kind, words in (
        ("amendment", "amended"), ("newly_known", "whose earlier wording is not known"),
        ("carried", "read on one side"), ("unknown_after", "not known after")) if counts.get(kind)}


def test_claims_by_verdict_agree(report, text):
    summary = re.search(r"Of the study's (\d+) claims checked: (.*)\.$", _section(text, 1), flags=re.M)
    assert summary
    claims = _section(text, 6)
    assert f"{summary.group(1)} claims checked: {summary.group(2)}." in claims
    verdicts = re.findall(r"^\d+\. \*\*([^*]+)\.\*\*", claims, flags=re.M)
    assert len(verdicts) == int(summary.group(1)) == len(report.claims)
    for number, words in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", summary.group(2)):
        assert verdicts.count(words.capitalize()) == int(number), words


def test_seats_agree(text):
    chambers = _section(text, 2)
    for name, card in (("Majilis", "Majilis seats"), ("Senate", "Senate seats")):
        stated = re.search(rf"The {name} \([^)]*\) grows from (\d+) to (\d+) seats", _section(text, 1))
        assert stated, name
        before, after = stated.groups()
        assert _card(text, card) == (f"{before} seats", f"{after} seats")
        block = chambers[chambers.index(f"### {name}"):]
        total = re.search(r"^\| \*\*Total\*\* \| \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|", block, flags=re.M)
        assert total.groups() == (before, after)


def test_unknowns_agree(report, text):
    stated = re.search(r"(\d+) inputs are unknown and replaced by stated assumptions", text)
    assert stated and int(stated.group(1)) == len(report.unknowns)
    table = text[text.index("**Unknowns and assumptions**"):].split("\n\n")[1]  # the table, to its blank line
    rows = table.splitlines()[2:]  # below the header and its rule
    assert len(rows) == len(report.unknowns) and all(row.startswith("| ") for row in rows)


def test_a_high_fact_is_shown_with_its_strongest_source(report):
    """The provenance shows one source per fact: for a fact rated high, never a Wikipedia page or mirror
    (the primary text or the independent source that makes it high comes first)."""
    from reformlab.model.confidence import is_mirror

    high = [fact for fact in report.facts if fact.confidence == "high"]
    assert high and not [f.statement for f in high if is_mirror(f"{f.source.citation} {f.source.url}")]
