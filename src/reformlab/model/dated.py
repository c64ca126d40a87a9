"""Dated values: one tree for all versions of a constitution, resolved at a date by ``as_of``.

Any value in a constitution file may be written plainly (valid for every version) or as a *dated leaf*, in
the manner of OpenFisca parameters::

    size:
      values:
        1995-08-30: 67
        1998-10-07: {value: 77, note: "10 party-list seats added"}   # an entry may carry its own reference
        2007-05-21: 107
      article: "50(3)"
      source: [constkz_s4, ipu2007]
      confidence: high
      note: ...

At a date, the entry with the latest date not after it applies; before the first date, or when that entry is
``removed``, the key (or list item) is absent. ``{value: X, article:, source:, confidence:, note:}`` gives an
undated value its reference. A leaf's reference is the leaf-level fields overridden by the entry's; a leaf
without one inherits the nearest ancestor's (see :meth:`Constitution.ref`). The dated keys must be among the
file's declared ``versions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from reformlab.errors import unknown_name
from reformlab.model.values import CONFIDENCE

REF_KEYS = ("article", "source", "confidence", "note", "carried_from")
DATED_KEYS = ("values",) + REF_KEYS
VALUE_KEYS = ("value",) + REF_KEYS
REMOVED = "removed"
_ABSENT = object()


def parse_date(value: Any) -> dt.date:
    """A date from a YAML date or an ISO ``YYYY-MM-DD`` string; ``ValueError`` otherwise.

    >>> parse_date("2007-05-21"), parse_date(dt.date(1995, 8, 30))
    (datetime.date(2007, 5, 21), datetime.date(1995, 8, 30))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2007-05-21")


def is_dated(node: Any) -> bool:
    """Whether ``node`` is a dated leaf ``{values: {date: value}, article:, source:, ...}``."""
    return isinstance(node, Mapping) and "values" in node and set(node) <= set(DATED_KEYS)


def is_referenced_value(node: Any) -> bool:
    """Whether ``node`` is ``{value: X, article:, source:, confidence:, note:}``."""
    return isinstance(node, Mapping) and "value" in node and set(node) <= set(VALUE_KEYS)


class Resolution:
    """The result of resolving a raw tree at one date: plain data, references and lines by path.

    Attributes:
        data: the tree with every dated leaf replaced by its value at the date.
        refs: dotted path -> reference fields (``article``, ``sources``, ``confidence``, ``note``).
        lines: resolved path (tuple) -> line of the raw value it came from.
        problems: ``(raw path, message, fix)`` for malformed dated leaves and references.
    """

    def __init__(self, versions: set[dt.date], sources: set[str] | None, lines: Mapping[tuple, int]) -> None:
        self.versions = versions
        self.sources = sources
        self.raw_lines = lines
        self.refs: dict[str, dict] = {}
        self.lines: dict[tuple, int] = {}
        self.problems: list[tuple[tuple, str, str | None]] = []
        self.data: Any = None


def resolve(raw: Any, when: dt.date, versions, sources=None, lines=None, skip=()) -> Resolution:
    """Resolve the raw tree ``raw`` at ``when`` (pure: ``raw`` is not changed).

    Args:
        raw: parsed YAML (dicts, lists, scalars).
        when: the date to resolve at.
        versions: the declared version dates; dated keys outside them are problems.
        sources: known source keys (``None``: do not check).
        lines: raw path -> line, from :func:`reformlab.yamlio.load_yaml`.
        skip: top-level keys copied as they are (the header: ``sources``, ``versions``).
    """
    result = Resolution(set(versions), sources, lines or {})
    if isinstance(raw, Mapping):
        data = {}
        for key, value in raw.items():
            if key in skip:
                data[key] = value
                result.lines[(key,)] = result.raw_lines.get((key,), 1)
                continue
            got = _resolve(value, (key,), (key,), when, result)
            if got is not _ABSENT:
                data[key] = got
        result.data = data
    else:
        result.data = raw
    return result


