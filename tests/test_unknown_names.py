"""One "unknown name" helper: every "unknown X, did you mean ..." is worded by ``reformlab.errors.unknown_name``.

The source tree is read as text: no module but ``errors.py`` spells out "did you mean", computes close
matches (``difflib``), calls the hint builders ``did_you_mean`` / ``nearest`` itself, or raises a hand-written
``unknown ...`` error. A new site that does is named here with its line, and the fix is to call the helper.
"""

import re
from pathlib import Path

import pytest

from reformlab.errors import ReformlabError, unknown_name

SRC = Path(__file__).resolve().parents[1] / "src" / "reformlab"
HELPER = SRC / "errors.py"

#: What only the helper may write: the hint's wording, the close-match search, and raising "unknown X" by hand.
FORBIDDEN = {
    "spells out 'did you mean'": re.compile(r"did you mean", re.IGNORECASE),
    "searches close matches itself": re.compile(r"\bdifflib\b|get_close_matches"),
    "builds the hint itself": re.compile(r"\b(did_you_mean|nearest)\s*\("),
    "raises a hand-written 'unknown ...' error": re.compile(
        r"\b(ReformlabError|ValueError)\(\s*f?[\"']unknown \w"),
}


def hand_written(text: str) -> list[tuple[int, str]]:
    """``(line, what)`` for each place in ``text`` that words an unknown-name error without the helper."""
    found = []
    for what, pattern in FORBIDDEN.items():
        for match in pattern.finditer(text):
            found.append((text.count("\n", 0, match.start()) + 1, what))
    return sorted(found)


def test_no_module_but_the_helper_words_an_unknown_name():
    modules = sorted(p for p in SRC.rglob("*.py") if p != HELPER)
    assert len(modules) > 100  # the whole package is read, not an empty folder
    found = [f"{path.relative_to(SRC)}:{line}: {what}" for path in modules
             for line, what in hand_written(path.read_text(encoding="utf-8"))]
    assert not found, "use reformlab.errors.unknown_name instead:\n" + "\n".join(found)


@pytest.mark.parametrize("snippet, what", [
    ('raise ReformlabError(f"unknown method {name!r}", fix=did_you_mean(name, METHODS))',
     "raises a hand-written 'unknown ...' error"),
    ('raise ReformlabError(\n    f"unknown body {b!r}", field="body")', "raises a hand-written 'unknown ...' error"),
    ('fix = "did you mean " + best', "spells out 'did you mean'"),
    ("import difflib", "searches close matches itself"),
    ("hint = nearest(name, choices)", "builds the hint itself"),
])
def test_the_check_catches_each_way_of_writing_one_by_hand(snippet, what):
    assert what in [found for _, found in hand_written(snippet)]


def test_the_helper_is_what_the_check_asks_for():
    assert hand_written('raise unknown_name("method", name, METHODS, field="method")') == []
    error = unknown_name("source", "ipu207", ["ipu2007", "odihr"], file="kz.yaml", line=3, field="source",
                         fix="add it to the 'sources' table")
    assert isinstance(error, ReformlabError)
    assert error.message() == ("kz.yaml, line 3, field 'source': unknown source 'ipu207'. "
                               "Fix: add it to the 'sources' table or did you mean 'ipu2007'?")
    worded = unknown_name("scenario", "kz-2099", ["kz-2007"], problem="no built-in scenario 'kz-2099'")
    assert worded.problem == "no built-in scenario 'kz-2099'" and worded.fix == "did you mean 'kz-2007'?"
    assert unknown_name("formula", "x", (), fix="use plurality").fix == "use plurality"
