"""Structural difference of two resolved constitutions: what changed, where, and on what authority.

List items that carry an ``id`` (seat groups) are matched by id, so "67 districts + 10 list seats" against
"98 list seats + 9 APK seats" reads as: districts removed, list seats 10 -> 98, APK seats added.

Each change has a :attr:`Change.kind` that says what the difference is evidence of:

* ``amendment``: both sides known, each from a text of its own date, and different: the law changed;
* ``newly_known``: the earlier side is ``unknown`` (or a step whose wording was not found, given only by its
  readings): a gap in the sources, not an amendment;
* ``carried``: a side was read from another date's text (``carried_from``), so the difference is not shown
  by texts of the two dates;
* ``unknown_after``: the later side is ``unknown`` (the sources of the later text are silent where the
  earlier one was known): not an amendment either.
"""

from __future__ import annotations

from typing import Any, Iterator, Literal

from reformlab.model.constitution import Constitution
from reformlab.model.tree import CONTENT, to_tree
from reformlab.model.values import FrozenModel, Ref, Unknown

ABSENT = None
KINDS = ("amendment", "newly_known", "carried", "unknown_after")


class Change(FrozenModel):
    """One difference between two versions.

    Attributes:
        path: dotted path of the changed value (list indices as in the version that has it).
        before, after: the values (plain trees; ``None`` when absent on that side).
        article, sources, confidence, note: the reference of the side that has the value, ``after`` first.
        kind: ``amendment``, ``newly_known``, ``carried`` or ``unknown_after`` (see the module docstring).
        carried_from: where a carried side was read from (``before: ...; after: ...``), if any.
    """

    path: str
    before: Any = None
    after: Any = None
    article: str | None = None
    sources: tuple[str, ...] = ()
    confidence: str | None = None
    note: str | None = None
    kind: Literal["amendment", "newly_known", "carried", "unknown_after"] = "amendment"
    carried_from: str | None = None

    @property
    def shape(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


def diff(a: Constitution, b: Constitution) -> list[Change]:
    """Every difference from ``a`` to ``b`` (content only: actors, bodies, procedures, party rules).

    >>> from reformlab.model import load_builtin
    >>> kz = load_builtin("kz")
    >>> [c.path for c in diff(kz.as_of("2007-05-20"), kz.as_of("2007-05-21")) if "majilis.size" in c.path]
    ['bodies.majilis.size']
    """
    changes = []
    for name in CONTENT:
        for path, path_a, before, after, side in _compare(to_tree(getattr(a, name)), to_tree(getattr(b, name)),
                                                          name, name):
            ref = (b.ref(path) if side == "b" else a.ref(path_a)) or Ref()
            if ref.article in (None, "unknown") and before is not ABSENT:  # the article the earlier text gives
                ref = ref.model_copy(update={"article": (a.ref(path_a) or Ref()).article or ref.article})
            origins = [f"{label}: {r.carried_from}" for label, r in
                       (("before", a.ref(path_a) if before is not ABSENT else None),
                        ("after", b.ref(path) if after is not ABSENT else None)) if r is not None and r.carried_from]
            kind = ("newly_known" if _unknown(before) else "unknown_after" if _unknown(after)
                    else "carried" if origins else "amendment")
            changes.append(Change(path=path, before=before, after=after, article=ref.article,
                                  sources=ref.sources, confidence=ref.confidence, note=ref.note, kind=kind,
                                  carried_from="; ".join(origins) or None))
    return changes


def _unknown(value: Any) -> bool:
    """Whether a side is not known: ``unknown``, or a step given only by its readings."""
    if isinstance(value, Unknown):
        return True
    return isinstance(value, dict) and value.get("kind") == "readings"


def _compare(x: Any, y: Any, path: str, path_a: str) -> Iterator[tuple[str, str, Any, Any, str]]:
    """``(path, path in a, before, after, side)`` for every difference; ``path`` is as in the side that has
    the value (``b`` first), ``path in a`` as in ``a`` (list indices differ where items moved). A step known
    only by its readings is compared whole: the wording found is new, not a change of its parts."""
    if _unknown(x) != _unknown(y) and not _same(x, y):
        yield path, path_a, x, y, "b"
    elif isinstance(x, dict) and isinstance(y, dict):
        for key in list(x) + [k for k in y if k not in x]:
            here, here_a = f"{path}.{key}", f"{path_a}.{key}"
            if key not in y:
                yield here_a, here_a, x[key], ABSENT, "a"
            elif key not in x:
                yield here, here_a, ABSENT, y[key], "b"
            else:
                yield from _compare(x[key], y[key], here, here_a)
    elif isinstance(x, list) and isinstance(y, list):
        yield from _compare_lists(x, y, path, path_a)
    elif not _same(x, y):
        yield path, path_a, x, y, "b"


def _same(x: Any, y: Any) -> bool:
    return type(x) is type(y) and x == y or (x is y)


def _ids(items: list) -> list | None:
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    return ids if all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids) else None


def _compare_lists(x: list, y: list, path: str, path_a: str) -> Iterator[tuple[str, str, Any, Any, str]]:
    xi, yi = _ids(x), _ids(y)
    if xi is None or yi is None:
        for index in range(max(len(x), len(y))):
            here, here_a = f"{path}.{index}", f"{path_a}.{index}"
            if index >= len(y):
                yield here_a, here_a, x[index], ABSENT, "a"
            elif index >= len(x):
                yield here, here_a, ABSENT, y[index], "b"
            else:
                yield from _compare(x[index], y[index], here, here_a)
        return
    for index, item_id in enumerate(xi):
        if item_id not in yi:
            yield f"{path_a}.{index}", f"{path_a}.{index}", x[index], ABSENT, "a"
    for index, item_id in enumerate(yi):
        if item_id in xi:
            yield from _compare(x[xi.index(item_id)], y[index], f"{path}.{index}", f"{path_a}.{xi.index(item_id)}")
        else:
            yield f"{path}.{index}", f"{path_a}.{index}", ABSENT, y[index], "b"


def rule_of(path: str) -> str:
    """The rule a change belongs to: ``bodies.<body>.<field>``, ``procedures.<id>``, ``party_rules.<field>``.

    >>> rule_of("bodies.majilis.seat_groups.0.seats"), rule_of("procedures.no_confidence.decision.0.majority")
    ('bodies.majilis.seat_groups', 'procedures.no_confidence')
    """
    parts = path.split(".")
    return ".".join(parts[:3] if parts[0] == "bodies" else parts[:2])


def by_rule(changes) -> dict[str, dict[str, list[Change]]]:
    """``{kind: {rule: [changes]}}``: the changes counted by rule, apart for each kind (:data:`KINDS`).

    A rule counts as an amendment when any of its changes is one (its other changes say what else is
    unknown or carried, each with its own ``kind``); otherwise under its first kind of ``newly_known``,
    ``unknown_after``, ``carried``.
    """
    grouped: dict[str, list[Change]] = {}
    for change in changes:
        grouped.setdefault(rule_of(change.path), []).append(change)
    found: dict[str, dict[str, list[Change]]] = {kind: {} for kind in KINDS}
    for rule, items in grouped.items():
        kinds = {c.kind for c in items}
        kind = next(k for k in ("amendment", "newly_known", "unknown_after", "carried") if k in kinds)
        found[kind][rule] = items
    return found