def _resolve(node: Any, raw_path: tuple, out_path: tuple, when: dt.date, res: Resolution) -> Any:
    line = res.raw_lines.get(raw_path)
    if line is not None:
        res.lines.setdefault(out_path, line)
    if is_dated(node):
        return _resolve_dated(node, raw_path, out_path, when, res)
    if is_referenced_value(node):
        _record_ref(node, raw_path, out_path, res)
        return _resolve(node["value"], raw_path + ("value",), out_path, when, res)
    if isinstance(node, Mapping):
        out = {}
        for key, value in node.items():
            got = _resolve(value, raw_path + (key,), out_path + (key,), when, res)
            if got is not _ABSENT:
                out[key] = got
        return out
    if isinstance(node, (list, tuple)):
        out_list: list = []
        for index, value in enumerate(node):
            got = _resolve(value, raw_path + (index,), out_path + (len(out_list),), when, res)
            if got is not _ABSENT:
                out_list.append(got)
        return out_list
    return node


def _resolve_dated(node: Mapping, raw_path: tuple, out_path: tuple, when: dt.date, res: Resolution) -> Any:
    values = node["values"]
    if not isinstance(values, Mapping) or not values:
        res.problems.append((raw_path + ("values",), "'values' must map dates to values", "write 'DATE: value'"))
        return _ABSENT
    dated: list[tuple[dt.date, Any]] = []
    for key, entry in values.items():
        try:
            day = parse_date(key)
        except ValueError as exc:
            res.problems.append((raw_path + ("values", key), str(exc), None))
            continue
        if res.versions and day not in res.versions:
            shown = [d.isoformat() for d in sorted(res.versions)]
            error = unknown_name("version", day.isoformat(), shown, fix="add it under 'versions'",
                                 problem=f"{day} is not one of the declared versions")
            res.problems.append((raw_path + ("values", key), error.problem, error.fix))
        dated.append((day, key))
    in_force = [(day, key) for day, key in dated if day <= when]
    if not in_force:
        return _ABSENT
    _, key = max(in_force, key=lambda pair: pair[0])
    entry = values[key]
    if isinstance(entry, str) and entry == REMOVED:
        return _ABSENT
    entry_path = raw_path + ("values", key)
    _record_ref(node, raw_path, out_path, res)
    if is_referenced_value(entry):
        _record_ref(entry, entry_path, out_path, res, merge=True)
        return _resolve(entry["value"], entry_path + ("value",), out_path, when, res)
    return _resolve(entry, entry_path, out_path, when, res)


def _record_ref(node: Mapping, raw_path: tuple, out_path: tuple, res: Resolution, merge: bool = False) -> None:
    ref: dict[str, Any] = {}
    if "article" in node and node["article"] is not None:
        ref["article"] = node["article"]
    if "source" in node and node["source"] is not None:
        sources = list(node["source"]) if isinstance(node["source"], (list, tuple)) else [node["source"]]
        for source in sources:
            if not isinstance(source, str):
                res.problems.append((raw_path + ("source",), f"a source must be a key, got {source!r}", None))
            elif res.sources is not None and source not in res.sources:
                error = unknown_name("source", source, sorted(res.sources), fix="add it to the 'sources' table")
                res.problems.append((raw_path + ("source",), error.problem, error.fix))
        ref["sources"] = [s for s in sources if isinstance(s, str)]
    if "confidence" in node and node["confidence"] is not None:
        if node["confidence"] not in CONFIDENCE:
            error = unknown_name("confidence", node["confidence"], CONFIDENCE)
            res.problems.append((raw_path + ("confidence",), error.problem, error.fix))
        else:
            ref["confidence"] = node["confidence"]
    if "note" in node and node["note"] is not None:
        ref["note"] = str(node["note"])
    if "carried_from" in node:
        origin = node["carried_from"]
        if not isinstance(origin, str) or not origin.strip():
            res.problems.append(
                (raw_path + ("carried_from",), "a carried value must say where it was read from",
                 "write carried_from: \"<the text, its date and article>\", e.g. \"the 2007 text, Art. 54(2)(2)\"")
            )
        else:
            ref["carried_from"] = origin.strip()
            if node.get("confidence") == "high":
                res.problems.append(
                    (raw_path + ("confidence",), "a value carried from another date's text cannot be rated high",
                     "rate it medium or lower (the fact base keeps the lower confidence)")
                )
    key = ".".join(str(part) for part in out_path)
    if merge and key in res.refs:
        ref = {**res.refs[key], **ref}
    if ref:
        res.refs[key] = ref
