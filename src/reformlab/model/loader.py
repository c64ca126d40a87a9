"""Loading constitution files: parse safely, validate every version, report every problem with its line.

:func:`load_constitution` reads a file (or text) into a :class:`ConstitutionDocument`, the dated tree of all
versions, after checking that every version resolves to a valid, consistent :class:`Constitution`. Problems
are collected, not stopped at: :class:`InvalidFile` carries all of them, each a located
:class:`~reformlab.errors.ReformlabError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from reformlab.errors import ReformlabError, did_you_mean
from reformlab.model.checks import check
from reformlab.model.constitution import SCHEMA_VERSION, Constitution
from reformlab.model.dated import parse_date, resolve
from reformlab.model.yamlio import Lines, load_yaml, read_text

HEADER = ("schema_version", "id", "label", "country", "note", "sources", "versions")


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

    def add(self, path: tuple | str, problem: str, fix: str | None = None, lines: Lines | None = None,
            version: dt.date | None = None) -> None:
        """Record a problem at ``path``; the same problem found in several versions is listed once."""
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
    from reformlab.model.reform import Patch, Reform

    parent = _at(data, path[:-1]) if path else None
    if not path or not isinstance(parent, Mapping):
        return None
    keys = {str(k) for k in parent}
    best, best_score = None, -1
    for model in (*_model_classes(), Reform, Patch):
        fields = set(model.model_fields)
        score = len(keys & fields) - len(keys - fields)
        for tag in ("kind", "filled_by"):
            literal = getattr(model.model_fields.get(tag), "annotation", None)
            if tag in parent and parent[tag] in getattr(literal, "__args__", ()):
                score += 10
        if score > best_score:
            best, best_score = fields, score
    return did_you_mean(str(path[-1]), sorted(best - keys)) if best else None


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
        messages = [m for t, m in found if t != "not_unknown"]
        if not messages:
            if deeper:
                continue  # the value is a mapping with its own errors below; 'unknown' was not meant
            messages = ["invalid value"]
        text = "; ".join(dict.fromkeys(messages))
        if any(t == "not_unknown" for t, _ in found) and not deeper and not isinstance(_at(data, path), (dict, list)):
            text += " (or the word 'unknown')"
        problems.add(path, text, fixes.get(path), lines=lines)


@dataclass(frozen=True)
class ConstitutionDocument:
    """All versions of one constitution as a dated tree; :meth:`as_of` resolves one version.

    Attributes:
        raw: the parsed file (read-only mapping).
        file: where it was read from (for messages).
    """

    raw: Mapping[str, Any]
    file: str | None = None
    lines: Mapping[tuple, int] = field(default_factory=dict, repr=False, compare=False)
    _resolved: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.raw["id"]

    @property
    def label(self) -> str:
        return self.raw.get("label", self.id)

    @property
    def versions(self) -> tuple[dt.date, ...]:
        """The version dates, earliest first."""
        return tuple(sorted(parse_date(d) for d in self.raw.get("versions", {})))

    def version_label(self, day: dt.date) -> str:
        """The label of the version dated ``day``."""
        for key, info in self.raw.get("versions", {}).items():
            if parse_date(key) == day:
                return info.get("label", "") if isinstance(info, Mapping) else ""
        raise KeyError(day)

    def as_of(self, when: dt.date | str | None = None) -> Constitution:
        """The constitution in force on ``when`` (default: the latest version).

        Raises:
            ReformlabError: ``when`` is before the first version, or the version is invalid.
        """
        day = self.versions[-1] if when is None else parse_date(when)
        if day < self.versions[0]:
            raise ReformlabError(
                f"{self.id} has no version in force on {day}; the first is {self.versions[0]}",
                file=self.file, fix=f"use a date on or after {self.versions[0]}",
            )
        if day not in self._resolved:  # resolving is pure, so each date is resolved once
            problems = Problems(self.file, dict(self.lines))
            result = _resolve_version(self.raw, day, problems)
            problems.raise_if_any()
            self._resolved[day] = result
        return self._resolved[day]

    def latest(self) -> Constitution:
        """The latest version."""
        return self.as_of(None)


def _resolve_version(raw: Mapping, day: dt.date, problems: Problems) -> Constitution | None:
    sources = raw.get("sources")
    versions = {parse_date(d) for d in raw.get("versions", {})}
    res = resolve(raw, day, versions, set(sources) if isinstance(sources, Mapping) else None,
                  problems.lines, skip=("sources", "versions"))
    for raw_path, message, fix in res.problems:
        problems.add(raw_path, message, fix)
    data = dict(res.data, as_of=day, refs=res.refs)
    try:
        constitution = Constitution.model_validate(data)
    except ValidationError as exc:
        add_validation_errors(problems, exc, data, res.lines)
        return None
    for path, message, fix in check(constitution):
        problems.add(path, message, fix, lines=res.lines, version=constitution.version)
    return constitution


def _check_header(raw: Any, problems: Problems) -> list[dt.date]:
    if not isinstance(raw, Mapping):
        problems.add((), "a constitution file must be a mapping with 'schema_version', 'id', 'versions', 'bodies'")
        return []
    if raw.get("schema_version") != SCHEMA_VERSION:
        problems.add(("schema_version",), f"'schema_version' must be {SCHEMA_VERSION}, got {raw.get('schema_version')!r}",
                     f"write 'schema_version: {SCHEMA_VERSION}'")
    versions = raw.get("versions")
    if not isinstance(versions, Mapping) or not versions:
        problems.add(("versions",), "'versions' must map each version date to its label", "add 'versions:'")
        return []
    days = []
    for key in versions:
        try:
            days.append(parse_date(key))
        except ValueError as exc:
            problems.add(("versions", key), str(exc))
    return days


def load_constitution(source: str | Path, *, text: str | None = None) -> ConstitutionDocument:
    """Read and validate a constitution file; every version must resolve cleanly.

    Args:
        source: the file path (also used in messages when ``text`` is given).
        text: the file's content, if already read.

    Raises:
        InvalidFile: listing every problem found, each with file, line and path.
        ReformlabError: the file cannot be read or is not YAML.
    """
    file = str(source)
    raw, lines = load_yaml(read_text(source) if text is None else text, file)
    return document_from_data(raw, lines, file)


def document_from_data(raw: Any, lines: Lines, file: str | None) -> ConstitutionDocument:
    """Validate parsed data (every version) and wrap it as a frozen :class:`ConstitutionDocument`."""
    problems = Problems(file, lines)
    days = _check_header(raw, problems)
    problems.raise_if_any()
    for day in sorted(days):
        _resolve_version(raw, day, problems)
    problems.raise_if_any()
    return ConstitutionDocument(raw=deep_freeze(raw), file=file, lines=MappingProxyType(dict(lines)))


def deep_freeze(value: Any) -> Any:
    """A read-only copy: mappings become ``MappingProxyType``, lists become tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: deep_freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(deep_freeze(v) for v in value)
    return value


def builtin_dir():
    """The folder of built-in constitution files (``reformlab/data/constitutions``)."""
    return resources.files("reformlab.data").joinpath("constitutions")


def builtin_ids() -> tuple[str, ...]:
    """Ids of the built-in constitutions (file stems), sorted."""
    folder = builtin_dir()
    return tuple(sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml")))


_CACHE: dict[str, ConstitutionDocument] = {}


def load_builtin(constitution_id: str) -> ConstitutionDocument:
    """The built-in constitution ``constitution_id`` (e.g. ``"kz"``), loaded once per process."""
    from reformlab.errors import did_you_mean

    if constitution_id not in _CACHE:
        ids = builtin_ids()
        if constitution_id not in ids:
            raise ReformlabError(f"no built-in constitution {constitution_id!r}", field="target",
                                 fix=did_you_mean(constitution_id, ids))
        path = builtin_dir().joinpath(f"{constitution_id}.yaml")
        _CACHE[constitution_id] = load_constitution(f"{constitution_id}.yaml", text=path.read_text("utf-8"))
    return _CACHE[constitution_id]
