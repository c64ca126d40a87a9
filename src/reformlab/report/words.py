"""A rule's value in words for the report (never a Python repr): plain values, seat groups, steps, votes,
grounds and limits, whole procedures."""

from __future__ import annotations

import functools

from pydantic import TypeAdapter

from reformlab.model import Procedure, SeatGroup, Step, Vote
from reformlab.model import Unknown as UnknownValue
from reformlab.model.describe import (
    describe_condition, describe_procedure, describe_seat_group, describe_step, describe_vote,
)
from reformlab.model.grounds import GROUND_KINDS, LIMIT_KINDS, Ground, Limit
from reformlab.model.tree import to_tree


@functools.cache
def _adapter(kind) -> TypeAdapter:
    """The pydantic validator of ``kind``, built once (building one costs more than all it validates here)."""
    return TypeAdapter(kind)


def value_text(value) -> str:
    """A plain value as text: ``—`` for none, ``unknown``, mappings as ``key: value; ...``."""
    if value is None:
        return "—"
    if isinstance(value, UnknownValue) or value == "unknown":
        return "unknown"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v) for v in value) or "none"
    return str(value)


def _parsed(value: dict, parse, describe) -> str:
    """``describe(parse(value))``, or the plain text of a partial record that does not parse."""
    try:
        return describe(parse(value))
    except Exception:  # a partial record: fall back to the plain text
        return value_text(value)


def _seats(group) -> str:
    return f"{group.seats} seat{'' if group.seats == 1 else 's'}: {describe_seat_group(group)}"


def describe_value(value) -> str:
    """Short text for a changed value: seat groups, votes, grounds, procedures and steps in words, other
    values as they are."""
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        return "; ".join(describe_value(v) for v in value)
    if not isinstance(value, dict):
        return value_text(value)
    if "body" in value and "majority" in value and "kind" not in value:
        return _parsed(value, Vote.model_validate, describe_vote)
    if "filled_by" in value:
        return _parsed(value, _adapter(SeatGroup).validate_python, _seats)
    if value.get("kind") in GROUND_KINDS:
        return _parsed(value, _adapter(Ground).validate_python, describe_condition)
    if value.get("kind") in LIMIT_KINDS:
        return _parsed(value, _adapter(Limit).validate_python, describe_condition)
    if "decision" in value and "label" in value:
        return _parsed(value, Procedure.model_validate, describe_procedure)
    if "kind" in value:
        return _parsed(value, _adapter(Step).validate_python, describe_step)
    return value_text(value)


def fact_text(value) -> str:
    """A rule's value in words for the provenance table (never a Python repr)."""
    if isinstance(value, Procedure):
        return describe_procedure(value)
    if isinstance(value, (tuple, list)) and value and all(hasattr(v, "filled_by") for v in value):
        return "; ".join(f"{v.id}: {describe_seat_group(v)}" for v in value)
    listed = isinstance(value, (tuple, list)) and any(hasattr(v, "model_dump") for v in value)
    if hasattr(value, "model_dump") or listed:
        return describe_value(to_tree(value))
    return value_text(value)
