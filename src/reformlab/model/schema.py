"""The published JSON Schema of constitution files, generated from the pydantic models.

The schema of one resolved version comes from :class:`~reformlab.model.constitution.ConstitutionSpec`; every
content property, list item and mapping value is then also allowed to be a dated leaf
(``{values: {date: value}, article, source, confidence, note}``) or a referenced value
(``{value, article, source, confidence, note}``). Inside such a wrapper the schema does not constrain the
value (JSON Schema cannot say "a body, dated"); the loader, which validates every resolved version, is the
authority. The committed copy lives at
``reformlab/data/constitutions/schema.json``; ``python -m reformlab.model.schema`` rewrites it, and a test
checks it is up to date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reformlab.model.constitution import SCHEMA_VERSION, ConstitutionSpec

HEADER = ("schema_version", "id", "label", "country", "note", "sources", "versions")
SCHEMA_ID = f"https://reformlab.invalid/schemas/constitution-v{SCHEMA_VERSION}.json"

_REF_PROPERTIES = {
    "article": {"type": ["string", "integer"], "description": "Article of the text in force, e.g. '50(2)'."},
    "source": {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
        "description": "Key(s) into the file's 'sources' table.",
    },
    "confidence": {"enum": ["high", "medium", "low", "unknown"]},
    "note": {"type": "string"},
    "carried_from": {"type": "string", "minLength": 1,
                     "description": "Where a value not found in its own date's text was read from."},
}
_DATED = {
    "type": "object",
    "description": "A dated leaf: the value in force from each date (a version date) on; 'removed' ends it.",
    "required": ["values"],
    "additionalProperties": False,
    "properties": {
        "values": {"type": "object", "propertyNames": {"format": "date"}, "minProperties": 1},
        **_REF_PROPERTIES,
    },
}
_REFERENCED = {
    "type": "object",
    "description": "An undated value with its reference.",
    "required": ["value"],
    "additionalProperties": False,
    "properties": {"value": {}, **_REF_PROPERTIES},
}


def _dated(schema: Any) -> dict:
    return {"anyOf": [_transform(schema), {"$ref": "#/$defs/Dated"}, {"$ref": "#/$defs/Referenced"}]}


def _transform(schema: Any) -> Any:
    """Allow dated leaves at every property, item and mapping value below ``schema``."""
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    if isinstance(schema.get("properties"), dict):
        out["properties"] = {name: _dated(sub) for name, sub in schema["properties"].items()}
    if isinstance(schema.get("items"), dict):
        out["items"] = _dated(schema["items"])
    if isinstance(schema.get("prefixItems"), list):
        out["prefixItems"] = [_dated(sub) for sub in schema["prefixItems"]]
    if isinstance(schema.get("patternProperties"), dict):
        out["patternProperties"] = {key: _dated(sub) for key, sub in schema["patternProperties"].items()}
    if isinstance(schema.get("additionalProperties"), dict):
        out["additionalProperties"] = _dated(schema["additionalProperties"])
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema.get(key), list):
            out[key] = [_transform(sub) for sub in schema[key]]
    return out


def _law_words_schema(schema: dict, share_key: str) -> None:
    """Allow ``more_than`` / ``at_least`` (the law's words) in place of ``share_key`` + ``strict``."""
    share = schema["properties"][share_key]
    for word, meaning in (("more_than", "more than"), ("at_least", "at least")):
        schema["properties"][word] = {**share, "description": f"The share, {meaning} (sets {share_key} and strict)."}
    schema["required"] = [key for key in schema.get("required", []) if key != share_key]


def constitution_schema() -> dict:
    """The JSON Schema of a constitution file (dict, deterministic)."""
    base = ConstitutionSpec.model_json_schema()
    consent = base["$defs"]["AppointedSeats"]["properties"]["consent"]
    consent["anyOf"].append({"$ref": "#/$defs/Vote"})  # one consent may be written without a list
    for name, share_key in (("Vote", "majority"), ("ApproveStep", "majority"), ("ReferendumStep", "majority"),
                            ("Turnout", "share")):
        _law_words_schema(base["$defs"][name], share_key)
    defs = {name: _transform(sub) for name, sub in base.pop("$defs", {}).items()}
    defs["Dated"] = _DATED
    defs["Referenced"] = _REFERENCED
    properties = {
        name: (sub if name in HEADER else _dated(sub)) for name, sub in base["properties"].items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **{k: v for k, v in base.items() if k != "properties"},
        "title": f"reformlab constitution file, schema_version {SCHEMA_VERSION}",
        "properties": properties,
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the committed file's text."""
    return json.dumps(constitution_schema(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    """Where the committed schema lives in the source tree."""
    return Path(__file__).resolve().parents[1] / "data" / "constitutions" / "schema.json"


if __name__ == "__main__":  # pragma: no cover - a maintenance entry point
    from reformlab.atomic import write_atomic

    write_atomic(schema_path(), schema_text())
