"""Reforms are pure patches: the base never changes, and every bad change is reported at its line."""

from __future__ import annotations

import copy
import pickle

import pytest

from reformlab.errors import ReformlabError
from reformlab.model import load_builtin
from reformlab.model.diff import diff
from reformlab.model.reform import apply, load_reform

REFORM = """\
reform: bigger_majilis
base: kz
date: 2007-06-01
label: A larger Majilis with 13 appointed seats
sources: {proposal: "https://example.org/proposal"}
changes:
  - {op: set, path: bodies.majilis.size, value: 120, article: "50(3)", source: proposal, confidence: high}
  - op: add
    path: bodies.majilis.seat_groups.-
    value: {id: extra, seats: 13, filled_by: appointed, by: president}
    source: proposal
  - {op: remove, path: procedures.dissolution}
  - {op: add, path: bodies.senate.seat_groups.0, value: {id: first, seats: 0, filled_by: appointed, by: president}}
"""


@pytest.fixture()
def base():
    return load_builtin("kz").as_of("2007-06-01")


@pytest.fixture()
def reform(tmp_path):
    path = tmp_path / "reform.yaml"
    path.write_text(REFORM, encoding="utf-8")
    return load_reform(path)


def test_base_never_changes(base, reform):
    """The regression test OpenFisca needed: applying a reform must not edit its base."""
    before = pickle.dumps(base)
    before_dump = copy.deepcopy(base.model_dump())
    document = load_builtin("kz")
    raw_before = pickle.dumps(document.as_of("2007-06-01"))
    new = apply(base, reform)
    assert new is not base
    assert pickle.dumps(base) == before and base.model_dump() == before_dump
    assert pickle.dumps(document.as_of("2007-06-01")) == raw_before
    assert base.bodies["majilis"].size == 107 and new.bodies["majilis"].size == 120


def test_models_are_frozen(base):
    with pytest.raises(Exception):
        base.bodies["majilis"].size = 1  # type: ignore[misc]


def test_changes_applied_with_references(base, reform):
    new = apply(base, reform)
    assert [g.id for g in new.bodies["majilis"].seat_groups] == ["list", "apk", "extra"]
    assert "dissolution" not in new.procedures
    ref = new.ref("bodies.majilis.size")
    assert ref.sources == ("proposal",) and "bigger_majilis" in ref.note
    # the old senate seat groups moved one place down, with their references
    assert new.bodies["senate"].seat_groups[1].id == "regions"
    kinds = {c.path: c.shape for c in diff(base, new)}
    assert kinds["bodies.majilis.size"] == "changed" and kinds["procedures.dissolution"] == "removed"


@pytest.mark.parametrize(
    "change, message",
    [
        ("{op: set, path: bodies.majlis.size, value: 1}", "does not exist"),
        ("{op: set, path: bodies.majilis.sizes, value: 1}", "does not exist"),
        ("{op: add, path: bodies.majilis.size, value: 1}", "already exists"),
        ("{op: remove, path: bodies.majilis.seat_groups.7}", "does not exist"),
        ("{op: set, path: procedures.ordinary_law.decision.0.majority, value: 120%}", "between 0 and 1"),
        ("{op: set, path: bodies.majilis.size, value: 200}", "add up to 107"),
        ("{op: set, path: nothing.here, value: 1}", "does not exist"),
        ("{op: set, path: bodies.majilis.size}", "needs a 'value'"),
        ("{op: set, path: bodies.majilis.size, value: 3, source: nowhere}", "unknown source"),
    ],
)
def test_bad_changes_are_located(tmp_path, change, message):
    path = tmp_path / "bad.yaml"
    path.write_text(f"reform: bad\nbase: kz\nchanges:\n  - {{op: set, path: bodies.majilis.label, value: x}}\n"
                    f"  - {change}\n", encoding="utf-8")
    with pytest.raises(ReformlabError) as info:
        apply(load_builtin("kz").as_of("2007-06-01"), load_reform(path))
    assert message in info.value.message()
    assert info.value.line == 5 and info.value.file == str(path)


def test_references_follow_list_items(tmp_path, base):
    path = tmp_path / "insert.yaml"
    path.write_text("reform: insert\nbase: kz\nchanges:\n  - op: add\n    path: bodies.majilis.seat_groups.0\n"
                    "    value: {id: first, seats: 0, filled_by: appointed, by: president}\n", encoding="utf-8")
    new = apply(base, load_reform(path))
    assert new.ref("bodies.majilis.seat_groups.2.seats") == base.ref("bodies.majilis.seat_groups.1.seats")
    assert new.ref("bodies.majilis.seat_groups.1.mandate") == base.ref("bodies.majilis.seat_groups.0.mandate")


