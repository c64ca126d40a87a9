"""Property tests: the loader never crashes on malformed input; it raises ReformlabError or loads."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reformlab.errors import ReformlabError
from reformlab.model import load_constitution
from reformlab.model.reform import reform_from_data
from reformlab.model.values import parse_share
from reformlab.yamlio import load_yaml

GOOD = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text(encoding="utf-8")
YAML_BITS = [":", "-", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "!!python/object:os.system", "!!", "'",
             '"', "#", "|", ">", "?", ",", "%", "@", "`", "\t", "\x00", "unknown", "values:", "2007-05-21",
             "1/2", "120%", "kind: approve", "filled_by: popular", "<<: *a"]


def _loads_or_reports(text: str) -> None:
    try:
        load_constitution("random.yaml", text=text)
    except ReformlabError as exc:
        assert exc.message()


@settings(max_examples=150)
@given(st.text(max_size=200))
def test_random_text_never_crashes(text):
    _loads_or_reports(text)


@settings(max_examples=150)
@given(st.lists(st.sampled_from(YAML_BITS), max_size=40).map("".join))
def test_random_yaml_fragments_never_crash(text):
    _loads_or_reports(text)


@settings(max_examples=150)
@given(st.integers(0, len(GOOD) - 1), st.integers(0, 30), st.sampled_from(YAML_BITS + ["", "x", "0", "null"]))
def test_mutated_good_file_never_crashes(start, length, insert):
    _loads_or_reports(GOOD[:start] + insert + GOOD[start + length:])


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.sampled_from(["unknown", "1/2", "hare", "president", "7%"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["values", "kind", "body", "seats", "size", "label", "op", "path", "value",
                                       "majority", "seat_groups", "filled_by", "2007-05-21"]), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150)
@given(st.dictionaries(st.sampled_from(["actors", "bodies", "procedures", "party_rules", "unamendable"]), JSONISH))
def test_random_structures_in_a_valid_header_never_crash(content):
    data = yaml.safe_load(GOOD)
    data.update(content)
    _loads_or_reports(yaml.safe_dump(data, sort_keys=False))


@settings(max_examples=100)
@given(JSONISH)
def test_random_reform_data_never_crashes(data):
    try:
        reform_from_data({"reform": "r", "base": "kz", "changes": data}, {}, "r.yaml")
    except ReformlabError:
        pass


@given(st.fractions(min_value=0, max_value=1))
def test_shares_round_trip_exactly(share):
    assert parse_share(str(share)) == share


def test_alias_bomb_is_refused():
    bomb = "a: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    )
    try:
        load_yaml(bomb, "bomb.yaml")
    except ReformlabError as exc:
        assert "too many" in exc.message()
    else:  # pragma: no cover
        raise AssertionError("an alias bomb must be refused")
