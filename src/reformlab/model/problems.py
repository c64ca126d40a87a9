"""Problems found in a file, collected rather than stopped at, each located by file, line and path.

Shared by the constitution loader and the reform loader (so neither imports the other).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reformlab.errors import ReformlabError, unknown_name
from reformlab.yamlio import Lines


class InvalidFile(ReformlabError):
    """A file with one or more problems; ``problems`` lists each as a located :class:`ReformlabError`."""

    def __init__(self, problems: list[ReformlabError], file: str | Path | None = None) -> None:
        first = problems[0]
        count = f"{len(problems)} problems; the first: " if len(problems) > 1 else ""
        super().__init__(count + first.problem, file=first.file or file, line=first.line, field=first.field,
                         fix=first.fix)
        self.problems = problems

    def message(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0].message()
        return f"{len(self.problems)} problems:\n" + "\n".join("  " + p.message() for p in self.problems)


class Problems:
    """Collects located problems, without duplicates (the same line and text found in several versions)."""

    def __init__(self, file: str | None, lines: Lines) -> None:
        self.file = file
        self.lines = lines
        self.items: list[ReformlabError] = []
        self._seen: dict[tuple, int] = {}
        self._versions: dict[tuple, list] = {}

    def add(self, path: tuple | str, problem: str | ReformlabError, fix: str | None = None,
            lines: Lines | None = None, version: dt.date | None = None) -> None:
        """Record a problem at ``path``; the same problem found in several versions is listed once.

        ``problem`` may be an error already worded (:func:`reformlab.errors.unknown_name`): its problem and
        fix are taken, its place is ``path``'s."""
        if isinstance(problem, ReformlabError):
            problem, fix = problem.problem, problem.fix
        parts = _as_tuple(path)
        line = line_of(parts, lines if lines is not None else self.lines)
        key = (line, ".".join(map(str, parts)), problem)
        if key in self._seen:
            if version is not None:
                self._versions[key].append(version)
            return
        self._seen[key] = len(self.items)
        self._versions[key] = [version] if version is not None else []
        field_name = ".".join(str(p) for p in parts) or None
        self.items.append(ReformlabError(problem, file=self.file, line=line, field=field_name, fix=fix))

    def raise_if_any(self) -> None:
        for key, index in self._seen.items():
            versions = self._versions[key]
            if versions:
                label = "version" if len(versions) == 1 else "versions"
                error = self.items[index]
                error.problem += f" ({label} {', '.join(str(v) for v in versions)})"
        self._versions = {key: [] for key in self._versions}
        if self.items:
            self.items.sort(key=lambda e: (e.line or 0))
            raise InvalidFile(self.items, self.file)


def _as_tuple(path: tuple | str) -> tuple:
    if isinstance(path, tuple):
        return path
    return tuple(int(p) if p.isdigit() else p for p in path.split(".")) if path else ()


def line_of(path: tuple, lines: Lines) -> int | None:
    """The line of ``path`` or of its nearest ancestor that has one."""
    parts = tuple(path)
    while parts:
        for candidate in (parts, tuple(str(p) for p in parts)):
            if candidate in lines:
                return lines[candidate]
        parts = parts[:-1]
    return lines.get(()) if lines else None


def data_path(data: Any, loc: tuple) -> tuple:
    """The part of a pydantic error location that names data (union tags and validator names dropped)."""
    path: list = []
    node = data
    for part in loc:
        if isinstance(node, Mapping):
            match = next((k for k in node if k == part or str(k) == str(part)), _NO)
            if match is not _NO:
                path.append(match)
                node = node[match]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


_NO = object()


def _field_hint(data: Any, path: tuple) -> str | None:
    """For an unknown field: the nearest field names of the model the surrounding mapping most resembles."""
    parent = _at(data, path[:-1]) if path else None
    if not path or not isinstance(parent, Mapping):
        return None
    keys = {str(k) for k in parent}
    best, best_score = None, -1
    for model in _model_classes():  # every model, reforms' included (they subclass FrozenModel too)
        fields = set(model.model_fields)
        score = len(keys & fields) - len(keys - fields)
        for tag in ("kind", "filled_by"):
            literal = getattr(model.model_fields.get(tag), "annotation", None)
            if tag in parent and parent[tag] in getattr(literal, "__args__", ()):
                score += 10
        if score > best_score:
            best, best_score = fields, score
    return unknown_name("field", path[-1], sorted(best - keys)).fix if best else None


def _model_classes() -> list:
    from reformlab.model.values import FrozenModel

    found, todo = [], [FrozenModel]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [cls for cls in found if not cls.__name__.startswith("_") and cls.model_fields]


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def add_validation_errors(problems: Problems, error: ValidationError, data: Any, lines: Lines) -> None:
    """Turn pydantic errors into located problems, one per path (alternatives of a union merged)."""
    by_path: dict[tuple, list[tuple[str, str]]] = {}
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        path = data_path(data, loc)
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = f"missing field {str(loc[-1])!r}"
        elif err["type"] == "extra_forbidden":
            message = f"unknown field {str(loc[-1])!r}"
        by_path.setdefault(path, []).append((err["type"], message))
    fixes = {path: _field_hint(data, path) for path, found in by_path.items()
             if any(t == "extra_forbidden" for t, _ in found)}
    for path, found in by_path.items():
        deeper = any(other != path and other[: len(path)] == path for other in by_path)
        # pydantic drops a failed item, then reports its list as too short: the item's own error says it all
        messages = [m for t, m in found if t != "not_unknown" and not (t == "too_short" and deeper)]
        if not messages:
            if deeper:
                continue  # the value is a mapping with its own errors below; 'unknown' was not meant
            messages = ["invalid value"]
        text = "; ".join(dict.fromkeys(messages))
        if any(t == "not_unknown" for t, _ in found) and not deeper and not isinstance(_at(data, path), (dict, list)):
            text += " (or the word 'unknown')"
        problems.add(path, text, fixes.get(path), lines=lines)


def validate_or_raise(model, data: Any, problems: Problems, lines: Lines, *, translate=None):
    """``model.model_validate(data)``, or every validation error raised as one located :class:`InvalidFile`.

    Args:
        translate: how pydantic's errors become problems (default :func:`add_validation_errors`).
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        (translate or add_validation_errors)(problems, exc, data, lines)
        problems.raise_if_any()
        raise  # pragma: no cover - raise_if_any always raises here
