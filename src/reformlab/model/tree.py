"""Plain trees of model objects: dicts, lists and leaves, for patching, diffing and printing.

Leaves stay exact (``Fraction``, ``date``, the :data:`~reformlab.model.values.UNKNOWN` sentinel), unlike
``model_dump``, which writes ``unknown`` as a string.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

CONTENT = ("actors", "bodies", "procedures", "party_rules", "unamendable")


def to_tree(node: Any, *, drop_none: bool = True) -> Any:
    """``node`` as nested dicts and lists (models by their fields; ``None`` fields left out by default)."""
    if isinstance(node, BaseModel):
        out = {}
        for name in type(node).model_fields:
            value = getattr(node, name)
            if value is None and drop_none:
                continue
            out[name] = to_tree(value, drop_none=drop_none)
        return out
    if isinstance(node, dict):
        return {key: to_tree(value, drop_none=drop_none) for key, value in node.items()}
    if isinstance(node, (tuple, list)):
        return [to_tree(value, drop_none=drop_none) for value in node]
    return node


def split_path(path: str) -> list:
    """``"bodies.majilis.seat_groups.0"`` -> ``["bodies", "majilis", "seat_groups", 0]``."""
    return [int(part) if part.isdigit() else part for part in path.split(".")] if path else []


def join_path(parts) -> str:
    """The inverse of :func:`split_path`."""
    return ".".join(str(part) for part in parts)


class NoSuchItem(KeyError):
    """No item of a list has the id a path names (``seat_groups[lists]``): what was wanted, under which path,
    and the ids there are, so a caller words its own error without reading this one's message."""

    def __init__(self, wanted: str, under: str, ids: list) -> None:
        self.wanted, self.under, self.ids = wanted, under, [str(i) for i in ids if i]
        self.sentence = f"no item with id {wanted!r} under {under} (there are: {', '.join(self.ids) or 'none'})"
        super().__init__(self.sentence)


def positional(root: Any, path: str, child) -> str:
    """``path`` with every ``name[id]`` replaced by ``name.<index>`` of the item with that ``id``; ``child(node,
    name)`` steps into a node. :class:`NoSuchItem` (a ``KeyError``) when no item has that id.

    >>> positional({"g": [{"id": "a"}, {"id": "b", "seats": 3}]}, "g[b].seats", lambda n, k: n[k])
    'g.1.seats'
    """
    if "[" not in path:
        return path
    node, out = root, []
    for part in path.split("."):
        name, _, item = part.partition("[")
        node = child(node, name)
        out.append(name)
        if item:
            wanted = item.rstrip("]")
            ids = [x.get("id") if isinstance(x, dict) else getattr(x, "id", None) for x in node] \
                if isinstance(node, (list, tuple)) else []
            if wanted not in ids:
                raise NoSuchItem(wanted, ".".join(out), ids)
            node = node[ids.index(wanted)]
            out.append(str(ids.index(wanted)))
    return ".".join(out)
