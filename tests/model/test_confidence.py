"""Every confidence in the built-in data is one its sources bear on the fact base's scale: *high* needs a
primary text or two independent sources (a Wikipedia page and its mirrors are one source); the study under
test alone supports at most *low*; a Wikipedia page or mirror is never a primary text."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from reformlab.model import load_builtin
from reformlab.model.confidence import constitution_problems, independent, is_mirror, rating_problem, sources_in
from reformlab.yamlio import read_yaml

DATA = Path(str(resources.files("reformlab.data")))
COUNTRIES = ("kz", "kg", "ua")


def _kinds() -> dict[str, tuple[str, str | None]]:
    """Every source key of the built-in constitutions -> (its text, its kind)."""
    found = {}
    for country in COUNTRIES:
        doc = load_builtin(country)
        for key, entry in doc.as_of(doc.versions[-1]).sources.items():
            found.setdefault(key, (entry.text, entry.kind))
    return found


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_constitution_rating_rests_on_what_the_scale_asks(country):
    doc = load_builtin(country)
    problems = {(path, problem) for version in doc.versions
                for path, problem in constitution_problems(doc.as_of(version))}
    assert not problems, sorted(problems)


def _rated(node, here=""):
    """``(path, confidence, source keys)`` for every mapping of a YAML tree that rates a sourced value."""
    if isinstance(node, dict):
        if "confidence" in node and ("source" in node or "sources" in node):
            keys = node.get("source", node.get("sources"))
            yield here, node["confidence"], [keys] if isinstance(keys, str) else list(keys or ())
        for key, value in node.items():
            yield from _rated(value, f"{here}.{key}" if here else str(key))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _rated(value, f"{here}.{number}")


YAML_FILES = sorted(p for folder in ("process", "reforms", "scenarios", "elections", "claims")
                    for p in (DATA / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_rating_in_the_other_data_files_too(path):
    tree, _ = read_yaml(path)
    kinds = _kinds()
    own = tree.get("sources", {}) if isinstance(tree, dict) else {}
    problems = []
    for where, confidence, keys in _rated(tree):
        sources = []
        for key in keys:
            if key in kinds:
                sources.append(kinds[key] if key not in own else (str(own[key]), kinds[key][1]))
            else:  # a key of the file's own table, or a citation written out
                sources.extend((text, None) for text in sources_in(str(own.get(key, key))))
        problem = rating_problem(confidence, sources)
        if problem:
            problems.append((where, problem))
    assert not problems, problems


@pytest.mark.parametrize("path", sorted((DATA / "elections").glob("*.csv")), ids=lambda p: p.name)
def test_every_election_row_rating(path):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    problems = [(number, row["election_id"], row["party"], problem) for number, row in enumerate(rows, start=2)
                if (problem := rating_problem(row["confidence"], [(t, None) for t in sources_in(row["source"])]))]
    assert not problems, problems


def test_the_rule():
    wiki = ("https://en.wikipedia.org/wiki/1999_Kazakhstani_presidential_election", None)
    mirror = ("https://de.zxc.wiki/wiki/Parlamentswahl_in_Kasachstan_1999", None)
    news = ("https://www.rferl.org/a/1089678.html", None)
    assert "Wikipedia page or mirror" in rating_problem("high", [wiki])
    assert "Wikipedia page or mirror" in rating_problem("high", [wiki, mirror])  # copies of one another: one source
    assert rating_problem("medium", [wiki]) is None
    assert rating_problem("high", [wiki, news]) is None  # two independent sources that agree
    assert "secondary source" in rating_problem("high", [news])
    assert rating_problem("high", [("Constitution (1995), Art. 63", "primary")]) is None
    assert "never a primary text" in rating_problem("high", [(mirror[0], "primary")])
    assert "study under test alone" in rating_problem("medium", [("Isaacs 2008", "study")])
    assert rating_problem("low", [("Isaacs 2008", "study")]) is None
    assert independent(["https://a.org/1", "https://a.org/2", wiki[0], mirror[0]]) == 2
    assert is_mirror("Wikipedia '2007 amendment to the Constitution of Kazakhstan'")


def test_the_built_in_primary_texts_are_no_mirrors():
    primaries = {key: text for key, (text, kind) in _kinds().items() if kind == "primary"}
    assert len(primaries) >= 30 and not [key for key, text in primaries.items() if is_mirror(text)]