_KZ_2007 = load_builtin("kz").as_of("2007-06-01")
_PATHS = sorted({p for p, _ in _KZ_2007.leaves()} | {p.rsplit(".", 1)[0] for p, _ in _KZ_2007.leaves()})


def test_random_patches_never_crash_and_never_touch_the_base():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reformlab.model.reform import reform_from_data

    before = pickle.dumps(_KZ_2007)
    values = st.none() | st.booleans() | st.integers(-3, 500) | st.sampled_from(
        ["unknown", "1/2", "150%", "president", "senate", "nobody", "hare"]
    ) | st.dictionaries(st.sampled_from(["id", "seats", "filled_by", "by", "kind", "body"]),
                        st.sampled_from(["x", 3, "appointed", "president", "approve"]), max_size=4)
    paths = st.sampled_from(_PATHS) | st.sampled_from(_PATHS).map(lambda p: p + ".-") | st.text(max_size=12)

    @settings(max_examples=120)
    @given(st.lists(st.fixed_dictionaries({"op": st.sampled_from(["set", "add", "remove"]), "path": paths,
                                           "value": values}), min_size=1, max_size=3))
    def check(changes):
        for change in changes:
            if change["op"] == "remove":
                change.pop("value")
        try:
            apply(_KZ_2007, reform_from_data({"reform": "r", "base": "kz", "changes": changes}, {}, "r.yaml"))
        except ReformlabError as exc:
            assert exc.message()
        assert pickle.dumps(_KZ_2007) == before

    check()


def test_reform_on_a_user_constitution_file_via_target(tmp_path):
    from pathlib import Path

    from reformlab.model import resolve_target

    good = Path(__file__).parent / "fixtures" / "good" / "minimal.yaml"
    (tmp_path / "tiny.yaml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "reform: smaller\nbase: tiny.yaml\nchanges:\n  - {op: set, path: bodies.assembly.seat_groups.0.seats, value: 80}\n"
        "  - {op: set, path: bodies.assembly.seat_groups.0.system.seats, value: 80}\n"
        "  - {op: set, path: bodies.assembly.size, value: 100}\n", encoding="utf-8")
    assert resolve_target(str(tmp_path / "r.yaml")).bodies["assembly"].size == 100
    with pytest.raises(ReformlabError) as info:  # in 2005 the assembly had no appointed seats: 80 != 100
        resolve_target(f"{tmp_path / 'r.yaml'}@2005-01-01")
    assert "add up to 80" in info.value.message()


def test_applying_a_reform_twice_gives_the_same_result_and_leaves_the_reform_unchanged(tmp_path):
    """A change that sets a list and a later change that appends to it must not edit the reform's own value
    (else the second application appends twice)."""
    from reformlab.model import apply, load_reform, resolve_target

    path = tmp_path / "r.yaml"
    path.write_text(
        "reform: r\nbase: kz\ndate: 2007-06-01\nchanges:\n"
        "  - {op: set, path: bodies.cec.seat_groups, value: [{id: a, seats: 3, filled_by: appointed, by: president}]}\n"
        "  - {op: add, path: bodies.cec.seat_groups.-, value: {id: b, seats: 4, filled_by: appointed, by: senate}}\n",
        encoding="utf-8",
    )
    reform = load_reform(path)
    base = resolve_target("kz@2007-06-01")
    first, second = apply(base, reform), apply(base, reform)
    assert [g.id for g in first.bodies["cec"].seat_groups] == ["a", "b"] == [g.id for g in second.bodies["cec"].seat_groups]
    assert len(reform.changes[0].value) == 1


def test_a_reform_addresses_seat_groups_by_id(tmp_path):
    from reformlab.errors import ReformlabError
    from reformlab.model import load_builtin

    base = load_builtin("kz").as_of("2007-09-01")
    text = ("reform: by_id\nbase: kz\nsources: {whatif: test}\nchanges:\n"
            "  - {op: set, path: \"bodies.majilis.seat_groups[apk].seats\", value: 10, source: whatif}\n"
            "  - {op: set, path: bodies.majilis.size, value: 108, source: whatif}\n")
    new = apply(base, load_reform(tmp_path / "r.yaml", text=text))
    assert new.get("bodies.majilis.seat_groups[apk].seats") == 10 and new.bodies["majilis"].seat_groups[1].id == "apk"
    assert base.get("bodies.majilis.seat_groups[apk].seats") == 9  # the base never changes
    wrong = text.replace("[apk]", "[apc]")
    with pytest.raises(ReformlabError, match="no item with id 'apc'"):
        apply(base, load_reform(tmp_path / "r.yaml", text=wrong))
