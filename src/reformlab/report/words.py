"""A rule's value in words for the report (never a Python repr): plain values, seat groups, steps, votes,
grounds and limits, whole procedures."""

from __future__ import annotations

from pydantic import TypeAdapter

from reformlab.model import Procedure, SeatGroup, Step, Vote
from reformlab.model import Unknown as UnknownValue
from reformlab.model.describe import (
    describe_condition, describe_procedure, describe_seat_group, describe_step, describe_vote,
)
from reformlab.model.grounds import GROUND_KINDS, LIMIT_KINDS, Ground, Limit
from reformlab.model.tree import to_tree


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


def describe_value(value) -> str:
    """Short text for a changed value: seat groups and steps in words, other values as they are."""
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        return "; ".join(describe_value(v) for v in value)
    if isinstance(value, dict) and "body" in value and "majority" in value and "kind" not in value:
        try:
            return describe_vote(Vote.model_validate(value))
        except Exception:  # a partial record: fall back to the plain text
            return value_text(value)
    if isinstance(value, dict) and "filled_by" in value:
        try:
            group = TypeAdapter(SeatGroup).validate_python(value)
            seats = value.get("seats")
            return f"{seats} seat{'' if seats == 1 else 's'}: {describe_seat_group(group)}"
        except Exception:  # a partial record: fall back to the plain text
            return value_text(value)
    if isinstance(value, dict) and value.get("kind") in (*GROUND_KINDS, *LIMIT_KINDS):
        try:
            kind = Ground if value["kind"] in GROUND_KINDS else Limit
            return describe_condition(TypeAdapter(kind).validate_python(value))
        except Exception:  # a partial record: fall back to the plain text
            return value_text(value)
    if isinstance(value, dict) and "decision" in value and "label" in value:
        try:
            return describe_procedure(Procedure.model_validate(value))
        except Exception:  # a partial record: fall back to the plain text
            return value_text(value)
    if isinstance(value, dict) and "kind" in value:
        try:
            return describe_step(TypeAdapter(Step).validate_python(value))
        except Exception:
            return value_text(value)
    return value_text(value)


def fact_text(value) -> str:
    """A rule's value in words for the provenance table (never a Python repr)."""
    if isinstance(value, Procedure):
        return describe_procedure(value)
    if isinstance(value, (tuple, list)) and value and all(hasattr(v, "filled_by") for v in value):
        return "; ".join(f"{v.id}: {describe_seat_group(v)}" for v in value)
    if hasattr(value, "model_dump") or isinstance(value, (tuple, list)) and any(hasattr(v, "model_dump") for v in value):
        return describe_value(to_tree(value))
    return value_text(value)
