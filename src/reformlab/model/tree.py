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
