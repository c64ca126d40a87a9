"""Structural difference of two resolved constitutions: what changed, where, and on what authority.

List items that carry an ``id`` (seat groups) are matched by id, so "67 districts + 10 list seats" against
"98 list seats + 9 APK seats" reads as: districts removed, list seats 10 -> 98, APK seats added.
"""

from __future__ import annotations

from typing import Any, Iterator

from reformlab.model.constitution import Constitution
from reformlab.model.tree import CONTENT, to_tree
from reformlab.model.values import FrozenModel, Ref

ABSENT = None


class Change(FrozenModel):
    """One difference between two versions.

    Attributes:
        path: dotted path of the changed value (list indices as in the version that has it).
        before, after: the values (plain trees; ``None`` when absent on that side).
        article, sources, confidence, note: the reference of the side that has the value, ``after`` first.
    """

    path: str
    before: Any = None
    after: Any = None
    article: str | None = None
    sources: tuple[str, ...] = ()
    confidence: str | None = None
    note: str | None = None

    @property
    def kind(self) -> str:
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
        for path, before, after, side in _compare(to_tree(getattr(a, name)), to_tree(getattr(b, name)), name):
            ref = (b if side == "b" else a).ref(path) or Ref()
            changes.append(Change(path=path, before=before, after=after, article=ref.article,
                                  sources=ref.sources, confidence=ref.confidence, note=ref.note))
    return changes


def _compare(x: Any, y: Any, path: str) -> Iterator[tuple[str, Any, Any, str]]:
    if isinstance(x, dict) and isinstance(y, dict):
        for key in list(x) + [k for k in y if k not in x]:
            here = f"{path}.{key}"
            if key not in y:
                yield here, x[key], ABSENT, "a"
            elif key not in x:
                yield here, ABSENT, y[key], "b"
            else:
                yield from _compare(x[key], y[key], here)
    elif isinstance(x, list) and isinstance(y, list):
        yield from _compare_lists(x, y, path)
    elif not _same(x, y):
        yield path, x, y, "b"


def _same(x: Any, y: Any) -> bool:
    return type(x) is type(y) and x == y or (x is y)


def _ids(items: list) -> list | None:
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    return ids if all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids) else None


def _compare_lists(x: list, y: list, path: str) -> Iterator[tuple[str, Any, Any, str]]:
    xi, yi = _ids(x), _ids(y)
    if xi is None or yi is None:
        for index in range(max(len(x), len(y))):
            here = f"{path}.{index}"
            if index >= len(y):
                yield here, x[index], ABSENT, "a"
            elif index >= len(x):
                yield here, ABSENT, y[index], "b"
            else:
                yield from _compare(x[index], y[index], here)
        return
    for index, item_id in enumerate(xi):
        if item_id not in yi:
            yield f"{path}.{index}", x[index], ABSENT, "a"
    for index, item_id in enumerate(yi):
        if item_id in xi:
            yield from _compare(x[xi.index(item_id)], y[index], f"{path}.{index}")
        else:
            yield f"{path}.{index}", ABSENT, y[index], "b"
